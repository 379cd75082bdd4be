// The simulate worker: runs the Dockerfile simulator (src/core/simulate) off the main thread (its
// shell parser alone is 1.5 MB of JS, loaded here on first use) and sends back the simulated
// image with its LayerTable buffers transferred, or an error naming the line. With `before`, it
// also simulates the earlier text and marks each step hit or rebuild as BuildKit's cache would.
// A dropped folder comes as Files (file-context.ts); an image archive dropped beside the
// Dockerfile is read here and used as the exact base, as the CLI's `--base` (commands/simulate.ts).

/// <reference lib="webworker" />
import { BlobSource } from '../core/bytes/source.ts';
import { parseDockerfile } from '../core/dockerfile/parser.ts';
import { resolveStages } from '../core/dockerfile/stages.ts';
import { readArchive } from '../core/formats/read-archive.ts';
import type { Limits } from '../core/limits.ts';
import type { ImageArchive } from '../core/model/image.ts';
import { archiveResolver, type BaseResolver } from '../core/simulate/base/resolve.ts';
import { cacheDecisions } from '../core/simulate/cache.ts';
import { simulateDockerfile } from '../core/simulate/simulate.ts';
import { SimulationError } from '../core/simulate/types.ts';
import { FileContext } from './file-context.ts';
import type { FromSimulator, SimulateRequest, ToSimulator, WireSimulated } from './simulate-protocol.ts';
import { archiveToWire, toWireError } from './wire.ts';

declare const self: DedicatedWorkerGlobalScope;

function post(msg: FromSimulator, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer);
}

/** The last base archive read: an edit re-simulates with the same File, which is not read again. */
let lastBase: { key: string; archive: Promise<ImageArchive> } | null = null;

function readBase(file: File, limits: Partial<Limits> | undefined): Promise<ImageArchive> {
  // A File is cloned anew with each message: same name, size and time (and limits) stand for the same read.
  const key = `${file.name}\0${file.size}\0${file.lastModified}\0${JSON.stringify(limits ?? {})}`;
  if (lastBase?.key !== key) {
    const archive = readArchive(new BlobSource(file.name, file), { limits });
    lastBase = { key, archive };
    archive.catch(() => {
      if (lastBase?.archive === archive) lastBase = null;
    });
  }
  return lastBase.archive;
}

/** The base resolver for a dropped archive: it serves the FROM lines that name images (resolve.ts). */
async function baseResolver(req: SimulateRequest): Promise<{ resolveBase?: BaseResolver; archive?: ImageArchive }> {
  if (!req.base) return {};
  const archive = await readBase(req.base, req.limits);
  const plan = resolveStages(parseDockerfile(req.text, { file: req.name }), { limits: req.limits });
  return { archive, resolveBase: archiveResolver(archive, plan.stages.filter((s) => s.baseStage === null).map((s) => s.baseName)) };
}

self.onmessage = async (ev: MessageEvent<ToSimulator>) => {
  const req = ev.data;
  const started = performance.now();
  try {
    const context = req.context ? FileContext.fromWire(req.context) : null;
    const { resolveBase, archive: baseArchive } = await baseResolver(req);
    const opts = { file: req.name, builder: req.builder, context, resolveBase, limits: req.limits };
    const image = await simulateDockerfile(req.text, opts);
    const cache = req.before === undefined ? null : cacheDecisions(await simulateDockerfile(req.before, opts), image);
    const { archive, transfer } = archiveToWire(image);
    // The base's layer tables are shared with the kept archive (readBase): copy them, never
    // transfer them, or the next edit would find them detached.
    const kept = new Set(baseArchive?.image.layers.flatMap((l) => l.table.buffers()));
    post({ type: 'result', id: req.id, image: archive as WireSimulated, cache, elapsedMs: performance.now() - started }, transfer.filter((b) => !kept.has(b)));
  } catch (e) {
    // A simulation error names its line; it is a problem with the input, not a crash.
    const error = e instanceof SimulationError
      ? { kind: 'input' as const, file: req.name, entry: e.line === null ? null : `line ${e.line}`, problem: e.problem, message: e.message }
      : toWireError(e, req.name);
    post({ type: 'error', id: req.id, error });
  }
};
