// The layer table as Markdown for a pull-request comment: one row per history entry, oldest first
// (as the Dockerfile reads), each size word named, then the totals and the waste figures.
// Commands, paths and names come from the image and are untrusted: they go through the CI
// report's escaping (markdown-report.ts escapeMarkdown / code: pipes, backticks, HTML, @mentions
// and newlines cannot break the table or reach the reader as markup).

import { computeWaste } from '../analysis/waste.ts';
import { LayerStack } from '../layerstack/stack.ts';
import { platformString, type ImageArchive } from '../model/image.ts';
import { formatBytes, formatPercent } from '../text/units.ts';
import { code, escapeMarkdown } from './markdown-report.ts';

export interface LayerMarkdownOptions {
  stack?: LayerStack;
  /** longest command shown whole (default 300 characters) */
  commandChars?: number;
}

const size = (n: number) => formatBytes(n).replace(' ', '&nbsp;');

export function layerTableMarkdown(archive: ImageArchive, opts: LayerMarkdownOptions = {}): string {
  const { image } = archive;
  const tables = image.layers.map((l) => l.table);
  const stack = opts.stack ?? new LayerStack(tables);
  const waste = computeWaste(stack, tables, { maxFiles: 0 });
  const max = opts.commandChars ?? 300;
  const cmd = (c: string | null) => (c === null ? '' : code(c.length > max ? `${c.slice(0, max - 1)}…` : c));
  const estimated = image.layers.some((l) => l.estimated);
  const md: string[] = [];
  const title = escapeMarkdown(image.ref ?? archive.input.name);
  const platform = platformString(image.platform);
  md.push(`#### Layers of ${title}${platform ? ` (${escapeMarkdown(platform)})` : ''}`);
  md.push('');
  if (estimated) md.push('_Sizes marked ≈ are simulated from a Dockerfile, not read from an image._', '');
  md.push('| # | created by | compressed | tar | file bytes | files |');
  md.push('|---:|---|---:|---:|---:|---:|');
  const listed = new Set<number>();
  for (const h of image.history) {
    const l = h.layerIndex === null ? undefined : image.layers[h.layerIndex];
    if (!l) {
      md.push(`|  | ${cmd(h.createdBy)} | | | | |`);
      continue;
    }
    listed.add(l.index);
    const e = l.estimated ? '≈' : '';
    md.push(`| ${l.index} | ${cmd(h.createdBy)} | ${e}${size(l.compressedSize)} | ${e}${size(l.tarSize)} | ${e}${size(l.fileBytes)} | ${l.fileCount} |`);
  }
  // Layers no history entry names still get a row (DESIGN.md: counts can differ).
  for (const l of image.layers) {
    if (listed.has(l.index)) continue;
    md.push(`| ${l.index} | ${cmd(l.createdBy)} | ${size(l.compressedSize)} | ${size(l.tarSize)} | ${size(l.fileBytes)} | ${l.fileCount} |`);
  }
  const sum = (k: 'compressedSize' | 'tarSize' | 'fileBytes' | 'fileCount') => image.layers.reduce((s, l) => s + l[k], 0);
  md.push(`| | **total: ${image.layers.length} layer${image.layers.length === 1 ? '' : 's'}** | **${size(sum('compressedSize'))}** | **${size(sum('tarSize'))}** | **${size(sum('fileBytes'))}** | **${sum('fileCount')}** |`);
  md.push('');
  md.push(
    `Final filesystem: ${size(waste.finalFileBytes)} of file bytes; reclaimable: **${size(waste.reclaimableBytes)}**; ` +
      `efficiency ${formatPercent(waste.efficiency)} (dive: ${formatPercent(waste.diveEfficiency)}).`,
  );
  md.push('');
  md.push('<sub>compressed: blob bytes; tar: uncompressed layer tar; file bytes: regular files in the layer (hard links once). Made with layerscope.</sub>');
  return md.join('\n');
}
