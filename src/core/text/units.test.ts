import { describe, expect, it } from 'vitest';
import { exactBytes, formatBytes, formatMode, formatPercent } from './units.ts';

describe('units', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1048576, '1.0 MiB'],
    [4194304, '4.0 MiB'],
    [150 * 1024 * 1024, '150 MiB'],
    [-2048, '-2.0 KiB'],
  ])('formats %d as %s', (n, s) => expect(formatBytes(n)).toBe(s));
  it('keeps exact bytes readable', () => expect(exactBytes(1048576)).toBe('1,048,576 bytes'));
  it('formats percent and mode', () => {
    expect(formatPercent(0.5)).toBe('50.0%');
    expect(formatMode(0o4755)).toBe('4755');
    expect(formatMode(0o644)).toBe('0644');
  });
});
