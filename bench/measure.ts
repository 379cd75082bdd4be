// Timing helpers: best of N runs (the least disturbed by other work on a 2-core machine), and
// a shell pipeline timed from spawn to exit, as a person at a terminal would time it.

import { spawn } from 'node:child_process';

export interface Timed<T> {
  /** the best (lowest) time, ms */
  ms: number;
  /** every run, ms, in order */
  runs: number[];
  /** what the best run returned */
  value: T;
}

export async function bestOf<T>(n: number, once: () => Promise<{ ms: number; value: T }>): Promise<Timed<T>> {
  const runs: number[] = [];
  let best: { ms: number; value: T } | null = null;
  for (let i = 0; i < n; i++) {
    const r = await once();
    runs.push(r.ms);
    if (!best || r.ms < best.ms) best = r;
  }
  return { ms: best!.ms, runs, value: best!.value };
}

/** Runs `script` with bash (pipefail on) and returns its wall time and stdout. */
export function timeShell(script: string): Promise<{ ms: number; value: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn('bash', ['-c', `set -o pipefail; ${script}`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (d: string) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code === 0) resolve({ ms, value: out });
      else reject(new Error(`${script}: exit ${code}`));
    });
  });
}

/** Quotes a path for bash. */
export function sq(path: string): string {
  return `'${path.replace(/'/g, `'\\''`)}'`;
}
