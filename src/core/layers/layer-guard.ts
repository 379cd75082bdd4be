// Checks a tar against the Limits while it is read, so hostile input stops early with a message
// that names the limit: too many entries, entries that declare more bytes than allowed, paths
// too long or too deep, a stream that decompresses too far or too steeply (a bomb).
// Used for layer tars (scan.ts) and for the outer archive's own tar (read-archive.ts).

import { formatBytes } from '../text/units.ts';
import { formatLimit, LimitError, type Limits } from '../limits.ts';
import type { TarEntry } from '../tar/entry.ts';
import type { LayerScan } from './accumulate.ts';

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    // A surrogate pair is 2 units and 4 bytes: one extra byte per unit.
    n += c < 0x800 ? 1 : c >= 0xd800 && c <= 0xdfff ? 1 : 2;
  }
  return n;
}

function depthOf(path: string): number {
  let d = 0;
  let inSeg = false;
  for (let i = 0; i < path.length; i++) {
    if (path.charCodeAt(i) === 0x2f) inSeg = false;
    else if (!inSeg) {
      inSeg = true;
      d++;
    }
  }
  return d;
}

/** True when ".." segments take the path above its root ("../etc", "a/../../b"). */
export function climbsAboveRoot(path: string): boolean {
  let depth = 0;
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg !== '..') depth++;
    else if (--depth < 0) return true;
  }
  return false;
}

function quote(s: string): string {
  const shown = s.length > 60 ? `${s.slice(0, 40)}…${s.slice(-16)}` : s;
  return JSON.stringify(shown);
}

export class EntryGuard {
  private count = 0;
  private declared = 0;
  private climbing = 0;
  private climbExample = '';
  private readonly extra: string[] = [];
  private readonly cheapPath: number;
  private readonly cheapDepth: number;

  constructor(
    private readonly limits: Limits,
    private readonly file: string,
    private readonly entry: string | null,
    /** what is being read, for messages: "this layer", "the archive's tar" */
    private readonly what = 'this layer',
    /**
     * Hold the entries' declared sizes to maxDecompressedBytes: for decompressed streams, where a
     * header can announce a bomb before a byte of it is decoded. An uncompressed tar's sizes are
     * bounded by the file itself (a lie is caught as truncation).
     */
    private readonly checkDeclared = true,
  ) {
    // Strings this short cannot be over the byte or depth limit: skip the work for them.
    this.cheapPath = Math.floor(limits.maxPathBytes / 3);
    this.cheapDepth = 2 * limits.maxPathDepth - 1;
  }

  /** Entries seen so far. */
  get entries(): number {
    return this.count;
  }

  check(e: TarEntry): void {
    const L = this.limits;
    if (++this.count > L.maxEntries) {
      throw new LimitError(this.file, this.entry, `${this.what} holds more than ${L.maxEntries.toLocaleString('en-US')} tar entries`, 'maxEntries', L.maxEntries);
    }
    this.declared += e.size;
    if (this.checkDeclared && this.declared > L.maxDecompressedBytes) {
      throw new LimitError(
        this.file,
        this.entry,
        `the entries of ${this.what} declare more than ${formatLimit('maxDecompressedBytes', L.maxDecompressedBytes)} of content (entry ${quote(e.path)} says ${e.size.toLocaleString('en-US')} bytes)`,
        'maxDecompressedBytes',
        L.maxDecompressedBytes,
      );
    }
    this.path(e.path, 'path');
    if (e.linkname) this.path(e.linkname, 'link target');
    const named = e.type === 'hardlink' ? e.linkname : '';
    if ((e.path.includes('..') && climbsAboveRoot(e.path)) || (named.includes('..') && climbsAboveRoot(named))) {
      if (this.climbing++ === 0) this.climbExample = e.path;
    }
  }

  /** Adds a warning about this tar (see notes()). */
  note(text: string): void {
    this.extra.push(text);
  }

  /** What was odd but readable, as warnings for the layer (LayerStats.warnings). */
  notes(): string[] {
    const n = this.climbing;
    if (n === 0) return this.extra;
    return [
      `${n.toLocaleString('en-US')} ${n === 1 ? 'entry climbs' : 'entries climb'} above the root with ".." (first: ${quote(this.climbExample)}); ` +
        'read as if rooted at "/", but docker refuses to extract such a layer',
      ...this.extra,
    ];
  }

  private path(p: string, what: string): void {
    const L = this.limits;
    if (p.length > this.cheapPath) {
      const bytes = utf8Length(p);
      if (bytes > L.maxPathBytes) {
        throw new LimitError(this.file, this.entry, `${this.what} has an entry whose ${what} is ${bytes.toLocaleString('en-US')} bytes long (${quote(p)})`, 'maxPathBytes', L.maxPathBytes);
      }
    }
    if (p.length >= this.cheapDepth) {
      const d = depthOf(p);
      if (d > L.maxPathDepth) {
        throw new LimitError(this.file, this.entry, `${this.what} has an entry whose ${what} is ${d.toLocaleString('en-US')} levels deep (${quote(p)})`, 'maxPathDepth', L.maxPathDepth);
      }
    }
  }
}

/** Watches a decompressed stream: total bytes, and the expansion ratio once past the floor. */
export class StreamGuard {
  constructor(
    private readonly limits: Limits,
    private readonly file: string,
    private readonly entry: string | null,
    private readonly what = 'this layer',
  ) {}

  check(decompressed: number, compressed: number): void {
    const L = this.limits;
    if (decompressed > L.maxDecompressedBytes) {
      throw new LimitError(this.file, this.entry, `${this.what} decompresses to more than ${formatLimit('maxDecompressedBytes', L.maxDecompressedBytes)}`, 'maxDecompressedBytes', L.maxDecompressedBytes);
    }
    if (decompressed > L.ratioFloorBytes && decompressed > L.maxRatio * Math.max(1, compressed)) {
      throw new LimitError(
        this.file,
        this.entry,
        `${this.what} expands more than ${L.maxRatio}× (${formatBytes(decompressed)} of tar from ${formatBytes(compressed)} read so far): ` +
          'it looks like a decompression bomb',
        'maxRatio',
        L.maxRatio,
      );
    }
  }
}

/** The scan with the guard's notes as its warnings. */
export function withNotes(scan: LayerScan, guard: EntryGuard): LayerScan {
  const notes = guard.notes();
  if (notes.length) scan.stats.warnings = [...(scan.stats.warnings ?? []), ...notes];
  return scan;
}
