import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMemberStart, memberStarts } from './member-starts.ts';
import { memberSearch } from './member-search-wasm.ts';

/** The obvious reference: every offset in [1, end), one by one. */
function naive(b: Uint8Array, end: number): number[] {
  const out: number[] = [];
  for (let p = 1; p < end; p++) if (isMemberStart(b, p)) out.push(p);
  return out;
}

describe('memberStarts', () => {
  it('compiles its WebAssembly search here (Node 20 has SIMD)', () => {
    expect(memberSearch()).not.toBeNull();
  });

  it.each([true, false])('finds starts at even and odd offsets, in order, and not at 0 or past end (simd %s)', (simd) => {
    // Long enough for the SIMD search, with starts near both ends and across 16-byte steps.
    const b = new Uint8Array(5000);
    const starts = [3, 10, 17, 30, 4095, 4990];
    for (const p of [0, ...starts]) b.set([0x1f, 0x8b, 0x08, 0x00], p);
    b.set([0x1f, 0x8b, 0x08, 0xe0], 22); // reserved flag bits set: not a start
    b.set([0x1f, 0x8b, 0x08], 4997); // the last three bytes: flags unknown, a start
    expect(memberStarts(b, 5000, simd)).toEqual([...starts, 4997]);
    expect(memberStarts(b, 4990, simd)).toEqual(starts.slice(0, 5));
    expect(memberStarts(b, 4096, simd)).toEqual(starts.slice(0, 5));
    expect(memberStarts(b, 4095, simd)).toEqual(starts.slice(0, 4));
  });

  it('does not see a start in bytes left from a longer chunk before', () => {
    const long = new Uint8Array(9000);
    long.set([0x1f, 0x8b, 0x08, 0x00], 6000);
    expect(memberStarts(long, 9000)).toEqual([6000]);
    const short = new Uint8Array(5000);
    short.set([0x1f], 4999);
    expect(memberStarts(short, 5000)).toEqual([]);
  });

  it.each([true, false])('agrees with a byte-by-byte scan, at any alignment and length (simd %s)', (simd) => {
    // Dense in 1f, 8b and 08 so that near-misses and overlaps are common.
    const byte = fc.constantFrom(0x1f, 0x8b, 0x08, 0x00, 0xe0, 0x1f, 0x8b, 0x08);
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 300 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4200 }), (bytes, shift, cut, pad) => {
        // `pad` zero bytes in front make some inputs long enough for the SIMD search.
        const buf = new Uint8Array(shift + pad + bytes.length);
        buf.set(bytes, shift + pad);
        const b = buf.subarray(shift);
        const end = Math.max(0, b.length - cut);
        expect(memberStarts(b, end, simd)).toEqual(naive(b, end));
      }),
      { numRuns: 500 },
    );
  });
});
