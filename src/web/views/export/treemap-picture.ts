// The treemap of an image as a picture for export, laid out afresh at a fixed size (not copied
// from the screen, so it does not depend on the window, the zoom or whether the treemap is open):
// PNG painted by the same code as the screen (paint.ts), SVG written from the same layout by core
// (src/core/export/treemap-svg.ts, names escaped).

import { TreemapHierarchy } from '../../../core/analysis/treemap/hierarchy.ts';
import { layoutTreemap, type TreemapLayout } from '../../../core/analysis/treemap/layout.ts';
import { treemapSvg } from '../../../core/export/treemap-svg.ts';
import type { ImageArchive } from '../../../core/model/image.ts';
import { formatBytes } from '../../format.ts';
import { Palette, readTheme } from '../../render/treemap/colors.ts';
import { paintScene, roleOf } from '../../render/treemap/paint.ts';
import { canvasFitter } from '../../render/treemap/text-fit.ts';
import { layerLabel } from '../treemap/labels.ts';

export const PICTURE = { width: 1600, height: 1000, fontSize: 12, headerHeight: 18 } as const;

interface Picture {
  hierarchy: TreemapHierarchy;
  layout: TreemapLayout;
  palette: Palette;
  title: string;
}

function picture(archive: ImageArchive): Picture {
  const layers = archive.image.layers;
  const title = archive.image.ref ?? archive.input.name;
  const hierarchy = new TreemapHierarchy(
    layers.map((l) => l.table),
    { imageLabel: title, layerLabels: layers.map(layerLabel) },
  );
  const layout = layoutTreemap(hierarchy, hierarchy.root, { x: 0, y: 0, w: PICTURE.width, h: PICTURE.height }, { headerHeight: PICTURE.headerHeight, minCellArea: 9 });
  return { hierarchy, layout, palette: new Palette(readTheme(document.documentElement)), title };
}

export async function treemapPng(archive: ImageArchive, dpr = 1): Promise<Blob> {
  const { hierarchy, layout, palette } = picture(archive);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(PICTURE.width * dpr);
  canvas.height = Math.round(PICTURE.height * dpr);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('this browser gives no 2D canvas context');
  const fitter = canvasFitter(ctx, `${Math.round(PICTURE.fontSize * dpr)}px ${palette.theme.font}`);
  paintScene({ ctx, layout, hierarchy, palette, fitter, dpr, highlight: null, headerHeight: PICTURE.headerHeight, fontSize: PICTURE.fontSize, formatSize: formatBytes });
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no PNG'))), 'image/png'));
}

export function treemapSvgText(archive: ImageArchive): string {
  const { hierarchy: h, layout: l, palette, title } = picture(archive);
  return treemapSvg(h, l, {
    width: PICTURE.width,
    height: PICTURE.height,
    background: palette.theme.background,
    color: (c) => {
      const id = l.ids[c];
      return palette.color(h.layerOf(id), l.depth[c], roleOf(h, id, l.childCount[c]), false);
    },
    formatSize: formatBytes,
    fontSize: PICTURE.fontSize,
    fontFamily: palette.theme.font,
    title: `${title}: file bytes by layer and folder (layerscope)`,
  });
}
