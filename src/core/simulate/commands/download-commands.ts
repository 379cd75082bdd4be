// curl and wget: the file lands where the options say (-o/-O, wget's -O/-P, or stdout), and its
// size cannot be known without the network. The step is marked estimated and the reason names
// the URL, so the user can add a size hint (`# layerscope: size=40MB`, hints.ts).

import { unknownContent } from '../vfs/content.ts';
import { joinPath } from '../vfs/paths.ts';
import type { CommandFn } from '../shell/context.ts';
import { getopt } from './getopt.ts';

function urlBase(url: string): string {
  const clean = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const b = clean.slice(clean.lastIndexOf('/') + 1);
  return b && !b.includes(':') ? b : 'index.html';
}

function downloaded(url: string) {
  return unknownContent(`downloaded from ${url}: its size is not known here (write "# layerscope: size=…" on the RUN to set it)`);
}

const curl: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), {
    withValue: 'oHdXuAeEwmrTxCKbcyY',
    long: { output: 'o', 'remote-name': 'O', header: 'H', data: 'd', request: 'X', user: 'u', 'user-agent': 'A', 'output-dir': 'output-dir' },
    longValue: ['output', 'header', 'data', 'request', 'user', 'user-agent', 'retry', 'connect-timeout', 'max-time', 'output-dir', 'proto', 'tlsv1.2', 'cacert', 'write-out', 'retry-delay', 'retry-max-time'],
  });
  const urls = rest.filter((r) => /^[a-z]+:\/\//i.test(r) || r.includes('.'));
  if (urls.length === 0) return { status: 0 };
  const out = opts.get('o');
  const dir = typeof opts.get('output-dir') === 'string' ? (opts.get('output-dir') as string) : '.';
  if (typeof out === 'string' && out !== '-') {
    ctx.fs.writeFile(out, downloaded(urls[0]));
    ctx.report.unknown(ctx.fs.resolve(out), `curl download of ${urls[0]}: size not known`);
    return { status: 0 };
  }
  if (opts.has('O') || opts.has('remote-name-all')) {
    for (const u of urls) {
      const path = joinPath(ctx.fs.resolve(dir), urlBase(u));
      ctx.fs.writeFile(path, downloaded(u));
      ctx.report.unknown(path, `curl download of ${u}: size not known`);
    }
    return { status: 0 };
  }
  return { status: 0, stdout: downloaded(urls[0]) };
};

const wget: CommandFn = (ctx) => {
  const { opts, rest } = getopt(ctx.argv.slice(1), {
    withValue: 'OPUTtoa',
    long: { 'output-document': 'O', 'directory-prefix': 'P', quiet: 'q' },
    longValue: ['output-document', 'directory-prefix', 'user-agent', 'header', 'tries', 'timeout', 'progress'],
  });
  const urls = rest.filter((r) => /^[a-z]+:\/\//i.test(r) || r.includes('.'));
  if (urls.length === 0) return { status: 0 };
  const out = opts.get('O');
  if (out === '-') return { status: 0, stdout: downloaded(urls[0]) };
  if (typeof out === 'string') {
    ctx.fs.writeFile(out, downloaded(urls[0]));
    ctx.report.unknown(ctx.fs.resolve(out), `wget download of ${urls[0]}: size not known`);
    return { status: 0 };
  }
  const dir = typeof opts.get('P') === 'string' ? (opts.get('P') as string) : '.';
  for (const u of urls) {
    const path = joinPath(ctx.fs.resolve(dir), urlBase(u));
    ctx.fs.writeFile(path, downloaded(u));
    ctx.report.unknown(path, `wget download of ${u}: size not known`);
  }
  return { status: 0 };
};

export const DOWNLOAD_COMMANDS: Record<string, CommandFn> = { curl, wget };
