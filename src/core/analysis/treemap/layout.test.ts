// Properties of the layout (STYLE.md #5): the children of a cell fill exactly its inner box (area
// conservation), never overlap, never leave it; the hit test finds the deepest cell under a point.
// Trees are random (fast-check); a real hierarchy over a synthetic image is checked the same way.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOT, TreemapHierarchy } from './hierarchy.ts';
import { cellAt, layoutTreemap, zoomTargetAt, type LayoutOptions, type TreemapLayout, type TreemapSource } from './layout.ts';
import { syntheticLayerTables } from './synthetic.ts';

/** A plain in-memory tree: node i > 0 hangs under parents[i] < i; leaves carry the sizes. */
function treeSource(spec: [number, number][]): TreemapSource & { kids: number[][] } {
  const n = spec.length + 1;
  const kids: number[][] = Array.from({ length: n }, () => []);
  const size = new Float64Array(n);
  spec.forEach(([p, s], i) => {
    kids[p % (i + 1)].push(i + 1);
    size[i + 1] = s;
  });
  for (let i = n - 1; i > 0; i--) {
    if (kids[i].length > 0) size[i] = 0;
  }
  for (let i = n - 1; i > 0; i--) size[spec[i - 1][0] % i] += size[i];
  for (const k of kids) k.sort((a, b) => size[b] - size[a] || a - b);
  return {
    kids,
    size: (id) => size[id],
    isLeaf: (id) => kids[id].length === 0,
    children: (id) => ({ count: kids[id].length, ids: Float64Array.from(kids[id]), sizes: Float64Array.from(kids[id], (k) => size[k]) }),
  };
}

const spec = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 1_000_000 })), { minLength: 1, maxLength: 120 });
const rect = fc.record({
  x: fc.integer({ min: 0, max: 100 }),
  y: fc.integer({ min: 0, max: 100 }),
  w: fc.double({ min: 1, max: 2000, noNaN: true }),
  h: fc.double({ min: 1, max: 2000, noNaN: true }),
});
const options = fc.record({
  padding: fc.constantFrom(0, 1, 2, 4),
  headerHeight: fc.constantFrom(0, 12, 16),
  minHeaderWidth: fc.constantFrom(0, 48),
  maxDepth: fc.integer({ min: 1, max: 40 }),
});

const EPS = 1e-7;

/** What is wrong with a layout's nesting, as readable lines (plain checks: 10k+ expect() calls are slow). */
function problems(l: TreemapLayout, allEmitted: boolean): string[] {
  const out: string[] = [];
  const near = (v: number) => EPS * (1 + Math.abs(v));
  for (let c = 0; c < l.count; c++) {
    if (l.x1[c] - l.x0[c] < -EPS || l.y1[c] - l.y0[c] < -EPS) out.push(`cell ${c} has a negative size`);
    const first = l.firstChild[c];
    if (first < 0) continue;
    const end = first + l.childCount[c];
    const inner = (l.ix1[c] - l.ix0[c]) * (l.iy1[c] - l.iy0[c]);
    let area = 0;
    for (let k = first; k < end; k++) {
      if (l.parent[k] !== c || l.depth[k] !== l.depth[c] + 1) out.push(`cell ${k}: parent/depth do not match cell ${c}`);
      if (l.x0[k] < l.ix0[c] - near(l.ix0[c]) || l.y0[k] < l.iy0[c] - near(l.iy0[c]) || l.x1[k] > l.ix1[c] + near(l.ix1[c]) || l.y1[k] > l.iy1[c] + near(l.iy1[c])) {
        out.push(`cell ${k} leaves the inner box of cell ${c}`);
      }
      area += (l.x1[k] - l.x0[k]) * (l.y1[k] - l.y0[k]);
      for (let j = first; j < k; j++) {
        const ox = Math.min(l.x1[k], l.x1[j]) - Math.max(l.x0[k], l.x0[j]);
        const oy = Math.min(l.y1[k], l.y1[j]) - Math.max(l.y0[k], l.y0[j]);
        if (ox > 0 && oy > 0 && ox * oy > EPS * (1 + inner)) out.push(`cells ${j} and ${k} overlap by ${ox * oy}`);
      }
    }
    if (allEmitted ? Math.abs(area - inner) > EPS * (1 + inner) : area > inner * (1 + EPS) + EPS) {
      out.push(`children of cell ${c} cover ${area}, its inner box is ${inner}`);
    }
  }
  return out;
}

function checkCells(l: TreemapLayout, allEmitted: boolean): void {
  expect(problems(l, allEmitted)).toEqual([]);
}

describe('layoutTreemap', () => {
  it('children fill their parent\'s inner box, without overlap, inside it', () => {
    fc.assert(
      fc.property(spec, rect, options, (s, r, o) => {
        const src = treeSource(s);
        const opts: LayoutOptions = { ...o, minRecurseSize: 0, minCellArea: 0 };
        const l = layoutTreemap(src, 0, r, opts);
        checkCells(l, true);
        for (let c = 0; c < l.count; c++) {
          expect(l.depth[c]).toBeLessThanOrEqual(o.maxDepth);
          // every non-leaf within the depth limit was laid out, with all its children
          if (l.depth[c] < o.maxDepth && !src.isLeaf(l.ids[c])) expect(l.childCount[c]).toBe(src.kids[l.ids[c]].length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with the default culling, what is emitted still nests and never overlaps', () => {
    fc.assert(
      fc.property(spec, rect, (s, r) => checkCells(layoutTreemap(treeSource(s), 0, r), false)),
      { numRuns: 200 },
    );
  });

  it('the hit test returns the deepest cell under the point', () => {
    fc.assert(
      fc.property(spec, rect, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (s, r, fx, fy) => {
        const l = layoutTreemap(treeSource(s), 0, r, { minCellArea: 0, minRecurseSize: 0 });
        const x = r.x + fx * r.w;
        const y = r.y + fy * r.h;
        const c = cellAt(l, x, y);
        if (x >= r.x + r.w || y >= r.y + r.h) {
          expect(c).toBe(-1); // the far edge is outside: boxes are half-open
          return;
        }
        expect(c).toBeGreaterThanOrEqual(0);
        expect(x >= l.x0[c] && x < l.x1[c] && y >= l.y0[c] && y < l.y1[c]).toBe(true);
        for (let k = l.firstChild[c]; k >= 0 && k < l.firstChild[c] + l.childCount[c]; k++) {
          expect(x >= l.x0[k] && x < l.x1[k] && y >= l.y0[k] && y < l.y1[k]).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
    expect(cellAt(layoutTreemap(treeSource([[0, 1]]), 0, { x: 0, y: 0, w: 10, h: 10 }), 11, 5)).toBe(-1);
  });

  it('a click zooms into the deepest labeled cell above it, else the root\'s child holding it', () => {
    const h = new TreemapHierarchy(syntheticLayerTables({ files: 5000, layers: 3, seed: 5 }));
    const l = layoutTreemap(h, ROOT, { x: 0, y: 0, w: 1000, h: 700 });
    for (let c = 1; c < l.count; c++) {
      const chain: number[] = [];
      for (let a = c; a > 0; a = l.parent[a]) chain.push(a);
      const labeled = chain.find((a) => l.header[a] === 1);
      expect(zoomTargetAt(l, c)).toBe(l.ids[labeled ?? chain[chain.length - 1]]);
    }
    expect(zoomTargetAt(l, l.firstChild[0])).toBe(h.children(ROOT).ids[0]); // a layer, by its header
  });

  it('lays out a synthetic image of 20k files lazily: far fewer cells than files', () => {
    const h = new TreemapHierarchy(syntheticLayerTables({ files: 20_000, layers: 5, seed: 11 }));
    const l = layoutTreemap(h, ROOT, { x: 0, y: 0, w: 1200, h: 800 });
    checkCells(l, false);
    expect(l.count).toBeGreaterThan(100);
    expect(l.count).toBeLessThan(20_000);
    const headers = Array.from(l.header).filter((x) => x === 1).length;
    expect(headers).toBeGreaterThan(5); // the layers at least
  });
});
