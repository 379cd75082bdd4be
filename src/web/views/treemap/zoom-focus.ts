// Where a treemap of the shown image is zoomed: the zoom a person chose (or a share link
// carried), found by path, else the selected layer. Node ids are the treemap hierarchy's
// (TreemapHierarchy: layer L's node n is layerId(L) + n, n numbered by layerTree).

import { TreemapHierarchy } from '../../../core/analysis/treemap/hierarchy.ts';
import { findNode, layerTree } from '../../../core/analysis/treemap/layer-tree.ts';
import type { Layer } from '../../../core/model/image.ts';
import type { TreemapZoom } from '../../store/view-slice.ts';

/** The node of `path` in layer `layer`, or null when that layer or path is not there. */
export function nodeIdOf(layers: readonly Layer[], layer: number, path: string): number | null {
  const l = layers[layer];
  if (!l) return null;
  const n = findNode(layerTree(l.table), path);
  return n < 0 ? null : TreemapHierarchy.layerId(layer) + n;
}

/**
 * The node to zoom to (null: the whole image). `selectedLayer` is the layer to follow when no
 * zoom was chosen, or null to stay on the image.
 */
export function zoomFocus(layers: readonly Layer[], zoom: TreemapZoom, selectedLayer: number | null): number | null {
  if (zoom === 'image') return null;
  if (zoom) {
    const id = nodeIdOf(layers, zoom.layer, zoom.path);
    if (id !== null) return id;
  }
  return selectedLayer === null ? null : TreemapHierarchy.layerId(selectedLayer);
}
