// Treemap colors (STYLE.md #11): the hue comes from the layer, so a layer keeps its color at every
// zoom; lightness steps with depth, so nesting reads without borders; label color follows the
// background's luminance (WCAG relative luminance). Theme values come from CSS custom properties
// on the canvas, so the page's light/dark theme and the canvas agree:
//   --treemap-bg, --treemap-text-dark, --treemap-text-light, --treemap-hover,
//   --treemap-saturation (%), --treemap-lightness (% at depth 1), --treemap-lightness-step
//   (% per level, negative to darken), --treemap-dim-lightness (% of cells outside the highlight),
//   --treemap-font (family), --treemap-hatch (the stripes over wasted bytes).
// Missing ones fall back to the defaults below, picked by prefers-color-scheme.

export interface TreemapTheme {
  background: string;
  textDark: string;
  textLight: string;
  hover: string;
  saturation: number;
  lightness: number;
  lightnessStep: number;
  dimLightness: number;
  font: string;
  /** stripes drawn over cells whose bytes are wasted */
  hatch: string;
  /** label type and name strips grow by this (the presentation theme: readable on a projector) */
  scale: number;
}

const LIGHT: TreemapTheme = {
  background: '#ffffff',
  textDark: '#18181b',
  textLight: '#fafafa',
  hover: '#000000',
  saturation: 55,
  lightness: 62,
  lightnessStep: 5,
  dimLightness: 90,
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  hatch: 'rgb(0 0 0 / 0.45)',
  scale: 1,
};

const DARK: TreemapTheme = {
  ...LIGHT,
  background: '#09090b',
  hover: '#ffffff',
  saturation: 45,
  lightness: 34,
  lightnessStep: 4,
  dimLightness: 16,
  hatch: 'rgb(255 255 255 / 0.4)',
};

/** Reads the theme from CSS custom properties on `el` (any element: they inherit). */
export function readTheme(el: Element): TreemapTheme {
  const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const d = dark ? DARK : LIGHT;
  const css = getComputedStyle(el);
  const str = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const num = (name: string, fallback: number) => {
    const v = Number.parseFloat(css.getPropertyValue(name));
    return Number.isFinite(v) ? v : fallback;
  };
  return {
    background: str('--treemap-bg', d.background),
    textDark: str('--treemap-text-dark', d.textDark),
    textLight: str('--treemap-text-light', d.textLight),
    hover: str('--treemap-hover', d.hover),
    saturation: num('--treemap-saturation', d.saturation),
    lightness: num('--treemap-lightness', d.lightness),
    lightnessStep: num('--treemap-lightness-step', d.lightnessStep),
    dimLightness: num('--treemap-dim-lightness', d.dimLightness),
    font: str('--treemap-font', d.font),
    hatch: str('--treemap-hatch', d.hatch),
    scale: Math.min(3, Math.max(0.5, num('--treemap-scale', d.scale))),
  };
}

/** Golden-angle hues: neighbouring layers land far apart on the wheel, whatever their count. */
export function layerHue(layer: number): number {
  return (210 + layer * 137.508) % 360;
}

/** HSL (degrees, %, %) to sRGB 0-255 (CSS Color 4 "hsl-to-rgb"). */
export function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const sat = s / 100;
  const lig = l / 100;
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const a = sat * Math.min(lig, 1 - lig);
    return Math.round(255 * (lig - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** WCAG 2 relative luminance of an sRGB color, 0 (black) to 1 (white). */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export interface CellColor {
  fill: string;
  /** label color that reads on `fill` */
  text: string;
}

/** What a cell stands for, as far as its color goes. */
export type ColorRole = 'container' | 'file' | 'fold';

/**
 * Colors per (layer, depth, role, dimmed), made once and reused: setting the same string object
 * as fillStyle again is cheap, and a frame has thousands of cells but a few dozen colors.
 */
export class Palette {
  private readonly cache = new Map<number, CellColor>();

  constructor(readonly theme: TreemapTheme) {}

  color(layer: number, depth: number, role: ColorRole, dimmed: boolean): CellColor {
    const key = ((layer * 64 + Math.min(depth, 63)) * 3 + (role === 'container' ? 0 : role === 'file' ? 1 : 2)) * 2 + (dimmed ? 1 : 0);
    let c = this.cache.get(key);
    if (!c) {
      c = this.make(layer, depth, role, dimmed);
      this.cache.set(key, c);
    }
    return c;
  }

  private make(layer: number, depth: number, role: ColorRole, dimmed: boolean): CellColor {
    const t = this.theme;
    const hue = layer < 0 ? 0 : layerHue(layer);
    let sat = layer < 0 ? 0 : role === 'fold' ? t.saturation * 0.25 : t.saturation;
    // Files a step and a half off their folder, so files stand out from the folder around them
    // (the border between siblings is the folder's color).
    let light = t.lightness + t.lightnessStep * (Math.max(0, depth - 1) + (role === 'file' ? 1.5 : 0));
    light = Math.max(12, Math.min(92, light));
    if (dimmed) {
      // Toward the page: still shows the shape, no longer competes with the highlighted layers.
      sat *= 0.15;
      light = t.dimLightness + (light - t.lightness) * 0.3;
    }
    const rgb = hslToRgb(hue, sat, light);
    return {
      fill: `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]})`,
      // 0.18: where near-black and near-white text have equal WCAG contrast on the fill.
      text: luminance(rgb) > 0.18 ? t.textDark : t.textLight,
    };
  }
}
