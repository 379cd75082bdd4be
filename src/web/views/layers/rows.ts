// The rows of the layer list: every history entry in build order (oldest first, like the
// Dockerfile that made it), each non-empty one paired with its layer. Layers that no history
// entry points at (the counts can differ: DESIGN.md "Pair history entries…") still get a row, in
// layer order, so nothing the archive holds is hidden.

import type { HistoryEntry, Image, Layer } from '../../../core/model/image.ts';

export interface LayerRowModel {
  /** stable key: "h<history index>", or "l<layer index>" for a layer without a history entry */
  key: string;
  historyIndex: number | null;
  /** the layer's index; for a row without a layer, the index of the layer below it, or -1 */
  layerIndex: number;
  /** an `empty_layer` history entry (ENV, CMD, …): it changed the config, not the filesystem */
  empty: boolean;
  /** a non-empty history entry whose layer is not in the archive */
  missing: boolean;
  createdBy: string | null;
  created: string | null;
  comment: string | null;
  layer: Layer | null;
}

function layerRow(layer: Layer, h: HistoryEntry | null): LayerRowModel {
  return {
    key: h ? `h${h.index}` : `l${layer.index}`,
    historyIndex: h ? h.index : null,
    layerIndex: layer.index,
    empty: false,
    missing: false,
    createdBy: h ? h.createdBy : layer.createdBy,
    created: h ? h.created : null,
    comment: h ? h.comment : null,
    layer,
  };
}

export function buildRows(image: Image): LayerRowModel[] {
  const rows: LayerRowModel[] = [];
  const byIndex = new Map(image.layers.map((l) => [l.index, l]));
  const claimed = new Set<number>();
  for (const h of image.history) if (h.layerIndex !== null && byIndex.has(h.layerIndex)) claimed.add(h.layerIndex);
  const layers = [...image.layers].sort((a, b) => a.index - b.index);
  let next = 0; // position in `layers` of the next layer not yet shown
  let below = -1;
  const flushUpTo = (limit: number) => {
    for (; next < layers.length && layers[next].index <= limit; next++) {
      const l = layers[next];
      if (!claimed.has(l.index)) rows.push(layerRow(l, null));
      below = Math.max(below, l.index);
    }
  };

  for (const h of image.history) {
    const layer = h.layerIndex === null ? undefined : byIndex.get(h.layerIndex);
    if (layer) {
      flushUpTo(layer.index - 1);
      rows.push(layerRow(layer, h));
      below = Math.max(below, layer.index);
      if (next < layers.length && layers[next].index === layer.index) next++;
      continue;
    }
    rows.push({
      key: `h${h.index}`,
      historyIndex: h.index,
      layerIndex: below,
      empty: h.emptyLayer,
      missing: !h.emptyLayer,
      createdBy: h.createdBy,
      created: h.created,
      comment: h.comment,
      layer: null,
    });
  }
  flushUpTo(Infinity);
  return rows;
}
