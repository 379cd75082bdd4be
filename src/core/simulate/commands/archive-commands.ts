// tar -x (and tar -c, gzip/gunzip, unzip as "not simulated" with the reason): extraction works
// when the archive's bytes are known in the simulated filesystem (ADDed or COPYed from the
// build context, or written earlier in the build); a downloaded archive's content is not known.

import { readContent, unknownContent } from '../vfs/content.ts';
import { extractInto, readTar } from '../vfs/extract-tar.ts';
import type { CommandFn } from '../shell/context.ts';
import { getopt } from './getopt.ts';

const tar: CommandFn = async (ctx) => {
  const args = ctx.argv.slice(1);
  // Old-style first argument without a dash: "tar xzf file".
  if (args[0] && /^[a-zA-Z]+$/.test(args[0])) args[0] = `-${args[0]}`;
  const { opts, rest } = getopt(args, {
    withValue: 'fC',
    long: { extract: 'x', create: 'c', file: 'f', directory: 'C', gzip: 'z', 'strip-components': 'strip' },
    longValue: ['file', 'directory', 'strip-components'],
  });
  if (!opts.has('x') && !opts.has('get')) {
    if (opts.has('c') && typeof opts.get('f') === 'string' && opts.get('f') !== '-') {
      const out = opts.get('f') as string;
      ctx.fs.writeFile(out, unknownContent(`tar -c of ${rest.join(' ')}: the archive's size is not simulated`));
      ctx.report.unknown(null, `tar -c writes ${out}; its size is not simulated`);
    }
    return { status: 0 };
  }
  const file = opts.get('f');
  const input = typeof file === 'string' && file !== '-' ? ctx.fs.readFile(file) : ctx.stdin;
  const bytes = input ? await readContent(input) : null;
  const what = typeof file === 'string' ? file : 'stdin';
  if (!bytes) {
    ctx.report.unknown(null, `tar -x of ${what}: the archive's content is not known here, so the files it holds are not`);
    return { status: 0 };
  }
  let items;
  try {
    items = await readTar(bytes);
  } catch (e) {
    ctx.report.unknown(null, `tar -x of ${what}: ${(e as Error).message}`);
    return { status: 0 };
  }
  const dir = typeof opts.get('C') === 'string' ? (opts.get('C') as string) : '.';
  const strip = Number(opts.get('strip') ?? 0) || 0;
  const dest = ctx.fs.resolve(dir);
  const keepOwners = ctx.fs.user.uid === 0 && !opts.has('no-same-owner');
  const written = extractInto(ctx.fs, rest.length ? items.filter((i) => rest.some((r) => i.entry.path.replace(/^\.\//, '').startsWith(r.replace(/^\.\//, '')))) : items, dest, { stripComponents: strip, keepOwners });
  ctx.report.note(`tar -x of ${what} wrote ${written.length} entries under ${dest}`);
  return { status: 0 };
};

function notSimulated(name: string): CommandFn {
  return (ctx) => {
    ctx.report.unknown(null, `\`${name}\` is not simulated: the files it writes are not known`);
    return { status: 0 };
  };
}

export const ARCHIVE_COMMANDS: Record<string, CommandFn> = {
  tar,
  unzip: notSimulated('unzip'),
  gunzip: notSimulated('gunzip'),
  gzip: notSimulated('gzip'),
  xz: notSimulated('xz'),
  bunzip2: notSimulated('bunzip2'),
};
