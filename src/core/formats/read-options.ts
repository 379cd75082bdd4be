// Options for reading an archive, shared by the indexed and the streamed readers.

import type { ByteSource } from '../bytes/source.ts';
import type { LayerScan, ScanOptions } from '../layers/scan.ts';
import type { HashSetting } from '../layers/hash-mode.ts';
import type { Limits } from '../limits.ts';
import type { ProgressFn } from '../progress.ts';

export interface ReadArchiveOptions {
  /** which image: a ref/tag, a digest prefix, or its index in archive.images */
  image?: string;
  /** e.g. "linux/arm64/v8" */
  platform?: string;
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  /** lets a caller fan layers out to a pool of workers; defaults to scanning here */
  scanLayer?: (source: ByteSource, opts: ScanOptions) => Promise<LayerScan>;
  /** layers scanned at once when scanLayer is the default (the pool sets its own limit) */
  concurrency?: number;
  /**
   * hash regular files' contents while scanning (ScanOptions.hash, LayerTable.hashes): true,
   * false (when absent) or 'auto', decided per layer from its compression (layers/hash-mode.ts);
   * the CLI and the page pass DEFAULT_HASH_MODE's setting unless told otherwise
   */
  hash?: HashSetting;
  /** limits to change from DEFAULT_LIMITS (src/core/limits.ts), e.g. the CLI's --max-entries */
  limits?: Partial<Limits>;
}
