// Heredocs (`RUN <<EOF`, `COPY <<a <<b /dst`, `<<-EOF` strips leading tabs, a quoted delimiter
// `<<"EOF"` / `<<'EOF'` turns expansion off): a port of the heredoc half of BuildKit's parser.go
// (heredocFromMatch, ParseHeredoc, heredocsFromLine, ChompHeredocContent). Only RUN, COPY and ADD
// in shell form take heredocs (also as an ONBUILD trigger).
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/parser/parser.go
// https://docs.docker.com/reference/dockerfile/#here-documents

import type { Heredoc } from './node.ts';
import { emptyEnv } from './shell/env.ts';
import { ShellError, ShellLex } from './shell/lex.ts';

const RE_HEREDOC = /^([0-9]*)<<(-?)([^<]*)$/;

const countQuotes = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === "'" || s[i] === '"') n++;
  return n;
};

/**
 * ParseHeredoc: `<<EOF`, `3<<-'EOF'` … → the heredoc (content still empty), or null when the
 * word is not one. Throws ShellError for an unterminated quote in the delimiter.
 */
export function parseHeredoc(src: string): Heredoc | null {
  const m = RE_HEREDOC.exec(src);
  if (!m) return null;
  const rest = m[3];
  if (rest.length === 0) return null;
  // Lex the delimiter with and without its quotes: if they differ, part of it was quoted and the
  // body is not expanded.
  const words = new ShellLex({ skipUnsetEnv: true }).processWords(rest, emptyEnv);
  if (words.length !== 1) return null;
  const raw = new ShellLex({ skipUnsetEnv: true, rawQuotes: true }).processWords(rest, emptyEnv);
  if (raw.length !== words.length) throw new ShellError(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  const fd = m[1] === '' ? 0 : Math.min(Number(m[1]), Number.MAX_SAFE_INTEGER);
  return { name: words[0], fileDescriptor: fd, expand: countQuotes(words[0]) === countQuotes(raw[0]), chomp: m[2] === '-', content: '' };
}

/** The heredocs a line opens, in order (words lexed with quotes and escapes kept). */
export function heredocsFromLine(line: string): Heredoc[] {
  let words: string[];
  try {
    words = new ShellLex({ rawQuotes: true, rawEscapes: true, skipUnsetEnv: true }).processWords(line, emptyEnv);
  } catch {
    words = []; // BuildKit ignores this error: a line it cannot lex opens no heredoc
  }
  const docs: Heredoc[] = [];
  for (const w of words) {
    const h = parseHeredoc(w);
    if (h) docs.push(h);
  }
  return docs;
}

/** ChompHeredocContent: `(?m)^\t+` removed (a line starts only after '\n', as in Go). */
export function chompHeredocContent(src: string): string {
  return src
    .split('\n')
    .map((l) => l.replace(/^\t+/, ''))
    .join('\n');
}
