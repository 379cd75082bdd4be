// zstd in plain JavaScript (fzstd's streaming decoder): the fallback where WebAssembly cannot
// load (a page CSP without 'wasm-unsafe-eval'). ≈ 2× slower than the WebAssembly decoder here,
// see README.md. Handles multi-frame and skippable frames.

import { Decompress } from 'fzstd';
import { DecompressError, describe } from './errors.ts';
import type { ZstdDecoder } from './zstd-decoder.ts';

/**
 * fzstd decodes a whole pushed chunk at once, so input goes in slices: a slice of this many bytes
 * decodes to at most 32 MiB (RLE blocks: 4 bytes for 128 KiB), whatever the chunk holds.
 */
const SLICE = 1024;

export function createFzstd(): ZstdDecoder {
  let consumed = 0;
  let empty = true;
  let out: Uint8Array[] = [];
  const d = new Decompress((chunk) => {
    if (chunk.length > 0) out.push(chunk);
  });
  return {
    *decode(chunk) {
      if (chunk.length === 0) return;
      empty = false;
      for (let off = 0; off < chunk.length; off += SLICE) {
        try {
          d.push(chunk.subarray(off, off + SLICE));
        } catch (e) {
          throw new DecompressError('zstd', consumed + off, `corrupt frame: ${describe(e)}`);
        }
        const ready = out;
        out = [];
        yield* ready;
      }
      consumed += chunk.length;
    },
    finish() {
      if (empty) throw new DecompressError('zstd', 0, 'empty input');
      try {
        d.push(new Uint8Array(0), true);
      } catch (e) {
        throw new DecompressError('zstd', consumed, `truncated: ${describe(e)}`);
      }
      const rest = out;
      out = [];
      return rest;
    },
    release() {},
  };
}
