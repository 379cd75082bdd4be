// Words and colors for read-path outcomes (read-path.ts), shared by the panel, the layer list
// and the treemap's highlight.

import type { ReadOutcome, ReadPathResult } from '../../../core/layerstack/stack.ts';

export const OUTCOME_WORDS: Record<ReadOutcome, string> = {
  miss: 'nothing here: the read goes on down',
  hit: 'found here: this copy is what the container reads',
  whiteout: 'deleted here (a whiteout): not found',
  opaque: 'a parent directory is opaque here: not found',
  blocked: 'a parent is not a directory here: not found',
  shadowed: 'a copy hidden by the layer that stopped the read',
};

/** Tailwind classes of each outcome's badge. */
export const OUTCOME_BADGE: Record<ReadOutcome, string> = {
  miss: 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300',
  hit: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  whiteout: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
  opaque: 'bg-orange-100 text-orange-900 dark:bg-orange-900/60 dark:text-orange-100',
  blocked: 'bg-orange-100 text-orange-900 dark:bg-orange-900/60 dark:text-orange-100',
  shadowed: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
};

/** The layers a read path touches: where it stopped and the copies it shadows. */
export function readPathLayers(r: ReadPathResult): Set<number> {
  return new Set(r.steps.filter((s) => s.outcome !== 'miss').map((s) => s.layer));
}

/** Outcome per layer, for marking rows of the layer list. */
export function outcomeByLayer(r: ReadPathResult | null): Map<number, ReadOutcome> {
  return new Map((r?.steps ?? []).map((s) => [s.layer, s.outcome]));
}
