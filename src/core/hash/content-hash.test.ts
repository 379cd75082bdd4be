import { describe, expect, it } from 'vitest';
import { MemorySource } from '../bytes/source.ts';
import { scanLayer, scanTarStream } from '../layers/scan.ts';
import { LayerStack } from '../layerstack/stack.ts';
import { ChangeMark } from '../model/entry-kind.ts';
import { chunked, gzip, pattern, writeTar } from '../tar/testing/write-tar.ts';
import { createContentHasher, hashHex, NOT_HASHED } from './content-hash.ts';

const enc = new TextEncoder();
const opts = { fileName: 't.tar', entryName: 'layer' };

async function xxh64(bytes: Uint8Array): Promise<string> {
  const h = await createContentHasher();
  h.begin();
  h.update(bytes);
  return hashHex(h.end());
}

describe('content hash', () => {
  it('is XXH64 with seed 0 (the reference values of xxhsum -H1)', async () => {
    // xxhsum -H1 /dev/null → ef46db3751d8e999; printf abc | xxhsum -H1 → 44bc2cf5ad770999
    expect(await xxh64(new Uint8Array(0))).toBe('ef46db3751d8e999');
    expect(await xxh64(enc.encode('abc'))).toBe('44bc2cf5ad770999');
  });

  it('gives the same digest whatever the chunking', async () => {
    const data = pattern(300_000, 7);
    const h = await createContentHasher();
    h.begin();
    for (let o = 0; o < data.length; o += 4093) h.update(data.subarray(o, o + 4093));
    expect(hashHex(h.end())).toBe(await xxh64(data));
  });
});

describe('scan with hash: true', () => {
  const big = pattern(200_000, 3);
  const tar = writeTar([
    { path: 'etc/', type: 'dir' },
    { path: 'etc/a', data: 'same bytes' },
    { path: 'etc/b', data: 'same bytes' },
    { path: 'etc/c', data: 'other bytes' },
    { path: 'etc/empty', data: '' },
    { path: 'etc/big', data: big },
    { path: 'etc/link', type: 'symlink', linkname: 'a' },
    { path: 'etc/hard', type: 'hardlink', linkname: 'etc/a' },
  ]);

  it('fills one hash per regular file, NOT_HASHED elsewhere, uncompressed and gzipped alike', async () => {
    const plain = await scanLayer(new MemorySource('t.tar', tar), { ...opts, hash: true });
    const gz = await scanTarStream(chunked(await gzip(tar), [1, 3, 700, 5000]), { ...opts, hash: true });
    for (const { table } of [plain, gz]) {
      const h = table.hashes!;
      expect(h).toBeInstanceOf(BigUint64Array);
      expect(h.length).toBe(table.count);
      const at = (p: string) => h[[...Array(table.count).keys()].find((i) => table.path(i) === p)!];
      expect(at('/etc')).toBe(NOT_HASHED);
      expect(at('/etc/link')).toBe(NOT_HASHED);
      expect(at('/etc/hard')).toBe(NOT_HASHED);
      expect(at('/etc/a')).toBe(at('/etc/b'));
      expect(at('/etc/a')).not.toBe(at('/etc/c'));
      expect(hashHex(at('/etc/empty'))).toBe('ef46db3751d8e999');
      expect(hashHex(at('/etc/big'))).toBe(await xxh64(big));
    }
  });

  it('is off by default: no hashes column', async () => {
    const s = await scanLayer(new MemorySource('t.tar', tar), opts);
    expect(s.table.hashes).toBeUndefined();
  });

  it('survives the worker wire: columns() carries the hashes and buffers() lists them', async () => {
    const s = await scanLayer(new MemorySource('t.tar', tar), { ...opts, hash: true });
    expect(s.table.columns().hashes).toBe(s.table.hashes);
    expect(s.table.buffers()).toContain(s.table.hashes!.buffer);
  });
});

describe('change marks with hashes', () => {
  // Layer 1 rewrites /f with the same size and the same mtime but other bytes (the case the
  // size+mtime heuristic gets wrong), and /g with the same bytes, a new mode and a new mtime
  // (a copy-up the heuristic calls modified).
  const lower = writeTar([
    { path: 'f', data: 'aaaa', mtime: 100 },
    { path: 'g', data: 'gggg', mtime: 100, mode: 0o644 },
  ]);
  const upper = writeTar([
    { path: 'f', data: 'bbbb', mtime: 100 },
    { path: 'g', data: 'gggg', mtime: 200, mode: 0o755 },
  ]);

  async function marks(hash: boolean): Promise<string> {
    const tables = await Promise.all([lower, upper].map(async (t) => (await scanLayer(new MemorySource('t', t), { ...opts, hash })).table));
    const m = new LayerStack(tables).changes(1);
    const name = (v: number) => Object.entries(ChangeMark).find(([, n]) => n === v)![0];
    return [0, 1].map((r) => `${tables[1].path(r)}:${name(m[r])}`).join(' ');
  }

  it('without hashes: the size+mtime heuristic (wrong on both)', async () => {
    expect(await marks(false)).toBe('/f:attributes /g:modified');
  });

  it('with hashes: exact', async () => {
    expect(await marks(true)).toBe('/f:modified /g:attributes');
  });
});
