// The bench's synthetic layer: a deterministic tree shaped like a real image layer (nested
// package dirs, many small files, a few multi-MB ones, symlinks, hard links, a few paths long
// enough for ustar's prefix field or a PAX header, and optionally whiteouts and opaque dirs),
// written as a tar with the streaming writer. Returns what a correct scanner must report.

import { ContentGenerator, type ContentKind } from './content.ts';
import { Rng } from './prng.ts';
import { TarFileWriter, type TarHeader } from './tar-writer.ts';

export interface LayerSpec {
  seed: number;
  /** tar entries to write, about */
  entries: number;
  /** uncompressed tar bytes to aim for */
  tarBytes: number;
  /** add `.wh.` whiteouts and `.wh..wh..opq` opaque markers, as an upper layer has */
  whiteouts: boolean;
}

/** What the written tar holds, in the words of LayerStats (src/core/model/image.ts). */
export interface LayerTruth {
  tarSize: number;
  sha256: string;
  entryCount: number;
  fileCount: number;
  fileBytes: number;
  dirCount: number;
  symlinkCount: number;
  hardlinkCount: number;
  whiteoutCount: number;
  opaqueCount: number;
}

interface PlannedEntry extends TarHeader {
  kind?: ContentKind;
}

const SYLLABLES = ['lib', 'core', 'net', 'ssl', 'py', 'js', 'x', 'gtk', 'qt', 'data', 'util', 'io', 'sys', 'mod', 'api', 'dev', 'cfg', 'dbus', 'font', 'icon', 'glib', 'perl', 'ruby', 'node', 'zlib', 'intl', 'unicode', 'test', 'doc', 'share'];
const TEXT_EXT = ['.py', '.js', '.txt', '.h', '.json', '.md', '.conf', '.html', '.pm', '.rb', ''];
const BIN_EXT = ['.so', '.so.1', '.o', '.pyc', '.a', '', '.node'];
const RANDOM_EXT = ['.gz', '.png', '.jar', '.woff2', '.zip'];
const ROOTS = ['usr', 'usr/lib', 'usr/share', 'usr/share/doc', 'usr/bin', 'usr/include', 'etc', 'opt', 'opt/app', 'opt/app/node_modules', 'var', 'var/lib'];
const MTIME = 1_700_000_000;

function name(rng: Rng): string {
  let s = rng.pick(SYLLABLES);
  if (rng.chance(0.6)) s += (rng.chance(0.5) ? '-' : '_') + rng.pick(SYLLABLES);
  if (rng.chance(0.4)) s += String(rng.int(0, 99));
  return s;
}

function plan(spec: LayerSpec, rng: Rng): PlannedEntry[] {
  const dirCount = Math.round(spec.entries * 0.07);
  const symlinks = Math.round(spec.entries * 0.006);
  const hardlinks = Math.round(spec.entries * 0.003);
  const whiteouts = spec.whiteouts ? Math.round(spec.entries * 0.001) : 0;
  const opaques = spec.whiteouts ? 3 : 0;
  const bigFiles = 12;
  const fileCount = spec.entries - dirCount - symlinks - hardlinks - whiteouts - opaques;

  const dirs: string[] = [...ROOTS];
  const dirSet = new Set(dirs);
  while (dirs.length < dirCount) {
    // Prefer recent dirs as parents, so the tree grows deep (package/sub/sub/…), as real ones do.
    const parent = rng.chance(0.6) ? dirs[dirs.length - 1 - rng.int(0, Math.min(30, dirs.length - 1))] : rng.pick(dirs);
    const d = `${parent}/${name(rng)}`;
    if (d.length > 200 || dirSet.has(d)) continue;
    dirSet.add(d);
    dirs.push(d);
  }
  // A few very deep paths: over 100 bytes (ustar prefix) and over 256 (PAX path record).
  for (const depth of [14, 16, 30, 34]) {
    let d = 'usr/share/doc';
    for (let i = 0; i < depth; i++) d += `/${name(rng)}-deep`;
    if (!dirSet.has(d)) {
      for (let at = d.indexOf('/', 'usr/share/doc'.length + 1); at > 0; at = d.indexOf('/', at + 1)) {
        const p = d.slice(0, at);
        if (!dirSet.has(p)) {
          dirSet.add(p);
          dirs.push(p);
        }
      }
      dirSet.add(d);
      dirs.push(d);
    }
  }

  const out: PlannedEntry[] = dirs.map((d) => ({ path: d, type: 'dir', mode: 0o755, mtime: MTIME }));
  const used = new Set<string>(dirs);
  const unique = (dir: string, base: string): string => {
    let p = `${dir}/${base}`;
    for (let i = 2; used.has(p); i++) p = `${dir}/${base}.${i}`;
    used.add(p);
    return p;
  };

  const files: PlannedEntry[] = [];
  for (let i = 0; i < fileCount; i++) {
    const r = rng.next();
    const kind: ContentKind = i < bigFiles ? (i < 2 ? 'random' : 'binary') : r < 0.55 ? 'text' : r < 0.96 ? 'binary' : 'random';
    const ext = rng.pick(kind === 'text' ? TEXT_EXT : kind === 'binary' ? BIN_EXT : RANDOM_EXT);
    // Small files: log-uniform, mostly under 4 KiB; a tail up to 256 KiB. Scaled to the budget below.
    const size = i < bigFiles ? rng.logUniform(2 << 20, 8 << 20) : rng.chance(0.02) ? 0 : rng.chance(0.8) ? rng.logUniform(64, 4096) : rng.logUniform(4096, 256 << 10);
    files.push({ path: unique(rng.pick(dirs), name(rng) + ext), type: 'file', size, kind, mode: ext === '' || ext.startsWith('.so') ? 0o755 : 0o644, uid: rng.chance(0.05) ? 1000 : 0, gid: rng.chance(0.05) ? 1000 : 0, mtime: MTIME + rng.int(0, 1e6) });
  }
  // Scale sizes so the tar comes out near spec.tarBytes: headers, padding and end blocks are the rest.
  const overhead = spec.entries * 512 + fileCount * 256 + 1024;
  const big = files.slice(0, bigFiles);
  const small = files.slice(bigFiles);
  const bigScale = spec.tarBytes / 250e6;
  let bigTotal = 0;
  for (const f of big) bigTotal += (f.size = Math.round(f.size! * bigScale));
  const smallTotal = small.reduce((n, f) => n + f.size!, 0);
  const factor = Math.max(0, spec.tarBytes - overhead - bigTotal) / smallTotal;
  for (const f of small) f.size = Math.round(f.size! * factor);
  out.push(...files);

  for (let i = 0; i < symlinks; i++) {
    const target = rng.pick(files).path;
    const dir = rng.pick(dirs);
    out.push({ path: unique(dir, name(rng)), type: 'symlink', mode: 0o777, mtime: MTIME, linkname: rng.chance(0.5) ? `/${target}` : relative(dir, target) });
  }
  const links: PlannedEntry[] = [];
  for (let i = 0; i < hardlinks; i++) {
    const target = rng.pick(files).path;
    links.push({ path: unique(target.slice(0, target.lastIndexOf('/')), `${name(rng)}.hl`), type: 'hardlink', mode: 0o644, mtime: MTIME, linkname: target });
  }
  for (let i = 0; i < whiteouts; i++) {
    out.push({ path: unique(rng.pick(dirs), `.wh.${name(rng)}`), type: 'file', size: 0, mode: 0o644, mtime: MTIME });
  }
  for (let i = 0; i < opaques; i++) {
    out.push({ path: unique(dirs[ROOTS.length + i * 7], '.wh..wh..opq'), type: 'file', size: 0, mode: 0o644, mtime: MTIME });
  }
  // Walk order: by path, so a directory comes before what it holds. Hard links go last, so each
  // comes after the file it names, as tar requires.
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out.concat(links);
}

function relative(fromDir: string, to: string): string {
  const a = fromDir.split('/');
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return '../'.repeat(a.length - i) + b.slice(i).join('/');
}

/** Writes the layer described by `spec` to `path` as an uncompressed tar. */
export function writeLayer(spec: LayerSpec, path: string): LayerTruth {
  const rng = new Rng(spec.seed);
  const entries = plan(spec, rng);
  const content = new ContentGenerator(new Rng(spec.seed * 7919 + 1));
  const w = new TarFileWriter(path);
  const t: Omit<LayerTruth, 'tarSize' | 'sha256'> = { entryCount: 0, fileCount: 0, fileBytes: 0, dirCount: 0, symlinkCount: 0, hardlinkCount: 0, whiteoutCount: 0, opaqueCount: 0 };
  for (const e of entries) {
    const kind = e.kind ?? 'text';
    w.entry(e, (buf) => content.fill(buf, kind));
    t.entryCount++;
    const base = e.path.slice(e.path.lastIndexOf('/') + 1);
    if (e.type === 'dir') t.dirCount++;
    else if (e.type === 'symlink') t.symlinkCount++;
    else if (e.type === 'hardlink') t.hardlinkCount++;
    else if (base === '.wh..wh..opq') t.opaqueCount++;
    else if (base.startsWith('.wh.')) t.whiteoutCount++;
    else {
      t.fileCount++;
      t.fileBytes += e.size ?? 0;
    }
  }
  const { bytes, sha256 } = w.finish();
  return { tarSize: bytes, sha256, ...t };
}
