// File commands with coreutils/busybox semantics: mkdir, rmdir, touch, rm, ln, mkfifo, cp, mv,
// install, chmod, chown, chgrp, cd, pwd. Metadata changes copy the whole file up into the step's
// layer (fs-ops.ts), which is how `chmod -R` doubles an image (the seed fixture's lesson).

import { EMPTY, textContent } from '../vfs/content.ts';
import { VfsError } from '../vfs/vfs.ts';
import type { CommandContext, CommandFn, CommandResult } from '../shell/context.ts';
import { getopt } from './getopt.ts';
import { parseMode } from './mode.ts';
import { resolveOwner } from './owner.ts';

const ok: CommandResult = { status: 0 };

/** Runs `fn` for each operand; a failure prints like the tool does and makes the status 1. */
function each(ctx: CommandContext, items: string[], fn: (item: string) => void): CommandResult {
  let status = 0;
  for (const item of items) {
    try {
      fn(item);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.report.warn(`${ctx.argv[0]}: ${e.message}`);
      status = 1;
    }
  }
  return { status };
}

const mkdir: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { withValue: 'm', long: { parents: 'p', mode: 'm' }, longValue: ['mode'] });
  const m = opts.get('m');
  const mode = typeof m === 'string' ? (parseMode(m, 0o755, true) ?? 0o755) : 0o755;
  return each(ctx, rest, (p) => {
    ctx.fs.mkdir(p, { parents: opts.has('p') });
    if (typeof m === 'string') ctx.fs.changeMeta(p, (n) => (n.mode = mode), false);
  });
};

const rmdir: CommandFn = (ctx) =>
  each(ctx, getopt(ctx.argv.slice(1)).rest, (p) => {
    const { path, node } = ctx.fs.lookup(p, false);
    if (!node) throw new VfsError('ENOENT', path);
    if (node.kind !== 'dir') throw new VfsError('ENOTDIR', path);
    if (ctx.fs.vfs.list(path).length) throw new VfsError('ENOTEMPTY', path);
    ctx.fs.remove(path, { recursive: true });
  });

const touch: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { withValue: 'dtr', long: { date: 'd', 'no-create': 'c' }, longValue: ['date', 'reference'] });
  let when = ctx.fs.vfs.now;
  const d = opts.get('d');
  if (typeof d === 'string') {
    const t = Date.parse(d.replace(' ', 'T') + (/[zZ]|[+-]\d\d:?\d\d$/.test(d) ? '' : 'Z'));
    if (!Number.isNaN(t)) when = Math.floor(t / 1000);
  }
  return each(ctx, rest, (p) => {
    if (opts.has('c') && !ctx.fs.exists(p)) return;
    ctx.fs.touch(p, when);
  });
};

const rm: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { long: { recursive: 'r', force: 'f' } });
  const recursive = opts.has('r') || opts.has('R');
  return each(ctx, rest, (p) => ctx.fs.remove(p, { recursive, force: opts.has('f') }));
};

const ln: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { long: { symbolic: 's', force: 'f', 'no-dereference': 'n' } });
  if (rest.length < 1) return { status: 1 };
  const targets = rest.length === 1 ? rest : rest.slice(0, -1);
  const dest = rest.length === 1 ? '.' : rest[rest.length - 1];
  return each(ctx, targets, (t) => {
    if (opts.has('s')) ctx.fs.symlink(t, dest, { force: opts.has('f'), noDeref: opts.has('n') || opts.has('T') });
    else ctx.fs.hardlink(t, dest, opts.has('f'));
  });
};

const mkfifo: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { withValue: 'm' });
  const m = opts.get('m');
  return each(ctx, rest, (p) => ctx.fs.special(p, typeof m === 'string' ? (parseMode(m, 0o644, false) ?? 0o644) : 0o644));
};

const cp: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { long: { recursive: 'r', archive: 'a', force: 'f', 'no-dereference': 'P', preserve: 'p' } });
  if (rest.length < 2) return { status: 1 };
  const dest = rest[rest.length - 1];
  const archive = opts.has('a');
  const srcs = rest.slice(0, -1);
  if (srcs.length > 1 && !ctx.fs.isDir(dest)) {
    ctx.report.warn(`cp: target '${dest}' is not a directory`);
    return { status: 1 };
  }
  return each(ctx, srcs, (s) =>
    ctx.fs.copy(s, dest, { recursive: archive || opts.has('r') || opts.has('R'), preserve: archive || opts.has('p'), noDeref: archive || opts.has('P') || opts.has('d') }),
  );
};

const mv: CommandFn = (ctx) => {
  const { rest } = getopt(ctx.argv.slice(1));
  if (rest.length < 2) return { status: 1 };
  const dest = rest[rest.length - 1];
  return each(ctx, rest.slice(0, -1), (s) => ctx.fs.move(s, dest));
};

/** install [-d] [-m MODE] [-o U] [-g G] SRC... DEST */
const install: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { withValue: 'mogt', long: { directory: 'd', mode: 'm' }, longValue: ['mode', 'owner', 'group'] });
  const m = opts.get('m');
  const mode = typeof m === 'string' ? (parseMode(m, 0o755, false) ?? 0o755) : 0o755;
  if (opts.has('d')) return each(ctx, rest, (p) => ctx.fs.mkdir(p, { parents: true, mode }));
  if (rest.length < 2) return { status: 1 };
  const dest = rest[rest.length - 1];
  return each(ctx, rest.slice(0, -1), (s) => {
    const to = ctx.fs.copy(s, dest, {});
    ctx.fs.changeMeta(to, (n) => (n.mode = mode), false);
  });
};

const chmod: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  // chmod takes modes like -x, which look like options: only -R/-f/-v/-c are options here.
  const recursive = args.some((a) => /^-[Rfvc]*R[Rfvc]*$/.test(a) || a === '--recursive');
  const rest = args.filter((a) => !/^-[Rfvc]+$/.test(a) && !a.startsWith('--'));
  if (rest.length < 2) return { status: 1 };
  const spec = rest[0];
  if (parseMode(spec, 0, false) === null) {
    ctx.report.warn(`chmod: invalid mode: '${spec}'`);
    return { status: 1 };
  }
  return each(ctx, rest.slice(1), (p) => ctx.fs.changeMeta(p, (n) => (n.mode = parseMode(spec, n.mode, n.kind === 'dir') ?? n.mode), recursive));
};

function chownLike(group: boolean): CommandFn {
  return (ctx) => {
    const { opts, rest } = getopt(ctx.argv.slice(1), { long: { recursive: 'R', 'no-dereference': 'h' } });
    if (rest.length < 2) return { status: 1 };
    const owner = resolveOwner(ctx.fs, group ? `:${rest[0]}` : rest[0], ctx.report);
    return each(ctx, rest.slice(1), (p) =>
      ctx.fs.changeMeta(
        p,
        (n) => {
          if (owner.uid !== null) n.uid = owner.uid;
          if (owner.gid !== null) n.gid = owner.gid;
        },
        opts.has('R'),
        !opts.has('h'),
      ),
    );
  };
}

const cd: CommandFn = (ctx) => {
  const target = ctx.argv[1] ?? ctx.vars.get('HOME') ?? '/';
  try {
    const { path, node } = ctx.fs.lookup(target);
    if (!node) throw new VfsError('ENOENT', path);
    if (node.kind !== 'dir') throw new VfsError('ENOTDIR', path);
    ctx.fs.cwd = path;
    ctx.vars.set('PWD', path);
    return ok;
  } catch (e) {
    if (!(e instanceof VfsError)) throw e;
    ctx.report.warn(`cd: ${e.message}`);
    return { status: 1 };
  }
};

const pwd: CommandFn = (ctx) => ({ status: 0, stdout: textContent(`${ctx.fs.cwd}\n`) });

/** mktemp [-d]: a new file or directory under /tmp (a real build's name is random). */
const mktemp: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { withValue: 'p', long: { directory: 'd' } });
  const template = rest[0] ?? 'tmp.XXXXXXXXXX';
  let n = 0;
  let path: string;
  do path = `/tmp/${template.replace(/X+$/, (x) => String(++n).padStart(x.length, '0'))}`;
  while (ctx.fs.exists(path));
  try {
    if (!ctx.fs.exists('/tmp')) ctx.fs.mkdir('/tmp', { parents: true, mode: 0o1777 });
    if (opts.has('d')) ctx.fs.mkdir(path, { mode: 0o700 });
    else ctx.fs.writeFile(path, EMPTY, { mode: 0o600 });
  } catch (e) {
    if (!(e instanceof VfsError)) throw e;
    return { status: 1 };
  }
  return { status: 0, stdout: textContent(`${path}\n`) };
};

export const FS_COMMANDS: Record<string, CommandFn> = {
  mkdir,
  rmdir,
  touch,
  rm,
  ln,
  mkfifo,
  cp,
  mv,
  install,
  chmod,
  chown: chownLike(false),
  chgrp: chownLike(true),
  cd,
  pwd,
  mktemp,
};
