// The bench page: starts workers, hands them the Files the driver gave the input, and times
// each case from the message that starts the work to the reply that ends it. Workers are started
// and answered a ping before the clock starts, so module loading is not counted.

import { LayerTable } from '../../src/core/model/layer-table.ts';
import type { FromAnalyzer, OpenRequest } from '../../src/worker/protocol.ts';
import type { ScanSummary } from '../summary.ts';
import type { BenchApi, FromBenchWorker, ToBenchWorker } from './messages.ts';

declare global {
  interface Window {
    bench: BenchApi;
  }
}

const input = document.getElementById('files') as HTMLInputElement;

function file(name: string): File {
  const f = Array.from(input.files ?? []).find((x) => x.name === name);
  if (!f) throw new Error(`no file ${name} given to the page`);
  return f;
}

function reply(w: Worker): Promise<FromBenchWorker> {
  return new Promise((resolve, reject) => {
    w.onmessage = (ev: MessageEvent<FromBenchWorker>) => (ev.data.type === 'error' ? reject(new Error(ev.data.message)) : resolve(ev.data));
    w.onerror = (ev) => reject(new Error(`worker failed: ${ev.message}`));
  });
}

async function startWorker(): Promise<Worker> {
  const w = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'bench' });
  const pong = reply(w);
  w.postMessage({ type: 'ping' } satisfies ToBenchWorker);
  await pong;
  return w;
}

let appWorker: Worker | null = null;
let nextId = 1;

window.bench = {
  files: () => Array.from(input.files ?? []).map((f) => f.name),

  async inflate(name) {
    const w = await startWorker();
    try {
      const done = reply(w);
      const t0 = performance.now();
      w.postMessage({ type: 'inflate', file: file(name) } satisfies ToBenchWorker);
      const r = await done;
      const ms = performance.now() - t0;
      if (r.type !== 'inflated') throw new Error(`unexpected reply ${r.type}`);
      return { ms, bytes: r.bytes };
    } finally {
      w.terminate();
    }
  },

  async scan(groups) {
    const workers = await Promise.all(groups.map(() => startWorker()));
    try {
      const done = workers.map(reply);
      const t0 = performance.now();
      groups.forEach((names, i) => workers[i].postMessage({ type: 'scan', files: names.map(file), names } satisfies ToBenchWorker));
      const replies = await Promise.all(done);
      const ms = performance.now() - t0;
      const results: ScanSummary[] = [];
      for (const r of replies) {
        if (r.type !== 'scanned') throw new Error(`unexpected reply ${r.type}`);
        results.push(...r.results);
      }
      return { ms, results };
    } finally {
      for (const w of workers) w.terminate();
    }
  },

  async app(name) {
    // One analyze worker for every run, as the page keeps it: its layer pool starts on the first
    // read, so best-of-N shows the warm path and the first run the cold one.
    appWorker ??= new Worker(new URL('../../src/worker/analyze.worker.ts', import.meta.url), { type: 'module', name: 'layerscope-analyze' });
    const w = appWorker;
    const id = nextId++;
    const done = new Promise<FromAnalyzer>((resolve, reject) => {
      w.onmessage = (ev: MessageEvent<FromAnalyzer>) => {
        if (ev.data.id === id && ev.data.type !== 'progress') resolve(ev.data);
      };
      w.onerror = (ev) => reject(new Error(`analyze worker failed: ${ev.message}`));
    });
    const t0 = performance.now();
    w.postMessage({ type: 'open', id, file: file(name), name } satisfies OpenRequest);
    const r = await done;
    const ms = performance.now() - t0;
    if (r.type === 'error') throw new Error(`analyze worker: ${r.error.message}`);
    if (r.type !== 'result') throw new Error(`unexpected reply ${r.type}`);
    const results = r.archive.image.layers.map((l): ScanSummary => {
      const table = new LayerTable(l.table);
      return {
        compression: l.compression,
        tarSize: l.tarSize,
        entryCount: l.entryCount,
        fileCount: l.fileCount,
        fileBytes: l.fileBytes,
        whiteouts: l.whiteouts.length,
        opaqueDirs: l.opaqueDirs.length,
        rows: table.count,
        tableBytes: table.byteSize(),
        pathBytes: table.pathBytes.byteLength,
      };
    });
    return { ms, results };
  },
};
