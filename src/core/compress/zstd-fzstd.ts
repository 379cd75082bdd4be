// zstd in plain JavaScript (fzstd's streaming decoder): the fallback where WebAssembly cannot
// load (a page CSP without 'wasm-unsafe-eval'). ≈ 2× slower than the WebAssembly decoder here,
// see README.md. Handles multi-frame and skippable frames.

import { Decompress } from 'fzstd';
import { DecompressError, describe } from './errors.ts';
import type { ZstdDecoder } from './zstd-decoder.ts';

export function createFzstd(): ZstdDecoder {
  let consumed = 0;
  let empty = true;
  let emit: (out: Uint8Array) => void = () => {};
  const d = new Decompress((chunk) => {
    if (chunk.length > 0) emit(chunk);
  });
  return {
    push(chunk, out) {
      if (chunk.length === 0) return;
      empty = false;
      emit = out;
      try {
        d.push(chunk);
      } catch (e) {
        throw new DecompressError('zstd', consumed, `corrupt frame: ${describe(e)}`);
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
    },
    release() {},
  };
}
