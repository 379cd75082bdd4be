// Test helper: LayerTables from a fixture's `.truth.json` (the tar listing the tools themselves
// made, see ../shared/fixtures/README.md), converted the way a tar scanner would: paths made
// absolute and normalized, `.wh.NAME` files become whiteouts of NAME, `.wh..wh..opq` files become
// opaque markers on their directory (OCI image spec, layer.md "Whiteouts").

import { EntryKind } from '../../model/entry-kind.ts';
import { LayerTable, LayerTableBuilder } from '../../model/layer-table.ts';
import { normalizePath } from '../path-tree.ts';

export interface TruthEntry {
  type: string;
  path: string;
  size: number;
  perm: string;
  uid: number;
  gid: number;
  mtime: string;
  link?: string;
}

export interface TruthLayer {
  entries: TruthEntry[];
  entries_omitted?: boolean;
  regular_file_bytes: number;
  /** `.wh.` markers and the path each deletes, relative ("keep/k1") */
  whiteouts?: { whiteout: string; deletes: string }[];
  /** directories with a `.wh..wh..opq` marker, relative ("data") */
  opaque_dirs?: string[];
}

export interface TruthImage {
  layers: TruthLayer[];
  filesystem: {
    regular_files: { path: string; size: number; nlink: number }[];
    symlinks: { path: string; target: string }[];
    other: { path: string; find_type: string }[];
  };
}

export interface Truth {
  fixture: string;
  images: TruthImage[];
}

const WH = '.wh.';
const OPQ = '.wh..wh..opq';

/** "rwsr-xr-x" → 0o4755 (ls-style permission string, setuid/setgid/sticky included). */
export function permToMode(perm: string): number {
  let mode = 0;
  const bits = [0o400, 0o200, 0o100, 0o40, 0o20, 0o10, 0o4, 0o2, 0o1];
  for (let i = 0; i < 9; i++) {
    const c = perm[i];
    if (c !== '-' && c !== 'S' && c !== 'T') mode |= bits[i];
  }
  if (perm[2] === 's' || perm[2] === 'S') mode |= 0o4000;
  if (perm[5] === 's' || perm[5] === 'S') mode |= 0o2000;
  if (perm[8] === 't' || perm[8] === 'T') mode |= 0o1000;
  return mode;
}

function kindOf(type: string): EntryKind {
  switch (type) {
    case 'file':
      return EntryKind.file;
    case 'dir':
      return EntryKind.dir;
    case 'symlink':
      return EntryKind.symlink;
    case 'hardlink':
      return EntryKind.hardlink;
    default:
      return EntryKind.other;
  }
}

export function layerTableFromTruth(layer: TruthLayer): LayerTable {
  const b = new LayerTableBuilder(Math.max(16, layer.entries.length));
  for (const e of layer.entries) {
    const path = normalizePath(e.path);
    const slash = path.lastIndexOf('/');
    const dir = slash <= 0 ? '/' : path.slice(0, slash);
    const base = path.slice(slash + 1);
    const mode = permToMode(e.perm);
    const mtime = Date.parse(e.mtime) / 1000;
    if (base === OPQ) {
      b.add(dir, EntryKind.opaque, 0, mode, e.uid, e.gid, mtime, null);
    } else if (base.startsWith(WH)) {
      b.add(normalizePath(dir + '/' + base.slice(WH.length)), EntryKind.whiteout, 0, mode, e.uid, e.gid, mtime, null);
    } else {
      const kind = kindOf(e.type);
      const link = e.link === undefined ? null : kind === EntryKind.hardlink ? normalizePath(e.link) : e.link;
      b.add(path, kind, kind === EntryKind.file ? e.size : 0, mode, e.uid, e.gid, mtime, link);
    }
  }
  return b.finish();
}

export function layerTablesFromTruth(image: TruthImage): LayerTable[] {
  return image.layers.map(layerTableFromTruth);
}
