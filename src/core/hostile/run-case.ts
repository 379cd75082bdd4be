// Runs one hostile case the way the app does: an archive is read by readArchive from a Blob (as
// the worker reads a dropped File), then stacked, exported and laid out as the page and the CLI
// do; a Dockerfile is parsed, resolved and simulated, then stacked and exported. The outcome is
// classified: a typed error (InputError, or the Dockerfile code's own typed errors), a result
// with its warnings, or a crash (anything else), which is what the corpus tests forbid.

import { BlobSource } from '../bytes/source.ts';
import { dump } from '../dockerfile/node.ts';
import { parseDockerfile } from '../dockerfile/parser.ts';
import { toDockerfileJson } from '../dockerfile/json.ts';
import { resolveStages } from '../dockerfile/stages.ts';
import { CancelledError, InputError } from '../errors.ts';
import { toAnalysisJson } from '../export/analysis-json.ts';
import { readArchive } from '../formats/read-archive.ts';
import { LayerStack } from '../layerstack/stack.ts';
import type { ImageArchive } from '../model/image.ts';
import { ROOT, TreemapHierarchy } from '../analysis/treemap/hierarchy.ts';
import { layoutTreemap } from '../analysis/treemap/layout.ts';
import { simulateDockerfile } from '../simulate/simulate.ts';
import { SimulationError } from '../simulate/types.ts';
import { withLimits } from '../limits.ts';
import type { HostileCase } from './case.ts';

export type Outcome =
  | { kind: 'error'; message: string; problem: string }
  | { kind: 'result'; warnings: string[] }
  | { kind: 'crash'; error: unknown };

/** The per-case time budget (issue 6: under 5 s in the CLI and in the worker). */
export const BUDGET_MS = 5000;

export async function runCase(c: HostileCase, bytes: Uint8Array, signal?: AbortSignal): Promise<Outcome> {
  try {
    if (c.kind === 'archive') {
      const archive = await readArchive(new BlobSource(c.fileName, new Blob([bytes as Uint8Array<ArrayBuffer>])), {
        limits: c.limits,
        signal,
        concurrency: 2,
      });
      useArchive(archive);
      return { kind: 'result', warnings: archive.warnings };
    }
    const text = new TextDecoder().decode(bytes);
    const parse = parseDockerfile(text, { file: c.fileName });
    dump(parse);
    JSON.stringify(toDockerfileJson(parse));
    resolveStages(parse);
    const sim = await simulateDockerfile(text, { file: c.fileName, signal });
    useArchive(sim);
    return { kind: 'result', warnings: sim.warnings };
  } catch (e) {
    if (e instanceof InputError) return { kind: 'error', message: e.message, problem: e.problem };
    // The simulator's typed error: a build would fail the same way (the CLI reports it as bad input).
    if (e instanceof SimulationError) return { kind: 'error', message: `${c.fileName}: ${e.message}`, problem: e.problem };
    if (e instanceof CancelledError) return { kind: 'crash', error: new Error(`still running after ${BUDGET_MS} ms`) };
    return { kind: 'crash', error: e };
  }
}

/**
 * What the page and the CLI do with a result: the layer stack, the JSON export with every entry
 * and the merged filesystem, read paths of every link and of paths below them (read paths must
 * end, whatever the links do), the treemap laid out.
 */
function useArchive(archive: ImageArchive): void {
  const tables = archive.image.layers.map((l) => l.table);
  const stack = new LayerStack(tables);
  JSON.stringify(toAnalysisJson(archive, { files: true, merged: true, stack }));
  if (tables.length === 0) return;
  const top = tables.length - 1;
  const paths = ['/', '/etc/passwd', '/loop', '/loop/x/y'];
  for (const t of tables) {
    for (let r = 0; r < t.count && paths.length < 64; r++) {
      const target = t.linkTarget(r);
      if (target !== null) paths.push(t.path(r), `${t.path(r)}/below`, target.startsWith('/') ? target : `/${target}`);
    }
  }
  for (const p of paths) {
    stack.readPath(p, top);
    stack.readPath(p, 0);
  }
  const tree = new TreemapHierarchy(tables, { layerLabels: archive.image.layers.map((l) => l.createdBy) });
  const layout = layoutTreemap(tree, ROOT, { x: 0, y: 0, w: 1280, h: 720 });
  for (let i = 0; i < Math.min(layout.count, 200); i++) tree.name(layout.ids[i]);
}

/** Whether an outcome is what the case allows; null when it is, else what was wrong. */
export function judge(c: HostileCase, o: Outcome, elapsedMs: number): string | null {
  if (o.kind === 'crash') {
    const err = o.error instanceof Error ? `${o.error.name}: ${o.error.message}\n${o.error.stack ?? ''}` : String(o.error);
    return `crashed: ${err}`;
  }
  if (elapsedMs > BUDGET_MS) return `took ${Math.round(elapsedMs)} ms (budget ${BUDGET_MS} ms)`;
  if (o.kind === 'error') {
    // The message names the input and says what is wrong.
    if (!o.message.startsWith(c.fileName)) return `error does not name the input: ${o.message}`;
    if (o.problem.trim().length < 8) return `error does not say what is wrong: ${o.message}`;
  }
  const want = c.expect;
  if (want.outcome === 'error' && o.kind !== 'error') return `should be refused, was read (warnings: ${JSON.stringify(o.warnings)})`;
  if (want.outcome === 'result' && o.kind !== 'result') return `should be read, was refused: ${o.message}`;
  if (want.says) {
    const said = o.kind === 'error' ? [o.problem] : o.warnings;
    if (!said.some((s) => want.says!.test(s))) return `should say ${want.says}, said ${JSON.stringify(said)}`;
  }
  return null;
}

/** The limits a case runs with, for the CLI's flags. */
export function limitFlags(c: HostileCase): string[] {
  if (!c.limits) return [];
  const resolved = withLimits(c.limits);
  return Object.keys(c.limits).flatMap((k) => ['--limit', `${k}=${resolved[k as keyof typeof resolved]}`]);
}
