// PAX extended headers (POSIX.1-2001 pax, "pax Extended Header"): records "%d %s=%s\n" where the
// length counts the whole record in bytes, values are UTF-8. 'x' headers apply to the next entry,
// 'g' headers to every later entry; a record with an empty value removes a global one.

import { TarFormatError } from './errors.ts';

/** The keys the reader uses; others (atime, uname, SCHILY.*, ...) are ignored. */
export interface PaxOverrides {
  path?: string;
  linkpath?: string;
  size?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
}

const utf8 = new TextDecoder('utf-8');

/**
 * Parses the payload of a PAX header into `into` (so a local header can start from a copy of the
 * globals). `offset` is the payload's position in the tar stream, for error messages.
 */
export function parsePaxRecords(b: Uint8Array, offset: number, into: PaxOverrides = {}): PaxOverrides {
  let i = 0;
  const n = b.length;
  while (i < n) {
    // Trailing NULs pad the payload in some writers.
    if (b[i] === 0) break;
    const start = i;
    let len = 0;
    while (i < n && b[i] >= 0x30 && b[i] <= 0x39) len = len * 10 + (b[i++] - 0x30);
    if (i === start || b[i] !== 0x20 || len <= i - start + 1 || start + len > n || b[start + len - 1] !== 0x0a) {
      throw new TarFormatError(offset + start, 'bad PAX record');
    }
    const recEnd = start + len - 1; // index of the '\n'
    let eq = ++i;
    while (eq < recEnd && b[eq] !== 0x3d) eq++;
    if (eq === recEnd) throw new TarFormatError(offset + start, 'bad PAX record (no "=")');
    const key = utf8.decode(b.subarray(i, eq));
    const value = utf8.decode(b.subarray(eq + 1, recEnd));
    apply(into, key, value, offset + start);
    i = start + len;
  }
  return into;
}

function apply(o: PaxOverrides, key: string, value: string, at: number): void {
  switch (key) {
    case 'path':
    case 'linkpath':
      // Go's archive/tar (what docker uses) refuses these too: a NUL cannot be in a file name.
      if (value.includes('\0')) throw new TarFormatError(at, `PAX ${key} holds a NUL byte`);
  }
  switch (key) {
    case 'path':
      if (value === '') delete o.path;
      else o.path = value;
      return;
    case 'linkpath':
      if (value === '') delete o.linkpath;
      else o.linkpath = value;
      return;
    case 'size':
    case 'uid':
    case 'gid': {
      if (value === '') {
        delete o[key];
        return;
      }
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new TarFormatError(at, `bad PAX ${key} "${value.slice(0, 40)}"`);
      o[key] = Number(value);
      return;
    }
    case 'mtime': {
      if (value === '') {
        delete o.mtime;
        return;
      }
      const t = Number(value);
      if (!/^-?\d+(\.\d*)?$/.test(value) || !Number.isFinite(t)) throw new TarFormatError(at, `bad PAX mtime "${value}"`);
      o.mtime = t;
      return;
    }
  }
}
