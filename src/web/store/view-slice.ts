// How the image is looked at: which tab of the main pane, whether a selected layer shows its own
// changes or the merged filesystem up to it, what the treemap's area stands for, and where the
// treemap is zoomed (so a share link can carry a folder zoom, not only the selected layer).

import type { StateCreator } from 'zustand';
import type { SizeMeasure } from '../../core/analysis/treemap/measure.ts';
import type { ViewMode } from '../../worker/stack-protocol.ts';
import type { AppState } from './store.ts';

export type PaneTab = 'treemap' | 'stacked' | 'files';

/**
 * The treemap's zoom root as a person chose it: a folder (or "/", the layer itself) of a layer,
 * or the whole image; null while it simply follows the selected layer.
 */
export type TreemapZoom = { layer: number; path: string } | 'image' | null;

export interface ViewSlice {
  tab: PaneTab;
  viewMode: ViewMode;
  measure: SizeMeasure;
  treemapZoom: TreemapZoom;
  setTab(tab: PaneTab): void;
  setViewMode(mode: ViewMode): void;
  setMeasure(measure: SizeMeasure): void;
  setTreemapZoom(zoom: TreemapZoom): void;
}

const sameZoom = (a: TreemapZoom, b: TreemapZoom) =>
  a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && a.layer === b.layer && a.path === b.path);

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get, api) => {
  // Another image starts again from following the selection (so does a row picked: selection-
  // slice); a link's zoom is set after its layer is selected (share-slice applyView).
  api.subscribe((s, prev) => {
    if (s.treemapZoom !== null && (s.archive !== prev.archive || s.shared !== prev.shared)) set({ treemapZoom: null });
  });
  return {
    tab: 'treemap',
    viewMode: 'layer',
    measure: 'bytes',
    treemapZoom: null,
    setTab: (tab) => set({ tab }),
    setViewMode: (viewMode) => set({ viewMode }),
    setMeasure: (measure) => set({ measure }),
    setTreemapZoom(zoom) {
      if (!sameZoom(get().treemapZoom, zoom)) set({ treemapZoom: zoom });
    },
  };
};
