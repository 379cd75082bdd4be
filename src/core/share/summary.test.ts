// Image summaries: the real seed-a-bloated image's summary carries its true layer sizes and waste
// through a link; cut to any budget, every folder keeps its size, and the model rebuilt from the
// summary draws the same areas as the image (property test over synthetic images).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MemorySource } from '../bytes/source.ts';
import { readArchive } from '../formats/read-archive.ts';
import { syntheticLayerTables } from '../analysis/treemap/synthetic.ts';
import { TreemapHierarchy } from '../analysis/treemap/hierarchy.ts';
import { EntryKind } from '../model/entry-kind.ts';
import { decodeShare, encodeShare } from './link.ts';
import type { DirNode, TreeNode } from './schema-v1.ts';
import { summarizeImage } from './summary.ts';
import { summaryArchive } from './summary-archive.ts';
import { summaryTrees } from './summary-tree.ts';

const FIXTURES = '../shared/fixtures';

async function load(name: string) {
  return readArchive(new MemorySource(name, new Uint8Array(readFileSync(`${FIXTURES}/${name}`))));
}

/** Every folder's bytes ≥ its children's, and its files ≥ theirs. */
function consistent(n: TreeNode): boolean {
  if (n.length === 2) return true;
  const [, bytes, files, kids] = n;
  const sb = kids.reduce((s, k) => s + k[1], 0);
  const sf = kids.reduce((s, k) => s + (k.length === 4 ? k[2] : 1), 0);
  return sb <= bytes && sf <= files && kids.every(consistent);
}

function count(n: TreeNode): number {
  return n.length === 2 ? 1 : 1 + n[3].reduce((s, k) => s + count(k), 0);
}

describe('image summary', () => {
  it('carries seed-a-bloated through a link: sizes, commands, waste', async () => {
    const archive = await load('seed-a-bloated.oci.tar');
    const summary = summarizeImage(archive);
    const truth = JSON.parse(readFileSync(`${FIXTURES}/seed-a-bloated.oci.tar.truth.json`, 'utf8')).images[0];
    expect(summary.layers.map((l) => [l.compressedSize, l.tarSize, l.fileBytes])).toEqual(
      truth.layers.map((l: { compressed_size: number; uncompressed_size: number; regular_file_bytes: number }) => [l.compressed_size, l.uncompressed_size, l.regular_file_bytes]),
    );
    expect(summary.history.map((h) => h.createdBy)).toEqual(truth.history.map((h: { created_by: string }) => h.created_by));
    expect(summary.waste.reclaimableBytes).toBe(4 * 1024 * 1024);
    expect(summary.cut).toBe(false);
    const hash = await encodeShare({ kind: 'image', summary, view: { layer: 2, zoom: { layer: 2, path: '/data' } } });
    console.log(`seed-a-bloated summary link: ${hash.length} characters`);
    const back = await decodeShare(hash);
    expect(back.ok && back.state).toEqual({ kind: 'image', summary, view: { layer: 2, zoom: { layer: 2, path: '/data' } } });
  });

  it('rebuilds a model whose layers and folders have the summary sizes', async () => {
    const archive = await load('whiteouts.oci.tar');
    const summary = summarizeImage(archive, { treeChars: 600 });
    const model = summaryArchive(summary);
    expect(model.image.layers.map((l) => l.fileBytes)).toEqual(archive.image.layers.map((l) => l.fileBytes));
    const h = new TreemapHierarchy(model.image.layers.map((l) => l.table));
    model.image.layers.forEach((l, i) => expect(h.size(TreemapHierarchy.layerId(i))).toBe(l.fileBytes));
    expect(model.image.history.map((x) => x.createdBy)).toEqual(archive.image.history.map((x) => x.createdBy));
    expect(model.image.layers.map((l) => [l.whiteouts, l.opaqueDirs])).toEqual(archive.image.layers.map((l) => [l.whiteouts, l.opaqueDirs]));
    expect(archive.image.layers.some((l) => l.whiteouts.length > 0)).toBe(true);
    expect(archive.image.layers.some((l) => l.opaqueDirs.length > 0)).toBe(true);
  });

  it('cuts to the budget and keeps every size, for any image and budget', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 20_000 }), (files, layers, chars) => {
        const tables = syntheticLayerTables({ files, layers, seed: files + layers });
        const { trees, cut } = summaryTrees(tables, { chars });
        const json = JSON.stringify(trees).length;
        // The estimate (name + 24) is above the real cost of every node, so the budget holds.
        expect(json).toBeLessThanOrEqual(Math.max(chars, 30 * tables.length) + 2);
        trees.forEach((t, L) => {
          expect(consistent(t)).toBe(true);
          // The same path twice: the later row wins, as extraction does (layer-tree.ts).
          const last = new Map<string, number>();
          const t0 = tables[L];
          for (let r = 0; r < t0.count; r++) if (t0.kinds[r] !== EntryKind.whiteout && t0.kinds[r] !== EntryKind.opaque) last.set(t0.path(r), r);
          let bytes = 0;
          for (const r of last.values()) if (t0.kinds[r] === EntryKind.file) bytes += t0.sizes[r];
          expect(t[1]).toBe(bytes);
        });
        const model = summaryArchive({
          input: { name: 'x', bytes: 0, format: 'oci-layout' }, ref: null, platform: null, created: null,
          layers: trees.map((tree) => ({ diffId: null, mediaType: null, compression: 'none', compressedSize: 0, tarSize: 0, fileBytes: tree[1], entryCount: 0, fileCount: tree[2], estimated: false, whiteouts: [], opaqueDirs: [], tree })),
          history: [], waste: { fileBytes: 0, finalFileBytes: 0, reclaimableBytes: 0, efficiency: 1, diveEfficiency: 1, files: [] }, cut,
        });
        const h = new TreemapHierarchy(model.image.layers.map((l) => l.table));
        trees.forEach((t, L) => expect(h.size(TreemapHierarchy.layerId(L))).toBe(t[1]));
        if (!cut) expect(trees.reduce((s, t) => s + count(t), 0)).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('skips names from a link that would change a path', () => {
    const tree: DirNode = ['/', 30, 3, [['..', 10], ['a/b', 10], ['ok', 10]]];
    const model = summaryArchive({
      input: { name: 'x', bytes: 0, format: 'oci-layout' }, ref: null, platform: 'linux/arm64/v8', created: null,
      layers: [{ diffId: null, mediaType: null, compression: 'none', compressedSize: 0, tarSize: 0, fileBytes: 30, entryCount: 3, fileCount: 3, estimated: false, whiteouts: [], opaqueDirs: [], tree }],
      history: [{ createdBy: 'x', emptyLayer: false, layerIndex: 0 }], waste: { fileBytes: 30, finalFileBytes: 30, reclaimableBytes: 0, efficiency: 1, diveEfficiency: 1, files: [] }, cut: false,
    });
    const t = model.image.layers[0].table;
    expect(Array.from({ length: t.count }, (_, i) => t.path(i))).toEqual(['/', '/ok', '/… 2 more files']);
    expect(model.image.platform).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
  });
});
