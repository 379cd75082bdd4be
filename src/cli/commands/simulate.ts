// `layerscope simulate Dockerfile`: the layer stack the Dockerfile would build, without Docker,
// printed like `analyze` (same table, same JSON schema) plus one line per instruction saying why
// it made a layer or none and which sizes are estimates. Also `simulateFile` and
// `openImageOrDockerfile` for `readpath` on a Dockerfile.

import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { sniffCompression, looksLikeTar } from '../../core/bytes/sniff.ts';
import { parseDockerfile } from '../../core/dockerfile/parser.ts';
import { resolveStages } from '../../core/dockerfile/stages.ts';
import { InputError } from '../../core/errors.ts';
import { toAnalysisJson } from '../../core/export/analysis-json.ts';
import type { Limits } from '../../core/limits.ts';
import type { ImageArchive } from '../../core/model/image.ts';
import { archiveResolver } from '../../core/simulate/base/resolve.ts';
import { simulateDockerfile } from '../../core/simulate/simulate.ts';
import { BUILDERS, SimulationError, type BuilderName, type SimulatedImage } from '../../core/simulate/types.ts';
import { formatBytes } from '../../core/text/units.ts';
import { parse, UsageError } from '../args.ts';
import { DirectoryContext } from '../context-dir.ts';
import { LIMIT_OPTIONS, limitsFrom } from '../limit-flags.ts';
import { FileSource } from '../file-source.ts';
import { openArchive } from '../open-archive.ts';
import { renderAnalysis } from './analyze.ts';

export interface SimulateFileOptions {
  base?: string;
  /** the build context folder; default: none (COPY sizes unknown) */
  context?: string;
  target?: string;
  buildArgs?: Record<string, string>;
  builder?: BuilderName;
  /** limits changed from the defaults (--limit, --max-*): the simulator's and the --base archive's */
  limits?: Partial<Limits>;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(path, null, `cannot be opened (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** Simulates a Dockerfile on disk (the helper `readpath` uses for a Dockerfile). */
export async function simulateFile(path: string, opts: SimulateFileOptions = {}): Promise<SimulatedImage> {
  const text = await readText(path);
  let resolveBase;
  if (opts.base) {
    const archive = await openArchive(opts.base, { limits: opts.limits });
    const plan = resolveStages(parseDockerfile(text, { file: basename(path) }), { buildArgs: opts.buildArgs, target: opts.target, limits: opts.limits });
    resolveBase = archiveResolver(archive, plan.stages.filter((s) => s.baseStage === null).map((s) => s.baseName));
  }
  const context = opts.context ? await DirectoryContext.open(opts.context) : null;
  try {
    return await simulateDockerfile(text, { file: basename(path), builder: opts.builder, buildArgs: opts.buildArgs, target: opts.target, context, resolveBase, limits: opts.limits });
  } catch (e) {
    // A build error of the Dockerfile is bad input: one line, exit 2.
    if (e instanceof SimulationError) throw new InputError(path, e.line === null ? null : `line ${e.line}`, e.problem);
    throw e;
  }
}

/** An image archive is read; anything else that is text is simulated as a Dockerfile (its folder as context). */
export async function openImageOrDockerfile(path: string, opts: { image?: string; platform?: string } & SimulateFileOptions = {}): Promise<ImageArchive> {
  let head: Uint8Array;
  try {
    if (!(await stat(path)).isFile()) throw new InputError(path, null, 'is not a regular file');
    // Only the first bytes decide: never read a multi-GB archive whole to sniff it.
    const source = await FileSource.open(path, path);
    try {
      head = await source.read(0, 1024);
    } finally {
      await source.close();
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, null, `cannot be opened (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (sniffCompression(head) !== 'none' || looksLikeTar(head)) return openArchive(path, opts);
  return simulateFile(path, { context: opts.context ?? dirname(path), ...opts });
}

function buildArgs(list: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`--build-arg takes KEY=VALUE, got "${kv}"`);
    out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}

/** The flags every command that may simulate a Dockerfile takes (simulate, readpath). */
export const SIMULATE_FLAGS = {
  base: { type: 'string' },
  context: { type: 'string' },
  target: { type: 'string' },
  'build-arg': { type: 'string', multiple: true },
  builder: { type: 'string' },
} as const;

export function simulateOptions(values: { base?: string; context?: string; target?: string; 'build-arg'?: string[]; builder?: string }): SimulateFileOptions {
  const builder = (values.builder ?? 'buildkit') as BuilderName;
  if (!BUILDERS.includes(builder)) throw new UsageError(`--builder takes ${BUILDERS.join(' or ')}, got "${values.builder}"`);
  return { base: values.base, context: values.context, target: values.target, buildArgs: buildArgs(values['build-arg']), builder };
}

export async function simulate(argv: string[], out: (s: string) => void): Promise<void> {
  const { values, positionals } = parse(
    argv,
    { ...SIMULATE_FLAGS, json: { type: 'boolean' }, files: { type: 'boolean' }, merged: { type: 'boolean' }, ...LIMIT_OPTIONS },
    ['Dockerfile'],
  );
  const sim = await simulateFile(positionals[0], { ...simulateOptions(values), limits: limitsFrom(values) });
  const json = toAnalysisJson(sim, { files: values.files, merged: values.merged });
  if (values.json) {
    const simulation = { builder: sim.builder, target: sim.target, base: sim.base, steps: sim.steps };
    out(JSON.stringify({ ...json, simulation }, null, 2));
    return;
  }
  out(renderAnalysis(json));
  out('');
  out(renderSteps(sim));
}

/** One line per instruction: what it made and why, and what is an estimate. */
export function renderSteps(sim: SimulatedImage): string {
  const lines = [`simulated with ${sim.builder} from ${sim.base.ref} (${sim.base.source}: ${sim.base.detail})`, 'steps:'];
  for (const s of sim.steps) {
    const where = s.layerIndex !== null ? `layer ${s.layerIndex}, ${formatBytes(s.added.fileBytes)} in ${s.added.files} file(s)` : s.makesLayer ? 'a layer of another stage' : 'no layer';
    const text = s.original.length > 70 ? `${s.original.slice(0, 67)}...` : s.original;
    lines.push(`  line ${String(s.startLine).padStart(3)}  ${text}`);
    lines.push(`            ${where}${s.estimated ? ' (estimated)' : ''}: ${s.why}`);
    for (const u of s.unknowns) lines.push(`            not known: ${u.path ? `${u.path}: ` : ''}${u.reason}`);
    for (const n of s.notes) lines.push(`            note: ${n}`);
  }
  return lines.join('\n');
}
