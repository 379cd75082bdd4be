// The read path of PATH at layer K (DESIGN.md "Semantics to get right"): walk K, K-1, ..., 0 and
// say, per layer, what a lookup of PATH meets there:
//   hit       an entry for PATH (a directory counts): stop, found;
//   whiteout  a `.wh.` marker on PATH or an ancestor: stop, not found;
//   opaque    an opaque marker on an ancestor directory: stop, not found;
//   blocked   a non-directory entry at an ancestor: stop, not found;
//   miss      none of these: go on down.
// When one layer holds several of these, the first in that list wins (the same precedence the
// stacking uses for its hide reasons). Steps run from K down to the stop, then list each lower
// layer that holds a copy of PATH as `shadowed`. Symlinks are not followed: this is about names.

import { EntryKind, kindName, type EntryKindName } from '../model/entry-kind.ts';
import type { LayerTable } from '../model/layer-table.ts';
import { normalizePath, type PathTree } from './path-tree.ts';
import type { StackState } from './stacking.ts';

// Kinds read once: in hot loops a property read per entry showed in profiles (under tsx every
// imported binding is a getter).
const DIR = EntryKind.dir;
const OPAQUE = EntryKind.opaque;
const WHITEOUT = EntryKind.whiteout;

export type ReadOutcome = 'miss' | 'hit' | 'whiteout' | 'opaque' | 'blocked' | 'shadowed';

export interface ReadPathResult {
  path: string;
  layer: number;
  steps: { layer: number; outcome: ReadOutcome }[];
  found: { layer: number; kind: EntryKindName; size: number } | null;
}

export function readPathAt(
  tree: PathTree,
  s: StackState,
  tables: readonly LayerTable[],
  entrySize: (e: number) => number,
  rawPath: string,
  k: number,
): ReadPathResult {
  const path = normalizePath(rawPath);
  const L = Math.max(k + 1, 0);
  // Per layer: the newest row for PATH (-1 none), and which markers the ancestors carry.
  const hitEntry = new Int32Array(L).fill(-1);
  const whiteout = new Uint8Array(L);
  const opaque = new Uint8Array(L);
  const blocked = new Uint8Array(L);
  const { nodes, complete } = tree.chain(path);
  const target = complete ? nodes[nodes.length - 1] : -1;
  const kindOf = (e: number): number => {
    const layer = s.entryLayer[e];
    return tables[layer].kinds[e - s.bases[layer]];
  };
  for (const node of nodes) {
    const self = node === target;
    for (let e = s.nodeHead[node]; e >= 0; e = s.entryNext[e]) {
      const j = s.entryLayer[e];
      if (j > k) continue;
      const kind = kindOf(e);
      if (kind === WHITEOUT) whiteout[j] = 1;
      else if (self) {
        // entries come newest first, so the first non-marker row seen is the one extraction keeps
        if (kind !== OPAQUE && hitEntry[j] < 0) hitEntry[j] = e;
      } else if (kind === OPAQUE) opaque[j] = 1;
      else if (kind !== DIR) blocked[j] = 1;
    }
  }
  const steps: ReadPathResult['steps'] = [];
  let found: ReadPathResult['found'] = null;
  let stop = -1;
  for (let j = k; j >= 0; j--) {
    let outcome: ReadOutcome = 'miss';
    if (hitEntry[j] >= 0) {
      outcome = 'hit';
      const e = hitEntry[j];
      found = { layer: j, kind: kindName(kindOf(e)), size: entrySize(e) };
    } else if (whiteout[j]) outcome = 'whiteout';
    else if (opaque[j]) outcome = 'opaque';
    else if (blocked[j]) outcome = 'blocked';
    steps.push({ layer: j, outcome });
    if (outcome !== 'miss') {
      stop = j;
      break;
    }
  }
  for (let j = stop - 1; j >= 0; j--) if (hitEntry[j] >= 0) steps.push({ layer: j, outcome: 'shadowed' });
  return { path, layer: k, steps, found };
}
