import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Image, Layer } from '../../../core/model/image.ts';
import { LayerTableBuilder } from '../../../core/model/layer-table.ts';
import { buildRows } from './rows.ts';

function layer(index: number, historyIndex: number | null): Layer {
  return {
    index, diffId: null, digest: null, mediaType: null, compression: 'none', compressedSize: 0, createdBy: null,
    historyIndex, estimated: false, table: new LayerTableBuilder().finish(),
    tarSize: 0, fileBytes: 0, entryCount: 0, fileCount: 0, whiteouts: [], opaqueDirs: [],
  };
}
function hist(index: number, layerIndex: number | null, emptyLayer = layerIndex === null): HistoryEntry {
  return { index, createdBy: `step ${index}`, created: null, comment: null, emptyLayer, layerIndex };
}
function image(layers: Layer[], history: HistoryEntry[]): Image {
  return {
    ref: null, platform: null, configDigest: null, created: null, layers, history,
    config: { env: [], cmd: null, entrypoint: null, workdir: null, user: null, exposedPorts: [], labels: {} },
  };
}
const shape = (img: Image) => buildRows(img).map((r) => [r.key, r.layerIndex, r.empty, r.missing]);

describe('buildRows', () => {
  it('pairs every history entry with its layer, empty entries point at the layer below', () => {
    const img = image([layer(0, 1), layer(1, 2)], [hist(0, null), hist(1, 0), hist(2, 1), hist(3, null)]);
    expect(shape(img)).toEqual([
      ['h0', -1, true, false],
      ['h1', 0, false, false],
      ['h2', 1, false, false],
      ['h3', 1, true, false],
    ]);
  });

  it('keeps layers no history entry claims, in layer order', () => {
    const img = image([layer(0, null), layer(1, 0), layer(2, null)], [hist(0, 1), hist(1, null)]);
    expect(shape(img)).toEqual([
      ['l0', 0, false, false],
      ['h0', 1, false, false],
      ['h1', 1, true, false],
      ['l2', 2, false, false],
    ]);
  });

  it('marks a non-empty entry whose layer is missing', () => {
    const img = image([layer(0, 0)], [hist(0, 0), hist(1, null, false)]);
    expect(shape(img)).toEqual([
      ['h0', 0, false, false],
      ['h1', 0, false, true],
    ]);
  });

  it('shows layers when there is no history at all', () => {
    expect(shape(image([layer(0, null), layer(1, null)], []))).toEqual([
      ['l0', 0, false, false],
      ['l1', 1, false, false],
    ]);
  });

  it('gives one row per history entry plus one per unclaimed layer', () => {
    const layers = [layer(0, 0), layer(1, null), layer(2, 3)];
    const history = [hist(0, 0), hist(1, null), hist(2, null), hist(3, 2)];
    const rows = buildRows(image(layers, history));
    expect(rows.length).toBe(history.length + 1);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});
