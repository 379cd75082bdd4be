import { describe, expect, it } from 'vitest';
import { parseHeader, readNumber, readString, verifyChecksum } from './header.ts';
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
