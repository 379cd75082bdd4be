// The file lists the page's file tree shows, built from the stacking in the worker:
//   layer k   what layer k's tar holds (each entry marked added / modified / attributes against
//             the filesystem of layer k - 1, change-marks.ts) and what it deletes;
//   merged k  the filesystem visible at layer k, layer k's own entries marked the same way,
//             plus what layer k deletes.
// "What layer k deletes" is the copies below that layer k hid by a whiteout, an opaque directory
// or a non-directory over a parent (stacking.ts HideReason): the files a person saw vanish, with
// the bytes they held, rather than the marker entries that did it. Directories only implied by
// their children are listed too (entry -1), so every row has its parent.

import { HideReason, type LayerStack } from '../core/layerstack/stack.ts';
import { StackMergedView, visibleEntryAt } from '../core/layerstack/merged-view.ts';
import { ChangeMark, EntryKind } from '../core/model/entry-kind.ts';
import { NO_MARK, type FileView, type ViewMode } from './stack-protocol.ts';

const NONE = -1;

export function fileView(stack: LayerStack, mode: ViewMode, k: number): FileView {
  const s = stack.state;
  const tree = stack.tree;
  const N = tree.nodeCount;
  const entryAt = new Int32Array(N).fill(NONE);
  const mark = new Uint8Array(N).fill(NO_MARK);
  const inView = new Uint8Array(N);
  const changes = stack.changes(k);
  const base = s.bases[k];
  const kinds = stack.tables[k].kinds;

  const add = (node: number, entry: number, m: number) => {
    entryAt[node] = entry;
    mark[node] = m;
    // Ancestors come in as implied directories unless an entry of theirs is already there.
    for (let n = node; n >= 0 && !inView[n]; n = tree.parent[n]) inView[n] = 1;
  };

  if (mode === 'merged') {
    // mergedAt's view is a StackMergedView; its entry ids save building 500k path strings.
    const merged = stack.mergedAt(k) as StackMergedView;
    for (const e of merged.entryIds()) {
      const layer = s.entryLayer[e];
      add(s.entryNode[e], e, layer === k ? changes[e - base] : NO_MARK);
    }
  } else {
    // Layer k's own entries; a path listed twice keeps the later row (what extraction keeps).
    for (let r = 0; r < kinds.length; r++) {
      const kind = kinds[r];
      if (kind === EntryKind.whiteout || kind === EntryKind.opaque) continue;
      const e = base + r;
      if (s.hideReason[e] === HideReason.sameLayer && s.hiddenBy[e] === k) continue;
      add(s.entryNode[e], e, changes[r]);
    }
  }

  // What layer k deletes: lower copies it hid, where nothing is visible at layer k any more.
  if (k > 0) {
    for (let e = 0; e < base; e++) {
      if (s.hiddenBy[e] !== k) continue;
      const why = s.hideReason[e];
      if (why !== HideReason.whiteout && why !== HideReason.opaque && why !== HideReason.blocked) continue;
      const node = s.entryNode[e];
      if (entryAt[node] >= 0 && mark[node] === ChangeMark.deleted) continue; // a newer copy is listed
      if (visibleEntryAt(s, node, k) >= 0) continue;
      // The newest hidden copy stands for the path (entries come newest first at a node).
      let newest = e;
      for (let x = s.nodeHead[node]; x >= 0; x = s.entryNext[x]) {
        if (x < base && s.hiddenBy[x] === k) {
          newest = x;
          break;
        }
      }
      add(node, newest, ChangeMark.deleted);
    }
  }

  let count = 0;
  for (let n = 1; n < N; n++) if (inView[n]) count++;
  const nodes = new Int32Array(count);
  const entries = new Int32Array(count);
  const marks = new Uint8Array(count);
  let i = 0;
  for (let n = 1; n < N; n++) {
    if (!inView[n]) continue;
    nodes[i] = n;
    entries[i] = entryAt[n];
    marks[i] = mark[n];
    i++;
  }
  return { mode, layer: k, nodes, entries, marks };
}
