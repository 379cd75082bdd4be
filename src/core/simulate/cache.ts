// The build cache: after an edit of the Dockerfile (or of the context), which steps would
// BuildKit take from its cache and which would it run again? BuildKit looks a step up by a key
// made of its parent's key and its own definition (solver/cachekey; dockerfile2llb):
// - RUN: the command (with SHELL), the environment (ENV, and ARGs, which reach RUN as env), the
//   working directory and user, its flags; never the files it touches;
// - COPY/ADD: the checksum of the content it copies (here: sizes and sha256 of every file, see
//   copy.ts), the destination and flags, the source stage's key for --from;
// - WORKDIR (a mkdir): its path and user.
// A step whose key was in the earlier build is a hit; the first miss changes the key of every
// step after it in that stage, and of the stages that copy from it or are built FROM it.
// Config-only instructions (ENV, LABEL, CMD, …) make no cached operation: they do not break the
// chain; a changed ENV or ARG reaches the RUN lines through their environment instead.
// https://docs.docker.com/build/cache/invalidation/

import type { SimulateOptions } from './simulate.ts';
import { simulateDockerfile } from './simulate.ts';
import type { SimulatedImage, StepInfo } from './types.ts';

export type CacheDecision = 'hit' | 'rebuild' | 'not-built';

export interface CacheMark {
  /** index into the edited build's steps */
  step: number;
  line: number;
  original: string;
  decision: CacheDecision;
  reason: string;
}

export interface CacheReport {
  marks: CacheMark[];
  /** layers of the edited image that would be built again */
  rebuiltLayers: number[];
}

function sameText(a: StepInfo | undefined, b: StepInfo): boolean {
  return !!a && a.keyword === b.keyword && a.original === b.original;
}

/** Marks each step of `after` as BuildKit's cache would, given that `before` was built. */
export function cacheDecisions(before: SimulatedImage, after: SimulatedImage): CacheReport {
  const known = new Set(before.steps.map((s) => s.cacheKey).filter((k): k is string => k !== null));
  const parents = new Set(before.steps.map((s) => s.cacheParent).filter((k): k is string => k !== null));
  const marks: CacheMark[] = [];
  const rebuiltLayers: number[] = [];
  after.steps.forEach((s, i) => {
    const mark = (decision: CacheDecision, reason: string) => marks.push({ step: i, line: s.startLine, original: s.original, decision, reason });
    if (s.cacheKey === null) return mark('not-built', s.why);
    if (!s.makesLayer) {
      // Config-only: nothing is cached or rebuilt; it "changes" only when its own text does.
      return known.has(s.cacheKey) ? mark('hit', 'unchanged (config only)') : mark('rebuild', 'the instruction changed (config only: no layer to rebuild, later steps are not affected)');
    }
    if (known.has(s.cacheKey)) return mark('hit', 'cached: same instruction, same inputs, same parent as in the earlier build');
    if (s.layerIndex !== null) rebuiltLayers.push(s.layerIndex);
    const parentKnown = s.cacheParent !== null && (known.has(s.cacheParent) || parents.has(s.cacheParent));
    if (!parentKnown) {
      const cause = after.steps.find((x) => x.cacheKey === s.cacheParent);
      return mark('rebuild', cause ? `an earlier step rebuilds (line ${cause.startLine}), so everything after it does` : 'the stage starts from a different base or an earlier stage that rebuilds');
    }
    const old = before.steps.find((b) => b.cacheParent === s.cacheParent && b.keyword === s.keyword);
    if (!sameText(old, s)) return mark('rebuild', s.makesLayer ? 'the instruction changed' : 'the instruction changed (config only: no layer to rebuild, later steps are not affected)');
    switch (s.keyword) {
      case 'run':
        return mark('rebuild', 'its environment changed (an ENV or ARG value it sees)');
      case 'copy':
      case 'add':
        return mark('rebuild', 'the files it copies changed (their content or size)');
      default:
        return mark('rebuild', 'its inputs changed');
    }
  });
  return { marks, rebuiltLayers };
}

/** Simulates both versions and compares them. */
export async function simulateEdit(beforeText: string, afterText: string, opts: SimulateOptions & { beforeOptions?: SimulateOptions } = {}) {
  const before = await simulateDockerfile(beforeText, { ...opts, ...opts.beforeOptions });
  const after = await simulateDockerfile(afterText, opts);
  return { before, after, ...cacheDecisions(before, after) };
}
