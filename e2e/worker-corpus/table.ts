// The table e2e/hostile-worker.spec.ts prints (issue 6: "a table in the test output counts cases,
// errors, warnings, time and peak memory"), per group as src/core/hostile/corpus.test.ts prints
// the core reader's, with the share links together as LINKS and everything as ALL.

import { BUDGET_MS } from '../../src/core/hostile/run-case.ts';
import type { HeapPeak } from './heap-sampler.ts';
import type { CaseRow } from './row.ts';

export type Measured = CaseRow & { peak: HeapPeak };

const MiB = (n: number) => Math.round(n / 2 ** 20);

export function formatTable(rows: Measured[], title: string): string {
  const groups = new Map<string, Measured[]>();
  for (const r of rows) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  const line = (cols: (string | number)[]) => cols.map((c, i) => (i === 0 ? String(c).padEnd(15) : String(c).padStart(9))).join(' ');
  const out = [line(['group', 'cases', 'errors', 'results', 'warned', 'crashes', 'over 5s', 'total ms', 'max ms', 'wkr MiB', 'page MiB'])];
  const links = rows.filter((r) => r.kind === 'link');
  const all: [string, Measured[]][] = [...groups.entries(), ['LINKS', links], ['ALL', rows]];
  for (const [g, list] of all) {
    out.push(
      line([
        g,
        list.length,
        list.filter((r) => r.outcome === 'error').length,
        list.filter((r) => r.outcome === 'result').length,
        list.filter((r) => r.outcome === 'result' && r.warnings > 0).length,
        list.filter((r) => r.outcome === 'crash').length,
        list.filter((r) => r.ms > BUDGET_MS).length,
        Math.round(list.reduce((s, r) => s + r.ms, 0)),
        Math.round(Math.max(0, ...list.map((r) => r.ms))),
        MiB(Math.max(0, ...list.map((r) => r.peak.workers))),
        MiB(Math.max(0, ...list.map((r) => r.peak.page))),
      ]),
    );
  }
  const top = (key: (r: Measured) => number, show: (r: Measured) => string) =>
    [...rows]
      .sort((a, b) => key(b) - key(a))
      .slice(0, 5)
      .map((r) => `  ${show(r)}  ${r.name}`);
  const slow = top(
    (r) => r.ms,
    (r) => `${Math.round(r.ms)} ms (read ${Math.round(r.readMs)}, stack ${Math.round(r.stackMs)})`,
  );
  const heavy = top(
    (r) => r.peak.workers,
    (r) => `${MiB(r.peak.workers)} MiB in workers, ${MiB(r.peak.page)} MiB on the page`,
  );
  const samples = rows.reduce((s, r) => s + r.peak.samples, 0);
  const missed = rows.filter((r) => r.peak.missed > 0);
  const missedNote = missed.length === 0 ? '' : ` (in ${missed.map((r) => `${r.name} ×${r.peak.missed}`).join(', ')})`;
  return [
    '',
    title,
    ...out,
    'slowest:',
    ...slow,
    'most memory:',
    ...heavy,
    `memory: JS heap + Blink heap + ArrayBuffer stores (CDP Runtime.getHeapUsage), ${samples} samples; worker answers later than 1 s: ${missed.reduce((s, r) => s + r.peak.missed, 0)}${missedNote}`,
    '',
  ].join('\n');
}
