// What a layer sub-worker does with each message, apart from the worker glue (layer.worker.ts),
// so the same code runs in a Worker and, in tests, behind an in-process channel.

import { BlobSource } from '../core/bytes/source.ts';
import { scanLayer } from '../core/layers/scan.ts';
import type { FromLayerWorker, ScanRequest, ToLayerWorker } from './protocol.ts';
import { toWireError, transferList } from './wire.ts';

/** Byte counts are posted at most this often: one message per chunk would flood the parent. */
const BYTES_EVERY_MS = 50;

export type Post = (msg: FromLayerWorker, transfer?: Transferable[]) => void;

export function createLayerHandler(post: Post): (msg: ToLayerWorker) => void {
  const running = new Map<number, AbortController>();

  async function scan(req: ScanRequest): Promise<void> {
    const controller = new AbortController();
    running.set(req.id, controller);
    let lastPost = 0;
    try {
      const result = await scanLayer(new BlobSource(req.entryName, req.blob), {
        signal: controller.signal,
        fileName: req.fileName,
        entryName: req.entryName,
        hash: req.hash,
        limits: req.limits,
        onBytes: (bytes) => {
          const now = performance.now();
          if (now - lastPost < BYTES_EVERY_MS) return;
          lastPost = now;
          post({ type: 'bytes', id: req.id, bytes });
        },
      });
      const table = result.table.columns();
      post({ type: 'scanned', id: req.id, table, stats: result.stats, compression: result.compression }, transferList([table]));
    } catch (e) {
      post({ type: 'scan-error', id: req.id, error: toWireError(e, req.fileName) });
    } finally {
      running.delete(req.id);
    }
  }

  return (msg) => {
    if (msg.type === 'scan') void scan(msg);
    else if (msg.type === 'abort') running.get(msg.id)?.abort();
  };
}
