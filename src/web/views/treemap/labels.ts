// Words the treemap view shows about a node: layer labels for the canvas and the breadcrumb, and
// the tooltip's lines. Pure functions of the hierarchy, so they are tested without a browser.
// Names are untrusted: printable() strips control and bidi characters; React renders them as text.

import type { TreemapHierarchy } from '../../../core/analysis/treemap/hierarchy.ts';
import type { SizeMeasure } from '../../../core/analysis/treemap/measure.ts';
import type { Layer } from '../../../core/model/image.ts';
import { printable } from '../../render/treemap/text-fit.ts';
import { exactBytes, formatBytes, formatCount } from '../../format.ts';
import { splitCommand } from '../layers/command.ts';

/** "#3 dd if=/dev/zero …": the layer's index and its command without the builder's noise. */
export function layerLabel(layer: Pick<Layer, 'index' | 'createdBy'>): string {
  const body = layer.createdBy ? splitCommand(layer.createdBy).body.trim() : '';
  return body ? `#${layer.index} ${body}` : `#${layer.index}`;
}

const MEASURE_WORDS: Record<SizeMeasure, string> = {
  bytes: 'file bytes',
  visible: 'visible in the final image',
  wasted: 'wasted: not visible in the final image',
};

export interface TooltipContent {
  title: string;
  /** human size and what it measures */
  size: string;
  exact: string;
  /** "1,234 files", for anything that holds files */
  files: string | null;
  /** "layer #3", null for the image */
  layer: string | null;
  /** the layer's full command, null when none was recorded */
  command: string | null;
  /** what the entry does to the layer below ("added", …), when known */
  change?: string | null;
  /** why its bytes are wasted, when they are */
  waste?: string | null;
}

/** What the page knows about one entry beyond its table row (from the stacking). */
export type DescribeEntry = (layer: number, row: number) => { change: string | null; waste: string | null };

export function tooltipContent(h: TreemapHierarchy, id: number, layers: readonly Pick<Layer, 'index' | 'createdBy'>[], describe?: DescribeEntry): TooltipContent {
  const kind = h.kind(id);
  const L = h.layerOf(id);
  const bytes = h.size(id);
  let title: string;
  if (kind === 'image') title = printable(h.name(id));
  else if (kind === 'layer') title = `layer #${L}: /`;
  else if (kind === 'fold') title = `${printable(h.path(id))} (${h.name(id)})`;
  else title = printable(h.path(id));
  const n = h.fileCount(id);
  const row = describe && kind !== 'dir' ? h.rowOf(id) : -1;
  const more = row >= 0 && describe ? describe(L, row) : null;
  return {
    ...(more ?? {}),
    title,
    size: `${formatBytes(bytes)} ${MEASURE_WORDS[h.measure]}`,
    exact: exactBytes(bytes),
    files: kind === 'file' ? null : `${formatCount(n)} ${n === 1 ? 'file' : 'files'}`,
    layer: L < 0 ? null : `layer #${L}`,
    command: L < 0 ? null : (layers[L]?.createdBy ?? null),
  };
}

/** Breadcrumb text of a node: layers by their label, folders by name, the image by its own. */
export function crumbLabel(h: TreemapHierarchy, id: number): string {
  return printable(h.name(id)) || '/';
}
