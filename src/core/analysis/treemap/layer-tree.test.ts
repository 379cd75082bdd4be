import { describe, expect, it } from 'vitest';
import { EntryKind } from '../../model/entry-kind.ts';
import { LayerTableBuilder } from '../../model/layer-table.ts';
import { findNode, layerTree, nodePath } from './layer-tree.ts';
import { syntheticLayerTables } from './synthetic.ts';

describe('findNode', () => {
  it('finds every node of a synthetic layer by its own path', () => {
    for (const table of syntheticLayerTables({ files: 3000, layers: 3, seed: 7 })) {
      const t = layerTree(table);
      for (let n = 0; n < t.count; n++) expect(findNode(t, nodePath(t, n))).toBe(n);
    }
  });

  it('reads paths with or without slashes around them, and non-ASCII names', () => {
    const b = new LayerTableBuilder();
    b.add('/usr/share/zoneinfo/Europe/Zürich', EntryKind.file, 10, 0o644, 0, 0, 0, null);
    const t = layerTree(b.finish());
    const leaf = findNode(t, '/usr/share/zoneinfo/Europe/Zürich');
    expect(leaf).toBeGreaterThan(0);
    expect(nodePath(t, leaf)).toBe('/usr/share/zoneinfo/Europe/Zürich');
    expect(findNode(t, 'usr/share/')).toBe(findNode(t, '/usr/share'));
    expect(findNode(t, '/')).toBe(0);
    expect(findNode(t, '')).toBe(0);
  });

  it('answers -1 for a path the layer does not hold (a prefix of a name is not the name)', () => {
    const b = new LayerTableBuilder();
    b.add('/usr/libexec/x', EntryKind.file, 1, 0o644, 0, 0, 0, null);
    const t = layerTree(b.finish());
    expect(findNode(t, '/usr/lib')).toBe(-1);
    expect(findNode(t, '/usr/libexec/x/y')).toBe(-1);
    expect(findNode(t, '/etc')).toBe(-1);
  });
});
