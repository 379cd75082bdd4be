// Values of a hashes column (LayerTable.hashes), kept apart from content-hash.ts so that readers
// of the column (change marks, duplicates, reports) do not pull in the WebAssembly hasher.

/** What the column holds for a row whose content was not hashed: directories, links, markers. */
export const NOT_HASHED = 0n;

/** 16 hex digits, as `xxh64sum` prints a digest. */
export function hashHex(h: bigint): string {
  return h.toString(16).padStart(16, '0');
}
