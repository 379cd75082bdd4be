// The two layer lists of a comparison laid side by side: a shared pair on one row (linked), and
// between pairs the layers only one side has, zipped row by row, so both columns read bottom-up
// in build order and a shared layer sits level with its twin.

import type { SharedLayer } from '../../../core/analysis/compare.ts';

export interface AlignedRow {
  a: number | null;
  b: number | null;
  shared: boolean;
}

export function alignLayers(countA: number, countB: number, shared: readonly SharedLayer[]): AlignedRow[] {
  const rows: AlignedRow[] = [];
  let i = 0;
  let j = 0;
  const gap = (toA: number, toB: number) => {
    while (i < toA || j < toB) rows.push({ a: i < toA ? i++ : null, b: j < toB ? j++ : null, shared: false });
  };
  for (const p of shared) {
    gap(p.a, p.b);
    rows.push({ a: p.a, b: p.b, shared: true });
    i = p.a + 1;
    j = p.b + 1;
  }
  gap(countA, countB);
  return rows;
}
