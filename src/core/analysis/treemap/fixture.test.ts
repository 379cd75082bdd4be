// The treemap over a real image: seed-a-bloated (six RUN layers: dd, chmod -R copy-ups, rm), read
// by readArchive from ../shared/fixtures and checked against the numbers its .truth.json took
// from the tools that built it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemorySource } from '../../bytes/source.ts';
import { readArchive } from '../../formats/read-archive.ts';
import { LayerStack } from '../../layerstack/stack.ts';
import { ROOT, TreemapHierarchy } from './hierarchy.ts';
import { layoutTreemap } from './layout.ts';
import { finalVisibility } from './visibility.ts';
import { computeWaste } from '../waste.ts';

const FIXTURES = '../shared/fixtures';

interface Truth {
  images: { layers: { regular_file_bytes: number }[]; filesystem: { regular_file_bytes: number } }[];
}

async function load(name: string) {
  const bytes = new Uint8Array(readFileSync(`${FIXTURES}/${name}`));
  const archive = await readArchive(new MemorySource(name, bytes));
  const truth = JSON.parse(readFileSync(`${FIXTURES}/${name}.truth.json`, 'utf8')) as Truth;
  return { image: archive.image, truth: truth.images[0] };
}

describe('treemap of seed-a-bloated.oci.tar', () => {
  it('layer sizes are the layers\' regular-file bytes; visible + wasted = bytes at every node', async () => {
    const { image, truth } = await load('seed-a-bloated.oci.tar');
    const tables = image.layers.map((l) => l.table);
    const bytes = new TreemapHierarchy(tables);
    for (let L = 0; L < tables.length; L++) {
      expect(bytes.size(TreemapHierarchy.layerId(L))).toBe(truth.layers[L].regular_file_bytes);
    }
    const visible = finalVisibility(new LayerStack(tables));
    const seen = new TreemapHierarchy(tables, { measure: 'visible', visible });
    const wasted = new TreemapHierarchy(tables, { measure: 'wasted', visible });
    expect(seen.size(ROOT)).toBe(truth.filesystem.regular_file_bytes);
    expect(wasted.size(ROOT)).toBe(bytes.size(ROOT) - truth.filesystem.regular_file_bytes);
    // /data/one written by dd, copied up by chmod, deleted by rm: every copy is waste.
    const oneIn = (h: TreemapHierarchy, L: number) => {
      const data = Array.from(h.children(TreemapHierarchy.layerId(L)).ids).find((id) => h.path(id) === '/data');
      if (data === undefined) return 0;
      const one = Array.from(h.children(data).ids).find((id) => h.path(id) === '/data/one');
      return one === undefined ? 0 : h.size(one);
    };
    for (const L of [2, 3, 5]) {
      expect(oneIn(wasted, L)).toBe(1 << 20);
      expect(oneIn(seen, L)).toBe(0);
    }
  });

  it('lays out every layer that holds bytes, labels the layers', async () => {
    const { image } = await load('seed-a-bloated.oci.tar');
    const h = new TreemapHierarchy(
      image.layers.map((l) => l.table),
      { layerLabels: image.layers.map((l) => l.createdBy) },
    );
    const l = layoutTreemap(h, ROOT, { x: 0, y: 0, w: 800, h: 600 });
    const layers = Array.from(l.ids.subarray(l.firstChild[0], l.firstChild[0] + l.childCount[0]));
    expect(layers.map((id) => h.layerOf(id)).sort()).toEqual([0, 2, 3, 4, 5]);
    // Largest first: layer 5's chmod copy-up of /data/one and /data/two (2 MiB) beats busybox.
    expect(h.layerOf(layers[0])).toBe(5);
    expect(h.name(layers[0])).toBe('/bin/sh -c chmod -R 0777 /data');
  });
});

describe.each(['whiteouts.oci.tar', 'links-longnames.oci.tar', 'seed-a-bloated-vfs.oci.tar', 'multistage.oci.tar'])('treemap of %s', (name) => {
  it('agrees with the waste engine and the layers\' fileBytes', async () => {
    const { image } = await load(name);
    const tables = image.layers.map((l) => l.table);
    const stack = new LayerStack(tables);
    const waste = computeWaste(stack, tables);
    const visible = finalVisibility(stack);
    const bytes = new TreemapHierarchy(tables);
    image.layers.forEach((l, L) => expect(bytes.size(TreemapHierarchy.layerId(L))).toBe(l.fileBytes));
    expect(bytes.size(ROOT)).toBe(waste.fileBytes);
    expect(new TreemapHierarchy(tables, { measure: 'visible', visible }).size(ROOT)).toBe(waste.finalFileBytes);
    expect(new TreemapHierarchy(tables, { measure: 'wasted', visible }).size(ROOT)).toBe(waste.reclaimableBytes);
  });
});
