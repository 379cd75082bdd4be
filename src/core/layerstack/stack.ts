// LayerStack: an image's layers (bottom first) stacked into one interned name tree, answering
// "what is visible at layer k", "where does a read of PATH end" and "what did layer i change".
// The stacking runs once in the constructor (stacking.ts); views, read paths and marks are
// derived from its columns on demand and cached per layer (as dive caches merged trees, STYLE.md
// #13), so asking for layer k costs nothing until someone asks.

import { EntryKind } from '../model/entry-kind.ts';
import type { LayerTable } from '../model/layer-table.ts';
import { changeMarks } from './change-marks.ts';
import { StackMergedView, visibleEntryAt, type MergedView } from './merged-view.ts';
import { PathTree } from './path-tree.ts';
import { readPathAt, type ReadPathResult } from './read-path.ts';
import { stackLayers, type StackState } from './stacking.ts';

export type { MergedView } from './merged-view.ts';
export type { ReadOutcome, ReadPathResult } from './read-path.ts';
export { HideReason, NEVER } from './stacking.ts';
export { normalizePath } from './path-tree.ts';

export class LayerStack {
  readonly layerCount: number;
  readonly tables: readonly LayerTable[];
  /** every path of every layer, interned (analysis modules walk it) */
  readonly tree: PathTree;
  /** the stacking columns, per global entry id = bases[layer] + row (read-only for callers) */
  readonly state: StackState;
  private readonly views: (StackMergedView | undefined)[];
  private readonly marks: (Uint8Array | undefined)[];

  constructor(tables: LayerTable[]) {
    this.tables = tables.slice();
    this.layerCount = tables.length;
    let total = 0;
    for (const t of tables) total += t.count;
    this.tree = new PathTree(total + 16);
    this.state = stackLayers(this.tree, this.tables);
    this.views = new Array(this.layerCount);
    this.marks = new Array(this.layerCount);
  }

  /** The filesystem visible at layer k (0..layerCount-1): every visible path with the layer and row that provides it. Cached per k. */
  mergedAt(k: number): MergedView {
    this.checkLayer(k);
    let v = this.views[k];
    if (!v) {
      v = new StackMergedView(this.tree, this.state, k);
      this.views[k] = v;
    }
    return v;
  }

  /** Read path of `path` (normalized here) at layer k (default: top), per DESIGN.md. */
  readPath(path: string, k: number = this.layerCount - 1): ReadPathResult {
    if (this.layerCount > 0 || k !== -1) this.checkLayer(k);
    return readPathAt(this.tree, this.state, this.tables, (e) => this.sizeOfEntry(e), path, k);
  }

  /** One ChangeMark per row of layer i's table (entry-kind.ts ChangeMark): added | modified | deleted | attributes. Cached per i. */
  changes(i: number): Uint8Array {
    this.checkLayer(i);
    let m = this.marks[i];
    if (!m) {
      m = changeMarks(this.state, this.tables, i);
      this.marks[i] = m;
    }
    return m;
  }

  /** Global entry id of (layer, row): the index into the `state` columns. */
  entryId(layer: number, row: number): number {
    return this.state.bases[layer] + row;
  }

  layerOf(entry: number): number {
    return this.state.entryLayer[entry];
  }

  rowOf(entry: number): number {
    return entry - this.state.bases[this.state.entryLayer[entry]];
  }

  kindOf(entry: number): number {
    const layer = this.state.entryLayer[entry];
    return this.tables[layer].kinds[entry - this.state.bases[layer]];
  }

  /**
   * Regular-file bytes behind an entry: its own size for a file, the size of the file it links
   * to for a hard link (0 when the target is unknown), the tar header size otherwise.
   */
  sizeOfEntry(entry: number): number {
    const layer = this.state.entryLayer[entry];
    const t = this.tables[layer];
    const row = entry - this.state.bases[layer];
    if (t.kinds[row] !== EntryKind.hardlink) return t.sizes[row];
    const inode = this.state.hardlinkInode.get(entry) ?? -1;
    return inode < 0 ? 0 : this.sizeOfEntry(inode);
  }

  /** Size of the entry at (layer, row), hard links resolved (see sizeOfEntry). */
  entrySize(layer: number, row: number): number {
    return this.sizeOfEntry(this.entryId(layer, row));
  }

  /** The entry visible at `path` in layer k's filesystem, as a global entry id, or -1. */
  visibleEntry(path: string, k: number): number {
    const node = this.tree.lookup(path);
    return node < 0 ? -1 : visibleEntryAt(this.state, node, k);
  }

  private checkLayer(k: number): void {
    if (!Number.isInteger(k) || k < 0 || k >= this.layerCount) {
      throw new RangeError(`layer ${k} is out of range: the stack has ${this.layerCount} layers`);
    }
  }
}
