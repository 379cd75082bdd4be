// The shape both zstd decoders share, so zstd.ts can pick one and wrap it in a stream.

export interface ZstdDecoder {
  /**
   * Decodes a chunk lazily: each step yields one piece of output (fresh arrays the receiver may
   * keep; at most about 1 MiB from the WebAssembly decoder). Nothing is decoded until asked for,
   * so a reader that stops asking stops the work: a few kilobytes of zstd can expand to
   * gigabytes (RFC 8878 RLE blocks), and a synchronous decode of a whole chunk would hold them
   * all. Throws DecompressError. The next chunk may be given only once this one is exhausted.
   */
  decode(chunk: Uint8Array): Generator<Uint8Array, void, undefined>;
  /** The input ended: returns output held back until now, or throws DecompressError if it stopped inside a frame. */
  finish(): Uint8Array[];
  /** Frees what the decoder holds (WebAssembly memory); safe to call twice. */
  release(): void;
}
