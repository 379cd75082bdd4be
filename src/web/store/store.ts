// One zustand store made of slices (STYLE.md #8). Components select what they need with
// module-level selectors; event handlers call useApp.getState() when they fire.

import { create } from 'zustand';
import { createAnalysisSlice, type AnalysisSlice } from './analysis-slice.ts';
import { createReadOptionsSlice, type ReadOptionsSlice } from './read-options-slice.ts';
import { createSelectionSlice, type SelectionSlice } from './selection-slice.ts';
import { createShareSlice, type ShareSlice } from './share-slice.ts';
import { createStackSlice, type StackSlice } from './stack-slice.ts';
import { createViewSlice, type ViewSlice } from './view-slice.ts';

export type AppState = AnalysisSlice & ReadOptionsSlice & SelectionSlice & StackSlice & ViewSlice & ShareSlice;

export const useApp = create<AppState>()((...a) => ({
  ...createAnalysisSlice(...a),
  ...createReadOptionsSlice(...a),
  ...createSelectionSlice(...a),
  ...createStackSlice(...a),
  ...createViewSlice(...a),
  ...createShareSlice(...a),
}));

// Every image shown gets stacked, whoever put it there (a read archive, a simulated Dockerfile).
useApp.subscribe((s, prev) => {
  if (s.archive !== prev.archive) s.stackArchive(s.archive);
});
