// What BuildKit expands in each instruction of a stage, and the instruction checks that come with
// it (instructions/parse.go, instructions/commands.go Expand methods, dockerfile2llb dispatch):
//   ENV, LABEL: keys and values · WORKDIR, USER, STOPSIGNAL, each VOLUME: the argument ·
//   EXPOSE: the words, split again · COPY, ADD: sources, destination, --chown, --chmod,
//   --checksum, heredoc bodies with an unquoted delimiter (quotes not special there) ·
//   RUN: the values of --mount · nothing else (RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK/ONBUILD text).
// `--from` (COPY, and a mount's from=) must not use variables at all. ARG and FROM are resolved
// by stages.ts, which knows the build arguments.
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/instructions/commands.go
// https://docs.docker.com/reference/dockerfile/#environment-replacement

import { InstructionError } from './errors.ts';
import type { Flag } from './flags.ts';
import { chompHeredocContent, parseHeredoc } from './heredoc.ts';
import { formatMountFields, parseMountFields } from './mount.ts';
import type { Heredoc, Instruction } from './node.ts';
import { goQuote } from './go-text.ts';
import { emptyEnv, type EnvGetter } from './shell/env.ts';
import { ShellLex } from './shell/lex.ts';

export interface KeyValue {
  key: string;
  value: string;
  /** written in the legacy `KEY value` form */
  legacy: boolean;
}

export interface Expanded {
  args: string[];
  flags: Flag[];
  heredocs: Heredoc[];
  /** ENV / LABEL pairs after expansion */
  pairs: KeyValue[];
  /** whether BuildKit expands this instruction's arguments */
  expanded: boolean;
}

const need = (ok: boolean, msg: string) => {
  if (!ok) throw new InstructionError(msg);
};
const upper = (ins: Instruction) => ins.keyword.toUpperCase();

/** The heredoc lexer of ExpandRaw: backslash escapes, quotes are plain characters. */
const rawLex = new ShellLex({ escapeToken: '\\', skipProcessQuotes: true });

/** parseKvps: ENV/LABEL argument triples → pairs. */
function keyValues(ins: Instruction): [string, string, boolean][] {
  need(ins.args.length > 0, `${upper(ins)} requires at least one argument`);
  need(ins.args.length % 3 === 0, `${upper(ins)} too many arguments`);
  const out: [string, string, boolean][] = [];
  for (let j = 0; j < ins.args.length; j += 3) {
    need(ins.args[j].length > 0, `${upper(ins)} names can not be blank`);
    out.push([ins.args[j], ins.args[j + 1], ins.args[j + 2] === '']);
  }
  return out;
}

/** `--from` must come out of the lexer unchanged (dockerfile2llb toCommand). */
function checkNoVariables(lex: ShellLex, value: string, msg: string): void {
  if (lex.processWord(value, emptyEnv) !== value) throw new InstructionError(msg);
}

function copyOrAdd(ins: Instruction, flags: Flag[], lex: ShellLex, env: EnvGetter): Expanded {
  const word = (w: string) => lex.processWord(w, env);
  need(ins.args.length >= 2, `${upper(ins)} requires at least two arguments, but only one was provided. Destination could not be determined`);
  const dest = ins.args[ins.args.length - 1];
  need(parseHeredocQuiet(dest) === null, `${upper(ins)} cannot accept a heredoc as a destination`);
  const byName = new Map(ins.heredocs.map((h) => [h.name, h]));
  const heredocs: Heredoc[] = [];
  const args = ins.args.slice(0, -1).map((src) => {
    const h = parseHeredocQuiet(src);
    if (!h) return word(src);
    let content = byName.get(h.name)?.content ?? '';
    if (h.chomp) content = chompHeredocContent(content);
    if (h.expand) content = rawLex.processWord(content, env);
    heredocs.push({ ...h, content });
    return src;
  });
  args.push(word(dest));
  const out = flags.map((f) => {
    if (f.name === 'from') {
      checkNoVariables(lex, f.value, 'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround');
      return f;
    }
    return f.name === 'chown' || f.name === 'chmod' || f.name === 'checksum' ? { ...f, value: word(f.value) } : f;
  });
  return { args, flags: out, heredocs, pairs: [], expanded: true };
}

function parseHeredocQuiet(word: string): Heredoc | null {
  try {
    return parseHeredoc(word); // MustParseHeredoc: errors count as "not a heredoc"
  } catch {
    return null;
  }
}

function healthcheck(ins: Instruction): void {
  need(ins.args.length > 0, 'HEALTHCHECK requires at least one argument');
  const typ = ins.args[0].toUpperCase();
  if (typ === 'NONE') {
    need(ins.args.length === 1, 'HEALTHCHECK NONE takes no arguments');
    return;
  }
  need(typ === 'CMD', `Unknown type ${goQuote(typ)} in HEALTHCHECK (try CMD)`);
  need(ins.args.length > 1, 'Missing command after HEALTHCHECK CMD');
}

/** Expand one instruction (not FROM, not ARG) against the stage environment. */
export function expandInstruction(ins: Instruction, flags: Flag[], lex: ShellLex, env: EnvGetter): Expanded {
  const word = (w: string) => lex.processWord(w, env);
  const raw: Expanded = { args: ins.args, flags, heredocs: ins.heredocs, pairs: [], expanded: false };
  switch (ins.keyword) {
    case 'env':
    case 'label': {
      const pairs = keyValues(ins).map(([k, v, legacy]) => ({ key: word(k), value: word(v), legacy }));
      return { ...raw, args: pairs.flatMap((p) => [p.key, p.value, p.legacy ? '' : '=']), pairs, expanded: true };
    }
    case 'workdir':
    case 'user':
    case 'stopsignal':
      need(ins.args.length === 1, `${upper(ins)} requires exactly one argument`);
      return { ...raw, args: [word(ins.args[0])], expanded: true };
    case 'volume':
      need(ins.args.length > 0, 'VOLUME requires at least one argument');
      return {
        ...raw,
        args: ins.args.map((v) => {
          need(v.trim() !== '', 'VOLUME specified can not be an empty string');
          return word(v.trim());
        }),
        expanded: true,
      };
    case 'expose':
      need(ins.args.length > 0, 'EXPOSE requires at least one argument');
      // parseExpose sorts the raw words; dispatchExpose splits each expansion again
      return { ...raw, args: [...ins.args].sort().flatMap((p) => lex.processWords(p, env)), expanded: true };
    case 'copy':
    case 'add':
      return copyOrAdd(ins, flags, lex, env);
    case 'run':
      return {
        ...raw,
        flags: flags.map((f) => {
          if (f.name !== 'mount') return f;
          const fields = parseMountFields(f.value).map((m) => {
            if (m.value === null) return m;
            if (m.key === 'from') {
              checkNoVariables(lex, m.value, "'from' doesn't support variable expansion, define alias stage instead");
              return m;
            }
            return { ...m, value: word(m.value) };
          });
          return { ...f, value: formatMountFields(fields) };
        }),
      };
    case 'maintainer':
      need(ins.args.length === 1, 'MAINTAINER requires exactly one argument');
      return raw;
    case 'shell':
      need(ins.args.length > 0, 'SHELL requires at least one argument');
      need(ins.json, 'SHELL requires the arguments to be in JSON form');
      return raw;
    case 'healthcheck':
      healthcheck(ins);
      return raw;
    case 'onbuild':
      need(ins.sub !== null, 'ONBUILD requires at least one argument');
      return raw;
    default:
      return raw; // cmd, entrypoint: never expanded
  }
}
