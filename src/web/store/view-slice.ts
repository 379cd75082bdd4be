// How the image is looked at: which tab of the main pane, whether a selected layer shows its own
// changes or the merged filesystem up to it, and what the treemap's area stands for.

import type { StateCreator } from 'zustand';
import type { SizeMeasure } from '../../core/analysis/treemap/measure.ts';
import type { ViewMode } from '../../worker/stack-protocol.ts';
import type { AppState } from './store.ts';

export type PaneTab = 'treemap' | 'stacked' | 'files';

export interface ViewSlice {
  tab: PaneTab;
  viewMode: ViewMode;
  measure: SizeMeasure;
  setTab(tab: PaneTab): void;
  setViewMode(mode: ViewMode): void;
  setMeasure(measure: SizeMeasure): void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  tab: 'treemap',
  viewMode: 'layer',
  measure: 'bytes',
  setTab: (tab) => set({ tab }),
  setViewMode: (viewMode) => set({ viewMode }),
  setMeasure: (measure) => set({ measure }),
});
