// The renderer's public types: what a hit test returns, what a frame reports, what it takes.

import type { LayoutOptions } from '../../../core/analysis/treemap/layout.ts';

export interface TreemapHit {
  id: number;
  /** index of the cell in the current layout */
  cell: number;
  /** the cell's box, CSS px from the canvas' top-left */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FrameStats {
  /** full: layout and/or scene painted; hover: only the outline moved */
  kind: 'full' | 'hover';
  layoutMs: number;
  paintMs: number;
  /** cells in the layout, cells filled, labels drawn */
  cells: number;
  drawn: number;
  labels: number;
}

export interface TreemapRendererOptions {
  layout?: LayoutOptions;
  /** CSS px (default 11) */
  fontSize?: number;
  formatSize?: (bytes: number) => string;
  /** pointer over a cell (null: over nothing), with the pointer's client coordinates */
  onHover?: (hit: TreemapHit | null, clientX: number, clientY: number) => void;
  /** the zoom root changed (a click, Escape, or zoomTo) */
  onZoom?: (root: number) => void;
  onFrame?: (stats: FrameStats) => void;
  /** a click (or Enter) on a file: when given, files are picked instead of zooming to their folder */
  onPick?: (id: number) => void;
  /** click zooms into the folder or layer under the pointer (default true) */
  clickToZoom?: boolean;
  /** follow the canvas' CSS size with a ResizeObserver (default true) */
  autoResize?: boolean;
}

/** Same layers in both (null: none highlighted). */
export function sameLayers(a: ReadonlySet<number> | null, b: ReadonlySet<number> | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
