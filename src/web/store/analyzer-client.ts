// The page's handle on the analyze worker. One read at a time: a new read supersedes the one in
// flight (its replies are ignored), and cancel() terminates the worker, and with it its layer
// sub-workers, so the page is usable at once; the next read starts a fresh worker.

import type { ImageArchive } from '../../core/model/image.ts';
import type { Progress } from '../../core/progress.ts';
import type { HashMode } from '../../core/layers/hash-mode.ts';
import type { LimitName, Limits } from '../../core/limits.ts';
import type { FromAnalyzer, OpenRequest, ToAnalyzer, WireError } from '../../worker/protocol.ts';
import { archiveFromWire } from '../../worker/wire.ts';

/** What the error region shows: which file, which entry inside it, what was wrong. */
export interface ReadError {
  file: string;
  entry: string | null;
  problem: string;
  /** the limit that stopped the read and its value then, so the page can offer to raise it */
  limit?: { name: LimitName; value: number };
}

export interface ReadCallbacks {
  onProgress(p: Progress): void;
  onResult(archive: ImageArchive, elapsedMs: number): void;
  onError(e: ReadError): void;
}

export interface ReadOptions {
  image?: string;
  platform?: string;
  /** content hashing (core/layers/hash-mode.ts); the worker's default is 'auto' */
  hash?: HashMode;
  /** limits changed from the defaults */
  limits?: Partial<Limits>;
}

export function readErrorOf(w: WireError, file: string): ReadError {
  if (w.kind === 'input') {
    const e: ReadError = { file: w.file, entry: w.entry, problem: w.problem };
    if (w.limit !== undefined && w.limitValue !== undefined) e.limit = { name: w.limit, value: w.limitValue };
    return e;
  }
  return { file: w.kind === 'internal' ? w.file : file, entry: null, problem: w.message };
}

export class AnalyzerClient {
  private worker: Worker | null = null;
  private current: { id: number; name: string; cb: ReadCallbacks } | null = null;
  private nextId = 1;

  read(file: Blob, name: string, opts: ReadOptions, cb: ReadCallbacks): void {
    const worker = this.ensureWorker();
    if (this.current) worker.postMessage({ type: 'cancel', id: this.current.id } satisfies ToAnalyzer);
    const id = this.nextId++;
    this.current = { id, name, cb };
    const msg: OpenRequest = { type: 'open', id, file, name, ...opts };
    worker.postMessage(msg);
  }

  /** Stops the read in flight at once; nothing it was doing survives. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    this.current = null;
  }

  get busy(): boolean {
    return this.current !== null;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('../../worker/analyze.worker.ts', import.meta.url), { type: 'module', name: 'layerscope-analyze' });
    worker.onmessage = (ev: MessageEvent<FromAnalyzer>) => this.onReply(ev.data);
    worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      const cur = this.current;
      this.cancel();
      cur?.cb.onError({ file: cur.name, entry: null, problem: `the reader stopped: ${ev.message || 'the worker failed to start'}` });
    };
    this.worker = worker;
    return worker;
  }

  private onReply(msg: FromAnalyzer): void {
    const cur = this.current;
    if (!cur || msg.id !== cur.id) return; // a superseded read
    switch (msg.type) {
      case 'progress':
        cur.cb.onProgress(msg.progress);
        return;
      case 'result':
        this.current = null;
        cur.cb.onResult(archiveFromWire(msg.archive), msg.elapsedMs);
        return;
      case 'error':
        this.current = null;
        if (msg.error.kind !== 'cancelled') cur.cb.onError(readErrorOf(msg.error, cur.name));
        return;
    }
  }
}
