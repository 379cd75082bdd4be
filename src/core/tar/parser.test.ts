import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TarParser, type PayloadSink, type TarEntry } from './parser.ts';
import { TarFormatError } from './errors.ts';
import { pattern, writeTar, type EntrySpec, type GlobalSpec } from './testing/write-tar.ts';

/** Parses `tar` fed in chunks of the given sizes (cycled); returns entries and every payload. */
function parse(tar: Uint8Array, sizes: number[] = [tar.length]): { entries: TarEntry[]; payloads: Map<number, Uint8Array>; parser: TarParser } {
  const entries: TarEntry[] = [];
  const payloads = new Map<number, Uint8Array>();
  const parser = new TarParser({
    onEntry(e) {
      entries.push(e);
      const buf = new Uint8Array(e.size);
      let fill = 0;
      return {
        data(c) {
          buf.set(c, fill);
          fill += c.length;
        },
        end() {
          expect(fill).toBe(e.size);
          payloads.set(entries.length - 1, buf);
        },
      };
    },
  });
  let pos = 0;
  let k = 0;
  while (pos < tar.length) {
    const n = Math.max(1, sizes[k++ % sizes.length]);
    parser.push(tar.subarray(pos, pos + n));
    pos += n;
  }
  parser.end();
  return { entries, payloads, parser };
}

/** Byte-wise map comparison (vitest's deep equality is slow on thousands of typed-array bytes). */
function samePayloads(a: Map<number, Uint8Array>, b: Map<number, Uint8Array>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (!y || y.length !== x.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}

const strip = (e: TarEntry) => ({ path: e.path, type: e.type, size: e.size, linkname: e.linkname });

describe('TarParser: names and links', () => {
  const longPath = 'deep/' + 'directory-name/'.repeat(12) + 'file-with-a-long-name.txt';
  const longLink = '../' + 'target/'.repeat(20) + 'x';
  const specs: EntrySpec[] = [
    { path: longPath, data: 'payload' },
    { path: 'short/link', type: 'symlink', linkname: longLink },
    { path: 'hl', type: 'hardlink', linkname: longPath },
  ];
  it.each(['gnu', 'pax'] as const)('reads long names and links written as %s', (longNames) => {
    const { entries, payloads } = parse(writeTar(specs, { longNames, magic: longNames === 'gnu' ? 'gnu' : 'posix' }));
    expect(entries.map(strip)).toEqual([
      { path: longPath, type: 'file', size: 7, linkname: '' },
      { path: 'short/link', type: 'symlink', size: 0, linkname: longLink },
      { path: 'hl', type: 'hardlink', size: 0, linkname: longPath },
    ]);
    expect(new TextDecoder().decode(payloads.get(0))).toBe('payload');
  });
  it('reads the ustar prefix field', () => {
    const p = 'prefix/'.repeat(15) + 'name';
    expect(parse(writeTar([{ path: p }], { longNames: 'ustar' })).entries[0].path).toBe(p);
  });
  it('reads UTF-8 names', () => {
    expect(parse(writeTar([{ path: 'données/ファイル.txt' }])).entries[0].path).toBe('données/ファイル.txt');
  });
  it('maps typeflags to types', () => {
    const types = ['file', 'dir', 'symlink', 'hardlink', 'char', 'block', 'fifo', 'contiguous'] as const;
    const { entries } = parse(writeTar(types.map((type, i) => ({ path: `e${i}`, type, size: 3 }))));
    expect(entries.map((e) => e.type)).toEqual(['file', 'dir', 'symlink', 'hardlink', 'char', 'block', 'fifo', 'file']);
    // header-only types carry no payload whatever their size field says
    expect(entries.map((e) => e.size)).toEqual([3, 0, 0, 0, 0, 0, 0, 3]);
  });
  it('treats unknown typeflags as other, with their payload', () => {
    const { entries, payloads } = parse(writeTar([{ path: 'vol', typeflag: 'V', size: 600 }, { path: 'after', data: 'z' }]));
    expect(entries.map(strip)).toEqual([
      { path: 'vol', type: 'other', size: 600, linkname: '' },
      { path: 'after', type: 'file', size: 1, linkname: '' },
    ]);
    expect(payloads.get(0)).toEqual(pattern(600, 0));
  });
  it('reads a v7 directory (old regular typeflag, trailing slash)', () => {
    const { entries } = parse(writeTar([{ path: 'olddir/', typeflag: '\0' }, { path: 'oldfile', typeflag: '\0', size: 2 }], { magic: 'v7' }));
    expect(entries.map((e) => [e.path, e.type])).toEqual([
      ['olddir/', 'dir'],
      ['oldfile', 'file'],
    ]);
  });
});

describe('TarParser: raw path bytes', () => {
  /** The raw bytes each entry had while onEntry ran, as text, and what is left on it after. */
  function raws(tar: Uint8Array, sizes: number[] = [tar.length]): { during: (string | null)[]; after: unknown[] } {
    const during: (string | null)[] = [];
    const seen: TarEntry[] = [];
    const parser = new TarParser({
      onEntry(e) {
        seen.push(e);
        const r = e.rawPath;
        during.push(r ? new TextDecoder().decode(r.bytes) : null);
        // The bytes equal the path exactly whenever they are given.
        if (r) expect(during[during.length - 1]).toBe(e.path);
        return null;
      },
    });
    for (let pos = 0, k = 0; pos < tar.length; ) {
      const n = sizes[k++ % sizes.length];
      parser.push(tar.subarray(pos, pos + n));
      pos += n;
    }
    parser.end();
    return { during, after: seen.map((e) => e.rawPath) };
  }

  it('are given for header names (ustar prefix joined), not for PAX or GNU long names, and not kept', () => {
    const long = 'd/'.repeat(70) + 'f';
    const ustar = writeTar([{ path: 'etc/passwd' }, { path: long }, { path: 'ü' }], { longNames: 'ustar' });
    const pax = writeTar([{ path: long }, { path: 'x', pax: { path: 'y' } }, { path: 'plain' }], { longNames: 'pax' });
    const gnu = writeTar([{ path: long }, { path: 'plain' }], { longNames: 'gnu', magic: 'gnu' });
    for (const sizes of [[1 << 20], [7, 513, 100]]) {
      expect(raws(ustar, sizes)).toEqual({ during: ['etc/passwd', long, null], after: [undefined, undefined, undefined] });
      expect(raws(pax, sizes).during).toEqual([null, null, 'plain']);
      expect(raws(gnu, sizes).during).toEqual([null, 'plain']);
    }
  });
});

describe('TarParser: PAX', () => {
  it('applies path, linkpath, size, uid, gid and mtime from a local header to one entry', () => {
    const tar = writeTar([
      { path: 'placeholder', size: 700, headerSize: 0, pax: { path: 'real/path', size: '700', uid: '3000000', gid: '4000000', mtime: '1700000000.5' } },
      { path: 'lnk', type: 'symlink', linkname: 'short', pax: { linkpath: 'the/real/target' } },
      { path: 'plain', size: 1, uid: 7 },
    ]);
    const { entries, payloads } = parse(tar);
    expect(entries[0]).toMatchObject({ path: 'real/path', size: 700, uid: 3000000, gid: 4000000, mtime: 1700000000.5 });
    expect(payloads.get(0)).toEqual(pattern(700, 0));
    expect(entries[1]).toMatchObject({ path: 'lnk', linkname: 'the/real/target' });
    expect(entries[2]).toMatchObject({ path: 'plain', size: 1, uid: 7 });
  });
  it('applies a global header to every later entry until changed, and lets locals override it', () => {
    const tar = writeTar([
      { path: 'before', uid: 1 },
      { global: { uid: '500', gid: '600' } },
      { path: 'g1', uid: 1 },
      { path: 'g2', uid: 1, pax: { uid: '9' } },
      { path: 'g3', uid: 1, pax: { gid: '' } },
      { global: { uid: '' } },
      { path: 'after', uid: 1 },
    ]);
    const { entries } = parse(tar);
    expect(entries.map((e) => [e.path, e.uid, e.gid])).toEqual([
      ['before', 1, 0],
      ['g1', 500, 600],
      ['g2', 9, 600],
      ['g3', 500, 0],
      ['after', 1, 600],
    ]);
  });
  it('counts only real entries, not meta headers', () => {
    const tar = writeTar(
      [{ global: { uid: '1' } }, { path: 'x'.repeat(150), linkname: 'y'.repeat(150), type: 'symlink' }, { path: 'a' }],
      { longNames: 'gnu', magic: 'gnu' },
    );
    const { entries, parser } = parse(tar);
    expect(entries.length).toBe(2);
    expect(parser.entryCount).toBe(2);
    expect(parser.position).toBe(tar.length);
  });
});

describe('TarParser: numbers', () => {
  it('reads base-256 size, uid, gid and mtime', () => {
    const tar = writeTar([{ path: 'big', size: 1000, base256: true, uid: 2 ** 31, gid: 3, mtime: -86400 }]);
    expect(parse(tar).entries[0]).toMatchObject({ size: 1000, uid: 2 ** 31, gid: 3, mtime: -86400 });
  });
  it('reports a base-256 size beyond 8 GiB and lets the caller skip it', () => {
    // Header only (the payload is not written): walk it with skip().
    const size = 2 ** 34 + 512;
    const tar = writeTar([{ path: 'huge', size: 0, headerSize: size, base256: true }], { endBlocks: 0 });
    const entries: TarEntry[] = [];
    const p = new TarParser({ onEntry: (e) => void entries.push(e) });
    p.push(tar);
    expect(entries[0].size).toBe(size);
    expect(p.skippable()).toBe(size);
    p.skip(size);
    expect(p.position).toBe(512 + size);
    p.end();
  });
});

describe('TarParser: chunking', () => {
  const specs: (EntrySpec | GlobalSpec)[] = [
    { path: 'a', size: 1 },
    { path: 'dir', type: 'dir' },
    { path: 'p/'.repeat(70) + 'pax-named', size: 513, pax: { mtime: '1.25' } },
    { global: { gid: '77' } },
    { path: 'gnu-'.repeat(40), size: 1024 },
    { path: 'empty', size: 0 },
    { path: 'link', type: 'hardlink', linkname: 'a' },
    { path: 'z', size: 4000 },
  ];
  const tar = writeTar(specs, { longNames: 'pax' });
  const whole = parse(tar);

  it('sees every entry and payload of the reference archive', () => {
    expect(whole.entries.length).toBe(7);
    expect(whole.payloads.get(2)).toEqual(pattern(513, 3));
  });

  it('gives the same entries and payloads for every fixed chunk size 1..1024', () => {
    for (let n = 1; n <= 1024; n++) {
      const got = parse(tar, [n]);
      expect(got.entries).toEqual(whole.entries);
      expect(samePayloads(got.payloads, whole.payloads)).toBe(true);
    }
  });
  it('gives the same entries for random chunkings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 40 }), (sizes) => {
        const got = parse(tar, sizes);
        expect(got.entries).toEqual(whole.entries);
        expect(samePayloads(got.payloads, whole.payloads)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('reports header and data offsets', () => {
    const first = whole.entries[0];
    expect([first.headerOffset, first.dataOffset]).toEqual([0, 512]);
    for (const e of whole.entries) {
      expect(e.dataOffset).toBe(e.headerOffset + 512);
      // the header is really there
      expect(tar[e.headerOffset + 156]).not.toBe(0x78);
    }
  });
});

describe('TarParser: ends and errors', () => {
  const tar = writeTar([{ path: 'one', size: 600 }, { path: 'two', size: 10 }]);
  it('accepts a clean end with no end blocks, one, or two plus trailing bytes', () => {
    for (const endBlocks of [0, 1, 2]) {
      const t = writeTar([{ path: 'one', size: 600 }], { endBlocks, trailing: endBlocks === 2 ? 9216 : 0 });
      const { entries, parser } = parse(t);
      expect(entries.length).toBe(1);
      expect(parser.position).toBe(t.length);
      expect(parser.done).toBe(endBlocks > 0);
    }
  });
  it('stops at the first zero block, ignoring whatever follows (as GNU tar does)', () => {
    const t = writeTar([{ path: 'one' }], { endBlocks: 1 });
    const joined = new Uint8Array(t.length + tar.length);
    joined.set(t);
    joined.set(tar, t.length);
    expect(parse(joined).entries.map((e) => e.path)).toEqual(['one']);
  });
  it.each([
    [100, 'truncated: ended inside a tar header at byte 100'],
    [512 + 100, 'truncated: ended inside entry one at byte 612'],
    [512 + 600 + 10, 'truncated: ended inside entry one at byte 1122'],
    [2048 + 5, 'truncated: ended inside entry two at byte 2053'],
  ])('throws when cut at byte %i', (cut, message) => {
    expect(() => parse(tar.subarray(0, cut))).toThrow(new TarFormatError(0, '').constructor as typeof TarFormatError);
    expect(() => parse(tar.subarray(0, cut))).toThrow(message);
  });
  it('throws inside a PAX header', () => {
    const t = writeTar([{ path: 'x', pax: { path: 'y' } }]);
    expect(() => parse(t.subarray(0, 520))).toThrow('truncated: ended inside a PAX or GNU long-name header');
  });
  it('throws on a bad checksum, at the header offset, whatever the chunking', () => {
    const bad = tar.slice();
    bad[1536 + 3] ^= 0x20; // second header's name
    for (const n of [1, 7, 512, 100000]) {
      try {
        parse(bad, [n]);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(TarFormatError);
        expect((e as TarFormatError).offset).toBe(1536);
      }
    }
  });
  it('refuses a PAX header over the size limit', () => {
    const t = writeTar([{ path: 'x', pax: { comment: 'c'.repeat(5000) } }]);
    expect(() => new TarParser({ maxMetaSize: 4096 }).push(t)).toThrow(/larger than 4096/);
  });
  it('tells a sink when the archive stops inside its payload', () => {
    let failed: Error | null = null;
    const p = new TarParser({ onEntry: () => ({ data() {}, end() {}, fail: (e) => void (failed = e) }) });
    p.push(tar.subarray(0, 700));
    expect(() => p.end()).toThrow('ended inside entry one');
    expect(failed).toBeInstanceOf(TarFormatError);
  });
});

describe('TarParser: skipping and backpressure', () => {
  it('lets the caller skip payloads and padding without bytes', () => {
    const tar = writeTar([{ path: 'a', size: 5000 }, { path: 'b', size: 3 }]);
    const seen: string[] = [];
    const p = new TarParser({ onEntry: (e) => void seen.push(e.path) });
    p.push(tar.subarray(0, 600));
    expect(p.skippable()).toBe(5000 - 88 + 120); // rest of payload + padding to 5120
    expect(() => p.skip(p.skippable() + 1)).toThrow(RangeError);
    p.skip(1000);
    expect(p.position).toBe(1600);
    p.skip(p.skippable());
    expect(p.position).toBe(512 + 5120);
    p.push(tar.subarray(p.position));
    p.end();
    expect(seen).toEqual(['a', 'b']);
  });
  it('does not offer to skip a payload a sink wants', () => {
    const tar = writeTar([{ path: 'a', size: 5000 }]);
    const p = new TarParser({ onEntry: () => ({ data() {}, end() {} }) });
    p.push(tar.subarray(0, 600));
    expect(p.skippable()).toBe(0);
  });
  it('waits for async sinks and keeps order; refuses a push before the last settles', async () => {
    const tar = writeTar([{ path: 'a', size: 3000 }, { path: 'b', size: 0 }, { path: 'c', size: 700 }]);
    const log: string[] = [];
    const tick = () => new Promise<void>((r) => setTimeout(r, 1));
    const p = new TarParser({
      onEntry(e): PayloadSink {
        return {
          async data(c) {
            await tick();
            log.push(`${e.path}:${c.length}`);
          },
          async end() {
            await tick();
            log.push(`${e.path}:end`);
          },
        };
      },
    });
    const r = p.push(tar.subarray(0, 2000));
    expect(r).toBeInstanceOf(Promise);
    expect(() => p.push(tar.subarray(2000))).toThrow('before the previous push settled');
    await r;
    await p.push(tar.subarray(2000));
    p.end();
    expect(log).toEqual(['a:1488', 'a:1512', 'a:end', 'b:end', 'c:700', 'c:end']);
  });
  it('propagates a sink error from push', async () => {
    const tar = writeTar([{ path: 'a', size: 10 }]);
    const p = new TarParser({ onEntry: () => ({ data: async () => Promise.reject(new Error('sink broke')), end() {} }) });
    await expect(p.push(tar) as Promise<void>).rejects.toThrow('sink broke');
  });
});
