import { describe, expect, it } from 'vitest';
import { PathIndex } from './path-index.ts';
import { stackedFixture } from './stacked-fixture.ts';

const seed = await stackedFixture('seed-a-bloated.oci.tar');
const index = new PathIndex(seed.img.facts.skeleton, (n) => seed.img.name(n), (n) => seed.img.path(n));

describe('PathIndex', () => {
  it('looks paths up, deleted ones included', () => {
    expect(seed.img.path(index.lookup('/data/one'))).toBe('/data/one');
    expect(index.lookup('/data//two/')).toBe(index.lookup('/data/two'));
    expect(index.lookup('/nope')).toBe(-1);
    expect(seed.img.path(index.lookup('/'))).toBe('/');
  });

  it('suggests the children of a typed directory that start with the rest', () => {
    expect(index.suggest('/data/')).toEqual(['/data/one', '/data/two']);
    expect(index.suggest('/data/o')).toEqual(['/data/one']);
    expect(index.suggest('/DATA/T')).toEqual(['/data/two']);
  });

  it('suggests paths whose name contains the text, names that start with it first', () => {
    const got = index.suggest('one', 5);
    expect(got[0]).toBe('/data/one');
    expect(index.suggest('')).toEqual([]);
    expect(index.suggest('zzzz-none')).toEqual([]);
  });

  it('matches names byte-wise with ASCII case folded, UTF-8 intact', () => {
    const m = index.nameMatches('BUSY');
    const { nameId } = seed.img.facts.skeleton;
    expect(m[nameId[index.lookup('/bin/busybox')]]).toBe(1);
    expect(m[nameId[index.lookup('/data/one')]]).toBe(0);
  });
});
