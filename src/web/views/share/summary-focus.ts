// Where the shared summary's treemap is zoomed: the link's zoom (a folder of a layer), else the
// selected layer. Node ids are the treemap hierarchy's (TreemapHierarchy: layer L's node n is
// layerId(L) + n, n numbered by layerTree), found here by path.

import { TreemapHierarchy } from '../../../core/analysis/treemap/hierarchy.ts';
import { layerTree, nodePath } from '../../../core/analysis/treemap/layer-tree.ts';
import type { Layer } from '../../../core/model/image.ts';
import type { ShareView } from '../../../core/share/schema-v1.ts';

export function nodeIdOf(layers: readonly Layer[], layer: number, path: string): number | null {
  const l = layers[layer];
  if (!l) return null;
  if (path === '/' || path === '') return TreemapHierarchy.layerId(layer);
  const t = layerTree(l.table);
  for (let n = 1; n < t.count; n++) if (nodePath(t, n) === path) return TreemapHierarchy.layerId(layer) + n;
  return null;
}

export function summaryFocus(layers: readonly Layer[], view: ShareView, selectedLayer: number | null): number | null {
  if (view.zoom) {
    const id = nodeIdOf(layers, view.zoom.layer, view.zoom.path);
    if (id !== null) return id;
  }
  return selectedLayer === null ? null : TreemapHierarchy.layerId(selectedLayer);
}
