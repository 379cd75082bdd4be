// Paints one laid-out treemap into a 2D context, in device pixels: fills first (cells in layout
// order, parents before children), then labels where they fit. Cells under one device pixel are
// culled (their parent's fill already covers them); edges snap to whole device pixels so that
// neighbours share an edge instead of blending into a blurred seam, and a one-CSS-pixel gap is
// left on the top-left of each cell so the parent's color shows between siblings as a border.
// The zoom root itself is not filled: the page color frames its children.
//
// Names come from image files, so they are untrusted: they only ever reach the canvas through
// fillText (never HTML), after printable() replaced control and bidi-override characters.

import type { TreemapHierarchy } from '../../../core/analysis/treemap/hierarchy.ts';
import type { TreemapLayout } from '../../../core/analysis/treemap/layout.ts';
import type { ColorRole, Palette } from './colors.ts';
import { printable, type TextFitter } from './text-fit.ts';

export interface PaintParams {
  ctx: CanvasRenderingContext2D;
  layout: TreemapLayout;
  hierarchy: TreemapHierarchy;
  palette: Palette;
  /** fitter for the label font, in device pixels */
  fitter: TextFitter;
  dpr: number;
  /** layers shown in full color; null: all */
  highlight: ReadonlySet<number> | null;
  /** CSS px height of a header strip (the layout's) */
  headerHeight: number;
  /** CSS px size of the label font */
  fontSize: number;
  formatSize: (bytes: number) => string;
  /** cells whose bytes are wasted, striped with `hatch` (childless cells only: a folder's own children say it) */
  hatched?: ((id: number) => boolean) | null;
  hatch?: CanvasPattern | null;
}

export interface PaintStats {
  /** cells filled (the rest were under a device pixel) */
  drawn: number;
  labels: number;
}

export function roleOf(h: TreemapHierarchy, id: number, laidOutChildren: number): ColorRole {
  const kind = h.kind(id);
  if (kind === 'fold') return 'fold';
  return laidOutChildren > 0 || kind === 'dir' || kind === 'layer' || kind === 'image' ? 'container' : 'file';
}

export function paintScene(p: PaintParams): PaintStats {
  const { ctx, layout: l, hierarchy: h, palette, dpr, highlight } = p;
  const W = ctx.canvas.width;
  const H = ctx.canvas.height;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = palette.theme.background;
  ctx.fillRect(0, 0, W, H);

  // Device-pixel boxes and colors, kept for the label pass.
  const n = l.count;
  const X0 = new Int32Array(n);
  const Y0 = new Int32Array(n);
  const X1 = new Int32Array(n);
  const Y1 = new Int32Array(n);
  const colorOf: (ReturnType<Palette['color']> | null)[] = new Array(n).fill(null);
  let drawn = 0;
  let lastFill = '';
  const hatched = p.hatch ? p.hatched : null;
  const striped: number[] = [];
  // One CSS pixel of border (whole device pixels), so it stays visible on HiDPI screens.
  const gapPx = Math.max(1, Math.round(dpr));
  for (let c = 0; c < n; c++) {
    const x0 = Math.round(l.x0[c] * dpr);
    const y0 = Math.round(l.y0[c] * dpr);
    const x1 = Math.round(l.x1[c] * dpr);
    const y1 = Math.round(l.y1[c] * dpr);
    if (x1 - x0 < 1 || y1 - y0 < 1) continue;
    // A culled parent hides its children too: they lie inside it.
    const parent = l.parent[c];
    if (parent >= 0 && colorOf[parent] === null) continue;
    const id = l.ids[c];
    const layer = h.layerOf(id);
    const color = palette.color(layer, l.depth[c], roleOf(h, id, l.childCount[c]), highlight !== null && layer >= 0 && !highlight.has(layer));
    colorOf[c] = color;
    X0[c] = x0;
    Y0[c] = y0;
    X1[c] = x1;
    Y1[c] = y1;
    // The zoom root is the background: its children are parted by the page color.
    if (c === 0) continue;
    const gap = x1 - x0 >= 3 * gapPx && y1 - y0 >= 3 * gapPx ? gapPx : 0;
    if (color.fill !== lastFill) {
      ctx.fillStyle = color.fill;
      lastFill = color.fill;
    }
    ctx.fillRect(x0 + gap, y0 + gap, x1 - x0 - gap, y1 - y0 - gap);
    drawn++;
    if (hatched && l.childCount[c] === 0 && hatched(id)) striped.push(c);
  }
  // Stripes over wasted cells, in one pass with one fill style.
  if (p.hatch && striped.length > 0) {
    ctx.fillStyle = p.hatch;
    for (const c of striped) ctx.fillRect(X0[c] + gapPx, Y0[c] + gapPx, X1[c] - X0[c] - gapPx, Y1[c] - Y0[c] - gapPx);
  }

  // Labels: a parent's name in its header strip, a childless cell's name (and size) inside it.
  const fontPx = p.fontSize * dpr;
  ctx.font = p.fitter.font;
  ctx.textBaseline = 'middle';
  const pad = Math.round(3 * dpr);
  const minW = 4 * fontPx;
  let labels = 0;
  let lastText = '';
  for (let c = 1; c < n; c++) {
    const color = colorOf[c];
    if (!color) continue;
    const w = X1[c] - X0[c];
    const hgt = Y1[c] - Y0[c];
    if (w < minW) continue;
    const id = l.ids[c];
    let line1: string | null;
    let line2: string | null = null;
    let y: number;
    if (l.header[c] === 1) {
      const stripH = Math.round(l.iy0[c] * dpr) - Y0[c];
      if (stripH < fontPx) continue;
      const size = p.formatSize(h.size(id));
      const name = p.fitter.fit(printable(h.name(id)), w - 2 * pad - p.fitter.width(size) - 2 * pad);
      line1 = name === null ? p.fitter.fit(size, w - 2 * pad) : `${name}  ${size}`;
      y = Y0[c] + 1 + stripH / 2;
    } else if (l.childCount[c] === 0 && hgt >= fontPx + 2 * pad) {
      line1 = p.fitter.fit(printable(h.name(id)), w - 2 * pad);
      if (line1 !== null && hgt >= 2.2 * fontPx + 2 * pad) line2 = p.fitter.fit(p.formatSize(h.size(id)), w - 2 * pad);
      y = Y0[c] + pad + fontPx / 2 + 1;
    } else continue;
    if (line1 === null) continue;
    if (color.text !== lastText) {
      ctx.fillStyle = color.text;
      lastText = color.text;
    }
    ctx.fillText(line1, X0[c] + pad, y);
    // A line height of 1.2 em: at 1 em the size's digits touch the name's descenders.
    if (line2 !== null) ctx.fillText(line2, X0[c] + pad, y + Math.round(fontPx * 1.2));
    labels++;
  }
  return { drawn, labels };
}

/** A repeating diagonal stripe in `color`, sized for the device pixel ratio (CSS 6 px apart). */
export function hatchPattern(ctx: CanvasRenderingContext2D, color: string, dpr: number): CanvasPattern | null {
  const size = Math.max(4, Math.round(6 * dpr));
  const tile = document.createElement('canvas');
  tile.width = tile.height = size;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.strokeStyle = color;
  t.lineWidth = Math.max(1, Math.round(1.5 * dpr));
  t.beginPath();
  // One diagonal plus its wrap-around corners, so tiles join into continuous stripes.
  t.moveTo(-1, size + 1);
  t.lineTo(size + 1, -1);
  t.moveTo(-1, 1);
  t.lineTo(1, -1);
  t.moveTo(size - 1, size + 1);
  t.lineTo(size + 1, size - 1);
  t.stroke();
  return ctx.createPattern(tile, 'repeat');
}

/** Device-pixel box of cell c as painted (before the border gap). */
export function deviceBox(l: TreemapLayout, c: number, dpr: number): [number, number, number, number] {
  const x0 = Math.round(l.x0[c] * dpr);
  const y0 = Math.round(l.y0[c] * dpr);
  return [x0, y0, Math.round(l.x1[c] * dpr) - x0, Math.round(l.y1[c] * dpr) - y0];
}
