// Scans a layer while an OUTER tar streams past: a PayloadSink to return from the outer
// TarParser's onEntry, for archives that cannot be read twice (`docker save | gzip`). The layer's
// own compression is sniffed and decoded inside.

import { InputError } from '../errors.ts';
import type { PayloadSink } from '../tar/entry.ts';
import { scanTarStream, type LayerScan, type ScanOptions } from './scan.ts';

/** How many outer chunks may wait for the layer scan before the outer parser is held back. */
const QUEUE = 4;

export class LayerScanSink implements PayloadSink {
  /** Settles when the layer has been scanned (after end()), or with the scan's error. */
  readonly result: Promise<LayerScan>;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private waiting: { resolve: () => void; reject: (e: unknown) => void } | null = null;
  private error: unknown = null;
  private failed = false;

  constructor(private readonly opts: ScanOptions) {
    const input = new ReadableStream<Uint8Array>(
      {
        start: (c) => {
          this.controller = c;
        },
        pull: () => {
          const w = this.waiting;
          this.waiting = null;
          w?.resolve();
        },
      },
      { highWaterMark: QUEUE },
    );
    this.result = scanTarStream(input, opts);
    // If the scan stops early (a corrupt layer), release a waiting data() with its error.
    this.result.catch((e: unknown) => {
      this.failed = true;
      this.error = e;
      const w = this.waiting;
      this.waiting = null;
      w?.reject(e);
    });
  }

  /** The chunk is queued without a copy: the outer pusher must not reuse its buffers (ours don't). */
  data(chunk: Uint8Array): void | Promise<void> {
    if (this.failed) throw this.error;
    try {
      this.controller.enqueue(chunk);
    } catch {
      // The scan stopped reading (it failed and cancelled its input) before its rejection was
      // seen here: settle with the scan's own error, not the stream's "already closed".
      return this.result.then(() => {});
    }
    if ((this.controller.desiredSize ?? 0) > 0) return;
    return new Promise<void>((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** Waits for the scan, so a corrupt layer fails the outer read at this entry. */
  async end(): Promise<void> {
    if (!this.failed) {
      try {
        this.controller.close();
      } catch {
        // Already closed by the scan's cancel (see data()); the result says why.
      }
    }
    await this.result;
  }

  /** The outer archive stopped inside this layer. */
  fail(_error: Error): void {
    if (!this.failed) this.controller.error(new InputError(this.opts.fileName, this.opts.entryName, 'truncated: the archive ended inside this layer'));
  }
}
