// The parse tree of a Dockerfile: BuildKit's parser.Node, flattened for TypeScript. BuildKit
// keeps an instruction's arguments as a linked list (Node.Next) and ONBUILD's trigger as the
// child of that list's only node; here they are `args` (the list's values, in order) and `sub`.
// dump() prints Node.Dump()'s s-expressions, the format of BuildKit's parser test data
// (`(copy ["--from=x"] "a" "b")`, one instruction a line).
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/parser/parser.go

import type { Directive, EscapeToken } from './directives.ts';
import { goQuote, goQuoteList, trimSpace } from './go-text.ts';

/** A heredoc body attached to RUN / COPY / ADD (parser.Heredoc). */
export interface Heredoc {
  /** the delimiter word, quotes removed */
  name: string;
  /** `3<<EOF` → 3; 0 when none was written */
  fileDescriptor: number;
  /** false when any part of the delimiter was quoted: the body is taken literally */
  expand: boolean;
  /** `<<-`: leading tabs are stripped from the body (and the delimiter line) */
  chomp: boolean;
  /** the lines between the instruction and the delimiter, newlines kept, tabs NOT yet stripped */
  content: string;
}

export interface Instruction {
  /** lowercased, as Dump prints it: "run", "copy", … */
  keyword: string;
  /** as written ("Run"); BuildKit keeps it for its casing lint */
  rawKeyword: string;
  /** the logical line, continuations joined (Node.Original) */
  original: string;
  /** 1-based first and last physical line, heredoc bodies included */
  startLine: number;
  endLine: number;
  /** builder flags as written, in order: "--from=build", "--link" */
  flags: string[];
  /** the Next chain's values; ENV/LABEL are [key, value, "=" or "" (legacy `k v` form)]… */
  args: string[];
  /** ONBUILD's trigger instruction */
  sub: Instruction | null;
  /** JSON (exec) form */
  json: boolean;
  heredocs: Heredoc[];
  /** the comment lines just above (Node.PrevComment) */
  comments: string[];
}

export interface ParseWarning {
  line: number;
  message: string;
  url?: string;
}

export interface DockerfileParse {
  /** the name errors and output use for this Dockerfile */
  file: string;
  directives: Directive[];
  escapeToken: EscapeToken;
  instructions: Instruction[];
  warnings: ParseWarning[];
}

export interface DumpOptions {
  /**
   * Print the key/value separator nodes of ENV and LABEL ("=" or ""), as BuildKit does since
   * v0.14 (default true). false prints the older form, without them, which the test data kept
   * from moby's copy of the parser uses.
   */
  keyValueSeparators?: boolean;
}

/** Node.Dump() of one instruction. */
export function dumpInstruction(ins: Instruction, options: DumpOptions = {}): string {
  let s = ins.keyword;
  if (ins.flags.length > 0) s += ` ${goQuoteList(ins.flags)}`;
  const kv = ins.keyword === 'env' || ins.keyword === 'label';
  ins.args.forEach((a, i) => {
    if (kv && options.keyValueSeparators === false && i % 3 === 2) return;
    s += ` ${goQuote(a)}`;
  });
  if (ins.sub) s += ` (${dumpInstruction(ins.sub, options)})`;
  return trimSpace(s);
}

/** The root's Dump(): every instruction in parentheses, one a line (no trailing newline). */
export function dump(parse: DockerfileParse, options: DumpOptions = {}): string {
  return parse.instructions.map((i) => `(${dumpInstruction(i, options)})`).join('\n');
}
