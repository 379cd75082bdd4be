// The largest folders and files of every layer, cut to a byte budget so an image's summary fits a
// share link. Greedy over the whole image at once, as a treemap is looked at: the biggest cell is
// opened first, whichever layer it is in; a folder's children become candidates once it is kept.
// What is left out stays counted in its folder's bytes and files (schema-v1.ts DirNode), so the
// treemap drawn from the link has the same areas at every level it shows.

import { compareNames, layerTree, nodeName, type LayerTree } from '../analysis/treemap/layer-tree.ts';
import { nodeSizes, type NodeSizes } from '../analysis/treemap/measure.ts';
import type { LayerTable } from '../model/layer-table.ts';
import type { DirNode, TreeNode } from './schema-v1.ts';

interface Candidate {
  layer: number;
  node: number;
  bytes: number;
}

/** A binary max-heap on bytes (ties: lower layer, then lower node id) so the cut is deterministic. */
class Heap {
  private readonly a: Candidate[] = [];
  get size(): number {
    return this.a.length;
  }
  private above(x: Candidate, y: Candidate): boolean {
    return x.bytes > y.bytes || (x.bytes === y.bytes && (x.layer < y.layer || (x.layer === y.layer && x.node < y.node)));
  }
  push(c: Candidate): void {
    const a = this.a;
    a.push(c);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.above(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): Candidate | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.above(a[l], a[m])) m = l;
        if (r < a.length && this.above(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

export interface TreeBudget {
  /** characters of JSON the trees may take, all layers together (default 12,000) */
  chars?: number;
}

export interface SummaryTrees {
  trees: DirNode[];
  /** true when some folder or file with bytes was left out */
  cut: boolean;
}

/** Rough JSON size of one node: its name, two or four numbers, brackets, quotes and commas. */
function cost(name: string): number {
  return name.length + 24;
}

export function summaryTrees(tables: readonly LayerTable[], budget: TreeBudget = {}): SummaryTrees {
  const limit = budget.chars ?? 12_000;
  const trees: LayerTree[] = tables.map((t) => layerTree(t));
  const sizes: NodeSizes[] = trees.map((t, L) => nodeSizes(t, L, 'bytes'));
  const kept = trees.map(() => new Set<number>([0]));
  const heap = new Heap();
  const pushChildren = (L: number, n: number) => {
    const t = trees[L];
    for (let c = t.firstChild[n]; c >= 0; c = t.nextSibling[c]) if (sizes[L].bytes[c] > 0) heap.push({ layer: L, node: c, bytes: sizes[L].bytes[c] });
  };
  let spent = 0;
  for (let L = 0; L < trees.length; L++) {
    spent += cost('/');
    pushChildren(L, 0);
  }
  let cut = false;
  while (heap.size) {
    const c = heap.pop()!;
    const name = nodeName(trees[c.layer], c.node);
    const price = cost(name);
    if (spent + price > limit) {
      cut = true;
      // A long name may not fit where a shorter one still does; stop when nothing small could.
      if (limit - spent < cost('')) break;
      continue;
    }
    spent += price;
    kept[c.layer].add(c.node);
    pushChildren(c.layer, c.node);
  }
  if (heap.size) cut = true;
  return { trees: trees.map((t, L) => build(t, sizes[L], kept[L], 0) as DirNode), cut };
}

function build(t: LayerTree, s: NodeSizes, kept: Set<number>, n: number): TreeNode {
  const name = n === 0 ? '/' : nodeName(t, n);
  const bytes = s.bytes[n];
  if (n !== 0 && t.childCount[n] === 0) return [name, bytes];
  const kids: number[] = [];
  for (let c = t.firstChild[n]; c >= 0; c = t.nextSibling[c]) if (kept.has(c)) kids.push(c);
  kids.sort((a, b) => s.bytes[b] - s.bytes[a] || compareNames(t, a, b));
  return [name, bytes, s.files[n], kids.map((c) => build(t, s, kept, c))];
}
