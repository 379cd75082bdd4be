// A sample of the hostile corpus through the CLI, as a user runs it: `bin/layerscope analyze`
// (archives) or `simulate` (Dockerfiles) on the file written to disk, killed after the budget.
// Each must exit 0 (read, warnings on stdout) or 2 with ONE line on stderr naming the file;
// never 1 (a crash), a signal or the timeout. The limits a case sets go in as --limit flags.
// Share-link cases are the page's (the CLI opens no links): allCases gets no samples here.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HostileCase } from './case.ts';
import { allCases, CORPUS_FIXTURES } from './corpus.ts';
import { BUDGET_MS, limitFlags } from './run-case.ts';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/layerscope');
const FIXTURES = join(ROOT, '../shared/fixtures');
/** Node and the TypeScript loader start in ≈ 0.4 s here; the budget is for the work. */
const STARTUP_MS = 1500;
const SAMPLE = 40;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(BIN, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s.slice(0, 1 << 20)));
    const timer = setTimeout(() => child.kill('SIGKILL'), BUDGET_MS + STARTUP_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, ms: performance.now() - t0 });
    });
  });
}

/** The cases marked for the CLI, then an even spread of the rest, SAMPLE in all. */
function sample(cases: HostileCase[]): HostileCase[] {
  const marked = cases.filter((c) => c.cli);
  const rest = cases.filter((c) => !c.cli);
  const step = Math.max(1, Math.floor(rest.length / Math.max(1, SAMPLE - marked.length)));
  return [...marked, ...rest.filter((_, i) => i % step === 0)].slice(0, SAMPLE);
}

const cases = sample(allCases(CORPUS_FIXTURES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) }))));
const dir = mkdtempSync(join(tmpdir(), 'layerscope-hostile-'));
const times: number[] = [];

describe('hostile corpus through bin/layerscope', () => {
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`\nhostile corpus (CLI): ${times.length} cases, total ${Math.round(times.reduce((a, b) => a + b, 0))} ms, ` + `median ${Math.round(sorted[sorted.length >> 1] ?? 0)} ms, max ${Math.round(sorted[sorted.length - 1] ?? 0)} ms\n`);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const caseDir = join(dir, c.name);
    mkdirSync(caseDir);
    const file = join(caseDir, c.fileName);
    writeFileSync(file, await c.bytes());
    const r = await run([c.kind === 'archive' ? 'analyze' : 'simulate', file, ...limitFlags(c)]);
    times.push(r.ms);
    rmSync(caseDir, { recursive: true, force: true });
    expect(r.signal, `${c.name}: killed after ${Math.round(r.ms)} ms`).toBeNull();
    expect([0, 2], `${c.name}: exit ${r.code}\n${r.stderr}`).toContain(r.code);
    if (c.expect.outcome === 'error') expect(r.code, `${c.name} should be refused`).toBe(2);
    if (c.expect.outcome === 'result') expect(r.code, `${c.name} should be read: ${r.stderr}`).toBe(0);
    if (r.code === 2) {
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      expect(lines, r.stderr).toHaveLength(1);
      // analyze names the file as given; simulate names a Dockerfile by its base name, as BuildKit does.
      const named = c.kind === 'archive' ? file : c.fileName;
      expect(lines[0].startsWith(`layerscope: ${named}: `), lines[0]).toBe(true);
    }
  });
});
