// Which layers are the base, read from history the way each builder writes it. Histories here are
// written as the builders write them (Buildah's "FROM" comments, BuildKit's comment and created
// times, an official image's debian entry without a comment); the fixtures test covers real ones.

import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Image } from '../../model/image.ts';
import { LayerTableBuilder } from '../../model/layer-table.ts';
import { findBase, givenBase } from './base-boundary.ts';

type H = { by: string; comment?: string; created?: string; empty?: boolean };

function image(history: H[]): Image {
  let layer = 0;
  const h: HistoryEntry[] = history.map((e, index) => ({
    index,
    createdBy: e.by,
    created: e.created ?? null,
    comment: e.comment ?? null,
    emptyLayer: !!e.empty,
    layerIndex: e.empty ? null : layer++,
  }));
  const table = new LayerTableBuilder().finish();
  return {
    ref: null,
    platform: null,
    configDigest: null,
    created: null,
    config: { env: [], cmd: null, entrypoint: null, workdir: null, user: null, exposedPorts: [], labels: {} },
    history: h,
    layers: Array.from({ length: layer }, (_, index) => ({
      index, diffId: null, digest: null, mediaType: null, compression: 'none' as const, compressedSize: 0, createdBy: null,
      historyIndex: null, estimated: false, table, tarSize: 0, fileBytes: 0, entryCount: 0, fileCount: 0, whiteouts: [], opaqueDirs: [],
    })),
  };
}

const BK = 'buildkit.dockerfile.v0';

describe('findBase', () => {
  it('Buildah: the last "FROM <ref>" comment starts the build, even over a base Buildah built', () => {
    const img = image([
      { by: '/bin/sh -c #(nop) ADD file:abc in / ' },
      { by: '/bin/sh -c #(nop) CMD ["sh"]', empty: true },
      { by: '/bin/sh -c apk add curl', comment: 'FROM docker.io/library/alpine:3' }, // the base's own build
      { by: '/bin/sh -c #(nop) ENV A=1', comment: 'FROM 0123456789ab', empty: true },
      { by: '/bin/sh -c adduser app', comment: 'FROM 0123456789ab' },
      { by: '/bin/sh -c mkdir /app', comment: 'FROM registry.example/base:1' }, // this build
      { by: '/bin/sh -c #(nop) COPY dir:x in /app', comment: 'FROM fedcba987654' },
    ]);
    const b = findBase(img);
    expect([b.layers, b.historyIndex, b.method, b.certain]).toEqual([3, 5, 'buildah-comment', true]);
    expect(b.detail).toMatch(/FROM registry.example\/base:1/);
  });

  it('BuildKit over a base made without BuildKit: the trailing run of its comments', () => {
    const img = image([
      { by: '/bin/sh -c #(nop) ADD file:abc in / ', created: '2024-01-01T00:00:00Z' },
      { by: '/bin/sh -c #(nop)  CMD ["bash"]', created: '2024-01-01T00:00:01Z', empty: true },
      { by: 'WORKDIR /app', comment: BK, created: '2026-12-01T10:00:00Z' },
      { by: 'COPY . . # buildkit', comment: BK, created: '2026-12-01T10:00:05Z' },
      { by: 'RUN /bin/sh -c make # buildkit', comment: BK, created: '2026-12-01T10:03:00Z' },
    ]);
    const b = findBase(img);
    expect([b.layers, b.historyIndex, b.method, b.certain]).toEqual([1, 2, 'buildkit-comment', true]);
  });

  it('BuildKit over an official image BuildKit built too: split at the largest created gap, and say it is a guess', () => {
    const img = image([
      { by: '# debian.sh --arch amd64 out/ bookworm', created: '2026-06-01T00:00:00Z' },
      { by: 'ENV PATH=/usr/local/bin:$PATH', comment: BK, created: '2026-06-10T00:00:00Z', empty: true },
      { by: 'RUN /bin/sh -c apt-get install python # buildkit', comment: BK, created: '2026-06-10T00:05:00Z' },
      { by: 'CMD ["python3"]', comment: BK, created: '2026-06-10T00:05:00Z', empty: true },
      { by: 'WORKDIR /app', comment: BK, created: '2026-12-01T10:00:00Z' },
      { by: 'RUN /bin/sh -c pip install -r req.txt # buildkit', comment: BK, created: '2026-12-01T10:02:00Z' },
    ]);
    const b = findBase(img);
    expect([b.layers, b.historyIndex, b.method, b.certain]).toEqual([2, 4, 'buildkit-comment', false]);
    expect(b.detail).toMatch(/largest gap in created times \(174 days\)/);
  });

  it('nothing to go on: layer 0, as dive assumes, marked as a guess', () => {
    const img = image([{ by: '/bin/sh -c #(nop) ADD file:abc in / ' }, { by: '/bin/sh -c make' }, { by: '/bin/sh -c make install' }]);
    const b = findBase(img);
    expect([b.layers, b.historyIndex, b.method, b.certain]).toEqual([1, null, 'first-layer', false]);
  });

  it('a BuildKit run over the whole history with no gap cannot be told apart: falls through to layer 0', () => {
    const t = '2026-12-01T10:00:00Z';
    const img = image([{ by: 'ADD a /', comment: BK, created: t }, { by: 'RUN make', comment: BK, created: t }]);
    expect(findBase(img).method).toBe('first-layer');
  });

  it('given: clamped to the layers there are, first build entry found', () => {
    const img = image([{ by: 'a' }, { by: 'b', empty: true }, { by: 'c' }]);
    expect(givenBase(img, 1, 'test')).toMatchObject({ layers: 1, historyIndex: 2, method: 'given', certain: true });
    expect(givenBase(img, 9, 'test').layers).toBe(2);
  });
});
