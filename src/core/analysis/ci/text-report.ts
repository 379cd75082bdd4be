// The text `layerscope ci` prints: dive's CI sections (Analysis, Inefficient Files, Evaluation,
// the PASS/FAIL summary, as cmd/dive/cli/internal/command/ci/evaluator.go lays them out) with
// layerscope's figures beside dive's, the base image, the layers, where the figures differ and
// what to change. Plain text, no colours: CI logs keep it readable.

import { formatBytes } from '../../text/units.ts';
import type { RuleResult } from '../ci-rules.ts';
import type { CiReport } from './report.ts';
import { commandOf, suggestionText } from './suggestions.ts';

/** "%.2f %%" as dive prints a ratio; Go's NaN and +Inf spelled as Go spells them. */
export function goPercent(r: number): string {
  if (Number.isNaN(r)) return 'NaN %';
  if (!Number.isFinite(r)) return `${r > 0 ? '+' : '-'}Inf %`;
  return `${(r * 100).toFixed(2)} %`;
}

function goRatio(r: number): string {
  if (Number.isNaN(r)) return 'NaN';
  if (!Number.isFinite(r)) return r > 0 ? '+Inf' : '-Inf';
  return r.toFixed(4);
}

function bytes(n: number): string {
  return `${n} bytes (${formatBytes(n)})`;
}

function figureText(r: RuleResult, value: number): string {
  return r.key === 'highestWastedBytes' ? bytes(value) : goRatio(value);
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}

export function renderCiText(r: CiReport): string {
  const out: string[] = [];
  const other = r.judgedBy === 'dive' ? 'layerscope' : 'dive';
  out.push(`layerscope ci: ${r.input.name} (${r.input.format}${r.input.ref ? `, ${r.input.ref}` : ''}${r.input.platform ? `, ${r.input.platform}` : ''})${r.simulated ? ' — simulated from the Dockerfile, sizes are estimates' : ''}`);
  out.push(`judged by ${r.judgedBy}'s figures (${r.judgedBy === 'dive' ? '--figures layerscope' : '--figures dive'} judges by ${other}'s)${r.hashed ? '; contents hashed' : ''}`);
  out.push(`base image: ${r.base.layers} layer${r.base.layers === 1 ? '' : 's'} (${r.base.method}${r.base.certain ? '' : ', a guess'}): ${r.base.detail}`);
  out.push('');

  const l = r.figures.layerscope;
  const d = r.figures.dive;
  out.push('Analysis:');
  out.push(`  ${pad('', 20)} ${pad('layerscope', 34)} dive`);
  out.push(`  ${pad('efficiency:', 20)} ${pad(goPercent(l.efficiency), 34)} ${goPercent(d.efficiency)}`);
  out.push(`  ${pad('wastedBytes:', 20)} ${pad(bytes(l.wastedBytes), 34)} ${bytes(d.wastedBytes)}`);
  out.push(`  ${pad('userWastedPercent:', 20)} ${pad(goPercent(l.userWastedPercent), 34)} ${goPercent(d.userWastedPercent)}`);
  out.push(`  shipped file bytes ${bytes(l.fileBytes)}, final filesystem ${bytes(l.finalFileBytes)}; the build adds ${bytes(l.userBytes)} and wastes ${bytes(l.userWastedBytes)} of it`);
  if (l.baseHiddenBytes > 0) out.push(`  base files the build deletes or rewrites (shipped anyway): ${bytes(l.baseHiddenBytes)}`);
  if (r.duplicates && r.duplicates.extraBytes > 0) out.push(`  identical bytes at several paths: ${bytes(r.duplicates.extraBytes)} beyond the first copies`);
  out.push('');

  out.push('Layers:');
  out.push(`  ${pad('LAYER', 6)} ${pad('', 5)} ${pad('FILE BYTES', 11)} ${pad('WASTED', 11)} COMMAND`);
  for (const x of r.layers) {
    out.push(`  ${pad(String(x.index), 6)} ${pad(x.base ? 'base' : '', 5)} ${pad(formatBytes(x.fileBytes), 11)} ${pad(formatBytes(x.wastedBytes), 11)} ${oneLine(commandOf(x.createdBy).text, 70)}`);
  }
  out.push('');

  out.push(r.wastedFiles.length ? 'Inefficient Files (layerscope: each copy nobody sees at the top, once):' : 'Inefficient Files (layerscope): (None)');
  if (r.wastedFiles.length) {
    out.push(`  ${pad('Count', 5)}  ${pad('Wasted Space', 12)}  ${pad('File Path', 40)}  Why`);
    for (const w of r.wastedFiles) {
      out.push(`  ${pad(String(w.count), 5)}  ${pad(formatBytes(w.sizeBytes), 12)}  ${pad(w.path, 40)}  ${w.reasons.join(', ')} (in layer ${w.layers.join(', ')}; by layer ${w.byLayers.join(', ')})`);
    }
  }
  out.push(r.diveInefficientFiles.length ? "Inefficient Files (dive's list):" : "Inefficient Files (dive's list): (None)");
  if (r.diveInefficientFiles.length) {
    out.push(`  ${pad('Count', 5)}  ${pad('Wasted Space', 12)}  File Path`);
    for (const f of r.diveInefficientFiles) out.push(`  ${pad(String(f.count), 5)}  ${pad(formatBytes(f.sizeBytes), 12)}  ${f.path}`);
  }
  out.push('');

  if (r.differences.length) {
    out.push('Where dive and layerscope differ:');
    for (const x of r.differences) {
      // four decimals: two figures that differ must not print alike
      const fmt = x.figure === 'wastedBytes' ? (v: number) => String(v) : (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(4)} %` : goPercent(v));
      out.push(`  ${x.figure}: dive ${fmt(x.dive)}, layerscope ${fmt(x.layerscope)}: ${x.why}`);
    }
    out.push('');
  }

  if (r.suggestions.length) {
    out.push('Suggestions:');
    for (const s of r.suggestions) out.push(`  - ${s.bytes > 0 ? `${formatBytes(s.bytes)}: ` : ''}${oneLine(suggestionText(s), 400)}${s.examples.length ? ` (e.g. ${s.examples.join(', ')})` : ''}`);
    out.push('');
  }

  out.push('Evaluation:');
  for (const x of r.rules) out.push(`  ${ruleLine(x, other)}`);
  out.push('');
  const n = (s: string) => r.rules.filter((x) => x.status === s).length;
  const tally = [['pass', n('PASS')], ['fail', n('FAIL')], ['skip', n('SKIP')]].filter(([, v]) => Number(v) > 0).map(([k, v]) => `${k}:${v}`);
  out.push(`${r.verdict} [${tally.join(' ')}]`);
  for (const w of r.warnings) out.push(`warning: ${w}`);
  return out.join('\n');
}

/** "PASS  lowestEfficiency (0.9): 0.9412 [dive: 0.5938, FAIL]" */
export function ruleLine(x: RuleResult, other: string): string {
  if (x.status === 'SKIP') return `SKIP  ${x.key} (disabled${x.source === 'default' ? ', the default' : ` by ${x.source}`})`;
  const setting = `${x.value}${x.source === 'default' ? ', the default' : ` from ${x.source}`}`;
  const head = `${x.status}  ${x.key} (${setting}): ${figureText(x, x.figure)}`;
  const tail = ` [${other}: ${figureText(x, x.otherFigure)}, ${x.otherStatus}]`;
  return `${head}${x.message ? ` — ${x.message}` : ''}${tail}`;
}
