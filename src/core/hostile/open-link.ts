// A share link opened as the page opens one (src/web/store/share-slice.ts openShareLink), for the
// hostile corpus and the link fuzzer: decodeShare, then for an image summary what the summary page
// does with it (summaryArchive, the layer rows, the treemap at the link's zoom, the figures, a new
// link made from it), for a Dockerfile what the editor does (parse, resolve, simulate, the view put
// back: layer, zoom, read path). The page's own modules are React-side (src/web); these steps use
// the same core functions they call, so a link that crashes here crashes there.

import { TreemapHierarchy } from '../analysis/treemap/hierarchy.ts';
import { layerTree, nodePath } from '../analysis/treemap/layer-tree.ts';
import { InputError } from '../errors.ts';
import type { Image, Layer } from '../model/image.ts';
import { decodeShare, encodeShare } from '../share/link.ts';
import type { ImageShare, ShareView } from '../share/schema-v1.ts';
import { summaryArchive } from '../share/summary-archive.ts';
import { SimulationError } from '../simulate/types.ts';
import { exactBytes, formatBytes, formatPercent } from '../text/units.ts';
import { drawTreemap, useArchive, useDockerfile } from './use-result.ts';

export type LinkOpened = { ok: false; problem: string } | { ok: true; kind: 'image' | 'dockerfile'; name: string; warnings: string[] };

/**
 * Opens a link's fragment. A refused link is `{ ok: false }` (the page's link-error message); a
 * Dockerfile whose build fails throws an InputError named by the Dockerfile's name (the page's
 * error region); anything else thrown is a bug.
 */
export async function openLink(hash: string, signal?: AbortSignal): Promise<LinkOpened> {
  const r = await decodeShare(hash);
  if (!r.ok) return r;
  const { state } = r;
  if (state.kind === 'dockerfile') {
    let sim;
    try {
      sim = await useDockerfile(state.text, { file: state.name, builder: state.builder, signal });
    } catch (e) {
      // A build that fails is the Dockerfile's problem, named by its name, as the page says it.
      if (e instanceof SimulationError) throw new InputError(state.name, e.line === null ? null : `line ${e.line}`, e.problem);
      throw e;
    }
    const { stack, tree } = useArchive(sim, state.view.file === undefined ? [] : [state.view.file]);
    applyView(sim.image, state.view, tree);
    const layers = sim.image.layers.length;
    if (state.view.file !== undefined && layers > 0) stack.readPath(state.view.file, state.view.layer !== undefined && state.view.layer < layers ? state.view.layer : layers - 1);
    return { ok: true, kind: 'dockerfile', name: state.name, warnings: sim.warnings };
  }
  const warnings = await openSummary(state);
  return { ok: true, kind: 'image', name: state.summary.input.name, warnings };
}

/**
 * The summary page (SummaryPage.tsx): rows, figures, treemap at the link's focus, share again.
 * Exported for e2e/worker-corpus, which opens links on the page's main thread as the page does.
 */
export async function openSummary(state: ImageShare): Promise<string[]> {
  const { summary, view } = state;
  const archive = summaryArchive(summary);
  const { tree } = useArchive(archive);
  layerRows(archive.image);
  applyView(archive.image, view, tree);
  const layers = archive.image.layers;
  for (const k of ['compressedSize', 'tarSize', 'fileBytes'] as const) {
    const sum = layers.reduce((s, l) => s + l[k], 0);
    formatBytes(sum);
    exactBytes(sum);
  }
  formatPercent(summary.waste.efficiency);
  formatPercent(summary.waste.diveEfficiency);
  // The share button on this page makes a link of the same summary: it must open again.
  const again = await decodeShare(await encodeShare({ kind: 'image', summary, view }));
  if (!again.ok) throw new Error(`a link made from an opened link does not open: ${again.problem}`);
  return archive.warnings;
}

/** The selected layer and the treemap's zoom, found by path as summary-focus.ts finds it. */
function applyView(image: Image, view: ShareView, tree: TreemapHierarchy): void {
  const n = image.layers.length;
  if (view.zoom) {
    const id = nodeIdOf(image.layers, view.zoom.layer, view.zoom.path);
    if (id !== null && tree.has(id)) drawTreemap(tree, id);
  }
  if (view.layer !== undefined && view.layer < n) drawTreemap(tree, TreemapHierarchy.layerId(view.layer));
}

function nodeIdOf(layers: readonly Layer[], layer: number, path: string): number | null {
  const l = layers[layer];
  if (!l) return null;
  if (path === '/' || path === '') return TreemapHierarchy.layerId(layer);
  const t = layerTree(l.table);
  for (let i = 1; i < t.count; i++) if (nodePath(t, i) === path) return TreemapHierarchy.layerId(layer) + i;
  return null;
}

/**
 * The layer list's rows (src/web/views/layers/rows.ts): each history entry with its layer, and
 * the layers no entry claims, with the text each row shows.
 */
function layerRows(image: Image): string[] {
  const byIndex = new Map(image.layers.map((l) => [l.index, l]));
  const claimed = new Set<number>();
  const rows: string[] = [];
  for (const h of image.history) {
    const l = h.layerIndex === null ? undefined : byIndex.get(h.layerIndex);
    if (l) claimed.add(l.index);
    rows.push(`${h.createdBy ?? ''} ${l ? formatBytes(l.fileBytes) : h.emptyLayer ? '0 B' : 'missing'}`);
  }
  for (const l of image.layers) if (!claimed.has(l.index)) rows.push(`${l.createdBy ?? ''} ${formatBytes(l.fileBytes)}`);
  return rows;
}
