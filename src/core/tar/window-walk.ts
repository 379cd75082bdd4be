// Walks an UNCOMPRESSED tar held in a ByteSource by reading large windows and jumping over
// payloads that run past the window, instead of one read per header (≈ 100× slower in Chromium,
// DESIGN.md "Measured here"). Used for outer archives (index the entries, keep the small JSON
// files) and for uncompressed layers.

import type { ByteSource } from '../bytes/source.ts';
import { throwIfAborted } from '../errors.ts';
import { TarParser, type TarEntry } from './parser.ts';

/** Window size for random reads; 1, 4 and 8 MiB were measured, see src/core/compress/README.md. */
export const DEFAULT_WINDOW = 4 << 20;

export interface WindowWalkOptions {
  signal?: AbortSignal;
  /** bytes of the source read or jumped over so far */
  onBytes?: (bytes: number) => void;
  windowSize?: number;
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
}

/**
 * Indexes an uncompressed archive: every entry's header, plus the payloads `keep` asks for
 * (small JSON files: manifest.json, index.json, configs). Throws TarFormatError on a malformed
 * or truncated archive (callers add the file name), CancelledError when `signal` fires.
 */
export async function walkTarIndex(
  source: ByteSource,
  opts: WindowWalkOptions & { keep?: (e: TarEntry) => boolean } = {},
): Promise<TarIndex> {
  const entries: TarEntry[] = [];
  const kept = new Map<string, Uint8Array>();
  const keep = opts.keep;
  const parser = new TarParser({
    onEntry(e) {
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
  return { entries, kept };
}
