// The figures `layerscope ci` judges, two ways side by side:
//
//   dive's, computed exactly as dive computes them (so numbers match for people migrating):
//     efficiency        dive-efficiency.ts (dive/filetree/efficiency.go)
//     wastedBytes       the summed CumulativeSize of every path found in 2+ layers, the copy
//                       still visible at the top included (dive/image/image.go Analyze)
//     userWastedPercent wastedBytes / the summed Size of every layer but layer 0, where a layer's
//                       Size is the sum of its tar headers' sizes (dive/image/docker/image_archive.go
//                       processLayerTar: tree.FileSize); image.go divides float64s, so a one-layer
//                       image gets NaN (0/0) or +Inf, which dive's rule then reads as PASS or FAIL.
//   layerscope's:
//     efficiency        final-filesystem file bytes / shipped file bytes (waste.ts)
//     wastedBytes       bytes of copies not visible at the top, each wasted copy once (waste.ts)
//     userWastedPercent wasted bytes held in the build's own layers / file bytes those layers add,
//                       the WHOLE base image excluded (base-boundary.ts says which layers, and how).
//                       Base files the build deletes or rewrites still ship (they are in the base
//                       layers); they are counted apart, as `baseHiddenBytes`: only a slimmer base
//                       gets them back.

import { EntryKind } from '../../model/entry-kind.ts';
import type { Image } from '../../model/image.ts';
import type { LayerStack } from '../../layerstack/stack.ts';
import { visibleEntryAt } from '../../layerstack/merged-view.ts';
import { diveEfficiency } from '../dive-efficiency.ts';
import { computeWaste, type WasteFile } from '../waste.ts';
import type { JudgedFigures } from '../ci-rules.ts';
import type { BaseBoundary } from './base-boundary.ts';

export interface DiveFigures extends JudgedFigures {
  /** dive's image sizeBytes: the sum of every layer's Size */
  sizeBytes: number;
  /** dive's UserSizeByes: every layer's Size but layer 0's */
  userSizeBytes: number;
  /** dive's Inefficiencies, largest first: path, count (layers holding it), CumulativeSize */
  inefficientFiles: { path: string; count: number; sizeBytes: number }[];
  /** bytes of copies still visible at the top that dive's wastedBytes counts */
  visibleCopyBytes: number;
}

export interface LayerscopeFigures extends JudgedFigures {
  /** regular-file bytes of every layer, hard links once */
  fileBytes: number;
  finalFileBytes: number;
  /** file bytes the build's own layers add (layers from base.layers on) */
  userBytes: number;
  /** wasted bytes held in the build's own layers */
  userWastedBytes: number;
  /** wasted bytes held in base layers because the build deleted or rewrote them (shipped anyway) */
  baseHiddenBytes: number;
  /** wasted bytes held in base layers and hidden by base layers (the base's own waste) */
  baseOwnWastedBytes: number;
  /** every wasted copy, largest first */
  wastedFiles: WasteFile[];
}

export interface LayerFigures {
  index: number;
  createdBy: string | null;
  historyIndex: number | null;
  base: boolean;
  /** regular-file bytes of the layer */
  fileBytes: number;
  /** dive's layer Size (sum of tar header sizes) */
  diveSizeBytes: number;
  /** bytes of this layer's copies that are not visible at the top */
  wastedBytes: number;
}

export interface CiFigures {
  base: BaseBoundary;
  dive: DiveFigures;
  layerscope: LayerscopeFigures;
  layers: LayerFigures[];
  /** true when the layers were read with content hashes (exact copy-up and duplicate detection) */
  hashed: boolean;
}

export function computeCiFigures(image: Image, stack: LayerStack, base: BaseBoundary): CiFigures {
  const tables = image.layers.map((l) => l.table);
  const waste = computeWaste(stack, tables);
  const dive = diveEfficiency(stack);
  const s = stack.state;
  const top = stack.layerCount - 1;

  const layers: LayerFigures[] = image.layers.map((l, i) => {
    const t = tables[i];
    let diveSize = 0;
    let fileBytes = 0;
    for (let r = 0; r < t.count; r++) {
      diveSize += t.sizes[r];
      if (t.kinds[r] === EntryKind.file) fileBytes += t.sizes[r];
    }
    return { index: i, createdBy: l.createdBy, historyIndex: l.historyIndex, base: i < base.layers, fileBytes, diveSizeBytes: diveSize, wastedBytes: 0 };
  });

  let userWasted = 0;
  let baseHidden = 0;
  let baseOwn = 0;
  for (const f of waste.files) {
    layers[f.layer].wastedBytes += f.size;
    if (f.layer >= base.layers) userWasted += f.size;
    else if (f.byLayer >= base.layers) baseHidden += f.size;
    else baseOwn += f.size;
  }
  const userBytes = layers.reduce((a, l) => a + (l.base ? 0 : l.fileBytes), 0);

  // dive's inefficiencies, and the part of its wasted bytes that is still visible at the top.
  const { nodes, counts, sizes } = dive.inefficient;
  const order = Array.from(nodes.keys()).sort((a, b) => sizes[b] - sizes[a] || a - b);
  let visibleCopyBytes = 0;
  for (let i = 0; i < nodes.length; i++) {
    const e = top >= 0 ? visibleEntryAt(s, nodes[i], top) : -1;
    if (e >= 0 && stack.kindOf(e) === EntryKind.file) visibleCopyBytes += stack.sizeOfEntry(e);
  }
  const diveSize = layers.reduce((a, l) => a + l.diveSizeBytes, 0);
  const diveUser = diveSize - (layers[0]?.diveSizeBytes ?? 0);

  return {
    base,
    hashed: tables.length > 0 && tables.every((t) => t.hashes !== undefined),
    layers,
    dive: {
      efficiency: dive.score,
      wastedBytes: dive.wastedBytes,
      // float64 division as Go does it: 0/0 is NaN, x/0 is +Inf
      userWastedPercent: dive.wastedBytes / diveUser,
      sizeBytes: diveSize,
      userSizeBytes: diveUser,
      inefficientFiles: order.map((i) => ({ path: stack.tree.path(nodes[i]), count: counts[i], sizeBytes: sizes[i] })),
      visibleCopyBytes,
    },
    layerscope: {
      efficiency: waste.efficiency,
      wastedBytes: waste.reclaimableBytes,
      userWastedPercent: userBytes === 0 ? 0 : userWasted / userBytes,
      fileBytes: waste.fileBytes,
      finalFileBytes: waste.finalFileBytes,
      userBytes,
      userWastedBytes: userWasted,
      baseHiddenBytes: baseHidden,
      baseOwnWastedBytes: baseOwn,
      wastedFiles: waste.files,
    },
  };
}

/** Wasted copies grouped by path, largest first: what the "Inefficient Files" table lists. */
export interface WastedPath {
  path: string;
  /** wasted copies of this path */
  count: number;
  sizeBytes: number;
  reasons: WasteFile['reason'][];
  /** the layers holding the wasted copies */
  layers: number[];
  /** the layers that hid them */
  byLayers: number[];
}

export function groupWastedByPath(files: WasteFile[]): WastedPath[] {
  const byPath = new Map<string, WastedPath>();
  for (const f of files) {
    let g = byPath.get(f.path);
    if (!g) {
      g = { path: f.path, count: 0, sizeBytes: 0, reasons: [], layers: [], byLayers: [] };
      byPath.set(f.path, g);
    }
    g.count++;
    g.sizeBytes += f.size;
    if (!g.reasons.includes(f.reason)) g.reasons.push(f.reason);
    if (!g.layers.includes(f.layer)) g.layers.push(f.layer);
    if (!g.byLayers.includes(f.byLayer)) g.byLayers.push(f.byLayer);
  }
  for (const g of byPath.values()) {
    g.layers.sort((a, b) => a - b);
    g.byLayers.sort((a, b) => a - b);
  }
  return [...byPath.values()].sort((a, b) => b.sizeBytes - a.sizeBytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
