// An image's analysis as a summary that fits a share link: layers with their commands and sizes,
// the waste figures with the largest wasted files, and the largest folders and files of every
// layer up to a byte budget (summary-tree.ts). The person who opens the link sees the same numbers
// without the image (DESIGN.md "Share links": "an image's analysis travels as a summary").

import { computeWaste } from '../analysis/waste.ts';
import { LayerStack } from '../layerstack/stack.ts';
import { platformString, type ImageArchive } from '../model/image.ts';
import type { ImageSummary } from './schema-v1.ts';
import { summaryTrees } from './summary-tree.ts';

export interface SummaryOptions {
  /** JSON characters for the folder and file trees, all layers (default 12,000) */
  treeChars?: number;
  /** longest command kept whole (default 2,000 characters; longer ones end in "…") */
  commandChars?: number;
  /** largest wasted files listed (default 10) */
  wasteFiles?: number;
  /** whiteout and opaque-folder paths kept per layer (default 20; the rest are cut) */
  whiteoutPaths?: number;
  /** a stack already built for this image */
  stack?: LayerStack;
}

export function summarizeImage(archive: ImageArchive, opts: SummaryOptions = {}): ImageSummary {
  const { image } = archive;
  const tables = image.layers.map((l) => l.table);
  const stack = opts.stack ?? new LayerStack(tables);
  const waste = computeWaste(stack, tables, { maxFiles: opts.wasteFiles ?? 10 });
  const { trees, cut: treeCut } = summaryTrees(tables, { chars: opts.treeChars });
  const max = opts.commandChars ?? 2000;
  let cut = treeCut;
  const command = (c: string | null): string | null => {
    if (c === null || c.length <= max) return c;
    cut = true;
    return `${c.slice(0, max - 1)}…`;
  };
  const maxPaths = opts.whiteoutPaths ?? 20;
  const paths = (list: string[]) => {
    if (list.length <= maxPaths) return list.slice();
    cut = true;
    return list.slice(0, maxPaths);
  };
  const history = historyOf(archive, command);
  return {
    input: { name: archive.input.name, bytes: archive.input.bytes, format: archive.input.format },
    ref: image.ref,
    platform: platformString(image.platform),
    created: image.created,
    layers: image.layers.map((l, i) => ({
      diffId: l.diffId,
      mediaType: l.mediaType,
      compression: l.compression,
      compressedSize: l.compressedSize,
      tarSize: l.tarSize,
      fileBytes: l.fileBytes,
      entryCount: l.entryCount,
      fileCount: l.fileCount,
      estimated: l.estimated,
      whiteouts: paths(l.whiteouts),
      opaqueDirs: paths(l.opaqueDirs),
      tree: trees[i],
    })),
    history,
    waste: {
      fileBytes: waste.fileBytes,
      finalFileBytes: waste.finalFileBytes,
      reclaimableBytes: waste.reclaimableBytes,
      efficiency: waste.efficiency,
      diveEfficiency: waste.diveEfficiency,
      files: waste.files.map((f) => ({ path: f.path, layer: f.layer, size: f.size, reason: f.reason, byLayer: f.byLayer })),
    },
    cut,
  };
}

function historyOf(archive: ImageArchive, command: (c: string | null) => string | null): ImageSummary['history'] {
  const { history, layers } = archive.image;
  const out = history.map((h) => ({ createdBy: command(h.createdBy), emptyLayer: h.emptyLayer, layerIndex: h.layerIndex }));
  // A layer that no history entry names (hand-edited images): keep its command as an entry of its own.
  const named = new Set(history.map((h) => h.layerIndex).filter((i): i is number => i !== null));
  for (const l of layers) if (!named.has(l.index)) out.push({ createdBy: command(l.createdBy), emptyLayer: false, layerIndex: l.index });
  return out;
}
