// zstd as a TransformStream. The WebAssembly build of libzstd decodes ≈ 2× faster than fzstd
// here (README.md); fzstd takes over where WebAssembly cannot load.

import { createFzstd } from './zstd-fzstd.ts';
import { createWasmZstd } from './zstd-wasm.ts';
import type { ZstdDecoder } from './zstd-decoder.ts';

export type ZstdImpl = 'auto' | 'wasm' | 'js';

export function zstdStream(impl: ZstdImpl = 'auto'): TransformStream<Uint8Array, Uint8Array> {
  let d: ZstdDecoder;
  return new TransformStream<Uint8Array, Uint8Array>({
    async start() {
      if (impl === 'js') d = createFzstd();
      else if (impl === 'wasm') d = await createWasmZstd();
      else d = await createWasmZstd().catch(() => createFzstd());
    },
    transform(chunk, controller) {
      d.push(chunk, (out) => controller.enqueue(out));
    },
    flush() {
      d.finish();
    },
    // Transformer.cancel (Streams spec, 2023): frees WebAssembly memory at once where supported;
    // elsewhere a FinalizationRegistry frees it later.
    cancel() {
      d?.release();
    },
  } as Transformer<Uint8Array, Uint8Array>);
}
