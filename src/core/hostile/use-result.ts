// What the page and the CLI do with what they read, for the hostile corpus: an image archive is
// stacked, exported, read at many paths and laid out as a treemap; a Dockerfile is parsed,
// dumped, resolved and simulated, then used as an image. Each step may end in a typed error (the
// input is bad) but never in any other exception, which is what the corpus checks.

import { dump } from '../dockerfile/node.ts';
import { parseDockerfile } from '../dockerfile/parser.ts';
import { toDockerfileJson } from '../dockerfile/json.ts';
import { resolveStages } from '../dockerfile/stages.ts';
import { toAnalysisJson } from '../export/analysis-json.ts';
import { LayerStack } from '../layerstack/stack.ts';
import type { Limits } from '../limits.ts';
import type { ImageArchive } from '../model/image.ts';
import { ROOT, TreemapHierarchy } from '../analysis/treemap/hierarchy.ts';
import { layoutTreemap } from '../analysis/treemap/layout.ts';
import { simulateDockerfile } from '../simulate/simulate.ts';
import type { BuilderName, SimulatedImage } from '../simulate/types.ts';

/**
 * What the page and the CLI do with a result: the layer stack, the JSON export with every entry
 * and the merged filesystem, read paths of every link and of paths below them (read paths must
 * end, whatever the links do), the treemap laid out. Returns the stack and the treemap for
 * callers that go on (a share link's view).
 */
export function useArchive(archive: ImageArchive, extraPaths: readonly string[] = []): { stack: LayerStack; tree: TreemapHierarchy } {
  const tables = archive.image.layers.map((l) => l.table);
  const stack = new LayerStack(tables);
  JSON.stringify(toAnalysisJson(archive, { files: true, merged: true, stack }));
  const tree = new TreemapHierarchy(tables, { layerLabels: archive.image.layers.map((l) => l.createdBy) });
  if (tables.length === 0) return { stack, tree };
  const top = tables.length - 1;
  const paths = ['/', '/etc/passwd', '/loop', '/loop/x/y', ...extraPaths];
  for (const t of tables) {
    for (let r = 0; r < t.count && paths.length < 64 + extraPaths.length; r++) {
      const target = t.linkTarget(r);
      if (target !== null) paths.push(t.path(r), `${t.path(r)}/below`, target.startsWith('/') ? target : `/${target}`);
    }
  }
  for (const p of paths) {
    stack.readPath(p, top);
    stack.readPath(p, 0);
  }
  drawTreemap(tree, ROOT);
  return { stack, tree };
}

/** The treemap as the page draws it from `root`: one level laid out, the names of what shows. */
export function drawTreemap(tree: TreemapHierarchy, root: number): void {
  const layout = layoutTreemap(tree, root, { x: 0, y: 0, w: 1280, h: 720 });
  for (let i = 0; i < Math.min(layout.count, 200); i++) tree.name(layout.ids[i]);
}

export interface DockerfileRun {
  file: string;
  builder?: BuilderName;
  limits?: Partial<Limits>;
  signal?: AbortSignal;
}

/** A Dockerfile as the page opens one (dropped, or from a share link) and the CLI simulates it. */
export async function useDockerfile(text: string, o: DockerfileRun): Promise<SimulatedImage> {
  const parse = parseDockerfile(text, { file: o.file });
  dump(parse);
  JSON.stringify(toDockerfileJson(parse));
  resolveStages(parse, { limits: o.limits });
  return simulateDockerfile(text, { file: o.file, builder: o.builder, limits: o.limits, signal: o.signal });
}
