// The interned name tree: normalization, lookups, the prefix cache of internNext, UTF-8 names,
// growth past the first capacity and interning again after compact().

import { describe, expect, it } from 'vitest';
import { normalizePath, PathTree } from './path-tree.ts';

const enc = new TextEncoder();
const intern = (t: PathTree, p: string, next = false): number => {
  const b = enc.encode(p);
  return next ? t.internNext(b, 0, b.length) : t.internBytes(b, 0, b.length);
};

describe('normalizePath', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['./', '/'],
    ['etc/passwd', '/etc/passwd'],
    ['/etc//passwd/', '/etc/passwd'],
    ['/a/./b/../c', '/a/c'],
    ['/../../a', '/a'],
  ])('%s → %s', (input, want) => {
    expect(normalizePath(input)).toBe(want);
  });
});

describe('PathTree', () => {
  it('gives one node per path, shares names, and finds them again', () => {
    const t = new PathTree(4);
    const a = intern(t, '/usr/lib/x');
    const b = intern(t, '/opt/lib/x');
    expect(a).not.toBe(b);
    expect(intern(t, '/usr/lib/x')).toBe(a);
    expect(t.distinctNames).toBe(4); // usr, lib, x, opt
    expect(t.lookup('/usr/lib/x')).toBe(a);
    expect(t.lookup('usr/lib/../lib/x/')).toBe(a);
    expect(t.lookup('/usr/lib/y')).toBe(-1);
    expect(t.lookup('/')).toBe(0);
    expect(t.path(a)).toBe('/usr/lib/x');
    expect(t.path(0)).toBe('/');
    expect(t.chain('/usr/lib/nope/deeper')).toEqual({ nodes: [0, t.lookup('/usr'), t.lookup('/usr/lib')], complete: false });
  });

  it('internNext agrees with internBytes whatever the previous path was', () => {
    const paths = ['/', '/a', '/a/b', '/a/b/c', '/a/bc', '/a/b', '/ab/c', '/a', '/b/a', 'rel', 'x/y', '/a/b/c/', '/a//b'];
    const slow = new PathTree(2);
    const fast = new PathTree(2);
    for (let round = 0; round < 3; round++) {
      for (const p of paths) expect(fast.path(intern(fast, p, true))).toBe(slow.path(intern(slow, p)));
      paths.reverse();
    }
  });

  it('keeps UTF-8 names intact', () => {
    const t = new PathTree();
    const n = intern(t, '/links/café-日本語 name.txt', true);
    expect(t.path(n)).toBe('/links/café-日本語 name.txt');
    expect(t.lookup('/links/café-日本語 name.txt')).toBe(n);
  });

  it('grows past its first capacity and interns again after compact()', () => {
    const t = new PathTree(2);
    const ids: number[] = [];
    for (let i = 0; i < 3000; i++) ids.push(intern(t, `/d${i % 37}/f${i}`, true));
    t.compact();
    for (let i = 0; i < 3000; i++) expect(t.lookup(`/d${i % 37}/f${i}`)).toBe(ids[i]);
    const more = intern(t, '/d1/new', true);
    expect(t.path(more)).toBe('/d1/new');
    expect(t.lookup('/d1/f1')).toBe(ids[1]);
  });
});
