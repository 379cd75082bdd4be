// Messages between the page and the simulate worker (simulate.worker.ts): a Dockerfile's text in,
// the simulated image out (the ImageArchive model with its steps; LayerTable buffers
// transferred), or the cache decisions of an edit (src/core/simulate/cache.ts).

import type { Limits } from '../core/limits.ts';
import type { CacheReport } from '../core/simulate/cache.ts';
import type { BuilderName, SimulatedImage } from '../core/simulate/types.ts';
import type { WireContext } from './file-context.ts';
import type { WireArchive, WireError } from './protocol.ts';

export interface SimulateRequest {
  type: 'simulate';
  id: number;
  text: string;
  /** the Dockerfile's name, for messages */
  name: string;
  builder?: BuilderName;
  /** also decide, step by step, what an earlier build (this text) would let the cache keep */
  before?: string;
  /** the build context: dropped Files with their relative paths (cloned by reference, no bytes copied) */
  context?: WireContext;
  /** an image archive dropped beside the Dockerfile: read as the exact base of its FROM */
  base?: File;
  /** limits changed from the defaults (src/core/limits.ts): maxInstructions, maxScriptBytes, and the base archive's read limits */
  limits?: Partial<Limits>;
}

export type ToSimulator = SimulateRequest;

/** The simulated image as it crosses the boundary: the archive's wire form plus its extras. */
export type WireSimulated = WireArchive & Omit<SimulatedImage, keyof WireArchive>;

export type FromSimulator =
  | { type: 'result'; id: number; image: WireSimulated; cache: CacheReport | null; elapsedMs: number }
  | { type: 'error'; id: number; error: WireError };
