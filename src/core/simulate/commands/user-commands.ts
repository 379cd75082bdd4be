// useradd/groupadd (shadow-utils) and adduser/addgroup (busybox, Alpine): each appends a line
// to /etc/passwd or /etc/group (and /etc/shadow when present) and may create a home directory.
// The new lines are known exactly; the files' earlier bytes may not be (a base image's).

import { textContent } from '../vfs/content.ts';
import type { CommandContext, CommandFn } from '../shell/context.ts';
import { getopt } from './getopt.ts';
import { groupId } from './owner.ts';

function nextId(ctx: CommandContext, file: string, start: number): number {
  try {
    const c = ctx.fs.readFile(file);
    if (!c.bytes) return start;
    const ids = new TextDecoder().decode(c.bytes).split('\n').map((l) => Number(l.split(':')[2])).filter((n) => n >= start && n < 60000);
    return ids.length ? Math.max(...ids) + 1 : start;
  } catch {
    return start;
  }
}

function append(ctx: CommandContext, file: string, line: string): void {
  if (ctx.fs.exists(file)) ctx.fs.writeFile(file, textContent(`${line}\n`), { append: true });
}

const groupadd: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { withValue: 'gK', long: { gid: 'g', system: 'r' }, longValue: ['gid'] });
  const name = rest[0];
  if (!name) return { status: 1 };
  const gid = typeof opts.get('g') === 'string' ? Number(opts.get('g')) : nextId(ctx, '/etc/group', opts.has('r') ? 100 : 1000);
  append(ctx, '/etc/group', `${name}:x:${gid}:`);
  append(ctx, '/etc/gshadow', `${name}:!::`);
  return { status: 0 };
};

const useradd: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), {
    withValue: 'ugdsceGK',
    long: { uid: 'u', gid: 'g', home: 'd', 'home-dir': 'd', shell: 's', comment: 'c', 'create-home': 'm', system: 'r', 'no-create-home': 'M', groups: 'G', 'no-log-init': 'l' },
    longValue: ['uid', 'gid', 'home', 'home-dir', 'shell', 'comment', 'groups'],
  });
  const name = rest[0];
  if (!name) return { status: 1 };
  const uid = typeof opts.get('u') === 'string' ? Number(opts.get('u')) : nextId(ctx, '/etc/passwd', opts.has('r') ? 100 : 1000);
  let gid = uid;
  const g = opts.get('g');
  if (typeof g === 'string') gid = groupId(ctx.fs, g, ctx.report);
  else append(ctx, '/etc/group', `${name}:x:${gid}:`);
  const home = typeof opts.get('d') === 'string' ? (opts.get('d') as string) : `/home/${name}`;
  const shell = typeof opts.get('s') === 'string' ? (opts.get('s') as string) : '/bin/sh';
  const comment = typeof opts.get('c') === 'string' ? (opts.get('c') as string) : '';
  append(ctx, '/etc/passwd', `${name}:x:${uid}:${gid}:${comment}:${home}:${shell}`);
  append(ctx, '/etc/shadow', `${name}:!:20000:0:99999:7:::`);
  if (opts.has('m')) {
    ctx.fs.mkdir(home, { parents: true });
    ctx.fs.changeMeta(home, (n) => Object.assign(n, { uid, gid, mode: 0o755 }), false);
  }
  return { status: 0 };
};

/** busybox: adduser [-D] [-S] [-H] [-u UID] [-G GROUP] [-h HOME] [-s SHELL] [-g GECOS] USER [GROUP] */
const adduser: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { withValue: 'uGhsgk', long: { disabled: 'D', system: 'S', 'no-create-home': 'H', uid: 'u', ingroup: 'G', home: 'h', shell: 's', gecos: 'g' }, longValue: ['uid', 'ingroup', 'home', 'shell', 'gecos'] });
  const name = rest[0];
  if (!name) return { status: 1 };
  const uid = typeof opts.get('u') === 'string' ? Number(opts.get('u')) : nextId(ctx, '/etc/passwd', opts.has('S') ? 100 : 1000);
  const group = opts.get('G') ?? rest[1];
  let gid = uid;
  if (typeof group === 'string') gid = groupId(ctx.fs, group, ctx.report);
  else append(ctx, '/etc/group', `${name}:x:${gid}:${name}`);
  const home = typeof opts.get('h') === 'string' ? (opts.get('h') as string) : `/home/${name}`;
  append(ctx, '/etc/passwd', `${name}:x:${uid}:${gid}:${typeof opts.get('g') === 'string' ? opts.get('g') : 'Linux User,,,'}:${home}:${typeof opts.get('s') === 'string' ? opts.get('s') : '/bin/sh'}`);
  append(ctx, '/etc/shadow', `${name}:!:20000:0:99999:7:::`);
  if (!opts.has('H')) {
    ctx.fs.mkdir(home, { parents: true });
    ctx.fs.changeMeta(home, (n) => Object.assign(n, { uid, gid, mode: 0o755 }), false);
  }
  return { status: 0 };
};

/** busybox: addgroup [-g GID] [-S] GROUP, or addgroup USER GROUP */
const addgroup: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { withValue: 'g', long: { gid: 'g', system: 'S' }, longValue: ['gid'] });
  if (rest.length === 2) return { status: 0 };
  const name = rest[0];
  if (!name) return { status: 1 };
  const gid = typeof opts.get('g') === 'string' ? Number(opts.get('g')) : nextId(ctx, '/etc/group', opts.has('S') ? 100 : 1000);
  append(ctx, '/etc/group', `${name}:x:${gid}:`);
  return { status: 0 };
};

export const USER_COMMANDS: Record<string, CommandFn> = { groupadd, useradd, adduser, addgroup };
