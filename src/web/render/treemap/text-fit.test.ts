// Label fitting, measured with a fixed-width measure (every character 6 px, the ellipsis 6 px),
// so the expected cuts can be worked out by hand.

import { describe, expect, it } from 'vitest';
import { printable, TextFitter } from './text-fit.ts';

const mono = new TextFitter((t) => t.length * 6, '12px monospace');

describe('TextFitter', () => {
  it('keeps a label that fits, cuts one that does not with an ellipsis inside the width', () => {
    expect(mono.width('abcd')).toBe(24);
    expect(mono.fit('abcd', 24)).toBe('abcd');
    expect(mono.fit('abcdef', 24)).toBe('abc…');
    expect(mono.fit('abcdef', 13)).toBe('a…');
    expect(mono.fit('abcdef', 11)).toBeNull();
  });

  it('never splits a surrogate pair', () => {
    // The emoji is two UTF-16 units (12 px here): a cut between them backs off before it.
    expect(mono.fit('a😀bcdef', 18)).toBe('a…');
    expect(mono.fit('a😀bcdef', 24)).toBe('a😀…');
  });
});

describe('printable', () => {
  it('replaces control and bidi-override characters, keeps the rest', () => {
    expect(printable('a\nb\tc\u0007')).toBe('a\ufffdb\ufffdc\ufffd');
    expect(printable('evil\u202Etxt.exe')).toBe('evil\ufffdtxt.exe');
    expect(printable('/usr/lib/café/日本語')).toBe('/usr/lib/café/日本語');
  });
});
