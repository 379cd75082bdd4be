// zstd as a stream pair for pipeThrough. The WebAssembly build of libzstd decodes ≈ 2× faster
// than fzstd here (README.md); fzstd takes over where WebAssembly cannot load.
//
// Not a TransformStream: a transform() call must finish its chunk before the reader can say
// "enough", and a few kilobytes of zstd can decode to gigabytes (RFC 8878 RLE blocks: 4 bytes
// for 128 KiB). Here output is decoded only when the readable side pulls, one piece at a time,
// so a reader that stops (a limit hit, a cancel) stops the decoding, and memory stays one piece.

import { createFzstd } from './zstd-fzstd.ts';
import { createWasmZstd } from './zstd-wasm.ts';
import type { ZstdDecoder } from './zstd-decoder.ts';

export type ZstdImpl = 'auto' | 'wasm' | 'js';

async function create(impl: ZstdImpl): Promise<ZstdDecoder> {
  if (impl === 'js') return createFzstd();
  if (impl === 'wasm') return createWasmZstd();
  return createWasmZstd().catch(() => createFzstd());
}

interface Pending {
  pieces: Iterator<Uint8Array>;
  /** settles the write() that handed the chunk over */
  done: () => void;
  fail: (e: unknown) => void;
}

export function zstdStream(impl: ZstdImpl = 'auto'): ReadableWritablePair<Uint8Array, Uint8Array> {
  let decoder: Promise<ZstdDecoder> | null = null;
  const get = () => (decoder ??= create(impl));
  let pending: Pending | null = null;
  /** output held back until the end (fzstd), then the end itself */
  let tail: Uint8Array[] | null = null;
  let wake: (() => void) | null = null;
  let out!: ReadableStreamDefaultController<Uint8Array>;

  const stop = (reason: unknown) => {
    const p = pending;
    pending = null;
    p?.fail(reason);
    void decoder?.then((d) => d.release(), () => {});
  };

  const readable = new ReadableStream<Uint8Array>(
    {
      start(c) {
        out = c;
      },
      async pull(c) {
        for (;;) {
          if (pending) {
            let step: IteratorResult<Uint8Array>;
            try {
              step = pending.pieces.next();
            } catch (e) {
              stop(e);
              throw e;
            }
            if (!step.done) return c.enqueue(step.value);
            const p = pending;
            pending = null;
            p.done();
            continue;
          }
          if (tail) {
            const next = tail.shift();
            if (next) return c.enqueue(next);
            return c.close();
          }
          await new Promise<void>((r) => (wake = r));
        }
      },
      cancel(reason) {
        stop(reason);
      },
    },
    { highWaterMark: 0 },
  );

  const writable = new WritableStream<Uint8Array>({
    async write(chunk) {
      const d = await get();
      await new Promise<void>((done, fail) => {
        pending = { pieces: d.decode(chunk), done, fail };
        wake?.();
        wake = null;
      });
    },
    async close() {
      const d = await get();
      try {
        tail = d.finish();
      } catch (e) {
        out.error(e);
        throw e;
      }
      wake?.();
      wake = null;
    },
    abort(reason) {
      stop(reason);
      out.error(reason);
    },
  });

  return { readable, writable };
}
