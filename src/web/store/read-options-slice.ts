// How images are read: content hashing (Auto / On / Off, remembered in localStorage) and the
// limits raised this session after a limit stopped a read (issue 6: the CLI had flags for them,
// the page had nothing). Both travel with every read (analysis-slice → OpenRequest → the analyze
// worker → readArchive and each layer worker); changing either reads the current file again.

import type { StateCreator } from 'zustand';
import { DEFAULT_HASH_MODE, isHashMode, type HashMode } from '../../core/layers/hash-mode.ts';
import type { LimitName, Limits } from '../../core/limits.ts';
import { showsDockerfile } from './share-slice.ts';
import type { AppState } from './store.ts';

export interface ReadOptionsSlice {
  hashMode: HashMode;
  /** limits raised from DEFAULT_LIMITS this session; empty when none is */
  raisedLimits: Partial<Limits>;
  /** sets the mode, remembers it, and reads the current image again with it */
  setHashMode(mode: HashMode): void;
  /** raises one limit and reads the current image again */
  raiseLimit(name: LimitName, value: number): void;
  /** back to the default limits; the current image is read again under them */
  resetLimits(): void;
}

const STORAGE_KEY = 'layerscope.hashMode';

/**
 * Where a limit goes when a person asks to raise it: four times its value, and maxRatio straight
 * to 2,000. gzip cannot expand more than ≈ 1,030× (deflate's longest match), so 2,000 lets any
 * gzip layer through, a real zstd layer too, and still stops a hand-made zstd bomb.
 */
export function raisedValue(name: LimitName, value: number): number {
  if (name === 'maxRatio' && value < 2_000) return 2_000;
  return Math.min(Number.MAX_SAFE_INTEGER, value * 4);
}

function storedHashMode(): HashMode {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isHashMode(v) ? v : DEFAULT_HASH_MODE;
  } catch {
    return DEFAULT_HASH_MODE; // storage blocked (privacy settings): the default, not an error
  }
}

function storeHashMode(mode: HashMode): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, mode);
  } catch {
    // blocked storage: the choice lasts until the page is closed
  }
}

/** Reads the page's input again under the limits now set: an archive, or a Dockerfile simulated again. */
function readAgain(s: AppState): void {
  const doc = s.dockerfile;
  if (doc && showsDockerfile(s)) void s.openDockerfile(doc.text, doc.name, { builder: doc.builder, ...(doc.build ? { build: doc.build } : {}) });
  else s.rereadInput();
}

export const createReadOptionsSlice: StateCreator<AppState, [], [], ReadOptionsSlice> = (set, get) => ({
  hashMode: storedHashMode(),
  raisedLimits: {},

  setHashMode(mode) {
    if (mode === get().hashMode) return;
    storeHashMode(mode);
    set({ hashMode: mode });
    get().rereadInput();
  },

  raiseLimit(name, value) {
    set((s) => ({ raisedLimits: { ...s.raisedLimits, [name]: value } }));
    readAgain(get());
  },

  resetLimits() {
    if (Object.keys(get().raisedLimits).length === 0) return;
    set({ raisedLimits: {} });
    readAgain(get());
  },
});
