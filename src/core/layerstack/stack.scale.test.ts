// LayerStack at scale (testing/synthetic.ts: 20 layers, 100k entries with copy-ups, whiteouts
// and opaque directories): the views, read paths and waste must agree with each other.

import { describe, expect, it } from 'vitest';
import { computeWaste } from '../analysis/waste.ts';
import { EntryKind } from '../model/entry-kind.ts';
import { LayerStack, NEVER } from './stack.ts';
import { syntheticTables } from './testing/synthetic.ts';

describe('a synthetic 100k-entry, 20-layer image', () => {
  const tables = syntheticTables(20, 5000);
  const stack = new LayerStack(tables);
  const top = stack.layerCount - 1;

  it('shows at the top exactly the entries nothing hid', () => {
    const s = stack.state;
    let notHidden = 0;
    for (let e = 0; e < s.bases[stack.layerCount]; e++) if (s.hiddenBy[e] === NEVER) notHidden++;
    expect(stack.mergedAt(top).count).toBe(notHidden);
    expect(notHidden).toBeGreaterThan(1000);
  });

  it('finds by read path what the merged view lists, at every tenth path and several layers', () => {
    for (const k of [0, 7, top]) {
      let i = 0;
      stack.mergedAt(k).forEach((path, layer, row) => {
        if (i++ % 10 !== 0) return;
        const r = stack.readPath(path, k);
        expect(r.found?.layer).toBe(layer);
        expect(r.steps.find((st) => st.outcome === 'hit')?.layer).toBe(layer);
        expect(stack.mergedAt(k).get(path)).toEqual({ layer, row });
      });
    }
  });

  it('splits file bytes into visible and reclaimable', () => {
    const w = computeWaste(stack, tables, { maxFiles: 10 });
    let visible = 0;
    stack.mergedAt(top).forEach((_p, layer, row) => {
      if (tables[layer].kinds[row] === EntryKind.file) visible += tables[layer].sizes[row];
    });
    expect(w.finalFileBytes).toBe(visible); // no hard links here
    expect(w.fileBytes - w.finalFileBytes).toBe(w.reclaimableBytes);
    expect(w.files).toHaveLength(10);
    const all = computeWaste(stack, tables);
    expect(all.files.reduce((a, f) => a + f.size, 0)).toBe(w.reclaimableBytes);
    expect(new Set(all.files.map((f) => f.reason))).toEqual(new Set(['deleted', 'hidden-by-opaque', 'overwritten']));
  });
});
