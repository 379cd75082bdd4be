// Shell builtins and wrappers: true/false/:, exit, set, unset, test/[, sh/bash -c, eval, env,
// command/exec/nohup/sudo/time/nice/gosu (run what follows), xargs; and commands that only read
// (ls, grep, sha256sum, gpg --verify, …): no filesystem effect, their output is not known.

import { EMPTY, contentText, unknownContent } from '../vfs/content.ts';
import { ExitSignal, type CommandContext, type CommandFn, type CommandResult } from '../shell/context.ts';
import { binaryTest, unaryTest } from '../shell/test-ops.ts';
import { Op } from '../shell/ops.ts';

const ok: CommandResult = { status: 0 };

const set: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '+o') {
      const name = args[++i];
      if (name === 'errexit') ctx.vars.errexit = a === '-o';
      if (name === 'nounset') ctx.vars.nounset = a === '-o';
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      const on = a[0] === '-';
      if (a.includes('e')) ctx.vars.errexit = on;
      if (a.includes('u')) ctx.vars.nounset = on;
      continue;
    }
    if (a === '--') {
      ctx.vars.positional = args.slice(i + 1);
      break;
    }
  }
  return ok;
};

const UNARY: Record<string, number> = { '-e': Op.tsExists, '-f': Op.tsRegFile, '-d': Op.tsDirect, '-L': Op.tsSmbLink, '-h': Op.tsSmbLink, '-s': Op.tsNoEmpty, '-z': Op.tsEmpStr, '-n': Op.tsNempStr, '-x': Op.tsExists, '-r': Op.tsExists, '-w': Op.tsExists };
const BINARY: Record<string, number> = { '-eq': Op.tsEql, '-ne': Op.tsNeq, '-lt': Op.tsLss, '-gt': Op.tsGtr, '-le': Op.tsLeq, '-ge': Op.tsGeq };

function testExpr(ctx: CommandContext, a: string[]): boolean {
  const orIdx = a.indexOf('-o');
  if (orIdx > 0) return testExpr(ctx, a.slice(0, orIdx)) || testExpr(ctx, a.slice(orIdx + 1));
  const andIdx = a.indexOf('-a');
  if (andIdx > 0) return testExpr(ctx, a.slice(0, andIdx)) && testExpr(ctx, a.slice(andIdx + 1));
  if (a[0] === '!') return !testExpr(ctx, a.slice(1));
  if (a.length === 0) return false;
  if (a.length === 1) return a[0] !== '';
  if (a.length === 2 && a[0] in UNARY) return unaryTest(ctx.fs, UNARY[a[0]], a[1]);
  if (a.length === 3) {
    if (a[1] === '=' || a[1] === '==') return a[0] === a[2];
    if (a[1] === '!=') return a[0] !== a[2];
    if (a[1] in BINARY) return binaryTest(BINARY[a[1]], a[0], a[2]);
  }
  return false;
}

const test: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  if (ctx.argv[0] === '[' && args[args.length - 1] === ']') args.pop();
  return { status: testExpr(ctx, args) ? 0 : 1 };
};

/** sh -c 'script' [name args…], sh script.sh */
const shell: CommandFn = async (ctx) => {
  const args = ctx.argv.slice(1);
  let i = 0;
  let script: string | null = null;
  let positional: string[] = [];
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-c') {
      script = args[i + 1] ?? '';
      positional = args.slice(i + 3);
      break;
    }
    if (/^-[a-zA-Z]+$/.test(a) || /^\+[a-zA-Z]+$/.test(a)) {
      if (a === '-o' || a === '+o') i++;
      continue;
    }
    // sh FILE: run the file when its text is known.
    const text = ctx.fs.readText(a);
    if (text === null) {
      ctx.report.unknown(null, `the script ${a} is not known, so what it does is not simulated`);
      return { status: 0, stdout: unknownContent(`output of ${a}`) };
    }
    script = text;
    positional = args.slice(i + 1);
    break;
  }
  if (script === null) {
    if (!ctx.stdin) return ok;
    const text = contentText(ctx.stdin);
    if (text !== null) return ctx.runScript(text);
    ctx.report.unknown(null, `${ctx.argv[0]} runs a script from its input, which is not known here (a download?), so what it does is not simulated`);
    return { status: 0, stdout: unknownContent(`output of ${ctx.argv[0]}`) };
  }
  return ctx.runScript(script, positional);
};

const evalCmd: CommandFn = (ctx) => ctx.runScript(ctx.argv.slice(1).join(' '));

const exit: CommandFn = (ctx) => {
  throw new ExitSignal(Number(ctx.argv[1] ?? ctx.vars.status) || 0);
};

const unset: CommandFn = (ctx) => {
  for (const n of ctx.argv.slice(1)) if (!n.startsWith('-')) ctx.vars.vars.delete(n);
  return ok;
};

/** env [-i] [-u NAME] [NAME=VALUE]… [COMMAND [ARG]…] */
const env: CommandFn = async (ctx) => {
  const args = ctx.argv.slice(1);
  const saved = new Map(ctx.vars.vars);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-i' || a === '-') continue;
    if (a === '-u') {
      ctx.vars.vars.delete(args[++i]);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) ctx.vars.set(a.slice(0, eq), a.slice(eq + 1));
    else break;
  }
  try {
    if (i >= args.length) return { status: 0, stdout: unknownContent('output of env') };
    return await ctx.runArgv(args.slice(i), ctx.stdin);
  } finally {
    ctx.vars.vars.clear();
    for (const [k, v] of saved) ctx.vars.vars.set(k, v);
  }
};

/** Runs what follows the wrapper's own options (command, exec, nohup, sudo -u x, time, nice -n 5). */
function wrapper(valueOptions: string[]): CommandFn {
  return (ctx) => {
    const args = ctx.argv.slice(1);
    let i = 0;
    while (i < args.length && args[i].startsWith('-')) {
      if (args[i] === '--') {
        i++;
        break;
      }
      if (valueOptions.includes(args[i])) i++;
      i++;
    }
    if (i >= args.length) return ok;
    return ctx.runArgv(args.slice(i), ctx.stdin);
  };
}

/** xargs [-r] [-n N] COMMAND…: arguments from stdin when it is known. */
const xargs: CommandFn = async (ctx) => {
  const args = ctx.argv.slice(1);
  let i = 0;
  while (i < args.length && args[i].startsWith('-')) i += ['-n', '-I', '-L', '-P', '-d', '-s'].includes(args[i]) ? 2 : 1;
  const cmd = args.slice(i).length ? args.slice(i) : ['echo'];
  const text = ctx.stdin ? contentText(ctx.stdin) : '';
  if (text === null) {
    ctx.report.unknown(null, `xargs ${cmd[0]}: its arguments come from output that is not known`);
    return { status: 0, stdout: unknownContent(`output of xargs ${cmd[0]}`) };
  }
  const items = text.split(/\s+/).filter(Boolean);
  if (items.length === 0 && args.includes('-r')) return ok;
  return ctx.runArgv([...cmd, ...items], EMPTY);
};

/** Commands with no effect on the filesystem; their output is not known. */
const READ_ONLY = [
  'ls', 'find', 'grep', 'egrep', 'fgrep', 'awk', 'gawk', 'mawk', 'cut', 'sort', 'uniq', 'tr', 'wc', 'sha256sum', 'sha512sum', 'sha1sum',
  'md5sum', 'cksum', 'gpgv', 'gpgconf', 'stat', 'file', 'du', 'df', 'date', 'uname', 'hostname', 'id', 'whoami', 'which', 'type',
  'readlink', 'realpath', 'basename', 'dirname', 'nproc', 'sleep', 'wait', 'sync', 'ps', 'diff', 'cmp', 'jq', 'ldd', 'dpkg-query',
  'getent', 'tput', 'locale', 'lsb_release', 'dpkg-architecture',
];

function readOnly(name: string): CommandFn {
  return () => ({ status: 0, stdout: unknownContent(`output of ${name}`) });
}

export const BUILTINS: Record<string, CommandFn> = {
  true: () => ok,
  ':': () => ok,
  false: () => ({ status: 1 }),
  set,
  test,
  '[': test,
  sh: shell,
  bash: shell,
  ash: shell,
  dash: shell,
  eval: evalCmd,
  exit,
  unset,
  env,
  command: wrapper([]),
  exec: wrapper([]),
  nohup: wrapper([]),
  time: wrapper([]),
  nice: wrapper(['-n']),
  sudo: wrapper(['-u', '-g']),
  gosu: (ctx) => ctx.runArgv(ctx.argv.slice(2), ctx.stdin),
  'su-exec': (ctx) => ctx.runArgv(ctx.argv.slice(2), ctx.stdin),
  xargs,
  ...Object.fromEntries(READ_ONLY.map((n) => [n, readOnly(n)])),
};
