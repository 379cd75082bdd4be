import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizePath } from './normalize.ts';

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
