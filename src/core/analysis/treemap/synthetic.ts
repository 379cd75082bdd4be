// A synthetic image of N files over a few layers, deterministic for a seed: a directory tree
// shaped like a Linux root (wide near the top, deep in places), log-normal file sizes (many
// small files, a few large ones), and upper layers that overwrite or delete some lower files so
// the wasted-bytes measure has something to show. Used by the treemap's tests, its demo page and
// its measurements at 50k / 200k / 500k files; never as a stand-in for reading a real archive.

import { EntryKind } from '../../model/entry-kind.ts';
import { LayerTableBuilder, type LayerTable } from '../../model/layer-table.ts';

export interface SyntheticOptions {
  files: number;
  layers?: number;
  seed?: number;
}

/** mulberry32: a small fast PRNG, so the same seed gives the same image everywhere. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOP = ['usr', 'lib', 'opt', 'var', 'etc', 'app', 'srv', 'home'];
const WORDS = ['share', 'python3', 'node_modules', 'locale', 'include', 'site-packages', 'doc', 'cache', 'src', 'dist', 'bin', 'lib'];
const EXTS = ['so', 'py', 'js', 'json', 'h', 'txt', 'gz', 'mo', 'pyc', 'md'];

export function syntheticLayerTables(opts: SyntheticOptions): LayerTable[] {
  const rand = rng(opts.seed ?? 1);
  const layerCount = Math.max(1, opts.layers ?? 6);
  const nFiles = Math.max(0, Math.floor(opts.files));

  // Directories: each picks a parent among the earlier ones, favouring the first (shallow) ones.
  const dirCount = Math.max(TOP.length, Math.ceil(nFiles / 30));
  const dirs: string[] = TOP.map((t) => `/${t}`);
  const dirDepth: number[] = TOP.map(() => 1);
  while (dirs.length < dirCount) {
    const p = Math.floor(dirs.length * rand() ** 2);
    if (dirDepth[p] >= 9) continue;
    const word = WORDS[Math.floor(rand() * WORDS.length)];
    dirs.push(`${dirs[p]}/${word}-${dirs.length}`);
    dirDepth.push(dirDepth[p] + 1);
  }

  // Files: layer 0 (the base) holds about half, the rest spread over the upper layers.
  const perLayer: number[] = new Array(layerCount).fill(0);
  for (let i = 0; i < nFiles; i++) {
    perLayer[layerCount === 1 || rand() < 0.5 ? 0 : 1 + Math.floor(rand() * (layerCount - 1))]++;
  }
  const written: string[] = [];
  const tables: LayerTable[] = [];
  let serial = 0;
  for (let L = 0; L < layerCount; L++) {
    const b = new LayerTableBuilder(perLayer[L] + 64);
    const files: string[] = [];
    const usedDirs = new Set<string>();
    for (let i = 0; i < perLayer[L]; i++) {
      let path: string;
      if (L > 0 && written.length > 0 && rand() < 0.08) {
        path = written[Math.floor(rand() * written.length)]; // overwrite a lower file: waste below
      } else {
        const d = dirs[Math.floor(dirs.length * rand() ** 1.5)];
        path = `${d}/file-${serial++}.${EXTS[Math.floor(rand() * EXTS.length)]}`;
      }
      files.push(path);
      for (let s = path.lastIndexOf('/'); s > 0; s = path.lastIndexOf('/', s - 1)) usedDirs.add(path.slice(0, s));
    }
    for (const d of [...usedDirs].sort()) b.add(d, EntryKind.dir, 0, 0o755, 0, 0, 0, null);
    for (const path of files) {
      // Log-normal sizes: median ≈ 3 kB, a long tail to tens of MB.
      const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      const size = Math.min(2 ** 31, Math.round(Math.exp(8 + 2.2 * z)));
      b.add(path, EntryKind.file, size, 0o644, 0, 0, 0, null);
    }
    // A few deletions of lower files (whiteouts keep the path they delete, layer-table.ts).
    if (L > 0) {
      const deletions = Math.floor(perLayer[L] * 0.01);
      for (let i = 0; i < deletions && written.length > 0; i++) {
        b.add(written[Math.floor(rand() * written.length)], EntryKind.whiteout, 0, 0, 0, 0, 0, null);
      }
    }
    for (const path of files) written.push(path);
    tables.push(b.finish());
  }
  return tables;
}
