// The read options in the store: how far a limit is raised, the hash mode remembered across
// page loads, raised limits kept for the session and reset. The store is the real one; the
// analyze worker is never started (nothing has been read, so nothing is read again).

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { raisedValue } from './read-options-slice.ts';

describe('raisedValue', () => {
  it.each([
    ['maxRatio', 200, 2_000], // straight past anything gzip can do (≈ 1,030×)
    ['maxRatio', 2_000, 8_000],
    ['maxEntries', 1_000_000, 4_000_000],
    ['maxDecompressedBytes', 64 * 2 ** 30, 256 * 2 ** 30],
    ['maxJsonDepth', 64, 256],
  ] as const)('%s from %d to %d', (name, from, to) => {
    expect(raisedValue(name, from)).toBe(to);
  });

  it('stays a safe integer', () => {
    expect(raisedValue('maxDecompressedBytes', Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('the read options slice', () => {
  let stored: Map<string, string>;
  beforeEach(() => {
    stored = new Map();
    vi.stubGlobal('localStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) });
    vi.resetModules();
  });
  afterEach(() => vi.unstubAllGlobals());

  const freshStore = async () => (await import('./store.ts')).useApp;

  it('starts on auto, remembers a choice, and starts on it next time', async () => {
    let app = await freshStore();
    expect(app.getState().hashMode).toBe('auto');
    app.getState().setHashMode('off');
    expect(app.getState().hashMode).toBe('off');
    expect(stored.get('layerscope.hashMode')).toBe('off');
    vi.resetModules();
    app = await freshStore();
    expect(app.getState().hashMode).toBe('off');
  });

  it('ignores a stored value it does not know, and storage that throws', async () => {
    stored.set('layerscope.hashMode', 'sometimes');
    expect((await freshStore()).getState().hashMode).toBe('auto');
    vi.stubGlobal('localStorage', { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } });
    vi.resetModules();
    const app = await freshStore();
    expect(app.getState().hashMode).toBe('auto');
    app.getState().setHashMode('on');
    expect(app.getState().hashMode).toBe('on');
  });

  it('keeps raised limits together until reset', async () => {
    const app = await freshStore();
    app.getState().raiseLimit('maxRatio', 2_000);
    app.getState().raiseLimit('maxEntries', 4_000_000);
    expect(app.getState().raisedLimits).toEqual({ maxRatio: 2_000, maxEntries: 4_000_000 });
    app.getState().resetLimits();
    expect(app.getState().raisedLimits).toEqual({});
  });
});
