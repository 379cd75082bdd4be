import { describe, expect, it } from 'vitest';
import { alignLayers } from './align.ts';

describe('alignLayers', () => {
  it('puts shared pairs on one row and zips the rest', () => {
    const rows = alignLayers(7, 2, [{ a: 0, b: 0, key: 'k', inCommonBase: true }]);
    expect(rows[0]).toEqual({ a: 0, b: 0, shared: true });
    expect(rows[1]).toEqual({ a: 1, b: 1, shared: false });
    expect(rows.slice(2).every((r) => r.b === null)).toBe(true);
    expect(rows.map((r) => r.a)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('lists every layer of both sides once, in order', () => {
    const rows = alignLayers(4, 5, [{ a: 1, b: 3, key: 'x', inCommonBase: false }]);
    expect(rows.filter((r) => r.a !== null).map((r) => r.a)).toEqual([0, 1, 2, 3]);
    expect(rows.filter((r) => r.b !== null).map((r) => r.b)).toEqual([0, 1, 2, 3, 4]);
    const s = rows.find((r) => r.shared)!;
    expect([s.a, s.b]).toEqual([1, 3]);
  });
});
