// An interned name tree: every distinct path of an image becomes one node id (a small integer),
// so stacking 500k entries works on typed arrays instead of a Map of 500k strings.
//
// Layout (DESIGN.md "memory per entry": an interned name tree is the compact store):
//   names  each distinct path component once (name-table.ts), so "lib" is not stored per dir;
//   nodes  parent, nameId, firstChild, nextSibling (children in first-seen order), found through
//          a second open-addressing table keyed by (parent, nameId).
// Node 0 is the root "/". Paths handed in are normalized (absolute, no trailing slash, no `.`
// or `..`; see layer-table.ts); `normalizePath` makes any user-typed path so.

import { normalizePath } from '../tar/normalize.ts';
import { grow, NameTable, nextPow2 } from './name-table.ts';

const SLASH = 0x2f;
const EMPTY = -1;
const encoder = new TextEncoder();

function sameBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): boolean {
  if (ae - as !== be - bs) return false;
  for (let i = 0; i < ae - as; i++) if (a[as + i] !== b[bs + i]) return false;
  return true;
}

/** One normalization for the whole core (tar/normalize.ts), re-exported for the stack's callers. */
export { normalizePath };

export class PathTree {
  private readonly names: NameTable;
  nodeCount = 1;
  parent: Int32Array;
  nameId: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  private lastChild: Int32Array;
  private nodeSlots: Int32Array;
  /** path strings of nodes that have children, built on demand (leaves are not cached) */
  private dirPaths = new Map<number, string>();

  constructor(expectedNodes = 1024) {
    const cap = Math.max(16, expectedNodes);
    this.names = new NameTable(cap);
    this.parent = new Int32Array(cap);
    this.nameId = new Int32Array(cap);
    this.firstChild = new Int32Array(cap).fill(EMPTY);
    this.nextSibling = new Int32Array(cap).fill(EMPTY);
    this.lastChild = new Int32Array(cap).fill(EMPTY);
    this.nodeSlots = new Int32Array(nextPow2(cap * 2)).fill(EMPTY);
    this.parent[0] = EMPTY;
    this.nameId[0] = EMPTY;
  }

  /** Node of a normalized path held as UTF-8 bytes[start, end), created (with its ancestors) if new. */
  internBytes(bytes: Uint8Array, start: number, end: number): number {
    let node = 0;
    let i = start; // empty components (the leading "/", doubled slashes) are skipped below
    while (i < end) {
      let j = i;
      while (j < end && bytes[j] !== SLASH) j++;
      if (j > i) node = this.child(node, this.names.intern(bytes, i, j), true);
      i = j + 1;
    }
    return node;
  }

  // The previous internBytes call: tar entries mostly follow their directory or a sibling, so
  // comparing the parent part with the last path skips re-hashing every component.
  private lastBytes: Uint8Array | null = null;
  private lastStart = 0;
  private lastEnd = 0;
  private lastNode = 0;
  /** end of the last path's parent part (its last "/"), and the parent's node */
  private lastParentEnd = 0;
  private lastParent = 0;

  /** internBytes, reusing the previous call's nodes when this path is its child or sibling. */
  internNext(bytes: Uint8Array, start: number, end: number): number {
    let cut = end - 1;
    while (cut > start && bytes[cut] !== SLASH) cut--;
    if (end === start || bytes[cut] !== SLASH) {
      this.lastBytes = null; // a relative name without any "/": not worth caching
      return this.internBytes(bytes, start, end);
    }
    let parent = -1;
    const last = this.lastBytes;
    if (last !== null && cut > start) {
      if (sameBytes(bytes, start, cut, last, this.lastStart, this.lastEnd)) parent = this.lastNode;
      else if (sameBytes(bytes, start, cut, last, this.lastStart, this.lastParentEnd)) parent = this.lastParent;
    }
    if (parent < 0) parent = this.internBytes(bytes, start, cut);
    const node = cut + 1 < end ? this.child(parent, this.names.intern(bytes, cut + 1, end), true) : parent;
    this.lastBytes = bytes;
    this.lastStart = start;
    this.lastEnd = end;
    this.lastNode = node;
    this.lastParentEnd = cut;
    this.lastParent = parent;
    return node;
  }

  /** Node of a path (normalized here), or -1 when no entry ever named it. */
  lookup(path: string): number {
    const bytes = encoder.encode(normalizePath(path));
    let node = 0;
    let i = 1;
    while (i < bytes.length) {
      let j = i;
      while (j < bytes.length && bytes[j] !== SLASH) j++;
      const name = this.names.find(bytes, i, j);
      if (name < 0) return EMPTY;
      node = this.child(node, name, false);
      if (node < 0) return EMPTY;
      i = j + 1;
    }
    return node;
  }

  /** Nodes from the root down to the deepest existing node on `path` (normalized here). */
  chain(path: string): { nodes: number[]; complete: boolean } {
    const bytes = encoder.encode(normalizePath(path));
    const nodes = [0];
    let i = 1;
    while (i < bytes.length) {
      let j = i;
      while (j < bytes.length && bytes[j] !== SLASH) j++;
      const name = this.names.find(bytes, i, j);
      const node = name < 0 ? EMPTY : this.child(nodes[nodes.length - 1], name, false);
      if (node < 0) return { nodes, complete: false };
      nodes.push(node);
      i = j + 1;
    }
    return { nodes, complete: true };
  }

  name(node: number): string {
    const id = this.nameId[node];
    return id < 0 ? '' : this.names.text(id);
  }

  /** The name's UTF-8 bytes as a string of char codes 0-255: compares like Go's sort.Strings. */
  nameByteKey(node: number): string {
    const id = this.nameId[node];
    return id < 0 ? '' : this.names.byteKey(id);
  }

  /** Absolute path of a node ("/" for the root). */
  path(node: number): string {
    if (node === 0) return '/';
    const p = this.parent[node];
    return (p === 0 ? '' : this.dirPath(p)) + '/' + this.name(node);
  }

  private dirPath(node: number): string {
    let s = this.dirPaths.get(node);
    if (s === undefined) {
      s = this.path(node);
      this.dirPaths.set(node, s);
    }
    return s;
  }

  /** Trims the arrays and hash tables to what is used (after the last intern; more still works). */
  compact(): void {
    const n = this.nodeCount;
    this.parent = this.parent.slice(0, n);
    this.nameId = this.nameId.slice(0, n);
    this.firstChild = this.firstChild.slice(0, n);
    this.nextSibling = this.nextSibling.slice(0, n);
    this.lastChild = this.lastChild.slice(0, n);
    const size = nextPow2(n * 2 + 2);
    if (size < this.nodeSlots.length) this.rehashNodes(size);
    this.names.compact();
    this.lastBytes = null;
  }

  /** Bytes held by the tree's arrays and hash tables (cached strings not counted). */
  byteSize(): number {
    return (
      this.names.byteSize() +
      this.parent.byteLength + this.nameId.byteLength + this.firstChild.byteLength +
      this.nextSibling.byteLength + this.lastChild.byteLength + this.nodeSlots.byteLength
    );
  }

  get distinctNames(): number {
    return this.names.count;
  }

  // ---------------------------------------------------------------- nodes

  private hashNode(parent: number, name: number): number {
    let h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(name + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 13;
    return h >>> 0;
  }

  private child(parent: number, name: number, create: boolean): number {
    const mask = this.nodeSlots.length - 1;
    let slot = this.hashNode(parent, name) & mask;
    for (;;) {
      const n = this.nodeSlots[slot];
      if (n === EMPTY) break;
      if (this.parent[n] === parent && this.nameId[n] === name) return n;
      slot = (slot + 1) & mask;
    }
    if (!create) return EMPTY;
    const n = this.nodeCount++;
    if (n === this.parent.length) this.growNodes();
    this.parent[n] = parent;
    this.nameId[n] = name;
    const last = this.lastChild[parent];
    if (last === EMPTY) this.firstChild[parent] = n;
    else this.nextSibling[last] = n;
    this.lastChild[parent] = n;
    this.nodeSlots[slot] = n;
    if (this.nodeCount * 2 > this.nodeSlots.length) this.rehashNodes(this.nodeSlots.length * 2);
    return n;
  }

  private growNodes(): void {
    const cap = this.parent.length * 2;
    const old = this.parent.length;
    this.parent = grow(this.parent, cap);
    this.nameId = grow(this.nameId, cap);
    this.firstChild = grow(this.firstChild, cap);
    this.nextSibling = grow(this.nextSibling, cap);
    this.lastChild = grow(this.lastChild, cap);
    this.firstChild.fill(EMPTY, old);
    this.nextSibling.fill(EMPTY, old);
    this.lastChild.fill(EMPTY, old);
  }

  private rehashNodes(size: number): void {
    const slots = new Int32Array(size).fill(EMPTY);
    const mask = slots.length - 1;
    for (let n = 1; n < this.nodeCount; n++) {
      let slot = this.hashNode(this.parent[n], this.nameId[n]) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = n;
    }
    this.nodeSlots = slots;
  }
}
