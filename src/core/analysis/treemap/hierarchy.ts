// The treemap's hierarchy, image → layers → directories → files, asked for one node's children at
// a time so the layout only ever touches what is on screen (DESIGN.md measured d3 hierarchy +
// squarify over every file at 1.2 s for 500k leaves; a visible level is a few thousand cells).
//
// Node ids are plain numbers:
//   0                        the image;
//   (L + 1) * STRIDE + n     node n of layer L's tree (n = 0: the layer itself, its root "/");
//   -1 - (P * 16 + level)    the "N small files" node folding the smallest children of P.
// Children come sorted by size descending, then name ascending by UTF-8 bytes (layers: by
// index), so the same input always gives the same picture. Children smaller than `foldFraction`
// of their parent are folded into one node when there are at least two of them; opening that
// node shows them, folded again by the same rule (up to 16 levels).

import type { LayerTable } from '../../model/layer-table.ts';
import { EntryKind } from '../../model/entry-kind.ts';
import { compareNames, layerTree, nodeName, nodePath, type LayerTree } from './layer-tree.ts';
import { foldId, foldLevel, foldLevels, foldParent, makeSorted, type Sorted } from './fold.ts';
import { nodeSizes, type NodeSizes, type SizeMeasure, type Visibility } from './measure.ts';

export type { SizeMeasure, Visibility } from './measure.ts';

export const ROOT = 0;
const STRIDE = 2 ** 28;

export type NodeKind = 'image' | 'layer' | 'dir' | 'file' | 'symlink' | 'hardlink' | 'other' | 'fold';

export interface TreemapOptions {
  measure?: SizeMeasure;
  /** needed by the `visible` and `wasted` measures */
  visible?: Visibility;
  /** children below this fraction of their parent's size are folded (default 0.001) */
  foldFraction?: number;
  imageLabel?: string;
  /** a name per layer (default "layer N") */
  layerLabels?: readonly (string | null | undefined)[];
}

/** The children of a node as drawn: sorted, with the fold node last when there is one. */
export interface ChildList {
  readonly count: number;
  readonly ids: Float64Array;
  readonly sizes: Float64Array;
}

const KIND_OF_ENTRY: Record<number, NodeKind> = {
  [EntryKind.file]: 'file',
  [EntryKind.dir]: 'dir',
  [EntryKind.symlink]: 'symlink',
  [EntryKind.hardlink]: 'hardlink',
};

export class TreemapHierarchy {
  readonly root = ROOT;
  readonly layerCount: number;
  readonly measure: SizeMeasure;
  readonly foldFraction: number;
  private readonly trees: (LayerTree | undefined)[];
  private readonly sums: (NodeSizes | undefined)[];
  private readonly sorted = new Map<number, Sorted>();
  private readonly shown = new Map<number, ChildList>();

  constructor(
    private readonly tables: readonly LayerTable[],
    private readonly opts: TreemapOptions = {},
  ) {
    if (tables.length >= 2 ** 20) throw new RangeError(`too many layers for the treemap: ${tables.length}`);
    this.layerCount = tables.length;
    this.measure = opts.measure ?? 'bytes';
    this.foldFraction = opts.foldFraction ?? 0.001;
    if (this.measure !== 'bytes' && !opts.visible) throw new Error(`the "${this.measure}" measure needs a visibility predicate`);
    this.trees = new Array(tables.length);
    this.sums = new Array(tables.length);
  }

  // ------------------------------------------------------------------ ids

  static layerId(layer: number): number {
    return (layer + 1) * STRIDE;
  }

  /** The layer a node belongs to; -1 for the image. */
  layerOf(id: number): number {
    if (id < 0) return this.layerOf(foldParent(id));
    return id === ROOT ? -1 : Math.floor(id / STRIDE) - 1;
  }

  /** The table row behind a node, or -1 (image, layer, fold, implied directory). */
  rowOf(id: number): number {
    if (id <= ROOT) return -1;
    const L = this.layerOf(id);
    return this.tree(L).row[id - (L + 1) * STRIDE];
  }

  parent(id: number): number | null {
    if (id === ROOT) return null;
    if (id < 0) {
      const level = foldLevel(id);
      return level === 0 ? foldParent(id) : foldId(foldParent(id), level - 1);
    }
    const L = this.layerOf(id);
    const n = id - (L + 1) * STRIDE;
    return n === 0 ? ROOT : (L + 1) * STRIDE + this.tree(L).parent[n];
  }

  /** From the image down to `id`, both included. */
  ancestors(id: number): number[] {
    const out: number[] = [];
    for (let n: number | null = id; n !== null; n = this.parent(n)) out.push(n);
    return out.reverse();
  }

  /** Whether `id` names a node of this hierarchy (ids from another image may not). */
  has(id: number): boolean {
    if (!Number.isInteger(id)) return false;
    if (id === ROOT) return true;
    if (id < 0) {
      const p = foldParent(id);
      return this.has(p) && !this.isLeaf(p) && foldLevel(id) < this.sortedOf(p).foldStart.length;
    }
    const L = this.layerOf(id);
    return L >= 0 && L < this.layerCount && id - (L + 1) * STRIDE < this.tree(L).count;
  }

  // ------------------------------------------------------------------ what a node is

  kind(id: number): NodeKind {
    if (id === ROOT) return 'image';
    if (id < 0) return 'fold';
    const L = this.layerOf(id);
    const n = id - (L + 1) * STRIDE;
    if (n === 0) return 'layer';
    const t = this.tree(L);
    if (t.childCount[n] > 0) return 'dir';
    const r = t.row[n];
    return r < 0 ? 'dir' : (KIND_OF_ENTRY[t.table.kinds[r]] ?? 'other');
  }

  name(id: number): string {
    if (id === ROOT) return this.opts.imageLabel ?? 'image';
    if (id < 0) {
      const files = this.fileCount(id);
      return `${files.toLocaleString('en-US')} small ${files === 1 ? 'file' : 'files'}`;
    }
    const L = this.layerOf(id);
    const n = id - (L + 1) * STRIDE;
    if (n === 0) return this.opts.layerLabels?.[L] ?? `layer ${L}`;
    return nodeName(this.tree(L), n);
  }

  /** Absolute path inside its layer ("/" for a layer, "" for the image, the parent's for a fold). */
  path(id: number): string {
    if (id === ROOT) return '';
    if (id < 0) return this.path(foldParent(id));
    const L = this.layerOf(id);
    return nodePath(this.tree(L), id - (L + 1) * STRIDE);
  }

  /** Measured bytes of the node and everything below it. */
  size(id: number): number {
    if (id === ROOT) {
      let s = 0;
      for (let L = 0; L < this.layerCount; L++) s += this.sizes(L).bytes[0];
      return s;
    }
    if (id < 0) return this.sortedOf(foldParent(id)).foldSize[foldLevel(id)];
    const L = this.layerOf(id);
    return this.sizes(L).bytes[id - (L + 1) * STRIDE];
  }

  /** Regular files counted in `size`. */
  fileCount(id: number): number {
    if (id === ROOT) {
      let s = 0;
      for (let L = 0; L < this.layerCount; L++) s += this.sizes(L).files[0];
      return s;
    }
    if (id < 0) return this.sortedOf(foldParent(id)).foldFiles[foldLevel(id)];
    const L = this.layerOf(id);
    return this.sizes(L).files[id - (L + 1) * STRIDE];
  }

  // ------------------------------------------------------------------ children

  /** True when the node has no children at all (a file, a symlink, an empty directory). */
  isLeaf(id: number): boolean {
    if (id === ROOT) return this.layerCount === 0;
    if (id < 0) return false;
    const L = this.layerOf(id);
    return this.tree(L).childCount[id - (L + 1) * STRIDE] === 0;
  }

  /** The children to draw inside `id`, largest first, smallest folded; only nodes with bytes. */
  children(id: number): ChildList {
    let c = this.shown.get(id);
    if (c) return c;
    const base = id < 0 ? foldParent(id) : id;
    const level = id < 0 ? foldLevel(id) : -1;
    const s = this.sortedOf(base);
    const n = s.ids.length;
    const from = level < 0 ? 0 : s.foldStart[level];
    const folded = level + 1 < s.foldStart.length;
    const to = folded ? s.foldStart[level + 1] : n;
    const count = to - from + (folded ? 1 : 0);
    const ids = new Float64Array(count);
    const sizes = new Float64Array(count);
    ids.set(s.ids.subarray(from, to));
    sizes.set(s.sizes.subarray(from, to));
    if (folded) {
      ids[count - 1] = foldId(base, level + 1);
      sizes[count - 1] = s.foldSize[level + 1];
    }
    c = { count, ids, sizes };
    this.shown.set(id, c);
    return c;
  }

  private sortedOf(id: number): Sorted {
    let s = this.sorted.get(id);
    if (!s) {
      s = id === ROOT ? this.sortLayers() : this.sortDir(id);
      foldLevels(s, this.size(id), this.foldFraction);
      this.sorted.set(id, s);
    }
    return s;
  }

  private sortLayers(): Sorted {
    const order: number[] = [];
    for (let L = 0; L < this.layerCount; L++) if (this.sizes(L).bytes[0] > 0) order.push(L);
    const size = (L: number) => this.sizes(L).bytes[0];
    order.sort((a, b) => size(b) - size(a) || a - b);
    return makeSorted(
      order.map((L) => TreemapHierarchy.layerId(L)),
      order.map(size),
      order.map((L) => this.sizes(L).files[0]),
    );
  }

  private sortDir(id: number): Sorted {
    const L = this.layerOf(id);
    const t = this.tree(L);
    const { bytes, files } = this.sizes(L);
    const kids: number[] = [];
    for (let c = t.firstChild[id - (L + 1) * STRIDE]; c >= 0; c = t.nextSibling[c]) if (bytes[c] > 0) kids.push(c);
    kids.sort((a, b) => bytes[b] - bytes[a] || compareNames(t, a, b));
    const base = (L + 1) * STRIDE;
    return makeSorted(
      kids.map((c) => base + c),
      kids.map((c) => bytes[c]),
      kids.map((c) => files[c]),
    );
  }

  private tree(L: number): LayerTree {
    let t = this.trees[L];
    if (!t) {
      if (L < 0 || L >= this.layerCount) throw new RangeError(`no layer ${L}`);
      t = layerTree(this.tables[L]);
      this.trees[L] = t;
    }
    return t;
  }

  private sizes(L: number): NodeSizes {
    let s = this.sums[L];
    if (!s) {
      s = nodeSizes(this.tree(L), L, this.measure, this.opts.visible);
      this.sums[L] = s;
    }
    return s;
  }
}
