// Parse → build stages with every word expanded as BuildKit expands it, for the simulator.
// ARG scoping (dockerfile2llb convert.go buildMetaArgs / dispatchArg): ARGs before the first FROM
// are global — they expand in FROM lines and later global defaults only, and a stage sees one
// only after re-declaring it (`ARG NAME`); a stage ARG's value is the --build-arg, else its
// expanded default, else the global value; valued ARGs and ENVs join the stage environment in
// order; a stage FROM another inherits its environment and runs its ONBUILD triggers first.
// The automatic platform ARGs (TARGETPLATFORM …, default linux/amd64) are global.
// https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/dockerfile2llb/convert.go

import { limitProblem, withLimits, type Limits } from '../limits.ts';
import { DockerfileError, DockerfileLimitError, InstructionError } from './errors.ts';
import { expandInstruction, type Expanded } from './expand-instruction.ts';
import { type Flag, flagValue, parseFlags } from './flags.ts';
import { goQuote } from './go-text.ts';
import type { DockerfileParse, Instruction } from './node.ts';
import { ShellError, ShellLex } from './shell/lex.ts';
import { findCycle, reachableFrom, referencesOf, type StageHeader, stageByName, stageLabel } from './stage-graph.ts';
import { DEFAULT_PATH, DEFAULT_PLATFORM, EnvList, parsePlatform, platformArgs, proxyEnv } from './stage-env.ts';
import { suggest } from './suggest.ts';

export interface ResolveOptions {
  /** --build-arg K=V */
  buildArgs?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /** --target: a stage name (default: the last stage) */
  target?: string;
  /** default linux/amd64 */
  buildPlatform?: string;
  /** default: the build platform */
  targetPlatform?: string;
  /** a base image's config Env ("K=V"), when the caller knows it */
  baseImageEnv?: (ref: string) => readonly string[] | undefined;
  /** limits changed from DEFAULT_LIMITS (maxInstructions is the one read here) */
  limits?: Partial<Limits>;
}

export interface ResolvedArg {
  key: string;
  /** null: declared without a value anywhere */
  value: string | null;
}

export interface ResolvedInstruction extends Expanded {
  keyword: string;
  line: number;
  endLine: number;
  original: string;
  json: boolean;
  /** ONBUILD's trigger, unexpanded (it runs in the stages built FROM this one) */
  sub: Instruction | null;
  /** a trigger inherited from the parent stage's ONBUILD, run before the stage's own */
  trigger: boolean;
  /** the environment this instruction sees (before its own effect); RUN adds the proxy build args */
  env: string[];
  /** ARG: each name and the value it ends up with */
  argValues: ResolvedArg[];
  /** COPY --from / RUN --mount from=: the stages read (indices) and the images named */
  fromStages: number[];
  fromImages: string[];
}

export interface ResolvedStage {
  index: number;
  name: string | null;
  /** the FROM image or stage, expanded */
  baseName: string;
  /** the earlier stage FROM names, or null for an image (or scratch) */
  baseStage: number | null;
  /** --platform, expanded; null if not given */
  platform: string | null;
  line: number;
  instructions: ResolvedInstruction[];
  /** stages this one needs: its base stage and the --from ones */
  dependsOn: number[];
  /** the environment at the end of the stage */
  env: string[];
}

export interface ResolvedDockerfile {
  globalArgs: ResolvedArg[];
  stages: ResolvedStage[];
  /** index of the target stage */
  target: number;
  /** the stages the target needs, itself included, in file order */
  reachable: number[];
}

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

/** Split the parse into global ARGs and stages (instructions.Parse). */
function splitStages(parse: DockerfileParse, fail: (ins: Instruction, msg: string) => never) {
  const metaArgs: Instruction[] = [];
  const stages: StageHeader[] = [];
  for (const ins of parse.instructions) {
    if (ins.keyword === 'from') {
      const a = ins.args;
      let name: string | null = null;
      if (a.length === 3 && a[1].toLowerCase() === 'as') {
        name = a[2].toLowerCase();
        if (!STAGE_NAME.test(name)) fail(ins, `invalid name for build stage: ${goQuote(a[2])}, name can't start with a number or contain symbols`);
      } else if (a.length !== 1) fail(ins, 'FROM requires either one or three arguments');
      stages.push({ index: stages.length, name, from: ins, body: [] });
    } else if (stages.length === 0) {
      if (ins.keyword !== 'arg') fail(ins, 'no build stage in current context');
      metaArgs.push(ins);
    } else stages[stages.length - 1].body.push(ins);
  }
  if (stages.length === 0) fail(parse.instructions[parse.instructions.length - 1], 'dockerfile contains no stages to build');
  return { metaArgs, stages };
}

/** ARG words: `k` or `k=v` (instructions parseArg). */
function argPairs(ins: Instruction): { key: string; value: string | null }[] {
  if (ins.args.length === 0) throw new InstructionError('ARG requires at least one argument');
  return ins.args.map((w) => {
    const eq = w.indexOf('=');
    if (eq < 0) return { key: w, value: null };
    if (eq === 0) throw new InstructionError('ARG names can not be blank');
    return { key: w.slice(0, eq), value: w.slice(eq + 1) };
  });
}

export function resolveStages(parse: DockerfileParse, options: ResolveOptions = {}): ResolvedDockerfile {
  const fail = (ins: Instruction, msg: string): never => {
    throw new DockerfileError(parse.file, ins.startLine, msg, ins.endLine);
  };
  /** run fn, turning the expected errors into a DockerfileError at ins */
  const at = <T>(ins: Instruction, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ShellError || e instanceof InstructionError) fail(ins, e.message);
      throw e;
    }
  };
  // Each instruction keeps the environment it sees, so the work grows with the square of their number.
  const { maxInstructions } = withLimits(options.limits);
  if (parse.instructions.length > maxInstructions) {
    const over = parse.instructions[maxInstructions];
    const what = `the Dockerfile has ${parse.instructions.length.toLocaleString('en-US')} instructions`;
    throw new DockerfileLimitError(parse.file, over.startLine, limitProblem(what, 'maxInstructions', maxInstructions), 'maxInstructions', maxInstructions);
  }
  const buildArgs = new Map(options.buildArgs instanceof Map ? options.buildArgs : Object.entries(options.buildArgs ?? {}));
  const lex = new ShellLex({ escapeToken: parse.escapeToken });
  const { metaArgs, stages } = splitStages(parse, fail);

  let target = stages[stages.length - 1];
  if (options.target !== undefined) {
    const t = stageByName(stages, options.target);
    if (!t) {
      const hint = suggest(options.target, stages.flatMap((s) => (s.name ? [s.name] : [])));
      throw new DockerfileError(parse.file, stages[0].from.startLine, `target stage ${goQuote(options.target)} could not be found${hint ? ` (did you mean ${hint}?)` : ''}`);
    }
    target = t;
  }
  const platform = (s: string | undefined, dflt: typeof DEFAULT_PLATFORM) => {
    if (s === undefined) return dflt;
    const p = parsePlatform(s);
    if (!p) throw new DockerfileError(parse.file, stages[0].from.startLine, `failed to parse platform ${s}`);
    return p;
  };
  const buildP = platform(options.buildPlatform, DEFAULT_PLATFORM);
  const global = platformArgs(buildP, platform(options.targetPlatform, buildP), target.name ?? 'default', buildArgs);

  const globalArgs: ResolvedArg[] = [];
  for (const ins of metaArgs) {
    for (const { key, value } of at(ins, () => argPairs(ins))) {
      const v = buildArgs.has(key) ? buildArgs.get(key)! : value === null ? null : at(ins, () => lex.processWord(value, global));
      if (v !== null) global.set(key, v);
      globalArgs.push({ key, value: v ?? global.get(key) ?? null }); // a platform ARG keeps its value
    }
  }

  // --from references first: a cycle is an error before anything is dispatched
  const refs = stages.map((s) => s.body.flatMap((ins) => at(ins, () => referencesOf(ins, stages))));
  const cycle = findCycle(refs.map((r) => r.flatMap((x) => (x.stage === null ? [] : [x.stage]))));
  if (cycle !== null) fail(stages[cycle].from, `circular dependency detected on stage: ${stageLabel(stages[cycle])}`);

  const resolved: ResolvedStage[] = [];
  for (const st of stages) resolved.push(resolveStage(st));
  const edges = resolved.map((s) => s.dependsOn);
  return { globalArgs, stages: resolved, target: target.index, reachable: reachableFrom(target.index, edges) };

  function resolveStage(st: StageHeader): ResolvedStage {
    const from = st.from;
    const fromFlags = at(from, () => parseFlags('from', from.flags));
    const baseName = at(from, () => lex.processWord(from.args[0], global));
    if (baseName === '') fail(from, `base name (${from.args[0]}) should not be blank`);
    const p = flagValue(fromFlags, 'platform');
    const stagePlatform = p === undefined ? null : at(from, () => lex.processWord(p, global));
    // FROM names the latest EARLIER stage of that name
    let base: ResolvedStage | undefined;
    for (let i = st.index - 1; i >= 0 && !base; i--) if (stages[i].name === baseName.toLowerCase()) base = resolved[i];
    const env = base ? new EnvList(base.env) : new EnvList(baseName === 'scratch' ? [] : (options.baseImageEnv?.(baseName) ?? []));
    if (!env.has('PATH')) env.set('PATH', DEFAULT_PATH);

    const out: ResolvedInstruction[] = [];
    const dispatch = (ins: Instruction, trigger: boolean) => {
      const flags = at(ins, () => parseFlags(ins.keyword, ins.flags));
      const before = env.toArray();
      const r: ResolvedInstruction = {
        keyword: ins.keyword, line: ins.startLine, endLine: ins.endLine, original: ins.original, json: ins.json, sub: ins.sub,
        trigger, env: before, argValues: [], fromStages: [], fromImages: [], args: ins.args, flags, heredocs: ins.heredocs, pairs: [], expanded: false,
      };
      if (ins.keyword === 'arg') Object.assign(r, dispatchArg(ins, flags));
      else Object.assign(r, at(ins, () => expandInstruction(ins, flags, lex, env)));
      if (ins.keyword === 'env') for (const kv of r.pairs) env.set(kv.key, kv.value);
      if (ins.keyword === 'run') for (const [k, v] of proxyEnv(buildArgs)) if (!r.env.some((e) => e.startsWith(`${k}=`))) r.env.push(`${k}=${v}`);
      for (const ref of trigger ? at(ins, () => referencesOf(ins, stages)) : refs[st.index].filter((x) => x.at === ins)) {
        if (ref.stage === null) r.fromImages.push(ref.raw);
        else {
          if (ref.kind === 'copy' && ref.stage >= st.index) fail(ins, `cannot copy from stage ${goQuote(stageLabel(stages[ref.stage]))}, it needs to be defined before current stage ${goQuote(stageLabel(st))}`);
          r.fromStages.push(ref.stage);
        }
      }
      out.push(r);
    };
    const dispatchArg = (ins: Instruction, flags: Flag[]): Partial<ResolvedInstruction> => {
      const argValues: ResolvedArg[] = [];
      for (const { key, value } of at(ins, () => argPairs(ins))) {
        let v: string | null;
        if (buildArgs.has(key)) v = buildArgs.get(key)!;
        else if (value !== null) v = at(ins, () => lex.processWord(value, env));
        else v = global.get(key) ?? null; // inherited from the global scope
        if (v !== null) env.set(key, v);
        argValues.push({ key, value: v });
      }
      return { argValues, flags, args: ins.args, expanded: true };
    };
    // the parent stage's own ONBUILD triggers run first (dispatchOnBuildTriggers)
    if (base) for (const t of stages[base.index].body) if (t.keyword === 'onbuild' && t.sub) dispatch({ ...t.sub, startLine: t.startLine, endLine: t.endLine, heredocs: t.heredocs }, true);
    for (const ins of st.body) dispatch(ins, false);

    const dependsOn = new Set<number>();
    if (base) dependsOn.add(base.index);
    for (const r of out) for (const s of r.fromStages) dependsOn.add(s);
    return {
      index: st.index, name: st.name, baseName, baseStage: base ? base.index : null, platform: stagePlatform, line: from.startLine,
      instructions: out, dependsOn: [...dependsOn].sort((a, b) => a - b), env: env.toArray(),
    };
  }
}
