// One zustand store made of slices (STYLE.md #8). Components select what they need with
// module-level selectors; event handlers call useApp.getState() when they fire.

import { create } from 'zustand';
import { createAnalysisSlice, type AnalysisSlice } from './analysis-slice.ts';
import { createSelectionSlice, type SelectionSlice } from './selection-slice.ts';

export type AppState = AnalysisSlice & SelectionSlice;

export const useApp = create<AppState>()((...a) => ({
  ...createAnalysisSlice(...a),
  ...createSelectionSlice(...a),
}));
