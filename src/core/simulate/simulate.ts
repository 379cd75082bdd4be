// Dockerfile → the layer stack a build would make, without Docker: parse and resolve the stages
// (src/core/dockerfile), start each stage from its base (base/), run every instruction of the
// stages the target needs against a virtual filesystem (run-step.ts, copy.ts, meta-step.ts),
// cut a layer where the builder does (builders.ts) and write its LayerTable from the overlay
// diff (vfs/layer-diff.ts). The result is the ImageArchive model a read image has, so every
// view, the CLI and the waste computation work on it unchanged, plus a StepInfo per instruction.

import { parseDockerfile } from '../dockerfile/parser.ts';
import { resolveStages } from '../dockerfile/stages.ts';
import { throwIfAborted } from '../errors.ts';
import { withLimits, type Limits } from '../limits.ts';
import type { ContextSource } from './context/context-source.ts';
import { LoadedContext } from './context/loaded-context.ts';
import { resolveBase, shellFlavor, type BaseResolver } from './base/resolve.ts';
import type { BaseImage } from './base/base-image.ts';
import { builderRules, createdBy, type HistoryContext } from './builders.ts';
import { runCopy } from './copy.ts';
import { applyMeta } from './meta-step.ts';
import { runArgv, simulateRun } from './run-step.ts';
import { findSizeHint } from './hints.ts';
import { assembleImage } from './assemble.ts';
import { stageFromBase, stageFromStage, type StageState } from './stage-state.ts';
import type { BuilderName, SimInstruction, SimPlan, SimulatedImage, StepInfo } from './types.ts';
import { copiedUp, diffStep } from './vfs/layer-diff.ts';
import type { Clock } from './vfs/vfs.ts';
import type { Reporter } from './shell/context.ts';
import { sha256Text } from './hash.ts';

export interface SimulateOptions {
  /** the Dockerfile's name, for messages and input.name (default "Dockerfile") */
  file?: string;
  builder?: BuilderName;
  buildArgs?: Record<string, string>;
  target?: string;
  context?: ContextSource | null;
  /** base images the caller has (an archive given with --base or dropped beside the Dockerfile) */
  resolveBase?: BaseResolver;
  /** time stamp of what the build writes, seconds (SOURCE_DATE_EPOCH); default 0 */
  epoch?: number;
  signal?: AbortSignal;
  /** limits changed from DEFAULT_LIMITS: maxInstructions (resolving) and maxScriptBytes (RUN) */
  limits?: Partial<Limits>;
}

export async function simulateDockerfile(text: string, opts: SimulateOptions = {}): Promise<SimulatedImage> {
  const file = opts.file ?? 'Dockerfile';
  const parse = parseDockerfile(text, { file });
  const first = resolveStages(parse, { buildArgs: opts.buildArgs, target: opts.target, limits: opts.limits });
  const bases = new Map<string, BaseImage>();
  for (const i of first.reachable) {
    const s = first.stages[i];
    if (s.baseStage === null && !bases.has(s.baseName)) bases.set(s.baseName, resolveBase(s.baseName, opts.resolveBase));
  }
  const plan = resolveStages(parse, { buildArgs: opts.buildArgs, target: opts.target, limits: opts.limits, baseImageEnv: (ref) => bases.get(ref)?.config.env });
  const sim = await simulatePlan(plan, { ...opts, lines: text.split('\n'), bases, bytes: new TextEncoder().encode(text).length });
  sim.warnings.unshift(...parse.warnings.map((w) => `line ${w.line}: ${w.message}`));
  return sim;
}

export interface PlanOptions extends SimulateOptions {
  /** the Dockerfile's lines, for size hints */
  lines?: readonly string[];
  /** bases already resolved by FROM reference */
  bases?: Map<string, BaseImage>;
  bytes?: number;
}

function newStep(index: number, stage: StageState, ins: SimInstruction, inImage: boolean): StepInfo {
  return {
    index,
    stage: stage.index,
    stageName: stage.name,
    inImage,
    keyword: ins.keyword,
    original: ins.original,
    startLine: ins.line,
    endLine: ins.endLine,
    makesLayer: false,
    layerIndex: null,
    historyIndex: null,
    createdBy: null,
    why: '',
    added: { entries: 0, files: 0, fileBytes: 0, whiteouts: 0, opaqueDirs: 0 },
    estimated: false,
    unknowns: [],
    notes: [],
    cacheKey: null,
    cacheParent: null,
  };
}

function reporterFor(step: StepInfo, warnings: string[]): Reporter {
  return {
    unknown: (path, reason) => {
      step.estimated = true;
      if (!step.unknowns.some((u) => u.path === path && u.reason === reason)) step.unknowns.push({ path, reason });
    },
    note: (text) => {
      if (!step.notes.includes(text)) step.notes.push(text);
    },
    warn: (text) => {
      const w = `line ${step.startLine}: ${text}`;
      if (!warnings.includes(w)) warnings.push(w);
      if (!step.notes.includes(text)) step.notes.push(text);
    },
  };
}

const WHY_EMPTY: Record<string, string> = {
  arg: 'ARG only sets a build argument: a history entry without a layer',
  onbuild: 'ONBUILD only records a trigger for images built FROM this one',
};

export async function simulatePlan(plan: SimPlan, opts: PlanOptions = {}): Promise<SimulatedImage> {
  const builder = opts.builder ?? 'buildkit';
  const rules = builderRules(builder);
  const epoch = opts.epoch ?? 0;
  const { maxScriptBytes } = withLimits(opts.limits);
  const clock: Clock = { gen: 0 };
  const warnings: string[] = [];
  const context = opts.context ? await LoadedContext.load(opts.context) : null;
  const states = new Map<number, StageState>();
  const steps: StepInfo[] = [];
  // The target's chain: its FROM stages, which end up in the image.
  const chain = new Set<number>();
  for (let s: number | null = plan.target; s !== null; s = plan.stages[s].baseStage) chain.add(s);
  const reachable = new Set(plan.reachable);
  const lines = opts.lines ?? [];

  for (const stage of plan.stages) {
    if (!reachable.has(stage.index)) {
      for (const ins of stage.instructions) {
        const step = newStep(steps.length, { index: stage.index, name: stage.name } as StageState, ins, false);
        step.why = `not built: the target stage does not need stage ${stage.name ?? stage.index}`;
        steps.push(step);
      }
      continue;
    }
    let st: StageState;
    if (stage.baseStage !== null) st = stageFromStage(stage.index, stage.name, states.get(stage.baseStage)!);
    else {
      const base = opts.bases?.get(stage.baseName) ?? resolveBase(stage.baseName, opts.resolveBase);
      for (const w of base.warnings) if (!warnings.includes(w)) warnings.push(w);
      const vfs0 = base.filesystem(clock);
      st = stageFromBase(stage.index, stage.name, base, clock, shellFlavor(stage.baseName, vfs0));
    }
    st.vfs.beginStep(epoch);
    for (const ins of stage.instructions) {
      throwIfAborted(opts.signal);
      const step = newStep(steps.length, st, ins, chain.has(stage.index));
      steps.push(step);
      const report = reporterFor(step, warnings);
      const h: HistoryContext = { runArgs: [], buildArgs: [], stageArgs: st.stageArgs, copySummary: null, command: null, workdir: st.config.workdir, healthcheck: null };
      const layer = rules.makesLayer(ins, ins.keyword === 'workdir' ? absoluteWorkdir(st, ins) : st.config.workdir);
      step.cacheParent = st.cacheKey;
      let own: string[] = [ins.keyword, ...ins.flags.map((f) => `${f.name}=${f.value}`)];
      switch (ins.keyword) {
        case 'run': {
          const hint = findSizeHint(lines, ins.line, ins.endLine);
          h.runArgs = runArgv(ins, st.config.shell);
          const env = new Map(ins.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)] as [string, string]));
          h.buildArgs = st.declaredArgs.map((a) => [a.key, env.get(a.key) ?? a.value ?? ''] as [string, string]);
          own = own.concat(h.runArgs, [...ins.env].sort(), [st.config.workdir, st.config.user ?? '']);
          step.notes.push(...(await simulateRun(st, ins, report, hint, maxScriptBytes)));
          step.why = `RUN always makes a layer (${builder === 'buildah' ? 'buildah commits every RUN' : 'BuildKit snapshots every RUN'}, even when nothing changes)`;
          break;
        }
        case 'copy':
        case 'add': {
          st.fs.cwd = st.config.workdir;
          const out = await runCopy(ins, ins.keyword === 'add', {
            fs: st.fs,
            context,
            stageVfs: (i) => states.get(i)?.vfs ?? null,
            report,
            builder,
          });
          h.copySummary = out.summary;
          own = own.concat(ins.args.slice(-1), [st.config.workdir, out.contentKey], ins.fromStages.map((i) => states.get(i)?.cacheKey ?? `stage ${i}`));
          step.why = `${ins.keyword.toUpperCase()} always makes a layer: ${out.files} file(s), ${out.bytes} bytes copied`;
          break;
        }
        case 'workdir': {
          applyMeta(st, ins);
          h.workdir = st.config.workdir;
          own = own.concat([st.config.workdir, st.config.user ?? '']);
          if (builder === 'buildkit') {
            if (layer) {
              const owner = st.config.user ? st.config.user.split(':')[0] : null;
              st.fs.mkdir(st.config.workdir, { parents: true });
              if (owner) step.notes.push(`WORKDIR creates ${st.config.workdir} owned by USER ${owner}`);
              step.why = st.vfs.touched().size ? `WORKDIR makes a layer with ${st.config.workdir} (BuildKit: mkdir -p)` : `WORKDIR makes a layer even though ${st.config.workdir} exists (an empty layer, BuildKit)`;
            } else step.why = 'WORKDIR / makes no layer (BuildKit)';
          } else {
            if (!st.fs.exists(st.config.workdir)) st.fs.mkdir(st.config.workdir, { parents: true });
            step.why = 'WORKDIR makes no layer in buildah: the directory is created now and lands in the next layer';
          }
          break;
        }
        default:
          own = own.concat(ins.original, JSON.stringify(ins.argValues), JSON.stringify(ins.pairs));
          applyMeta(st, ins);
          h.command = ins.keyword === 'cmd' ? st.config.cmd : ins.keyword === 'entrypoint' ? st.config.entrypoint : null;
          h.healthcheck = st.config.healthcheck;
          step.why = WHY_EMPTY[ins.keyword] ?? `${ins.keyword.toUpperCase()} changes the image config only: a history entry without a layer`;
      }
      // Only steps that make filesystem changes chain the cache; config-only ones do not
      // invalidate what follows (their effect on RUN reaches it through the environment).
      step.cacheKey = await sha256Text(layer ? `${st.cacheKey}\n${own.join('\n')}` : `config\n${own.join('\n')}`);
      if (layer) st.cacheKey = step.cacheKey;
      const recorded = !(builder === 'buildkit' && ins.keyword === 'onbuild');
      if (layer) {
        const diff = diffStep(st.vfs, { opaqueDirs: rules.opaqueDirs, extraPaths: ins.keyword === 'run' ? rules.runExtraPaths : [] });
        const up = copiedUp(st.vfs);
        if (up.files) step.notes.push(`${up.files} file(s), ${up.bytes} bytes, copied into this layer unchanged by a metadata change (chmod/chown/touch): the lower copies become waste`);
        step.makesLayer = true;
        step.createdBy = createdBy(builder, ins, h);
        step.added = { entries: diff.entryCount, files: diff.fileCount, fileBytes: diff.fileBytes, whiteouts: diff.whiteouts.length, opaqueDirs: diff.opaqueDirs.length };
        for (const u of diff.unknowns) report.unknown(u.path, u.reason);
        st.layers.push({
          diffId: null,
          digest: null,
          mediaType: null,
          compression: 'none',
          compressedSize: diff.tarSize,
          tarSize: diff.tarSize,
          fileBytes: diff.fileBytes,
          entryCount: diff.entryCount,
          fileCount: diff.fileCount,
          whiteouts: diff.whiteouts,
          opaqueDirs: diff.opaqueDirs,
          createdBy: step.createdBy,
          estimated: step.estimated || diff.estimated,
          table: diff.table,
          step,
        });
        st.history.push({ createdBy: step.createdBy, created: null, comment: null, emptyLayer: false, step, layer: st.layers.length - 1 });
        st.vfs.beginStep(epoch);
      } else if (recorded) {
        step.createdBy = createdBy(builder, ins, h);
        st.history.push({ createdBy: step.createdBy, created: null, comment: null, emptyLayer: true, step, layer: null });
      } else step.why = 'ONBUILD records no history entry in BuildKit; the trigger runs in images built FROM this one';
    }
    states.set(stage.index, st);
  }
  const target = states.get(plan.target)!;
  return assembleImage(target, steps, {
    name: opts.file ?? 'Dockerfile',
    bytes: opts.bytes ?? 0,
    builder,
    target: plan.stages[plan.target].name,
    warnings,
  });
}

function absoluteWorkdir(st: StageState, ins: SimInstruction): string {
  const p = ins.args[0] ?? '/';
  const abs = p.startsWith('/') ? p : `${st.config.workdir}/${p}`;
  return abs.replace(/\/+$/, '') || '/';
}
