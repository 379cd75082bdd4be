// The whole hostile-input corpus (src/core/hostile/, issue 6) through the app's real workers in
// Chromium: archives through the page's AnalyzerClient (analyze.worker.ts and its layer pool),
// Dockerfiles through SimulateClient (simulate.worker.ts), share links decoded on the page's main
// thread; each result stacked through StackClient (stack.worker.ts). The harness page
// (e2e/worker-corpus/, served by the dev server, not part of the build) builds every case in the
// page and runs it; this side serves it the fixtures and sample links, samples the heaps of the
// page and its workers over CDP (worker-corpus/heap-sampler.ts) and prints a table of cases,
// errors, warnings, time and peak memory. Every case must be answered as core's judge wants (a
// typed error naming the input, or a result), within BUDGET_MS (5 s) wall time, within
// MEMORY_BOUND, with no page error. The loop talks CDP directly (worker-corpus/cdp.ts says why).

import { readdirSync, readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import config from '../playwright.config.ts';
import { CORPUS_FIXTURES } from '../src/core/hostile/corpus.ts';
import { BUDGET_MS } from '../src/core/hostile/run-case.ts';
import { fixturePath } from './helpers/fixtures.ts';
import { Cdp } from './worker-corpus/cdp.ts';
import { HeapSampler } from './worker-corpus/heap-sampler.ts';
import type { CaseInfo, CaseRow } from './worker-corpus/row.ts';
import { formatTable, type Measured } from './worker-corpus/table.ts';

const SAMPLES = new URL('../src/core/share/samples/', import.meta.url);
const sampleNames = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** Bytes the workers (and the page, above its level before the case) may hold at once: corpus.test.ts's bound. */
const MEMORY_BOUND = 1536 << 20;

/** The browser's DevTools port for cdp.ts, beside the dev server's (two runs at once each have their own). */
const DEVTOOLS_PORT = Number(process.env.E2E_PORT ?? 5179) + 1000;
const launch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), `--remote-debugging-port=${DEVTOOLS_PORT}`] } });

const HARNESS = '/e2e/worker-corpus/index.html';

test('every hostile case through the page’s workers: answered, in 5 s, in bounded memory', async ({ page }) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
  // Same origin, nothing leaves the machine: the fixtures and the links the corpus is made from.
  await page.route('**/__fixtures/*', (route) => route.fulfill({ body: readFileSync(fixturePath(lastPart(route.request().url()))) }));
  await page.route('**/__samples/*', (route) => route.fulfill({ body: readFileSync(new URL(lastPart(route.request().url()), SAMPLES)) }));
  // The dev server reloads the page when a source file changes (others edit this checkout while
  // the run goes on): its HMR socket is answered here, and says nothing. A reload would lose the run.
  await page.routeWebSocket(/./, () => {});
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto(HARNESS);
  await page.waitForFunction(() => 'corpus' in window);

  const cdp = await Cdp.connect(DEVTOOLS_PORT);
  const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; type: string; url: string }[] }>('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'page' && new URL(t.url).pathname === HARNESS);
  if (!target) throw new Error(`no page at ${HARNESS} among ${targetInfos.map((t) => t.url).join(', ')}`);
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: target.targetId, flatten: true });
  const call = <T>(expression: string, timeoutMs: number) => cdp.evaluate<T>(sessionId, expression, timeoutMs);

  // Before any worker starts: the sampler attaches to each as it is created.
  const sampler = await HeapSampler.start(cdp, sessionId);
  const infos = await call<CaseInfo[]>(`window.corpus.init(${JSON.stringify(CORPUS_FIXTURES)}, ${JSON.stringify(sampleNames)})`, 60_000);
  await call('window.corpus.warmUp()', 60_000);

  const rows: Measured[] = [];
  const failures: string[] = [];
  const started = performance.now();
  try {
    for (let i = 0; i < infos.length; i++) {
      await call(`window.corpus.prepare(${i})`, 60_000);
      await sampler.window();
      // A case is stopped at BUDGET_MS in the page; one whose page thread does not come back is stuck.
      const row = await call<CaseRow>('window.corpus.run()', BUDGET_MS + 30_000).catch((e: unknown) => {
        throw new Error(`${infos[i].name}: ${e instanceof Error ? e.message : String(e)}`);
      });
      const peak = await sampler.peak();
      rows.push({ ...row, peak });
      if (row.problem) failures.push(`${row.name}: ${firstLines(row.problem)}`);
      if (peak.workers + peak.page >= MEMORY_BOUND) failures.push(`${row.name}: peak memory ${mib(peak.workers)} MiB in workers + ${mib(peak.page)} MiB on the page`);
    }
  } finally {
    await sampler.stop();
    cdp.close();
    const s = Math.round((performance.now() - started) / 1000);
    console.log(formatTable(rows, `hostile corpus through the page's workers (Chromium): ${rows.length} of ${infos.length} cases in ${s} s`));
  }
  expect(failures, 'cases not answered as they must be').toEqual([]);
  expect(rows.length).toBe(infos.length);
  expect(infos.length).toBeGreaterThanOrEqual(1000);
  expect(pageErrors).toEqual([]);
  expect(loads, 'the harness page was reloaded during the run').toBe(1);
});

const lastPart = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');

const mib = (n: number) => Math.round(n / 2 ** 20);

/** A crash's verdict carries its stack: the first lines say enough. */
const firstLines = (s: string) => s.split('\n').slice(0, 4).join('\n');
