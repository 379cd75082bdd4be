// Chromium cases: a vite dev server over the repo serves bench/browser/, Debian's Chromium
// (headless, fresh profile) opens it, the inputs go in through setInputFiles (real Files on disk,
// not read into memory), and the work runs in dedicated workers.

import { createServer as createNetServer } from 'node:net';
import { basename, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import type { Inputs } from './gen/inputs.ts';
import { bestOf } from './measure.ts';
import type { Row } from './report.ts';
import { checkAgainst, perEntry, type ScanSummary } from './summary.ts';
import type { BenchApi } from './browser/messages.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export async function startVite(root: string): Promise<{ server: ViteDevServer; url: string }> {
  const port = await freePort();
  const server = await createServer({
    root,
    // Not the app's vite.config.ts: the bench needs no React or Tailwind, only TS and workers.
    configFile: false,
    // Its own dependency cache, so it never fights the app's dev server or e2e runs over
    // node_modules/.vite (and stays out of bench/, which eslint and tsc read).
    cacheDir: join(root, 'node_modules/.vite-bench'),
    logLevel: 'warn',
    clearScreen: false,
    worker: { format: 'es' },
    // Pre-bundle every dependency the bench page and the workers reach, so none is found late
    // (a late one makes vite reload the page mid-run).
    optimizeDeps: { entries: ['bench/browser/index.html', 'bench/browser/bench.worker.ts', 'src/worker/analyze.worker.ts', 'src/worker/layer.worker.ts'] },
    server: { host: '127.0.0.1', port, strictPort: true, watch: null, hmr: false },
  });
  await server.listen();
  return { server, url: `http://127.0.0.1:${port}/bench/browser/index.html` };
}

type Api = { [K in keyof BenchApi]: BenchApi[K] };

/** A case that takes longer than this has hung (a worker that never answers, a page reload). */
const CASE_TIMEOUT_MS = 180_000;

/** Calls window.bench.<method>(...args) in the page. */
export async function call<K extends keyof Api>(page: Page, method: K, ...args: Parameters<Api[K]>): Promise<Awaited<ReturnType<Api[K]>>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench.${method}(${JSON.stringify(args)}) gave no answer in ${CASE_TIMEOUT_MS / 1000} s`)), CASE_TIMEOUT_MS);
  });
  const work = page.evaluate(
    // Runs in the page, where window.bench exists (bench/browser/main.ts).
    ([m, a]) => (window.bench[m] as (...x: unknown[]) => unknown)(...a),
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<Api[K]>>>;
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `cases`: the browser cases to run, by letter (a–f; `c` is both (c) rows). */
export async function browserRows(inputs: Inputs, runs: number, repoRoot: string, log: (s: string) => void, cases = new Set(['a', 'b', 'c', 'd', 'e', 'f'])): Promise<{ rows: Row[]; version: string }> {
  const { server, url } = await startVite(repoRoot);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    await page.goto(url);
    await page.waitForFunction(() => typeof window.bench === 'object');
    const a = inputs.layerA;
    const b = inputs.layerB;
    await page.setInputFiles('#files', [a.tar, a.gz, a.zst, b.gz, inputs.image.path]);
    const [tar, gzA, zst, gzB, image] = [a.tar, a.gz, a.zst, b.gz, inputs.image.path].map((p) => basename(p));
    const both = a.truth.tarSize + b.truth.tarSize;
    const rows: Row[] = [];

    const scanRow = async (id: string, label: string, groups: string[][], tarBytes: number, extra: Partial<Row>, truths: { truth: typeof a.truth; compression: string }[]) => {
      log(`  browser ${id}…`);
      const t = await bestOf(runs, async () => {
        const r = await call(page, 'scan', groups);
        return { ms: r.ms, value: r.results };
      });
      rows.push(rowFrom(id, label, t, tarBytes, extra, truths));
    };

    if (cases.has('a')) {
      log('  browser (a)…');
      const inflate = await bestOf(runs, async () => {
        const r = await call(page, 'inflate', gzA);
        return { ms: r.ms, value: r.bytes };
      });
      rows.push({
        id: '(a)',
        label: "Chromium: DecompressionStream('gzip') alone, layer-a.tar.gz",
        ms: inflate.ms,
        runs: inflate.runs,
        tarBytes: a.truth.tarSize,
        native: 'gz|tar',
        problems: inflate.value === a.truth.tarSize ? [] : [`inflated ${inflate.value} bytes, expected ${a.truth.tarSize}`],
      });
    }
    if (cases.has('b')) await scanRow('(b)', 'Chromium: scanLayer(layer-a.tar.gz), 1 worker', [[gzA]], a.truth.tarSize, { ref: '(a)', target: { kind: 'maxRatio', value: 1.1 }, native: 'gz|tar' }, [{ truth: a.truth, compression: 'gzip' }]);
    const two = [{ truth: a.truth, compression: 'gzip' }, { truth: b.truth, compression: 'gzip' }];
    if (cases.has('c')) await scanRow('(c) seq', 'Chromium: scanLayer on layer-a.gz then layer-b.gz, 1 worker', [[gzA, gzB]], both, {}, two);
    if (cases.has('c')) await scanRow('(c) par', 'Chromium: scanLayer on layer-a.gz and layer-b.gz, 2 workers at once', [[gzA], [gzB]], both, { ref: '(c) seq', target: { kind: 'minSpeedup', value: 1.4 } }, two);
    if (cases.has('d')) await scanRow('(d)', 'Chromium: scanLayer(layer-a.tar.zst), 1 worker', [[zst]], a.truth.tarSize, { ref: 'zstd|tar', target: { kind: 'maxRatio', value: 3 } }, [{ truth: a.truth, compression: 'zstd' }]);
    if (cases.has('e')) await scanRow('(e)', 'Chromium: scanLayer(layer-a.tar), 1 worker', [[tar]], a.truth.tarSize, { ref: 'tar', target: { kind: 'maxRatio', value: 2 } }, [{ truth: a.truth, compression: 'none' }]);

    if (cases.has('f')) {
      log('  browser (f)…');
      const app = await bestOf(runs, async () => {
        const r = await call(page, 'app', image);
        return { ms: r.ms, value: r.results };
      });
      rows.push(rowFrom('(f)', 'Chromium: image.oci.tar (2 gzip layers) through the app worker (readArchive + layer pool)', app, both, { ref: '(c) par' }, two));
    }
    if (pageErrors.length && rows.length) (rows[rows.length - 1].problems ??= []).push(...pageErrors.map((e) => `page error: ${e}`));
    return { rows, version: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
    await server.close();
  }
}

function rowFrom(id: string, label: string, t: { ms: number; runs: number[]; value: ScanSummary[] }, tarBytes: number, extra: Partial<Row>, truths: { truth: Parameters<typeof checkAgainst>[1]; compression: string }[]): Row {
  const problems: string[] = [];
  if (t.value.length !== truths.length) problems.push(`${t.value.length} layers read, expected ${truths.length}`);
  t.value.forEach((s, i) => {
    if (truths[i]) problems.push(...checkAgainst(s, truths[i].truth, truths[i].compression).map((p) => `layer ${i}: ${p}`));
  });
  return { id, label, ms: t.ms, runs: t.runs, tarBytes, perEntry: t.value[0] ? perEntry(t.value[0]) : undefined, problems, ...extra };
}
