import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HeaderReader, parseHeader, readNumber, readString, verifyChecksum, viewOf } from './header.ts';
import { normalizePath } from './normalize.ts';
import { TarFormatError } from './errors.ts';
import { writeTar } from './testing/write-tar.ts';

const bytes = (a: number[]) => new Uint8Array(a);
const ascii = (s: string) => new TextEncoder().encode(s);

describe('readNumber', () => {
  it('reads octal with leading spaces or NULs and NUL/space terminators', () => {
    expect(readNumber(ascii('0000644\0'), 0, 8)).toBe(0o644);
    expect(readNumber(ascii('   755 \0'), 0, 8)).toBe(0o755);
    expect(readNumber(bytes([0, 0, 0x31, 0x37, 0, 0, 0, 0]), 0, 8)).toBe(0o17);
    expect(readNumber(new Uint8Array(12), 0, 12)).toBe(0);
    expect(readNumber(ascii('77777777777\0'), 0, 12)).toBe(8 ** 11 - 1);
  });
  it('returns NaN for junk', () => {
    expect(readNumber(ascii('12x4\0\0\0\0'), 0, 8)).toBeNaN();
    expect(readNumber(ascii('12 4\0\0\0\0'), 0, 8)).toBeNaN();
  });
  it('reads GNU base-256, positive and negative', () => {
    // 8 GiB + 1 in a 12-byte field
    const f = new Uint8Array(12);
    f[0] = 0x80;
    f[7] = 0x02;
    f[11] = 0x01;
    expect(readNumber(f, 0, 12)).toBe(2 ** 33 + 1);
    expect(readNumber(new Uint8Array(12).fill(0xff), 0, 12)).toBe(-1);
    const m = new Uint8Array(12).fill(0xff);
    m[11] = 0xfe;
    expect(readNumber(m, 0, 12)).toBe(-2);
    // -1000 in 12 bytes: ...fc18
    const k = new Uint8Array(12).fill(0xff);
    k[10] = 0xfc;
    k[11] = 0x18;
    expect(readNumber(k, 0, 12)).toBe(-1000);
  });
});

describe('readString', () => {
  it('stops at NUL, decodes UTF-8, handles a full field without NUL', () => {
    expect(readString(ascii('abc\0def'), 0, 7)).toBe('abc');
    expect(readString(ascii('héllo/ünï'), 0, 20)).toBe('héllo/ünï');
    expect(readString(ascii('x'.repeat(100)), 0, 100)).toBe('x'.repeat(100));
    expect(readString(new Uint8Array(4), 0, 4)).toBe('');
  });
});

describe('verifyChecksum / parseHeader', () => {
  const tar = writeTar([{ path: 'etc/passwd', data: 'root:x:0:0\n', mode: 0o600, uid: 1, gid: 2, mtime: 123 }]);
  it('accepts a good header and reads its fields', () => {
    expect(verifyChecksum(tar, 0)).toBe('ok');
    const h = parseHeader(tar, 0, 0)!;
    expect(h).toMatchObject({ name: 'etc/passwd', mode: 0o600, uid: 1, gid: 2, size: 11, mtime: 123, typeflag: 0x30 });
  });
  it('returns null for a zero block', () => {
    expect(verifyChecksum(new Uint8Array(512), 0)).toBe('zero');
    expect(parseHeader(new Uint8Array(512), 0, 0)).toBeNull();
  });
  it('throws TarFormatError with the offset on a bad checksum', () => {
    const bad = tar.slice(0, 512);
    bad[5] ^= 0x40;
    expect(verifyChecksum(bad, 0)).toBe('bad');
    expect(() => parseHeader(bad, 0, 4096)).toThrow(TarFormatError);
    try {
      parseHeader(bad, 0, 4096);
    } catch (e) {
      expect((e as TarFormatError).offset).toBe(4096);
      expect((e as TarFormatError).message).toBe('bad tar header checksum at byte 4096');
    }
  });
  it('accepts checksums computed over signed bytes', () => {
    const signed = writeTar([{ path: 'é-ü-ß', data: 'x' }], { signedChecksum: true });
    expect(verifyChecksum(signed, 0)).toBe('ok');
    expect(parseHeader(signed, 0, 0)!.name).toBe('é-ü-ß');
  });
  it('joins the ustar prefix only for POSIX magic', () => {
    const p = 'p/'.repeat(60) + 'name';
    const posix = writeTar([{ path: p }], { longNames: 'ustar' });
    expect(parseHeader(posix, 0, 0)!.name).toBe(p);
  });
  it('rejects a size field that is not a number', () => {
    const t = tar.slice(0, 512);
    t.set(ascii('zzzzzzzzzzz'), 124);
    t.fill(0x20, 148, 156);
    let sum = 0;
    for (const c of t) sum += c;
    t.set(ascii(sum.toString(8).padStart(6, '0') + '\0 '), 148);
    expect(() => parseHeader(t, 0, 0)).toThrow('bad size field');
  });
});

describe('verifyChecksum: four bytes at a time through a DataView', () => {
  const tar = writeTar([{ path: 'a/ü/name', mode: 0o7777, uid: 2 ** 21 - 1, mtime: 2 ** 33 - 1 }]);
  it('gives the byte-by-byte result for aligned and unaligned blocks, good and bad', () => {
    for (const shift of [0, 1, 2, 3, 4]) {
      const buf = new Uint8Array(shift + 1024);
      buf.set(tar.subarray(0, 1024), shift);
      const view = viewOf(buf);
      expect(verifyChecksum(buf, shift, view)).toBe('ok');
      expect(verifyChecksum(buf, shift + 512, view)).toBe('zero');
      // a view over a window of the buffer
      const sub = buf.subarray(shift);
      expect(verifyChecksum(sub, 0, viewOf(sub))).toBe('ok');
      buf[shift + 7] ^= 0x01;
      expect(verifyChecksum(buf, shift, view)).toBe('bad');
      expect(verifyChecksum(buf, shift, null)).toBe('bad');
    }
  });
  it('sums bytes near 0xff without lanes overflowing', () => {
    const b = new Uint8Array(512).fill(0xff);
    // checksum field: 8 spaces count 0x20 each, so the sum is 504 × 255 + 256
    b.fill(0x20, 148, 156);
    const sum = 504 * 255 + 8 * 0x20;
    b.set(new TextEncoder().encode(sum.toString(8).padStart(7, '0') + '\0'), 148);
    expect(verifyChecksum(b, 0, viewOf(b))).toBe('ok');
    expect(verifyChecksum(b, 0, null)).toBe('ok');
  });
});

describe('HeaderReader', () => {
  const ascii = (s: string) => new TextEncoder().encode(s);
  const rawOf = (r: HeaderReader) => (r.rawPath ? new TextDecoder().decode(r.rawPath.bytes) : null);
  it('gives the raw bytes of an ASCII name, joined with the ustar prefix', () => {
    const long = 'dir/'.repeat(30) + 'file.txt';
    const tar = writeTar([{ path: 'etc/passwd' }, { path: long }], { longNames: 'ustar' });
    const r = new HeaderReader();
    expect(r.read(tar, 0, 0)!.name).toBe('etc/passwd');
    expect(rawOf(r)).toBe('etc/passwd');
    expect(r.read(tar, 512, 512)!.name).toBe(long);
    expect(rawOf(r)).toBe(long);
    expect(ascii(long).length).toBeGreaterThan(100);
  });
  it('reads names of every length, with and without a prefix', () => {
    const r = new HeaderReader();
    for (let n = 1; n <= 100; n++) {
      const name = Array.from({ length: n }, (_, i) => String.fromCharCode(0x61 + ((i * 7 + n) % 26))).join('');
      const tar = writeTar([{ path: name }, { path: `${name}/${name}` }], { longNames: 'ustar' });
      expect(r.read(tar, 0, 0)!.name).toBe(name);
      expect(rawOf(r)).toBe(name);
      // no payloads: the second header follows the first
      expect(r.read(tar, 512, 512)!.name).toBe(`${name}/${name}`);
      expect(rawOf(r)).toBe(`${name}/${name}`);
    }
  });
  it('gives no raw bytes for a name that is not ASCII', () => {
    const tar = writeTar([{ path: 'données' }, { path: 'é/'.repeat(60) + 'x' }], { longNames: 'ustar' });
    const r = new HeaderReader();
    expect(r.read(tar, 0, 0)!.name).toBe('données');
    expect(r.rawPath).toBeNull();
    expect(r.read(tar, 512, 512)!.name).toBe('é/'.repeat(60) + 'x');
    expect(r.rawPath).toBeNull();
  });
  it('reads the same fields as parseHeader, reusing its objects', () => {
    const tar = writeTar([{ path: 'a', type: 'symlink', linkname: 'target/x', uid: 5, gid: 6, mtime: 7 }, { path: 'b', data: 'yy' }]);
    const r = new HeaderReader();
    const first = r.read(tar, 0, 0);
    expect(first).toEqual(parseHeader(tar, 0, 0));
    expect(r.read(tar, 512, 512)).toBe(first);
    expect(first).toMatchObject({ name: 'b', size: 2, linkname: '' });
  });
});

describe('HeaderReader: rawPath.normal', () => {
  /** What a reader of the raw bytes stores: "/" + the kept bytes, or them alone when absolute; null when it must normalize. */
  function viaBytes(path: string, longNames: 'ustar' | 'pax' = 'ustar'): string | null {
    const tar = writeTar([{ path }], { longNames });
    const r = new HeaderReader();
    const h = r.read(tar, 0, 0)!;
    expect(h.name).toBe(path);
    const raw = r.rawPath!;
    if (raw.normal === null) return null;
    const kept = new TextDecoder().decode(raw.normal);
    return kept.startsWith('/') ? kept : `/${kept}`;
  }

  it.each([
    ['bin', '/bin'],
    ['/bin', '/bin'],
    ['usr/lib/', '/usr/lib'],
    ['a/.hidden/..x/...', '/a/.hidden/..x/...'],
    ['', null],
    ['/', null],
    ['.', null],
    ['./', null],
    ['./bin', null],
    ['a//b', null],
    ['a/b//', null],
    ['//a', null],
    ['a/../b', null],
    ['a/..', null],
    ['a/.', null],
  ])('%j → %j', (path, want) => {
    expect(viaBytes(path)).toBe(want);
  });

  it('takes the ustar prefix and name as one path', () => {
    const long = 'x'.repeat(90) + '/' + 'y'.repeat(90);
    expect(viaBytes(long)).toBe(`/${long}`);
    expect(viaBytes('x'.repeat(90) + '/./' + 'y'.repeat(90))).toBeNull();
    expect(viaBytes('x'.repeat(90) + '//' + 'y'.repeat(90))).toBeNull();
    expect(viaBytes('x'.repeat(90) + '/../' + 'y'.repeat(90))).toBeNull();
  });

  // Whenever the bytes say "already canonical", they must say what normalizePath says; and they
  // decline only what needs its work.
  it('agrees with normalizePath on random paths, short and split into prefix and name', () => {
    const seg = fc.constantFrom('', '.', '..', 'a', 'bc', '.x', '..y', '...', 'x.', 'long-segment-'.repeat(4));
    fc.assert(
      fc.property(fc.array(seg, { maxLength: 8 }), fc.boolean(), fc.boolean(), (segs, lead, trail) => {
        const path = (lead ? '/' : '') + segs.join('/') + (trail ? '/' : '');
        const bytes = new TextEncoder().encode(path).length;
        // the writer splits long paths at a "/" into prefix and name, when it can
        if (bytes > 100 && (bytes > 256 || !/^.{0,155}\/.{1,100}$/s.test(path))) return;
        let got: string | null;
        try {
          got = viaBytes(path);
        } catch {
          return; // no ustar split exists for this path
        }
        if (got !== null) expect(got).toBe(normalizePath(path));
        const body = path.replace(/^\//, '').replace(/\/$/, '');
        const plain = body !== '' && body.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
        expect(got !== null).toBe(plain);
      }),
      { numRuns: 500 },
    );
  });
});
