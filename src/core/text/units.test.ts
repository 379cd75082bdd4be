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
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(0.99996)).toBe('99.99%');
    expect(formatPercent(0.9995)).toBe('99.95%');
    expect(formatPercent(0.0005)).toBe('0.05%');
    expect(formatPercent(0.00001)).toBe('<0.01%');
    expect(formatMode(0o4755)).toBe('4755');
    expect(formatMode(0o644)).toBe('0644');
  });
});
