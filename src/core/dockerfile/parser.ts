// Dockerfile text → instructions: a port of BuildKit's parser.Parse (parser.go), line for line
// where it matters: parser directives first, comment lines dropped, the escape token at the end
// of a line continues it (blanks and tabs after it allowed), comment and empty lines inside a
// continuation skipped (an empty one warns), heredoc bodies read after RUN/COPY/ADD, and
// bufio.Scanner's limit of 65535 bytes per physical line. Then the checks BuildKit makes before
// building anything: unknown instructions and bad ONBUILD triggers.
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/parser/parser.go
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/instructions/parse.go

import { checkEscapeToken, DirectiveParser, type EscapeToken, isComment, trimContinuation } from './directives.ts';
import { DockerfileError, InstructionError } from './errors.ts';
import { trimLeftSpace, trimSpace, utf8Length } from './go-text.ts';
import { heredocsFromLine } from './heredoc.ts';
import * as lp from './line-parsers.ts';
import type { DockerfileParse, Instruction, ParseWarning } from './node.ts';
import { ShellError } from './shell/lex.ts';
import { splitCommand } from './split-command.ts';
import { suggest } from './suggest.ts';

export interface ParseOptions {
  /** the Dockerfile's name for errors (default "Dockerfile") */
  file?: string;
  /**
   * Also reject unknown instructions and bad ONBUILD triggers, as `docker build` does (default
   * true). false gives exactly BuildKit's parser.Parse, which keeps them.
   */
  instructionChecks?: boolean;
}

/** Every instruction BuildKit knows (command.Commands). */
export const INSTRUCTIONS = [
  'add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck',
  'label', 'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir',
] as const;
const KNOWN = new Set<string>(INSTRUCTIONS);

/** bufio.MaxScanTokenSize - 1 */
const MAX_LINE_BYTES = 65535;

/** bufio.Scanner with parser.go's scanLines: physical lines with their '\n' kept. */
class LineScanner {
  private pos = 0;
  tooLong = false;
  constructor(private readonly text: string) {}
  scan(): string | null {
    if (this.tooLong || this.pos >= this.text.length) return null;
    const nl = this.text.indexOf('\n', this.pos);
    const end = nl < 0 ? this.text.length : nl + 1;
    const contentEnd = nl < 0 ? end : nl;
    // a cheap bound first: UTF-8 is at most 3 bytes per UTF-16 unit
    if ((contentEnd - this.pos) * 3 > MAX_LINE_BYTES && utf8Length(this.text.slice(this.pos, contentEnd)) > MAX_LINE_BYTES) {
      this.tooLong = true;
      return null;
    }
    const line = this.text.slice(this.pos, end);
    this.pos = end;
    return line;
  }
}

/** bytes.TrimRight(s, "\r\n") */
function trimNewline(s: string): string {
  let j = s.length;
  while (j > 0 && (s.charCodeAt(j - 1) === 0x0a || s.charCodeAt(j - 1) === 0x0d)) j--;
  return j === s.length ? s : s.slice(0, j);
}

function dispatch(keyword: string, args: string, escape: EscapeToken): lp.Chain {
  switch (keyword) {
    case 'add':
    case 'copy':
    case 'volume':
      return lp.parseMaybeJSONToList(args);
    case 'arg':
      return lp.parseNameOrNameVal(args, escape);
    case 'cmd':
    case 'entrypoint':
    case 'run':
    case 'shell':
      return lp.parseMaybeJSON(args);
    case 'env':
      return lp.parseNameVal(args, 'ENV', escape);
    case 'label':
      return lp.parseNameVal(args, 'LABEL', escape);
    case 'expose':
    case 'from':
      return lp.parseStringsWhitespaceDelimited(args);
    case 'healthcheck':
      return lp.parseHealthConfig(args);
    case 'maintainer':
    case 'stopsignal':
    case 'user':
    case 'workdir':
      return lp.parseString(args);
    default:
      return { args: [''], json: false }; // parseIgnore: an empty node
  }
}

/** newNodeFromLine; ONBUILD's chain of triggers is walked in a loop, not by recursion. */
function newNodeFromLine(line: string, escape: EscapeToken, comments: string[]): Instruction {
  const levels: Instruction[] = [];
  for (let cur = line; ; ) {
    const sc = splitCommand(cur);
    const keyword = sc.cmd.toLowerCase();
    const node: Instruction = {
      keyword, rawKeyword: sc.cmd, original: cur, startLine: 0, endLine: 0, flags: sc.flags,
      args: [], sub: null, json: false, heredocs: [], comments: levels.length === 0 ? comments : [],
    };
    levels.push(node);
    if (keyword === 'onbuild') {
      if (sc.args === '') break;
      cur = sc.args;
      continue;
    }
    const chain = dispatch(keyword, sc.args, escape);
    node.args = chain.args;
    node.json = chain.json;
    break;
  }
  for (let i = levels.length - 1; i > 0; i--) levels[i - 1].sub = levels[i];
  return levels[0];
}

function canContainHeredoc(node: Instruction): boolean {
  const n = node.keyword === 'onbuild' && node.sub ? node.sub : node;
  return (n.keyword === 'add' || n.keyword === 'copy' || n.keyword === 'run') && !n.json;
}

/** Parse a Dockerfile. Throws DockerfileError (only) for input BuildKit would reject. */
export function parseDockerfile(text: string, options: ParseOptions = {}): DockerfileParse {
  const file = options.file ?? 'Dockerfile';
  const fail = (line: number, msg: string, end?: number): never => {
    throw new DockerfileError(file, Math.max(line, 1), msg, Math.max(end ?? line, line, 1));
  };
  const directives = new DirectiveParser();
  let escape: EscapeToken = '\\';
  const scanner = new LineScanner(text);
  const instructions: Instruction[] = [];
  const warnings: ParseWarning[] = [];
  let comments: string[] = [];
  let currentLine = 0;

  /** processLine: trim the newline (and leading space), look for a directive, drop comments. */
  const processLine = (token: string, stripLeft: boolean): { line: string; directive: boolean } => {
    token = trimNewline(token);
    if (stripLeft) token = trimLeftSpace(token);
    let directive = false;
    try {
      const d = directives.parseLine(token, currentLine + 1);
      if (d) {
        directive = true;
        if (d.name === 'escape') escape = checkEscapeToken(d.value);
      }
    } catch (e) {
      if (e instanceof InstructionError) fail(currentLine + 1, e.message);
      throw e;
    }
    return { line: isComment(token) ? '' : token, directive };
  };

  for (let raw = scanner.scan(); raw !== null; raw = scanner.scan()) {
    if (currentLine === 0 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1); // byte-order mark
    if (isComment(raw)) {
      const comment = trimSpace(raw.slice(1));
      if (comment === '') comments = [];
      else comments.push(comment);
    }
    const first = processLine(raw, true);
    if (first.directive) comments.pop(); // a directive is not a comment of the next instruction
    currentLine++;
    const startLine = currentLine;
    let { line: acc, endOfLine } = trimContinuation(first.line, escape);
    if (endOfLine && acc === '') continue;

    let emptyContinuation = false;
    while (!endOfLine) {
      const next = scanner.scan();
      if (next === null) break;
      const p = processLine(next, false);
      currentLine++;
      if (isComment(next)) continue; // a comment inside a continuation is dropped
      if (trimLeftSpace(trimNewline(p.line)) === '') {
        emptyContinuation = true;
        continue;
      }
      const t = trimContinuation(p.line, escape);
      endOfLine = t.endOfLine;
      acc += t.line;
    }
    if (emptyContinuation) {
      warnings.push({
        line: currentLine,
        message: `Empty continuation line found in: ${acc}`,
        url: 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/',
      });
    }

    let child: Instruction;
    try {
      child = newNodeFromLine(acc, escape, comments);
    } catch (e) {
      if (e instanceof lp.LineError) fail(startLine, e.message, currentLine);
      throw e;
    }

    if (canContainHeredoc(child) && acc.includes('<<')) {
      let docs;
      try {
        docs = heredocsFromLine(acc);
      } catch (e) {
        if (e instanceof ShellError) fail(startLine, e.message, currentLine);
        throw e;
      }
      for (const doc of docs) {
        let terminated = false;
        let content = '';
        for (let l = scanner.scan(); l !== null; l = scanner.scan()) {
          currentLine++;
          let possible = trimNewline(l);
          if (doc.chomp) possible = possible.replace(/^\t+/, '');
          if (possible === doc.name) {
            terminated = true;
            break;
          }
          content += l;
        }
        if (!terminated) fail(startLine, 'unterminated heredoc', currentLine);
        child.heredocs.push({ ...doc, content });
      }
    }

    child.startLine = startLine;
    child.endLine = currentLine;
    for (let s = child.sub; s; s = s.sub) {
      s.startLine = startLine;
      s.endLine = currentLine;
    }
    instructions.push(child);
    comments = [];
  }

  if (instructions.length === 0) fail(currentLine, 'file with no instructions');
  if (scanner.tooLong) fail(currentLine + 1, `dockerfile line greater than max allowed size of ${MAX_LINE_BYTES}`);

  if (options.instructionChecks !== false) for (const ins of instructions) checkInstruction(ins, fail);
  return { file, directives: directives.found, escapeToken: escape, instructions, warnings };
}

/** The instruction-level checks of instructions.ParseInstruction that need no build context. */
function checkInstruction(ins: Instruction, fail: (line: number, msg: string, end?: number) => never): void {
  if (!KNOWN.has(ins.keyword)) {
    const hint = suggest(ins.rawKeyword, INSTRUCTIONS);
    fail(ins.startLine, `unknown instruction: ${ins.rawKeyword}${hint ? ` (did you mean ${hint}?)` : ''}`, ins.endLine);
  }
  if (ins.keyword === 'onbuild') {
    if (!ins.sub) fail(ins.startLine, 'ONBUILD requires at least one argument', ins.endLine);
    const trigger = trimSpace(ins.sub.rawKeyword).toUpperCase();
    if (trigger === 'ONBUILD') fail(ins.startLine, 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed', ins.endLine);
    if (trigger === 'MAINTAINER' || trigger === 'FROM') fail(ins.startLine, `${trigger} isn't allowed as an ONBUILD trigger`, ins.endLine);
  }
}
