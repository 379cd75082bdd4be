// Reads one layer blob into a LayerTable and its stats. Compression is sniffed from the first
// bytes (never the media type). Uncompressed blobs are streamed, restarting the stream past big
// payloads (or read in large windows); compressed blobs are streamed through the decoder to the end, because tarSize counts
// every decompressed byte (end blocks and padding included).

import type { ByteSource } from '../bytes/source.ts';
import { sniffCompression } from '../bytes/sniff.ts';
import { decompress } from '../compress/decompress.ts';
import { DecompressError } from '../compress/errors.ts';
import { CancelledError, InputError, throwIfAborted } from '../errors.ts';
import type { Compression } from '../model/image.ts';
import { TarFormatError } from '../tar/errors.ts';
import { TarParser } from '../tar/parser.ts';
import { walkStream, walkWindows } from '../tar/window-walk.ts';
import { LayerAccumulator, type LayerScan } from './accumulate.ts';
import { HashColumn } from '../hash/hash-column.ts';
import { DEFAULT_LIMITS, type Limits } from '../limits.ts';
import { EntryGuard, StreamGuard, withNotes } from './layer-guard.ts';
import { countedPieces } from '../bytes/counted.ts';
import { hashesLayer, type HashSetting } from './hash-mode.ts';
import { concatBytes } from '../bytes/concat.ts';

export type { LayerScan } from './accumulate.ts';

export interface ScanOptions {
  signal?: AbortSignal;
  onBytes?: (compressedBytesReadSoFar: number) => void;
  /** the input file, for error messages ("app.tar") */
  fileName: string;
  /** the blob inside it, for error messages ("blobs/sha256/ab12…") */
  entryName: string;
  /** how an uncompressed blob is read: big random-access windows, or a stream restarted past big payloads */
  uncompressedRead?: 'windows' | 'stream';
  /** window size for 'windows' (default DEFAULT_WINDOW) */
  windowSize?: number;
  /**
   * hash every regular file's content into table.hashes (src/core/hash/): true, false (the
   * default) or 'auto', which hashes a gzip/zstd layer and not a plain one (hash-mode.ts says why)
   */
  hash?: HashSetting;
  /** entries, path, decompressed-size and expansion limits (src/core/limits.ts); the defaults when absent */
  limits?: Limits;
}

/** The hasher's WebAssembly is loaded only when this layer is hashed. */
async function newAccumulator(opts: ScanOptions, compression: Compression): Promise<LayerAccumulator> {
  if (!hashesLayer(opts.hash, compression)) return new LayerAccumulator();
  const { createContentHasher } = await import('../hash/content-hash.ts');
  return new LayerAccumulator(new HashColumn(await createContentHasher()));
}

/** Measured in Chromium and Node, see src/core/compress/README.md. */
const DEFAULT_UNCOMPRESSED_READ: 'windows' | 'stream' = 'stream';

/** Scans a layer blob held in a random-access source. */
export async function scanLayer(source: ByteSource, opts: ScanOptions): Promise<LayerScan> {
  throwIfAborted(opts.signal);
  const head = await source.read(0, 4);
  const compression = sniffCompression(head);
  if (compression !== 'none') return scanTarStream(source.stream(0, source.size), opts);
  const acc = await newAccumulator(opts, compression);
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const guard = new EntryGuard(limits, opts.fileName, opts.entryName, 'this layer', false);
  const parser = new TarParser({
    maxMetaSize: limits.maxMetaBytes,
    onEntry: (e) => {
      guard.check(e);
      return acc.add(e);
    },
  });
  try {
    if ((opts.uncompressedRead ?? DEFAULT_UNCOMPRESSED_READ) === 'stream') await walkStream(source, parser, opts);
    else await walkWindows(source, parser, opts);
  } catch (e) {
    throw notATar(e, parser, 'none', opts) ?? asInputError(e, opts);
  }
  // No warning for a layer tar without end blocks: real writers omit them (umoci's busybox
  // layer in ../shared/fixtures has none), so a missing marker cannot tell a cut from an end.
  // An uncompressed blob IS the tar: every byte of it, trailing blocks included.
  return withNotes(acc.finish(source.size, parser.entryCount, 'none'), guard);
}

/**
 * Scans a layer given only as a stream of its blob bytes (e.g. a layer inside a gzipped outer
 * archive). Sniffs the compression from the first bytes and reads to the end.
 */
export async function scanTarStream(stream: ReadableStream<Uint8Array>, opts: ScanOptions): Promise<LayerScan> {
  const raw = stream.getReader();
  let tar: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let parser: TarParser | null = null;
  let compression: Compression = 'none';
  try {
    // Enough bytes to sniff (a zstd magic is 4 bytes; chunks can be tiny).
    const head: Uint8Array[] = [];
    let headLen = 0;
    let ended = false;
    while (headLen < 4) {
      throwIfAborted(opts.signal);
      const { done, value } = await raw.read();
      if (done) {
        ended = true;
        break;
      }
      head.push(value);
      headLen += value.length;
    }
    compression = sniffCompression(concatBytes(head, headLen));
    // Compressed bytes the decoder has taken, in small pieces so the bomb check's ratio is true.
    let read = 0;
    const counted = countedPieces(raw, head, ended, (n) => {
      read = n;
      opts.onBytes?.(n);
    });
    const acc = await newAccumulator(opts, compression);
    const limits = opts.limits ?? DEFAULT_LIMITS;
    const guard = new EntryGuard(limits, opts.fileName, opts.entryName, 'this layer', compression !== 'none');
    const bomb = compression === 'none' ? null : new StreamGuard(limits, opts.fileName, opts.entryName);
    const p = new TarParser({
      maxMetaSize: limits.maxMetaBytes,
      onEntry: (e) => {
        guard.check(e);
        return acc.add(e);
      },
    });
    parser = p;
    tar = decompress(counted, compression).getReader();
    let out = 0;
    for (;;) {
      throwIfAborted(opts.signal);
      const { done, value } = await tar.read();
      if (done) break;
      out += value.length;
      bomb?.check(out, read);
      // Waits only when a sink asks to (content hashing, ScanOptions.hash).
      const r = p.push(value);
      if (r) await r;
    }
    p.end();
    return withNotes(acc.finish(p.position, p.entryCount, compression), guard);
  } catch (e) {
    // Stop the producer (a file read, an outer decoder) instead of leaving it running.
    (tar ?? raw).cancel(e).catch(() => {});
    throw notATar(e, parser, compression, opts) ?? asInputError(e, opts);
  }
}

/** A blob whose very first header is unreadable is not a tar at all: say that, not "bad checksum at byte 0". */
function notATar(e: unknown, parser: TarParser | null, compression: Compression, opts: ScanOptions): InputError | null {
  if (!(e instanceof TarFormatError) || !parser || parser.entryCount > 0 || parser.done) return null;
  const how = compression === 'none' ? 'it is not a tar, nor gzip or zstd' : `once ${compression}-decompressed, it is not a tar`;
  return new InputError(opts.fileName, opts.entryName, `${how}: its first header cannot be read (${e.problem})`);
}



/** Turns reader errors into the InputError a person reads; cancellation passes through. */
export function asInputError(e: unknown, opts: ScanOptions): unknown {
  if (e instanceof CancelledError || e instanceof InputError) return e;
  if (e instanceof TarFormatError) return new InputError(opts.fileName, opts.entryName, `${e.problem} at byte ${e.offset} of the layer tar`);
  if (e instanceof DecompressError) return new InputError(opts.fileName, opts.entryName, e.message);
  return e;
}
