// Comparing images: the bloated and merged busybox builds (real fixtures) share their base layer
// and differ by 4 MiB of file bytes; layer matching keeps order (checked against brute force);
// simulated Dockerfiles share layers by cache key.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MemorySource } from '../bytes/source.ts';
import { readArchive } from '../formats/read-archive.ts';
import { simulateDockerfile } from '../simulate/simulate.ts';
import { compareImages, matchLayers, simulatedLayerKeys } from './compare.ts';

const FIXTURES = '../shared/fixtures';
const load = (name: string) => readArchive(new MemorySource(name, new Uint8Array(readFileSync(`${FIXTURES}/${name}`))));
const MiB = 1024 * 1024;

describe('compareImages', () => {
  it('the bloated and merged busybox images: one shared base layer, 4 MiB apart', async () => {
    const [a, b] = await Promise.all([load('seed-a-bloated.oci.tar'), load('seed-b-merged.oci.tar')]);
    const c = compareImages({ archive: a }, { archive: b });
    const base = a.image.layers[0].fileBytes;
    expect(c.a).toMatchObject({ layers: 7, fileBytes: base + 5 * MiB, finalFileBytes: base + MiB, reclaimableBytes: 4 * MiB, estimated: false });
    expect(c.b).toMatchObject({ layers: 2, fileBytes: base + MiB, finalFileBytes: base + MiB, reclaimableBytes: 0 });
    expect(c.scale).toBe(c.a.fileBytes);
    expect(c.shared).toEqual([{ a: 0, b: 0, key: a.image.layers[0].diffId, inCommonBase: true }]);
    expect(c.onlyA).toEqual([1, 2, 3, 4, 5, 6]);
    expect(c.onlyB).toEqual([1]);
    expect(c.delta.fileBytes).toBe(-4 * MiB);
    expect(c.delta.finalFileBytes).toBe(0);
    // The same final files: /data/two (1 MiB) in both; no file of the image differs in size.
    expect(c.files.top.filter((d) => d.kindA === 'file' || d.kindB === 'file')).toEqual([]);
  });

  it('lists files added, removed and changed, most bytes first', async () => {
    const [a, b] = await Promise.all([load('busybox.oci.tar'), load('whiteouts.oci.tar')]);
    const c = compareImages({ archive: a }, { archive: b }, { maxFiles: 5 });
    expect(c.files.added).toBeGreaterThan(0);
    expect(c.files.top.length).toBe(5);
    const stake = c.files.top.map((d) => Math.abs((d.sizeB ?? 0) - (d.sizeA ?? 0)) || Math.max(d.sizeA ?? 0, d.sizeB ?? 0));
    expect(stake).toEqual([...stake].sort((x, y) => y - x));
    for (const d of c.files.top) {
      if (d.change === 'added') expect([d.sizeA, d.layerA, d.kindA]).toEqual([null, null, null]);
      if (d.change === 'removed') expect([d.sizeB, d.layerB, d.kindB]).toEqual([null, null, null]);
    }
    // Swapping the sides swaps added and removed.
    const back = compareImages({ archive: b }, { archive: a });
    expect([back.files.added, back.files.removed, back.files.changed]).toEqual([c.files.removed, c.files.added, c.files.changed]);
  });
});

describe('comparing simulated Dockerfiles', () => {
  it('shares layers by build cache key: the base, then the steps before the first change', async () => {
    const six = readFileSync('public/examples/busybox-six-runs.Dockerfile', 'utf8');
    const one = readFileSync('public/examples/busybox-one-run.Dockerfile', 'utf8');
    const [a, b, c] = await Promise.all([simulateDockerfile(six), simulateDockerfile(one), simulateDockerfile(six.replace('count=1024 of=/data/two', 'count=2048 of=/data/two'))]);
    const ab = compareImages({ archive: a, keys: simulatedLayerKeys(a) }, { archive: b, keys: simulatedLayerKeys(b) });
    expect(ab.shared.map((p) => [p.a, p.b])).toEqual([[0, 0]]);
    expect(ab.delta.fileBytes).toBe(-4 * MiB);
    expect(ab.a.estimated && ab.b.estimated).toBe(true);
    // An edit on line 5 (layer 4): layers 0-3 keep their keys, 4-6 do not.
    const ac = compareImages({ archive: a, keys: simulatedLayerKeys(a) }, { archive: c, keys: simulatedLayerKeys(c) });
    expect(ac.shared.map((p) => p.a)).toEqual([0, 1, 2, 3]);
    expect(ac.shared.every((p) => p.inCommonBase)).toBe(true);
    expect(ac.onlyA).toEqual([4, 5, 6]);
  });
});

describe('matchLayers', () => {
  const brute = (a: (string | null)[], b: (string | null)[]): number => {
    // The longest common subsequence length by plain recursion with memo.
    const memo = new Map<string, number>();
    const go = (i: number, j: number): number => {
      if (i === a.length || j === b.length) return 0;
      const k = `${i},${j}`;
      if (!memo.has(k)) memo.set(k, a[i] !== null && a[i] === b[j] ? 1 + go(i + 1, j + 1) : Math.max(go(i + 1, j), go(i, j + 1)));
      return memo.get(k)!;
    };
    return go(0, 0);
  };
  it('pairs equal keys in order, as many as possible, never null', () => {
    const key = fc.option(fc.constantFrom('x', 'y', 'z', 'w'), { nil: null });
    fc.assert(
      fc.property(fc.array(key, { maxLength: 12 }), fc.array(key, { maxLength: 12 }), (a, b) => {
        const pairs = matchLayers(a, b);
        expect(pairs.length).toBe(brute(a, b));
        pairs.forEach((p, i) => {
          expect(a[p.a]).toBe(p.key);
          expect(b[p.b]).toBe(p.key);
          if (i > 0) expect(p.a > pairs[i - 1].a && p.b > pairs[i - 1].b).toBe(true);
        });
      }),
    );
  });
});
