// Test helper: writes tar archives in memory, in the dialects real tools produce (POSIX ustar,
// GNU long names/links and base-256 numbers, PAX local and global headers, v7), plus gzip via
// CompressionStream. For tests only; core code never imports it.

import { concatBytes } from '../../bytes/concat.ts';

export type SpecType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'contiguous';

export interface EntrySpec {
  path: string;
  type?: SpecType;
  /** payload; when absent, `size` patterned bytes (never zeros, so a mis-skip cannot look like an end block) */
  data?: Uint8Array | string;
  size?: number;
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
  linkname?: string;
  /** extra PAX records for this entry, written in an 'x' header before it */
  pax?: Record<string, string>;
  /** write numeric fields (size, uid, gid, mtime) in GNU base-256 */
  base256?: boolean;
  /** value written in the header's size field (default: the payload length), e.g. 0 with a PAX size */
  headerSize?: number;
  /** raw typeflag character, overriding `type` (e.g. 'S', 'V') */
  typeflag?: string;
}

/** A PAX global header ('g') at this point of the archive. */
export interface GlobalSpec {
  global: Record<string, string>;
}

export interface WriteTarOptions {
  /** how names/links over 100 bytes are stored: GNU 'L'/'K' headers, PAX records, or the ustar prefix */
  longNames?: 'gnu' | 'pax' | 'ustar';
  /** header magic: POSIX "ustar\0" + "00", GNU "ustar  \0", or none (v7) */
  magic?: 'posix' | 'gnu' | 'v7';
  /** zero blocks at the end (default 2) */
  endBlocks?: number;
  /** extra zero bytes after the end blocks (record padding, like GNU tar's 10240-byte records) */
  trailing?: number;
  /** compute checksums over signed bytes, as some historic tars did */
  signedChecksum?: boolean;
}

const enc = new TextEncoder();
const TYPEFLAG: Record<SpecType, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
  contiguous: '7',
};

export function pattern(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = ((i * 31 + seed * 17) % 251) + 1;
  return out;
}

function putString(h: Uint8Array, off: number, len: number, s: string | Uint8Array): void {
  const b = typeof s === 'string' ? enc.encode(s) : s;
  if (b.length > len) throw new Error(`write-tar: "${s}" does not fit ${len} bytes`);
  h.set(b, off);
}

function putNumber(h: Uint8Array, off: number, len: number, v: number, base256: boolean): void {
  const max = 8 ** (len - 1) - 1;
  if (!base256 && v >= 0 && v <= max) {
    putString(h, off, len - 1, v.toString(8).padStart(len - 1, '0'));
    h[off + len - 1] = 0;
    return;
  }
  // GNU base-256: big-endian two's complement, high bit of the first byte set.
  let x = BigInt(v);
  if (x < 0n) x = (1n << BigInt(8 * len)) + x;
  for (let i = len - 1; i >= 0; i--) {
    h[off + i] = Number(x & 0xffn);
    x >>= 8n;
  }
  h[off] |= 0x80;
}

function paxRecord(key: string, value: string): Uint8Array {
  const body = enc.encode(` ${key}=${value}\n`);
  let n = body.length + 1;
  while (String(n).length + body.length !== n) n++;
  return enc.encode(`${n} ${key}=${value}\n`);
}


interface RawHeaderSpec {
  name: string;
  typeflag: string;
  size: number;
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
  linkname?: string;
  prefix?: string;
  base256?: boolean;
}

function header(spec: RawHeaderSpec, o: WriteTarOptions): Uint8Array {
  const h = new Uint8Array(512);
  const b256 = spec.base256 ?? false;
  putString(h, 0, 100, spec.name);
  putNumber(h, 100, 8, spec.mode ?? 0o644, false);
  putNumber(h, 108, 8, spec.uid ?? 0, b256);
  putNumber(h, 116, 8, spec.gid ?? 0, b256);
  putNumber(h, 124, 12, spec.size, b256);
  putNumber(h, 136, 12, spec.mtime ?? 1_700_000_000, b256);
  h[156] = spec.typeflag.charCodeAt(0);
  putString(h, 157, 100, spec.linkname ?? '');
  const magic = o.magic ?? 'posix';
  if (magic === 'posix') {
    putString(h, 257, 6, 'ustar\0');
    putString(h, 263, 2, '00');
  } else if (magic === 'gnu') putString(h, 257, 8, 'ustar  \0');
  if (magic !== 'v7') {
    putString(h, 265, 32, 'root');
    putString(h, 297, 32, 'root');
  }
  if (spec.prefix) putString(h, 345, 155, spec.prefix);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += o.signedChecksum && h[i] > 127 ? h[i] - 256 : h[i];
  putString(h, 148, 6, (sum >>> 0).toString(8).padStart(6, '0'));
  h[154] = 0;
  h[155] = 0x20;
  return h;
}

function padded(b: Uint8Array): Uint8Array {
  const pad = (512 - (b.length % 512)) % 512;
  return pad ? concatBytes([b, new Uint8Array(pad)]) : b;
}

function splitUstar(path: string): { prefix: string; name: string } | null {
  const b = enc.encode(path);
  if (b.length <= 100) return { prefix: '', name: path };
  for (let i = path.length - 1; i > 0; i--) {
    if (path[i] !== '/') continue;
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (enc.encode(prefix).length <= 155 && enc.encode(name).length <= 100 && name.length > 0) return { prefix, name };
  }
  return null;
}

/** Writes a whole archive. */
export function writeTar(entries: (EntrySpec | GlobalSpec)[], o: WriteTarOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const long = o.longNames ?? 'pax';
  for (const item of entries) {
    if ('global' in item) {
      const body = concatBytes(Object.entries(item.global).map(([k, v]) => paxRecord(k, v)));
      parts.push(header({ name: 'pax_global_header', typeflag: 'g', size: body.length }, o), padded(body));
      continue;
    }
    const e = item;
    const type = e.type ?? 'file';
    const data = e.data === undefined ? pattern(e.size ?? 0, parts.length) : typeof e.data === 'string' ? enc.encode(e.data) : e.data;
    const hasPayload = type === 'file' || type === 'contiguous' || e.typeflag !== undefined;
    const payload = hasPayload ? data : new Uint8Array(0);
    const pax: Record<string, string> = { ...(e.pax ?? {}) };
    let name = e.path;
    let prefix = '';
    let linkname = e.linkname ?? '';
    const nameLen = enc.encode(name).length;
    if (nameLen > 100) {
      if (long === 'gnu') {
        const body = concatBytes([enc.encode(name), new Uint8Array(1)]);
        parts.push(header({ name: '././@LongLink', typeflag: 'L', size: body.length }, o), padded(body));
        name = name.slice(0, 100);
        while (enc.encode(name).length > 100) name = name.slice(0, -1);
      } else if (long === 'ustar') {
        const s = splitUstar(name);
        if (!s) throw new Error(`write-tar: ${name} cannot be split into ustar prefix/name`);
        prefix = s.prefix;
        name = s.name;
      } else {
        pax.path ??= name;
        name = `PaxTrunc/${name.slice(-80)}`;
        while (enc.encode(name).length > 100) name = name.slice(1);
      }
    }
    if (enc.encode(linkname).length > 100) {
      if (long === 'gnu') {
        const body = concatBytes([enc.encode(linkname), new Uint8Array(1)]);
        parts.push(header({ name: '././@LongLink', typeflag: 'K', size: body.length }, o), padded(body));
      } else pax.linkpath ??= linkname;
      linkname = linkname.slice(0, 100);
      while (enc.encode(linkname).length > 100) linkname = linkname.slice(0, -1);
    }
    if (Object.keys(pax).length > 0) {
      const body = concatBytes(Object.entries(pax).map(([k, v]) => paxRecord(k, v)));
      parts.push(header({ name: `PaxHeaders/${name.slice(-80)}`, typeflag: 'x', size: body.length }, o), padded(body));
    }
    parts.push(
      header(
        {
          name,
          prefix,
          typeflag: e.typeflag ?? TYPEFLAG[type],
          size: e.headerSize ?? payload.length,
          mode: e.mode ?? (type === 'dir' ? 0o755 : 0o644),
          uid: e.uid,
          gid: e.gid,
          mtime: e.mtime,
          linkname,
          base256: e.base256,
        },
        o,
      ),
    );
    if (payload.length) parts.push(padded(payload));
  }
  parts.push(new Uint8Array(512 * (o.endBlocks ?? 2) + (o.trailing ?? 0)));
  return concatBytes(parts);
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const r = stream.getReader();
  for (;;) {
    const { done, value } = await r.read();
    if (done) return concatBytes(parts);
    parts.push(value);
  }
}

/** gzip via CompressionStream; `members` > 1 splits the input into that many gzip members back to back. */
export async function gzip(bytes: Uint8Array, members = 1): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  const step = Math.ceil(bytes.length / members);
  for (let i = 0; i < members; i++) {
    const part = bytes.subarray(i * step, Math.min(bytes.length, (i + 1) * step));
    const cs = new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;
    out.push(await drain(new Blob([part as BlobPart]).stream().pipeThrough(cs)));
  }
  return concatBytes(out);
}

/** A stream of `bytes` in chunks of the given sizes (cycled), for chunking tests. */
export function chunked(bytes: Uint8Array, sizes: number[]): ReadableStream<Uint8Array> {
  let pos = 0;
  let k = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (pos >= bytes.length) return c.close();
      const n = Math.max(1, sizes[k++ % sizes.length]);
      c.enqueue(bytes.slice(pos, pos + n));
      pos += n;
    },
  });
}

export { drain as readAll };
