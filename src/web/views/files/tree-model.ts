// The file tree's model: one FileView from the stack worker (a layer's own changes, or the merged
// filesystem up to a layer) as a tree of view indexes, with directory sizes summed, children
// sorted on demand (by size or name, per directory, cached), and flattened into the rows a
// virtual list shows: only the open directories are walked, so a closed 500k-entry tree costs
// its top level. Filters (a text, "only changes") keep the matching rows and their ancestors.

import { ChangeMark, EntryKind } from '../../../core/model/entry-kind.ts';
import type { StackedImage } from '../../model/stacked-image.ts';
import { NO_MARK, type FileView } from '../../../worker/stack-protocol.ts';

export type SortKey = 'size' | 'name';

export interface FlatRows {
  count: number;
  /** view index of each row */
  rows: Int32Array;
  depth: Uint16Array;
}

const NONE = -1;

export class FileTreeModel {
  readonly count: number;
  /** parent's view index; -1 for the top level (children of "/") */
  readonly parent: Int32Array;
  /** regular-file bytes at and below each row; deleted copies count only for themselves */
  readonly size: Float64Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly hasKids: Uint8Array;
  private readonly sorted = new Map<string, Int32Array>();
  /** first row of the top level (children of "/") */
  private readonly topFirst: number;

  constructor(
    readonly view: FileView,
    readonly img: StackedImage,
  ) {
    const n = view.nodes.length;
    this.count = n;
    const at = new Int32Array(img.facts.skeleton.nodeCount).fill(NONE);
    for (let i = 0; i < n; i++) at[view.nodes[i]] = i;
    const skParent = img.facts.skeleton.parent;
    this.parent = new Int32Array(n);
    this.firstChild = new Int32Array(n).fill(NONE);
    this.nextSibling = new Int32Array(n).fill(NONE);
    this.hasKids = new Uint8Array(n);
    this.size = new Float64Array(n);
    let topFirst = NONE;
    for (let i = n - 1; i >= 0; i--) {
      const p = at[skParent[view.nodes[i]]];
      this.parent[i] = p;
      if (p >= 0) {
        this.nextSibling[i] = this.firstChild[p];
        this.firstChild[p] = i;
        this.hasKids[p] = 1;
      } else {
        this.nextSibling[i] = topFirst;
        topFirst = i;
      }
      const e = view.entries[i];
      if (e >= 0 && view.marks[i] !== ChangeMark.deleted && img.kindOf(e) === EntryKind.file) this.size[i] += img.sizeOf(e);
    }
    this.topFirst = topFirst;
    // Nodes ascend with parents first, so one backward sweep sums every subtree.
    for (let i = n - 1; i >= 0; i--) if (this.parent[i] >= 0) this.size[this.parent[i]] += this.size[i];
  }

  // ---------------------------------------------------------------- one row

  node(i: number): number {
    return this.view.nodes[i];
  }

  name(i: number): string {
    return this.img.name(this.view.nodes[i]);
  }

  path(i: number): string {
    return this.img.path(this.view.nodes[i]);
  }

  mark(i: number): number {
    return this.view.marks[i];
  }

  /** Entry kind shown (EntryKind); an implied directory is a directory. */
  kind(i: number): number {
    const e = this.view.entries[i];
    return e < 0 ? EntryKind.dir : this.img.kindOf(e);
  }

  /** The layer whose entry is shown; -1 for an implied directory. */
  layer(i: number): number {
    const e = this.view.entries[i];
    return e < 0 ? -1 : this.img.layerOf(e);
  }

  /** Bytes to show on row i: a deleted file shows the bytes of the copy that went. */
  shownSize(i: number): number {
    const e = this.view.entries[i];
    if (e >= 0 && this.view.marks[i] === ChangeMark.deleted && this.img.kindOf(e) === EntryKind.file) return this.img.sizeOf(e);
    return this.size[i];
  }

  isDir(i: number): boolean {
    return this.hasKids[i] === 1 || this.kind(i) === EntryKind.dir;
  }

  hasChildren(i: number): boolean {
    return this.hasKids[i] === 1;
  }

  /** The view index of a path-tree node, or -1 when the view does not hold it. */
  indexOfNode(node: number): number {
    let lo = 0;
    let hi = this.count - 1;
    const nodes = this.view.nodes;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (nodes[mid] === node) return mid;
      if (nodes[mid] < node) lo = mid + 1;
      else hi = mid - 1;
    }
    return NONE;
  }

  // ---------------------------------------------------------------- children, filters, rows

  /**
   * Children of row `i` (-1: the top level), sorted: size descending or name ascending, ties by
   * name then position. Only those `keep` holds when it is given (sorted afresh, not cached:
   * a filter keeps few, and sorting a big directory for them would cost more).
   */
  children(i: number, sort: SortKey, keep: Uint8Array | null = null): Int32Array {
    const key = `${sort}:${i}`;
    let c = keep ? undefined : this.sorted.get(key);
    if (c) return c;
    const list: number[] = [];
    for (let x = i < 0 ? this.topFirst : this.firstChild[i]; x >= 0; x = this.nextSibling[x]) if (!keep || keep[x]) list.push(x);
    // Names only where needed (all of them by name, ties by size); StackedImage caches each decode.
    const byName = (a: number, b: number) => {
      const na = this.name(a);
      const nb = this.name(b);
      return na < nb ? -1 : na > nb ? 1 : a - b;
    };
    const size = this.size;
    list.sort(sort === 'size' ? (a, b) => size[b] - size[a] || byName(a, b) : byName);
    c = Int32Array.from(list);
    if (!keep) this.sorted.set(key, c);
    return c;
  }

  /** Rows whose names contain `query`, with their ancestors (nameMatches: per name id). */
  keepMatching(nameMatches: Uint8Array): Uint8Array {
    const nameId = this.img.facts.skeleton.nameId;
    return this.keepWithAncestors((i) => nameMatches[nameId[this.view.nodes[i]]] === 1);
  }

  /** Rows that change something (added, modified, deleted, or attributes of a non-directory), with their ancestors. */
  keepChanges(): Uint8Array {
    return this.keepWithAncestors((i) => {
      const m = this.view.marks[i];
      if (m === NO_MARK) return false;
      return m !== ChangeMark.attributes || !this.isDir(i);
    });
  }

  /** Both filters at once (null: that filter is off). */
  static both(a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
    if (!a || !b) return a ?? b;
    const out = new Uint8Array(a.length);
    for (let i = 0; i < a.length; i++) out[i] = a[i] & b[i];
    return out;
  }

  /**
   * The rows to show: a depth-first walk of the open directories in `sort` order, only the rows
   * `keep` holds when it is given. `open(i)` says whether directory row i is open.
   */
  flatten(open: (i: number) => boolean, sort: SortKey, keep: Uint8Array | null): FlatRows {
    let rows = new Int32Array(256);
    let depth = new Uint16Array(256);
    let count = 0;
    const stack: number[] = [];
    const depths: number[] = [];
    const pushKids = (i: number, d: number) => {
      const kids = this.children(i, sort, keep);
      for (let k = kids.length - 1; k >= 0; k--) {
        stack.push(kids[k]);
        depths.push(d);
      }
    };
    pushKids(NONE, 0);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const d = depths.pop()!;
      if (count === rows.length) {
        const r = new Int32Array(count * 2);
        r.set(rows);
        rows = r;
        const dd = new Uint16Array(count * 2);
        dd.set(depth);
        depth = dd;
      }
      rows[count] = i;
      depth[count] = d;
      count++;
      if (this.hasKids[i] && open(i)) pushKids(i, d + 1);
    }
    return { count, rows, depth };
  }

  private keepWithAncestors(test: (i: number) => boolean): Uint8Array {
    const keep = new Uint8Array(this.count);
    for (let i = this.count - 1; i >= 0; i--) {
      if (keep[i] || !test(i)) continue;
      for (let x = i; x >= 0 && !keep[x]; x = this.parent[x]) keep[x] = 1;
    }
    return keep;
  }
}
