// The bench's dedicated worker: the work the app's layer workers do (scanLayer on a BlobSource
// over a real File), and the floor under it (native gzip inflate alone). Times are taken here
// too, but the page's own wall time is what the bench reports.

/// <reference lib="webworker" />
import { BlobSource } from '../../src/core/bytes/source.ts';
import { scanLayer } from '../../src/core/layers/scan.ts';
import { summarize } from '../summary.ts';
import type { FromBenchWorker, ToBenchWorker } from './messages.ts';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: FromBenchWorker) => self.postMessage(m);

async function inflate(file: Blob): Promise<void> {
  const t0 = performance.now();
  const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
  }
  post({ type: 'inflated', bytes, ms: performance.now() - t0 });
}

async function scan(files: Blob[], names: string[]): Promise<void> {
  const t0 = performance.now();
  const results = [];
  for (let i = 0; i < files.length; i++) {
    const s = await scanLayer(new BlobSource(names[i], files[i]), { fileName: names[i], entryName: 'layer' });
    results.push(summarize(s));
  }
  post({ type: 'scanned', results, ms: performance.now() - t0 });
}

self.onmessage = (ev: MessageEvent<ToBenchWorker>) => {
  const m = ev.data;
  const work = m.type === 'ping' ? Promise.resolve(post({ type: 'pong' })) : m.type === 'inflate' ? inflate(m.file) : scan(m.files, m.names);
  work.catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }));
};
