// The Limits object: defaults, overrides, values as people type them, and the one message shape.

import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { DEFAULT_LIMITS, formatLimit, LimitError, parseLimitValue, withLimits } from './limits.ts';
import { jsonDepth } from './formats/json-fields.ts';
import { climbsAboveRoot, EntryGuard, StreamGuard, utf8Length } from './layers/layer-guard.ts';
import type { TarEntry } from './tar/entry.ts';

const entry = (path: string, size = 0, linkname = ''): TarEntry => ({ path, type: 'file', size, mode: 0o644, uid: 0, gid: 0, mtime: 0, linkname, headerOffset: 0, dataOffset: 512 });

describe('limits', () => {
  it('defaults never bother a real image: 500k files, multi-GB layers, a few hundred layers', () => {
    expect(DEFAULT_LIMITS.maxEntries).toBeGreaterThanOrEqual(500_000);
    expect(DEFAULT_LIMITS.maxDecompressedBytes).toBeGreaterThanOrEqual(32 * 2 ** 30);
    expect(DEFAULT_LIMITS.maxLayers).toBeGreaterThanOrEqual(500);
    // the layer stack indexes layers in 16 bits (stacking.ts NEVER = 0xffff)
    expect(DEFAULT_LIMITS.maxLayers).toBeLessThan(0xffff);
  });

  it('overrides: only known names, only positive numbers', () => {
    expect(withLimits({ maxEntries: 10 }).maxEntries).toBe(10);
    expect(withLimits(undefined)).toEqual(DEFAULT_LIMITS);
    expect(() => withLimits({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => withLimits({ nope: 1 } as never)).toThrow(/unknown limit "nope"/);
  });

  it('reads values as people type them', () => {
    expect(parseLimitValue('1,000,000')).toBe(1_000_000);
    expect(parseLimitValue('64G')).toBe(64 * 2 ** 30);
    expect(parseLimitValue('512MiB')).toBe(512 * 2 ** 20);
    expect(parseLimitValue('1.5')).toBe(1.5);
    expect(parseLimitValue('1e6')).toBe(1_000_000);
    for (const bad of ['', '-1', '0', 'ten', '12x', '1..2']) expect(parseLimitValue(bad)).toBeNull();
  });

  it('one message shape: what, the limit and its value, how to raise it', () => {
    const e = new LimitError('app.tar', 'blobs/sha256/ab', 'this layer holds more than 10 tar entries', 'maxEntries', 10);
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe("app.tar: blobs/sha256/ab: this layer holds more than 10 tar entries: over the limit maxEntries = 10 (the CLI's --max-entries raises it)");
    expect(formatLimit('maxJsonBytes', 16 << 20)).toBe('16 MiB');
    expect(new LimitError('a', null, 'x', 'maxJsonDepth', 64).problem).toMatch(/--limit maxJsonDepth=N raises it/);
  });
});

describe('guards', () => {
  it('count entries, declared bytes, path bytes and depth', () => {
    const L = withLimits({ maxEntries: 2, maxPathBytes: 20, maxPathDepth: 3, maxDecompressedBytes: 1000 });
    const g = new EntryGuard(L, 'f.tar', 'layer');
    g.check(entry('a/b/c', 10));
    expect(() => g.check(entry('a/b/c/d'))).toThrow(/levels deep.*maxPathDepth/);
    expect(() => new EntryGuard(L, 'f.tar', 'layer').check(entry('x'.repeat(21)))).toThrow(/21 bytes long.*maxPathBytes/);
    expect(() => new EntryGuard(L, 'f.tar', 'layer').check(entry('é'.repeat(11)))).toThrow(/22 bytes long/);
    expect(() => new EntryGuard(L, 'f.tar', 'layer').check(entry('l', 0, 'y'.repeat(30)))).toThrow(/link target is 30 bytes/);
    expect(() => new EntryGuard(L, 'f.tar', 'layer').check(entry('big', 1001))).toThrow(/declare more than/);
    expect(() => new EntryGuard(L, 'f.tar', 'layer', 'this layer', false).check(entry('big', 1001))).not.toThrow();
    const h = new EntryGuard(L, 'f.tar', 'layer');
    h.check(entry('a'));
    h.check(entry('b'));
    expect(() => h.check(entry('c'))).toThrow(/more than 2 tar entries/);
  });

  it('a stream may expand past the ratio only below the floor', () => {
    const s = new StreamGuard(withLimits({ maxRatio: 10, ratioFloorBytes: 1000 }), 'f.tar', null);
    expect(() => s.check(1000, 1)).not.toThrow();
    expect(() => s.check(1001, 100)).toThrow(/expands more than 10×/);
    expect(() => s.check(5000, 500)).not.toThrow();
  });

  it('names that climb above the root, and byte lengths', () => {
    expect(climbsAboveRoot('../etc')).toBe(true);
    expect(climbsAboveRoot('a/../../b')).toBe(true);
    expect(climbsAboveRoot('a/../b/..')).toBe(false);
    expect(climbsAboveRoot('/x/./y')).toBe(false);
    expect(utf8Length('aé😀')).toBe(1 + 2 + 4);
  });

  it('JSON depth counts outside strings only', () => {
    expect(jsonDepth(new TextEncoder().encode('{"a":[[1]],"b":"[[[[["}'), 100)).toBe(3);
    expect(jsonDepth(new TextEncoder().encode('"\\"[["'), 100)).toBe(0);
    expect(jsonDepth(new TextEncoder().encode('['.repeat(1000)), 10)).toBe(11);
  });
});
