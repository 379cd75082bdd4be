import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHash, parseHash } from './url.ts';

describe('parseHash', () => {
  it.each([
    ['', {}],
    ['#', {}],
    ['#example=seed-a-bloated', { example: 'seed-a-bloated' }],
    ['example=whiteouts', { example: 'whiteouts' }],
    ['#foo=1&example=multi-arch-index', { example: 'multi-arch-index' }],
    ['#example=', {}],
    ['#example=../../etc/passwd', {}],
    ['#example=%3Cscript%3E', {}],
    ['#%E0%A4%A', {}],
  ])('%s', (hash, want) => {
    expect(parseHash(hash)).toEqual(want);
  });

  it('never throws, whatever the hash', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseHash(s) === 'object'));
  });

  it('round-trips what it formats', () => {
    const name = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/);
    fc.assert(fc.property(name, (example) => parseHash(formatHash({ example })).example === example));
  });

  it('leaves defaults out', () => {
    expect(formatHash({})).toBe('');
  });
});
