// Lays out the treemap from one node (the zoom root) into a rectangle, level by level, only as
// deep as cells stay big enough to see: a parent's children are laid out when its inner box is at
// least `minRecurseSize` px both ways, and a child smaller than `minCellArea` px² is not emitted
// (children come largest first, so the emitted ones are a prefix and tiling stops after them).
//
// Output is flat typed arrays in breadth-first order: every parent comes before its children and
// a parent's children sit side by side, so drawing in index order paints parents first and a
// hit test walks down from cell 0 (as esbuild's analyzer does, STYLE.md #9).
//
// Tiling: squarify.ts, a typed-array port of d3-hierarchy's treemapSquarify that gives the same
// boxes (squarify.test.ts). Kept over d3 because it is faster on the same work: tiling every
// visible parent of a 1400×900 view of a synthetic image, Node 20, best of 7: 50k files 1.1 ms
// vs 4.7 ms for d3's tile on per-parent node objects, 200k 5.3 vs 17.3 ms, 500k 8.3 vs 21 ms;
// and it needs no d3 node (≈ 265 B, DESIGN.md) per cell, nor a hierarchy() pass.
//
// Parents get a header strip (their name) when there is room, and a padding around their
// children otherwise, so nesting stays visible.

import { squarify, type Boxes } from './squarify.ts';
import type { ChildList } from './hierarchy.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What the layout needs from a hierarchy (TreemapHierarchy is one). */
export interface TreemapSource {
  children(id: number): ChildList;
  size(id: number): number;
  /** true when the node can have no children (a file): saves asking for them */
  isLeaf(id: number): boolean;
}

export interface LayoutOptions {
  /** levels below the root to lay out (default 32) */
  maxDepth?: number;
  /** px height of a parent's name strip (default 16) */
  headerHeight?: number;
  /** px width a parent needs for a header (default 48) */
  minHeaderWidth?: number;
  /** px between a parent's edge and its children (default 2) */
  padding?: number;
  /** children are laid out only in inner boxes at least this wide and high, px (default 6) */
  minRecurseSize?: number;
  /** cells below this area, px², are left out: their parent's fill stands for them (default 4) */
  minCellArea?: number;
  /** give the root a header strip too (default false: the breadcrumb names it) */
  rootHeader?: boolean;
}

export interface TreemapLayout {
  count: number;
  ids: Float64Array;
  x0: Float64Array;
  y0: Float64Array;
  x1: Float64Array;
  y1: Float64Array;
  /** the box the cell's children fill: the cell minus header and padding */
  ix0: Float64Array;
  iy0: Float64Array;
  ix1: Float64Array;
  iy1: Float64Array;
  /** 1 when the cell has a header strip [x0, x1] × [y0, iy0] */
  header: Uint8Array;
  depth: Uint16Array;
  /** parent cell, -1 for the root */
  parent: Int32Array;
  /** first child cell (children are contiguous), -1 when none laid out */
  firstChild: Int32Array;
  childCount: Int32Array;
}

const DEFAULTS: Required<LayoutOptions> = {
  maxDepth: 32,
  headerHeight: 16,
  minHeaderWidth: 48,
  padding: 2,
  // Measured on a 1376×740 view of 500k synthetic files: 0.5 px² and 4 px gave 72k cells, 60% of
  // them under 2 px thin (texture, not information); 4 px² and 6 px give 28k, and paint time
  // follows the cell count.
  minRecurseSize: 6,
  minCellArea: 4,
  rootHeader: false,
};

export function layoutTreemap(src: TreemapSource, root: number, rect: Rect, options: LayoutOptions = {}): TreemapLayout {
  const o = { ...DEFAULTS, ...options };
  const out = new LayoutBuilder(1024);
  out.push(root, rect.x, rect.y, rect.x + rect.w, rect.y + rect.h, 0, -1);
  let scratch: Boxes = boxes(256);

  for (let i = 0; i < out.count; i++) {
    const id = out.ids[i];
    const depth = out.depth[i];
    const x0 = out.x0[i];
    const y0 = out.y0[i];
    const x1 = out.x1[i];
    const y1 = out.y1[i];
    const w = x1 - x0;
    const h = y1 - y0;
    const leaf = depth >= o.maxDepth || src.isLeaf(id);
    // Inner box: header strip and padding where they fit, else the cell itself.
    let ix0 = x0;
    let iy0 = y0;
    let ix1 = x1;
    let iy1 = y1;
    const pad = o.padding;
    if (!leaf) {
      const wantHeader = i > 0 || o.rootHeader;
      if (wantHeader && w >= Math.max(o.minHeaderWidth, 2 * pad) && h >= 2 * o.headerHeight + pad) {
        ix0 = x0 + pad;
        ix1 = x1 - pad;
        iy0 = y0 + o.headerHeight;
        iy1 = y1 - pad;
        out.header[i] = 1;
      } else if (w >= 2 * pad + o.minRecurseSize * 2 && h >= 2 * pad + o.minRecurseSize * 2) {
        ix0 = x0 + pad;
        ix1 = x1 - pad;
        iy0 = y0 + pad;
        iy1 = y1 - pad;
      }
    }
    out.ix0[i] = ix0;
    out.iy0[i] = iy0;
    out.ix1[i] = ix1;
    out.iy1[i] = iy1;
    if (leaf || ix1 - ix0 < o.minRecurseSize || iy1 - iy0 < o.minRecurseSize) continue;

    const kids = src.children(id);
    if (kids.count === 0) continue;
    let total = 0;
    for (let k = 0; k < kids.count; k++) total += kids.sizes[k];
    if (!(total > 0)) continue;
    // Children are sorted largest first: the ones big enough to emit are a prefix.
    const perByte = ((ix1 - ix0) * (iy1 - iy0)) / total;
    let m = 0;
    while (m < kids.count && kids.sizes[m] * perByte >= o.minCellArea) m++;
    if (m === 0) continue;
    if (scratch.x0.length < kids.count) scratch = boxes(kids.count);
    squarify(kids.sizes, 0, kids.count, total, ix0, iy0, ix1, iy1, scratch, 0, undefined, m);
    out.firstChild[i] = out.count;
    out.childCount[i] = m;
    for (let k = 0; k < m; k++) out.push(kids.ids[k], scratch.x0[k], scratch.y0[k], scratch.x1[k], scratch.y1[k], depth + 1, i);
  }
  return out.finish();
}

/** The deepest laid-out cell under (x, y), or -1 when the point is outside the root. */
export function cellAt(l: TreemapLayout, x: number, y: number): number {
  if (l.count === 0 || !inside(l, 0, x, y)) return -1;
  let cell = 0;
  for (;;) {
    const first = l.firstChild[cell];
    if (first < 0) return cell;
    let next = -1;
    for (let c = first, end = first + l.childCount[cell]; c < end; c++) {
      if (inside(l, c, x, y)) {
        next = c;
        break;
      }
    }
    if (next < 0) return cell;
    cell = next;
  }
}

/**
 * What a click on cell `cell` zooms into: the deepest cell on its way up that has a header strip
 * (its name is showing, so it is the one the user can read), else the root's child it lies in.
 */
export function zoomTargetAt(l: TreemapLayout, cell: number): number {
  let top = cell;
  for (let c = cell; c > 0; c = l.parent[c]) {
    if (l.header[c] === 1) return l.ids[c];
    top = c;
  }
  return l.ids[top];
}

function inside(l: TreemapLayout, c: number, x: number, y: number): boolean {
  return x >= l.x0[c] && x < l.x1[c] && y >= l.y0[c] && y < l.y1[c];
}

function boxes(n: number): Boxes {
  return { x0: new Float64Array(n), y0: new Float64Array(n), x1: new Float64Array(n), y1: new Float64Array(n) };
}

class LayoutBuilder implements TreemapLayout {
  count = 0;
  ids: Float64Array;
  x0: Float64Array;
  y0: Float64Array;
  x1: Float64Array;
  y1: Float64Array;
  ix0: Float64Array;
  iy0: Float64Array;
  ix1: Float64Array;
  iy1: Float64Array;
  header: Uint8Array;
  depth: Uint16Array;
  parent: Int32Array;
  firstChild: Int32Array;
  childCount: Int32Array;

  constructor(cap: number) {
    this.ids = new Float64Array(cap);
    this.x0 = new Float64Array(cap);
    this.y0 = new Float64Array(cap);
    this.x1 = new Float64Array(cap);
    this.y1 = new Float64Array(cap);
    this.ix0 = new Float64Array(cap);
    this.iy0 = new Float64Array(cap);
    this.ix1 = new Float64Array(cap);
    this.iy1 = new Float64Array(cap);
    this.header = new Uint8Array(cap);
    this.depth = new Uint16Array(cap);
    this.parent = new Int32Array(cap);
    this.firstChild = new Int32Array(cap).fill(-1);
    this.childCount = new Int32Array(cap);
  }

  push(id: number, x0: number, y0: number, x1: number, y1: number, depth: number, parent: number): void {
    if (this.count === this.ids.length) this.resize(this.count * 2);
    const i = this.count++;
    this.ids[i] = id;
    this.x0[i] = x0;
    this.y0[i] = y0;
    this.x1[i] = x1;
    this.y1[i] = y1;
    this.depth[i] = depth;
    this.parent[i] = parent;
  }

  finish(): TreemapLayout {
    this.resize(this.count);
    return this;
  }

  private resize(cap: number): void {
    const r = <T extends Float64Array | Uint8Array | Uint16Array | Int32Array>(a: T, fill = 0): T => {
      const next = new (a.constructor as new (n: number) => T)(cap);
      if (fill !== 0) next.fill(fill);
      next.set(a.subarray(0, Math.min(cap, this.count)));
      return next;
    };
    this.ids = r(this.ids);
    this.x0 = r(this.x0);
    this.y0 = r(this.y0);
    this.x1 = r(this.x1);
    this.y1 = r(this.y1);
    this.ix0 = r(this.ix0);
    this.iy0 = r(this.iy0);
    this.ix1 = r(this.ix1);
    this.iy1 = r(this.iy1);
    this.header = r(this.header);
    this.depth = r(this.depth);
    this.parent = r(this.parent);
    this.firstChild = r(this.firstChild, -1);
    this.childCount = r(this.childCount);
  }
}
