// Stacks layers bottom-up once and records, for every entry of every layer, the layer that hides
// it (or NEVER). With that one column, the filesystem visible at ANY layer k is "entries of
// layers <= k not hidden by a layer <= k", so every merged view, read path, change mark and waste
// figure is answered from the same arrays instead of a copy of the tree per layer.
//
// Rules (OCI image spec, layer.md "Whiteouts"; DESIGN.md "Semantics to get right"), applied to
// layer j over what layers < j left visible, all of layer j's removals before any of its
// additions, so nothing in layer j is ever hidden by layer j itself:
//   - an entry at P replaces the lower entry at P (a directory over a directory too: the upper
//     one's attributes win; the lower directory's children stay);
//   - `.wh.NAME` (kind whiteout, path = P) hides P and everything below P;
//   - `.wh..wh..opq` (kind opaque, path = DIR) hides everything below DIR, not DIR itself,
//     whatever its position in the tar;
//   - a non-directory entry at P (file, symlink, hard link, other) hides everything below P;
//   - the same path twice in one layer: the later tar entry wins (what extraction does).
// When several rules hide an entry, the reason kept is the first of: replaced, whiteout,
// opaque, blocked. read-path.ts reports a layer's outcome with the same precedence.

import { EntryKind } from '../model/entry-kind.ts';
import type { LayerTable } from '../model/layer-table.ts';
import { visibleEntryAt } from './merged-view.ts';
import type { PathTree } from './path-tree.ts';

// Kinds read once: in hot loops a property read per entry showed in profiles (under tsx every
// imported binding is a getter).
const DIR = EntryKind.dir;
const FILE = EntryKind.file;
const HARDLINK = EntryKind.hardlink;
const OPAQUE = EntryKind.opaque;
const WHITEOUT = EntryKind.whiteout;

/** hiddenBy value of an entry still visible at the top layer. */
export const NEVER = 0xffff;

/** Why an entry is not visible above the layer in hiddenBy. */
export const HideReason = {
  none: 0,
  /** an entry at the same path in a higher layer */
  replaced: 1,
  /** a `.wh.` marker on the path or an ancestor */
  whiteout: 2,
  /** an opaque marker on an ancestor directory */
  opaque: 3,
  /** a non-directory entry at an ancestor path */
  blocked: 4,
  /** a later tar entry for the same path in the same layer */
  sameLayer: 5,
  /** whiteout and opaque markers are instructions, never visible */
  marker: 6,
} as const;
export type HideReason = (typeof HideReason)[keyof typeof HideReason];

export interface StackState {
  /** first global entry id of layer j; bases[layerCount] is the total */
  bases: Int32Array;
  entryLayer: Uint16Array;
  entryNode: Int32Array;
  /** next older entry at the same node (lower layer, or earlier row), -1 at the end */
  entryNext: Int32Array;
  /** newest entry at each node, -1 when none */
  nodeHead: Int32Array;
  /** the layer that hides the entry; NEVER when visible at the top; a marker's own layer */
  hiddenBy: Uint16Array;
  hideReason: Uint8Array;
  /** hard-link entry → the regular-file entry whose bytes it shares (-1: target not found) */
  hardlinkInode: Map<number, number>;
}

const isMarker = (k: number): boolean => k === WHITEOUT || k === OPAQUE;

/** Interns every path of every table into `tree` and stacks the layers. */
export function stackLayers(tree: PathTree, tables: readonly LayerTable[]): StackState {
  const L = tables.length;
  if (L >= NEVER) throw new RangeError(`too many layers: ${L}`);
  const bases = new Int32Array(L + 1);
  for (let j = 0; j < L; j++) bases[j + 1] = bases[j] + tables[j].count;
  const total = bases[L];
  const entryLayer = new Uint16Array(total);
  const entryNode = new Int32Array(total);
  for (let j = 0; j < L; j++) {
    const t = tables[j];
    const base = bases[j];
    entryLayer.fill(j, base, base + t.count);
    for (let r = 0; r < t.count; r++) {
      entryNode[base + r] = tree.internNext(t.pathBytes, t.pathOffsets[r], t.pathOffsets[r + 1]);
    }
  }
  tree.compact();
  const nodes = tree.nodeCount;
  const nodeHead = new Int32Array(nodes).fill(-1);
  const entryNext = new Int32Array(total);
  for (let e = 0; e < total; e++) {
    const n = entryNode[e];
    entryNext[e] = nodeHead[n];
    nodeHead[n] = e;
  }
  const state: StackState = {
    bases, entryLayer, entryNode, entryNext, nodeHead,
    hiddenBy: new Uint16Array(total).fill(NEVER),
    hideReason: new Uint8Array(total),
    hardlinkInode: new Map(),
  };
  new Stacker(tree, tables, state).run();
  return state;
}

/** The bottom-up pass; its working arrays are dropped when it returns. */
class Stacker {
  private readonly visible: Int32Array;
  /** visible entries in each node's subtree, itself included: lets hides skip dead subtrees */
  private readonly live: Int32Array;
  private readonly todo: Int32Array;

  constructor(
    private readonly tree: PathTree,
    private readonly tables: readonly LayerTable[],
    private readonly s: StackState,
  ) {
    this.visible = new Int32Array(tree.nodeCount).fill(-1);
    this.live = new Int32Array(tree.nodeCount);
    this.todo = new Int32Array(tree.nodeCount);
  }

  run(): void {
    const { s, visible } = this;
    for (let j = 0; j < this.tables.length; j++) {
      const kinds = this.tables[j].kinds;
      const base = s.bases[j];
      const n = kinds.length;
      // removals: replaced, whiteout, opaque, blocked (that order sets the reason kept)
      for (let r = 0; r < n; r++) {
        const k = kinds[r];
        if (isMarker(k)) {
          s.hiddenBy[base + r] = j;
          s.hideReason[base + r] = HideReason.marker;
          continue;
        }
        const node = s.entryNode[base + r];
        const old = visible[node];
        if (old >= 0) {
          this.hide(old, j, HideReason.replaced);
          visible[node] = -1;
          this.addUp(node, -1);
        }
      }
      for (let r = 0; r < n; r++) if (kinds[r] === WHITEOUT) this.hideBelow(s.entryNode[base + r], true, j, HideReason.whiteout);
      for (let r = 0; r < n; r++) if (kinds[r] === OPAQUE) this.hideBelow(s.entryNode[base + r], false, j, HideReason.opaque);
      for (let r = 0; r < n; r++) {
        const k = kinds[r];
        if (k !== DIR && !isMarker(k)) this.hideBelow(s.entryNode[base + r], false, j, HideReason.blocked);
      }
      // additions, in tar order
      for (let r = 0; r < n; r++) {
        const k = kinds[r];
        if (isMarker(k)) continue;
        const e = base + r;
        const node = s.entryNode[e];
        const old = visible[node];
        if (old >= 0) this.hide(old, j, HideReason.sameLayer);
        else this.addUp(node, 1);
        if (k === HARDLINK) s.hardlinkInode.set(e, this.resolveHardlink(j, r));
        visible[node] = e;
      }
    }
  }

  /**
   * The file a hard link shares bytes with: what its target names at that point of the tar, i.e.
   * an earlier entry of the same layer, else the file visible below (layer.md allows links to
   * lower layers but warns extraction may fail; we take the lower file as it was before this
   * layer's own removals, which is what an applier meeting the link first would link to).
   */
  private resolveHardlink(j: number, r: number): number {
    const target = this.tables[j].linkTarget(r);
    if (target === null) return -1;
    const node = this.tree.lookup(target);
    if (node < 0) return -1;
    let e = this.visible[node];
    if (e < 0 || this.s.entryLayer[e] !== j) e = j === 0 ? -1 : visibleEntryAt(this.s, node, j - 1);
    if (e < 0) return -1;
    const layer = this.s.entryLayer[e];
    const kind = this.tables[layer].kinds[e - this.s.bases[layer]];
    if (kind === FILE) return e;
    if (kind === HARDLINK) return this.s.hardlinkInode.get(e) ?? -1;
    return -1;
  }

  private hide(e: number, j: number, reason: HideReason): void {
    this.s.hiddenBy[e] = j;
    this.s.hideReason[e] = reason;
  }

  private addUp(node: number, d: number): void {
    const { live } = this;
    const parent = this.tree.parent;
    for (let m = node; m >= 0; m = parent[m]) live[m] += d;
  }

  /** Hides every visible entry strictly below `node` (and at it, if includeSelf). */
  private hideBelow(node: number, includeSelf: boolean, j: number, reason: HideReason): void {
    const { live, visible, todo } = this;
    if (live[node] === 0) return;
    const { firstChild, nextSibling, parent } = this.tree;
    let removed = 0;
    if (includeSelf && visible[node] >= 0) {
      this.hide(visible[node], j, reason);
      visible[node] = -1;
      removed++;
    }
    let sp = 0;
    for (let c = firstChild[node]; c >= 0; c = nextSibling[c]) if (live[c] > 0) todo[sp++] = c;
    while (sp > 0) {
      const m = todo[--sp];
      if (visible[m] >= 0) {
        this.hide(visible[m], j, reason);
        visible[m] = -1;
        removed++;
      }
      live[m] = 0;
      for (let c = firstChild[m]; c >= 0; c = nextSibling[c]) if (live[c] > 0) todo[sp++] = c;
    }
    if (removed === 0) return;
    for (let m = node; m >= 0; m = parent[m]) live[m] -= removed;
  }
}
