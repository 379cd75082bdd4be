// One layer's entries, stored column by column (typed arrays + one UTF-8 path buffer) so that
// 500k entries cost tens of bytes each instead of a JS object apiece, and so that a table
// built in a worker can be transferred to the page without copying (DESIGN.md "memory per entry").
//
// Paths are normalized: absolute, no trailing slash, no `.`/`..` components ("/etc/passwd").
// Whiteout entries keep the path they delete ("/data/one" for "/data/.wh.one"); opaque markers
// keep the path of the directory they make opaque ("/data" for "/data/.wh..wh..opq").

import { EntryKind } from './entry-kind.ts';

export interface LayerTableColumns {
  count: number;
  /** UTF-8 bytes of every path, back to back */
  pathBytes: Uint8Array;
  /** start of path i in pathBytes; pathOffsets[count] is the end */
  pathOffsets: Uint32Array;
  kinds: Uint8Array;
  /** regular-file bytes from the tar header (0 for hard links, dirs, ...) */
  sizes: Float64Array;
  /** permission and special bits (07777) */
  modes: Uint16Array;
  uids: Uint32Array;
  gids: Uint32Array;
  /** seconds since the epoch */
  mtimes: Float64Array;
  /** index into linkTargets, -1 when none */
  linkIds: Int32Array;
  /** symlink and hard-link targets, as written in the tar (hard links normalized like paths) */
  linkTargets: string[];
  /**
   * XXH64 of each regular file's content (src/core/hash/), present only when the scan was asked
   * to hash (ScanOptions.hash); 0n for rows that are not regular files.
   */
  hashes?: BigUint64Array;
}

const decoder = new TextDecoder();

export class LayerTable implements LayerTableColumns {
  count: number;
  pathBytes: Uint8Array;
  pathOffsets: Uint32Array;
  kinds: Uint8Array;
  sizes: Float64Array;
  modes: Uint16Array;
  uids: Uint32Array;
  gids: Uint32Array;
  mtimes: Float64Array;
  linkIds: Int32Array;
  linkTargets: string[];
  hashes?: BigUint64Array;

  constructor(c: LayerTableColumns) {
    this.count = c.count;
    this.pathBytes = c.pathBytes;
    this.pathOffsets = c.pathOffsets;
    this.kinds = c.kinds;
    this.sizes = c.sizes;
    this.modes = c.modes;
    this.uids = c.uids;
    this.gids = c.gids;
    this.mtimes = c.mtimes;
    this.linkIds = c.linkIds;
    this.linkTargets = c.linkTargets;
    if (c.hashes) this.hashes = c.hashes;
  }

  path(i: number): string {
    return decoder.decode(this.pathBytes.subarray(this.pathOffsets[i], this.pathOffsets[i + 1]));
  }

  linkTarget(i: number): string | null {
    const id = this.linkIds[i];
    return id < 0 ? null : this.linkTargets[id];
  }

  /** The plain columns, for structured cloning; buffers() lists what can be transferred. */
  columns(): LayerTableColumns {
    const { count, pathBytes, pathOffsets, kinds, sizes, modes, uids, gids, mtimes, linkIds, linkTargets, hashes } = this;
    const c: LayerTableColumns = { count, pathBytes, pathOffsets, kinds, sizes, modes, uids, gids, mtimes, linkIds, linkTargets };
    if (hashes) c.hashes = hashes;
    return c;
  }

  buffers(): ArrayBuffer[] {
    const arrays: ArrayBufferView[] = [this.pathBytes, this.pathOffsets, this.kinds, this.sizes, this.modes, this.uids, this.gids, this.mtimes, this.linkIds];
    if (this.hashes) arrays.push(this.hashes);
    return arrays.map((a) => a.buffer as ArrayBuffer);
  }

  /** Bytes held by the table itself (typed arrays; link strings estimated at 2 bytes a char). */
  byteSize(): number {
    let links = 0;
    for (const t of this.linkTargets) links += 16 + t.length * 2;
    return (
      this.pathBytes.byteLength + this.pathOffsets.byteLength + this.kinds.byteLength + this.sizes.byteLength +
      this.modes.byteLength + this.uids.byteLength + this.gids.byteLength + this.mtimes.byteLength +
      this.linkIds.byteLength + (this.hashes?.byteLength ?? 0) + links
    );
  }
}

/** Grows columns as entries arrive; `finish()` trims them to size. */
export class LayerTableBuilder {
  private n = 0;
  private cap: number;
  private pathLen = 0;
  private pathBytes: Uint8Array;
  private pathOffsets: Uint32Array;
  private kinds: Uint8Array;
  private sizes: Float64Array;
  private modes: Uint16Array;
  private uids: Uint32Array;
  private gids: Uint32Array;
  private mtimes: Float64Array;
  private linkIds: Int32Array;
  private linkTargets: string[] = [];
  private readonly encoder = new TextEncoder();

  constructor(initialCapacity = 256) {
    this.cap = initialCapacity;
    this.pathBytes = new Uint8Array(initialCapacity * 32);
    this.pathOffsets = new Uint32Array(initialCapacity + 1);
    this.kinds = new Uint8Array(initialCapacity);
    this.sizes = new Float64Array(initialCapacity);
    this.modes = new Uint16Array(initialCapacity);
    this.uids = new Uint32Array(initialCapacity);
    this.gids = new Uint32Array(initialCapacity);
    this.mtimes = new Float64Array(initialCapacity);
    this.linkIds = new Int32Array(initialCapacity);
  }

  get count(): number {
    return this.n;
  }

  /**
   * Adds a row. Its path is any bytes appended with appendPath() since the
   * last row, followed by `path` encoded as UTF-8.
   */
  add(path: string, kind: EntryKind, size: number, mode: number, uid: number, gid: number, mtime: number, linkTarget: string | null): number {
    // A UTF-16 code unit takes at most 3 UTF-8 bytes.
    if (this.pathLen + path.length * 3 > this.pathBytes.length) this.reservePath(path.length * 3);
    this.pathLen += this.encoder.encodeInto(path, this.pathBytes.subarray(this.pathLen)).written;
    return this.addRow(kind, size, mode, uid, gid, mtime, linkTarget);
  }

  /**
   * Appends the UTF-8 bytes `src` to the path of the next row, copied as they are (after a "/"
   * when `slash`): for readers that hold a path's bytes already (the tar reader's ASCII names),
   * which saves decoding them to a string, normalizing it and encoding it back.
   */
  appendPath(src: Uint8Array, slash = false): void {
    const len = src.length + (slash ? 1 : 0);
    if (this.pathLen + len > this.pathBytes.length) this.reservePath(len);
    let o = this.pathLen;
    if (slash) this.pathBytes[o++] = 0x2f;
    // One native copy beats a loop for the ≈ 100-byte runs paths are (Chromium 156).
    this.pathBytes.set(src, o);
    this.pathLen = o + src.length;
  }

  /** Adds a row whose path is the bytes appended since the last row. */
  addRow(kind: EntryKind, size: number, mode: number, uid: number, gid: number, mtime: number, linkTarget: string | null): number {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    // pathOffsets[i] already holds the end of the previous row's path: this row's start.
    this.pathOffsets[i + 1] = this.pathLen;
    this.kinds[i] = kind;
    this.sizes[i] = size;
    this.modes[i] = mode & 0o7777;
    this.uids[i] = uid;
    this.gids[i] = gid;
    this.mtimes[i] = mtime;
    if (linkTarget === null) this.linkIds[i] = -1;
    else {
      this.linkIds[i] = this.linkTargets.length;
      this.linkTargets.push(linkTarget);
    }
    return i;
  }

  private reservePath(more: number): void {
    const need = this.pathLen + more;
    const next = new Uint8Array(Math.max(need, this.pathBytes.length * 2));
    next.set(this.pathBytes.subarray(0, this.pathLen));
    this.pathBytes = next;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const g = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(a: T, size: number): T => {
      const next = new (a.constructor as new (n: number) => T)(size);
      next.set(a);
      return next;
    };
    this.pathOffsets = g(this.pathOffsets, cap + 1);
    this.kinds = g(this.kinds, cap);
    this.sizes = g(this.sizes, cap);
    this.modes = g(this.modes, cap);
    this.uids = g(this.uids, cap);
    this.gids = g(this.gids, cap);
    this.mtimes = g(this.mtimes, cap);
    this.linkIds = g(this.linkIds, cap);
    this.cap = cap;
  }

  finish(): LayerTable {
    const n = this.n;
    return new LayerTable({
      count: n,
      // Bytes appended after the last row belong to no row.
      pathBytes: this.pathBytes.slice(0, this.pathOffsets[n]),
      pathOffsets: this.pathOffsets.slice(0, n + 1),
      kinds: this.kinds.slice(0, n),
      sizes: this.sizes.slice(0, n),
      modes: this.modes.slice(0, n),
      uids: this.uids.slice(0, n),
      gids: this.gids.slice(0, n),
      mtimes: this.mtimes.slice(0, n),
      linkIds: this.linkIds.slice(0, n),
      linkTargets: this.linkTargets,
    });
  }
}
