// The compact directory tree of ONE layer, for the treemap: every path of the layer's table
// becomes a node (parents implied by a path get a node too), held in typed arrays instead of
// objects (DESIGN.md "memory per entry": 32 B a node here, plus 12 B per size measure, vs
// ≈ 265 B for a d3 node). It is built once per LayerTable and cached by reference (STYLE.md
// #13); sizes per measure live in measure.ts, sorting and folding in hierarchy.ts.
//
// Names are never decoded while building: a node keeps the byte range of its full path inside
// the table's own `pathBytes` (an implied directory points at a prefix of the first path that
// needed it), so 500k entries cost one pass over their bytes. A node is always created after its
// parent, so `parent[i] < i` and sizes add up in one backward sweep.
//
// Whiteout and opaque markers are left out: they are instructions to the stacker with no bytes
// (OCI image spec, layer.md "Whiteouts"), and a whiteout's path names what it deletes, which
// would otherwise show up as a node of this layer. The same path twice: the later row wins, as
// extraction does (stacking.ts says the same).

import { EntryKind } from '../../model/entry-kind.ts';
import type { LayerTable } from '../../model/layer-table.ts';

const SLASH = 0x2f;
const EMPTY = -1;

export interface LayerTree {
  readonly table: LayerTable;
  /** nodes; node 0 is the layer's root "/" */
  readonly count: number;
  /** parent node, -1 for the root; always smaller than the node */
  readonly parent: Int32Array;
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  /** number of direct children */
  readonly childCount: Int32Array;
  /** the node's full path is table.pathBytes[pathStart, pathEnd); its name starts at nameStart */
  readonly pathStart: Uint32Array;
  readonly nameStart: Uint32Array;
  readonly pathEnd: Uint32Array;
  /** table row that holds the path (the later one when repeated), -1 for a directory only implied by its children */
  readonly row: Int32Array;
}

const cache = new WeakMap<LayerTable, LayerTree>();

/** The tree of one layer's table, built on first use and cached by table reference. */
export function layerTree(table: LayerTable): LayerTree {
  let t = cache.get(table);
  if (!t) {
    t = buildLayerTree(table);
    cache.set(table, t);
  }
  return t;
}

function nextPow2(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}

class TreeBuilder {
  count = 1;
  parent: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  childCount: Int32Array;
  pathStart: Uint32Array;
  nameStart: Uint32Array;
  pathEnd: Uint32Array;
  row: Int32Array;
  hash: Int32Array;
  slots: Int32Array;

  constructor(
    private readonly bytes: Uint8Array,
    cap: number,
  ) {
    cap = Math.max(16, cap);
    this.parent = new Int32Array(cap);
    this.firstChild = new Int32Array(cap).fill(EMPTY);
    this.nextSibling = new Int32Array(cap).fill(EMPTY);
    this.childCount = new Int32Array(cap);
    this.pathStart = new Uint32Array(cap);
    this.nameStart = new Uint32Array(cap);
    this.pathEnd = new Uint32Array(cap);
    this.row = new Int32Array(cap).fill(EMPTY);
    this.hash = new Int32Array(cap);
    this.slots = new Int32Array(nextPow2(cap * 2)).fill(EMPTY);
    this.parent[0] = EMPTY;
  }

  /** Node whose path is bytes[start, end) with FNV-1a hash h, or -1. */
  find(h: number, start: number, end: number): number {
    const { slots, bytes } = this;
    const mask = slots.length - 1;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const n = slots[slot];
      if (n === EMPTY) return EMPTY;
      if (this.hash[n] !== h) continue;
      const s = this.pathStart[n];
      if (this.pathEnd[n] - s !== len) continue;
      let k = 0;
      while (k < len && bytes[s + k] === bytes[start + k]) k++;
      if (k === len) return n;
    }
  }

  add(h: number, start: number, nameStart: number, end: number, parent: number): number {
    if (this.count === this.parent.length) this.grow();
    if (this.count * 2 >= this.slots.length) this.rehash();
    const n = this.count++;
    this.parent[n] = parent;
    this.pathStart[n] = start;
    this.nameStart[n] = nameStart;
    this.pathEnd[n] = end;
    this.hash[n] = h;
    this.nextSibling[n] = this.firstChild[parent];
    this.firstChild[parent] = n;
    this.childCount[parent]++;
    const mask = this.slots.length - 1;
    let slot = h & mask;
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.slots[slot] = n;
    return n;
  }

  private grow(): void {
    const cap = this.parent.length * 2;
    const g = <T extends Int32Array | Uint32Array>(a: T, fill: number): T => {
      const next = new (a.constructor as new (n: number) => T)(cap);
      if (fill !== 0) next.fill(fill);
      next.set(a);
      return next;
    };
    this.parent = g(this.parent, 0);
    this.firstChild = g(this.firstChild, EMPTY);
    this.nextSibling = g(this.nextSibling, EMPTY);
    this.childCount = g(this.childCount, 0);
    this.pathStart = g(this.pathStart, 0);
    this.nameStart = g(this.nameStart, 0);
    this.pathEnd = g(this.pathEnd, 0);
    this.row = g(this.row, EMPTY);
    this.hash = g(this.hash, 0);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let n = 1; n < this.count; n++) {
      let slot = this.hash[n] & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = n;
    }
    this.slots = slots;
  }
}

export function buildLayerTree(table: LayerTable): LayerTree {
  const bytes = table.pathBytes;
  const offsets = table.pathOffsets;
  const kinds = table.kinds;
  // Most tars list every directory, so the entry count is a close guess of the node count.
  const b = new TreeBuilder(bytes, table.count + 16);
  // Hash of the path prefix ending before each slash, filled while hashing the whole path, so
  // finding or creating the ancestors never hashes a byte twice.
  let slashAt = new Int32Array(256);
  let hashAt = new Int32Array(256);

  for (let r = 0; r < table.count; r++) {
    const kind = kinds[r];
    if (kind === EntryKind.whiteout || kind === EntryKind.opaque) continue;
    const start = offsets[r];
    const end = offsets[r + 1];
    if (end - start <= 1) {
      b.row[0] = r; // the root "/" itself
      continue;
    }
    let h = 0x811c9dc5 | 0;
    let slashes = 0;
    for (let i = start; i < end; i++) {
      const c = bytes[i];
      if (c === SLASH) {
        if (slashes === slashAt.length) {
          const a = new Int32Array(slashes * 2);
          a.set(slashAt);
          slashAt = a;
          const g = new Int32Array(slashes * 2);
          g.set(hashAt);
          hashAt = g;
        }
        slashAt[slashes] = i;
        hashAt[slashes] = h;
        slashes++;
      }
      h = Math.imul(h ^ c, 0x01000193);
    }
    let node = b.find(h, start, end);
    if (node === EMPTY) {
      // Deepest existing ancestor: walk up the slashes (slash 0 is the leading "/": the root).
      let k = slashes - 1;
      let parent = EMPTY;
      while (k > 0) {
        parent = b.find(hashAt[k], start, slashAt[k]);
        if (parent !== EMPTY) break;
        k--;
      }
      if (k === 0) parent = 0;
      // Create the missing directories below it, then the node itself.
      for (let j = k + 1; j < slashes; j++) parent = b.add(hashAt[j], start, slashAt[j - 1] + 1, slashAt[j], parent);
      node = b.add(h, start, slashAt[slashes - 1] + 1, end, parent);
    }
    b.row[node] = r;
  }

  const n = b.count;
  return {
    table,
    count: n,
    parent: b.parent.slice(0, n),
    firstChild: b.firstChild.slice(0, n),
    nextSibling: b.nextSibling.slice(0, n),
    childCount: b.childCount.slice(0, n),
    pathStart: b.pathStart.slice(0, n),
    nameStart: b.nameStart.slice(0, n),
    pathEnd: b.pathEnd.slice(0, n),
    row: b.row.slice(0, n),
  };
}

const decoder = new TextDecoder();

/** A node's name ("" for the root). */
export function nodeName(t: LayerTree, n: number): string {
  if (n === 0) return '';
  return decoder.decode(t.table.pathBytes.subarray(t.nameStart[n], t.pathEnd[n]));
}

/** A node's absolute path ("/" for the root). */
export function nodePath(t: LayerTree, n: number): string {
  if (n === 0) return '/';
  return decoder.decode(t.table.pathBytes.subarray(t.pathStart[n], t.pathEnd[n]));
}

/** Byte order of two nodes' names (UTF-8 byte order is code point order: deterministic everywhere). */
export function compareNames(t: LayerTree, a: number, b: number): number {
  const bytes = t.table.pathBytes;
  let i = t.nameStart[a];
  let j = t.nameStart[b];
  const ea = t.pathEnd[a];
  const eb = t.pathEnd[b];
  while (i < ea && j < eb) {
    const d = bytes[i++] - bytes[j++];
    if (d !== 0) return d;
  }
  return ea - i - (eb - j);
}

const encoder = new TextEncoder();

/**
 * The node at an absolute path ("/usr/lib"), or -1 when the layer has none. Walks the path's
 * components down from the root comparing UTF-8 bytes, so finding a zoom target (a share link's)
 * costs its depth times the siblings passed, not a pass over the whole layer.
 */
export function findNode(t: LayerTree, path: string): number {
  const parts = path.split('/').filter((p) => p !== '');
  const bytes = t.table.pathBytes;
  let n = 0;
  for (const part of parts) {
    const want = encoder.encode(part);
    let c = t.firstChild[n];
    for (; c !== EMPTY; c = t.nextSibling[c]) {
      const start = t.nameStart[c];
      if (t.pathEnd[c] - start !== want.length) continue;
      let i = 0;
      while (i < want.length && bytes[start + i] === want[i]) i++;
      if (i === want.length) break;
    }
    if (c === EMPTY) return -1;
    n = c;
  }
  return n;
}
