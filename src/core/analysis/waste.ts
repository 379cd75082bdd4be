// Waste: regular-file bytes an image carries that nobody can see in its final filesystem
// (DESIGN.md "Reclaimable bytes"). Every copy of a file in a layer either is reachable at the top
// (by its own name, or by a visible hard link to it) or is wasted, for one of these reasons:
//   deleted           a whiteout removed it (its path or a parent directory);
//   overwritten       a higher layer wrote other content at its path (or put a non-directory
//                     where one of its parent directories was), or a later tar entry of the same
//                     layer did;
//   copied-up         a higher layer re-wrote it with the same content and only metadata changed
//                     (chmod/chown): the lower copy is dead weight (change-marks.ts `attributes`);
//   hidden-by-opaque  an opaque directory marker above hid it.
// Each wasted copy counts once; hard links count their bytes once (the file they share is
// either reachable or not). dive's own figures are computed beside ours (dive-efficiency.ts).

import { ChangeMark, EntryKind } from '../model/entry-kind.ts';
import type { LayerTable } from '../model/layer-table.ts';
import { HideReason, NEVER, type LayerStack } from '../layerstack/stack.ts';
import { visibleEntryAt } from '../layerstack/merged-view.ts';
import { diveEfficiency } from './dive-efficiency.ts';

// Kinds read once: in hot loops a property read per entry showed in profiles (under tsx every
// imported binding is a getter).
const FILE = EntryKind.file;
const HARDLINK = EntryKind.hardlink;
const VISIBLE = NEVER;

export interface WasteFile {
  path: string;
  /** the layer holding this copy */
  layer: number;
  /** regular-file bytes (tar header size) */
  size: number;
  reason: 'deleted' | 'overwritten' | 'copied-up' | 'hidden-by-opaque';
  /** the layer that made this copy invisible */
  byLayer: number;
}

export interface WasteReport {
  /** regular-file bytes of all layers, hard links once */
  fileBytes: number;
  /** regular-file bytes visible at the top layer, hard links once */
  finalFileBytes: number;
  /** bytes of every copy not visible at the top: fileBytes - finalFileBytes */
  reclaimableBytes: number;
  /** finalFileBytes / fileBytes (1 when fileBytes is 0) */
  efficiency: number;
  /** dive's score, for comparison (dive-efficiency.ts says how it differs) */
  diveEfficiency: number;
  /** dive's WastedBytes: every copy of a path found in two or more layers, visible ones included */
  diveWastedBytes: number;
  /** the wasted copies with bytes, largest first (ties: lower layer, then tar order) */
  files: WasteFile[];
}

export interface WasteOptions {
  /** keep only the largest N wasted files in `files` (default: all); the totals count every one */
  maxFiles?: number;
}

/**
 * Which regular-file entries are reachable at the top layer, by name or through a hard link
 * visible there (1 per global entry index): the bytes a container can read. Every other copy is
 * waste. The treemap's visible/wasted measures use the same column (treemap/visibility.ts).
 */
export function reachableAtTop(stack: LayerStack): Uint8Array {
  const s = stack.state;
  const reachable = new Uint8Array(s.bases[stack.layerCount]);
  for (let j = 0; j < stack.layerCount; j++) {
    const kinds = stack.tables[j].kinds;
    const base = s.bases[j];
    for (let r = 0; r < kinds.length; r++) {
      const e = base + r;
      if (s.hiddenBy[e] !== VISIBLE) continue;
      if (kinds[r] === FILE) reachable[e] = 1;
      else if (kinds[r] === HARDLINK) {
        const inode = s.hardlinkInode.get(e) ?? -1;
        if (inode >= 0) reachable[inode] = 1;
      }
    }
  }
  return reachable;
}

export function computeWaste(stack: LayerStack, tables: LayerTable[], options: WasteOptions = {}): WasteReport {
  if (tables.length !== stack.layerCount || tables.some((t, i) => t !== stack.tables[i])) {
    throw new Error('computeWaste: the tables are not the ones the stack was built from');
  }
  const s = stack.state;
  const reachable = reachableAtTop(stack);
  let fileBytes = 0;
  let finalFileBytes = 0;
  let wasted = new Int32Array(1024);
  let n = 0;
  for (let j = 0; j < stack.layerCount; j++) {
    const { kinds, sizes } = tables[j];
    const base = s.bases[j];
    for (let r = 0; r < kinds.length; r++) {
      if (kinds[r] !== FILE) continue;
      const size = sizes[r];
      fileBytes += size;
      if (reachable[base + r]) finalFileBytes += size;
      else if (size > 0) {
        if (n === wasted.length) {
          const next = new Int32Array(n * 2);
          next.set(wasted);
          wasted = next;
        }
        wasted[n++] = base + r;
      }
    }
  }
  // largest first; ties in entry order (layer, then tar order) so the list is stable
  const sizeOf = (e: number): number => tables[s.entryLayer[e]].sizes[e - s.bases[s.entryLayer[e]]];
  const sizes = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    sizes[i] = sizeOf(wasted[i]);
    order[i] = i;
  }
  order.sort((a, b) => sizes[b] - sizes[a] || a - b);
  const keep = Math.min(n, options.maxFiles ?? n);
  const files: WasteFile[] = new Array(keep);
  for (let i = 0; i < keep; i++) {
    const e = wasted[order[i]];
    files[i] = {
      path: stack.tree.path(s.entryNode[e]),
      layer: s.entryLayer[e],
      size: sizes[order[i]],
      reason: reasonFor(stack, e),
      byLayer: s.hiddenBy[e],
    };
  }
  const dive = diveEfficiency(stack);
  return {
    fileBytes,
    finalFileBytes,
    reclaimableBytes: fileBytes - finalFileBytes,
    efficiency: fileBytes === 0 ? 1 : finalFileBytes / fileBytes,
    diveEfficiency: dive.score,
    diveWastedBytes: dive.wastedBytes,
    files,
  };
}

function reasonFor(stack: LayerStack, e: number): WasteFile['reason'] {
  const s = stack.state;
  switch (s.hideReason[e]) {
    case HideReason.whiteout:
      return 'deleted';
    case HideReason.opaque:
      return 'hidden-by-opaque';
    case HideReason.replaced: {
      // The entry that replaced it is the one visible at its path in the hiding layer, and that
      // entry's change mark compared it with exactly this copy.
      const by = s.hiddenBy[e];
      const upper = visibleEntryAt(s, s.entryNode[e], by);
      if (upper >= 0 && s.entryLayer[upper] === by && stack.changes(by)[stack.rowOf(upper)] === ChangeMark.attributes) {
        return 'copied-up';
      }
      return 'overwritten';
    }
    default:
      return 'overwritten';
  }
}
