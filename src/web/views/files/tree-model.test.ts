// The file tree's model on real fixtures: sizes add up to the layers' file bytes, sort orders are
// deterministic, closed directories hide their rows, filters keep matches and their ancestors.

import { describe, expect, it } from 'vitest';
import { ChangeMark } from '../../../core/model/entry-kind.ts';
import { PathIndex } from '../../model/path-index.ts';
import { stackedFixture } from '../../model/stacked-fixture.ts';
import { FileTreeModel } from './tree-model.ts';

const seed = await stackedFixture('seed-a-bloated.oci.tar');
const layers = seed.archive.image.layers;
const paths = (m: FileTreeModel, rows: { count: number; rows: Int32Array }) => Array.from(rows.rows.subarray(0, rows.count), (i) => m.path(i));

describe('FileTreeModel', () => {
  it('sums the regular-file bytes of a layer, and of the final filesystem', () => {
    for (const l of layers) {
      const m = new FileTreeModel(seed.view('layer', l.index), seed.img);
      const top = m.children(-1, 'size');
      expect(Array.from(top).reduce((a, i) => a + m.size[i], 0)).toBe(l.fileBytes);
    }
    const merged = new FileTreeModel(seed.view('merged', 6), seed.img);
    expect(Array.from(merged.children(-1, 'name')).reduce((a, i) => a + merged.size[i], 0)).toBe(3030941);
  });

  it('sorts by size (largest first) or by name, the same way every time', () => {
    const m = new FileTreeModel(seed.view('merged', 6), seed.img);
    const bySize = Array.from(m.children(-1, 'size'));
    for (let k = 1; k < bySize.length; k++) expect(m.size[bySize[k - 1]]).toBeGreaterThanOrEqual(m.size[bySize[k]]);
    const names = Array.from(m.children(-1, 'name'), (i) => m.name(i));
    expect(names).toEqual([...names].sort());
    expect(names).toContain('data');
  });

  it('walks only open directories', () => {
    const m = new FileTreeModel(seed.view('merged', 6), seed.img);
    const closed = m.flatten(() => false, 'name', null);
    expect(paths(m, closed).every((p) => p.lastIndexOf('/') === 0)).toBe(true);
    const open = m.flatten((i) => m.path(i) === '/data', 'name', null);
    const shown = paths(m, open);
    expect(shown.slice(shown.indexOf('/data'), shown.indexOf('/data') + 3)).toEqual(['/data', '/data/one', '/data/two']);
    expect(open.depth[shown.indexOf('/data/one')]).toBe(1);
    expect(m.path(m.indexOfNode(seed.img.nodeOf(seed.img.entry(2, 0))))).toMatch(/^\/data/);
  });

  it('keeps what matches a filter, with its ancestors', () => {
    const m = new FileTreeModel(seed.view('merged', 6), seed.img);
    const index = new PathIndex(seed.img.facts.skeleton, (n) => seed.img.name(n), (n) => seed.img.path(n));
    const keep = m.keepMatching(index.nameMatches('TWO'));
    expect(paths(m, m.flatten(() => true, 'name', keep))).toEqual(['/data', '/data/two']);
  });

  it('shows only changes: layer 6 deletes /data/one', () => {
    const m = new FileTreeModel(seed.view('merged', 6), seed.img);
    const rows = m.flatten(() => true, 'size', m.keepChanges());
    expect(paths(m, rows)).toEqual(['/data', '/data/one']);
    const one = rows.rows[1];
    expect(m.mark(one)).toBe(ChangeMark.deleted);
    expect(m.shownSize(one)).toBe(1048576);
    expect(m.layer(one)).toBe(5);
  });
});
