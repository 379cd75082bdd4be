// The layer one simulated step writes: what an overlay upper directory holds after the step,
// turned into a LayerTable the way the builders' tar writers do (OCI image spec, layer.md
// "Representing Changes"):
// - every path the step created or changed, whole (a chmod/chown/touch copy-up included);
// - its parent directories (they are in the upper dir because something below them is);
// - deleted paths as whiteouts (kind whiteout, the deleted path), only the topmost one of a
//   deleted tree;
// - a directory removed and created again in one step: buildah (containers/storage reading the
//   overlay upper dir) marks it opaque (`.wh..wh..opq`, the whiteouts fixture shows it);
//   BuildKit (containerd's diff writer) writes one whiteout per lower child that is gone instead.
// Hard links inside the layer: the first path in tar order is the file, the others link to it.
// tarSize is estimated as a Go archive/tar writer writes it: a 512-byte header per entry (plus a
// PAX header for names over 100 bytes), data padded to 512, 1024 zero bytes at the end.

import { EntryKind } from '../../model/entry-kind.ts';
import { LayerTableBuilder, type LayerTable } from '../../model/layer-table.ts';
import type { LayerStats } from '../../model/image.ts';
import type { Unknown } from '../types.ts';
import { ancestorsOf, comparePaths } from './paths.ts';
import type { Inode, Vfs } from './vfs.ts';

export interface DiffOptions {
  /** write `.wh..wh..opq` for a directory removed and recreated (buildah), else per-child whiteouts */
  opaqueDirs: boolean;
  /** paths the builder adds to the layer whatever the step did (buildah RUN: /run) */
  extraPaths?: string[];
}

export interface LayerDiff extends LayerStats {
  table: LayerTable;
  /** true when a size in the layer is an estimate */
  estimated: boolean;
  unknowns: Unknown[];
}

const utf8 = new TextEncoder();

function tarEntryBytes(path: string, kind: number, size: number): number {
  // Tar names are relative ("etc/passwd", directories with a trailing slash).
  const nameLen = utf8.encode(path).length - 1 + (kind === EntryKind.dir ? 1 : 0);
  let n = 512;
  if (nameLen > 100) n += 512 + Math.ceil((nameLen + 20) / 512) * 512;
  if (kind === EntryKind.file) n += Math.ceil(size / 512) * 512;
  return n;
}

export function diffStep(vfs: Vfs, opts: DiffOptions): LayerDiff {
  const entries = new Map<string, Inode>();
  const gone = new Set<string>();
  const opaque = new Set<string>();
  for (const [p, low] of vfs.touched()) {
    // The root itself is never a tar entry of a layer (its children are).
    if (p === '/') continue;
    const cur = vfs.lstat(p);
    if (cur) {
      if (cur === low) continue;
      entries.set(p, cur);
      if (low && cur.kind === 'dir' && vfs.wasRemoved(p) && opts.opaqueDirs) opaque.add(p);
    } else if (low) {
      gone.add(p);
    }
  }
  for (const p of opts.extraPaths ?? []) {
    const cur = vfs.lstat(p);
    if (cur) entries.set(p, cur);
  }
  const whiteouts: string[] = [];
  for (const p of gone) {
    if (ancestorsOf(p).some((a) => gone.has(a) || opaque.has(a))) continue;
    whiteouts.push(p);
  }
  for (const p of [...entries.keys(), ...whiteouts]) {
    for (const a of ancestorsOf(p)) {
      if (entries.has(a)) continue;
      const node = vfs.lstat(a);
      if (node) entries.set(a, node);
    }
  }
  const rows: [string, 'entry' | 'whiteout'][] = [];
  for (const p of entries.keys()) rows.push([p, 'entry']);
  for (const p of whiteouts) rows.push([p, 'whiteout']);
  rows.sort((a, b) => comparePaths(a[0], b[0]));

  const b = new LayerTableBuilder(Math.max(16, rows.length + opaque.size));
  const firstLink = new Map<Inode, string>();
  const unknowns: Unknown[] = [];
  let fileBytes = 0;
  let fileCount = 0;
  let tarSize = 1024;
  let estimated = false;
  for (const [path, what] of rows) {
    if (what === 'whiteout') {
      b.add(path, EntryKind.whiteout, 0, 0, 0, 0, vfs.now, null);
      tarSize += tarEntryBytes(path, EntryKind.whiteout, 0);
      continue;
    }
    const n = entries.get(path)!;
    switch (n.kind) {
      case 'dir':
        b.add(path, EntryKind.dir, 0, n.mode, n.uid, n.gid, n.mtime, null);
        tarSize += tarEntryBytes(path, EntryKind.dir, 0);
        if (opaque.has(path)) {
          b.add(path, EntryKind.opaque, 0, 0, 0, 0, vfs.now, null);
          tarSize += tarEntryBytes(`${path}/.wh..wh..opq`, EntryKind.opaque, 0);
        }
        break;
      case 'symlink':
        b.add(path, EntryKind.symlink, 0, n.mode, n.uid, n.gid, n.mtime, n.target ?? '');
        tarSize += tarEntryBytes(path, EntryKind.symlink, 0) + ((n.target ?? '').length > 100 ? 1024 : 0);
        break;
      case 'other':
        b.add(path, EntryKind.other, 0, n.mode, n.uid, n.gid, n.mtime, null);
        tarSize += tarEntryBytes(path, EntryKind.other, 0);
        break;
      case 'file': {
        const first = firstLink.get(n);
        if (first !== undefined) {
          b.add(path, EntryKind.hardlink, 0, n.mode, n.uid, n.gid, n.mtime, first);
          tarSize += tarEntryBytes(path, EntryKind.hardlink, 0);
          break;
        }
        firstLink.set(n, path);
        const c = n.content!;
        b.add(path, EntryKind.file, c.size, n.mode, n.uid, n.gid, n.mtime, null);
        tarSize += tarEntryBytes(path, EntryKind.file, c.size);
        fileBytes += c.size;
        fileCount++;
        if (!c.exact) {
          estimated = true;
          unknowns.push({ path, reason: c.reason ?? 'size not known' });
        }
        break;
      }
    }
  }
  const table = b.finish();
  const opaqueDirs = [...opaque].sort(comparePaths);
  return {
    table,
    tarSize,
    fileBytes,
    entryCount: table.count,
    fileCount,
    whiteouts: whiteouts.sort(comparePaths),
    opaqueDirs,
    estimated,
    unknowns,
  };
}

/** Files the step copied up without changing their bytes (chmod, chown, touch): the classic waste. */
export function copiedUp(vfs: Vfs): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const [p, low] of vfs.touched()) {
    const cur = vfs.lstat(p);
    if (low && cur && cur !== low && cur.kind === 'file' && low.kind === 'file' && cur.content === low.content) {
      files++;
      bytes += cur.content?.size ?? 0;
    }
  }
  return { files, bytes };
}
