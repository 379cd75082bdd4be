// One bar for a read that has two phases: core first walks the archive's index (a skim of tar
// headers that jumps over payloads: quick even for GBs), then reads every byte of the chosen
// image's layers. Each phase reports bytes of its own total, so the bar gives the index walk the
// first INDEX_SHARE of its length and the layers the rest, and never runs backwards.

import type { Progress } from '../../core/progress.ts';

export const INDEX_SHARE = 0.05;

export function phasePercent(p: Progress): number {
  if (!(p.totalBytes > 0)) return 0;
  return Math.max(0, Math.min(1, p.bytesRead / p.totalBytes));
}

/** Overall 0–100 for the bar; `sawIndex` says whether this read had an index phase. */
export function overallPercent(p: Progress, sawIndex: boolean): number {
  const f = phasePercent(p);
  if (p.phase === 'index') return Math.floor(f * INDEX_SHARE * 100);
  const start = sawIndex ? INDEX_SHARE : 0;
  return Math.floor((start + f * (1 - start)) * 100);
}

/** Tracks one read's reports, so that the bar is monotonic whatever order phases arrive in. */
export class ProgressTracker {
  private sawIndex = false;
  private last = 0;

  next(p: Progress): number {
    if (p.phase === 'index') this.sawIndex = true;
    this.last = Math.max(this.last, overallPercent(p, this.sawIndex));
    return this.last;
  }
}
