// Which row of the layer list is selected. A row key is stable across renders:
// "h<history index>" for a history entry, "l<layer index>" for a layer without one.

import type { StateCreator } from 'zustand';
import type { AppState } from './store.ts';

export interface SelectionSlice {
  selectedRow: string | null;
  selectRow(key: string | null): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedRow: null,
  selectRow: (key) => set({ selectedRow: key }),
});
