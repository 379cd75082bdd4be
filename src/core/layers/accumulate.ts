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

export class LayerAccumulator {
  private readonly b = new LayerTableBuilder(1024);
  private fileBytes = 0;
  private fileCount = 0;
  private readonly whiteouts: string[] = [];
  private readonly opaqueDirs: string[] = [];

  /** With a HashColumn, regular files' payloads are hashed (ScanOptions.hash): add() returns the sink. */
  constructor(private readonly hashes?: HashColumn) {}

  add(e: TarEntry): PayloadSink | null {
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
    switch (e.type) {
      case 'file':
        this.fileBytes += e.size;
        this.fileCount++;
        {
          const row = this.b.add(path, EntryKind.file, e.size, e.mode, e.uid, e.gid, e.mtime, null);
          return this.hashes ? this.hashes.sinkFor(row) : null;
        }
      case 'dir':
        this.b.add(path, EntryKind.dir, 0, e.mode, e.uid, e.gid, e.mtime, null);
        return null;
      case 'symlink':
        this.b.add(path, EntryKind.symlink, 0, e.mode, e.uid, e.gid, e.mtime, e.linkname);
        return null;
      case 'hardlink':
        this.b.add(path, EntryKind.hardlink, 0, e.mode, e.uid, e.gid, e.mtime, normalizePath(e.linkname));
        return null;
      default:
        this.b.add(path, EntryKind.other, 0, e.mode, e.uid, e.gid, e.mtime, null);
        return null;
    }
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
