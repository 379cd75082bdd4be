// Which row of the layer list is selected. A row key is stable across renders:
// "h<history index>" for a history entry, "l<layer index>" for a layer without one.
// The selected layer (what the treemap, the stacked bars and the file tree follow) is derived
// from the row: an empty history entry (ENV, CMD, …) stands for the layer below it.

import type { StateCreator } from 'zustand';
import type { Image } from '../../core/model/image.ts';
import { buildRows, type LayerRowModel } from '../views/layers/rows.ts';
import type { AppState } from './store.ts';

export interface SelectionSlice {
  selectedRow: string | null;
  selectRow(key: string | null): void;
  /** Selects the row of layer `index` (its history entry when it has one). */
  selectLayer(index: number): void;
}

const rowCache = new WeakMap<Image, LayerRowModel[]>();

/** The layer list's rows for an image, built once per image. */
export function rowsOf(image: Image): LayerRowModel[] {
  let rows = rowCache.get(image);
  if (!rows) {
    rows = buildRows(image);
    rowCache.set(image, rows);
  }
  return rows;
}

/** The selected layer's index; null when no row (or a row below every layer) is selected. */
export function selectLayerIndex(s: AppState): number | null {
  if (!s.archive || s.selectedRow === null) return null;
  const row = rowsOf(s.archive.image).find((r) => r.key === s.selectedRow);
  return row && row.layerIndex >= 0 ? row.layerIndex : null;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selectedRow: null,
  // A row picked (again) brings the treemap back to following it, out of any folder zoom.
  selectRow: (key) => set({ selectedRow: key, treemapZoom: null }),
  selectLayer(index) {
    const archive = get().archive;
    if (!archive) return;
    const row = rowsOf(archive.image).find((r) => r.layer?.index === index);
    if (row) set({ selectedRow: row.key, treemapZoom: null });
  },
});
