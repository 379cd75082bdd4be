// File contents for the bench's generated layers: deterministic, and compressible the way real
// layers are (text, machine-code-like binaries, a few already-compressed blobs), so that gzip
// and zstd do realistic work. All zeros or all random would make decompression unrealistically
// fast or slow.

import { Rng } from './prng.ts';

export type ContentKind = 'text' | 'binary' | 'random';

const LETTERS = 'etaoinshrdlcumwfgypbvkjxqz_';
const PUNCT = ['', '', '', '', ',', '.', '(', ')', ';', ':', '=', '{', '}', '"'];

export class ContentGenerator {
  private readonly words: Uint8Array[] = [];
  private readonly patterns: Uint8Array[] = [];

  constructor(private readonly rng: Rng) {
    for (let i = 0; i < 3000; i++) {
      const len = rng.int(2, 10);
      let w = '';
      for (let j = 0; j < len; j++) w += LETTERS[Math.floor(Math.pow(rng.next(), 1.6) * LETTERS.length)];
      w += rng.pick(PUNCT);
      this.words.push(new TextEncoder().encode(w));
    }
    // "Opcodes": short byte patterns that recur, as instruction sequences do in real binaries.
    for (let i = 0; i < 600; i++) {
      const p = new Uint8Array(rng.int(1, 7));
      for (let j = 0; j < p.length; j++) p[j] = rng.chance(0.3) ? rng.pick([0x00, 0x48, 0x89, 0x8b, 0xe8, 0xff, 0x0f, 0x24]) : rng.int(0, 255);
      this.patterns.push(p);
    }
  }

  /** Fills `out` with content of the given kind. */
  fill(out: Uint8Array, kind: ContentKind): void {
    if (kind === 'random') this.fillRandom(out);
    else if (kind === 'text') this.fillText(out);
    else this.fillBinary(out);
  }

  private fillRandom(out: Uint8Array): void {
    const rng = this.rng;
    let i = 0;
    for (; i + 4 <= out.length; i += 4) {
      const x = rng.u32();
      out[i] = x;
      out[i + 1] = x >>> 8;
      out[i + 2] = x >>> 16;
      out[i + 3] = x >>> 24;
    }
    for (; i < out.length; i++) out[i] = rng.u32();
  }

  private fillText(out: Uint8Array): void {
    const rng = this.rng;
    const words = this.words;
    const n = out.length;
    let i = 0;
    let col = 0;
    let lineLen = rng.int(30, 100);
    while (i < n) {
      if (col >= lineLen) {
        out[i++] = 10;
        col = 0;
        lineLen = rng.int(30, 100);
        const indent = rng.u32() & 7;
        for (let k = 0; k < indent && i < n; k++) out[i++] = 32;
        continue;
      }
      const x = rng.u32();
      if ((x & 7) < 3 && i > 256) {
        // a phrase said before: real text repeats itself, which is what LZ77 feeds on
        const len = 8 + ((x >>> 3) & 31);
        const from = i - 16 - ((x >>> 8) % Math.min(i - 16, 4000));
        for (let k = 0; k < len && i < n; k++) out[i++] = out[from + k];
        col += len;
        continue;
      }
      const r = (x >>> 3) / 536870912;
      const w = words[Math.floor(r * r * r * words.length)];
      for (let k = 0; k < w.length && i < n; k++) out[i++] = w[k];
      if (i < n) out[i++] = 32;
      col += w.length + 1;
    }
  }

  private fillBinary(out: Uint8Array): void {
    const rng = this.rng;
    const pats = this.patterns;
    const words = this.words;
    const n = out.length;
    let i = 0;
    while (i < n) {
      const x = rng.u32();
      const t = x & 127;
      if (t < 16 && i > 4096) {
        // a sequence seen before (inlined code, tables, relocations)
        const len = 6 + ((x >>> 7) & 31);
        const from = i - 8 - ((x >>> 13) % (i - 8 < 30000 ? i - 8 : 30000));
        for (let k = 0; k < len && i < n; k++) out[i++] = out[from + k];
      } else if (t < 85) {
        const r = (x >>> 7) / 33554432;
        const p = pats[Math.floor(r * r * pats.length)];
        for (let k = 0; k < p.length && i < n; k++) out[i++] = p[k];
      } else if (t < 112) {
        // an immediate or an address: random bytes
        const len = 1 + ((x >>> 7) & 3);
        const y = rng.u32();
        for (let k = 0; k < len && i < n; k++) out[i++] = y >>> (k * 8);
      } else if (t < 122) {
        const len = 1 + ((x >>> 7) & 15);
        for (let k = 0; k < len && i < n; k++) out[i++] = 0;
      } else {
        // a string from the string table
        const w = words[(x >>> 7) % words.length];
        for (let k = 0; k < w.length && i < n; k++) out[i++] = w[k];
        if (i < n) out[i++] = 0;
      }
    }
  }
}
