import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MemorySource } from '../bytes/source.ts';
import { CancelledError, InputError } from '../errors.ts';
import { kindName } from '../model/entry-kind.ts';
import type { LayerTable } from '../model/layer-table.ts';
import { TarParser } from '../tar/parser.ts';
import { chunked, gzip, writeTar, type EntrySpec } from '../tar/testing/write-tar.ts';
import { scanLayer, scanTarStream, type ScanOptions } from './scan.ts';
import { LayerScanSink } from './scan-sink.ts';

const opts: ScanOptions = { fileName: 'img.tar', entryName: 'blobs/sha256/abc' };

function rows(t: LayerTable) {
  return Array.from({ length: t.count }, (_, i) => ({
    path: t.path(i),
    kind: kindName(t.kinds[i]),
    size: t.sizes[i],
    mode: t.modes[i],
    link: t.linkTarget(i),
  }));
}

const layerSpecs: EntrySpec[] = [
  { path: './', type: 'dir' },
  { path: './etc/', type: 'dir' },
  { path: './etc/passwd', data: 'root:x:0:0::/root:/bin/sh\n', mode: 0o644 },
  { path: './usr/bin/tool', size: 3000, mode: 0o4755 },
  { path: './usr/bin/tool-alias', type: 'hardlink', linkname: './usr/bin/tool' },
  { path: './usr/bin/sh', type: 'symlink', linkname: '../../bin/busybox' },
  { path: './dev/fifo', type: 'fifo' },
  { path: './dev/null', type: 'char' },
  { path: './var/.wh.cache', size: 0 },
  { path: './.wh.toplevel', size: 0 },
  { path: './opt/app/.wh..wh..opq', size: 0 },
  { path: './.wh..wh..opq', size: 0 },
  { path: './var/.wh..wh.plnk', type: 'dir' },
  { path: 'deep/' + 'x'.repeat(120) + '/file', size: 10 },
];
const layerTar = writeTar(layerSpecs, { longNames: 'pax', endBlocks: 2, trailing: 8704 });

const expectedRows = [
  { path: '/', kind: 'dir', size: 0, mode: 0o755, link: null },
  { path: '/etc', kind: 'dir', size: 0, mode: 0o755, link: null },
  { path: '/etc/passwd', kind: 'file', size: 26, mode: 0o644, link: null },
  { path: '/usr/bin/tool', kind: 'file', size: 3000, mode: 0o4755, link: null },
  { path: '/usr/bin/tool-alias', kind: 'hardlink', size: 0, mode: 0o644, link: '/usr/bin/tool' },
  { path: '/usr/bin/sh', kind: 'symlink', size: 0, mode: 0o644, link: '../../bin/busybox' },
  { path: '/dev/fifo', kind: 'other', size: 0, mode: 0o644, link: null },
  { path: '/dev/null', kind: 'other', size: 0, mode: 0o644, link: null },
  { path: '/var/cache', kind: 'whiteout', size: 0, mode: 0o644, link: null },
  { path: '/toplevel', kind: 'whiteout', size: 0, mode: 0o644, link: null },
  { path: '/opt/app', kind: 'opaque', size: 0, mode: 0o644, link: null },
  { path: '/', kind: 'opaque', size: 0, mode: 0o644, link: null },
  { path: '/var/.wh..wh.plnk', kind: 'other', size: 0, mode: 0o755, link: null },
  { path: '/deep/' + 'x'.repeat(120) + '/file', kind: 'file', size: 10, mode: 0o644, link: null },
];
const expectedStats = {
  tarSize: layerTar.length,
  fileBytes: 3036,
  entryCount: 14,
  fileCount: 3,
  whiteouts: ['/var/cache', '/toplevel'],
  opaqueDirs: ['/opt/app', '/'],
};

describe('scanLayer', () => {
  it.each(['windows', 'stream'] as const)('reads an uncompressed layer (%s): kinds, whiteouts, opaque dirs, links, stats', async (how) => {
    const s = await scanLayer(new MemorySource('l', layerTar), { ...opts, windowSize: 1024, uncompressedRead: how });
    expect(s.compression).toBe('none');
    expect(rows(s.table)).toEqual(expectedRows);
    expect(s.stats).toEqual(expectedStats);
  });

  it('reads the same layer gzipped (one member and three), with tarSize = all decompressed bytes', async () => {
    for (const members of [1, 3]) {
      const s = await scanLayer(new MemorySource('l', await gzip(layerTar, members)), opts);
      expect(s.compression).toBe('gzip');
      expect(rows(s.table)).toEqual(expectedRows);
      expect(s.stats).toEqual(expectedStats);
    }
  });

  it('reads a zstd layer of two frames', async () => {
    const zst = new Uint8Array(readFileSync(new URL('../compress/testdata/two-frames.tar.zst', import.meta.url)));
    const s = await scanLayer(new MemorySource('l', zst), opts);
    expect(s.compression).toBe('zstd');
    expect(s.stats).toMatchObject({ tarSize: 266240, entryCount: 41, fileCount: 40, whiteouts: ['/dir0/gone'], opaqueDirs: [] });
    expect(s.table.path(39)).toBe('/dir3/file-039.txt');
  });

  it('reports bytes read, ending at the blob size', async () => {
    const gz = await gzip(layerTar);
    for (const bytes of [layerTar, gz]) {
      const seen: number[] = [];
      await scanLayer(new MemorySource('l', bytes), { ...opts, windowSize: 1024, onBytes: (n) => seen.push(n) });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((n, i) => i === 0 || n >= seen[i - 1])).toBe(true);
      expect(seen.at(-1)).toBeLessThanOrEqual(bytes.length);
    }
    for (const how of ['windows', 'stream'] as const) {
      const seen: number[] = [];
      await scanLayer(new MemorySource('l', layerTar), { ...opts, windowSize: 1024, uncompressedRead: how, onBytes: (n) => seen.push(n) });
      expect(seen.at(-1)).toBeGreaterThanOrEqual(layerTar.length - 9728);
    }
  });

  it('says where a truncated layer ended, naming the file and blob', async () => {
    const cut = layerTar.subarray(0, 512 * 9 + 100); // inside /usr/bin/tool's payload
    for (const [bytes, how] of [
      [cut, 'windows'],
      [cut, 'stream'],
      [await gzip(cut), 'stream'],
    ] as const) {
      const e = await scanLayer(new MemorySource('l', bytes), { ...opts, uncompressedRead: how }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).file).toBe('img.tar');
      expect((e as InputError).entry).toBe('blobs/sha256/abc');
      expect((e as InputError).problem).toBe(`truncated: ended inside entry ./usr/bin/tool at byte ${cut.length} of the layer tar`);
    }
  });

  it('reports a bad header checksum with its offset', async () => {
    const bad = layerTar.slice();
    bad[1024 + 10] ^= 1;
    await expect(scanLayer(new MemorySource('l', bad), opts)).rejects.toThrow(
      new InputError('img.tar', 'blobs/sha256/abc', 'bad tar header checksum at byte 1024 of the layer tar'),
    );
  });

  it('reports corrupt gzip and zstd as InputError', async () => {
    const gz = await gzip(layerTar);
    gz.fill(0x41, 30, 60);
    const e = await scanLayer(new MemorySource('l', gz), opts).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).problem).toMatch(/^gzip: corrupt data near compressed byte \d+/);
    const zst = new Uint8Array(readFileSync(new URL('../compress/testdata/two-frames.tar.zst', import.meta.url)));
    zst.fill(0xff, 300, 340);
    const z = await scanLayer(new MemorySource('l', zst), opts).catch((x: unknown) => x);
    expect(z).toBeInstanceOf(InputError);
    expect((z as InputError).problem).toMatch(/^zstd: corrupt data near compressed byte \d+/);
  });

  it('stops with CancelledError when the signal fires, compressed or not', async () => {
    const big = writeTar(Array.from({ length: 400 }, (_, i) => ({ path: `f${i}`, size: 5000 })));
    for (const [bytes, how] of [
      [big, 'windows'],
      [big, 'stream'],
      [await gzip(big), 'stream'],
    ] as const) {
      const ac = new AbortController();
      const p = scanLayer(new MemorySource('l', bytes), { ...opts, windowSize: 4096, uncompressedRead: how, signal: ac.signal, onBytes: () => ac.abort() });
      await expect(p).rejects.toBeInstanceOf(CancelledError);
    }
  });

  it('accepts an empty blob and an archive of only end blocks', async () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array(1024)]) {
      const s = await scanLayer(new MemorySource('l', bytes), opts);
      expect(s.stats).toEqual({ tarSize: bytes.length, fileBytes: 0, entryCount: 0, fileCount: 0, whiteouts: [], opaqueDirs: [] });
    }
  });
});

describe('scanTarStream', () => {
  it('sniffs and scans a stream fed in tiny chunks', async () => {
    const gz = await gzip(layerTar);
    for (const [bytes, sizes] of [
      [gz, [1]],
      [gz, [3, 1000]],
      [layerTar, [1, 2, 3]],
    ] as const) {
      const s = await scanTarStream(chunked(bytes, [...sizes]), opts);
      expect(rows(s.table)).toEqual(expectedRows);
      expect(s.stats).toEqual(expectedStats);
    }
  });
});

describe('LayerScanSink', () => {
  // `docker save | gzip`: an outer gzipped tar holding layer tars, readable only once.
  async function outerArchive(layers: Uint8Array[]): Promise<Uint8Array> {
    const specs: EntrySpec[] = [{ path: 'manifest.json', data: '[]' }];
    layers.forEach((data, i) => specs.push({ path: `layer${i}/layer.tar`, data }));
    return gzip(writeTar(specs));
  }

  async function scanOuter(outer: Uint8Array, chunk: number) {
    const sinks: LayerScanSink[] = [];
    const parser = new TarParser({
      onEntry(e) {
        if (!e.path.endsWith('layer.tar')) return null;
        const s = new LayerScanSink({ fileName: 'save.tar.gz', entryName: e.path });
        sinks.push(s);
        return s;
      },
    });
    const { decompress } = await import('../compress/decompress.ts');
    const r = decompress(chunked(outer, [chunk]), 'gzip').getReader();
    for (;;) {
      const { done, value } = await r.read();
      if (done) break;
      await parser.push(value);
    }
    parser.end();
    return Promise.all(sinks.map((s) => s.result));
  }

  it('scans layers while the outer archive streams past, plain and gzipped', async () => {
    const outer = await outerArchive([layerTar, await gzip(layerTar), writeTar([{ path: 'only', size: 70_000 }])]);
    for (const chunk of [333, 65536]) {
      const [a, b, c] = await scanOuter(outer, chunk);
      expect(a.compression).toBe('none');
      expect(b.compression).toBe('gzip');
      for (const s of [a, b]) {
        expect(rows(s.table)).toEqual(expectedRows);
        expect(s.stats).toEqual(expectedStats);
      }
      expect(c.stats.fileBytes).toBe(70_000);
    }
  });

  it('fails the outer read at a corrupt layer, naming it', async () => {
    const bad = layerTar.slice();
    bad[1024 + 10] ^= 1;
    const outer = await outerArchive([layerTar, bad]);
    await expect(scanOuter(outer, 4096)).rejects.toThrow(
      new InputError('save.tar.gz', 'layer1/layer.tar', 'bad tar header checksum at byte 1024 of the layer tar'),
    );
  });

  it('fails its result when the outer archive stops inside the layer', async () => {
    const sink = new LayerScanSink(opts);
    const parser = new TarParser({ onEntry: () => sink });
    const outer = writeTar([{ path: 'layer.tar', data: layerTar }]);
    parser.push(outer.subarray(0, 3000));
    expect(() => parser.end()).toThrow('truncated');
    await expect(sink.result).rejects.toThrow(new InputError('img.tar', 'blobs/sha256/abc', 'truncated: the archive ended inside this layer'));
  });
});
