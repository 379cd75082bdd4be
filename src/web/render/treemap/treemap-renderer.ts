// The treemap on a <canvas>, as a plain class with no React (STYLE.md #10: React only mounts it).
// Work is split by what changed, and batched into one requestAnimationFrame:
//   layout  on data, zoom or resize (layout.ts lays out only what can be seen);
//   scene   on layout, theme or highlight: painted into an offscreen back buffer (paint.ts);
//   hover   copies back only the box under the old outline and draws the new one, so moving the
//           pointer costs two small blits whatever the number of cells.
// The canvas is sized in device pixels (devicePixelRatio) so edges and text are crisp on HiDPI.

import type { TreemapHierarchy } from '../../../core/analysis/treemap/hierarchy.ts';
import { cellAt, layoutTreemap, zoomTargetAt, type TreemapLayout } from '../../../core/analysis/treemap/layout.ts';
import { Palette, readTheme } from './colors.ts';
import { deviceBox, hatchPattern, paintScene } from './paint.ts';
import { sameLayers, type TreemapHit, type TreemapRendererOptions } from './renderer-options.ts';
import { canvasFitter, type TextFitter } from './text-fit.ts';

export type { FrameStats, TreemapHit, TreemapRendererOptions } from './renderer-options.ts';

const HEADER = 16;

export class TreemapRenderer {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly back: HTMLCanvasElement;
  private readonly backCtx: CanvasRenderingContext2D;
  private hierarchy: TreemapHierarchy | null = null;
  private root = 0;
  private layout: TreemapLayout | null = null;
  private highlight: ReadonlySet<number> | null = null;
  private hatched: ((id: number) => boolean) | null = null;
  private hatch: CanvasPattern | null = null;
  private palette: Palette;
  private fitter: TextFitter;
  /** 0 until the first resize(), so that one always sizes the canvas and watches the ratio */
  private dpr = 0;
  private cssW = 0;
  private cssH = 0;
  private hover = -1;
  /** device box of the outline now on screen, to restore from the back buffer */
  private outline: [number, number, number, number] | null = null;
  private pointer: { x: number; y: number } | null = null;
  private needLayout = false;
  private needScene = false;
  private needOverlay = false;
  private raf = 0;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly options: TreemapRendererOptions = {},
  ) {
    const ctx = canvas.getContext('2d', { alpha: false });
    const back = document.createElement('canvas');
    const backCtx = back.getContext('2d', { alpha: false });
    if (!ctx || !backCtx) throw new Error('this browser gives no 2D canvas context');
    this.ctx = ctx;
    this.back = back;
    this.backCtx = backCtx;
    this.palette = new Palette(readTheme(canvas));
    this.fitter = canvasFitter(backCtx, this.font());
    this.listen(canvas, 'pointermove', (e) => this.onPointerMove(e as PointerEvent));
    this.listen(canvas, 'pointerleave', () => this.onPointerLeave());
    this.listen(canvas, 'click', (e) => this.onClick(e as MouseEvent));
    this.listen(canvas, 'keydown', (e) => this.onKey(e as KeyboardEvent));
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    this.listen(scheme, 'change', () => this.refreshTheme());
    // A theme chosen on the page (not the system's) announces itself with this event.
    this.listen(window, 'layerscope-theme', () => this.refreshTheme());
    if (options.autoResize !== false && typeof ResizeObserver === 'function') {
      const ro = new ResizeObserver(() => this.resize());
      ro.observe(canvas);
      this.cleanups.push(() => ro.disconnect());
    }
    this.resize();
  }

  // ------------------------------------------------------------------ public API

  /** New data; zooms to `root` (default: the image) when it has bytes in it, else to the image. */
  setData(hierarchy: TreemapHierarchy | null, root?: number): void {
    this.hierarchy = hierarchy;
    const want = root ?? hierarchy?.root ?? 0;
    this.root = hierarchy && want !== hierarchy.root && hierarchy.has(want) && hierarchy.size(want) > 0 ? want : (hierarchy?.root ?? 0);
    this.invalidate('layout');
  }

  /** Zoom into a node (a file zooms to its folder); notifies onZoom. */
  zoomTo(id: number): void {
    const h = this.hierarchy;
    if (!h || !h.has(id)) return;
    let target = id;
    if (h.isLeaf(target)) target = h.parent(target) ?? h.root;
    if (target === this.root) return;
    this.root = target;
    this.invalidate('layout');
    this.options.onZoom?.(target);
  }

  get zoomRoot(): number {
    return this.root;
  }

  /** The cell under (x, y), CSS px from the canvas' top-left: the deepest one at least a device pixel big. */
  hitTest(x: number, y: number): TreemapHit | null {
    const l = this.layout;
    if (!l) return null;
    let c = cellAt(l, x, y);
    while (c > 0) {
      const [, , w, h] = deviceBox(l, c, this.dpr);
      if (w >= 1 && h >= 1) break;
      c = l.parent[c];
    }
    if (c < 0) return null;
    return { id: l.ids[c], cell: c, x: l.x0[c], y: l.y0[c], w: l.x1[c] - l.x0[c], h: l.y1[c] - l.y0[c] };
  }

  /** Show these layers in full color and dim the others; null or empty: all in color. */
  setHighlight(layers: ReadonlySet<number> | null): void {
    const next = layers && layers.size > 0 ? layers : null;
    if (sameLayers(next, this.highlight)) return;
    this.highlight = next ? new Set(next) : null;
    this.invalidate('scene');
  }

  /** Stripe the childless cells for which `fn` says true (wasted bytes); null: none. */
  setHatched(fn: ((id: number) => boolean) | null): void {
    if (fn === this.hatched) return;
    this.hatched = fn;
    this.invalidate('scene');
  }

  /** Follow the canvas' CSS size and the device pixel ratio. */
  resize(): void {
    const dpr = window.devicePixelRatio || 1;
    const w = this.canvas.clientWidth;
    const h = this.canvas.clientHeight;
    if (w === this.cssW && h === this.cssH && dpr === this.dpr) return;
    this.cssW = w;
    this.cssH = h;
    if (dpr !== this.dpr) this.watchDpr(dpr);
    this.dpr = dpr;
    this.canvas.width = this.back.width = Math.max(1, Math.round(w * dpr));
    this.canvas.height = this.back.height = Math.max(1, Math.round(h * dpr));
    this.fitter = canvasFitter(this.backCtx, this.font());
    this.hatch = hatchPattern(this.backCtx, this.palette.theme.hatch, dpr);
    this.invalidate('layout');
  }

  /** Read the CSS variables again (after a theme change). */
  refreshTheme(): void {
    this.palette = new Palette(readTheme(this.canvas));
    this.fitter = canvasFitter(this.backCtx, this.font());
    this.hatch = hatchPattern(this.backCtx, this.palette.theme.hatch, this.dpr || 1);
    // The scale may have changed with the theme: name strips change height, so lay out again.
    this.invalidate('layout');
  }

  destroy(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    for (const undo of this.cleanups.splice(0)) undo();
    this.hierarchy = null;
    this.layout = null;
  }

  // ------------------------------------------------------------------ frames

  private invalidate(what: 'layout' | 'scene' | 'overlay'): void {
    if (what === 'layout') this.needLayout = true;
    if (what !== 'overlay') this.needScene = true;
    this.needOverlay = true;
    if (!this.raf) this.raf = requestAnimationFrame(() => this.frame());
  }

  private frame(): void {
    this.raf = 0;
    const h = this.hierarchy;
    let layoutMs = 0;
    let paintMs = 0;
    let drawn = 0;
    let labels = 0;
    const full = this.needLayout || this.needScene;
    if (this.needLayout) {
      const t = performance.now();
      this.layout = h ? layoutTreemap(h, this.root, { x: 0, y: 0, w: this.cssW, h: this.cssH }, { ...this.options.layout, headerHeight: this.headerHeight() }) : null;
      layoutMs = performance.now() - t;
      this.hover = this.pointer ? (this.hitTest(this.pointer.x, this.pointer.y)?.cell ?? -1) : -1;
    }
    if (full) {
      const t = performance.now();
      const l = this.layout;
      if (h && l) {
        ({ drawn, labels } = paintScene({
          ctx: this.backCtx,
          layout: l,
          hierarchy: h,
          palette: this.palette,
          fitter: this.fitter,
          dpr: this.dpr,
          highlight: this.highlight,
          headerHeight: this.headerHeight(),
          fontSize: this.fontSize(),
          formatSize: this.options.formatSize ?? String,
          hatched: this.hatched,
          hatch: this.hatch,
        }));
      } else {
        this.backCtx.fillStyle = this.palette.theme.background;
        this.backCtx.fillRect(0, 0, this.back.width, this.back.height);
      }
      this.ctx.drawImage(this.back, 0, 0);
      this.outline = null;
      paintMs = performance.now() - t;
    }
    if (this.needOverlay || full) {
      const t = performance.now();
      this.drawOutline();
      if (!full) paintMs = performance.now() - t;
    }
    this.needLayout = this.needScene = this.needOverlay = false;
    this.options.onFrame?.({ kind: full ? 'full' : 'hover', layoutMs, paintMs, cells: this.layout?.count ?? 0, drawn, labels });
  }

  /** Restores the old outline's pixels from the back buffer, then outlines the hovered cell. */
  private drawOutline(): void {
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (this.outline) {
      const [x, y, w, h] = this.outline;
      ctx.drawImage(this.back, x, y, w, h, x, y, w, h);
      this.outline = null;
    }
    const l = this.layout;
    if (!l || this.hover <= 0) return;
    const lw = Math.max(2, Math.round(2 * this.dpr));
    const [x, y, w, h] = deviceBox(l, this.hover, this.dpr);
    ctx.strokeStyle = this.palette.theme.hover;
    ctx.lineWidth = lw;
    ctx.strokeRect(x + lw / 2, y + lw / 2, Math.max(0, w - lw), Math.max(0, h - lw));
    // The stroke stays inside the cell's box; restore exactly that box next time.
    const x0 = Math.max(0, x);
    const y0 = Math.max(0, y);
    this.outline = [x0, y0, Math.min(this.back.width, x + w) - x0, Math.min(this.back.height, y + h) - y0];
  }

  // ------------------------------------------------------------------ input

  private onPointerMove(e: PointerEvent): void {
    const r = this.canvas.getBoundingClientRect();
    this.pointer = { x: e.clientX - r.left, y: e.clientY - r.top };
    const hit = this.hitTest(this.pointer.x, this.pointer.y);
    const cell = hit?.cell ?? -1;
    if (cell !== this.hover) {
      this.hover = cell;
      this.invalidate('overlay');
    }
    this.options.onHover?.(hit, e.clientX, e.clientY);
  }

  private onPointerLeave(): void {
    this.pointer = null;
    if (this.hover !== -1) {
      this.hover = -1;
      this.invalidate('overlay');
    }
    this.options.onHover?.(null, 0, 0);
  }

  private onClick(e: MouseEvent): void {
    if (this.options.clickToZoom === false) return;
    const r = this.canvas.getBoundingClientRect();
    const hit = this.hitTest(e.clientX - r.left, e.clientY - r.top);
    if (hit && hit.cell > 0) this.activate(hit.cell);
  }

  /** A click or Enter on a cell: a file is picked (onPick), anything else zooms. */
  private activate(cell: number): void {
    const h = this.hierarchy;
    const id = this.layout!.ids[cell];
    if (this.options.onPick && h && id > 0 && h.isLeaf(id) && h.kind(id) !== 'dir') this.options.onPick(id);
    else this.zoomTo(zoomTargetAt(this.layout!, cell));
  }

  private onKey(e: KeyboardEvent): void {
    const h = this.hierarchy;
    if (!h) return;
    if ((e.key === 'Escape' || e.key === 'Backspace') && this.root !== h.root) {
      e.preventDefault();
      this.zoomTo(h.parent(this.root) ?? h.root);
    } else if (e.key === 'Enter' && this.layout && this.hover > 0) {
      e.preventDefault();
      this.activate(this.hover);
    }
  }

  // ------------------------------------------------------------------ helpers

  private fontSize(): number {
    return (this.options.fontSize ?? 11) * this.palette.theme.scale;
  }

  private headerHeight(): number {
    return Math.round((this.options.layout?.headerHeight ?? HEADER) * this.palette.theme.scale);
  }

  private font(): string {
    return `${Math.round(this.fontSize() * this.dpr)}px ${this.palette.theme.font}`;
  }

  private listen(target: EventTarget, type: string, fn: (e: Event) => void): void {
    target.addEventListener(type, fn);
    this.cleanups.push(() => target.removeEventListener(type, fn));
  }

  /** A devicePixelRatio change (window moved to another screen, browser zoom) calls resize(). */
  private watchDpr(dpr: number): void {
    const mq = matchMedia(`(resolution: ${dpr}dppx)`);
    const onChange = () => this.resize();
    mq.addEventListener('change', onChange, { once: true });
    this.cleanups.push(() => mq.removeEventListener('change', onChange));
  }
}
