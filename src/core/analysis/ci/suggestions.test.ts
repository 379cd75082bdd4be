// Duplicates found by content hash, and the suggestions read from which step made and which hid
// each wasted copy, on small layers written as tars and scanned with hashing on.

import { describe, expect, it } from 'vitest';
import { MemorySource } from '../../bytes/source.ts';
import { scanLayer } from '../../layers/scan.ts';
import { LayerStack } from '../../layerstack/stack.ts';
import type { LayerTable } from '../../model/layer-table.ts';
import { writeTar, type EntrySpec } from '../../tar/testing/write-tar.ts';
import type { Image } from '../../model/image.ts';
import { givenBase } from './base-boundary.ts';
import { findDuplicates } from './duplicates.ts';
import { computeCiFigures } from './figures.ts';
import { suggest, suggestionText } from './suggestions.ts';

async function table(entries: EntrySpec[]): Promise<LayerTable> {
  return (await scanLayer(new MemorySource('t', writeTar(entries)), { fileName: 't', entryName: 'l', hash: true })).table;
}

function image(tables: LayerTable[], commands: string[]): Image {
  return {
    ref: null, platform: null, configDigest: null, created: null,
    config: { env: [], cmd: null, entrypoint: null, workdir: null, user: null, exposedPorts: [], labels: {} },
    history: commands.map((createdBy, index) => ({ index, createdBy, created: null, comment: null, emptyLayer: false, layerIndex: index })),
    layers: tables.map((t, index) => ({
      index, diffId: null, digest: null, mediaType: null, compression: 'none' as const, compressedSize: 0, createdBy: commands[index], historyIndex: index,
      estimated: false, table: t, tarSize: 0, fileBytes: 0, entryCount: t.count, fileCount: 0, whiteouts: [], opaqueDirs: [],
    })),
  };
}

const same = 'x'.repeat(5000);

describe('findDuplicates', () => {
  it('groups identical bytes at different visible paths; hard links, empty files and hidden copies are not duplicates', async () => {
    const tables = [
      await table([
        { path: 'a', data: same },
        { path: 'h', type: 'hardlink', linkname: 'a' },
        { path: 'e1', data: '' },
        { path: 'e2', data: '' },
        { path: 'gone', data: same },
      ]),
      await table([
        { path: 'b', data: same },
        { path: 'c', data: `${same.slice(1)}y` }, // same size, other bytes
        { path: '.wh.gone', data: '' },
      ]),
    ];
    const d = findDuplicates(new LayerStack(tables))!;
    expect(d.groups).toHaveLength(1);
    expect(d.groups[0]).toMatchObject({ size: 5000, extraBytes: 5000, copies: [{ path: '/a', layer: 0 }, { path: '/b', layer: 1 }] });
    expect(d.groups[0].hash).toMatch(/^[0-9a-f]{16}$/);
    expect(d.extraBytes).toBe(5000);
  });

  it('is null without hashes', async () => {
    const t = (await scanLayer(new MemorySource('t', writeTar([{ path: 'a', data: 'x' }])), { fileName: 't', entryName: 'l' })).table;
    expect(findDuplicates(new LayerStack([t]))).toBeNull();
  });
});

describe('suggest', () => {
  it('reads create-then-delete, copy-ups of COPY, package caches and duplicates from the steps', async () => {
    const tables = [
      await table([{ path: 'bin/sh', data: 'base' }]),
      await table([{ path: 'app/cfg', data: 'c'.repeat(300), mode: 0o644 }]),
      await table([{ path: 'tmp/build.o', data: 'o'.repeat(4000) }, { path: 'var/lib/apt/lists/main', data: 'l'.repeat(2000) }]),
      await table([{ path: 'tmp/.wh.build.o', data: '' }, { path: 'app/cfg', data: 'c'.repeat(300), mode: 0o600 }, { path: 'app/copy', data: 'c'.repeat(300) }]),
    ];
    const cmds = [
      '/bin/sh -c #(nop) ADD file:base in / ',
      '/bin/sh -c #(nop) COPY file:cfg in /app/cfg ',
      '/bin/sh -c apt-get update && make -C /tmp',
      '/bin/sh -c rm /tmp/build.o && chmod 600 /app/cfg && cp /app/cfg /app/copy',
    ];
    const img = image(tables, cmds);
    const stack = new LayerStack(tables);
    const f = computeCiFigures(img, stack, givenBase(img, 1, 'test'));
    const s = suggest(f, stack, findDuplicates(stack));
    expect(s.map((x) => `${x.kind} ${x.bytes} ${x.layers.join(',')}`)).toEqual([
      'create-then-delete 4000 2,3',
      'package-cache 2000 2',
      'copy-up 300 1,3',
      'duplicates 300 3', // both visible copies are layer 3's: /app/cfg was copied up there
    ]);
    expect(suggestionText(s[0])).toBe('merge the consecutive RUNs of layer 2 (`RUN apt-get update && make -C /tmp`) and layer 3 (`RUN rm /tmp/build.o && chmod 600 /app/cfg && cp /app/cfg /app/copy`) into one RUN: the second deletes what the first creates');
    expect(suggestionText(s[1])).toMatch(/rm -rf \/var\/lib\/apt\/lists\/\*/);
    expect(suggestionText(s[2])).toMatch(/use `COPY --chmod=…` \/ `--chown=…`/);
  });
});
