// base64url against Node's own encoder, and garbage in → null, never an exception.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64url, encodeBase64url } from './base64url.ts';

describe('base64url', () => {
  it('matches Buffer base64url and round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64url(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses characters outside the alphabet and impossible lengths', () => {
    expect(decodeBase64url('ab+c')).toBeNull();
    expect(decodeBase64url('ab/c')).toBeNull();
    expect(decodeBase64url('abcde')).toBeNull();
    expect(decodeBase64url('ab c')).toBeNull();
    expect(decodeBase64url('aé')).toBeNull();
    expect(decodeBase64url('AQ==')).toEqual(new Uint8Array([1]));
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => void decodeBase64url(s)));
  });
});
