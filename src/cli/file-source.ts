// A ByteSource over a file on disk, for the Node CLI and the bench: the same random-access reads
// and streams the browser gets from a File (src/core/bytes/source.ts), without loading the file.
//
// Why it is shaped like this:
// - every read goes into a fresh Uint8Array, never a pooled Buffer (Buffer.allocUnsafe shares an
//   8 KiB pool for small sizes, and callers may keep or transfer what they get);
// - reads are positional (pread), so several reads and streams can run at once on one handle;
// - streams read large chunks (1 MiB by default): the tar walker and decompressors are fastest
//   with few, large chunks (DESIGN.md "Measured here");
// - the size is fixed when the file is opened; a file that shrinks while it is streamed is an
//   error, not a silently short stream.
// The caller owns the handle: `close()` it (or use `withFileSource`) when done.

import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ByteSource } from '../core/bytes/source.ts';

export const DEFAULT_STREAM_CHUNK = 1 << 20;

export class FileSource implements ByteSource {
  private handle: FileHandle | null;

  private constructor(
    readonly name: string,
    readonly path: string,
    readonly size: number,
    handle: FileHandle,
  ) {
    this.handle = handle;
  }

  /** Opens `path` for reading; `name` (shown in errors) defaults to the file's base name. */
  static async open(path: string, name: string = basename(path)): Promise<FileSource> {
    const handle = await open(path, 'r');
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw new Error(`${path}: not a regular file`);
      return new FileSource(name, path, st.size, handle);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  get closed(): boolean {
    return this.handle === null;
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    checkRange(offset, length);
    const end = Math.min(this.size, offset + length);
    if (end <= offset) return new Uint8Array(0);
    const buf = new Uint8Array(end - offset);
    const got = await this.fill(buf, offset);
    // Fewer bytes only if the file shrank since it was opened; the contract allows a short read.
    return got === buf.length ? buf : buf.slice(0, got);
  }

  stream(offset: number, length: number, chunkSize = DEFAULT_STREAM_CHUNK): ReadableStream<Uint8Array> {
    checkRange(offset, length);
    if (!(chunkSize > 0)) throw new RangeError(`chunk size must be positive, got ${chunkSize}`);
    const end = Math.min(this.size, offset + length);
    let pos = offset;
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          if (pos >= end) return controller.close();
          const buf = new Uint8Array(Math.min(chunkSize, end - pos));
          const got = await this.fill(buf, pos);
          if (got < buf.length) {
            throw new Error(`${this.name}: file ended at byte ${pos + got}, expected ${this.size} bytes (changed while reading?)`);
          }
          pos += got;
          controller.enqueue(buf);
          if (pos >= end) controller.close();
        },
      },
      // One chunk read ahead, so the disk read overlaps the consumer's work on the previous one.
      { highWaterMark: 1 },
    );
  }

  async close(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    if (h) await h.close();
  }

  /** Reads until `buf` is full or the file ends; returns the bytes read. */
  private async fill(buf: Uint8Array, position: number): Promise<number> {
    let done = 0;
    while (done < buf.length) {
      const h = this.handle;
      if (!h) throw new Error(`${this.name}: read after close`);
      const { bytesRead } = await h.read(buf, done, buf.length - done, position + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done;
  }
}

/** Opens a FileSource, runs `fn` with it and closes it whatever happens. */
export async function withFileSource<T>(path: string, fn: (src: FileSource) => Promise<T>, name?: string): Promise<T> {
  const src = await FileSource.open(path, name);
  try {
    return await fn(src);
  } finally {
    await src.close();
  }
}

function checkRange(offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`offset must be a non-negative integer, got ${offset}`);
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`length must be a non-negative integer, got ${length}`);
}
