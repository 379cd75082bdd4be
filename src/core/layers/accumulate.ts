// Turns tar entries into LayerTable rows and the layer's stats: normalized paths, whiteout and
// opaque markers recognised by name (OCI image spec, layer.md "Whiteouts"), regular-file bytes
// counted for kind `file` only (hard links point at a file counted once).

import { EntryKind } from '../model/entry-kind.ts';
import type { Compression, LayerStats } from '../model/image.ts';
import { LayerTable, LayerTableBuilder } from '../model/layer-table.ts';
import type { PayloadSink, TarEntry } from '../tar/entry.ts';
import type { HashColumn } from '../hash/hash-column.ts';
import { normalizePath } from '../tar/normalize.ts';

export interface LayerScan {
  table: LayerTable;
  stats: LayerStats;
  compression: Compression;
}

const WH = '.wh.';
const OPAQUE = '.wh..wh..opq';
/** `.wh..wh.*` names other than the opaque marker are AUFS bookkeeping (.wh..wh.plnk, .wh..wh.aufs). */
const WH_META = '.wh..wh.';
const SLASH = 0x2f;

/** True when the last segment of b starts with ".wh." (a whiteout or opaque marker, or AUFS bookkeeping). */
function lastSegmentIsWhiteout(b: Uint8Array): boolean {
  const end = b.length;
  let s = end;
  while (s > 0 && b[s - 1] !== SLASH) s--;
  return end - s >= 4 && b[s] === 0x2e && b[s + 1] === 0x77 && b[s + 2] === 0x68 && b[s + 3] === 0x2e;
}

export class LayerAccumulator {
  // Room for 4,096 rows before the first growth: layers hold thousands of entries.
  private readonly b = new LayerTableBuilder(4096);
  private fileBytes = 0;
  private fileCount = 0;
  private readonly whiteouts: string[] = [];
  private readonly opaqueDirs: string[] = [];

  /** With a HashColumn, regular files' payloads are hashed (ScanOptions.hash): add() returns the sink. */
  constructor(private readonly hashes?: HashColumn) {}

  add(e: TarEntry): PayloadSink | null {
    // Most entries: the header's own ASCII bytes, already canonical and no whiteout, go into
    // the path column as they are (no string normalized, nothing encoded again).
    const normal = e.rawPath?.normal;
    if (normal && !lastSegmentIsWhiteout(normal)) {
      this.b.appendPath(normal, normal[0] !== SLASH);
      return this.row(e, null);
    }
    const path = normalizePath(e.path);
    const slash = path.lastIndexOf('/');
    if (path.startsWith(WH, slash + 1)) {
      const dir = slash === 0 ? '/' : path.slice(0, slash);
      if (path.length - slash - 1 === OPAQUE.length && path.endsWith(OPAQUE)) {
        this.opaqueDirs.push(dir);
        this.b.add(dir, EntryKind.opaque, 0, e.mode, e.uid, e.gid, e.mtime, null);
        return null;
      }
      if (!path.startsWith(WH_META, slash + 1)) {
        const target = `${slash === 0 ? '' : dir}/${path.slice(slash + 1 + WH.length)}`;
        this.whiteouts.push(target);
        this.b.add(target, EntryKind.whiteout, 0, e.mode, e.uid, e.gid, e.mtime, null);
        return null;
      }
      this.b.add(path, EntryKind.other, 0, e.mode, e.uid, e.gid, e.mtime, null);
      return null;
    }
    return this.row(e, path);
  }

  /** The row of an entry that is not a whiteout marker; `path` null when its bytes are appended already. */
  private row(e: TarEntry, path: string | null): PayloadSink | null {
    let kind: EntryKind;
    let size = 0;
    let link: string | null = null;
    switch (e.type) {
      case 'file':
        kind = EntryKind.file;
        size = e.size;
        this.fileBytes += e.size;
        this.fileCount++;
        break;
      case 'dir':
        kind = EntryKind.dir;
        break;
      case 'symlink':
        kind = EntryKind.symlink;
        link = e.linkname;
        break;
      case 'hardlink':
        kind = EntryKind.hardlink;
        link = normalizePath(e.linkname);
        break;
      default:
        kind = EntryKind.other;
    }
    const i = path === null ? this.b.addRow(kind, size, e.mode, e.uid, e.gid, e.mtime, link) : this.b.add(path, kind, size, e.mode, e.uid, e.gid, e.mtime, link);
    return kind === EntryKind.file && this.hashes ? this.hashes.sinkFor(i) : null;
  }

  finish(tarSize: number, entryCount: number, compression: Compression): LayerScan {
    const table = this.b.finish();
    if (this.hashes) table.hashes = this.hashes.finish(table.count);
    return {
      table,
      stats: {
        tarSize,
        fileBytes: this.fileBytes,
        entryCount,
        fileCount: this.fileCount,
        whiteouts: this.whiteouts,
        opaqueDirs: this.opaqueDirs,
      },
      compression,
    };
  }
}
