// What a treemap cell's area stands for, and the per-node sums of it over one layer's tree.
//
// Only regular files carry bytes: a hard link's tar size is 0 (its bytes are counted once, at the
// file it links to), directories, symlinks and devices hold none (DESIGN.md "Layer size words":
// these are `fileBytes`). "visible" and "wasted" split those bytes by whether the entry can still
// be seen in the final image; the predicate comes from the stacking (visibility.ts adapts a
// LayerStack), so the waste engine decides what "visible" means and the treemap only draws it.

import { EntryKind } from '../../model/entry-kind.ts';
import type { LayerTree } from './layer-tree.ts';

/**
 * - `bytes`: regular-file bytes of the layer (its `fileBytes`);
 * - `visible`: those still visible in the final image;
 * - `wasted`: those hidden above (overwritten, deleted, behind an opaque dir): reclaimable.
 */
export type SizeMeasure = 'bytes' | 'visible' | 'wasted';

/** Whether the entry at (layer index, table row) is visible in the final image. */
export type Visibility = (layer: number, row: number) => boolean;

export interface NodeSizes {
  /** measured bytes of the node and everything below it */
  readonly bytes: Float64Array;
  /** regular files counted in `bytes` (with size 0 too), below and at the node */
  readonly files: Uint32Array;
}

// Sums per tree, per measure; the predicate is part of the key (by reference) so a new stacking
// gives new sums while the old ones go with their predicate.
const plain = new WeakMap<LayerTree, NodeSizes>();
const split = new WeakMap<LayerTree, WeakMap<Visibility, Map<string, NodeSizes>>>();

/** Measured sizes of every node of `tree` (layer `layer` of the image); cached. */
export function nodeSizes(tree: LayerTree, layer: number, measure: SizeMeasure, visible?: Visibility): NodeSizes {
  if (measure === 'bytes') {
    let s = plain.get(tree);
    if (!s) {
      s = sumSizes(tree, () => true);
      plain.set(tree, s);
    }
    return s;
  }
  if (!visible) throw new Error(`the "${measure}" size measure needs a visibility predicate`);
  let byPredicate = split.get(tree);
  if (!byPredicate) split.set(tree, (byPredicate = new WeakMap()));
  let byKey = byPredicate.get(visible);
  if (!byKey) byPredicate.set(visible, (byKey = new Map()));
  const key = `${measure}:${layer}`;
  let s = byKey.get(key);
  if (!s) {
    const want = measure === 'visible';
    s = sumSizes(tree, (row) => visible(layer, row) === want);
    byKey.set(key, s);
  }
  return s;
}

function sumSizes(tree: LayerTree, counts: (row: number) => boolean): NodeSizes {
  const { count, parent, row } = tree;
  const { kinds, sizes } = tree.table;
  const bytes = new Float64Array(count);
  const files = new Uint32Array(count);
  for (let n = 0; n < count; n++) {
    const r = row[n];
    if (r >= 0 && kinds[r] === EntryKind.file && counts(r)) {
      bytes[n] = sizes[r];
      files[n] = 1;
    }
  }
  // parent[n] < n (layer-tree.ts), so one sweep from the deepest-created node up adds everything.
  for (let n = count - 1; n > 0; n--) {
    const p = parent[n];
    bytes[p] += bytes[n];
    files[p] += files[n];
  }
  return { bytes, files };
}
