// One 512-byte tar header: ustar / GNU / v7 fields, read with direct byte access.
// Layouts: POSIX ustar (pax spec, "ustar Interchange Format"), GNU tar manual "Basic Tar Format";
// numeric fields are octal text, or base-256 big-endian when the first byte has its high bit set
// (GNU extension for sizes ≥ 8 GiB, ids ≥ 2^21, negative mtimes).

import { TarFormatError } from './errors.ts';

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
 * Reads a NUL-terminated string field. Names are nearly always ASCII: build those with
 * String.fromCharCode (no decoder call); anything else is decoded as UTF-8.
 */
export function readString(b: Uint8Array, off: number, len: number): string {
  let end = off;
  const max = off + len;
  let ascii = true;
  while (end < max) {
    const c = b[end];
    if (c === 0) break;
    if (c & 0x80) ascii = false;
    end++;
  }
  if (end === off) return '';
  if (!ascii) return utf8.decode(b.subarray(off, end));
  if (end - off <= 64) {
    let s = '';
    for (let i = off; i < end; i++) s += String.fromCharCode(b[i]);
    return s;
  }
  return String.fromCharCode.apply(null, b.subarray(off, end) as unknown as number[]);
}

/**
 * A numeric field: octal digits (leading spaces/NULs skipped, ended by space or NUL), or
 * base-256 two's complement when the high bit of the first byte is set.
 * Returns NaN for a field that is neither (the caller reports where).
 */
export function readNumber(b: Uint8Array, off: number, len: number): number {
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
 * Verifies the header checksum: the sum of all 512 bytes with the checksum field counted as
 * spaces. Historic tars summed signed chars, so either sum is accepted (as GNU tar and Go do).
 * An all-zero block is reported as 'zero' (end-of-archive marker).
 */
export function verifyChecksum(b: Uint8Array, off: number): ChecksumResult {
  let u = 0;
  let hi = 0;
  const end = off + BLOCK;
  for (let i = off; i < end; i++) {
    const c = b[i];
    u += c;
    hi += c >>> 7;
  }
  if (u === 0) return 'zero';
  let fieldU = 0;
  let fieldHi = 0;
  for (let i = off + 148; i < off + 156; i++) {
    fieldU += b[i];
    fieldHi += b[i] >>> 7;
  }
  const unsigned = u - fieldU + 8 * 0x20;
  const signed = unsigned - 256 * (hi - fieldHi);
  const stored = readNumber(b, off + 148, 8);
  return stored === unsigned || stored === signed ? 'ok' : 'bad';
}

function isPosixUstar(b: Uint8Array, off: number): boolean {
  // "ustar\0" (POSIX). GNU's "ustar  \0" uses the prefix area for other fields.
  const m = off + 257;
  return b[m] === 0x75 && b[m + 1] === 0x73 && b[m + 2] === 0x74 && b[m + 3] === 0x61 && b[m + 4] === 0x72 && b[m + 5] === 0;
}

/**
 * Parses the header at b[off..off+512). Returns null for a zero block. Throws TarFormatError
 * (at `streamOffset`) on a bad checksum or an unreadable numeric field.
 */
export function parseHeader(b: Uint8Array, off: number, streamOffset: number): RawHeader | null {
  const sum = verifyChecksum(b, off);
  if (sum === 'zero') return null;
  if (sum === 'bad') throw new TarFormatError(streamOffset, 'bad tar header checksum');
  let name = readString(b, off, 100);
  if (isPosixUstar(b, off) && b[off + 345] !== 0) name = `${readString(b, off + 345, 155)}/${name}`;
  const mode = readNumber(b, off + 100, 8);
  const uid = readNumber(b, off + 108, 8);
  const gid = readNumber(b, off + 116, 8);
  const size = readNumber(b, off + 124, 12);
  const mtime = readNumber(b, off + 136, 12);
  // Beyond 2^53 a size cannot even be counted exactly (GNU base-256 fields reach 2^95).
  if (Number.isNaN(size) || size < 0 || !Number.isSafeInteger(size)) throw new TarFormatError(streamOffset, 'bad size field in tar header');
  return {
    name,
    // Unreadable non-size fields do not stop a listing (GNU tar warns and goes on).
    mode: Number.isNaN(mode) ? 0 : mode,
    uid: Number.isNaN(uid) ? 0 : uid,
    gid: Number.isNaN(gid) ? 0 : gid,
    size,
    mtime: Number.isNaN(mtime) ? 0 : mtime,
    typeflag: b[off + 156],
    linkname: readString(b, off + 157, 100),
  };
}
