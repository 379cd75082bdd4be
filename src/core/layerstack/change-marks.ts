// Change marks: what each entry of layer i does to the filesystem visible at layer i-1.
//
//   deleted     whiteout and opaque markers.
//   added       nothing was visible at that path below.
//   attributes  a non-directory over an entry of the same kind with the same size, the same link
//               target and the same mtime: only mode/uid/gid differ, or nothing does (a
//               metadata-only copy-up, e.g. `chmod -R` to the mode a file already had).
//               A content rewrite almost always moves mtime, so this is a heuristic: it is exact
//               only with content hashes. When both tables carry them (`--hash`, ScanOptions.hash,
//               LayerTable.hashes) two regular files compare by size and content hash instead,
//               mtime ignored: equal content is `attributes`, other content `modified`.
//   modified    anything else over a visible entry (new content, another kind, a new target).
//
// Directories over directories are always `attributes`. A layer re-lists a directory whenever a
// child of it changes (overlay copies the parent up), so calling those `modified` would light up
// every parent of every change; a directory entry carries only metadata anyway, and what changed
// inside it shows in its children's own marks. This is the least noisy reading for a user.

import { NOT_HASHED } from '../hash/hash-values.ts';
import { ChangeMark, EntryKind } from '../model/entry-kind.ts';
import type { LayerTable } from '../model/layer-table.ts';
import { visibleEntryAt } from './merged-view.ts';
import type { StackState } from './stacking.ts';

// Kinds read once: in hot loops a property read per entry showed in profiles (under tsx every
// imported binding is a getter).
const DIR = EntryKind.dir;
const FILE = EntryKind.file;
const OPAQUE = EntryKind.opaque;
const WHITEOUT = EntryKind.whiteout;

export function changeMarks(s: StackState, tables: readonly LayerTable[], i: number): Uint8Array {
  const t = tables[i];
  const marks = new Uint8Array(t.count);
  const base = s.bases[i];
  for (let r = 0; r < t.count; r++) {
    const kind = t.kinds[r];
    if (kind === WHITEOUT || kind === OPAQUE) {
      marks[r] = ChangeMark.deleted;
      continue;
    }
    const lower = i === 0 ? -1 : visibleEntryAt(s, s.entryNode[base + r], i - 1);
    if (lower < 0) {
      marks[r] = ChangeMark.added;
      continue;
    }
    const lj = s.entryLayer[lower];
    marks[r] = sameButMetadata(t, r, tables[lj], lower - s.bases[lj]) ? ChangeMark.attributes : ChangeMark.modified;
  }
  return marks;
}

function sameButMetadata(t: LayerTable, r: number, lt: LayerTable, lr: number): boolean {
  const kind = t.kinds[r];
  if (kind !== lt.kinds[lr]) return false;
  if (kind === DIR) return true;
  if (kind === FILE && t.hashes && lt.hashes && t.hashes[r] !== NOT_HASHED && lt.hashes[lr] !== NOT_HASHED) {
    return t.sizes[r] === lt.sizes[lr] && t.hashes[r] === lt.hashes[lr];
  }
  return t.sizes[r] === lt.sizes[lr] && t.mtimes[r] === lt.mtimes[lr] && t.linkTarget(r) === lt.linkTarget(lr);
}
