import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalLength, normalizePath } from './normalize.ts';

describe('normalizePath', () => {
  it.each([
    ['', '/'],
    ['.', '/'],
    ['./', '/'],
    ['/', '/'],
    ['./bin/', '/bin'],
    ['bin', '/bin'],
    ['/bin', '/bin'],
    ['../../etc', '/etc'],
    ['a//b', '/a/b'],
    ['a/./b/../c', '/a/c'],
    ['a/..', '/'],
    ['..', '/'],
    ['usr/lib/x86_64-linux-gnu/', '/usr/lib/x86_64-linux-gnu'],
    ['./.wh..wh..opq', '/.wh..wh..opq'],
    ['a/.hidden/..x/...', '/a/.hidden/..x/...'],
  ])('%j → %j', (raw, want) => {
    expect(normalizePath(raw)).toBe(want);
  });

  // Against a slow, obviously right reference: split, drop "" and ".", pop on "..".
  it('matches the reference on random paths', () => {
    const seg = fc.constantFrom('', '.', '..', 'a', 'b', '.x', '..y', 'ü');
    fc.assert(
      fc.property(fc.array(seg, { maxLength: 8 }), fc.boolean(), (segs, lead) => {
        const raw = (lead ? '/' : '') + segs.join('/');
        const out: string[] = [];
        for (const s of raw.split('/')) {
          if (s === '' || s === '.') continue;
          if (s === '..') out.pop();
          else out.push(s);
        }
        expect(normalizePath(raw)).toBe('/' + out.join('/'));
      }),
    );
  });
});

describe('canonicalLength', () => {
  /** What a reader of the bytes stores: "/" + the kept bytes, or them alone when absolute; null when it must normalize. */
  const viaBytes = (raw: string): string | null => {
    const n = canonicalLength(new TextEncoder().encode(raw), raw.length);
    if (n < 0) return null;
    const kept = raw.slice(0, n);
    return kept.startsWith('/') ? kept : `/${kept}`;
  };

  it.each([
    ['bin', '/bin'],
    ['/bin', '/bin'],
    ['usr/lib/', '/usr/lib'],
    ['a/.hidden/..x/...', '/a/.hidden/..x/...'],
    ['', null],
    ['/', null],
    ['.', null],
    ['./bin', null],
    ['a//b', null],
    ['a/b//', null],
    ['//a', null],
    ['a/../b', null],
    ['a/..', null],
  ])('%j → %j', (raw, want) => {
    expect(viaBytes(raw)).toBe(want);
  });

  // Whenever the bytes say "already canonical", they say what normalizePath says; and they
  // decline only paths with an empty, "." or ".." segment (after one leading and one trailing "/").
  it('agrees with normalizePath on random paths', () => {
    const seg = fc.constantFrom('', '.', '..', 'a', 'bc', '.x', '..y', '...', 'x.');
    fc.assert(
      fc.property(fc.array(seg, { maxLength: 8 }), fc.boolean(), fc.boolean(), (segs, lead, trail) => {
        const raw = (lead ? '/' : '') + segs.join('/') + (trail ? '/' : '');
        const got = viaBytes(raw);
        if (got !== null) expect(got).toBe(normalizePath(raw));
        const body = raw.replace(/^\//, '').replace(/\/$/, '');
        expect(got !== null).toBe(body !== '' && body.split('/').every((s) => s !== '' && s !== '.' && s !== '..'));
      }),
    );
  });
});
