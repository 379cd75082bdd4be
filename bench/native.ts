// The references: GNU tar listing the same files, with the system's gzip and zstd decoding.
// `tar -tv` formats every entry (as our scan builds a row per entry); its line count is checked
// against the generator, so the reference did the whole walk.

import type { Inputs } from './gen/inputs.ts';
import { bestOf, sq, timeShell } from './measure.ts';
import type { Row } from './report.ts';

export async function nativeRows(inputs: Inputs, runs: number): Promise<Row[]> {
  const a = inputs.layerA;
  const cases: [string, string, string][] = [
    ['tar', 'tar -tvf layer-a.tar', `tar -tvf ${sq(a.tar)} | wc -l`],
    ['gz|tar', 'gzip -dc layer-a.tar.gz | tar -tv', `gzip -dc ${sq(a.gz)} | tar -tv | wc -l`],
    ['zstd|tar', 'zstd -dc layer-a.tar.zst | tar -tv', `zstd -dc ${sq(a.zst)} | tar -tv | wc -l`],
  ];
  const rows: Row[] = [];
  for (const [id, label, script] of cases) {
    const t = await bestOf(runs, () => timeShell(script));
    const lines = Number(t.value.trim());
    rows.push({
      id,
      label: `native: ${label}`,
      ms: t.ms,
      runs: t.runs,
      tarBytes: a.truth.tarSize,
      problems: lines === a.truth.entryCount ? [] : [`tar listed ${lines} entries, expected ${a.truth.entryCount}`],
    });
  }
  return rows;
}
