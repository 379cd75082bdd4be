// The analyze worker: reads a dropped File with core's readArchive, off the main thread, and
// sends the page progress (bytes read of total), then the archive (LayerTable buffers
// transferred) or an error naming the file, the entry and what was wrong. Layers are fanned out
// to a pool of layer sub-workers, each given the read's options: content hashing (the page's
// Auto / On / Off, core/layers/hash-mode.ts) and limits (raised by the page after a LimitError,
// whose name and value travel back in the WireError). The page cancels by terminating this
// worker, which ends its sub-workers with it; a `cancel` message stops one read when a newer one
// replaces it.

/// <reference lib="webworker" />
import { BlobSource } from '../core/bytes/source.ts';
import { readArchive } from '../core/formats/read-archive.ts';
import { DEFAULT_HASH_MODE, hashSetting } from '../core/layers/hash-mode.ts';
import type { Progress } from '../core/progress.ts';
import { LayerPool, poolSize } from './layer-pool.ts';
import type { FromAnalyzer, OpenRequest, ToAnalyzer } from './protocol.ts';
import { archiveToWire, toWireError } from './wire.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Progress is posted at most this often; the bar cannot show more. */
const PROGRESS_EVERY_MS = 50;

const spawnLayerWorker = () => new Worker(new URL('./layer.worker.ts', import.meta.url), { type: 'module', name: 'layerscope-layer' });

let pool: LayerPool | null = null;
const running = new Map<number, AbortController>();

function post(msg: FromAnalyzer, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer);
}

async function open(req: OpenRequest): Promise<void> {
  const controller = new AbortController();
  running.set(req.id, controller);
  pool ??= new LayerPool(poolSize(self.navigator.hardwareConcurrency), spawnLayerWorker);
  const started = performance.now();
  let lastPost = -Infinity;
  const onProgress = (progress: Progress) => {
    const now = performance.now();
    if (now - lastPost < PROGRESS_EVERY_MS && progress.bytesRead < progress.totalBytes) return;
    lastPost = now;
    post({ type: 'progress', id: req.id, progress });
  };
  try {
    const archive = await readArchive(new BlobSource(req.name, req.file), {
      image: req.image,
      platform: req.platform,
      signal: controller.signal,
      onProgress,
      scanLayer: pool.scanLayer,
      hash: hashSetting(req.hash ?? DEFAULT_HASH_MODE),
      limits: req.limits,
    });
    const wire = archiveToWire(archive);
    post({ type: 'result', id: req.id, archive: wire.archive, elapsedMs: performance.now() - started }, wire.transfer);
  } catch (e) {
    post({ type: 'error', id: req.id, error: toWireError(e, req.name) });
  } finally {
    running.delete(req.id);
  }
}

self.onmessage = (ev: MessageEvent<ToAnalyzer>) => {
  const msg = ev.data;
  if (msg.type === 'open') void open(msg);
  else if (msg.type === 'cancel') running.get(msg.id)?.abort();
};
