// Parser directives (`# syntax=…`, `# escape=…`, `# check=…`): only in the comment lines at the
// very top, before any instruction, blank line or other comment; keys are case-insensitive;
// each at most once. Port of BuildKit frontend/dockerfile/parser/directives.go (DirectiveParser)
// and the escape handling of parser.go (setEscapeToken, trimContinuationCharacter).
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/parser/directives.go
// https://docs.docker.com/reference/dockerfile/#parser-directives

import { InstructionError } from './errors.ts';
import { isGoSpace, trimLeftSpace } from './go-text.ts';

export type DirectiveName = 'syntax' | 'escape' | 'check';

export interface Directive {
  name: DirectiveName;
  value: string;
  /** 1-based line of the directive */
  line: number;
}

const VALID = new Set<string>(['syntax', 'escape', 'check']);

/** Go regexp `\s` is [\t\n\f\r ] (no \v). */
const isReSpace = (c: number) => c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
const isAlpha = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAlnum = (c: number) => isAlpha(c) || (c >= 0x30 && c <= 0x39);

/**
 * `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` matched by hand (a backtracking regex would be
 * quadratic on long runs of spaces). Includes the backtracking corner case: `k=   ` matches
 * with value " " because `.+?` takes back one space from the greedy `\s*`.
 */
export function matchDirective(s: string): { key: string; value: string } | null {
  let i = 0;
  if (!isAlpha(s.charCodeAt(0))) return null;
  while (i < s.length && isAlnum(s.charCodeAt(i))) i++;
  const key = s.slice(0, i);
  while (i < s.length && isReSpace(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) !== 0x3d) return null;
  i++;
  const wsStart = i;
  while (i < s.length && isReSpace(s.charCodeAt(i))) i++;
  let j = s.length;
  while (j > i && isReSpace(s.charCodeAt(j - 1))) j--;
  if (j > i) {
    // `.` does not match '\n' in Go: a value spanning one cannot match
    const value = s.slice(i, j);
    return value.includes('\n') ? null : { key, value };
  }
  if (i > wsStart && s.charCodeAt(i - 1) !== 0x0a) return { key, value: s[i - 1] };
  return null;
}

/** DirectiveParser: fed every processed line; gives up at the first line that is not one. */
export class DirectiveParser {
  private done = false;
  private readonly seen = new Set<string>();
  readonly found: Directive[] = [];

  /** Returns the directive on this line, null if none; throws InstructionError on a repeated one. */
  parseLine(line: string, lineNumber: number): Directive | null {
    if (this.done) return null;
    if (!line.startsWith('#')) {
      this.done = true;
      return null;
    }
    const m = matchDirective(trimLeftSpace(line.slice(1)));
    if (!m) {
      this.done = true;
      return null;
    }
    const name = m.key.toLowerCase();
    if (!VALID.has(name)) {
      this.done = true;
      return null;
    }
    if (this.seen.has(name)) throw new InstructionError(`only one ${name} parser directive can be used`);
    this.seen.add(name);
    const d: Directive = { name: name as DirectiveName, value: m.value, line: lineNumber };
    this.found.push(d);
    return d;
  }
}

export type EscapeToken = '\\' | '`';

/** setEscapeToken: only ` and \ are allowed. */
export function checkEscapeToken(s: string): EscapeToken {
  if (s !== '`' && s !== '\\') throw new InstructionError(`invalid escape token '${s}' does not match \` or \\`);
  return s;
}

/**
 * trimContinuationCharacter: the regex `([^E])E[ \t]*$|^E[ \t]*$` (E the escape token) done by
 * hand: a line ends in a continuation when, after trailing blanks and tabs, its last character
 * is the escape token and the one before it is not (or there is none). Returns the line without
 * the token and the blanks after it, and whether the logical line ends here.
 */
export function trimContinuation(line: string, escape: EscapeToken): { line: string; endOfLine: boolean } {
  let j = line.length;
  while (j > 0 && (line.charCodeAt(j - 1) === 0x20 || line.charCodeAt(j - 1) === 0x09)) j--;
  if (j === 0 || line[j - 1] !== escape) return { line, endOfLine: true };
  if (j >= 2 && line[j - 2] === escape) return { line, endOfLine: true };
  return { line: line.slice(0, j - 1), endOfLine: false };
}

/** isComment: the first non-space character is '#'. */
export function isComment(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (!isGoSpace(c)) return c === 0x23;
  }
  return false;
}
