// Messages between the bench page and its worker (bench.worker.ts).

import type { ScanSummary } from '../summary.ts';

export type ToBenchWorker =
  /** answered once the worker's module has loaded, so start-up is not timed */
  | { type: 'ping' }
  /** DecompressionStream('gzip') alone over the file, counting bytes: the floor for one worker */
  | { type: 'inflate'; file: Blob }
  /** scanLayer over each file in turn, in this worker */
  | { type: 'scan'; files: Blob[]; names: string[] };

export type FromBenchWorker =
  | { type: 'pong' }
  | { type: 'inflated'; bytes: number; ms: number }
  | { type: 'scanned'; results: ScanSummary[]; ms: number }
  | { type: 'error'; message: string };

/** What the bench page offers the driver (window.bench); times are page wall times, ms. */
export interface BenchApi {
  /** names of the files given to the page's input */
  files(): string[];
  inflate(name: string): Promise<{ ms: number; bytes: number }>;
  /** one fresh worker per group, all started at once; each scans its group's files in turn */
  scan(groups: string[][]): Promise<{ ms: number; results: ScanSummary[] }>;
  /** the whole archive through the app's analyze worker (src/worker/analyze.worker.ts) */
  app(name: string): Promise<{ ms: number; results: ScanSummary[] }>;
}
