import { describe, expect, it } from 'vitest';
import type { Progress } from '../../core/progress.ts';
import { overallPercent, ProgressTracker } from './progress.ts';

const p = (phase: Progress['phase'], bytesRead: number, totalBytes: number): Progress => ({ phase, bytesRead, totalBytes });

describe('progress', () => {
  it('gives the index walk the first 5% and the layers the rest', () => {
    expect(overallPercent(p('index', 100, 100), true)).toBe(5);
    expect(overallPercent(p('layers', 0, 100), true)).toBe(5);
    expect(overallPercent(p('layers', 50, 100), true)).toBe(52);
    expect(overallPercent(p('layers', 100, 100), true)).toBe(100);
  });

  it('uses the whole bar when there is no index phase (a gzipped archive streams once)', () => {
    expect(overallPercent(p('layers', 30, 100), false)).toBe(30);
  });

  it('survives a zero total and over-reports', () => {
    expect(overallPercent(p('layers', 5, 0), false)).toBe(0);
    expect(overallPercent(p('layers', 500, 100), false)).toBe(100);
  });

  it('never runs backwards', () => {
    const t = new ProgressTracker();
    const seen = [p('index', 50, 100), p('index', 100, 100), p('layers', 0, 10), p('layers', 3, 10), p('layers', 2, 10), p('layers', 10, 10)].map((x) => t.next(x));
    expect(seen).toEqual([2, 5, 5, 33, 33, 100]);
  });
});
