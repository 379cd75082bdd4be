// The page's own worker clients, driven as the page drives them, each step held to a deadline:
// an archive read by AnalyzerClient (analyze.worker.ts and its layer pool), a Dockerfile
// simulated by SimulateClient (simulate.worker.ts), a result stacked by StackClient
// (stack.worker.ts) and then questioned as the page questions it (stack-slice.ts: the read path
// of a picked file, the file list). At the deadline the step is cancelled as the page's Cancel
// does (the worker terminated) and the next case starts on a fresh worker.

import { BUDGET_MS } from '../../src/core/hostile/run-case.ts';
import { DEFAULT_HASH_MODE } from '../../src/core/layers/hash-mode.ts';
import type { Limits } from '../../src/core/limits.ts';
import type { Image, ImageArchive } from '../../src/core/model/image.ts';
import type { BuilderName, SimulatedImage } from '../../src/core/simulate/types.ts';
import { PathIndex } from '../../src/web/model/path-index.ts';
import { StackedImage } from '../../src/web/model/stacked-image.ts';
import { AnalyzerClient, type ReadError, type ReadOptions } from '../../src/web/store/analyzer-client.ts';
import { SimulateClient, SimulateFailed } from '../../src/web/store/simulate-client.ts';
import { StackClient } from '../../src/web/store/stack-client.ts';

// One of each, for the whole run, as the page holds them (module-level in its slices).
const analyzer = new AnalyzerClient();
const simulator = new SimulateClient();
const stacker = new StackClient();

/** The input was refused: what the page's error region shows. */
export class Refused extends Error {
  constructor(readonly error: ReadError) {
    super(error.problem);
  }
}

/** A step still running at the case's deadline (it was cancelled). */
export class OverBudget extends Error {
  constructor(readonly step: string) {
    super(`still running after ${BUDGET_MS} ms (in ${step})`);
  }
}

/** When a case must be done by (performance.now() time). */
export type Deadline = number;

export const deadlineFromNow = (): Deadline => performance.now() + BUDGET_MS;

/** `work`, or OverBudget at the deadline (after `cancel` stopped the worker). */
function bounded<T>(step: string, deadline: Deadline, cancel: () => void, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => {
        cancel();
        reject(new OverBudget(step));
      },
      Math.max(0, deadline - performance.now()),
    );
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** A dropped archive, read as analysis-slice.ts reads it: the page's hash mode, raised limits as ReadOptions.limits. */
export function readArchive(file: File, limits: Partial<Limits> | undefined, deadline: Deadline): Promise<ImageArchive> {
  const work = new Promise<ImageArchive>((resolve, reject) => {
    const options: ReadOptions = { hash: DEFAULT_HASH_MODE };
    if (limits) options.limits = limits;
    analyzer.read(file, file.name, options, {
      onProgress: () => {},
      onResult: (archive) => resolve(archive),
      onError: (error) => reject(new Refused(error)),
    });
  });
  return bounded('the analyze worker', deadline, () => analyzer.cancel(), work);
}

/** A Dockerfile, simulated as share-slice.ts's openDockerfile simulates one. */
export function simulate(text: string, name: string, opts: { builder?: BuilderName; limits?: Partial<Limits> }, deadline: Deadline): Promise<SimulatedImage> {
  const work = simulator.simulate(text, name, { builder: opts.builder ?? 'buildkit', ...(opts.limits ? { limits: opts.limits } : {}) }).then(
    (sim) => sim.image,
    (e: unknown) => {
      throw e instanceof SimulateFailed ? new Refused(e.error) : e;
    },
  );
  return bounded('the simulate worker', deadline, () => simulator.cancel(), work);
}

/**
 * The shown image stacked as stack-slice.ts stacks it (nothing to stack without layers), the
 * page's own objects built from the facts, then what a person asks of it: read paths (of every
 * link's path and target, and below them: they must end, whatever the links do) and the merged
 * file list at the top layer.
 */
export async function stackAndAsk(image: Image, deadline: Deadline, extraPaths: readonly string[] = []): Promise<void> {
  if (image.layers.length === 0) return;
  const ask = <T>(step: string, work: Promise<T>) => bounded(step, deadline, () => stacker.reset(), work);
  const facts = await ask('the stack worker', stacker.stack(image));
  const tables = image.layers.map((l) => l.table);
  const stacked = new StackedImage(facts, tables);
  const index = new PathIndex(facts.skeleton, (n) => stacked.name(n), (n) => stacked.path(n));
  for (const p of probePaths(image, extraPaths)) {
    index.lookup(p);
    await ask('a read path', stacker.readPath(p, stacked.top));
    await ask('a read path', stacker.readPath(p, 0));
  }
  await ask('the file list', stacker.view('merged', stacked.top));
}

/** The paths use-result.ts reads: a few fixed ones, then up to 64 from the layers' links. */
function probePaths(image: Image, extra: readonly string[]): string[] {
  const paths = ['/', '/etc/passwd', '/loop', '/loop/x/y', ...extra];
  for (const l of image.layers) {
    const t = l.table;
    for (let r = 0; r < t.count && paths.length < 64 + extra.length; r++) {
      const target = t.linkTarget(r);
      if (target !== null) paths.push(t.path(r), `${t.path(r)}/below`, target.startsWith('/') ? target : `/${target}`);
    }
  }
  return paths;
}
