// What the tar parser reports per entry, and what a caller hands back to receive its bytes.

import type { RawPath } from './header.ts';

export type { RawPath } from './header.ts';

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'other';

export interface TarEntry {
  /** as written in the tar, after PAX / GNU long-name overrides; not normalized */
  path: string;
  type: TarEntryType;
  /** payload bytes that follow the header (0 for header-only types such as dirs and links) */
  size: number;
  mode: number;
  uid: number;
  gid: number;
  /** seconds since the epoch; PAX mtimes may be fractional */
  mtime: number;
  /** symlink or hard-link target ("" when none), after PAX / GNU overrides */
  linkname: string;
  /** offset of this entry's own header in the tar stream (after any PAX/GNU meta headers) */
  headerOffset: number;
  /** offset of the first payload byte in the tar stream */
  dataOffset: number;
  /**
   * The bytes `path` was decoded from, when it came from the header's own name (and ustar
   * prefix) fields, not PAX or a GNU long name, and is all ASCII: a reader can copy them instead
   * of encoding `path` again. Set only while onEntry runs (the bytes are the parser's, reused for
   * the next header); undefined afterwards and when there are none.
   */
  rawPath?: RawPath;
}

/**
 * Receives one entry's payload. Chunks are views into the caller's buffers: a sink that keeps
 * bytes past the call must copy them, or rely on pushers never reusing pushed chunks (ours don't).
 * Returning a promise makes the parser wait (backpressure).
 */
export interface PayloadSink {
  data(chunk: Uint8Array): void | Promise<void>;
  end(): void | Promise<void>;
  /** Called instead of end() when the archive stops inside this payload (TarParser.end()). */
  fail?(error: Error): void;
}
