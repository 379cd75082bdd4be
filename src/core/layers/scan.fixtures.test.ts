// scanLayer against real layers from ../shared/fixtures, compared with the truth the tools wrote
// (tar -tv listings, diff_ids verified): per-layer figures and every entry.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { MemorySource, SliceSource } from '../bytes/source.ts';
import { decompress } from '../compress/decompress.ts';
import { kindName } from '../model/entry-kind.ts';
import { TarParser } from '../tar/parser.ts';
import { normalizePath } from '../tar/normalize.ts';
import { walkTarIndex } from '../tar/window-walk.ts';
import type { LayerScan } from './scan.ts';
import { scanLayer } from './scan.ts';
import { LayerScanSink } from './scan-sink.ts';

const DIR = '../shared/fixtures';

interface TruthEntry {
  type: string;
  path: string;
  size: number;
  perm: string;
  uid: number;
  gid: number;
  mtime: string;
  link?: string;
}
interface TruthLayer {
  path_in_archive: string;
  compression: string;
  compressed_size: number;
  uncompressed_size: number;
  entry_count: number;
  regular_file_count: number;
  regular_file_bytes: number;
  whiteouts: { whiteout: string; deletes: string }[];
  opaque_dirs: string[];
  entries: TruthEntry[];
}

function truthLayers(name: string): TruthLayer[] {
  const t = JSON.parse(readFileSync(`${DIR}/${name}.truth.json`, 'utf8'));
  const seen = new Set<string>();
  const out: TruthLayer[] = [];
  for (const im of t.images) {
    for (const l of im.layers as TruthLayer[]) {
      if (seen.has(l.path_in_archive)) continue;
      seen.add(l.path_in_archive);
      out.push(l);
    }
  }
  return out;
}

/** "rwsr-xr-x" → 0o4755 */
function permBits(p: string): number {
  let m = 0;
  const bit = (i: number, v: number) => (p[i] !== '-' && p[i] !== 'S' && p[i] !== 'T' ? v : 0);
  m |= bit(0, 0o400) | bit(1, 0o200) | bit(2, 0o100) | bit(3, 0o40) | bit(4, 0o20) | bit(5, 0o10) | bit(6, 0o4) | bit(7, 0o2) | bit(8, 0o1);
  if (p[2] === 's' || p[2] === 'S') m |= 0o4000;
  if (p[5] === 's' || p[5] === 'S') m |= 0o2000;
  if (p[8] === 't' || p[8] === 'T') m |= 0o1000;
  return m;
}

function expectMatchesTruth(s: LayerScan, l: TruthLayer): void {
  expect(s.compression).toBe(l.compression);
  expect(s.stats.tarSize).toBe(l.uncompressed_size);
  expect(s.stats.entryCount).toBe(l.entry_count);
  expect(s.stats.fileCount).toBe(l.regular_file_count);
  expect(s.stats.fileBytes).toBe(l.regular_file_bytes);
  expect([...s.stats.whiteouts].sort()).toEqual(l.whiteouts.map((w) => normalizePath(w.deletes)).sort());
  expect(s.stats.opaqueDirs).toEqual(l.opaque_dirs.map(normalizePath));
  expect(s.table.count).toBe(l.entries.length);
  // One comparison of two joined listings: per-entry expect() calls cost seconds on 13k entries.
  const got: string[] = [];
  const want: string[] = [];
  l.entries.forEach((e, i) => {
    const base = e.path.slice(e.path.lastIndexOf('/') + 1);
    const dir = e.path.slice(0, -base.length);
    const [path, kind, size, link] =
      base === '.wh..wh..opq'
        ? [normalizePath(dir), 'opaque', 0, null]
        : base.startsWith('.wh.')
          ? [normalizePath(dir + base.slice(4)), 'whiteout', 0, null]
          : [
              normalizePath(e.path),
              e.type === 'fifo' ? 'other' : e.type,
              e.type === 'file' ? e.size : 0,
              e.type === 'hardlink' ? normalizePath(e.link!) : (e.link ?? null),
            ];
    want.push(JSON.stringify([path, kind, size, link, permBits(e.perm), e.uid, e.gid, Date.parse(e.mtime) / 1000]));
    const t = s.table;
    got.push(JSON.stringify([t.path(i), kindName(t.kinds[i]), t.sizes[i], t.linkTarget(i), t.modes[i], t.uids[i], t.gids[i], t.mtimes[i]]));
  });
  expect(got.join('\n')).toBe(want.join('\n'));
}

const present = existsSync(`${DIR}/INDEX.json`);

describe.skipIf(!present)('scanLayer on real fixtures', () => {
  it.each([
    'busybox.oci.tar',
    'busybox-umoci.oci.tar',
    'busybox.oci-zstd.tar',
    'whiteouts.oci.tar',
    'whiteouts.oci-uncompressed.tar',
    'whiteouts.oci-zstd.tar',
    'whiteouts.docker.tar',
    'whiteouts-vfs.oci.tar',
    'links-longnames.oci-uncompressed.tar',
    'links-longnames.oci-zstd.tar',
    'gnutar-import.docker.tar',
    'copy-context.oci.tar',
    'multi-arch-index.oci.tar',
    'seed-a-bloated.oci-zstd.tar',
  ])('%s: every layer matches the truth', async (name) => {
    const bytes = new Uint8Array(readFileSync(`${DIR}/${name}`));
    const src = new MemorySource(name, bytes);
    const { entries } = await walkTarIndex(src);
    const byPath = new Map(entries.map((e) => [e.path, e]));
    for (const l of truthLayers(name)) {
      const e = byPath.get(l.path_in_archive)!;
      expect(e.size).toBe(l.compressed_size);
      const s = await scanLayer(new SliceSource(l.path_in_archive, src, e.dataOffset, e.size), { fileName: name, entryName: l.path_in_archive });
      expectMatchesTruth(s, l);
    }
  });

  it.each(['seed-a-bloated.docker.tar.gz', 'seed-b-merged.docker.tar.gz'])(
    '%s: layers scanned while the gzipped archive streams past',
    async (name) => {
      const layers = new Map(truthLayers(name).map((l) => [l.path_in_archive, l]));
      const results = new Map<string, Promise<LayerScan>>();
      const parser = new TarParser({
        onEntry(e) {
          if (!layers.has(e.path)) return null;
          const sink = new LayerScanSink({ fileName: name, entryName: e.path });
          results.set(e.path, sink.result);
          return sink;
        },
      });
      const bytes = new Uint8Array(readFileSync(`${DIR}/${name}`));
      const r = decompress(new MemorySource(name, bytes).stream(0, bytes.length, 64 << 10), 'gzip').getReader();
      for (;;) {
        const { done, value } = await r.read();
        if (done) break;
        await parser.push(value);
      }
      parser.end();
      expect([...results.keys()].sort()).toEqual([...layers.keys()].sort());
      for (const [path, l] of layers) expectMatchesTruth(await results.get(path)!, l);
    },
  );
});
