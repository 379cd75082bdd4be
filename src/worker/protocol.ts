// The typed messages between the page and the analyze worker, and between the analyze worker and
// its layer sub-workers. Large results travel as transferred ArrayBuffers (LayerTable columns),
// never as copies: a 500k-entry table is tens of MB (DESIGN.md "memory per entry").

import type { LayerTableColumns } from '../core/model/layer-table.ts';
import type { Compression, ImageArchive, Layer, LayerStats } from '../core/model/image.ts';
import type { Progress } from '../core/progress.ts';
import type { HashMode, HashSetting } from '../core/layers/hash-mode.ts';
import type { LimitName, Limits } from '../core/limits.ts';

/** An error as it crosses a worker boundary: Error subclasses do not survive structured cloning. */
export type WireError =
  | {
      kind: 'input';
      file: string;
      entry: string | null;
      problem: string;
      message: string;
      /** set when a limit stopped the read (core's LimitError): which one, and its value then */
      limit?: LimitName;
      limitValue?: number;
    }
  | { kind: 'cancelled'; message: string }
  /** a bug or an environment failure, not a problem with the input */
  | { kind: 'internal'; file: string; message: string };

/** A layer with its table as plain columns (the page rebuilds `new LayerTable(columns)`). */
export type WireLayer = Omit<Layer, 'table'> & { table: LayerTableColumns };
export type WireArchive = Omit<ImageArchive, 'image'> & {
  image: Omit<ImageArchive['image'], 'layers'> & { layers: WireLayer[] };
};

// ---- page → analyze worker ----

export interface OpenRequest {
  type: 'open';
  /** the caller's id for this read; every reply carries it */
  id: number;
  /** a File or Blob: posted by reference, never read on the page */
  file: Blob;
  name: string;
  /** which image: a ref/tag, a digest prefix, or its index in archive.images */
  image?: string;
  /** e.g. "linux/arm64/v8" */
  platform?: string;
  /** hash file contents: 'auto' (the default) hashes gzip/zstd layers only (core/layers/hash-mode.ts) */
  hash?: HashMode;
  /** limits changed from DEFAULT_LIMITS (e.g. raised after a limit stopped a read) */
  limits?: Partial<Limits>;
}

/** Stops read `id`; used when a newer request supersedes it on the same worker. */
export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type ToAnalyzer = OpenRequest | CancelRequest;

// ---- analyze worker → page ----

export interface ProgressReply {
  type: 'progress';
  id: number;
  progress: Progress;
}
export interface ResultReply {
  type: 'result';
  id: number;
  archive: WireArchive;
  /** wall time of the read inside the worker, ms */
  elapsedMs: number;
}
export interface ErrorReply {
  type: 'error';
  id: number;
  error: WireError;
}

export type FromAnalyzer = ProgressReply | ResultReply | ErrorReply;

// ---- analyze worker → layer worker ----

export interface ScanRequest {
  type: 'scan';
  id: number;
  /** the layer blob (a slice of the dropped File: no copy) */
  blob: Blob;
  fileName: string;
  entryName: string;
  /** ScanOptions.hash: the read's setting, decided per layer from its compression */
  hash?: HashSetting;
  /** the read's limits, all of them (the layer guards check entries, paths, size and ratio) */
  limits?: Limits;
}
export interface AbortScanRequest {
  type: 'abort';
  id: number;
}
export type ToLayerWorker = ScanRequest | AbortScanRequest;

// ---- layer worker → analyze worker ----

export interface ScanBytesReply {
  type: 'bytes';
  id: number;
  /** compressed bytes of this layer read so far */
  bytes: number;
}
export interface ScanResultReply {
  type: 'scanned';
  id: number;
  table: LayerTableColumns;
  stats: LayerStats;
  compression: Compression;
}
export interface ScanErrorReply {
  type: 'scan-error';
  id: number;
  error: WireError;
}
export type FromLayerWorker = ScanBytesReply | ScanResultReply | ScanErrorReply;
