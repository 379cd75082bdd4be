// LayerStack against the naive Map replay (testing/naive.ts) on random small stacks: the merged
// view at every layer, the read path of every path at every layer, and the change marks.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANGE_MARK_NAMES, EntryKind, kindName } from '../model/entry-kind.ts';
import type { LayerTable } from '../model/layer-table.ts';
import { LayerStack } from './stack.ts';
import { PATHS, stackArb, tablesOf } from './testing/arbitrary.ts';
import { naiveMergedAll, naiveReadPath, type NaiveEntry } from './testing/naive.ts';

const QUERIES = [...PATHS, '/a/b/c/x', '/zz', '/e/f/g/h/i'];

function mergedAsObject(stack: LayerStack, k: number): Record<string, string> {
  const out: Record<string, string> = {};
  stack.mergedAt(k).forEach((path, layer, row) => {
    expect(out[path]).toBeUndefined();
    out[path] = `${layer}:${row}`;
  });
  return out;
}

function naiveAsObject(view: Map<string, NaiveEntry>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [p, e] of view) out[p] = `${e.layer}:${e.row}`;
  return out;
}

/** The change-marks rule of change-marks.ts, applied to the naive view below. */
function naiveMarks(tables: LayerTable[], views: Map<string, NaiveEntry>[], i: number): string[] {
  const t = tables[i];
  const out: string[] = [];
  for (let r = 0; r < t.count; r++) {
    const kind = t.kinds[r];
    if (kind === EntryKind.whiteout || kind === EntryKind.opaque) {
      out.push('deleted');
      continue;
    }
    const lower = i === 0 ? undefined : views[i - 1].get(t.path(r));
    if (!lower) {
      out.push('added');
      continue;
    }
    const lt = tables[lower.layer];
    const lr = lower.row;
    const same =
      kind === lt.kinds[lr] &&
      (kind === EntryKind.dir ||
        (t.sizes[r] === lt.sizes[lr] && t.mtimes[r] === lt.mtimes[lr] && t.linkTarget(r) === lt.linkTarget(lr)));
    out.push(same ? 'attributes' : 'modified');
  }
  return out;
}

describe('LayerStack vs the naive replay', () => {
  it('merged view at every layer', () => {
    fc.assert(
      fc.property(stackArb, (layers) => {
        const tables = tablesOf(layers);
        const stack = new LayerStack(tables);
        const views = naiveMergedAll(tables);
        for (let k = 0; k < tables.length; k++) {
          expect(mergedAsObject(stack, k)).toEqual(naiveAsObject(views[k]));
          expect(stack.mergedAt(k).count).toBe(views[k].size);
          for (const p of QUERIES) {
            const want = views[k].get(p);
            expect(stack.mergedAt(k).get(p)).toEqual(want ? { layer: want.layer, row: want.row } : null);
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it('read path of every path at every layer', () => {
    fc.assert(
      fc.property(stackArb, (layers) => {
        const tables = tablesOf(layers);
        const stack = new LayerStack(tables);
        const views = naiveMergedAll(tables);
        for (let k = 0; k < tables.length; k++) {
          for (const p of QUERIES) {
            const got = stack.readPath(p, k);
            const want = naiveReadPath(tables, p, k);
            expect(got.steps).toEqual(want.steps);
            // the naive read path and the naive replay agree on what is found
            const visible = views[k].get(p);
            expect(want.found).toEqual(visible ? { layer: visible.layer, kind: kindName(visible.kind) } : null);
            expect(got.found).toEqual(visible ? { layer: visible.layer, kind: kindName(visible.kind), size: visible.size } : null);
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it('change marks of every layer', () => {
    fc.assert(
      fc.property(stackArb, (layers) => {
        const tables = tablesOf(layers);
        const stack = new LayerStack(tables);
        const views = naiveMergedAll(tables);
        for (let i = 0; i < tables.length; i++) {
          const got = [...stack.changes(i)].map((m) => CHANGE_MARK_NAMES[m]);
          expect(got).toEqual(naiveMarks(tables, views, i));
        }
      }),
      { numRuns: 400 },
    );
  });
});
