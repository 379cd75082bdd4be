// The path of a tar header, read in one pass: the ustar prefix and name fields joined into one
// scratch buffer, the string made from it, and (for ASCII names) the bytes kept for readers that
// store paths as UTF-8 (LayerAccumulator copies them into the LayerTable instead of decoding,
// normalizing and encoding again). Field layout: POSIX ustar (pax spec, "ustar Interchange
// Format"): name at 0 (100 bytes), prefix at 345 (155 bytes), "prefix/name" when the prefix is set.
//
// Measured per entry on the bench layer (bench/README.md "Reading the figures"): this pass, not
// the header's numbers, was where the parse spent its time.

import { canonicalLength } from './normalize.ts';

/**
 * The bytes `RawHeader.name` was decoded from, all ASCII (so the name is exactly these bytes, one
 * char each), and `normal`: the same bytes without one trailing "/" when they are already in the
 * model's canonical form (normalize.ts) but for an optional leading "/" and that trailing slash,
 * else null. Both view the reader's scratch buffer: valid only until the next header is read.
 */
export interface RawPath {
  bytes: Uint8Array;
  normal: Uint8Array | null;
}

const utf8 = new TextDecoder('utf-8');
/** The "/" between the ustar prefix and name fields. */
const SLASH_FIELD = new Uint8Array([0x2f]);

/**
 * ASCII bytes b[0, n) as a string, 16 chars a call to String.fromCharCode: in Chromium 156 that
 * costs ≈ 0.18 µs for a 75-char path where a TextDecoder call costs ≈ 0.27 µs (Node 20 the other
 * way round); the strings become flat when first searched (EntryGuard does at once).
 */
function asciiString(b: Uint8Array, n: number): string {
  let s = '';
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    s += String.fromCharCode(b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6], b[i + 7], b[i + 8], b[i + 9], b[i + 10], b[i + 11], b[i + 12], b[i + 13], b[i + 14], b[i + 15]);
  }
  for (; i + 4 <= n; i += 4) s += String.fromCharCode(b[i], b[i + 1], b[i + 2], b[i + 3]);
  for (; i < n; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** Reads header paths one after another into one scratch buffer; `raw` describes the last one. */
export class PathReader {
  /** The last path's bytes, or null when they are not ASCII (then only the string says the path). */
  raw: RawPath | null = null;
  private readonly last: RawPath = { bytes: new Uint8Array(0), normal: null };
  /** The path's bytes, "prefix/name" joined: one run of bytes for one string and one copy. */
  private readonly scratch = new Uint8Array(155 + 1 + 100);
  /** scratch.subarray(0, n) for each n, made once: a view per header would be garbage per entry. */
  private readonly views: Uint8Array[] = [];
  // State of copyField() across the prefix and name fields of one path.
  private or = 0;
  private prev = 0;
  private suspect = false;

  /**
   * The path of the header at b[off..]: its name field, after its prefix field and a "/" when
   * `prefixed`. Sets `raw`. One pass over the bytes copies them, finds the NUL, sees whether
   * they are ASCII and whether they may need normalizing.
   */
  read(b: Uint8Array, off: number, prefixed: boolean): string {
    const raw = this.last;
    this.or = 0;
    // As if after a "/": a leading "/" or "." is suspect too.
    this.prev = 0x2f;
    this.suspect = false;
    let n = 0;
    if (prefixed) {
      n = this.copyField(b, off + 345, off + 500, 0);
      n = this.copyField(SLASH_FIELD, 0, 1, n);
    }
    n = this.copyField(b, off, off + 100, n);
    const j = this.scratch;
    const views = this.views;
    const view = (views[n] ??= j.subarray(0, n));
    if (this.or & 0x80) {
      // Not ASCII: decoded as UTF-8, and only the string says the path.
      this.raw = null;
      return utf8.decode(view);
    }
    raw.bytes = view;
    // No "//", "/." or leading "." or "/": canonical as it is, but for a trailing "/".
    const end = this.suspect ? canonicalLength(j, n) : n === 0 ? -1 : j[n - 1] === 0x2f ? n - 1 : n;
    raw.normal = end < 0 ? null : end === n ? view : (views[end] ??= j.subarray(0, end));
    this.raw = raw;
    return asciiString(j, n);
  }

  /**
   * Copies b[from, to) up to its first NUL into the scratch at n; returns the new length. Notes
   * any byte ≥ 0x80, and any "/" followed by "/" or "." (so the path may need normalizePath:
   * canonicalLength decides). One comparison a byte for that: branches that track segments
   * cost 2–3× as much on real paths (Chromium 156, Node 20).
   */
  private copyField(b: Uint8Array, from: number, to: number, n: number): number {
    const j = this.scratch;
    let or = this.or;
    let prev = this.prev;
    let suspect = this.suspect;
    for (let i = from; i < to; i++) {
      const c = b[i];
      if (c === 0) break;
      or |= c;
      // prev is "/" and c is "/" or "." (0x2e | 1 === 0x2f).
      if (((prev << 8) | (c | 1)) === 0x2f2f) suspect = true;
      prev = c;
      j[n++] = c;
    }
    this.or = or;
    this.prev = prev;
    this.suspect = suspect;
    return n;
  }
}
