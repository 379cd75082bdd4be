// Interned path components ("usr", "lib", "libc.so.6"): each distinct name is stored once as
// UTF-8 bytes, back to back, and found again through an open-addressing hash table keyed by the
// bytes, so a name repeated under 10k directories costs one copy (path-tree.ts uses the ids).

const EMPTY = -1;
const decoder = new TextDecoder();

export function nextPow2(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}

export function grow<T extends Int32Array | Uint32Array | Uint8Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  // FNV-1a, 32 bit
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

export class NameTable {
  private bytes: Uint8Array;
  private len = 0;
  /** start of name i; offsets[i + 1] is its end */
  private offsets: Uint32Array;
  count = 0;
  private slots: Int32Array;
  private strings: (string | undefined)[] = [];

  constructor(expected: number) {
    this.bytes = new Uint8Array(expected * 8);
    this.offsets = new Uint32Array(expected + 1);
    this.slots = new Int32Array(nextPow2(expected * 2)).fill(EMPTY);
  }

  /** Id of the name held in bytes[start, end), or -1 when it was never interned. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const mask = this.slots.length - 1;
    let slot = hashBytes(bytes, start, end) & mask;
    for (;;) {
      const id = this.slots[slot];
      if (id === EMPTY || this.same(id, bytes, start, end)) return id;
      slot = (slot + 1) & mask;
    }
  }

  /** Id of the name held in bytes[start, end), added if new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    const mask = this.slots.length - 1;
    let slot = hashBytes(bytes, start, end) & mask;
    for (;;) {
      const id = this.slots[slot];
      if (id === EMPTY) break;
      if (this.same(id, bytes, start, end)) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    const len = end - start;
    if (this.len + len > this.bytes.length) this.bytes = grow(this.bytes, Math.max(this.len + len, this.bytes.length * 2));
    this.bytes.set(bytes.subarray(start, end), this.len);
    if (id + 2 > this.offsets.length) this.offsets = grow(this.offsets, this.offsets.length * 2);
    this.offsets[id] = this.len;
    this.len += len;
    this.offsets[id + 1] = this.len;
    this.slots[slot] = id;
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return id;
  }

  /** The name as a string (decoded once, then cached). */
  text(id: number): string {
    let s = this.strings[id];
    if (s === undefined) {
      s = decoder.decode(this.bytes.subarray(this.offsets[id], this.offsets[id + 1]));
      this.strings[id] = s;
    }
    return s;
  }

  /** The name's UTF-8 bytes as a string of char codes 0-255: compares like Go's sort.Strings. */
  byteKey(id: number): string {
    let s = '';
    for (let i = this.offsets[id]; i < this.offsets[id + 1]; i++) s += String.fromCharCode(this.bytes[i]);
    return s;
  }

  /** Trims the arrays and the hash table to what is used; interning more still works. */
  compact(): void {
    this.bytes = this.bytes.slice(0, this.len);
    this.offsets = this.offsets.slice(0, this.count + 1);
    const size = nextPow2(this.count * 2 + 2);
    if (size < this.slots.length) this.rehash(size);
  }

  byteSize(): number {
    return this.bytes.byteLength + this.offsets.byteLength + this.slots.byteLength;
  }

  private same(id: number, bytes: Uint8Array, start: number, end: number): boolean {
    const s = this.offsets[id];
    const len = this.offsets[id + 1] - s;
    if (len !== end - start) return false;
    const nb = this.bytes;
    for (let k = 0; k < len; k++) if (nb[s + k] !== bytes[start + k]) return false;
    return true;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size).fill(EMPTY);
    const mask = size - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = hashBytes(this.bytes, this.offsets[id], this.offsets[id + 1]) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}
