// A zstd decoder over the reference C implementation (libzstd's ZSTD_decompressStream)
// compiled to WebAssembly, as shipped by the `zstddec` package. zstddec's own API decodes a whole
// buffer, or streams from a synchronous iterable without checking error codes (a corrupt frame
// loops forever), so this drives the exported C functions directly: bounded memory (one window,
// ≤ 128 MiB by libzstd's default limit, plus a 1 MiB input and a 1 MiB output buffer), every
// error code checked, multi-frame and skippable frames as libzstd handles them (RFC 8878 §3.1).

import { DecompressError } from './errors.ts';
import type { ZstdDecoder } from './zstd-decoder.ts';

interface ZstdExports {
  memory: WebAssembly.Memory;
  malloc(n: number): number;
  free(p: number): void;
  ZSTD_createDCtx(): number;
  ZSTD_freeDCtx(p: number): number;
  ZSTD_decompressStream(dctx: number, out: number, inp: number): number;
}

let exportsPromise: Promise<ZstdExports> | null = null;

/** zstddec instantiates the module and hands the instance to `_init`; keep it. */
function loadExports(): Promise<ZstdExports> {
  exportsPromise ??= (async () => {
    // Loaded on first use, so bundles that never meet zstd do not carry the 85 kB module.
    const { ZSTDDecoder } = await import('zstddec/stream');
    let instance: WebAssembly.Instance | null = null;
    class Capture extends ZSTDDecoder {
      override _init(result: WebAssembly.WebAssemblyInstantiatedSource): void {
        instance = result.instance;
        super._init(result);
      }
    }
    await new Capture().init();
    if (!instance) throw new Error('zstd: the WebAssembly decoder did not load');
    return (instance as WebAssembly.Instance).exports as unknown as ZstdExports;
  })();
  return exportsPromise;
}

// A few ZSTD_ErrorCode values (zstd_errors.h), for messages.
const ERRORS: Record<number, string> = {
  10: 'unknown frame descriptor',
  12: 'unsupported version',
  14: 'unsupported frame parameter',
  16: 'window too large',
  20: 'corrupted data',
  22: 'checksum mismatch',
  70: 'destination too small',
  72: 'source size wrong',
};

const IN_CAP = 1 << 20;
const OUT_CAP = 1 << 20;

/** Frees C-side state if a decoder is dropped without finishing (a cancelled read). */
const leaks = new FinalizationRegistry<() => void>((free) => free());

/** Loads the WebAssembly module (once) and makes a decoder; rejects where WebAssembly cannot load. */
export async function createWasmZstd(): Promise<ZstdDecoder> {
  const z = await loadExports();
  const dctx = z.ZSTD_createDCtx();
  const inBuf = z.malloc(IN_CAP);
  const outBuf = z.malloc(OUT_CAP);
  const inDesc = z.malloc(24); // ZSTD_inBuffer { src, size, pos } then ZSTD_outBuffer { dst, size, pos }, u32 each
  const outDesc = inDesc + 12;
  const free = () => {
    if (dctx) z.ZSTD_freeDCtx(dctx);
    if (inBuf) z.free(inBuf);
    if (outBuf) z.free(outBuf);
    if (inDesc) z.free(inDesc);
  };
  if (!dctx || !inBuf || !outBuf || !inDesc) {
    free();
    throw new DecompressError('zstd', 0, 'out of memory');
  }
  const token = {};
  leaks.register(token, free, token);
  let live = true;
  let consumed = 0;
  let lastRet = 0;
  let empty = true;

  const release = () => {
    if (!live) return;
    live = false;
    leaks.unregister(token);
    free();
  };

  // A generator: it stops after each output buffer until the reader asks for more (zstd-decoder.ts).
  function* decode(chunk: Uint8Array): Generator<Uint8Array, void, undefined> {
    if (!live) throw new DecompressError('zstd', consumed, 'decoder already released');
    if (chunk.length === 0) return;
    empty = false;
    for (let off = 0; off < chunk.length; off += IN_CAP) {
      const piece = chunk.subarray(off, off + IN_CAP);
      new Uint8Array(z.memory.buffer, inBuf, piece.length).set(piece);
      let view = new Uint32Array(z.memory.buffer);
      view[inDesc >>> 2] = inBuf;
      view[(inDesc >>> 2) + 1] = piece.length;
      view[(inDesc >>> 2) + 2] = 0;
      let inBefore = -1;
      for (;;) {
        view[outDesc >>> 2] = outBuf;
        view[(outDesc >>> 2) + 1] = OUT_CAP;
        view[(outDesc >>> 2) + 2] = 0;
        if (!live) throw new DecompressError('zstd', consumed + off, 'decoder released while decoding');
        const ret = z.ZSTD_decompressStream(dctx, outDesc, inDesc);
        // size_t errors are (size_t)-code: negative as a wasm32 i32.
        if (ret < 0) {
          release();
          throw new DecompressError('zstd', consumed + off, `corrupt frame: ${ERRORS[-ret] ?? `error ${-ret}`}`);
        }
        lastRet = ret;
        view = new Uint32Array(z.memory.buffer); // the heap may have grown (and moved)
        const produced = view[(outDesc >>> 2) + 2];
        const inPos = view[(inDesc >>> 2) + 2];
        if (produced > 0) yield new Uint8Array(z.memory.buffer, outBuf, produced).slice();
        view = new Uint32Array(z.memory.buffer);
        // Done with this piece once it is all read and the output buffer was not filled up.
        if (inPos >= piece.length && produced < OUT_CAP) break;
        if (produced === 0 && inPos === inBefore) {
          release();
          throw new DecompressError('zstd', consumed + off, 'corrupt frame: no progress');
        }
        inBefore = inPos;
      }
    }
    consumed += chunk.length;
  }

  return {
    decode,
    finish() {
      release();
      if (empty) throw new DecompressError('zstd', 0, 'empty input');
      // ZSTD_decompressStream returns 0 exactly when a frame is complete and flushed.
      if (lastRet !== 0) throw new DecompressError('zstd', consumed, 'truncated: the input ended inside a frame');
      return [];
    },
    release,
  };
}
