import { describe, expect, it } from 'vitest';
import { looksLikeJson, looksLikeTar, sniffCompression } from './sniff.ts';
import { writeTar } from '../tar/testing/write-tar.ts';

describe('sniffCompression', () => {
  it.each([
    ['gzip', [0x1f, 0x8b, 0x08, 0]],
    ['zstd', [0x28, 0xb5, 0x2f, 0xfd, 0x04]],
    ['none', [0x1f]],
    ['none', [0x28, 0xb5, 0x2f]],
    ['none', [0x2e, 0x2f, 0x00]],
    ['none', []],
  ])('%s for %j', (want, bytes) => {
    expect(sniffCompression(new Uint8Array(bytes))).toBe(want);
  });
});

describe('looksLikeTar', () => {
  const one = [{ path: 'a.txt', data: 'hi' }];
  it('knows POSIX, GNU and v7 headers', () => {
    expect(looksLikeTar(writeTar(one, { magic: 'posix' }))).toBe(true);
    expect(looksLikeTar(writeTar(one, { magic: 'gnu' }))).toBe(true);
    expect(looksLikeTar(writeTar(one, { magic: 'v7' }))).toBe(true);
  });
  it('rejects a v7 header whose checksum is off, zero blocks, JSON and short input', () => {
    const bad = writeTar(one, { magic: 'v7' });
    bad[0] ^= 1;
    expect(looksLikeTar(bad)).toBe(false);
    expect(looksLikeTar(new Uint8Array(1024))).toBe(false);
    expect(looksLikeTar(new TextEncoder().encode(`{"a":1}${' '.repeat(600)}`))).toBe(false);
    expect(looksLikeTar(writeTar(one).subarray(0, 511))).toBe(false);
  });
});

describe('looksLikeJson', () => {
  const t = (s: string) => looksLikeJson(new TextEncoder().encode(s));
  it('accepts objects and arrays after whitespace or a BOM', () => {
    expect(t('{"schemaVersion":2}')).toBe(true);
    expect(t(' \n\t[1]')).toBe(true);
    expect(t('\ufeff{}')).toBe(true);
  });
  it('rejects other text and binary', () => {
    expect(t('FROM busybox')).toBe(false);
    expect(t('')).toBe(false);
    expect(looksLikeJson(new Uint8Array([0x1f, 0x8b]))).toBe(false);
  });
});
