// The error the tar reader throws for a malformed or truncated archive. It knows the byte offset
// in the tar stream; callers that know the file and entry names wrap it into an InputError.

export class TarFormatError extends Error {
  override readonly name = 'TarFormatError';
  constructor(
    /** byte offset in the tar stream (decompressed bytes) where the problem is */
    readonly offset: number,
    /** what was wrong, without the offset: "bad header checksum", "truncated: ended inside entry x" */
    readonly problem: string,
  ) {
    super(`${problem} at byte ${offset}`);
  }
}
