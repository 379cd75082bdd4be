// The JS heap of the page and of every worker it starts (analyze, its layer workers, simulate,
// stack), sampled over CDP (cdp.ts) while a case runs (issue 6: "memory bounded" in the worker).
// Workers are auto-attached from the page's session, and the layer workers from the analyze
// worker's, each paused at its start until attached (waitForDebuggerOnStart), so sampling begins
// before its first line: attaching to a worker already inside a long synchronous task would wait
// for the task to end. A busy worker still answers: DevTools interrupts its JavaScript.
// https://chromedevtools.github.io/devtools-protocol/tot/Target/#method-setAutoAttach
// https://chromedevtools.github.io/devtools-protocol/tot/Runtime/#method-getHeapUsage

import type { Cdp } from './cdp.ts';

/** Runtime.getHeapUsage: V8 heap in use, plus Blink's (embedder) heap and ArrayBuffer backing stores. */
interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

const bytesOf = (h: HeapUsage) => h.usedSize + (h.embedderHeapUsedSize ?? 0) + (h.backingStorageSize ?? 0);

export interface HeapPeak {
  /** the most the workers held at once (sum over live workers), bytes */
  workers: number;
  /** the most the page's main thread held above its level when the window opened, bytes */
  page: number;
  samples: number;
  /** worker answers not had within ANSWER_MS */
  missed: number;
}

/** How long a worker may take to answer one sample before it counts as missed. */
const ANSWER_MS = 1000;

const AUTO_ATTACH = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true };

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

/**
 * Samples every `everyMs` while running. `window()` opens a measuring window; `peak()` closes it
 * with one last sample and returns the highest figures seen inside it.
 */
export class HeapSampler {
  /** live workers: session → URL */
  private readonly workers = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sampling: Promise<void> = Promise.resolve();
  private pageBase = 0;
  private cur: HeapPeak = { workers: 0, page: 0, samples: 0, missed: 0 };

  private constructor(
    private readonly cdp: Cdp,
    private readonly page: string,
    private readonly everyMs: number,
  ) {}

  /** Starts on the page's session `page`: before the page starts any worker, to see each from its start. */
  static async start(cdp: Cdp, page: string, everyMs = 20): Promise<HeapSampler> {
    const s = new HeapSampler(cdp, page, everyMs);
    cdp.on((method, params) => {
      if (method === 'Target.attachedToTarget') {
        const sessionId = params.sessionId as string;
        const info = params.targetInfo as { type: string; url: string };
        if (info.type === 'worker') s.workers.set(sessionId, info.url);
        // Its own workers (the layer pool) are attached the same way; then it may start.
        void cdp
          .send('Target.setAutoAttach', AUTO_ATTACH, sessionId)
          .catch(() => {})
          .then(() => cdp.send('Runtime.runIfWaitingForDebugger', {}, sessionId))
          .catch(() => {});
      } else if (method === 'Target.detachedFromTarget') {
        s.workers.delete(params.sessionId as string);
      }
    });
    await cdp.send('Target.setAutoAttach', AUTO_ATTACH, page);
    s.loop();
    return s;
  }

  /** The workers alive now (their script URLs). */
  liveWorkers(): string[] {
    return [...this.workers.values()];
  }

  async window(): Promise<void> {
    await this.sampling;
    this.pageBase = await this.pageHeap();
    this.cur = { workers: 0, page: 0, samples: 0, missed: 0 };
  }

  async peak(): Promise<HeapPeak> {
    await this.sampling;
    await this.sample();
    return { ...this.cur };
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.sampling;
  }

  private loop(): void {
    this.timer = setTimeout(() => {
      this.sampling = this.sample().finally(() => {
        if (this.timer) this.loop();
      });
    }, this.everyMs);
  }

  private async pageHeap(): Promise<number> {
    return this.cdp.send<HeapUsage>('Runtime.getHeapUsage', {}, this.page).then(bytesOf, () => 0);
  }

  private async sample(): Promise<void> {
    const [page, ...heaps] = await Promise.all([
      this.pageHeap(),
      // A worker that ends while asked answers nothing: it holds nothing. One that does not answer
      // within ANSWER_MS is not waited for (the loop must go on), and counts as missed.
      ...[...this.workers.keys()].map((session) =>
        Promise.race([this.cdp.send<HeapUsage>('Runtime.getHeapUsage', {}, session).then(bytesOf, () => 0), later(ANSWER_MS, -1)]),
      ),
    ]);
    this.cur.missed += heaps.filter((h) => h < 0).length;
    this.cur.workers = Math.max(this.cur.workers, heaps.reduce((a, b) => a + Math.max(0, b), 0));
    this.cur.page = Math.max(this.cur.page, page - this.pageBase);
    this.cur.samples++;
  }
}
