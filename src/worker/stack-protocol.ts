// Messages between the page and the stack worker (stack.worker.ts), which stacks the shown
// image's layers off the main thread (LayerStack + waste + dive's figures + suggestions: ≈ 1 s at
// 500k entries on this machine, far too long for the page) and then answers the page's questions
// about it: a read path, the file list of a layer or of the merged filesystem up to a layer.
// What the page keeps is columns (typed arrays, transferred): the path tree's skeleton and the
// stacking's hiddenBy column, so it can say "visible at layer k" and name any path on its own.

import type { ReadPathResult } from '../core/layerstack/stack.ts';
import type { WasteFile, WasteReport } from '../core/analysis/waste.ts';
import type { Suggestion } from '../core/analysis/ci/suggestions.ts';
import type { Difference } from '../core/analysis/ci/differences.ts';
import type { BaseBoundary } from '../core/analysis/ci/base-boundary.ts';
import type { HistoryEntry } from '../core/model/image.ts';
import type { LayerTableColumns } from '../core/model/layer-table.ts';
import type { WireError } from './protocol.ts';

/** What the stack worker needs of an image: history, and per layer its command and table. */
export interface StackInput {
  history: HistoryEntry[];
  layers: { index: number; createdBy: string | null; historyIndex: number | null; table: LayerTableColumns }[];
}

/** The interned path tree, as columns: node 0 is "/", parent[n] < n for every other node. */
export interface Skeleton {
  nodeCount: number;
  parent: Int32Array;
  /** index into the name table; -1 for the root */
  nameId: Int32Array;
  /** every distinct name, UTF-8, back to back; name i is nameBytes[nameOffsets[i], nameOffsets[i + 1]) */
  nameBytes: Uint8Array;
  nameOffsets: Uint32Array;
}

/** Waste (the core's figures), dive's figures and what to change, small enough to post as a plain object. */
export interface BloatReport extends WasteReport {
  /** the largest wasted copies (at most TOP_WASTED), largest first */
  files: WasteFile[];
  /** how many wasted copies there are in all */
  wastedCount: number;
  /** per layer: regular-file bytes and the bytes of its copies not visible at the top */
  layers: { index: number; fileBytes: number; wastedBytes: number }[];
  suggestions: Suggestion[];
  /** where dive's figures and ours differ on this image, and why */
  differences: Difference[];
  base: BaseBoundary;
}

export interface StackFacts {
  skeleton: Skeleton;
  /** first global entry id of each layer; bases[layerCount] is the total */
  bases: Int32Array;
  /** path-tree node of each global entry */
  entryNode: Int32Array;
  /** the layer that hides each entry (NEVER = 0xffff: visible at the top) */
  hiddenBy: Uint16Array;
  /** hard links as pairs [link entry, file entry it shares bytes with] */
  hardlinks: Int32Array;
  /** per entry: its ChangeMark against the layer below (change-marks.ts) */
  marks: Uint8Array;
  /** per entry: why its bytes are wasted (WASTE_REASONS[code - 1]), 0 when they are not */
  wasteReasons: Uint8Array;
  bloat: BloatReport;
  /** worker time: stacking, then waste + figures + suggestions, ms */
  stackMs: number;
  analysisMs: number;
}

export type ViewMode = 'layer' | 'merged';

/** No change mark: an entry of a lower layer, shown in a merged view. */
export const NO_MARK = 255;

/**
 * The files of one view: `layer` mode lists what layer k itself holds and what it deletes,
 * `merged` mode the whole filesystem visible at layer k (with layer k's changes marked) plus
 * what layer k deletes. Nodes ascend, so parents come before their children.
 */
export interface FileView {
  mode: ViewMode;
  layer: number;
  nodes: Int32Array;
  /** the global entry shown at each node; -1: a directory only implied by its children */
  entries: Int32Array;
  /** ChangeMark of the entry relative to layer k - 1 (deleted: a copy layer k hides), or NO_MARK */
  marks: Uint8Array;
}

// ---- page → stack worker ----
export type ToStack =
  | { type: 'stack'; id: number; input: StackInput }
  | { type: 'readpath'; id: number; path: string; layer: number }
  | { type: 'view'; id: number; mode: ViewMode; layer: number };

// ---- stack worker → page ----
export type FromStack =
  | { type: 'stacked'; id: number; facts: StackFacts }
  | { type: 'readpath'; id: number; result: ReadPathResult }
  | { type: 'view'; id: number; view: FileView }
  | { type: 'error'; id: number; error: WireError };

export const TOP_WASTED = 200;

/** wasteReasons codes, from 1 (0: not wasted) */
export const WASTE_REASONS = ['deleted', 'overwritten', 'copied-up', 'hidden-by-opaque'] as const;
