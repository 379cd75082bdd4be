import { describe, expect, it } from 'vitest';
import { exactBytes, formatBytes, formatCount, formatDate, shortDigest } from './format.ts';

describe('format', () => {
  it('sizes are IEC like the CLI, exact bytes beside them', () => {
    expect(formatBytes(1051136)).toBe('1.0 MiB');
    expect(formatBytes(116)).toBe('116 B');
    expect(exactBytes(1051136)).toBe('1,051,136 bytes');
  });

  it('formatCount groups thousands', () => {
    expect(formatCount(60000)).toBe('60,000');
  });

  it('formatDate is UTC and keeps what it cannot parse', () => {
    expect(formatDate('2026-12-04T20:08:20.903123446Z')).toBe('2026-12-04 20:08:20 UTC');
    expect(formatDate('yesterday')).toBe('yesterday');
    expect(formatDate(null)).toBe('–');
  });

  it('shortDigest keeps the algorithm and 12 hex digits', () => {
    expect(shortDigest('sha256:a3bb13b9a30708211541423b58e8470a')).toBe('sha256:a3bb13b9a307');
    expect(shortDigest(null)).toBe('–');
  });
});
