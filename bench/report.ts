// The bench's results: one row per case, printed as a table of times, throughput, the ratio
// against the case's reference measured in the same run, the target and PASS/MISS, and the
// LayerTable's bytes per entry. Targets are informational: a MISS does not fail the run.

export type Target =
  /** this case's time ≤ value × the reference's */
  | { kind: 'maxRatio'; value: number }
  /** the reference's time ≥ value × this case's (this case is value× faster) */
  | { kind: 'minSpeedup'; value: number };

export interface Row {
  id: string;
  label: string;
  /** best time, ms */
  ms: number;
  runs: number[];
  /** uncompressed tar bytes the case walks (or inflates), for MB/s */
  tarBytes: number;
  /** id of the row this one is compared with */
  ref?: string;
  target?: Target;
  /** id of the native tool's row for the same input, when `ref` is something else */
  native?: string;
  /** LayerTable bytes / entries, and the same without the path bytes */
  perEntry?: { total: number; beyondPaths: number; entries: number };
  /** results that disagree with the generator's truth or GNU tar */
  problems?: string[];
}

export interface Verdict {
  ratio: number | null;
  text: string;
  pass: boolean | null;
}

export function verdict(row: Row, rows: Row[]): Verdict {
  const ref = row.ref ? rows.find((r) => r.id === row.ref) : undefined;
  if (!ref) return { ratio: null, text: '', pass: null };
  const ratio = row.ms / ref.ms;
  if (row.target?.kind === 'minSpeedup') {
    const speedup = ref.ms / row.ms;
    return { ratio, text: `${speedup.toFixed(2)}× speed-up over ${ref.id}`, pass: speedup >= row.target.value };
  }
  return { ratio, text: `${ratio.toFixed(2)}× ${ref.id}`, pass: row.target ? ratio <= row.target.value : null };
}

function targetText(t: Target | undefined): string {
  if (!t) return '';
  return t.kind === 'maxRatio' ? `≤ ${t.value}×` : `≥ ${t.value}× speed-up`;
}

function pad(cells: string[][]): string {
  const widths = cells[0].map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  return cells.map((r) => r.map((s, c) => (c === 0 || c === 1 ? s.padEnd(widths[c]) : s.padStart(widths[c]))).join('  ').trimEnd()).join('\n');
}

export function formatTable(rows: Row[]): string {
  const head = ['case', 'what', 'time', 'MB/s', 'vs reference', 'target', '', 'vs native', 'B/entry', 'B/entry beyond paths'];
  const body = rows.map((r) => {
    const v = verdict(r, rows);
    const nat = r.native ? rows.find((x) => x.id === r.native) : undefined;
    return [
      r.id,
      r.label,
      `${(r.ms / 1000).toFixed(3)} s`,
      (r.tarBytes / 1e6 / (r.ms / 1000)).toFixed(0),
      v.text,
      targetText(r.target),
      v.pass === null ? '' : v.pass ? 'PASS' : 'MISS',
      nat ? `${(r.ms / nat.ms).toFixed(2)}× ${nat.id}` : '',
      r.perEntry ? r.perEntry.total.toFixed(1) : '',
      r.perEntry ? `${r.perEntry.beyondPaths.toFixed(1)}${r.perEntry.beyondPaths < 100 ? ' PASS' : ' MISS'}` : '',
    ];
  });
  return pad([head, ...body]);
}

/** The same table as Markdown, for bench/README.md. */
export function formatMarkdown(rows: Row[]): string {
  const lines = ['| case | what | time | MB/s | vs reference | target | | vs native | B/entry (beyond paths) |', '|---|---|--:|--:|---|---|---|---|--:|'];
  for (const r of rows) {
    const v = verdict(r, rows);
    const nat = r.native ? rows.find((x) => x.id === r.native) : undefined;
    const esc = (x: string) => x.replace(/\|/g, '\\|');
    lines.push(
      `| ${esc(r.id)} | ${esc(r.label)} | ${(r.ms / 1000).toFixed(3)} s | ${(r.tarBytes / 1e6 / (r.ms / 1000)).toFixed(0)} | ${esc(v.text)} | ${targetText(r.target)} | ${v.pass === null ? '' : v.pass ? 'PASS' : 'MISS'} | ${nat ? esc(`${(r.ms / nat.ms).toFixed(2)}× ${nat.id}`) : ''} | ${r.perEntry ? `${r.perEntry.total.toFixed(1)} (${r.perEntry.beyondPaths.toFixed(1)})` : ''} |`,
    );
  }
  return lines.join('\n');
}
