// A push-based tar reader: feed it chunks from anywhere (a decompressor, windowed random reads,
// another tar's payload) and it reports entries as their headers complete. Payload bytes go to a
// sink when the caller wants them; otherwise the caller may jump over them without reading
// (skippable()/skip()), which is what makes windowed reads of big archives fast
// (DESIGN.md "Measured here": never one read per header).
//
// Formats: POSIX ustar and pax (global and per-file extended headers), GNU long names/links
// ('L'/'K' headers), v7. The end of the archive is the first zero block (GNU tar stops there
// too, warning about a lone zero block); bytes after it are counted but not parsed.

import { BLOCK, HeaderReader, readString, viewOf, type RawHeader } from './header.ts';
import { parsePaxRecords, type PaxOverrides } from './pax.ts';
import { TarFormatError } from './errors.ts';
import type { PayloadSink, TarEntry, TarEntryType } from './entry.ts';

export type { PayloadSink, TarEntry, TarEntryType } from './entry.ts';

export interface TarParserOptions {
  /** Called per real entry (never for PAX/GNU meta headers); return a sink to receive its bytes. */
  onEntry?: (entry: TarEntry) => PayloadSink | null | void;
  /** Largest PAX / GNU long-name payload accepted (Go's archive/tar uses 1 MiB too). */
  maxMetaSize?: number;
}

const enum St {
  Header,
  Payload,
  Meta,
  Padding,
  End,
}

const T_PAX = 0x78; // 'x'
const T_GLOBAL = 0x67; // 'g'
const T_LONGNAME = 0x4c; // 'L'
const T_LONGLINK = 0x4b; // 'K'

function isPromise(v: unknown): v is Promise<void> {
  return typeof v === 'object' && v !== null && typeof (v as Promise<void>).then === 'function';
}

function padOf(size: number): number {
  const r = size % BLOCK;
  return r === 0 ? 0 : BLOCK - r;
}

export function entryType(typeflag: number, name: string): TarEntryType {
  switch (typeflag) {
    case 0:
      // v7 archives mark directories only by a trailing slash (Go archive/tar does the same).
      return name.endsWith('/') ? 'dir' : 'file';
    case 0x30:
    case 0x37:
      return 'file';
    case 0x31:
      return 'hardlink';
    case 0x32:
      return 'symlink';
    case 0x33:
      return 'char';
    case 0x34:
      return 'block';
    case 0x35:
      return 'dir';
    case 0x36:
      return 'fifo';
    default:
      return 'other';
  }
}

/** Types whose size field does not announce payload bytes (Go archive/tar isHeaderOnlyType). */
function headerOnly(t: TarEntryType): boolean {
  return t !== 'file' && t !== 'other';
}

export class TarParser {
  /** real entries seen (meta headers excluded) */
  entryCount = 0;
  private pos = 0;
  private st: St = St.Header;
  private readonly hdr = new Uint8Array(BLOCK);
  private hdrFill = 0;
  /** bytes left in the current Payload / Meta / Padding state */
  private remain = 0;
  private padAfter = 0;
  private sink: PayloadSink | null = null;
  private current: TarEntry | null = null;
  private metaType = 0;
  private metaBuf = new Uint8Array(0);
  private metaSize = 0;
  private metaFill = 0;
  private metaOffset = 0;
  private globals: PaxOverrides = {};
  private local: PaxOverrides | null = null;
  private longName: string | null = null;
  private longLink: string | null = null;
  private busy = false;
  private endAt: number | null = null;
  private readonly onEntry: TarParserOptions['onEntry'];
  private readonly maxMeta: number;
  private readonly headers = new HeaderReader();
  /** DataViews for the checksum: over the chunk being pushed, and over `hdr`. */
  private view: DataView | null = null;
  private readonly hdrView = viewOf(this.hdr);

  constructor(opts: TarParserOptions = {}) {
    this.onEntry = opts.onEntry;
    this.maxMeta = opts.maxMetaSize ?? 1 << 20;
  }

  /** Bytes consumed so far (pushed or skipped): the stream offset of the next byte. */
  get position(): number {
    return this.pos;
  }

  /** True once the end-of-archive zero block was read; later bytes are only counted. */
  get done(): boolean {
    return this.st === St.End;
  }

  /** Stream offset of the end-of-archive zero block, once read; null before (or when there is none). */
  get endOffset(): number | null {
    return this.endAt;
  }

  /**
   * Feeds the next bytes. Returns a promise only when a sink asked to wait; the caller must await
   * it before pushing again. The chunk is not copied: do not modify it until the push settles.
   */
  push(chunk: Uint8Array): void | Promise<void> {
    if (this.busy) throw new Error('TarParser.push called before the previous push settled');
    this.busy = true;
    let r: void | Promise<void>;
    try {
      this.view = viewOf(chunk);
      r = this.run(chunk, 0);
    } catch (e) {
      this.busy = false;
      this.view = null;
      throw e;
    }
    if (!isPromise(r)) {
      this.busy = false;
      this.view = null;
      return;
    }
    return r.finally(() => {
      this.busy = false;
      this.view = null;
    });
  }

  /** Payload and padding bytes the parser would discard next (0 when it needs bytes, or a sink does). */
  skippable(): number {
    if (this.st === St.Payload && this.sink === null) return this.remain + this.padAfter;
    if (this.st === St.Padding) return this.remain;
    return 0;
  }

  /** Jumps over n ≤ skippable() bytes without reading them. */
  skip(n: number): void {
    if (n < 0 || n > this.skippable()) throw new RangeError(`TarParser.skip(${n}) past skippable() = ${this.skippable()}`);
    if (n === 0) return;
    this.pos += n;
    if (this.st === St.Payload) {
      if (n < this.remain) {
        this.remain -= n;
        return;
      }
      n -= this.remain;
      this.st = St.Padding;
      this.remain = this.padAfter;
    }
    this.remain -= n;
    if (this.remain === 0) this.st = St.Header;
  }

  /**
   * Declares the end of input. Fine at a block boundary between entries or after the end marker
   * (many writers omit the two zero blocks); throws TarFormatError when the input stopped inside
   * a header, a payload or its padding.
   */
  end(): void {
    this.headers.release();
    let problem: string | null = null;
    switch (this.st) {
      case St.End:
        return;
      case St.Header:
        if (this.hdrFill === 0) return;
        problem = 'truncated: ended inside a tar header';
        break;
      case St.Meta:
        problem = 'truncated: ended inside a PAX or GNU long-name header';
        break;
      case St.Payload:
      case St.Padding:
        problem = `truncated: ended inside entry ${this.current?.path ?? '?'}`;
        break;
    }
    const err = new TarFormatError(this.pos, problem);
    const sink = this.sink;
    this.sink = null;
    sink?.fail?.(err);
    throw err;
  }

  private run(chunk: Uint8Array, i: number): void | Promise<void> {
    const n = chunk.length;
    while (i < n) {
      switch (this.st) {
        case St.Header: {
          let r: void | Promise<void>;
          if (this.hdrFill === 0 && n - i >= BLOCK) {
            r = this.header(chunk, i);
            i += BLOCK;
          } else {
            const take = Math.min(BLOCK - this.hdrFill, n - i);
            this.hdr.set(chunk.subarray(i, i + take), this.hdrFill);
            this.hdrFill += take;
            i += take;
            if (this.hdrFill < BLOCK) {
              this.pos += take;
              continue;
            }
            this.pos += take - BLOCK; // header() counts the whole block
            this.hdrFill = 0;
            r = this.header(this.hdr, 0);
          }
          if (isPromise(r)) return r.then(() => this.run(chunk, i));
          break;
        }
        case St.Payload: {
          const take = Math.min(this.remain, n - i);
          this.remain -= take;
          this.pos += take;
          const sink = this.sink;
          let r: void | Promise<void> = undefined;
          if (sink !== null) r = sink.data(chunk.subarray(i, i + take));
          i += take;
          if (this.remain === 0) {
            this.st = this.padAfter > 0 ? St.Padding : St.Header;
            this.remain = this.padAfter;
            this.sink = null;
            if (sink !== null) {
              if (isPromise(r)) return r.then(() => sink.end()).then(() => this.run(chunk, i));
              r = sink.end();
            }
          }
          if (isPromise(r)) return r.then(() => this.run(chunk, i));
          break;
        }
        case St.Meta: {
          const take = Math.min(this.remain, n - i);
          this.metaBuf.set(chunk.subarray(i, i + take), this.metaFill);
          this.metaFill += take;
          this.remain -= take;
          this.pos += take;
          i += take;
          if (this.remain === 0) this.finishMeta();
          break;
        }
        case St.Padding: {
          const take = Math.min(this.remain, n - i);
          this.remain -= take;
          this.pos += take;
          i += take;
          if (this.remain === 0) this.st = St.Header;
          break;
        }
        case St.End:
          this.pos += n - i;
          return;
      }
    }
  }

  /** Handles one complete header block at b[off..off+512); advances pos past it. */
  private header(b: Uint8Array, off: number): void | Promise<void> {
    const at = this.pos;
    const h = this.headers.read(b, off, at, b === this.hdr ? this.hdrView : this.view);
    this.pos += BLOCK;
    if (h === null) {
      this.st = St.End;
      this.endAt = at;
      this.headers.release();
      return;
    }
    const t = h.typeflag;
    if (t === T_PAX || t === T_GLOBAL || t === T_LONGNAME || t === T_LONGLINK) return this.startMeta(h, at);
    return this.entry(h, at);
  }

  private startMeta(h: RawHeader, at: number): void {
    if (h.size > this.maxMeta) {
      throw new TarFormatError(at, `${String.fromCharCode(h.typeflag)} header of ${h.size} bytes is larger than ${this.maxMeta}`);
    }
    this.metaType = h.typeflag;
    this.metaSize = h.size;
    this.metaFill = 0;
    this.metaOffset = this.pos;
    if (this.metaBuf.length < h.size) this.metaBuf = new Uint8Array(Math.max(h.size, 4096));
    this.remain = h.size;
    this.padAfter = padOf(h.size);
    this.st = St.Meta;
    if (h.size === 0) this.finishMeta();
  }

  private finishMeta(): void {
    const body = this.metaBuf.subarray(0, this.metaSize);
    switch (this.metaType) {
      case T_PAX:
        this.local = parsePaxRecords(body, this.metaOffset, { ...this.globals, ...(this.local ?? {}) });
        break;
      case T_GLOBAL:
        parsePaxRecords(body, this.metaOffset, this.globals);
        break;
      case T_LONGNAME:
        this.longName = readString(body, 0, body.length);
        break;
      case T_LONGLINK:
        this.longLink = readString(body, 0, body.length);
        break;
    }
    this.st = this.padAfter > 0 ? St.Padding : St.Header;
    this.remain = this.padAfter;
  }

  private entry(h: RawHeader, at: number): void | Promise<void> {
    const pax = this.local ?? this.globals;
    const override = pax.path ?? this.longName;
    const path = override ?? h.name;
    const type = entryType(h.typeflag, path);
    const size = headerOnly(type) ? 0 : (pax.size ?? h.size);
    const e: TarEntry = {
      path,
      type,
      size,
      mode: h.mode,
      uid: pax.uid ?? h.uid,
      gid: pax.gid ?? h.gid,
      mtime: pax.mtime ?? h.mtime,
      linkname: pax.linkpath ?? this.longLink ?? h.linkname,
      headerOffset: at,
      dataOffset: this.pos,
      rawPath: override === null || override === undefined ? (this.headers.rawPath ?? undefined) : undefined,
    };
    this.local = null;
    this.longName = null;
    this.longLink = null;
    this.entryCount++;
    this.current = e;
    const sink = this.onEntry?.(e) ?? null;
    // The raw bytes are the reader's and change with the next header: nobody may keep them.
    e.rawPath = undefined;
    if (size > 0) {
      this.st = St.Payload;
      this.remain = size;
      this.padAfter = padOf(size);
      this.sink = sink;
      return;
    }
    this.st = St.Header;
    if (sink !== null) return sink.end();
  }
}
