// A layer sub-worker: scans one layer blob at a time (decompress + tar walk) and sends the
// LayerTable back with its buffers transferred. The analyze worker runs up to
// hardwareConcurrency − 1 of these so layers are read in parallel (DESIGN.md: two gzip layers in
// two workers take 1.5× less time than one after the other). The work is in layer-handler.ts.

/// <reference lib="webworker" />
import { createLayerHandler } from './layer-handler.ts';
import type { ToLayerWorker } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const handle = createLayerHandler((msg, transfer = []) => self.postMessage(msg, transfer));
self.onmessage = (ev: MessageEvent<ToLayerWorker>) => handle(ev.data);
