// The slow, obviously right reference the property tests hold LayerStack to: a plain
// Map<path, entry> replayed layer by layer, each rule of layer.md applied literally by scanning
// every key against every entry of the layer (quadratic, fine for a dozen paths).

import { EntryKind, kindName, type EntryKindName } from '../../model/entry-kind.ts';
import type { LayerTable } from '../../model/layer-table.ts';
import type { ReadOutcome } from '../read-path.ts';

export interface NaiveEntry {
  layer: number;
  row: number;
  kind: number;
  /** bytes: a file's own size, a hard link's target file size, else the header size */
  size: number;
  /** "layer:row" of the regular file whose bytes this entry holds (files and hard links), else null */
  inode: string | null;
}

interface Row {
  row: number;
  path: string;
  kind: number;
}

const marker = (k: number): boolean => k === EntryKind.whiteout || k === EntryKind.opaque;
/** true when `p` is strictly below directory `a` */
export const isUnder = (p: string, a: string): boolean => (a === '/' ? p !== '/' : p.startsWith(a + '/'));

function rowsOf(t: LayerTable): Row[] {
  const out: Row[] = [];
  for (let r = 0; r < t.count; r++) out.push({ row: r, path: t.path(r), kind: t.kinds[r] });
  return out;
}

/** The filesystems visible at layers 0..n-1, one Map each. */
export function naiveMergedAll(tables: LayerTable[]): Map<string, NaiveEntry>[] {
  const views: Map<string, NaiveEntry>[] = [];
  let state = new Map<string, NaiveEntry>();
  tables.forEach((t, j) => {
    const rows = rowsOf(t);
    const next = new Map(state);
    for (const p of state.keys()) {
      const gone = rows.some(
        (e) =>
          (!marker(e.kind) && e.path === p) ||
          (e.kind === EntryKind.whiteout && (e.path === p || isUnder(p, e.path))) ||
          (e.kind === EntryKind.opaque && isUnder(p, e.path)) ||
          (!marker(e.kind) && e.kind !== EntryKind.dir && isUnder(p, e.path)),
      );
      if (gone) next.delete(p);
    }
    for (const e of rows) {
      if (marker(e.kind)) continue;
      let size = t.sizes[e.row];
      let inode: string | null = e.kind === EntryKind.file ? `${j}:${e.row}` : null;
      if (e.kind === EntryKind.hardlink) {
        // the target as the tar has it at this row: an earlier entry of this layer, else below
        const path = t.linkTarget(e.row) ?? '';
        const here = next.get(path);
        const target = here && here.layer === j ? here : state.get(path);
        inode = target?.inode ?? null;
        size = inode === null ? 0 : (target?.size ?? 0);
      }
      next.set(e.path, { layer: j, row: e.row, kind: e.kind, size, inode });
    }
    state = next;
    views.push(state);
  });
  return views;
}

export interface NaiveReadPath {
  steps: { layer: number; outcome: ReadOutcome }[];
  found: { layer: number; kind: EntryKindName } | null;
}

/** Read path by scanning each layer's raw rows, top down. */
export function naiveReadPath(tables: LayerTable[], path: string, k: number): NaiveReadPath {
  const steps: NaiveReadPath['steps'] = [];
  let found: NaiveReadPath['found'] = null;
  let stop = -1;
  for (let j = k; j >= 0; j--) {
    const rows = rowsOf(tables[j]);
    const hits = rows.filter((e) => !marker(e.kind) && e.path === path);
    let outcome: ReadOutcome = 'miss';
    if (hits.length > 0) {
      outcome = 'hit';
      found = { layer: j, kind: kindName(hits[hits.length - 1].kind) };
    } else if (rows.some((e) => e.kind === EntryKind.whiteout && (e.path === path || isUnder(path, e.path)))) outcome = 'whiteout';
    else if (rows.some((e) => e.kind === EntryKind.opaque && isUnder(path, e.path))) outcome = 'opaque';
    else if (rows.some((e) => !marker(e.kind) && e.kind !== EntryKind.dir && isUnder(path, e.path))) outcome = 'blocked';
    steps.push({ layer: j, outcome });
    if (outcome !== 'miss') {
      stop = j;
      break;
    }
  }
  for (let j = stop - 1; j >= 0; j--) {
    if (rowsOf(tables[j]).some((e) => !marker(e.kind) && e.path === path)) steps.push({ layer: j, outcome: 'shadowed' });
  }
  return { steps, found };
}
