// The hostile-input corpus through the core reader, as the worker reads a dropped file: every
// case must end in a typed error that names the input and says what is wrong, or a result (with
// warnings where something was odd), within 5 s and bounded memory. A table of cases, errors,
// warnings, time and peak memory is printed per group.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allCases, CORPUS_FIXTURES, readSample } from './corpus.ts';
import type { HostileCase } from './case.ts';
import { BUDGET_MS, judge, runCase, type Outcome } from './run-case.ts';

const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures');
const load = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) });

/** Heap and array buffers above the level before the case: what the reader holds, sampled. */
const MEMORY_BOUND = 1536 << 20;

interface Row {
  c: HostileCase;
  o: Outcome;
  ms: number;
  peak: number;
}

const rows: Row[] = [];
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

async function measured(c: HostileCase): Promise<Row> {
  const bytes = await c.bytes();
  globalThis.gc?.();
  const before = used();
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, used() - before)), 5);
  const t0 = performance.now();
  const o = await runCase(c, bytes, AbortSignal.timeout(BUDGET_MS));
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, used() - before);
  return { c, o, ms, peak };
}

const SAMPLES = join(import.meta.dirname, '../share/samples');
const samples = await Promise.all(
  readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readSample(f, readFileSync(join(SAMPLES, f), 'utf8').trim())),
);
const cases = allCases(CORPUS_FIXTURES.map(load), samples);

describe('hostile corpus through the core reader', () => {
  it('holds at least 200 cases with unique names, 60 of them share links', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.filter((c) => c.kind === 'link').length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const row = await measured(c);
    rows.push(row);
    const problem = judge(c, row.o, row.ms);
    expect(problem, `${c.name}`).toBeNull();
    expect(row.peak, `${c.name}: peak memory ${Math.round(row.peak / 2 ** 20)} MiB`).toBeLessThan(MEMORY_BOUND);
  });

  afterAll(() => printTable(rows));
});

function printTable(rs: Row[]): void {
  const groups = new Map<string, Row[]>();
  for (const r of rs) groups.set(r.c.group, [...(groups.get(r.c.group) ?? []), r]);
  const line = (cols: (string | number)[]) => cols.map((c, i) => (i === 0 ? String(c).padEnd(15) : String(c).padStart(9))).join(' ');
  const out = [line(['group', 'cases', 'errors', 'results', 'warned', 'crashes', 'total ms', 'max ms', 'peak MiB'])];
  // Share links, every link-* group together, then everything.
  const links = rs.filter((r) => r.c.kind === 'link');
  const all = [...groups.entries(), ['LINKS', links] as [string, Row[]], ['ALL', rs] as [string, Row[]]];
  for (const [g, list] of all) {
    out.push(
      line([
        g,
        list.length,
        list.filter((r) => r.o.kind === 'error').length,
        list.filter((r) => r.o.kind === 'result').length,
        list.filter((r) => r.o.kind === 'result' && r.o.warnings.length > 0).length,
        list.filter((r) => r.o.kind === 'crash').length,
        Math.round(list.reduce((s, r) => s + r.ms, 0)),
        Math.round(Math.max(0, ...list.map((r) => r.ms))),
        Math.round(Math.max(0, ...list.map((r) => r.peak)) / 2 ** 20),
      ]),
    );
  }
  const slow = [...rs].sort((a, b) => b.ms - a.ms).slice(0, 5).map((r) => `  ${Math.round(r.ms)} ms  ${r.c.name}`);
  console.log(`\nhostile corpus (core reader)\n${out.join('\n')}\nslowest:\n${slow.join('\n')}\n`);
}
