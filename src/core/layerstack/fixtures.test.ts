// LayerStack against every real fixture: the merged filesystem at the top must be what
// `umoci unpack` saw (each `.truth.json`'s images[].filesystem), built from the tools' own tar
// listings (testing/from-truth.ts). Also the waste figures of the seed-a-bloated family.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeWaste } from '../analysis/waste.ts';
import { EntryKind } from '../model/entry-kind.ts';
import { LayerStack } from './stack.ts';
import { layerTablesFromTruth, type Truth } from './testing/from-truth.ts';

const DIR = '../shared/fixtures';
const truths = readdirSync(DIR)
  .filter((f) => f.endsWith('.truth.json'))
  .sort()
  .map((f) => ({ name: f, truth: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Truth }));

const MiB = 1024 * 1024;

describe('merged filesystem at the top equals umoci unpack', () => {
  it('finds the fixtures', () => {
    expect(truths.length).toBeGreaterThan(40);
  });

  for (const { name, truth } of truths) {
    truth.images.forEach((image, i) => {
      it(`${name} image ${i}`, () => {
        expect(image.layers.every((l) => !l.entries_omitted)).toBe(true);
        const tables = layerTablesFromTruth(image);
        const stack = new LayerStack(tables);
        const files: Record<string, number> = {};
        const links: Record<string, string> = {};
        const others: string[] = [];
        stack.mergedAt(stack.layerCount - 1).forEach((path, layer, row) => {
          const t = tables[layer];
          const rel = path.slice(1);
          const kind = t.kinds[row];
          if (kind === EntryKind.file || kind === EntryKind.hardlink) files[rel] = stack.entrySize(layer, row);
          else if (kind === EntryKind.symlink) links[rel] = t.linkTarget(row) ?? '';
          else if (kind === EntryKind.other) others.push(rel);
        });
        expect(files).toEqual(Object.fromEntries(image.filesystem.regular_files.map((f) => [f.path, f.size])));
        expect(links).toEqual(Object.fromEntries(image.filesystem.symlinks.map((s) => [s.path, s.target])));
        expect(others.sort()).toEqual(image.filesystem.other.map((o) => o.path).sort());

        const waste = computeWaste(stack, tables);
        expect(waste.fileBytes).toBe(image.layers.reduce((a, l) => a + l.regular_file_bytes, 0));
        if (image.filesystem.regular_files.every((f) => f.nlink === 1)) {
          expect(waste.finalFileBytes).toBe(image.filesystem.regular_files.reduce((a, f) => a + f.size, 0));
        }
        expect(waste.reclaimableBytes).toBe(waste.files.reduce((a, f) => a + f.size, 0));
      });
    });
  }
});

describe('read paths at the truth listings\' whiteouts and opaque directories', () => {
  for (const { name, truth } of truths.filter((t) => t.name.startsWith('whiteouts'))) {
    it(name, () => {
      const image = truth.images[0];
      const stack = new LayerStack(layerTablesFromTruth(image));
      let checked = 0;
      image.layers.forEach((layer, i) => {
        for (const w of layer.whiteouts ?? []) {
          const r = stack.readPath(w.deletes, i);
          expect(r.steps[0]).toEqual({ layer: i, outcome: 'whiteout' });
          expect(r.found).toBeNull();
          checked++;
        }
        for (const dir of layer.opaque_dirs ?? []) {
          // every child the layers below had is hidden at i, and read as opaque there
          for (let j = 0; j < i; j++) {
            for (const e of image.layers[j].entries) {
              if (!e.path.startsWith(dir + '/') || layer.entries.some((x) => x.path === e.path)) continue;
              expect(stack.readPath(e.path, i).steps[0]).toEqual({ layer: i, outcome: 'opaque' });
              checked++;
            }
          }
        }
      });
      expect(checked).toBeGreaterThanOrEqual(6);
    });
  }
});

describe('seed-a-bloated waste', () => {
  const bloated = truths.filter((t) => t.name.startsWith('seed-a-bloated.'));

  it('covers every archive of it', () => {
    expect(bloated.length).toBeGreaterThanOrEqual(6);
  });

  for (const { name, truth } of bloated) {
    it(`${name}: 4 MiB reclaimable, three copies of one and the first copy of two`, () => {
      const tables = layerTablesFromTruth(truth.images[0]);
      const w = computeWaste(new LayerStack(tables), tables);
      expect(w.reclaimableBytes).toBe(4 * MiB);
      expect(w.files.map((f) => `${f.path}@${f.layer} ${f.reason} by ${f.byLayer}`)).toEqual([
        '/data/one@2 copied-up by 3',
        '/data/one@3 copied-up by 5',
        '/data/two@4 copied-up by 5',
        '/data/one@5 deleted by 6',
      ]);
      // dive: /data/one in 4 layers (3 MiB, the whiteout counts 0) + /data/two in 2 (2 MiB)
      expect(w.diveWastedBytes).toBe(5 * MiB);
      const busybox = 1982365; // bytes of the base layer's regular files
      expect(w.diveEfficiency).toBeCloseTo((busybox + MiB) / (busybox + 5 * MiB), 12);
      expect(w.efficiency).toBeCloseTo((busybox + MiB) / (busybox + 5 * MiB), 12);
    });
  }
});
