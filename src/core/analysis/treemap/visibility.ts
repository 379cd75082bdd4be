// Adapts the stacking (src/core/layerstack) to the treemap's `visible` / `wasted` measures, with
// the rule the waste engine uses (waste.ts): a regular file's bytes are visible in the final image
// when the entry is visible at the top layer (stacking.ts records the layer that hid it, NEVER
// for none), or when a hard link visible at the top points at it; every other copy is waste
// (overwritten, deleted, behind an opaque dir, copied up by chmod/chown).
// If waste.ts comes to export its reachability column, this should use it instead of a copy.

import { EntryKind } from '../../model/entry-kind.ts';
import { NEVER, type LayerStack } from '../../layerstack/stack.ts';
import type { Visibility } from './measure.ts';

const cache = new WeakMap<LayerStack, Visibility>();

/** (layer, row) → the entry's bytes are visible in the final image; one predicate per stack, so the treemap's sums cache. */
export function finalVisibility(stack: LayerStack): Visibility {
  let v = cache.get(stack);
  if (!v) {
    const reachable = reachableAtTop(stack);
    const bases = stack.state.bases;
    v = (layer, row) => reachable[bases[layer] + row] === 1;
    cache.set(stack, v);
  }
  return v;
}

function reachableAtTop(stack: LayerStack): Uint8Array {
  const s = stack.state;
  const reachable = new Uint8Array(s.bases[stack.layerCount]);
  for (let j = 0; j < stack.layerCount; j++) {
    const kinds = stack.tables[j].kinds;
    const base = s.bases[j];
    for (let r = 0; r < kinds.length; r++) {
      const e = base + r;
      if (s.hiddenBy[e] !== NEVER) continue;
      if (kinds[r] === EntryKind.file) reachable[e] = 1;
      else if (kinds[r] === EntryKind.hardlink) {
        const inode = s.hardlinkInode.get(e) ?? -1;
        if (inode >= 0) reachable[inode] = 1;
      }
    }
  }
  return reachable;
}
