// The page's handle on the stack worker (src/worker/stack-protocol.ts says why it is one). One
// image at a time: stacking a new one drops the answers still owed for the old one (their
// promises never settle, and nothing waits on them: the store checks which image is current).

import type { ReadPathResult } from '../../core/layerstack/stack.ts';
import type { Image } from '../../core/model/image.ts';
import type { FileView, FromStack, StackFacts, StackInput, ToStack, ViewMode } from '../../worker/stack-protocol.ts';

type Pending = { resolve: (msg: FromStack) => void; reject: (e: Error) => void };

/** The image as the worker needs it: history, commands and table columns (copied, not moved: the page keeps its tables). */
export function stackInput(image: Image): StackInput {
  return {
    history: image.history,
    layers: image.layers.map((l) => ({ index: l.index, createdBy: l.createdBy, historyIndex: l.historyIndex, table: l.table.columns() })),
  };
}

export class StackClient {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  async stack(image: Image): Promise<StackFacts> {
    // A fresh worker per image: the old stack's memory goes with the old worker at once.
    this.reset();
    const msg = await this.ask({ type: 'stack', id: this.nextId++, input: stackInput(image) });
    if (msg.type !== 'stacked') throw new Error('the stack worker answered out of turn');
    return msg.facts;
  }

  async readPath(path: string, layer: number): Promise<ReadPathResult> {
    const msg = await this.ask({ type: 'readpath', id: this.nextId++, path, layer });
    if (msg.type !== 'readpath') throw new Error('the stack worker answered out of turn');
    return msg.result;
  }

  async view(mode: ViewMode, layer: number): Promise<FileView> {
    const msg = await this.ask({ type: 'view', id: this.nextId++, mode, layer });
    if (msg.type !== 'view') throw new Error('the stack worker answered out of turn');
    return msg.view;
  }

  reset(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pending.clear();
  }

  private ask(msg: ToStack): Promise<FromStack> {
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending.set(msg.id, { resolve, reject });
      worker.postMessage(msg);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('../../worker/stack.worker.ts', import.meta.url), { type: 'module', name: 'layerscope-stack' });
    worker.onmessage = (ev: MessageEvent<FromStack>) => {
      const p = this.pending.get(ev.data.id);
      if (!p) return;
      this.pending.delete(ev.data.id);
      if (ev.data.type === 'error') p.reject(new Error(ev.data.error.message));
      else p.resolve(ev.data);
    };
    worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      const err = new Error(`the stack worker stopped: ${ev.message || 'it failed to start'}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.worker?.terminate();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
}
