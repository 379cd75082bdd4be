// Where a gzip member may start inside a chunk of compressed bytes (RFC 1952 §2.3.1: ID1 = 0x1f,
// ID2 = 0x8b, CM = 8, then FLG with its reserved bits 5–7 clear). gzip.ts splits its input there
// (see the top of that file), so every compressed byte passes through this search: it must cost
// little next to inflating (bench/README.md "Reading the figures").
//
// Chunks are searched with WebAssembly SIMD (member-search-wasm.ts) where it compiles, else in
// JavaScript: the three bytes 1f 8b 08 always cover one whole 2-byte unit at an even offset (1f 8b
// when the match starts at an even offset, 8b 08 when it starts at an odd one), so that search
// reads the chunk as 32-bit words and compares their two halves with those two units (each a
// 1-in-65,536 event in compressed data), checking the bytes only around a hit. Measured in
// Chromium 156 on 90 MB of random bytes in 256 KiB pieces: 24 ms, against 52 ms for
// Uint16Array.indexOf of the two units, 35 ms for a Uint16Array loop and ≈ 85 ms for
// indexOf(0x1f) at every 0x1f byte. The SIMD search takes ≈ 8 ms for 90 MB in Node 20 and ≈ 6 ms
// of worker CPU behind the decoder in Chromium, the copy into its memory included.

import { memberSearch, type MemberSearch } from './member-search-wasm.ts';

/** ID1 ID2 CM=deflate and no reserved flag bits (RFC 1952 §2.3.1). */
export function isMemberStart(b: Uint8Array, i: number): boolean {
  return b[i] === 0x1f && b[i + 1] === 0x8b && b[i + 2] === 0x08 && (i + 3 >= b.length || (b[i + 3] & 0xe0) === 0);
}

/** The 2-byte units 1f 8b and 8b 08, as a 16-bit half of a word reads them on this machine. */
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UNIT_EVEN = LITTLE ? 0x8b1f : 0x1f8b;
const UNIT_ODD = LITTLE ? 0x088b : 0x8b08;

/** Below this many bytes a chunk is searched in JavaScript: the copy and call cost more. */
const SIMD_MIN = 4096;

/**
 * Offsets p in [1, end) where a member may start (isMemberStart), ascending. `end` ≤ b.length;
 * the caller holds back a tail that might be a start cut by the chunk's end. `simd`: whether
 * the WebAssembly search may be used (tests turn it off to check the JavaScript one).
 */
export function memberStarts(b: Uint8Array, end: number, simd = true): number[] {
  const wasm = simd && end >= SIMD_MIN ? memberSearch() : null;
  return wasm ? simdStarts(wasm, b, end) : jsStarts(b, end);
}

function simdStarts(s: MemberSearch, b: Uint8Array, end: number): number[] {
  // Room for the chunk and the 17 bytes past `end` the last 16-byte step may read, zeroed so
  // that nothing left from an earlier chunk looks like a match.
  const need = b.length + 32;
  if (s.memory.buffer.byteLength < need) s.memory.grow(Math.ceil((need - s.memory.buffer.byteLength) / 65536));
  const mem = new Uint8Array(s.memory.buffer, 0, need);
  mem.set(b);
  mem.fill(0, b.length);
  const out: number[] = [];
  for (let p = s.find(1, end); p !== -1; p = s.find(p + 1, end)) if (isMemberStart(b, p)) out.push(p);
  return out;
}

function jsStarts(b: Uint8Array, end: number): number[] {
  const out: number[] = [];
  if ((b.byteOffset & 3) !== 0) {
    // Words need an aligned view (our pieces are aligned): visit each 0x1f instead.
    for (let at = b.indexOf(0x1f, 1); at !== -1 && at < end; at = b.indexOf(0x1f, at + 1)) if (isMemberStart(b, at)) out.push(at);
    return out;
  }
  const words = new Int32Array(b.buffer, b.byteOffset, b.length >> 2);
  const n = words.length;
  for (let k = 0; k < n; k++) {
    const w = words[k];
    const lo = w & 0xffff;
    const hi = w >>> 16;
    if (lo === UNIT_EVEN || lo === UNIT_ODD || hi === UNIT_EVEN || hi === UNIT_ODD) {
      // Word k holds the unit of every match starting in [4k − 1, 4k + 2].
      const last = Math.min(4 * k + 3, end);
      for (let p = Math.max(1, 4 * k - 1); p < last; p++) if (isMemberStart(b, p)) out.push(p);
    }
  }
  // The bytes after the last whole word: matches starting from 4n − 1 on.
  for (let p = Math.max(1, 4 * n - 1); p < end; p++) if (isMemberStart(b, p)) out.push(p);
  return out;
}
