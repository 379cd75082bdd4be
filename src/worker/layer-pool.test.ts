// The layer pool against real fixture layers. Node has no Web Worker, so each "worker" here is an
// in-process channel to the real layer handler (layer-handler.ts, what layer.worker.ts runs):
// replies are structured-cloned with their transfer lists, as postMessage would, and terminate()
// cuts the channel. Everything else (pool, handler, scanLayer, readArchive) is the real code.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BlobSource, MemorySource, SliceSource } from '../core/bytes/source.ts';
import { CancelledError, InputError } from '../core/errors.ts';
import { readArchive } from '../core/formats/read-archive.ts';
import { createLayerHandler } from './layer-handler.ts';
import { LayerPool, layerBlob, poolSize } from './layer-pool.ts';
import type { ToLayerWorker } from './protocol.ts';

const FIXTURES = new URL('../../../shared/fixtures/', import.meta.url);
const fixture = (name: string) => new BlobSource(name, new Blob([readFileSync(new URL(name, FIXTURES))]));

class ChannelWorker {
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly received: ToLayerWorker[] = [];
  private readonly handle = createLayerHandler((msg, transfer = []) => {
    if (this.terminated) return;
    const data = structuredClone(msg, { transfer });
    setTimeout(() => !this.terminated && this.onmessage?.({ data } as MessageEvent));
  });

  postMessage(msg: ToLayerWorker): void {
    if (this.terminated) return;
    this.received.push(msg);
    setTimeout(() => !this.terminated && this.handle(msg));
  }

  terminate(): void {
    this.terminated = true;
  }
}

function pool(size: number): { pool: LayerPool; workers: ChannelWorker[] } {
  const workers: ChannelWorker[] = [];
  const p = new LayerPool(size, () => {
    const w = new ChannelWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  return { pool: p, workers };
}

const summary = (a: Awaited<ReturnType<typeof readArchive>>) =>
  a.image.layers.map((l) => ({ ...l, table: Array.from({ length: l.table.count }, (_, i) => `${l.table.path(i)} ${l.table.kinds[i]} ${l.table.sizes[i]}`) }));

describe('LayerPool', () => {
  it.each(['seed-a-bloated.oci.tar', 'seed-a-bloated.oci-zstd.tar', 'whiteouts.docker.tar'])(
    'reads %s exactly as scanning in place does, on at most `size` workers',
    async (name) => {
      const { pool: p, workers } = pool(2);
      const viaPool = await readArchive(fixture(name), { scanLayer: p.scanLayer });
      const inPlace = await readArchive(fixture(name));
      expect(summary(viaPool)).toEqual(summary(inPlace));
      expect(workers.length).toBe(2);
      const scans = workers.flatMap((w) => w.received.filter((m) => m.type === 'scan'));
      expect(scans.length).toBe(inPlace.image.layers.length);
      p.terminate();
    },
  );

  it('queues beyond its size and runs every job', async () => {
    const { pool: p, workers } = pool(1);
    const a = await readArchive(fixture('seed-a-bloated.oci.tar'), { scanLayer: p.scanLayer });
    expect(a.image.layers.length).toBe(7);
    expect(workers.length).toBe(1);
  });

  it('turns a bad layer into an InputError naming the file and the entry', async () => {
    const { pool: p } = pool(1);
    const junk = new MemorySource('bad', new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 1, 2, 3]));
    const err = await p.scanLayer(junk, { fileName: 'app.tar', entryName: 'blobs/sha256/abc' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file: 'app.tar', entry: 'blobs/sha256/abc' });
  });

  it('rejects a queued job when its signal aborts, and everything on terminate()', async () => {
    const { pool: p, workers } = pool(1);
    const layer = fixture('seed-a-bloated.oci.tar');
    const ctl = new AbortController();
    const first = p.scanLayer(layer, { fileName: 'a', entryName: 'one' });
    const second = p.scanLayer(layer, { fileName: 'a', entryName: 'two', signal: ctl.signal });
    const third = p.scanLayer(layer, { fileName: 'a', entryName: 'three' });
    await new Promise((r) => setTimeout(r, 0));
    ctl.abort();
    await expect(second).rejects.toBeInstanceOf(CancelledError);
    p.terminate();
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    await expect(third).rejects.toBeInstanceOf(CancelledError);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });
});

describe('LayerPool: the read options reach each layer worker', () => {
  const hashedLayers = (a: Awaited<ReturnType<typeof readArchive>>) => a.image.layers.map((l) => l.table.hashes !== undefined);

  it.each([
    // name, hash setting, which layers come back hashed
    ['seed-a-bloated.oci.tar', 'auto', true], // gzip layers: hashed under auto
    ['seed-a-bloated.oci-zstd.tar', 'auto', true],
    ['seed-a-bloated.docker.tar', 'auto', false], // plain layer tars: not under auto
    ['seed-a-bloated.docker.tar', true, true],
    ['seed-a-bloated.oci.tar', false, false],
  ] as const)('%s with hash %s: hashes %s', async (name, hash, hashed) => {
    const { pool: p, workers } = pool(2);
    const a = await readArchive(fixture(name), { scanLayer: p.scanLayer, hash });
    expect(hashedLayers(a)).toEqual(a.image.layers.map(() => hashed));
    const scans = workers.flatMap((w) => w.received.filter((m) => m.type === 'scan'));
    expect(scans.every((m) => m.hash === hash)).toBe(true);
    // The same hashes as scanning in place: the column crossed the channel intact.
    const inPlace = await readArchive(fixture(name), { hash });
    a.image.layers.forEach((l, i) => expect(l.table.hashes).toEqual(inPlace.image.layers[i].table.hashes));
    p.terminate();
  });

  it('applies the read limits in the worker, and the LimitError keeps its name and value', async () => {
    const { pool: p, workers } = pool(1);
    const err = await readArchive(fixture('seed-a-bloated.oci.tar'), { scanLayer: p.scanLayer, limits: { maxEntries: 40 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ limit: 'maxEntries', value: 40 });
    expect((err as InputError).problem).toMatch(/over the limit maxEntries = 40/);
    const scan = workers[0].received.find((m) => m.type === 'scan');
    expect(scan?.type === 'scan' && scan.limits?.maxEntries).toBe(40);
    p.terminate();
  });
});

describe('layerBlob', () => {
  it('slices the File behind a source instead of copying it', async () => {
    const file = fixture('whiteouts.oci.tar');
    const slice = new SliceSource('x', file, 1000, 5000);
    const blob = await layerBlob(slice);
    expect(blob.size).toBe(5000);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(await file.read(1000, 5000));
  });

  it('copies bytes that have no File behind them', async () => {
    const blob = await layerBlob(new MemorySource('m', new Uint8Array([1, 2, 3])));
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });
});

describe('poolSize', () => {
  it('runs one layer worker per core, at least one', () => {
    expect(poolSize(8)).toBe(8);
    expect(poolSize(2)).toBe(2);
    expect(poolSize(1)).toBe(1);
    expect(poolSize(0)).toBe(1);
    expect(poolSize(undefined)).toBe(2);
  });
});
