// computeWaste on random small stacks: our figures against the naive replay, and the fast dive
// port against dive's code transcribed literally (testing/dive-literal.ts).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntryKind } from '../model/entry-kind.ts';
import { LayerStack } from '../layerstack/stack.ts';
import { PATHS, entryArb, stackArb, tablesOf } from '../layerstack/testing/arbitrary.ts';
import { naiveMergedAll } from '../layerstack/testing/naive.ts';
import { diveEfficiencyLiteral } from './testing/dive-literal.ts';
import { computeWaste } from './waste.ts';

describe('computeWaste on random stacks', () => {
  it('final bytes count each visible file once (hard links once); the rest is reclaimable', () => {
    fc.assert(
      fc.property(stackArb, (layers) => {
        const tables = tablesOf(layers);
        const w = computeWaste(new LayerStack(tables), tables);
        let fileBytes = 0;
        for (const t of tables) for (let r = 0; r < t.count; r++) if (t.kinds[r] === EntryKind.file) fileBytes += t.sizes[r];
        const top = naiveMergedAll(tables)[tables.length - 1];
        const inodes = new Map<string, number>();
        for (const e of top.values()) if (e.inode !== null) inodes.set(e.inode, e.size);
        const finalBytes = [...inodes.values()].reduce((a, b) => a + b, 0);
        expect(w.fileBytes).toBe(fileBytes);
        expect(w.finalFileBytes).toBe(finalBytes);
        expect(w.reclaimableBytes).toBe(fileBytes - finalBytes);
        expect(w.files.reduce((a, f) => a + f.size, 0)).toBe(w.reclaimableBytes);
        expect(w.efficiency).toBe(fileBytes === 0 ? 1 : finalBytes / fileBytes);
        for (let i = 1; i < w.files.length; i++) expect(w.files[i - 1].size).toBeGreaterThanOrEqual(w.files[i].size);
        for (const f of w.files) {
          expect(f.byLayer).toBeGreaterThan(f.layer - 1);
          expect(f.byLayer).toBeLessThan(tables.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('dive figures equal dive code transcribed literally', () => {
    // names that sort before ".wh.NAME" (".b", "-x") make dive graft a subtree before removing
    // it; whiteouts of missing paths make it stop a layer's walk: both must match
    const names = ['/', '/a', '/a/b', '/a/.b', '/a/.b/c', '/-x', '/-x/y', '/e', '/e/f'];
    const deepEntry = fc
      .tuple(entryArb, fc.constantFrom(...names))
      .map(([e, p]) => ({ ...e, path: e.kind === EntryKind.whiteout && p === '/' ? '/a' : p }));
    const layersArb = fc.array(fc.array(deepEntry, { maxLength: 10 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(layersArb, (layers) => {
        const tables = tablesOf(layers);
        const w = computeWaste(new LayerStack(tables), tables);
        const want = diveEfficiencyLiteral(tables);
        expect(w.diveWastedBytes).toBe(want.wastedBytes);
        expect(w.diveEfficiency).toBeCloseTo(want.score, 12);
      }),
      { numRuns: 1500 },
    );
  });

  it('uses the alphabet it says', () => {
    expect(PATHS).toContain('/a/b/c');
  });
});
