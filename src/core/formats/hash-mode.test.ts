// Content hashing 'auto' (layers/hash-mode.ts): gzip/zstd layers hashed, plain ones not, and an
// image that ends up with some layers hashed and some not stays correct: a comparison trusts
// hashes only when both sides carry them, else falls back to the size + mtime heuristic.

import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../analysis/ci/duplicates.ts';
import { computeWaste } from '../analysis/waste.ts';
import { MemorySource } from '../bytes/source.ts';
import { ociLayout } from '../hostile/build-archive.ts';
import { hashesLayer, hashSetting, insideCompressedArchive, type HashSetting } from '../layers/hash-mode.ts';
import { LayerStack } from '../layerstack/stack.ts';
import { ChangeMark } from '../model/entry-kind.ts';
import type { ImageArchive } from '../model/image.ts';
import { gzip, writeTar } from '../tar/testing/write-tar.ts';
import { readArchive } from './read-archive.ts';

describe('hashesLayer', () => {
  it.each([
    ['auto', 'gzip', true],
    ['auto', 'zstd', true],
    ['auto', 'none', false],
    [true, 'none', true],
    [false, 'gzip', false],
    [undefined, 'gzip', false],
  ] as const)('%s on a %s layer: %s', (setting, compression, want) => {
    expect(hashesLayer(setting, compression)).toBe(want);
  });

  it('maps the modes people choose, and hashes every layer of a compressed archive under auto', () => {
    expect([hashSetting('auto'), hashSetting('on'), hashSetting('off')]).toEqual(['auto', true, false]);
    expect([insideCompressedArchive('auto'), insideCompressedArchive(false), insideCompressedArchive(undefined)]).toEqual([true, false, undefined]);
  });
});

// Layer 0 (gzip): f, g, h and two files with the same bytes.
// Layer 1 (plain): f rewritten with the same size and mtime but other bytes (the heuristic calls
//   it a copy-up); g copied up by chmod with a new mtime (the heuristic calls it modified).
// Layer 2 (gzip): h rewritten with the same size and mtime, other bytes.
const LAYERS = [
  {
    gz: true,
    entries: [
      { path: 'f', data: 'aaaa', mtime: 100 },
      { path: 'g', data: 'gggg', mtime: 100, mode: 0o644 },
      { path: 'h', data: 'hhhh', mtime: 100 },
      { path: 'd1', data: 'dup!', mtime: 100 },
      { path: 'd2', data: 'dup!', mtime: 100 },
    ],
  },
  {
    gz: false,
    entries: [
      { path: 'f', data: 'bbbb', mtime: 100 },
      { path: 'g', data: 'gggg', mtime: 200, mode: 0o755 },
    ],
  },
  { gz: true, entries: [{ path: 'h', data: 'HHHH', mtime: 100 }] },
];

async function mixedImage(): Promise<Uint8Array> {
  const blobs = await Promise.all(LAYERS.map(async (l) => (l.gz ? gzip(writeTar(l.entries)) : writeTar(l.entries))));
  return ociLayout({ layers: blobs });
}

async function read(hash: HashSetting, outerGzip = false): Promise<ImageArchive> {
  const bytes = outerGzip ? await gzip(await mixedImage()) : await mixedImage();
  return readArchive(new MemorySource('mixed.tar', bytes), { hash });
}

const NAMES = Object.fromEntries(Object.entries(ChangeMark).map(([k, v]) => [v, k]));

function marks(a: ImageArchive): string[] {
  const tables = a.image.layers.map((l) => l.table);
  const stack = new LayerStack(tables);
  return [1, 2].map((i) => {
    const m = stack.changes(i);
    return Array.from({ length: tables[i].count }, (_, r) => `${tables[i].path(r)}:${NAMES[m[r]]}`).join(' ');
  });
}

function wasteReasons(a: ImageArchive): string {
  const tables = a.image.layers.map((l) => l.table);
  return computeWaste(new LayerStack(tables), tables)
    .files.map((f) => `${f.path}@${f.layer}:${f.reason}`)
    .sort()
    .join(' ');
}

describe("an image with some layers hashed and some not ('auto' over gzip and plain layers)", () => {
  it('hashes the gzip layers only', async () => {
    const a = await read('auto');
    expect(a.image.layers.map((l) => [l.compression, l.table.hashes !== undefined])).toEqual([
      ['gzip', true],
      ['none', false],
      ['gzip', true],
    ]);
  });

  it('judges a change by hash only where both layers were hashed, else by size and mtime', async () => {
    // Layer 1 against layer 0: one side unhashed, the heuristic (wrong on both f and g, as without hashes).
    // Layer 2 against layer 0: both hashed, exact (the heuristic would call h a copy-up).
    expect(marks(await read('auto'))).toEqual(['/f:attributes /g:modified', '/h:modified']);
    expect(marks(await read(true))).toEqual(['/f:modified /g:attributes', '/h:modified']);
    expect(marks(await read(false))).toEqual(['/f:attributes /g:modified', '/h:attributes']);
  });

  it('carries the same judgement into the waste reasons', async () => {
    expect(wasteReasons(await read('auto'))).toBe('/f@0:copied-up /g@0:overwritten /h@0:overwritten');
    expect(wasteReasons(await read(true))).toBe('/f@0:overwritten /g@0:copied-up /h@0:overwritten');
  });

  it('finds duplicates only when every layer was hashed (an unhashed layer could hold a copy)', async () => {
    const dup = (a: ImageArchive) => findDuplicates(new LayerStack(a.image.layers.map((l) => l.table)));
    expect(dup(await read('auto'))).toBeNull();
    expect(dup(await read(true))?.groups.map((g) => g.copies.map((c) => c.path))).toEqual([['/d1', '/d2']]);
  });

  it('hashes every layer of a gzipped archive under auto: its bytes are decompressed anyway', async () => {
    const a = await read('auto', true);
    expect(a.image.layers.map((l) => l.table.hashes !== undefined)).toEqual([true, true, true]);
    expect(marks(a)).toEqual(['/f:modified /g:attributes', '/h:modified']);
    const off = await read(false, true);
    expect(off.image.layers.some((l) => l.table.hashes)).toBe(false);
  });
});
