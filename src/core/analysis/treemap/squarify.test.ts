// squarify.ts against the obviously right reference: d3-hierarchy's own treemapSquarify, called
// on a parent with the same values. The boxes must be the same numbers, not just close.

import { treemapSquarify } from 'd3-hierarchy';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { squarify, type Boxes } from './squarify.ts';

interface D3Node {
  value: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function viaD3(values: number[], x0: number, y0: number, x1: number, y1: number): D3Node[] {
  const children = values.map((value) => ({ value, x0: 0, y0: 0, x1: 0, y1: 0 }));
  const parent = { value: values.reduce((a, b) => a + b, 0), children };
  // d3's tile functions take any {value, children} parent; the cast says so to its types.
  treemapSquarify(parent as unknown as Parameters<typeof treemapSquarify>[0], x0, y0, x1, y1);
  return children;
}

function viaPort(values: number[], x0: number, y0: number, x1: number, y1: number, stop = values.length): Boxes {
  const n = values.length;
  const out = { x0: new Float64Array(n), y0: new Float64Array(n), x1: new Float64Array(n), y1: new Float64Array(n) };
  const total = values.reduce((a, b) => a + b, 0);
  squarify(Float64Array.from(values), 0, n, total, x0, y0, x1, y1, out, 0, undefined, stop);
  return out;
}

const sortedValues = fc
  .array(fc.oneof(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 20 })), { minLength: 1, maxLength: 200 })
  .map((a) => a.sort((p, q) => q - p));
const box = fc.tuple(fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 1, max: 3000, noNaN: true }), fc.double({ min: 1, max: 3000, noNaN: true }));

describe('squarify', () => {
  it('gives exactly the boxes of d3-hierarchy treemapSquarify', () => {
    fc.assert(
      fc.property(sortedValues, box, (values, [x, y, w, h]) => {
        const d3 = viaD3(values, x, y, x + w, y + h);
        const port = viaPort(values, x, y, x + w, y + h);
        d3.forEach((n, i) => {
          expect([port.x0[i], port.y0[i], port.x1[i], port.y1[i]]).toEqual([n.x0, n.y0, n.x1, n.y1]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('matches d3 on squares and ties, where the row orientation is decided by dx < dy', () => {
    const cases: [number[], number, number][] = [
      [[1, 1, 1, 1], 100, 100],
      [[3, 2, 1], 60, 60],
      [[5, 5, 2, 2, 1, 1], 64, 64],
      [[1], 10, 10],
      [[8, 1, 1], 30, 30],
    ];
    for (const [values, w, h] of cases) {
      const d3 = viaD3(values, 0, 0, w, h);
      const port = viaPort(values, 0, 0, w, h);
      d3.forEach((n, i) => expect([port.x0[i], port.y0[i], port.x1[i], port.y1[i]]).toEqual([n.x0, n.y0, n.x1, n.y1]));
    }
  });

  it('with a stop, the boxes before it are the same as without', () => {
    fc.assert(
      fc.property(sortedValues, box, fc.nat(), (values, [x, y, w, h], s) => {
        const stop = 1 + (s % values.length);
        const full = viaPort(values, x, y, x + w, y + h);
        const part = viaPort(values, x, y, x + w, y + h, stop);
        for (let i = 0; i < stop; i++) expect([part.x0[i], part.y0[i], part.x1[i], part.y1[i]]).toEqual([full.x0[i], full.y0[i], full.x1[i], full.y1[i]]);
      }),
      { numRuns: 200 },
    );
  });
});
