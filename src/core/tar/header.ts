// One 512-byte tar header: ustar / GNU / v7 fields, read with direct byte access.
// Layouts: POSIX ustar (pax spec, "ustar Interchange Format"), GNU tar manual "Basic Tar Format";
// numeric fields are octal text, or base-256 big-endian when the first byte has its high bit set
// (GNU extension for sizes ≥ 8 GiB, ids ≥ 2^21, negative mtimes).
//
// This runs once per entry of every layer (50k+ a layer), so the hot path avoids per-header
// garbage: a HeaderReader reuses its result objects, sums the checksum four bytes at a time and
// reads the path in one pass (header-path.ts); bench/README.md "Reading the figures" has the
// measurements.

import { TarFormatError } from './errors.ts';
import { PathReader, type RawPath } from './header-path.ts';

export type { RawPath } from './header-path.ts';

export const BLOCK = 512;

export interface RawHeader {
  /** name field, with the ustar prefix joined in ("prefix/name") when the magic is POSIX ustar */
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  /** the typeflag byte as a char code (0x30 '0', 0x35 '5', 0x78 'x', 0 for old v7 files, ...) */
  typeflag: number;
  linkname: string;
}

const utf8 = new TextDecoder('utf-8');

/**
 * End of a NUL-terminated field at b[off, off + len): the index of the NUL (or off + len), or its
 * bitwise NOT (negative) when a byte ≥ 0x80 comes first, i.e. the text is not ASCII.
 */
function fieldEnd(b: Uint8Array, off: number, len: number): number {
  let end = off;
  const max = off + len;
  let or = 0;
  while (end < max) {
    const c = b[end];
    if (c === 0) break;
    or |= c;
    end++;
  }
  return or & 0x80 ? ~end : end;
}

/**
 * b[start, end) as a string: UTF-8, or (ascii) one char per byte. Short ASCII is built by hand:
 * below ≈ 13 chars that beats a decoder call, whose fixed cost is ≈ 0.2 µs (V8 in Node 20 and
 * Chromium 156; V8 also makes such short concatenations flat strings).
 */
function decode(b: Uint8Array, start: number, end: number, ascii: boolean): string {
  if (end === start) return '';
  if (ascii && end - start <= 12) {
    let s = '';
    for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
    return s;
  }
  return utf8.decode(b.subarray(start, end));
}

/** Reads a NUL-terminated string field, as UTF-8. */
export function readString(b: Uint8Array, off: number, len: number): string {
  const e = fieldEnd(b, off, len);
  return e >= 0 ? decode(b, off, e, true) : decode(b, off, ~e, false);
}

/**
 * A numeric field: octal digits (leading spaces/NULs skipped, ended by space or NUL), or
 * base-256 two's complement when the high bit of the first byte is set.
 * Returns NaN for a field that is neither (the caller reports where).
 */
export function readNumber(b: Uint8Array, off: number, len: number): number {
  // The usual form, zero-padded digits and one NUL or space ("0000644\0"): one tight loop.
  const last = off + len - 1;
  if (b[last] === 0 || b[last] === 0x20) {
    let v = 0;
    let i = off;
    for (; i < last; i++) {
      const d = b[i] - 0x30;
      if (d >>> 0 > 7) break;
      v = v * 8 + d;
    }
    if (i === last) return v;
  }
  const first = b[off];
  if (first & 0x80) {
    const end = off + len;
    if (first & 0x40) {
      // Negative: -(~x + 1), computed byte by byte so sign-extension bytes vanish.
      let v = 0;
      for (let i = off; i < end; i++) v = v * 256 + (b[i] ^ 0xff);
      return -(v + 1);
    }
    let v = first & 0x7f;
    for (let i = off + 1; i < end; i++) v = v * 256 + b[i];
    return v;
  }
  let i = off;
  const end = off + len;
  while (i < end && (b[i] === 0x20 || b[i] === 0)) i++;
  let v = 0;
  for (; i < end; i++) {
    const c = b[i];
    if (c >= 0x30 && c <= 0x37) v = v * 8 + (c - 0x30);
    else if (c === 0x20 || c === 0) break;
    else return NaN;
  }
  // Anything after the terminator must be padding too.
  for (; i < end; i++) if (b[i] !== 0x20 && b[i] !== 0) return NaN;
  return v;
}

export type ChecksumResult = 'ok' | 'zero' | 'bad';

/**
 * Sum of the 512 bytes at b[off..]. `view` is a DataView over exactly b (or null): with it, bytes
 * are added four at a time, in four accumulators of two 16-bit lanes (each lane adds 64 bytes,
 * ≤ 16,320, so nothing carries across lanes and every accumulator stays a small integer the JIT
 * keeps in a register). A DataView reads at any offset: the decoder's chunks have odd sizes now
 * and then, which leaves most headers unaligned for an Int32Array. ≈ 90 ns a block against
 * ≈ 330 ns byte by byte (Chromium 156, Node 20).
 */
function blockSum(b: Uint8Array, off: number, view: DataView | null): number {
  if (view !== null) {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let k = off; k < off + BLOCK; k += 8) {
      const x = view.getInt32(k, true);
      const y = view.getInt32(k + 4, true);
      a0 += x & 0x00ff00ff;
      a1 += (x >>> 8) & 0x00ff00ff;
      a2 += y & 0x00ff00ff;
      a3 += (y >>> 8) & 0x00ff00ff;
    }
    return (a0 & 0xffff) + (a0 >>> 16) + (a1 & 0xffff) + (a1 >>> 16) + (a2 & 0xffff) + (a2 >>> 16) + (a3 & 0xffff) + (a3 >>> 16);
  }
  let u = 0;
  for (let i = off; i < off + BLOCK; i++) u += b[i];
  return u;
}

/**
 * Verifies the header checksum: the sum of all 512 bytes with the checksum field counted as
 * spaces. Historic tars summed signed chars, so either sum is accepted (as GNU tar and Go do);
 * the signed sum is only computed when the unsigned one does not match.
 * An all-zero block is reported as 'zero' (end-of-archive marker).
 */
export function verifyChecksum(b: Uint8Array, off: number, view: DataView | null = null): ChecksumResult {
  const u = blockSum(b, off, view);
  if (u === 0) return 'zero';
  let field = 0;
  for (let i = off + 148; i < off + 156; i++) field += b[i];
  const unsigned = u - field + 8 * 0x20;
  const stored = readNumber(b, off + 148, 8);
  if (stored === unsigned) return 'ok';
  // Signed chars: every byte ≥ 0x80 outside the checksum field counts 256 less.
  let high = 0;
  for (let i = off; i < off + BLOCK; i++) if (b[i] & 0x80 && (i < off + 148 || i >= off + 156)) high++;
  return stored === unsigned - 256 * high ? 'ok' : 'bad';
}

function isPosixUstar(b: Uint8Array, off: number): boolean {
  // "ustar\0" (POSIX). GNU's "ustar  \0" uses the prefix area for other fields.
  const m = off + 257;
  return b[m] === 0x75 && b[m + 1] === 0x73 && b[m + 2] === 0x74 && b[m + 3] === 0x61 && b[m + 4] === 0x72 && b[m + 5] === 0;
}

/**
 * Reads headers one after another, reusing its result objects: each read() overwrites the
 * RawHeader and RawPath of the previous one. The TarParser owns one; parseHeader() is the
 * one-off form.
 */
export class HeaderReader {
  readonly header: RawHeader = { name: '', mode: 0, uid: 0, gid: 0, size: 0, mtime: 0, typeflag: 0, linkname: '' };
  private readonly paths = new PathReader();

  /** The last header's path bytes, or null when they are not ASCII (then only `name` holds the path). */
  get rawPath(): RawPath | null {
    return this.paths.raw;
  }

  /**
   * Parses the header at b[off..off+512). Returns null for a zero block. Throws TarFormatError
   * (at `streamOffset`) on a bad checksum or an unreadable size field. `view`: a DataView over
   * exactly b (viewOf), for the checksum; null is slower, not wrong.
   */
  read(b: Uint8Array, off: number, streamOffset: number, view: DataView | null = null): RawHeader | null {
    const sum = verifyChecksum(b, off, view);
    if (sum === 'zero') return null;
    if (sum === 'bad') throw new TarFormatError(streamOffset, 'bad tar header checksum');
    const size = readNumber(b, off + 124, 12);
    // Beyond 2^53 a size cannot even be counted exactly (GNU base-256 fields reach 2^95).
    if (Number.isNaN(size) || size < 0 || !Number.isSafeInteger(size)) throw new TarFormatError(streamOffset, 'bad size field in tar header');
    const h = this.header;
    // The ustar prefix field counts only under the POSIX magic.
    h.name = this.paths.read(b, off, isPosixUstar(b, off) && b[off + 345] !== 0);
    const mode = readNumber(b, off + 100, 8);
    const uid = readNumber(b, off + 108, 8);
    const gid = readNumber(b, off + 116, 8);
    const mtime = readNumber(b, off + 136, 12);
    // Unreadable non-size fields do not stop a listing (GNU tar warns and goes on).
    h.mode = Number.isNaN(mode) ? 0 : mode;
    h.uid = Number.isNaN(uid) ? 0 : uid;
    h.gid = Number.isNaN(gid) ? 0 : gid;
    h.size = size;
    h.mtime = Number.isNaN(mtime) ? 0 : mtime;
    h.typeflag = b[off + 156];
    h.linkname = b[off + 157] === 0 ? '' : readString(b, off + 157, 100);
    return h;
  }

  /** Forgets the last path, so that nobody reads it after the reader moved on. */
  release(): void {
    this.paths.raw = null;
  }
}

/** A DataView over exactly b, for HeaderReader.read's checksum. */
export function viewOf(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/**
 * Parses the header at b[off..off+512) into a fresh object. Returns null for a zero block.
 * Throws TarFormatError (at `streamOffset`) on a bad checksum or an unreadable size field.
 */
export function parseHeader(b: Uint8Array, off: number, streamOffset: number): RawHeader | null {
  const h = new HeaderReader().read(b, off, streamOffset);
  return h && { ...h };
}
