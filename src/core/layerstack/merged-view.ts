// The filesystem visible at one layer k, answered from the stacking columns: an entry of layer
// i <= k is visible at k when nothing in layers i+1..k hid it (hiddenBy > k). The list of visible
// entries is built on first use (one Int32 per visible path) and kept with the view.

import type { PathTree } from './path-tree.ts';
import type { StackState } from './stacking.ts';

export interface MergedView {
  /** visible paths (directories, files, links, others; never whiteout or opaque markers) */
  readonly count: number;
  /** Every visible path, depth-first, parents before children, siblings in first-seen order. */
  forEach(fn: (path: string, layer: number, row: number) => void): void;
  /** The layer and row providing `path` (normalized here), or null when it is not visible. */
  get(path: string): { layer: number; row: number } | null;
}

/** The entry visible at node `node` in the filesystem of layer k, or -1. */
export function visibleEntryAt(s: StackState, node: number, k: number): number {
  for (let e = s.nodeHead[node]; e >= 0; e = s.entryNext[e]) {
    if (s.entryLayer[e] <= k && s.hiddenBy[e] > k) return e;
  }
  return -1;
}

export class StackMergedView implements MergedView {
  private entries: Int32Array | null = null;

  constructor(
    private readonly tree: PathTree,
    private readonly s: StackState,
    readonly layer: number,
  ) {}

  get count(): number {
    return this.list().length;
  }

  forEach(fn: (path: string, layer: number, row: number) => void): void {
    const { s, tree } = this;
    for (const e of this.list()) {
      const layer = s.entryLayer[e];
      fn(tree.path(s.entryNode[e]), layer, e - s.bases[layer]);
    }
  }

  /** Visible global entry ids in forEach order. */
  entryIds(): Int32Array {
    return this.list();
  }

  get(path: string): { layer: number; row: number } | null {
    const node = this.tree.lookup(path);
    if (node < 0) return null;
    const e = visibleEntryAt(this.s, node, this.layer);
    if (e < 0) return null;
    const layer = this.s.entryLayer[e];
    return { layer, row: e - this.s.bases[layer] };
  }

  private list(): Int32Array {
    if (this.entries) return this.entries;
    const { tree, s, layer: k } = this;
    const out = new Int32Array(tree.nodeCount);
    let n = 0;
    // Iterative preorder walk; a node's children are pushed in reverse so they pop in order.
    const todo = new Int32Array(tree.nodeCount);
    const kids: number[] = [];
    let sp = 0;
    todo[sp++] = 0;
    while (sp > 0) {
      const node = todo[--sp];
      const e = visibleEntryAt(s, node, k);
      if (e >= 0) out[n++] = e;
      kids.length = 0;
      for (let c = tree.firstChild[node]; c >= 0; c = tree.nextSibling[c]) kids.push(c);
      for (let i = kids.length - 1; i >= 0; i--) todo[sp++] = kids[i];
    }
    this.entries = out.slice(0, n);
    return this.entries;
  }
}
