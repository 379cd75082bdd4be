// `npm run bench [-- --quick] [-- --runs N] [-- --no-browser] [-- --only a,b]`: generates the inputs once
// (bench/.data/, gitignored), then times native tools, scanLayer in Node and scanLayer in
// Chromium workers on the same files in the same run, and prints ratios, not verdicts on
// absolute times. Targets are informational; the exit code is 0 unless something crashed or a
// result disagreed with the generator's truth (a fast wrong answer is not a benchmark).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { browserRows } from './browser-cases.ts';
import { hashCostRows } from './hash-cost.ts';
import { ensureInputs } from './gen/inputs.ts';
import { nativeRows } from './native.ts';
import { nodeRows } from './node-cases.ts';
import { formatMarkdown, formatTable, type Row } from './report.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
const browser = !argv.includes('--no-browser');
const onlyAt = argv.indexOf('--only');
/** `--only native,node,hash,a,b,…`: run only these groups (native tools, Node rows, hashing cost, browser cases by letter). */
const only = onlyAt >= 0 ? new Set(argv[onlyAt + 1].split(',').map((x) => x.trim().toLowerCase())) : null;
const wants = (group: string) => only === null || only.has(group);
const log = (s: string) => process.stderr.write(`${s}\n`);

async function main(): Promise<number> {
  const t0 = performance.now();
  const loadBefore = loadavg()[0];
  const dataRoot = join(here, '.data');
  const inputs = await ensureInputs(dataRoot, quick, log);
  const a = inputs.layerA.truth;
  log(`layer A: ${(a.tarSize / 1e6).toFixed(1)} MB tar, ${a.entryCount} entries (${a.fileCount} files, ${a.dirCount} dirs, ${a.symlinkCount} symlinks, ${a.hardlinkCount} hard links); best of ${runs}`);

  const rows: Row[] = [];
  let browserVersion = 'no browser';
  if (wants('native')) {
    log('native tools…');
    rows.push(...(await nativeRows(inputs, runs)));
  }
  if (wants('node')) {
    log('Node scanLayer…');
    rows.push(...(await nodeRows(inputs, runs)));
  }
  if (wants('hash')) {
    // What content hashing costs (issue 7: on by default only where it adds ≤ 25% of the read).
    log('content hashing…');
    rows.push(...(await hashCostRows(inputs, runs)));
  }
  const cases = ['a', 'b', 'c', 'd', 'e', 'f'].filter(wants);
  if (browser && cases.length) {
    log('Chromium…');
    const b = await browserRows(inputs, runs, repoRoot, log, new Set(cases));
    rows.push(...b.rows);
    browserVersion = b.version;
  }

  const seconds = (performance.now() - t0) / 1000;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${browserVersion}, load average ${loadBefore.toFixed(1)} at start`;
  console.log(`\nlayerscope bench${quick ? ' (--quick)' : ''}: ${machine}; best of ${runs}; MB/s are of uncompressed tar bytes\n`);
  console.log(formatTable(rows));
  const problems = rows.flatMap((r) => (r.problems ?? []).map((p) => `${r.id}: ${p}`));
  for (const p of problems) console.log(`WRONG RESULT ${p}`);
  console.log(`\nall runs (ms): ${rows.map((r) => `${r.id} [${r.runs.map((x) => x.toFixed(0)).join(', ')}]`).join('; ')}`);
  console.log(`bench took ${seconds.toFixed(0)} s`);
  // Ratios hold up under light load, not when other jobs hold the cores (the two-worker case
  // most of all). Only the load before the run says so: the bench itself loads both cores.
  if (loadBefore > cpus().length * 0.5) console.log(`WARNING: load average ${loadBefore.toFixed(1)} on ${cpus().length} cores when the run started: if other work was competing, the figures are unreliable`);

  mkdirSync(dataRoot, { recursive: true });
  const md = `${machine}; best of ${runs}; ${quick ? 'quick inputs' : 'full inputs'}; ${new Date().toISOString()}\n\n${formatMarkdown(rows)}\n`;
  // A partial run (--only) is not the last full run: keep it apart.
  const name = `last-run${quick ? '-quick' : ''}${only ? '-only' : ''}`;
  writeFileSync(join(dataRoot, `${name}.md`), md);
  writeFileSync(join(dataRoot, `${name}.json`), JSON.stringify({ machine, runs, quick, only: only ? [...only] : null, seconds, rows }, null, 2));
  return problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(2);
  },
);
