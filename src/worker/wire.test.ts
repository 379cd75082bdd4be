import { describe, expect, it } from 'vitest';
import { CancelledError, InputError } from '../core/errors.ts';
import { DockerfileLimitError } from '../core/dockerfile/errors.ts';
import { LimitError } from '../core/limits.ts';
import { EntryKind } from '../core/model/entry-kind.ts';
import type { ImageArchive, Layer } from '../core/model/image.ts';
import { LayerTableBuilder, type LayerTable } from '../core/model/layer-table.ts';
import { archiveFromWire, archiveToWire, fromWireError, toWireError, transferList } from './wire.ts';

function table(paths: string[]): LayerTable {
  const b = new LayerTableBuilder();
  for (const p of paths) b.add(p, EntryKind.file, p.length, 0o644, 0, 0, 1_700_000_000, null);
  b.add('/lib/link', EntryKind.symlink, 0, 0o777, 0, 0, 0, 'x.so');
  return b.finish();
}

function layer(index: number, t: LayerTable): Layer {
  return {
    index, diffId: `sha256:${index}`, digest: null, mediaType: null, compression: 'gzip', compressedSize: 10, createdBy: 'RUN x',
    historyIndex: index, estimated: false, table: t, tarSize: 20, fileBytes: 5, entryCount: t.count, fileCount: t.count - 1,
    whiteouts: [], opaqueDirs: [],
  };
}

function archive(): ImageArchive {
  return {
    input: { name: 'a.tar', bytes: 100, format: 'oci-layout' },
    images: [{ index: 0, ref: 'a:1', refs: ['a:1'], platform: null, digest: null }],
    selected: 0,
    selectedReason: 'the only image in the archive',
    warnings: ['w'],
    image: {
      ref: 'a:1', platform: { os: 'linux', architecture: 'amd64' }, configDigest: null, created: null, history: [],
      config: { env: [], cmd: null, entrypoint: null, workdir: null, user: null, exposedPorts: [], labels: {} },
      layers: [layer(0, table(['/etc/passwd', '/bin/sh'])), layer(1, table(['/data/é日本']))],
    },
  };
}

describe('archive over the wire', () => {
  it('moves the table buffers (transfer, not copy) and rebuilds working LayerTables', () => {
    const a = archive();
    const sent = a.image.layers.map((l) => l.table);
    const wire = archiveToWire(a);
    expect(wire.transfer.length).toBe(2 * 9); // nine typed arrays per table
    const received = structuredClone(wire.archive, { transfer: wire.transfer });
    // Transferred: the sender's buffers are detached.
    for (const t of sent) expect(t.pathBytes.byteLength).toBe(0);
    const back = archiveFromWire(received);
    expect(back.image.layers[0].table.path(1)).toBe('/bin/sh');
    expect(back.image.layers[1].table.path(0)).toBe('/data/é日本');
    expect(back.image.layers[1].table.linkTarget(1)).toBe('x.so');
    expect(back.selectedReason).toBe('the only image in the archive');
    expect(back.warnings).toEqual(['w']);
  });

  it('moves the content hashes too, when a table has them', () => {
    const a = archive();
    const t = a.image.layers[0].table;
    t.hashes = BigUint64Array.from({ length: t.count }, (_, i) => BigInt(i + 1) << 40n);
    const wire = archiveToWire(a);
    expect(wire.transfer.length).toBe(2 * 9 + 1);
    const received = structuredClone(wire.archive, { transfer: wire.transfer });
    expect(t.hashes.byteLength).toBe(0); // moved, not copied
    const back = archiveFromWire(received);
    expect(Array.from(back.image.layers[0].table.hashes!)).toEqual([1n << 40n, 2n << 40n, 3n << 40n]);
    expect(back.image.layers[1].table.hashes).toBeUndefined();
  });

  it('lists a shared buffer once (twice would make postMessage throw)', () => {
    const cols = table(['/a']).columns();
    const list = transferList([cols, cols]);
    expect(list.length).toBe(9);
    expect(() => structuredClone(cols, { transfer: list })).not.toThrow();
  });
});

describe('errors over the wire', () => {
  it('keeps file, entry and problem of an InputError', () => {
    const e = fromWireError(structuredClone(toWireError(new InputError('a.tar', 'blobs/sha256/ab', 'truncated'), 'a.tar')));
    expect(e).toBeInstanceOf(InputError);
    expect(e).toMatchObject({ file: 'a.tar', entry: 'blobs/sha256/ab', problem: 'truncated' });
  });

  it("keeps a LimitError's limit and value over two hops (layer worker → analyze worker → page)", () => {
    const hop1 = structuredClone(toWireError(new LimitError('a.tar', 'blobs/sha256/ab', 'this layer expands more than 200×', 'maxRatio', 200), 'a.tar'));
    expect(hop1).toMatchObject({ kind: 'input', limit: 'maxRatio', limitValue: 200 });
    const mid = fromWireError(hop1);
    expect(mid).toBeInstanceOf(InputError);
    expect(mid).toMatchObject({ limit: 'maxRatio', value: 200, entry: 'blobs/sha256/ab' });
    const hop2 = structuredClone(toWireError(mid, 'a.tar'));
    expect(hop2).toEqual(hop1);
    expect(hop2.kind === 'input' && hop2.problem).toMatch(/^this layer expands more than 200×: over the limit maxRatio = 200 \(/);
  });

  it("keeps a Dockerfile's limit (maxInstructions) with its line", () => {
    const wire = structuredClone(toWireError(new DockerfileLimitError('Dockerfile', 2001, 'too many', 'maxInstructions', 2000), 'Dockerfile'));
    expect(wire).toMatchObject({ kind: 'input', entry: 'line 2001', limit: 'maxInstructions', limitValue: 2000 });
  });

  it('sends no limit for other input errors', () => {
    expect(toWireError(new InputError('a.tar', null, 'truncated'), 'a.tar')).not.toHaveProperty('limit');
  });

  it('keeps cancellation distinct from failure', () => {
    expect(fromWireError(toWireError(new CancelledError(), 'a.tar'))).toBeInstanceOf(CancelledError);
    expect(fromWireError(toWireError(new DOMException('stop', 'AbortError'), 'a.tar'))).toBeInstanceOf(CancelledError);
  });

  it('reports anything else as an internal error naming the file', () => {
    expect(toWireError(new TypeError('x is undefined'), 'a.tar')).toEqual({ kind: 'internal', file: 'a.tar', message: 'TypeError: x is undefined' });
  });
});
