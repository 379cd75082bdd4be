// `layerscope ci --markdown`: the CI report as GitHub-flavoured Markdown for a pull-request
// comment: the verdict and rules, the figures beside dive's, the layer table, the top wasted files
// with why, and suggestions.
//
// Every name that comes from the image (paths, commands, refs, the input file name) is untrusted:
// a file named `x|y`, `` `rm -rf` ``, `<img src=…>` or `@someone` must print as itself, not break
// a table, open code, inject HTML or ping a person. escapeMarkdown() backslash-escapes Markdown
// punctuation (CommonMark "backslash escapes": any ASCII punctuation), writes <, > and & as
// entities, breaks @mentions and #refs with a zero-width space, and flattens newlines, so the
// text is safe in a paragraph, a table cell and inside <code>…</code> (which, unlike a backtick
// span, still honours escapes).

import { formatBytes } from '../text/units.ts';
import type { CiReport } from '../analysis/ci/report.ts';
import { commandOf, type Suggestion } from '../analysis/ci/suggestions.ts';
import { goPercent } from '../analysis/ci/text-report.ts';
import type { RuleResult } from '../analysis/ci-rules.ts';

const ZWSP = '&#8203;';
/** ASCII punctuation (CommonMark "backslash escapes"): ! to /, : to ?, [ to `, { to ~. */
const ASCII_PUNCT = /[\x21-\x2f\x3a-\x3f\x5b-\x60\x7b-\x7e]/;

export function escapeMarkdown(s: string): string {
  let out = '';
  for (const ch of s.replace(/\r\n|[\r\n\t\f\v]/g, ' ')) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0)) out += '\uFFFD';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '&') out += '&amp;';
    else if (ch === '@' || ch === '#') out += `\\${ch}${ZWSP}`;
    else if (ASCII_PUNCT.test(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/** Untrusted text as inline code that stays inside a table cell. */
export function code(s: string): string {
  return `<code>${escapeMarkdown(s)}</code>`;
}

function bytes(n: number): string {
  return `${formatBytes(n)} (${n.toLocaleString('en-US')} B)`;
}

function ratio(r: number): string {
  return goPercent(r).replace(' %', '%');
}

function ruleFigure(x: RuleResult, v: number): string {
  return x.key === 'highestWastedBytes' ? bytes(v) : ratio(v);
}

function ruleRow(x: RuleResult): string {
  const icon = x.status === 'PASS' ? '✅ PASS' : x.status === 'FAIL' ? '❌ FAIL' : '⏭️ SKIP';
  const threshold = x.status === 'SKIP' ? 'disabled' : x.key === 'highestWastedBytes' ? bytes(x.threshold ?? 0) : escapeMarkdown(x.value);
  const source = x.source === 'default' ? 'default' : code(x.source);
  const figure = x.status === 'SKIP' ? '' : ruleFigure(x, x.figure);
  const theirs = x.status === 'SKIP' ? '' : `${ruleFigure(x, x.otherFigure)} (${x.otherStatus})`;
  return `| ${icon} | \`${x.key}\` | ${threshold} | ${source} | ${figure} | ${theirs} |`;
}

function suggestionLine(s: Suggestion): string {
  const text = s.parts.map((p) => (typeof p === 'string' ? p : code(p.cmd))).join('');
  const eg = s.examples.length ? ` — e.g. ${s.examples.map(code).join(', ')}` : '';
  return `- ${s.bytes > 0 ? `**${formatBytes(s.bytes)}**: ` : ''}${text}${eg}`;
}

export function toMarkdownReport(r: CiReport, opts: { maxFiles?: number } = {}): string {
  const max = opts.maxFiles ?? 10;
  const other = r.judgedBy === 'dive' ? 'dive' : 'layerscope';
  const theirs = r.judgedBy === 'dive' ? 'layerscope' : 'dive';
  const md: string[] = [];
  const name = escapeMarkdown(r.input.ref ?? r.input.name);
  md.push(`### ${r.verdict === 'PASS' ? '✅' : '❌'} layerscope ci: ${r.verdict} — ${name}`);
  md.push('');
  md.push(
    `Judged by ${other}'s figures${r.simulated ? ', **simulated from the Dockerfile** (sizes are estimates)' : ''}${r.hashed ? ', contents hashed' : ''}. ` +
      `Base image: ${r.base.layers} layer${r.base.layers === 1 ? '' : 's'} (${r.base.method}${r.base.certain ? '' : ', a guess'}).`,
  );
  md.push('');
  md.push(`| | rule | threshold | set by | ${other} | ${theirs} |`);
  md.push('|---|---|---|---|---|---|');
  for (const x of r.rules) md.push(ruleRow(x));
  md.push('');

  const l = r.figures.layerscope;
  const d = r.figures.dive;
  md.push('| figure | layerscope | dive |');
  md.push('|---|---|---|');
  md.push(`| efficiency | ${ratio(l.efficiency)} | ${ratio(d.efficiency)} |`);
  md.push(`| wasted bytes | ${bytes(l.wastedBytes)} | ${bytes(d.wastedBytes)} |`);
  md.push(`| user wasted percent | ${ratio(l.userWastedPercent)} | ${ratio(d.userWastedPercent)} |`);
  md.push(`| file bytes shipped / final | ${bytes(l.fileBytes)} / ${bytes(l.finalFileBytes)} | |`);
  if (r.duplicates && r.duplicates.extraBytes > 0) md.push(`| identical bytes at several paths | ${bytes(r.duplicates.extraBytes)} | |`);
  md.push('');

  if (r.suggestions.length) {
    md.push('#### Suggestions');
    for (const s of r.suggestions) md.push(suggestionLine(s));
    md.push('');
  }

  md.push('<details><summary>Layers</summary>');
  md.push('');
  md.push('| layer | | file bytes | wasted | command |');
  md.push('|---:|---|---:|---:|---|');
  for (const x of r.layers) {
    md.push(`| ${x.index} | ${x.base ? 'base' : ''} | ${formatBytes(x.fileBytes)} | ${x.wastedBytes ? formatBytes(x.wastedBytes) : ''} | ${code(commandOf(x.createdBy).text)} |`);
  }
  md.push('');
  md.push('</details>');
  md.push('');

  if (r.wastedFiles.length) {
    md.push('<details><summary>Top wasted files</summary>');
    md.push('');
    md.push('| path | copies | wasted | why |');
    md.push('|---|---:|---:|---|');
    for (const w of r.wastedFiles.slice(0, max)) {
      md.push(`| ${code(w.path)} | ${w.count} | ${formatBytes(w.sizeBytes)} | ${w.reasons.join(', ')} (layer ${w.layers.join(', ')}, by layer ${w.byLayers.join(', ')}) |`);
    }
    md.push('');
    md.push('</details>');
    md.push('');
  }

  if (r.differences.length) {
    md.push("<details><summary>Where dive's figures differ</summary>");
    md.push('');
    for (const x of r.differences) md.push(`- **${x.figure}**: ${escapeMarkdown(x.why)}`);
    md.push('');
    md.push('</details>');
    md.push('');
  }
  md.push(`<sub>Base image: ${escapeMarkdown(r.base.detail)}</sub>`);
  for (const w of r.warnings) md.push(`<sub>⚠️ ${escapeMarkdown(w)}</sub>`);
  return md.join('\n');
}
