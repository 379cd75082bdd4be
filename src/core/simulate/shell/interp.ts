// Runs a parsed RUN script against the virtual filesystem, as /bin/sh -c would: lists with
// `&&`, `||`, `;`, pipelines (each command's output is the next one's input), subshells and
// groups, if/while/until/for/case, functions, `!`, redirections (`>`, `>>`, `<`, heredocs,
// here-strings, `2>&1`, `>/dev/null`), variable assignments and `set -e`. Commands are looked
// up in a table (commands/); one that is not there runs as "unknown": it succeeds, its effect
// on the filesystem is not simulated, and the step says so.

import { concatContent, EMPTY, unknownContent, type Content } from '../vfs/content.ts';
import type { FsOps } from '../vfs/fs-ops.ts';
import { VfsError } from '../vfs/vfs.ts';
import type sh from 'mvdan-sh';
import { ExitSignal, ShellVars, type CommandFn, type CommandResult, type Reporter } from './context.ts';
import { Expander } from './expand.ts';
import { Op } from './ops.ts';
import { parseShell, type ParsedScript } from './parse.ts';
import { readRedirects } from './redirects.ts';
import { matchPattern } from './pattern.ts';
import { evalTest } from './test-ops.ts';

/** Loops stop here; a longer loop's further effects are reported as not simulated. */
const MAX_ITERATIONS = 10_000;
/** Function and `sh -c` nesting beyond this is treated as runaway recursion. */
const MAX_DEPTH = 64;
/**
 * Commands one RUN line may run: depth alone does not bound `f() { f | f; }; f` (2^64 calls),
 * and an async interpreter that never waits on I/O starves timers, so nothing else could stop it.
 */
const MAX_COMMANDS = 10_000;

interface Res {
  status: number;
  out: Content;
}

const OK: Res = { status: 0, out: EMPTY };

export class Shell {
  private readonly ex: Expander;
  private condDepth = 0;
  private depth = 0;
  private commandsRun = 0;

  constructor(
    readonly fs: FsOps,
    public vars: ShellVars,
    readonly report: Reporter,
    private readonly commands: ReadonlyMap<string, CommandFn>,
    private readonly kind: ParsedScript['kind'],
  ) {
    this.ex = new Expander({
      fs,
      getVars: () => this.vars,
      report,
      kind,
      subst: (stmts) => this.subshell(() => this.list(stmts, null)).then((r) => ({ status: r.status, stdout: r.out })),
    });
  }

  /** Parses and runs a script; returns its exit status. */
  static async run(src: string, fs: FsOps, vars: ShellVars, report: Reporter, commands: ReadonlyMap<string, CommandFn>): Promise<number> {
    const parsed = await parseShell(src);
    const shell = new Shell(fs, vars, report, commands, parsed.kind);
    return shell.runFile(parsed.file);
  }

  async runFile(file: sh.File): Promise<number> {
    try {
      const r = await this.list(file.Stmts, null);
      return r.status;
    } catch (e) {
      if (e instanceof ExitSignal) return e.status;
      throw e;
    }
  }

  private async subshell(fn: () => Promise<Res>): Promise<Res> {
    const saved = this.vars;
    const cwd = this.fs.cwd;
    this.vars = saved.clone();
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ExitSignal) return { status: e.status, out: EMPTY };
      throw e;
    } finally {
      this.vars = saved;
      this.fs.cwd = cwd;
    }
  }

  private async list(stmts: (sh.Stmt | null)[], stdin: Content | null): Promise<Res> {
    let out: Content = EMPTY;
    let status = 0;
    for (const s of stmts) {
      if (!s) continue;
      const r = await this.stmt(s, stdin);
      out = concatContent(out, r.out);
      status = r.status;
    }
    return { status, out };
  }

  private async cond<T>(fn: () => Promise<T>): Promise<T> {
    this.condDepth++;
    try {
      return await fn();
    } finally {
      this.condDepth--;
    }
  }

  private async stmt(s: sh.Stmt, stdin: Content | null): Promise<Res> {
    let r: Res;
    if (s.Negated) {
      r = await this.cond(() => this.redirected(s, stdin));
      r = { status: r.status === 0 ? 1 : 0, out: r.out };
    } else {
      r = await this.redirected(s, stdin);
    }
    this.vars.status = r.status;
    if (r.status !== 0 && this.vars.errexit && this.condDepth === 0 && !s.Negated && this.kind(s.Cmd) !== 'BinaryCmd') throw new ExitSignal(r.status);
    return r;
  }

  private async redirected(s: sh.Stmt, stdin: Content | null): Promise<Res> {
    const { input, target } = await readRedirects(s.Redirs, stdin, {
      fs: this.fs,
      word: (w) => this.ex.string(w),
      kind: (n) => this.kind(n),
      safe: (fn) => this.safe(fn),
    });
    const r = await this.command(s.Cmd, input);
    if (target?.path) this.safe(() => this.fs.writeFile(target.path!, r.out, { append: true }));
    return target ? { status: r.status, out: EMPTY } : r;
  }

  /** Runs a filesystem change; a failure is what the command would print, and the status 1. */
  private safe<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (e instanceof VfsError) {
        this.report.warn(`sh: ${e.message}`);
        this.vars.status = 1;
        return undefined;
      }
      throw e;
    }
  }

  private async command(cmd: sh.Command | null, stdin: Content | null): Promise<Res> {
    if (!cmd) return OK;
    const k = this.kind(cmd);
    switch (k) {
      case 'CallExpr':
        return this.call(cmd as sh.CallExpr, stdin);
      case 'BinaryCmd': {
        const b = cmd as sh.BinaryCmd;
        if (b.Op === Op.pipe || b.Op === Op.pipeAll) {
          const left = await this.subshell(() => this.stmt(b.X!, stdin));
          return this.stmt(b.Y!, left.out);
        }
        const left = await this.cond(() => this.stmt(b.X!, stdin));
        if (b.Op === Op.andStmt ? left.status !== 0 : left.status === 0) return left;
        const right = await this.stmt(b.Y!, stdin);
        return { status: right.status, out: concatContent(left.out, right.out) };
      }
      case 'Subshell':
        return this.subshell(() => this.list((cmd as sh.Subshell).Stmts, stdin));
      case 'Block':
        return this.list((cmd as sh.Block).Stmts, stdin);
      case 'IfClause':
        return this.ifClause(cmd as sh.IfClause, stdin);
      case 'WhileClause':
        return this.whileClause(cmd as sh.WhileClause, stdin);
      case 'ForClause':
        return this.forClause(cmd as sh.ForClause, stdin);
      case 'CaseClause':
        return this.caseClause(cmd as sh.CaseClause, stdin);
      case 'FuncDecl': {
        const f = cmd as sh.FuncDecl;
        if (f.Name && f.Body) this.vars.functions.set(f.Name.Value, f.Body);
        return OK;
      }
      case 'TestClause':
        return { status: (await evalTest((cmd as sh.TestClause).X, this.fs, this.ex, this.kind)) ? 0 : 1, out: EMPTY };
      case 'ArithmCmd':
        return { status: (await this.ex.arith((cmd as sh.ArithmCmd).X)) ? 0 : 1, out: EMPTY };
      case 'DeclClause':
        return this.decl(cmd as sh.DeclClause);
      case 'TimeClause':
        return (cmd as sh.TimeClause).Stmt ? this.stmt((cmd as sh.TimeClause).Stmt!, stdin) : OK;
      default:
        this.report.unknown(null, `a shell construct (${k}) is not simulated`);
        return OK;
    }
  }

  private async ifClause(c: sh.IfClause, stdin: Content | null): Promise<Res> {
    let clause: sh.IfClause | null = c;
    while (clause) {
      if (clause.Cond.length === 0) return this.list(clause.Then, stdin);
      const cond = await this.cond(() => this.list(clause!.Cond, stdin));
      if (cond.status === 0) {
        const r = await this.list(clause.Then, stdin);
        return { status: r.status, out: concatContent(cond.out, r.out) };
      }
      clause = clause.Else;
    }
    return OK;
  }

  private async whileClause(c: sh.WhileClause, stdin: Content | null): Promise<Res> {
    let out: Content = EMPTY;
    let status = 0;
    for (let i = 0; ; i++) {
      if (i >= MAX_ITERATIONS) {
        this.report.unknown(null, `a while loop ran past ${MAX_ITERATIONS} turns; the rest was not simulated`);
        break;
      }
      const cond = await this.cond(() => this.list(c.Cond, stdin));
      if ((cond.status === 0) === c.Until) break;
      const r = await this.list(c.Do, stdin);
      out = concatContent(out, r.out);
      status = r.status;
    }
    return { status, out };
  }

  private async forClause(c: sh.ForClause, stdin: Content | null): Promise<Res> {
    let out: Content = EMPTY;
    let status = 0;
    const loop = c.Loop;
    if (this.kind(loop) === 'WordIter') {
      const w = loop as sh.WordIter;
      const items = w.InPos.IsValid() ? await this.ex.fields(w.Items) : this.vars.positional.slice();
      for (const item of items.slice(0, MAX_ITERATIONS)) {
        if (w.Name) this.vars.set(w.Name.Value, item);
        const r = await this.list(c.Do, stdin);
        out = concatContent(out, r.out);
        status = r.status;
      }
      return { status, out };
    }
    const cs = loop as sh.CStyleLoop;
    await this.ex.arith(cs.Init);
    for (let i = 0; i < MAX_ITERATIONS && (!cs.Cond || (await this.ex.arith(cs.Cond)) !== 0); i++) {
      const r = await this.list(c.Do, stdin);
      out = concatContent(out, r.out);
      status = r.status;
      await this.ex.arith(cs.Post);
    }
    return { status, out };
  }

  private async caseClause(c: sh.CaseClause, stdin: Content | null): Promise<Res> {
    const value = c.Word ? await this.ex.string(c.Word) : '';
    for (const item of c.Items) {
      if (!item) continue;
      for (const p of item.Patterns) {
        if (p && matchPattern(await this.ex.pattern(p), value)) return this.list(item.Stmts, stdin);
      }
    }
    return OK;
  }

  private async decl(d: sh.DeclClause): Promise<Res> {
    const variant = d.Variant?.Value ?? 'declare';
    for (const a of d.Args) {
      if (!a?.Name) continue;
      const name = a.Name.Value;
      if (a.Value) this.vars.set(name, await this.ex.string(a.Value));
      else if (!a.Naked && !this.vars.vars.has(name)) this.vars.set(name, '');
      if (variant === 'export') this.vars.exported.add(name);
    }
    return OK;
  }

  private async call(c: sh.CallExpr, stdin: Content | null): Promise<Res> {
    const argv = await this.ex.fields(c.Args);
    if (argv.length === 0) {
      for (const a of c.Assigns) if (a?.Name) this.vars.set(a.Name.Value, a.Value ? await this.ex.string(a.Value) : '');
      return OK;
    }
    // Assignments before a command hold for that command only.
    const saved: [string, string | undefined][] = [];
    for (const a of c.Assigns) {
      if (!a?.Name) continue;
      saved.push([a.Name.Value, this.vars.get(a.Name.Value)]);
      this.vars.set(a.Name.Value, a.Value ? await this.ex.string(a.Value) : '');
    }
    try {
      return await this.exec(argv, stdin);
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) this.vars.vars.delete(k);
        else this.vars.set(k, v);
      }
    }
  }

  /** Runs argv: a function, a known command, or an unknown one. */
  async exec(argv: string[], stdin: Content | null): Promise<Res> {
    if (++this.commandsRun > MAX_COMMANDS) {
      if (this.commandsRun === MAX_COMMANDS + 1) {
        this.report.unknown(null, `the RUN line ran more than ${MAX_COMMANDS.toLocaleString('en-US')} commands (runaway recursion or loops?); the rest was not simulated`);
      }
      return { status: 1, out: EMPTY };
    }
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      this.report.warn(`${argv[0]}: nested too deeply (recursion?)`);
      return { status: 1, out: EMPTY };
    }
    try {
      const name = argv[0];
      const fn = this.vars.functions.get(name);
      if (fn) {
        const saved = this.vars.positional;
        this.vars.positional = argv.slice(1);
        try {
          return await this.stmt(fn, stdin);
        } finally {
          this.vars.positional = saved;
        }
      }
      const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
      const impl = this.commands.get(base);
      if (!impl) {
        this.report.unknown(null, `\`${name}\` is not simulated: what it writes to the filesystem is not known`);
        return { status: 0, out: unknownContent(`output of \`${name}\``) };
      }
      let r: CommandResult;
      try {
        r = await impl({
          argv: [base, ...argv.slice(1)],
          fs: this.fs,
          vars: this.vars,
          stdin,
          report: this.report,
          runScript: (src, positional) => this.nested(src, positional),
          runArgv: (a, input) => this.exec(a, input).then((x) => ({ status: x.status, stdout: x.out })),
        });
      } catch (e) {
        if (e instanceof VfsError) {
          this.report.warn(`${base}: ${e.message}`);
          return { status: 1, out: EMPTY };
        }
        throw e;
      }
      return { status: r.status, out: r.stdout ?? EMPTY };
    } finally {
      this.depth--;
    }
  }

  private async nested(src: string, positional?: string[]): Promise<CommandResult> {
    const parsed = await parseShell(src);
    const r = await this.subshell(async () => {
      if (positional) this.vars.positional = positional;
      return this.list(parsed.file.Stmts, null);
    });
    return { status: r.status, stdout: r.out };
  }
}
