// The files the export menu writes: the analysis JSON (schema layerscope.analysis/v1, every file
// of every layer), the treemap as PNG and SVG, the layer table as Markdown. Each is made when
// asked and handed to the browser as a download (a Blob URL, never a server).

import { toAnalysisJson } from '../../../core/export/analysis-json.ts';
import { layerTableMarkdown } from '../../../core/export/layer-markdown.ts';
import type { ImageArchive } from '../../../core/model/image.ts';
import { treemapPng, treemapSvgText } from './treemap-picture.ts';

export type ExportKind = 'json' | 'png' | 'svg' | 'markdown';

export const EXPORTS: { kind: ExportKind; label: string; hint: string }[] = [
  { kind: 'json', label: 'JSON', hint: 'the whole analysis, every file (layerscope.analysis/v1)' },
  { kind: 'png', label: 'PNG', hint: 'the treemap as a picture' },
  { kind: 'svg', label: 'SVG', hint: 'the treemap as vector graphics' },
  { kind: 'markdown', label: 'Markdown', hint: 'the layer table, for a pull-request comment' },
];

/** A file name from the image's name: letters, digits, dot, dash, underscore only. */
export function baseName(archive: ImageArchive): string {
  const raw = archive.image.ref ?? archive.input.name;
  const name = raw.replace(/\.(tar|tgz|tar\.gz|tar\.zst)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return (name || 'image').slice(0, 80);
}

export async function exportFile(archive: ImageArchive, kind: ExportKind): Promise<{ blob: Blob; name: string }> {
  const base = baseName(archive);
  switch (kind) {
    case 'json':
      return { blob: new Blob([JSON.stringify(toAnalysisJson(archive, { files: true }))], { type: 'application/json' }), name: `${base}.layerscope.json` };
    case 'png':
      return { blob: await treemapPng(archive, Math.min(2, Math.max(1, window.devicePixelRatio || 1))), name: `${base}.treemap.png` };
    case 'svg':
      return { blob: new Blob([treemapSvgText(archive)], { type: 'image/svg+xml' }), name: `${base}.treemap.svg` };
    case 'markdown':
      return { blob: new Blob([layerTableMarkdown(archive)], { type: 'text/markdown' }), name: `${base}.layers.md` };
  }
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Long enough for the browser to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
