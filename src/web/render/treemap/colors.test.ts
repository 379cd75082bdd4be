// Colors: the HSL conversion against known values, luminance at its ends, stable hues per layer,
// and label color that keeps contrast on every fill the palette makes.

import { describe, expect, it } from 'vitest';
import { hslToRgb, layerHue, luminance, Palette, type TreemapTheme } from './colors.ts';

const theme: TreemapTheme = {
  background: '#fff',
  textDark: '#111',
  textLight: '#eee',
  hover: '#000',
  saturation: 55,
  lightness: 62,
  lightnessStep: 5,
  dimLightness: 90,
  font: 'sans-serif',
  hatch: '#000',
  scale: 1,
};

/** WCAG contrast ratio between two luminances. */
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('colors', () => {
  it('converts HSL like CSS does', () => {
    expect(hslToRgb(0, 100, 50)).toEqual([255, 0, 0]);
    expect(hslToRgb(120, 100, 25)).toEqual([0, 128, 0]);
    expect(hslToRgb(240, 100, 50)).toEqual([0, 0, 255]);
    expect(hslToRgb(0, 0, 100)).toEqual([255, 255, 255]);
    expect(hslToRgb(210, 50, 40)).toEqual([51, 102, 153]);
  });

  it('measures luminance from black to white', () => {
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([255, 255, 255])).toBeCloseTo(1, 10);
    expect(luminance([255, 255, 0])).toBeGreaterThan(luminance([0, 0, 255]));
  });

  it('gives a layer the same hue every time, and neighbours distinct hues', () => {
    for (let L = 0; L < 40; L++) {
      expect(layerHue(L)).toBe(layerHue(L));
      const d = Math.abs(layerHue(L) - layerHue(L + 1));
      expect(Math.min(d, 360 - d)).toBeGreaterThan(60);
    }
  });

  it('picks the label color with the better contrast on every fill', () => {
    const p = new Palette(theme);
    const dark = luminance([0x11, 0x11, 0x11]);
    const light = luminance([0xee, 0xee, 0xee]);
    for (let L = -1; L < 12; L++) {
      for (let depth = 0; depth < 10; depth++) {
        for (const role of ['container', 'file', 'fold'] as const) {
          for (const dimmed of [false, true]) {
            const c = p.color(L, depth, role, dimmed);
            expect(c).toBe(p.color(L, depth, role, dimmed)); // cached: the same object
            const m = /^rgb\((\d+) (\d+) (\d+)\)$/.exec(c.fill);
            expect(m).not.toBeNull();
            const lum = luminance([Number(m![1]), Number(m![2]), Number(m![3])]);
            const chosen = c.text === theme.textDark ? dark : light;
            const other = c.text === theme.textDark ? light : dark;
            // The chosen one is at least nearly as good as the other (the threshold sits near the crossover).
            expect(contrast(chosen, lum)).toBeGreaterThanOrEqual(contrast(other, lum) * 0.8);
            expect(contrast(chosen, lum)).toBeGreaterThan(3);
          }
        }
      }
    }
  });
});
