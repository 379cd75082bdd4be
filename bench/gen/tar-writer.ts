// A streaming tar writer for the bench's generated layers: ustar headers (name split into
// prefix/name), PAX 'x' headers for longer paths and link names (POSIX.1-2001 pax format), and
// payloads generated straight into the output buffer, so a 250 MB layer never sits in memory.
// It hashes what it writes, for the layer's diff_id.

import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';

export type TarType = 'file' | 'dir' | 'symlink' | 'hardlink';

export interface TarHeader {
  /** relative, no leading "./"; directories without the trailing slash (it is added) */
  path: string;
  type: TarType;
  size?: number;
  mode: number;
  uid?: number;
  gid?: number;
  mtime: number;
  linkname?: string;
}

const TYPEFLAG: Record<TarType, number> = { file: 0x30, hardlink: 0x31, symlink: 0x32, dir: 0x35 };
const BUF_SIZE = 4 << 20;
const enc = new TextEncoder();

export class TarFileWriter {
  private readonly fd: number;
  private readonly buf = new Uint8Array(BUF_SIZE);
  private used = 0;
  private written = 0;
  private readonly hash: Hash = createHash('sha256');

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Writes one entry; `fill` writes its payload (size bytes, possibly in several calls). */
  entry(h: TarHeader, fill?: (out: Uint8Array) => void): void {
    const size = h.type === 'file' ? (h.size ?? 0) : 0;
    const name = h.type === 'dir' ? `${h.path}/` : h.path;
    const link = h.linkname ?? '';
    const split = splitName(name);
    const linkFits = enc.encode(link).length <= 100;
    if (!split || !linkFits) {
      let records = '';
      if (!split) records += paxRecord('path', name);
      if (!linkFits) records += paxRecord('linkpath', link);
      const body = enc.encode(records);
      this.header({ name: `PaxHeaders/${name.slice(-80)}`, prefix: '' }, 0x78, body.length, h, '');
      this.payload(body.length, (out) => out.set(body));
    }
    this.header(split ?? { name: name.slice(-100), prefix: '' }, TYPEFLAG[h.type], size, h, linkFits ? link : '');
    if (size > 0) {
      if (!fill) throw new Error(`${h.path}: a file of ${size} bytes needs a payload`);
      this.payload(size, fill);
    }
  }

  /** Writes a regular file whose payload is the content of the file at `srcPath`. */
  fileFrom(h: Omit<TarHeader, 'type' | 'size'>, srcPath: string, size: number): void {
    const fd = openSync(srcPath, 'r');
    try {
      this.entry({ ...h, type: 'file', size }, (out) => {
        let got = 0;
        while (got < out.length) {
          const n = readSync(fd, out, got, out.length - got, null);
          if (n === 0) throw new Error(`${srcPath}: shorter than ${size} bytes`);
          got += n;
        }
      });
    } finally {
      closeSync(fd);
    }
  }

  /** Ends the archive (two zero blocks), flushes and closes; returns its size and sha256. */
  finish(): { bytes: number; sha256: string } {
    this.reserve(1024).fill(0);
    this.flush();
    closeSync(this.fd);
    return { bytes: this.written, sha256: this.hash.digest('hex') };
  }

  private header(n: { name: string; prefix: string }, type: number, size: number, h: TarHeader, link: string): void {
    const b = this.reserve(512);
    b.fill(0);
    putString(b, 0, 100, n.name);
    putOctal(b, 100, 8, h.mode & 0o7777);
    putOctal(b, 108, 8, h.uid ?? 0);
    putOctal(b, 116, 8, h.gid ?? 0);
    putOctal(b, 124, 12, size);
    putOctal(b, 136, 12, h.mtime);
    b[156] = type;
    putString(b, 157, 100, link);
    putString(b, 257, 6, 'ustar');
    b[263] = 0x30;
    b[264] = 0x30;
    putString(b, 265, 32, (h.uid ?? 0) === 0 ? 'root' : 'user');
    putString(b, 297, 32, (h.gid ?? 0) === 0 ? 'root' : 'user');
    putString(b, 345, 155, n.prefix);
    // The checksum is computed with its own field as eight spaces.
    b.fill(0x20, 148, 156);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += b[i];
    putString(b, 148, 7, sum.toString(8).padStart(6, '0'));
    b[155] = 0x20;
  }

  private payload(size: number, fill: (out: Uint8Array) => void): void {
    let left = size;
    while (left > 0) {
      const n = Math.min(left, BUF_SIZE);
      fill(this.reserve(n));
      left -= n;
    }
    const pad = (512 - (size % 512)) % 512;
    if (pad) this.reserve(pad).fill(0);
  }

  /** Space for n bytes (n ≤ BUF_SIZE) at the end of the buffer, flushing first if needed. */
  private reserve(n: number): Uint8Array {
    if (this.used + n > BUF_SIZE) this.flush();
    const out = this.buf.subarray(this.used, this.used + n);
    this.used += n;
    return out;
  }

  private flush(): void {
    const data = this.buf.subarray(0, this.used);
    this.hash.update(data);
    let off = 0;
    while (off < data.length) off += writeSync(this.fd, data, off, data.length - off);
    this.written += data.length;
    this.used = 0;
  }
}

/** ustar's split of a path into prefix (≤ 155 bytes) and name (≤ 100 bytes) at a slash, or null. */
function splitName(path: string): { name: string; prefix: string } | null {
  const bytes = enc.encode(path).length;
  if (bytes <= 100) return { name: path, prefix: '' };
  if (bytes > 256 || bytes !== path.length) return null;
  for (let i = path.length - 101; i < path.length; i++) {
    if (i > 0 && path[i] === '/' && i <= 155 && path.length - i - 1 <= 100 && path.length - i - 1 > 0) {
      return { prefix: path.slice(0, i), name: path.slice(i + 1) };
    }
  }
  return null;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyLen = enc.encode(body).length;
  let len = bodyLen + 1;
  while (String(len).length + bodyLen !== len) len++;
  return `${len}${body}`;
}

function putString(b: Uint8Array, at: number, max: number, s: string): void {
  const bytes = enc.encode(s);
  b.set(bytes.subarray(0, max), at);
}

function putOctal(b: Uint8Array, at: number, width: number, v: number): void {
  putString(b, at, width - 1, Math.floor(v).toString(8).padStart(width - 1, '0'));
}
