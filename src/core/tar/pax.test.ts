import { describe, expect, it } from 'vitest';
import { parsePaxRecords } from './pax.ts';

const enc = (s: string) => new TextEncoder().encode(s);
function rec(k: string, v: string): string {
  const body = ` ${k}=${v}\n`;
  let n = new TextEncoder().encode(body).length + 1;
  while (String(n).length + new TextEncoder().encode(body).length !== n) n++;
  return `${n}${body}`;
}

describe('parsePaxRecords', () => {
  it('reads path, linkpath, size, uid, gid and fractional mtime; ignores other keys', () => {
    const b = enc(rec('path', 'a/ü/long name') + rec('linkpath', '../t') + rec('size', '12345678901') + rec('uid', '70000') + rec('gid', '5') + rec('mtime', '1700000000.123456789') + rec('SCHILY.xattr.user.x', 'v') + rec('atime', '1'));
    expect(parsePaxRecords(b, 0)).toEqual({ path: 'a/ü/long name', linkpath: '../t', size: 12345678901, uid: 70000, gid: 5, mtime: Number('1700000000.123456789') });
  });
  it('lets a value hold "=" and newlines, and counts the length in bytes', () => {
    const b = enc(rec('path', 'x=y\nz') + rec('linkpath', 'ß'));
    expect(parsePaxRecords(b, 0)).toEqual({ path: 'x=y\nz', linkpath: 'ß' });
  });
  it('deletes a key given an empty value', () => {
    expect(parsePaxRecords(enc(rec('path', '')), 0, { path: 'old', uid: 1 })).toEqual({ uid: 1 });
  });
  it('stops at NUL padding', () => {
    expect(parsePaxRecords(enc(rec('uid', '3') + '\0\0\0'), 0)).toEqual({ uid: 3 });
  });
  it('throws with the byte offset on a malformed record', () => {
    expect(() => parsePaxRecords(enc('5 path=x\n'), 1000)).toThrow('bad PAX record at byte 1000');
    expect(() => parsePaxRecords(enc(rec('uid', '3') + 'x'), 1000)).toThrow(/at byte 1008/);
    expect(() => parsePaxRecords(enc(rec('size', '-3')), 0)).toThrow('bad PAX size');
    expect(() => parsePaxRecords(enc('9 nokey\n\n'), 0)).toThrow('no "="');
  });
});
