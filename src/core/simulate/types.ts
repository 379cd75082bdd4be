// The simulator's contract: what it reads (SimInstruction, fed from the Dockerfile parser in
// src/core/dockerfile/, see from-parse.ts) and what it returns (SimulatedImage: the same
// ImageArchive model a read image has, plus one StepInfo per instruction that says why it made a
// layer or none, what it added and which sizes are not known for sure).

import type { ImageArchive } from '../model/image.ts';
import type { ResolvedStage } from '../dockerfile/stages.ts';

export type BuilderName = 'buildkit' | 'buildah';
export const BUILDERS: readonly BuilderName[] = ['buildkit', 'buildah'];

export interface SimHeredoc {
  name: string;
  /** the body (for COPY/ADD already expanded and chomped by the resolver) */
  content: string;
  /** false for a quoted delimiter (<<"EOF"): no expansion */
  expand: boolean;
  /** <<- : leading tabs stripped */
  chomp: boolean;
}

export interface SimFlag {
  name: string;
  value: string;
}

/**
 * One Dockerfile instruction as the simulator needs it: the shape of the parser's
 * ResolvedInstruction (src/core/dockerfile/stages.ts), narrowed so tests can write one by hand.
 */
export interface SimInstruction {
  /** lowercased keyword: "run", "copy", … */
  keyword: string;
  /**
   * Arguments, expanded where BuildKit expands them (not RUN, CMD, ENTRYPOINT, SHELL).
   * RUN/CMD/ENTRYPOINT in shell form: one string, the command line. ENV/LABEL: key, value,
   * separator triples (use `pairs`). ARG: "K" or "K=V" (use `argValues`).
   */
  args: string[];
  /** exec (JSON) form */
  json: boolean;
  flags: SimFlag[];
  heredocs: SimHeredoc[];
  line: number;
  endLine: number;
  /** the instruction's text with line continuations joined (BuildKit's node.Original) */
  original: string;
  /** the environment the instruction sees: ENV and valued ARGs so far, "K=V" */
  env: string[];
  /** ARG: each name and its value (null: declared without one) */
  argValues: { key: string; value: string | null }[];
  /** ENV/LABEL: the pairs, expanded */
  pairs: { key: string; value: string }[];
  /** COPY --from / RUN --mount from=: the stages it reads */
  fromStages: number[];
}

/** A resolved stage (name, base, platform, line) with its instructions as the simulator runs them. */
export interface SimStage extends Omit<ResolvedStage, 'instructions'> {
  instructions: SimInstruction[];
}

export interface SimPlan {
  stages: SimStage[];
  /** index of the target stage */
  target: number;
  /** the stages the target needs, itself included */
  reachable: number[];
}

export interface Unknown {
  /** the path whose size is not known, or null for the whole step */
  path: string | null;
  reason: string;
}

export interface StepInfo {
  /** position among every simulated step, all stages, in Dockerfile order */
  index: number;
  stage: number;
  stageName: string | null;
  /** true when the step belongs to the chain that ends in the image */
  inImage: boolean;
  keyword: string;
  original: string;
  startLine: number;
  endLine: number;
  makesLayer: boolean;
  /** the image layer this step made (only steps in the image have one) */
  layerIndex: number | null;
  historyIndex: number | null;
  createdBy: string | null;
  /** why the step made a layer or none, in words */
  why: string;
  added: { entries: number; files: number; fileBytes: number; whiteouts: number; opaqueDirs: number };
  /** true when a size in this step is not known for sure */
  estimated: boolean;
  unknowns: Unknown[];
  /** what the step did, in words: package caches kept, copy-ups, ignored files, … */
  notes: string[];
  /**
   * BuildKit's cache key of the step (cache.ts): its parent's key and its own inputs (RUN: the
   * command, environment and build args; COPY/ADD: the content of what it copies). null for a
   * step that was not built.
   */
  cacheKey: string | null;
  /** the key of the state the step starts from */
  cacheParent: string | null;
}

export interface BaseInfo {
  /** the FROM reference as written (expanded) */
  ref: string;
  source: 'archive' | 'catalog' | 'scratch' | 'stage' | 'unknown';
  /** where its figures come from, in words (catalog citation, archive name) */
  detail: string;
  layers: number;
}

export type SimulatedImage = ImageArchive & {
  builder: BuilderName;
  target: string | null;
  steps: StepInfo[];
  base: BaseInfo;
};

/** A problem with the Dockerfile or the build that stops the simulation (as a build would fail). */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';
  constructor(
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(line === null ? problem : `line ${line}: ${problem}`);
  }
}
