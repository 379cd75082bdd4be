// The page's handle on the simulate worker (src/worker/simulate.worker.ts). Each call gets a
// promise; a newer call does not cancel an older one (the caller ignores stale answers by
// generation), but cancel() ends the worker and everything in flight.

import type { CacheReport } from '../../core/simulate/cache.ts';
import type { BuilderName, SimulatedImage } from '../../core/simulate/types.ts';
import type { Limits } from '../../core/limits.ts';
import type { WireContext } from '../../worker/file-context.ts';
import type { FromSimulator, ToSimulator } from '../../worker/simulate-protocol.ts';
import { archiveFromWire } from '../../worker/wire.ts';
import { readErrorOf, type ReadError } from './analyzer-client.ts';

export interface Simulated {
  image: SimulatedImage;
  cache: CacheReport | null;
  elapsedMs: number;
}

/** Rejections carry a ReadError (file, entry, problem), like a bad image. */
export class SimulateFailed extends Error {
  constructor(readonly error: ReadError) {
    super(error.problem);
  }
}

export class SimulateClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { name: string; resolve: (s: Simulated) => void; reject: (e: SimulateFailed) => void }>();

  /** `context` and `base` are Files: posting them copies no bytes (the worker reads them). */
  simulate(text: string, name: string, opts: { builder?: BuilderName; before?: string; context?: WireContext; base?: File; limits?: Partial<Limits> } = {}): Promise<Simulated> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { name, resolve, reject });
      worker.postMessage({ type: 'simulate', id, text, name, ...opts } satisfies ToSimulator);
    });
  }

  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new SimulateFailed({ file: p.name, entry: null, problem: 'cancelled' }));
    this.pending.clear();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('../../worker/simulate.worker.ts', import.meta.url), { type: 'module', name: 'layerscope-simulate' });
    worker.onmessage = (ev: MessageEvent<FromSimulator>) => {
      const msg = ev.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.type === 'result') {
        const image = archiveFromWire(msg.image) as SimulatedImage;
        p.resolve({ image, cache: msg.cache, elapsedMs: msg.elapsedMs });
      } else p.reject(new SimulateFailed(readErrorOf(msg.error, p.name)));
    };
    worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      const pending = [...this.pending.values()];
      this.pending.clear();
      this.worker?.terminate();
      this.worker = null;
      for (const p of pending) p.reject(new SimulateFailed({ file: p.name, entry: null, problem: `the simulator stopped: ${ev.message || 'the worker failed to start'}` }));
    };
    this.worker = worker;
    return worker;
  }
}
