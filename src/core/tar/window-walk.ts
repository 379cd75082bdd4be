// Walks an UNCOMPRESSED tar held in a ByteSource by reading large windows and jumping over
// payloads that run past the window, instead of one read per header (≈ 100× slower in Chromium,
// DESIGN.md "Measured here"). Used for outer archives (index the entries, keep the small JSON
// files) and for uncompressed layers.

import type { ByteSource } from '../bytes/source.ts';
import { throwIfAborted } from '../errors.ts';
import { TarParser, type TarEntry } from './parser.ts';

/** Window size for random reads; 1, 4 and 8 MiB were measured, see src/core/compress/README.md. */
export const DEFAULT_WINDOW = 8 << 20;

export interface WindowWalkOptions {
  signal?: AbortSignal;
  /** bytes of the source read or jumped over so far */
  onBytes?: (bytes: number) => void;
  windowSize?: number;
}

/** Payloads at least this big make walkStream drop its stream and start a new one past them. */
export const DEFAULT_JUMP = 4 << 20;

/**
 * Like walkWindows, but reads the source as a stream (Blob.stream() in browsers pipelines its
 * reads), starting a new stream past any payload of `jumpOver` bytes or more instead of reading
 * it (DESIGN.md "Measured here": a stream that restarts past payloads > 4 MB).
 */
export async function walkStream(
  source: ByteSource,
  parser: TarParser,
  opts: { signal?: AbortSignal; onBytes?: (bytes: number) => void; jumpOver?: number } = {},
): Promise<number> {
  const jumpOver = opts.jumpOver ?? DEFAULT_JUMP;
  const size = source.size;
  let pos = 0;
  restart: while (pos < size && !parser.done) {
    const reader = source.stream(pos, size - pos).getReader();
    try {
      for (;;) {
        throwIfAborted(opts.signal);
        const { done, value } = await reader.read();
        if (done) break restart;
        const r = parser.push(value);
        if (r) await r;
        pos += value.length;
        opts.onBytes?.(pos);
        if (parser.done) break restart;
        const skippable = parser.skippable();
        if (skippable >= jumpOver) {
          const jump = Math.min(skippable, size - pos);
          parser.skip(jump);
          pos += jump;
          continue restart;
        }
      }
    } finally {
      reader.cancel().catch(() => {});
    }
  }
  parser.end();
  return pos;
}

/**
 * Feeds `parser` from `source` window by window, jumping over skippable payloads, until the
 * archive's end marker or the end of the source; then calls parser.end() (which throws
 * TarFormatError if the source stopped inside an entry). Returns the bytes of the source consumed.
 */
export async function walkWindows(source: ByteSource, parser: TarParser, opts: WindowWalkOptions = {}): Promise<number> {
  const window = opts.windowSize ?? DEFAULT_WINDOW;
  const size = source.size;
  let pos = 0;
  while (pos < size && !parser.done) {
    throwIfAborted(opts.signal);
    const bytes = await source.read(pos, window);
    if (bytes.length === 0) break;
    const r = parser.push(bytes);
    if (r) await r;
    pos += bytes.length;
    const jump = Math.min(parser.skippable(), size - pos);
    if (jump > 0) {
      parser.skip(jump);
      pos += jump;
    }
    opts.onBytes?.(pos);
  }
  parser.end();
  return pos;
}

export interface TarIndex {
  /** every real entry, in archive order */
  entries: TarEntry[];
  /** whole payloads of the entries `keep` chose, keyed by the raw tar path */
  kept: Map<string, Uint8Array>;
  /** where the end-of-archive marker starts; null when the tar stops without one */
  end: number | null;
}

/**
 * Indexes an uncompressed archive: every entry's header, plus the payloads `keep` asks for
 * (small JSON files: manifest.json, index.json, configs). Throws TarFormatError on a malformed
 * or truncated archive (callers add the file name), CancelledError when `signal` fires.
 */
export async function walkTarIndex(
  source: ByteSource,
  opts: WindowWalkOptions & {
    keep?: (e: TarEntry) => boolean;
    /** called first for every entry; throws to stop the walk (limits: src/core/limits.ts) */
    check?: (e: TarEntry) => void;
    /** largest PAX / GNU long-name payload (TarParserOptions.maxMetaSize) */
    maxMetaSize?: number;
  } = {},
): Promise<TarIndex> {
  const entries: TarEntry[] = [];
  const kept = new Map<string, Uint8Array>();
  const keep = opts.keep;
  const parser = new TarParser({
    maxMetaSize: opts.maxMetaSize,
    onEntry(e) {
      opts.check?.(e);
      entries.push(e);
      if (!keep || !keep(e)) return null;
      const buf = new Uint8Array(e.size);
      let fill = 0;
      return {
        data(chunk) {
          buf.set(chunk, fill);
          fill += chunk.length;
        },
        end() {
          kept.set(e.path, buf);
        },
      };
    },
  });
  await walkWindows(source, parser, opts);
  return { entries, kept, end: parser.endOffset };
}
