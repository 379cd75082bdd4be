// A decoder failure, with the compressed-byte offset it was found at (as near as the decoder
// tells: the start of the chunk it choked on).

export class DecompressError extends Error {
  override readonly name = 'DecompressError';
  constructor(
    readonly format: 'gzip' | 'zstd',
    /** compressed bytes fed to the decoder before the chunk that failed */
    readonly offset: number,
    /** what the decoder said */
    readonly detail: string,
  ) {
    super(`${format}: corrupt data near compressed byte ${offset} (${detail})`);
  }
}

export function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
