// Adapts the stacking (src/core/layerstack) to the treemap's `visible` / `wasted` measures, with
// the rule the waste engine uses (waste.ts): a regular file's bytes are visible in the final image
// when the entry is visible at the top layer (stacking.ts records the layer that hid it, NEVER
// for none), or when a hard link visible at the top points at it; every other copy is waste
// (overwritten, deleted, behind an opaque dir, copied up by chmod/chown).

import type { LayerStack } from '../../layerstack/stack.ts';
import { reachableAtTop } from '../waste.ts';
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
