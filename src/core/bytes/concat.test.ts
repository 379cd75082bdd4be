import { describe, expect, it } from 'vitest';
import { concatBytes } from './concat.ts';

describe('concatBytes', () => {
  it('joins chunks in order', () => {
    expect([...concatBytes([Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3)])]).toEqual([1, 2, 3]);
    expect(concatBytes([])).toHaveLength(0);
  });

  it('takes a known total, and returns a lone chunk without copying', () => {
    const one = Uint8Array.of(7, 8);
    expect(concatBytes([one])).toBe(one);
    expect([...concatBytes([Uint8Array.of(1), Uint8Array.of(2)], 2)]).toEqual([1, 2]);
  });
});
