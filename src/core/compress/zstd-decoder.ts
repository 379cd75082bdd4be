// The shape both zstd decoders share, so zstd.ts can pick one and wrap it in a TransformStream.

export interface ZstdDecoder {
  /** Decodes a chunk, passing output (fresh arrays the receiver may keep) to `emit`. Throws DecompressError. */
  push(chunk: Uint8Array, emit: (out: Uint8Array) => void): void;
  /** The input ended: throws DecompressError if it stopped inside a frame. */
  finish(): void;
  /** Frees what the decoder holds (WebAssembly memory); safe to call twice. */
  release(): void;
}
