// Package managers: apt-get/apt, apk, dnf/yum/microdnf, pip, npm/yarn. Their real file lists
// are not known here, so each installed package is one file of its table size under
// PACKAGES_ROOT/<manager>/<name> (a path that says what it is); the caches they leave are real
// files at their real paths (/var/lib/apt/lists, /var/cache/apk, ~/.cache/pip, ~/.npm), so a
// later `rm -rf /var/lib/apt/lists/*` in the same RUN removes them as it would for real, and
// one in a later RUN only hides them (the classic waste).

import { EMPTY, contentText, sizedContent, unknownContent, type Content } from '../vfs/content.ts';
import type { CommandContext, CommandFn } from '../shell/context.ts';
import { APK_INDEX, APT_LISTS, DNF_CACHE, NPM_CACHE_RATIO, PIP_CACHE_RATIO, apkSize, aptSize, roughFromDebian, type SizeFigure } from '../packages/tables.ts';
import { joinPath } from '../vfs/paths.ts';

export const PACKAGES_ROOT = '/.layerscope-packages';

function put(ctx: CommandContext, path: string, content: Content): void {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  ctx.fs.mkdir(dir, { parents: true });
  ctx.fs.writeFile(path, content);
}

function figureContent(fig: SizeFigure | null, what: string): Content {
  if (!fig) return unknownContent(`${what}: not in the size table, size not known`);
  return fig.rough ? { ...sizedContent(fig.bytes, null), exact: false, reason: fig.source } : { ...sizedContent(fig.bytes, null), exact: false, reason: `${what}: ${fig.source}` };
}

function installAll(ctx: CommandContext, manager: string, names: string[], size: (n: string) => SizeFigure | null): number {
  let total = 0;
  for (const raw of names) {
    const name = raw.replace(/[=:<>~].*$/, '').replace(/\[.*\]$/, '');
    if (!name) continue;
    const fig = size(name);
    put(ctx, `${PACKAGES_ROOT}/${manager}/${name}`, figureContent(fig, `${manager} package ${name}`));
    if (fig) total += fig.bytes;
    else ctx.report.unknown(`${PACKAGES_ROOT}/${manager}/${name}`, `${manager} package ${name} is not in the size table`);
  }
  return total;
}

function removeAll(ctx: CommandContext, manager: string, names: string[]): void {
  for (const raw of names) ctx.fs.remove(`${PACKAGES_ROOT}/${manager}/${raw.replace(/[=:].*$/, '')}`, { force: true });
}

const aptGet: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const words = args.filter((a) => !a.startsWith('-'));
  const valueOpts = new Set(['-o', '-t', '-c']);
  const clean: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (valueOpts.has(args[i])) i++;
    else if (!args[i].startsWith('-')) clean.push(args[i]);
  }
  void words;
  const [sub, ...names] = clean;
  switch (sub) {
    case 'update':
      put(ctx, '/var/lib/apt/lists/deb.debian.org_debian_dists_Packages.lz4', { ...sizedContent(APT_LISTS.bytes, null), exact: false, reason: `apt package lists: ${APT_LISTS.source}` });
      ctx.report.note('apt-get update: package lists in /var/lib/apt/lists stay in this layer unless this same RUN removes them (rm -rf /var/lib/apt/lists/*)');
      return { status: 0 };
    case 'install': {
      const total = installAll(ctx, 'apt', names, aptSize);
      if (!args.includes('--no-install-recommends')) ctx.report.note('apt-get install without --no-install-recommends also installs recommended packages; they are not counted here');
      if (!ctx.fs.exists('/etc/apt/apt.conf.d/docker-clean')) {
        put(ctx, '/var/cache/apt/archives/packages.deb', { ...sizedContent(Math.round(total * 0.35), null), exact: false, reason: 'downloaded .deb files kept in /var/cache/apt/archives (rough: about 35% of the installed size) until apt-get clean' });
      }
      ctx.report.note(`apt-get install ${names.join(' ')}: sizes from the Debian 12 package index (installed size with dependencies)`);
      return { status: 0 };
    }
    case 'remove':
    case 'purge':
      removeAll(ctx, 'apt', names);
      return { status: 0 };
    case 'clean':
    case 'autoclean':
      ctx.fs.remove('/var/cache/apt/archives/packages.deb', { force: true });
      return { status: 0 };
    case 'upgrade':
    case 'dist-upgrade':
    case 'full-upgrade':
      ctx.report.unknown(null, `apt-get ${sub}: what it upgrades depends on the day; its size is not known`);
      return { status: 0 };
    default:
      return { status: 0 };
  }
};

const apk: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const noCache = args.includes('--no-cache');
  const clean: string[] = [];
  let virtual: string | null = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--virtual' || args[i] === '-t') virtual = args[++i] ?? null;
    else if (args[i] === '--repository' || args[i] === '-X' || args[i] === '--root' || args[i] === '-p') i++;
    else if (!args[i].startsWith('-')) clean.push(args[i]);
  }
  const [sub, ...names] = clean;
  const index = (): void => {
    if (noCache) return;
    put(ctx, '/var/cache/apk/APKINDEX.tar.gz', { ...sizedContent(APK_INDEX.bytes, null), exact: false, reason: `apk index cache: ${APK_INDEX.source}` });
    ctx.report.note('apk without --no-cache keeps its package index in /var/cache/apk');
  };
  switch (sub) {
    case 'update':
      index();
      return { status: 0 };
    case 'add': {
      index();
      installAll(ctx, 'apk', names, apkSize);
      if (virtual) put(ctx, `${PACKAGES_ROOT}/apk-virtual/${virtual}`, { ...EMPTY, bytes: new TextEncoder().encode(names.join('\n')), size: 0 });
      return { status: 0 };
    }
    case 'del': {
      for (const n of names) {
        const group = ctx.fs.exists(`${PACKAGES_ROOT}/apk-virtual/${n}`) ? contentText(ctx.fs.readFile(`${PACKAGES_ROOT}/apk-virtual/${n}`)) : null;
        if (group !== null) {
          removeAll(ctx, 'apk', group.split('\n'));
          ctx.fs.remove(`${PACKAGES_ROOT}/apk-virtual/${n}`, { force: true });
        } else removeAll(ctx, 'apk', [n]);
      }
      return { status: 0 };
    }
    case 'cache':
      if (names[0] === 'clean') ctx.fs.remove('/var/cache/apk/APKINDEX.tar.gz', { force: true });
      return { status: 0 };
    default:
      return { status: 0 };
  }
};

const dnf: CommandFn = (ctx) => {
  const words = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [sub, ...names] = words;
  const manager = ctx.argv[0] === 'yum' ? 'yum' : 'dnf';
  if (sub === 'install' || sub === 'groupinstall') {
    installAll(ctx, manager, names, (n) => roughFromDebian(n, manager));
    put(ctx, `/var/cache/${manager}/metadata`, { ...sizedContent(DNF_CACHE.bytes, null), exact: false, reason: `${manager} metadata cache: ${DNF_CACHE.source}` });
    ctx.report.note(`${manager} keeps repository metadata in /var/cache/${manager} until "${manager} clean all"`);
  } else if (sub === 'remove' || sub === 'erase') removeAll(ctx, manager, names);
  else if (sub === 'clean') ctx.fs.remove(`/var/cache/${manager}/metadata`, { force: true });
  return { status: 0 };
};

const pip: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const [sub] = args.filter((a) => !a.startsWith('-'));
  if (sub === 'cache' && args.includes('purge')) {
    ctx.fs.remove('/root/.cache/pip', { recursive: true, force: true });
    return { status: 0 };
  }
  if (sub === 'uninstall') {
    removeAll(ctx, 'pip', args.filter((a) => !a.startsWith('-') && a !== 'uninstall'));
    return { status: 0 };
  }
  if (sub !== 'install') return { status: 0 };
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'install') continue;
    if (a === '-r' || a === '--requirement') {
      const file = args[++i];
      const text = ctx.fs.readText(file);
      if (text === null) ctx.report.unknown(null, `pip install -r ${file}: the requirements file is not known here`);
      else names.push(...text.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter((l) => l && !l.startsWith('-')).map((l) => l.split(/[<>=!~; [@]/)[0]));
      continue;
    }
    if (['-i', '--index-url', '--extra-index-url', '-c', '--target', '-t', '--prefix', '--root', '-f', '--find-links'].includes(a)) i++;
    else if (!a.startsWith('-')) names.push(a.split(/[<>=!~; [@]/)[0]);
  }
  const total = installAll(ctx, 'pip', names, (n) => roughFromDebian(n, 'pip'));
  const env = ctx.vars.get('PIP_NO_CACHE_DIR');
  const noCache = args.includes('--no-cache-dir') || (env !== undefined && !/^(0|false|no)$/i.test(env));
  if (!noCache && total > 0) {
    put(ctx, '/root/.cache/pip/wheels', { ...sizedContent(Math.round(total * PIP_CACHE_RATIO.ratio), null), exact: false, reason: `pip's download cache: ${PIP_CACHE_RATIO.source}` });
    ctx.report.note('pip install without --no-cache-dir keeps downloaded wheels in /root/.cache/pip');
  }
  return { status: 0 };
};

const npm: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const words = args.filter((a) => !a.startsWith('-'));
  const sub = words[0];
  if (sub === 'cache' && (words[1] === 'clean' || words[1] === 'clear')) {
    ctx.fs.remove('/root/.npm/_cacache', { recursive: true, force: true });
    return { status: 0 };
  }
  if (!['install', 'i', 'ci', 'add', 'update'].includes(sub ?? '')) return { status: 0 };
  const global = args.includes('-g') || args.includes('--global');
  const dir = global ? '/usr/local/lib/node_modules' : joinPath(ctx.fs.cwd, 'node_modules');
  if (sub === 'ci') ctx.fs.remove(dir, { recursive: true, force: true });
  const pkgs = words.slice(1);
  const what = pkgs.length ? pkgs.join(' ') : 'the dependencies in package.json';
  ctx.fs.mkdir(dir, { parents: true });
  ctx.fs.writeFile(joinPath(dir, '.layerscope-unknown-size'), unknownContent(`${ctx.argv[0]} ${sub} of ${what}: the size of node_modules is not known here (write "# layerscope: size=…" on the RUN)`));
  ctx.report.unknown(dir, `${ctx.argv[0]} ${sub}: node_modules size not known`);
  if (ctx.argv[0] === 'npm') {
    ctx.fs.mkdir('/root/.npm/_cacache', { parents: true });
    ctx.fs.writeFile('/root/.npm/_cacache/content', unknownContent(`npm's cache: ${NPM_CACHE_RATIO.source}, of an unknown size`));
    ctx.report.note('npm keeps downloaded tarballs in /root/.npm/_cacache unless `npm cache clean --force` runs in the same RUN');
  }
  return { status: 0 };
};

export const PACKAGE_COMMANDS: Record<string, CommandFn> = {
  'apt-get': aptGet,
  apt: aptGet,
  apk,
  dnf,
  yum: dnf,
  microdnf: dnf,
  pip,
  pip3: pip,
  npm,
  yarn: npm,
  pnpm: npm,
};
