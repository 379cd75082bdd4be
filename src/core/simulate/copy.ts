// COPY and ADD (Dockerfile reference, "COPY"/"ADD"; BuildKit dockerfile2llb convert_copy.go):
// - sources from the build context (with .dockerignore), from another stage (--from=stage), or
//   inline heredocs; wildcards allowed; a directory source copies its contents;
// - the destination is a directory when it ends with "/", when there are several sources, or
//   when it already is one; relative to WORKDIR; missing parents are created;
// - new files belong to 0:0 unless --chown; --chmod sets the mode of what is copied;
// - ADD extracts a local tar (plain, gzip, zstd here; bzip2/xz said plainly as not read) and
//   downloads a URL (size not known, mode 0600).
// Returns what the builder's history records (buildah: "file:", "dir:" or "multi:" plus a
// digest) and a content key for the build cache: sizes and sha256 of every copied file.

import { SimulationError, type BuilderName, type SimInstruction } from './types.ts';
import type { Reporter } from './shell/context.ts';
import type { LoadedContext } from './context/loaded-context.ts';
import { bytesContent, readContent, unknownContent, type Content } from './vfs/content.ts';
import { extractInto, readTar, archiveKind } from './vfs/extract-tar.ts';
import { FsOps } from './vfs/fs-ops.ts';
import { absolutePath, baseName, joinPath } from './vfs/paths.ts';
import { newInode, type Inode, type Vfs } from './vfs/vfs.ts';
import { parseMode } from './commands/mode.ts';
import { resolveOwner } from './commands/owner.ts';
import { globPaths } from './shell/glob.ts';
import { sha256Hex } from './hash.ts';

/** Context files up to this size are read (for cache keys, and so later commands can use them). */
const READ_MAX = 1 << 20;

export interface CopyEnv {
  fs: FsOps;
  context: LoadedContext | null;
  /** the final filesystem of an earlier stage */
  stageVfs(index: number): Vfs | null;
  report: Reporter;
  builder: BuilderName;
}

export interface CopyOutcome {
  /** buildah's history summary: "file:<hex>", "dir:<hex>" or "multi:<hex>" */
  summary: string;
  /** sizes and content digests of everything copied (for the cache) */
  contentKey: string;
  /** destination as written (buildah prints it) */
  dest: string;
  files: number;
  bytes: number;
}

const flag = (ins: SimInstruction, name: string) => ins.flags.find((f) => f.name === name)?.value;

export async function runCopy(ins: SimInstruction, isAdd: boolean, env: CopyEnv): Promise<CopyOutcome> {
  const { fs, report } = env;
  const vfs = fs.vfs;
  const args = ins.args;
  const destRaw = args[args.length - 1];
  const sources = args.slice(0, -1);
  const chown = flag(ins, 'chown');
  const chmod = flag(ins, 'chmod');
  const from = flag(ins, 'from');
  // BuildKit refuses the build on a mode it cannot read (convert_copy.go "invalid chmod parameter").
  if (chmod !== undefined && parseMode(chmod, 0o644, false) === null) throw new SimulationError(ins.line, `invalid chmod parameter: '${chmod}'. it should be octal string and between 0 and 07777`);
  const owner = chown ? resolveOwner(fs, chown, report) : { uid: 0, gid: 0 };
  const uid = owner.uid ?? 0;
  const gid = owner.gid ?? (owner.uid ?? 0);
  const listing: string[] = [];
  let files = 0;
  let bytes = 0;
  const destAbs = absolutePath(fs.cwd, destRaw);
  const destIsDir = destRaw.endsWith('/') || destRaw === '.' || sources.length > 1 || fs.isDir(destAbs);
  const heredocs = new Map(ins.heredocs.map((h) => [h.name, h]));

  const meta = (mode: number, isDir: boolean) => (chmod ? (parseMode(chmod, mode, isDir) ?? mode) : mode);
  const ensureDir = (path: string, mode = 0o755) => {
    const parts = path.split('/').filter(Boolean);
    let cur = '/';
    for (const name of parts) {
      const next = joinPath(cur, name);
      const n = vfs.lstat(next);
      if (!n) vfs.put(next, newInode('dir', next === path ? meta(mode, true) : 0o755, next === path ? uid : 0, next === path ? gid : 0, vfs.now, vfs.gen));
      else if (n.kind === 'symlink') {
        cur = vfs.realpath(next);
        continue;
      }
      cur = next;
    }
  };
  const writeNode = (path: string, node: Inode) => {
    ensureDir(path.slice(0, path.lastIndexOf('/')) || '/');
    const existing = vfs.lstat(path);
    if (existing?.kind === 'dir' && node.kind === 'dir') {
      return;
    }
    if (existing) vfs.remove(path);
    vfs.put(path, node);
  };
  const fileNode = (mode: number, content: Content, mtime: number): Inode => {
    const n = newInode('file', meta(mode, false), uid, gid, mtime, vfs.gen);
    n.content = content;
    return n;
  };
  const record = async (path: string, kind: string, size: number, mode: number, content: Content | null) => {
    let digest = '';
    if (content) {
      const b = content.size <= READ_MAX ? await readContent(content) : null;
      digest = b ? await sha256Hex(b) : `size:${content.size}`;
      files++;
      bytes += content.size;
    }
    listing.push(`${kind} ${path} ${size} ${mode.toString(8)} ${digest}`);
  };

  let kinds: ('file' | 'dir')[] = [];
  for (const src of sources) {
    const doc = /^<<-?["']?([^"']+)["']?$/.exec(src);
    if (doc && heredocs.has(doc[1])) {
      const h = heredocs.get(doc[1])!;
      const path = destIsDir ? joinPath(destAbs, h.name) : destAbs;
      const content = bytesContent(new TextEncoder().encode(h.content));
      writeNode(path, fileNode(0o644, content, vfs.now));
      await record(path, 'file', content.size, 0o644, content);
      kinds.push('file');
      continue;
    }
    if (/^https?:\/\//.test(src)) {
      if (!isAdd) {
        report.warn(`COPY cannot take a URL (${src}); use ADD`);
        continue;
      }
      const path = destIsDir ? joinPath(destAbs, baseName(src.replace(/[?#].*$/, '')) || '__unnamed__') : destAbs;
      writeNode(path, fileNode(0o600, unknownContent(`ADD ${src}: downloaded at build time, its size is not known here`), vfs.now));
      report.unknown(path, `ADD of the URL ${src}: size not known`);
      listing.push(`url ${src}`);
      kinds.push('file');
      continue;
    }
    if (from !== undefined) {
      kinds = kinds.concat(await fromStage(src, from));
      continue;
    }
    kinds = kinds.concat(await fromContext(src));
  }

  async function fromStage(src: string, fromName: string): Promise<('file' | 'dir')[]> {
    const index = ins.fromStages[0];
    const other = index === undefined ? null : env.stageVfs(index);
    if (!other) {
      report.unknown(null, `COPY --from=${fromName}: that image's files are not known here (only earlier stages and the base images given are)`);
      listing.push(`image ${fromName} ${src}`);
      return [];
    }
    const ofs = new FsOps(other, '/');
    const abs = absolutePath('/', src);
    const matches = /[*?[]/.test(abs) ? globPaths(ofs, abs) : [abs];
    const out: ('file' | 'dir')[] = [];
    for (const m of matches) {
      let path: string;
      try {
        path = ofs.resolve(m);
      } catch {
        path = m;
      }
      const node = other.lstat(path);
      if (!node) {
        report.warn(`COPY --from=${fromName} ${src}: not found in that stage`);
        continue;
      }
      const links = new Map<Inode, Inode>();
      const copyOne = async (p: string, n: Inode, to: string) => {
        if (n.kind === 'dir') {
          if (!vfs.lstat(to)) writeNode(to, newInode('dir', meta(n.mode, true), uid, gid, n.mtime, vfs.gen));
          await record(to, 'dir', 0, n.mode, null);
          return;
        }
        const linked = links.get(n);
        if (linked) {
          writeNode(to, linked);
          return;
        }
        const c: Inode = { ...n, uid, gid, mode: meta(n.mode, false), gen: vfs.gen };
        links.set(n, c);
        writeNode(to, c);
        await record(to, n.kind, n.content?.size ?? 0, n.mode, n.content);
      };
      if (node.kind === 'dir') {
        ensureDir(destAbs);
        for (const sub of other.walk(path)) await copyOne(sub, other.lstat(sub)!, joinPath(destAbs, sub.slice(path.length + 1)));
        out.push('dir');
      } else {
        await copyOne(path, node, destIsDir ? joinPath(destAbs, baseName(path)) : destAbs);
        out.push('file');
      }
    }
    return out;
  }

  async function fromContext(src: string): Promise<('file' | 'dir')[]> {
    const ctx = env.context;
    if (!ctx) {
      report.unknown(null, `${isAdd ? 'ADD' : 'COPY'} ${src}: no build context was given, so its files and sizes are not known`);
      listing.push(`context? ${src}`);
      return [];
    }
    const matches = ctx.match(src).filter((p) => p === '' || !ctx.excluded(p) || ctx.byPath.get(p)?.kind === 'dir');
    if (matches.length === 0) {
      report.warn(`${isAdd ? 'ADD' : 'COPY'} ${src}: not found in the build context${ctx.ignorePatterns.length ? ' (or excluded by .dockerignore)' : ''}; a real build fails here`);
      return [];
    }
    const out: ('file' | 'dir')[] = [];
    for (const m of matches) {
      const e = m === '' ? { path: '', kind: 'dir' as const, size: 0, mode: 0o755, mtime: 0 } : ctx.byPath.get(m)!;
      if (e.kind === 'dir') {
        ensureDir(destAbs, e.mode);
        for (const sub of ctx.walk(m)) {
          const rel = m === '' ? sub.path : sub.path.slice(m.length + 1);
          await contextEntry(sub.path, joinPath(destAbs, rel), sub.kind, sub.size, sub.mode, sub.mtime, sub.linkTarget);
        }
        out.push('dir');
        continue;
      }
      const to = destIsDir ? joinPath(destAbs, baseName(m)) : destAbs;
      if (isAdd && e.kind === 'file' && (await addArchive(m, e.size, destIsDir ? destAbs : to))) {
        out.push('file');
        continue;
      }
      await contextEntry(m, to, e.kind, e.size, e.mode, e.mtime, e.linkTarget);
      out.push('file');
    }
    return out;
  }

  async function contextEntry(path: string, to: string, kind: string, size: number, mode: number, mtime: number, link?: string): Promise<void> {
    const ctx = env.context!;
    if (kind === 'dir') {
      if (!vfs.lstat(to)) writeNode(to, newInode('dir', meta(mode, true), uid, gid, mtime, vfs.gen));
      else if (vfs.lstat(to)?.kind === 'dir') Object.assign(vfs.upper(to), { mode: meta(mode, true), uid, gid });
      await record(to, 'dir', 0, mode, null);
      return;
    }
    if (kind === 'symlink') {
      const n = newInode('symlink', 0o777, uid, gid, mtime, vfs.gen);
      n.target = link ?? '';
      writeNode(to, n);
      await record(to, 'symlink', 0, 0o777, null);
      return;
    }
    const content: Content =
      size <= READ_MAX
        ? bytesContent(await ctx.source.read(path))
        : { size, bytes: null, exact: true, reason: null, fill: null, load: () => ctx.source.read(path) };
    writeNode(to, fileNode(mode, content, mtime));
    await record(to, 'file', size, mode, content);
  }

  /** ADD of a local archive: extracted when it is one (by its bytes, as BuildKit detects it). */
  async function addArchive(path: string, size: number, destDir: string): Promise<boolean> {
    const ctx = env.context!;
    if (size < 512 && size < 6) return false;
    const data = await ctx.source.read(path);
    const kind = archiveKind(data.subarray(0, 512));
    if (kind === null) return false;
    if (kind === 'bzip2' || kind === 'xz') {
      report.unknown(destDir, `ADD ${path}: a ${kind} archive is extracted by the builder, but not read here; its files are not known`);
      listing.push(`archive ${path} ${size} ${await sha256Hex(data)}`);
      return true;
    }
    let items;
    try {
      items = await readTar(data);
    } catch {
      return false;
    }
    ensureDir(destDir);
    const written = extractInto(fs, items, vfs.realpath(destDir), { keepOwners: !chown });
    if (chown) for (const p of written) Object.assign(vfs.upper(p), { uid, gid });
    for (const it of items) if (it.entry.type === 'file') {
      files++;
      bytes += it.entry.size;
    }
    listing.push(`archive ${path} ${size} ${await sha256Hex(data)}`);
    report.note(`ADD ${path}: a tar archive, extracted into ${destDir} (${written.length} entries)`);
    return true;
  }

  const digest = await sha256Hex(new TextEncoder().encode(listing.join('\n')));
  const single = sources.length === 1 && kinds.length === 1;
  const summary = `${single ? kinds[0] : 'multi'}:${digest}`;
  return { summary, contentKey: digest, dest: destRaw, files, bytes };
}
