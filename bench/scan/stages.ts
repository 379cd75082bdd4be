// Where case (b)'s time goes, without a profiler's overhead: each piece of the gzip scan run
// alone and stacked, in one Chromium worker on a disk-backed File (bench/scan/stages.worker.ts).
// Besides the page's wall time, it reads the CPU time of the worker's own thread from Linux's
// /proc/<pid>/task/<tid>/schedstat, which other jobs on a busy machine disturb far less:
//   npx tsx bench/scan/stages.ts [FILE.tar.gz] [RUNS] [NAME-FILTER,...]
// FILE defaults to bench/.data/full/layer-a.tar.gz (npm run bench makes it).

import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { ARGS, CHROMIUM, startVite } from '../browser-cases.ts';
import type { StagesReply, StagesRequest } from './stages.worker.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const file = resolve(process.argv[2] || join(repoRoot, 'bench/.data/full/layer-a.tar.gz'));
const runs = Number(process.argv[3] ?? 3);
const only = process.argv[4] ? process.argv[4].split(',') : undefined;

/** Threads named like Chromium's dedicated workers in the processes under this one. */
function workerThreads(): string[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = parent.get(p) ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  const out: string[] = [];
  for (const pid of parent.keys()) {
    if (!ours(pid)) continue;
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        if (/DedicatedWorker/i.test(comm)) out.push(`/proc/${pid}/task/${tid}/schedstat`);
      }
    } catch {
      // gone
    }
  }
  return out;
}

/** CPU time of the given threads, ms (schedstat's first field: ns on a CPU). */
const cpuMs = (threads: string[]) => threads.reduce((sum, f) => sum + Number(readFileSync(f, 'utf8').split(' ')[0]) / 1e6, 0);

/** A request as the driver makes it; the page adds the File (it never leaves the page). */
type Ask = { type: 'list' } | Omit<Extract<StagesRequest, { type: 'prepare' }>, 'file'> | Omit<Extract<StagesRequest, { type: 'run' }>, 'file'>;

async function ask(page: Page, m: Ask): Promise<StagesReply> {
  return page.evaluate(
    ([msg, name]) => {
      const w = (window as unknown as { stages: Worker }).stages;
      const input = document.getElementById('files') as HTMLInputElement;
      const f = Array.from(input.files ?? []).find((x) => x.name === name);
      return new Promise<StagesReply>((res) => {
        w.onmessage = (ev: MessageEvent<StagesReply>) => res(ev.data);
        w.postMessage(msg.type === 'list' ? msg : { ...msg, file: f });
      });
    },
    [m, basename(file)] as const,
  ) as Promise<StagesReply>;
}

const { server, url } = await startVite(repoRoot);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.waitForFunction(() => typeof window.bench === 'object');
  await page.setInputFiles('#files', [file]);
  await page.evaluate(() => {
    (window as unknown as { stages: Worker }).stages = new Worker(new URL('/bench/scan/stages.worker.ts', location.href), { type: 'module', name: 'stages' });
  });
  const listed = await ask(page, { type: 'list' });
  if (!('names' in listed)) throw new Error('the stages worker did not list its stages');
  const threads = workerThreads();
  if (threads.length !== 1) console.error(`found ${threads.length} worker threads; CPU times are their sum`);
  console.log(`${basename(file)}, Chromium ${browser.version()}, best of ${runs}: page wall time, worker thread CPU time`);
  let prepared = false;
  for (const name of listed.names) {
    if (only && !only.some((o) => name.includes(o))) continue;
    if (name.startsWith('in memory') && !prepared) {
      await ask(page, { type: 'prepare' });
      prepared = true;
    }
    const wall: number[] = [];
    const cpu: number[] = [];
    let note = '';
    for (let i = 0; i < runs; i++) {
      const c0 = cpuMs(threads);
      const r = await ask(page, { type: 'run', name });
      const c = cpuMs(threads) - c0;
      if ('error' in r) throw new Error(r.error);
      if (!('ms' in r)) throw new Error('unexpected reply');
      wall.push(r.ms);
      cpu.push(c);
      note = r.note;
    }
    const best = (a: number[]) => Math.min(...a).toFixed(0).padStart(6);
    console.log(`${best(wall)} ms wall ${best(cpu)} ms CPU  ${name}${note ? ` (${note})` : ''}  [cpu ${cpu.map((t) => t.toFixed(0)).join(', ')}]`);
  }
} finally {
  await browser.close();
  await server.close();
}
