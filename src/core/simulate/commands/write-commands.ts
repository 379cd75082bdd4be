// Commands that make file content: echo, printf, cat, tee, dd, fallocate, truncate, head, tail,
// sed -i, seq. Sizes are exact where the command says them (dd bs×count, head -c, fallocate -l)
// or where the bytes are known; otherwise the content is marked unknown with the reason.

import { bytesContent, concatContent, EMPTY, readContent, sizedContent, sliceContent, textContent, unknownContent, type Content } from '../vfs/content.ts';
import type { CommandContext, CommandFn, CommandResult } from '../shell/context.ts';
import { getopt, parseSize } from './getopt.ts';
import { formatEcho, formatPrintf } from './printf.ts';
import { sedInPlace } from './sed.ts';

/** Reads an input operand: a file, a device, or "-" for stdin. */
export function readInput(ctx: CommandContext, name: string, size: number | null = null): Content {
  switch (name) {
    case '-':
    case '/dev/stdin':
      return ctx.stdin ?? EMPTY;
    case '/dev/zero':
      return sizedContent(size ?? 0, 'zero');
    case '/dev/urandom':
    case '/dev/random':
      return sizedContent(size ?? 0, 'random');
    case '/dev/null':
      return EMPTY;
  }
  return ctx.fs.readFile(name);
}

const echo: CommandFn = (ctx) => ({ status: 0, stdout: textContent(formatEcho(ctx.argv.slice(1), ctx.vars.flavor === 'dash')) });

const printf: CommandFn = (ctx) => {
  const [format, ...args] = ctx.argv.slice(1);
  if (format === undefined) return { status: 1 };
  return { status: 0, stdout: textContent(formatPrintf(format, args)) };
};

const cat: CommandFn = (ctx) => {
  const files = getopt(ctx.argv.slice(1)).rest;
  if (files.length === 0) return { status: 0, stdout: ctx.stdin ?? EMPTY };
  let out: Content = EMPTY;
  for (const f of files) out = concatContent(out, readInput(ctx, f));
  return { status: 0, stdout: out };
};

const tee: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { long: { append: 'a' } });
  const input = ctx.stdin ?? EMPTY;
  for (const f of rest) if (f !== '/dev/null') ctx.fs.writeFile(f, input, { append: opts.has('a') });
  return { status: 0, stdout: input };
};

/** dd if= of= bs= count= skip= seek= (ibs/obs ignored beyond bs). */
const dd: CommandFn = (ctx) => {
  const op = new Map<string, string>();
  for (const a of ctx.argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq > 0) op.set(a.slice(0, eq), a.slice(eq + 1));
  }
  const bs = parseSize(op.get('bs') ?? op.get('ibs') ?? '512', true) ?? 512;
  const count = op.has('count') ? (parseSize(op.get('count')!, true) ?? 0) : null;
  const inName = op.get('if') ?? '-';
  const wanted = count === null ? null : bs * count;
  let data: Content;
  if (inName === '/dev/zero' || inName === '/dev/urandom' || inName === '/dev/random') {
    if (wanted === null) {
      ctx.report.unknown(op.get('of') ?? null, `dd from ${inName} without count= never ends`);
      data = unknownContent(`dd from ${inName} without count=`);
    } else data = readInput(ctx, inName, wanted);
  } else {
    const src = readInput(ctx, inName);
    const skip = (parseSize(op.get('skip') ?? '0', true) ?? 0) * bs;
    const avail = Math.max(0, src.size - skip);
    data = skip === 0 ? sliceContent(src, wanted ?? avail) : { ...sliceContent(src, skip + Math.min(avail, wanted ?? avail)), bytes: null, size: Math.min(avail, wanted ?? avail) };
  }
  const of = op.get('of');
  if (!of) return { status: 0, stdout: data };
  const seek = (parseSize(op.get('seek') ?? '0', true) ?? 0) * bs;
  ctx.fs.writeFile(of, seek ? concatContent(sizedContent(seek, 'zero'), data) : data);
  return { status: 0 };
};

const fallocate: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { withValue: 'lo', long: { length: 'l' }, longValue: ['length'] });
  const len = parseSize(String(opts.get('l') ?? ''));
  if (len === null || rest.length !== 1) return { status: 1 };
  const prev = ctx.fs.exists(rest[0]) ? ctx.fs.readFile(rest[0]) : EMPTY;
  ctx.fs.writeFile(rest[0], prev.size >= len ? prev : concatContent(prev, sizedContent(len - prev.size, 'zero')));
  return { status: 0 };
};

const truncate: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { withValue: 's', long: { size: 's' }, longValue: ['size'] });
  const spec = String(opts.get('s') ?? '');
  const rel = /^[+-]/.test(spec) ? spec[0] : '';
  const n = parseSize(spec.replace(/^[+-]/, ''));
  if (n === null) return { status: 1 };
  for (const f of rest) {
    const prev = ctx.fs.exists(f) ? ctx.fs.readFile(f) : EMPTY;
    const size = rel === '+' ? prev.size + n : rel === '-' ? Math.max(0, prev.size - n) : n;
    ctx.fs.writeFile(f, size <= prev.size ? sliceContent(prev, size) : concatContent(prev, sizedContent(size - prev.size, 'zero')));
  }
  return { status: 0 };
};

function lines(c: Content, n: number, fromEnd: boolean, what: string): Content {
  if (!c.bytes) return unknownContent(`${what} of content whose lines are not known`);
  const text = new TextDecoder().decode(c.bytes);
  const parts = text.split(/(?<=\n)/);
  return textContent((fromEnd ? parts.slice(Math.max(0, parts.length - n)) : parts.slice(0, n)).join(''));
}

function headTail(fromEnd: boolean): CommandFn {
  return (ctx): CommandResult => {
    const args = ctx.argv.slice(1).map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
    const { opts, rest } = getopt(args, { withValue: 'cn', long: { bytes: 'c', lines: 'n' }, longValue: ['bytes', 'lines'] });
    const name = rest[0] ?? '-';
    const c = opts.get('c');
    if (typeof c === 'string') {
      const n = parseSize(c.replace(/^[+-]/, '')) ?? 0;
      const src = readInput(ctx, name, n);
      if (!fromEnd) return { status: 0, stdout: sliceContent(src, n) };
      const keep = Math.min(n, src.size);
      return { status: 0, stdout: src.bytes ? bytesContent(src.bytes.slice(src.size - keep)) : { ...src, size: keep, bytes: null } };
    }
    const n = Number(String(opts.get('n') ?? '10').replace(/^[+-]/, '')) || 10;
    return { status: 0, stdout: lines(readInput(ctx, name), n, fromEnd, fromEnd ? 'tail' : 'head') };
  };
}

const sed: CommandFn = async (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { withValue: 'ef', long: { 'in-place': 'i', expression: 'e', 'regexp-extended': 'E' }, longValue: ['expression'] });
  // -e may be given several times (getopt keeps the last one only).
  const scripts: string[] = [];
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-e' || argv[i] === '--expression') scripts.push(argv[++i] ?? '');
    else if (argv[i].startsWith('--expression=')) scripts.push(argv[i].slice(13));
  }
  if (!scripts.length && typeof opts.get('e') === 'string') scripts.push(opts.get('e') as string);
  const files = [...rest];
  if (!scripts.length && files.length) scripts.push(files.shift()!);
  const ere = opts.has('E') || opts.has('r');
  if (!opts.has('i')) {
    const input = files.length ? readInput(ctx, files[0]) : (ctx.stdin ?? EMPTY);
    const bytes = await readContent(input);
    const r = bytes ? sedInPlace(new TextDecoder().decode(bytes), scripts, ere) : null;
    return { status: 0, stdout: r === null ? unknownContent('output of sed on content that is not known') : textContent(r) };
  }
  for (const f of files) {
    const prev = ctx.fs.readFile(f);
    const bytes = await readContent(prev);
    const r = bytes ? sedInPlace(new TextDecoder().decode(bytes), scripts, ere) : null;
    if (r !== null) ctx.fs.writeFile(f, textContent(r));
    else {
      // sed -i writes a new file in place of the old one: the whole file lands in this layer.
      ctx.fs.writeFile(f, { ...prev, exact: false, reason: `sed -i of ${f}: the edit is not simulated, the size is assumed unchanged` });
    }
  }
  return { status: 0 };
};

const seq: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), { withValue: 'sf' });
  const nums = rest.map(Number);
  const [first, inc, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : [nums[0], nums[1], nums[2]];
  if (![first, inc, last].every(Number.isFinite) || inc === 0) return { status: 1 };
  const out: string[] = [];
  for (let v = first; inc > 0 ? v <= last : v >= last; v += inc) {
    out.push(String(v));
    if (out.length > 1_000_000) break;
  }
  const width = opts.has('w') ? Math.max(...out.map((s) => s.length)) : 0;
  const sep = typeof opts.get('s') === 'string' ? (opts.get('s') as string) : '\n';
  return { status: 0, stdout: textContent(out.length ? out.map((s) => (width ? s.padStart(width, '0') : s)).join(sep) + '\n' : '') };
};

export const WRITE_COMMANDS: Record<string, CommandFn> = {
  echo,
  printf,
  cat,
  tee,
  dd,
  fallocate,
  truncate,
  head: headTail(false),
  tail: headTail(true),
  sed,
  seq,
};
