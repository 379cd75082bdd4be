// What a simulated regular file holds. Bytes are kept when a command wrote them and they are
// small (echo, printf, a heredoc, a small context file) so later commands (cat, sed -i, tar -x)
// can act on them; otherwise only the size, and whether that size is exact or an estimate (and
// why). Sizes are regular-file bytes (DESIGN.md "Layer size words": fileBytes).

/** Bytes kept per file at most; larger files keep their size only. */
export const KEEP_BYTES_MAX = 1 << 20;

export interface Content {
  size: number;
  /** the exact bytes, when known and at most KEEP_BYTES_MAX */
  bytes: Uint8Array | null;
  /** false when `size` is an estimate (or 0 because nothing is known) */
  exact: boolean;
  /** why the size is not exact (null when it is) */
  reason: string | null;
  /** a known pattern for size-only content (dd from /dev/zero, head -c from /dev/urandom) */
  fill: 'zero' | 'random' | null;
  /** reads the bytes on demand (a build-context file too large to keep, or not read yet) */
  load: (() => Promise<Uint8Array>) | null;
}

const encoder = new TextEncoder();

export function bytesContent(bytes: Uint8Array): Content {
  return { size: bytes.length, bytes: bytes.length <= KEEP_BYTES_MAX ? bytes : null, exact: true, reason: null, fill: null, load: null };
}

export function textContent(text: string): Content {
  return bytesContent(encoder.encode(text));
}

export const EMPTY: Content = Object.freeze({ size: 0, bytes: new Uint8Array(0), exact: true, reason: null, fill: null, load: null }) as Content;

export function sizedContent(size: number, fill: Content['fill']): Content {
  if (fill === 'zero' && size <= 4096) return bytesContent(new Uint8Array(size));
  return { size, bytes: null, exact: true, reason: null, fill, load: null };
}

/** Content whose size is a guess: `estimate` bytes (0 when there is no guess at all). */
export function unknownContent(reason: string, estimate = 0): Content {
  return { size: estimate, bytes: null, exact: false, reason, fill: null, load: null };
}

export function concatContent(a: Content, b: Content): Content {
  const size = a.size + b.size;
  const exact = a.exact && b.exact;
  const reason = a.reason ?? b.reason;
  if (a.bytes && b.bytes && size <= KEEP_BYTES_MAX) {
    const out = new Uint8Array(size);
    out.set(a.bytes, 0);
    out.set(b.bytes, a.size);
    return { size, bytes: out, exact, reason, fill: null, load: null };
  }
  const fill = a.fill === b.fill || a.size === 0 ? b.fill : b.size === 0 ? a.fill : null;
  return { size, bytes: null, exact, reason, fill, load: null };
}

/** The first `n` bytes (head -c, truncate). */
export function sliceContent(c: Content, n: number): Content {
  if (n >= c.size) return c;
  if (c.bytes) return { ...bytesContent(c.bytes.slice(0, n)), exact: c.exact, reason: c.reason };
  return { size: n, bytes: null, exact: c.exact, reason: c.reason, fill: c.fill, load: null };
}

/** Bytes of a content when they can be had: kept, loadable or implied by its fill. */
export async function readContent(c: Content): Promise<Uint8Array | null> {
  if (c.bytes) return c.bytes;
  if (c.load) return c.load();
  if (c.fill === 'zero' && c.size <= KEEP_BYTES_MAX) return new Uint8Array(c.size);
  return null;
}

export function contentText(c: Content): string | null {
  return c.bytes ? new TextDecoder().decode(c.bytes) : null;
}
