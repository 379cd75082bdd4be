// What the treemap view says about a node: layer labels and tooltip lines, from a real hierarchy.

import { describe, expect, it } from 'vitest';
import { ROOT, TreemapHierarchy } from '../../../core/analysis/treemap/hierarchy.ts';
import { EntryKind } from '../../../core/model/entry-kind.ts';
import { LayerTableBuilder } from '../../../core/model/layer-table.ts';
import { crumbLabel, layerLabel, tooltipContent } from './labels.ts';

function table(rows: [string, number][]) {
  const b = new LayerTableBuilder();
  for (const [path, size] of rows) b.add(path, EntryKind.file, size, 0o644, 0, 0, 0, null);
  return b.finish();
}

const layers = [
  { index: 0, createdBy: '/bin/sh -c #(nop) ADD file:abc in / ' },
  { index: 1, createdBy: 'RUN /bin/sh -c dd if=/dev/zero of=/data/one # buildkit' },
  { index: 2, createdBy: null },
];

describe('treemap labels', () => {
  it('labels layers by index and command without the builder noise', () => {
    expect(layers.map(layerLabel)).toEqual(['#0 ADD file:abc in /', '#1 dd if=/dev/zero of=/data/one', '#2']);
  });

  it('says path, size in both units, file count, layer and command', () => {
    const h = new TreemapHierarchy([table([['/etc/a', 1]]), table([['/data/one', 1_048_576], ['/data/two', 3]]), table([['/x\u202Eevil', 5]])], {
      layerLabels: layers.map(layerLabel),
    });
    const data = h.children(TreemapHierarchy.layerId(1)).ids[0];
    expect(tooltipContent(h, data, layers)).toEqual({
      title: '/data',
      size: '1.0 MiB file bytes',
      exact: '1,048,579 bytes',
      files: '2 files',
      layer: 'layer #1',
      command: 'RUN /bin/sh -c dd if=/dev/zero of=/data/one # buildkit',
    });
    const one = h.children(data).ids[0];
    expect(tooltipContent(h, one, layers)).toMatchObject({ title: '/data/one', files: null });
    expect(tooltipContent(h, ROOT, layers)).toMatchObject({ title: 'image', layer: null, command: null, files: '4 files' });
    expect(tooltipContent(h, TreemapHierarchy.layerId(1), layers).title).toBe('layer #1: /');
    const evil = h.children(TreemapHierarchy.layerId(2)).ids[0];
    expect(tooltipContent(h, evil, layers)).toMatchObject({ title: '/x\ufffdevil', command: null });
    expect(crumbLabel(h, TreemapHierarchy.layerId(1))).toBe('#1 dd if=/dev/zero of=/data/one');
  });
});
