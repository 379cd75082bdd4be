// A layer's color outside the canvas, with the treemap's hue for it (colors.ts layerHue), so a
// layer looks the same in the stacked bars, the layer list and the treemap.

import { layerHue } from '../../render/treemap/colors.ts';

export function layerSwatch(layer: number): string {
  return `hsl(${layerHue(layer).toFixed(1)} var(--treemap-saturation, 55%) var(--swatch-lightness, 58%))`;
}
