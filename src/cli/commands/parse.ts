// `layerscope parse Dockerfile [--json | --dump]`: the Dockerfile as BuildKit's parser reads it.
// --dump prints BuildKit's own parser-test format (Node.Dump: `(copy ["--from=x"] "a" "b")`, one
// instruction a line) so the parse can be checked against the reference; --json the versioned
// parse for programs; by default a summary for people.

import { readFile } from 'node:fs/promises';
import { dump } from '../../core/dockerfile/node.ts';
import { toDockerfileJson } from '../../core/dockerfile/json.ts';
import type { DockerfileParse, Instruction } from '../../core/dockerfile/node.ts';
import { parseDockerfile } from '../../core/dockerfile/parser.ts';
import { InputError } from '../../core/errors.ts';
import { parse as parseArgs, UsageError } from '../args.ts';

export async function parse(argv: string[], out: (s: string) => void): Promise<void> {
  const { values, positionals } = parseArgs(argv, { json: { type: 'boolean' }, dump: { type: 'boolean' } }, ['Dockerfile']);
  if (values.json && values.dump) throw new UsageError('--json and --dump cannot be used together');
  const [file] = positionals;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new InputError(file, null, `cannot be opened (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  // invalid UTF-8 becomes U+FFFD rather than an error, as BuildKit also reads whatever bytes come
  const result = parseDockerfile(new TextDecoder().decode(bytes), { file });
  if (values.dump) out(dump(result));
  else if (values.json) out(JSON.stringify(toDockerfileJson(result), null, 2));
  else out(renderSummary(result));
}

const MAX_ARGS = 100;

function argsText(i: Instruction): string {
  if (i.sub) return `${i.sub.keyword.toUpperCase()} ${argsText(i.sub)}`.trimEnd();
  let s: string;
  if (i.keyword === 'healthcheck' && i.args.length > 1) s = `${i.args[0]} ${i.json ? JSON.stringify(i.args.slice(1)) : i.args.slice(1).join(' ')}`;
  else if (i.json) s = JSON.stringify(i.args);
  else if (i.keyword === 'env' || i.keyword === 'label') {
    const pairs: string[] = [];
    for (let k = 0; k + 2 < i.args.length; k += 3) pairs.push(i.args[k + 2] === '=' ? `${i.args[k]}=${i.args[k + 1]}` : `${i.args[k]} ${i.args[k + 1]}`);
    s = pairs.join(' ');
  } else s = i.args.join(' ');
  s = s.replace(/\s+/g, ' ');
  if (s.length > MAX_ARGS) s = `${s.slice(0, MAX_ARGS - 3)}...`;
  const docs = i.heredocs.map((h) => {
    const n = h.content.split('\n').length - 1;
    return `<<${h.name}: ${n} line${n === 1 ? '' : 's'}${h.expand ? '' : ', not expanded'}`;
  });
  return [s, ...docs.map((d) => `(${d})`)].join(' ');
}

export function renderSummary(p: DockerfileParse): string {
  const stages = p.instructions.filter((i) => i.keyword === 'from').length;
  const dirs = p.directives.map((d) => `${d.name}=${d.value}`).join(', ');
  const lines = [`${p.file}: ${p.instructions.length} instructions in ${stages} stage${stages === 1 ? '' : 's'}${dirs ? ` (${dirs})` : ''}`];
  const width = String(p.instructions.at(-1)?.endLine ?? 1).length;
  for (const i of p.instructions) {
    const at = i.endLine > i.startLine ? `${i.startLine}-${i.endLine}` : `${i.startLine}`;
    const flags = i.flags.length ? `${i.flags.join(' ')} ` : '';
    if (i.keyword === 'from' && i !== p.instructions[0]) lines.push('');
    lines.push(`  ${at.padStart(width * 2 + 1)}  ${i.keyword.toUpperCase().padEnd(11)} ${flags}${argsText(i)}`.trimEnd());
  }
  if (p.warnings.length) {
    lines.push('', 'warnings:');
    for (const w of p.warnings) lines.push(`  line ${w.line}: ${w.message}`);
  }
  return lines.join('\n');
}
