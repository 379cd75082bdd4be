// The shell parser for RUN lines: mvdan/sh (mvdan-sh on npm, Go compiled to JS, ≈1.5 MB), loaded
// lazily with a dynamic import so that reading an image never pays for it (DESIGN.md "Measured
// here": ≈1.1 ms per RUN line, a full AST). The AST's node kinds come from syntax.NodeType(); the
// operator numbers are mvdan/sh's token order (syntax/tokens.go), listed in ops.ts.

import type sh from 'mvdan-sh';

export type ShNode = sh.Node;
export type ShFile = sh.File;
export type ShStmt = sh.Stmt;
export type ShWord = sh.Word;

/** A RUN line the shell would reject. */
export class ShellSyntaxError extends Error {
  override readonly name = 'ShellSyntaxError';
  constructor(readonly detail: string) {
    super(`shell syntax error: ${detail}`);
  }
}

interface Loaded {
  syntax: sh.ShellScript['syntax'];
  parser: sh.Parser;
}

let loading: Promise<Loaded> | null = null;

async function load(): Promise<Loaded> {
  // mvdan-sh is CommonJS: its namespace arrives as `default` under ESM interop.
  const mod = (await import('mvdan-sh')) as unknown as { default?: sh.ShellScript } & sh.ShellScript;
  const lib = mod.default ?? mod;
  const syntax = lib.syntax;
  return { syntax, parser: syntax.NewParser(syntax.KeepComments(true), syntax.Variant(syntax.LangBash)) };
}

export function loadShell(): Promise<Loaded> {
  loading ??= load();
  return loading;
}

export interface ParsedScript {
  file: ShFile;
  /** the node kind ("CallExpr", "BinaryCmd", …) */
  kind(node: ShNode): string;
}

export async function parseShell(src: string): Promise<ParsedScript> {
  const { syntax, parser } = await loadShell();
  let file: ShFile;
  try {
    file = parser.Parse(src, 'RUN');
  } catch (e) {
    // Go errors arrive as objects with an Error() method, not as JS Errors.
    const err = e as { Error?: () => string; message?: string };
    const text = typeof err?.Error === 'function' ? err.Error() : (err?.message ?? String(e));
    throw new ShellSyntaxError(text.replace(/^RUN:/, 'line '));
  }
  return { file, kind: (n) => syntax.NodeType(n) };
}
