// `layerscope analyze IMAGE.tar`: the image's layers like `docker history`, with every history
// entry, its full command, sizes in their three words, and the waste figures.

import { toAnalysisJson, type AnalysisJson } from '../../core/export/analysis-json.ts';
import { toDiveJson } from '../../core/export/dive-json.ts';
import { copyUpJudgement, hashedLayerCount } from '../../core/layers/hash-mode.ts';
import { exactBytes, formatBytes, formatPercent } from '../../core/text/units.ts';
import { parse, UsageError } from '../args.ts';
import { HASH_OPTIONS, hashFrom } from '../hash-flags.ts';
import { LIMIT_OPTIONS, limitsFrom } from '../limit-flags.ts';
import { openArchive } from '../open-archive.ts';
import { renderTable } from '../text-table.ts';

export async function analyze(argv: string[], out: (s: string) => void): Promise<void> {
  const { values, positionals } = parse(
    argv,
    {
      platform: { type: 'string' },
      image: { type: 'string' },
      json: { type: 'boolean' },
      files: { type: 'boolean' },
      merged: { type: 'boolean' },
      // --format dive: the JSON `dive --json` writes (export/dive-json.ts), for tools that read it
      format: { type: 'string' },
      ...HASH_OPTIONS,
      ...LIMIT_OPTIONS,
    },
    ['IMAGE.tar'],
  );
  if (values.format !== undefined && values.format !== 'layerscope' && values.format !== 'dive') {
    throw new UsageError(`--format takes "layerscope" or "dive", not "${values.format}"`);
  }
  const archive = await openArchive(positionals[0], { image: values.image, platform: values.platform, hash: hashFrom(values), limits: limitsFrom(values) });
  if (values.format === 'dive') {
    out(JSON.stringify(toDiveJson(archive), null, 2));
    return;
  }
  const json = toAnalysisJson(archive, { files: values.files, merged: values.merged });
  if (values.json) {
    out(JSON.stringify(json, null, 2));
    return;
  }
  const tables = archive.image.layers.map((l) => l.table);
  out(`${renderAnalysis(json)}\n${copyUpJudgement(hashedLayerCount(tables), tables.length)}`);
}

const NOP = '/bin/sh -c #(nop) ';

export function renderAnalysis(a: AnalysisJson): string {
  const parts: string[] = [];
  parts.push(`${a.input.name}: ${a.input.format}, ${formatBytes(a.input.bytes)} (${exactBytes(a.input.bytes)})`);
  if (a.images.length > 1) {
    parts.push(`holds ${a.images.length} images:`);
    a.images.forEach((img, i) =>
      parts.push(`  ${i === a.selected ? '*' : ' '} [${i}] ${img.ref ?? '(untagged)'}${img.platform ? `  ${img.platform}` : ''}${img.digest ? `  ${img.digest.slice(0, 19)}` : ''}`),
    );
    parts.push(`showing [${a.selected}]: ${a.selectedReason} (choose with --image REF or --platform OS/ARCH)`);
  }
  const img = a.image;
  parts.push(`image: ${img.ref ?? '(untagged)'}  ${img.platform ?? ''}  created ${img.created ?? 'unknown'}`);
  parts.push('');
  // Newest first, as `docker history` prints; empty entries (no layer) have blank sizes.
  const rows = [...a.history]
    .reverse()
    .map((h) => {
      const l = h.layerIndex === null ? null : a.layers[h.layerIndex];
      const cmd = (h.createdBy ?? '').startsWith(NOP) ? (h.createdBy ?? '').slice(NOP.length) : (h.createdBy ?? '');
      return [
        l ? String(l.index) : '-',
        cmd || '(no command recorded)',
        l ? formatBytes(l.compressedSize) : '',
        l ? formatBytes(l.tarSize) : '',
        l ? formatBytes(l.fileBytes) : '',
        l ? String(l.fileCount) : '',
        l && (l.whiteouts.length || l.opaqueDirs.length) ? `${l.whiteouts.length}/${l.opaqueDirs.length}` : '',
      ];
    });
  // Layers no history entry made (history shorter than layers) still get a row.
  for (const l of a.layers) {
    if (l.historyIndex === null) rows.push([String(l.index), l.createdBy ?? '(no history entry)', formatBytes(l.compressedSize), formatBytes(l.tarSize), formatBytes(l.fileBytes), String(l.fileCount), '']);
  }
  parts.push(
    renderTable(
      [
        { head: 'LAYER', align: 'right' },
        { head: 'CREATED BY', wrap: 60 },
        { head: 'COMPRESSED', align: 'right' },
        { head: 'TAR', align: 'right' },
        { head: 'FILE BYTES', align: 'right' },
        { head: 'FILES', align: 'right' },
        { head: 'WH/OPQ', align: 'right' },
      ],
      rows,
    ),
  );
  const t = a.totals;
  parts.push('');
  parts.push(`layers: ${t.layers}   compressed: ${formatBytes(t.compressedSize)}   tar: ${formatBytes(t.tarSize)}   file bytes: ${formatBytes(t.fileBytes)}`);
  parts.push(`final filesystem: ${formatBytes(t.finalFileBytes)}   reclaimable: ${formatBytes(t.reclaimableBytes)} (${exactBytes(t.reclaimableBytes)})`);
  parts.push(`efficiency: ${formatPercent(t.efficiency)} (final / shipped file bytes)   dive's score: ${formatPercent(t.diveEfficiency)}`);
  if (a.layers.some((l) => l.entries)) {
    for (const l of a.layers) {
      parts.push('', `layer ${l.index} entries:`);
      for (const e of l.entries ?? []) parts.push(`  ${e.change.padEnd(10)} ${e.kind.padEnd(8)} ${e.mode} ${`${e.uid}/${e.gid}`.padEnd(9)} ${String(e.size).padStart(10)}  ${e.path}${e.linkTarget ? ` -> ${e.linkTarget}` : ''}`);
    }
  }
  if (a.merged) {
    parts.push('', 'final filesystem:');
    for (const m of a.merged) parts.push(`  ${m.kind.padEnd(8)} ${String(m.size).padStart(10)}  L${m.layer}  ${m.path}`);
  }
  for (const w of a.warnings) parts.push(`warning: ${w}`);
  return parts.join('\n');
}
