// The treemap as SVG, written from the layout data (src/core/analysis/treemap/layout.ts), never
// traced from the canvas: vector boxes, a <title> per cell for hover text in any viewer, labels
// where they fit. Names come from image files and are untrusted, so every text goes through
// escapeXml: markup characters become entities and characters XML 1.0 cannot hold (C0 controls,
// lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so the file always parses and never carries
// markup or script from a file name.

import type { TreemapHierarchy } from '../analysis/treemap/hierarchy.ts';
import type { TreemapLayout } from '../analysis/treemap/layout.ts';

export interface SvgColors {
  fill: string;
  text: string;
}

export interface TreemapSvgOptions {
  width: number;
  height: number;
  background: string;
  /** colors of a cell (layout index) */
  color: (cell: number) => SvgColors;
  formatSize: (bytes: number) => string;
  /** CSS px (default 11) */
  fontSize?: number;
  fontFamily?: string;
  title?: string;
}

// XML 1.0 "Char": #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(s: string): string {
  return s.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Cuts `text` to about `width` px at `fontSize` (average glyph ≈ 0.62 em), with an ellipsis. */
function fit(text: string, width: number, fontSize: number): string | null {
  const chars = Math.floor(width / (fontSize * 0.62));
  if (chars < 3) return null;
  const glyphs = Array.from(text);
  return glyphs.length <= chars ? text : `${glyphs.slice(0, chars - 1).join('')}…`;
}

export function treemapSvg(h: TreemapHierarchy, l: TreemapLayout, o: TreemapSvgOptions): string {
  const fs = o.fontSize ?? 11;
  const font = o.fontFamily ?? 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${o.height}" viewBox="0 0 ${o.width} ${o.height}" font-family="${escapeXml(font)}" font-size="${fs}">`,
  );
  if (o.title) out.push(`<title>${escapeXml(o.title)}</title>`);
  out.push(`<rect width="${o.width}" height="${o.height}" fill="${escapeXml(o.background)}"/>`);
  for (let c = 1; c < l.count; c++) {
    const w = l.x1[c] - l.x0[c];
    const ht = l.y1[c] - l.y0[c];
    if (w < 1 || ht < 1) continue;
    const id = l.ids[c];
    const { fill, text } = o.color(c);
    const name = h.name(id);
    const bytes = o.formatSize(h.size(id));
    const path = h.path(id);
    const tip = `${path && h.kind(id) !== 'layer' ? path : name} — ${bytes}`;
    out.push(`<g><title>${escapeXml(tip)}</title><rect x="${r1(l.x0[c] + 0.5)}" y="${r1(l.y0[c] + 0.5)}" width="${r1(Math.max(0, w - 1))}" height="${r1(Math.max(0, ht - 1))}" fill="${escapeXml(fill)}"/>`);
    let label: string | null = null;
    let second: string | null = null;
    let y = 0;
    if (l.header[c] === 1) {
      label = fit(`${name}  ${bytes}`, w - 6, fs);
      y = l.y0[c] + (l.iy0[c] - l.y0[c]) / 2 + fs * 0.35;
    } else if (l.childCount[c] === 0 && ht >= fs + 6) {
      label = fit(name, w - 6, fs);
      y = l.y0[c] + 3 + fs * 0.85;
      // The size on a second line, as on the canvas, where the cell is tall enough.
      if (label && ht >= 2 * fs + 9) second = fit(bytes, w - 6, fs);
    }
    if (label) out.push(`<text x="${r1(l.x0[c] + 3)}" y="${r1(y)}" fill="${escapeXml(text)}">${escapeXml(label)}</text>`);
    if (second) out.push(`<text x="${r1(l.x0[c] + 3)}" y="${r1(y + fs + 2)}" fill="${escapeXml(text)}">${escapeXml(second)}</text>`);
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
