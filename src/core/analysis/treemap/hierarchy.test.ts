// The treemap hierarchy: tree shape from paths, sizes per level against a naive path→bytes
// reference, deterministic order, folding of small children, and the real bloat fixture.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntryKind } from '../../model/entry-kind.ts';
import { LayerTableBuilder, type LayerTable } from '../../model/layer-table.ts';
import { ROOT, TreemapHierarchy } from './hierarchy.ts';
import { syntheticLayerTables } from './synthetic.ts';

type Row = [path: string, kind: EntryKind, size: number];

function table(rows: Row[]): LayerTable {
  const b = new LayerTableBuilder(4);
  for (const [path, kind, size] of rows) b.add(path, kind, size, 0o644, 0, 0, 0, null);
  return b.finish();
}

const F = EntryKind.file;
const D = EntryKind.dir;

/** Names of the children as drawn. */
function childNames(h: TreemapHierarchy, id: number): string[] {
  const c = h.children(id);
  return Array.from(c.ids, (x) => h.name(x));
}

/** Every node reachable through children(), depth first. */
function walk(h: TreemapHierarchy, id: number, fn: (id: number) => void): void {
  fn(id);
  const c = h.children(id);
  for (let i = 0; i < c.count; i++) walk(h, c.ids[i], fn);
}

describe('TreemapHierarchy: shape', () => {
  it('makes implied directories, keeps the later of a repeated path, leaves whiteouts out', () => {
    const t = table([
      ['/usr/lib/a.so', F, 300],
      ['/usr', D, 0],
      ['/etc/passwd', F, 10],
      ['/etc/passwd', F, 40], // repeated: the later row wins, as extraction does
      ['/old', EntryKind.whiteout, 0],
      ['/usr/bin/ln', EntryKind.hardlink, 0],
      ['/usr/bin/sh', EntryKind.symlink, 0],
    ]);
    const h = new TreemapHierarchy([t]);
    const layer = TreemapHierarchy.layerId(0);
    expect(childNames(h, ROOT)).toEqual(['layer 0']);
    expect(childNames(h, layer)).toEqual(['usr', 'etc']); // /usr/bin holds no bytes: not drawn
    expect(h.size(layer)).toBe(340);
    const [usr, etc] = h.children(layer).ids;
    expect(h.kind(usr)).toBe('dir');
    expect(h.rowOf(usr)).toBe(1); // the explicit dir entry came after its child
    expect(h.path(h.children(usr).ids[0])).toBe('/usr/lib');
    const passwd = h.children(etc).ids[0];
    expect([h.path(passwd), h.size(passwd), h.rowOf(passwd), h.kind(passwd)]).toEqual(['/etc/passwd', 40, 3, 'file']);
    expect(h.ancestors(passwd).map((id) => h.name(id))).toEqual(['image', 'layer 0', 'etc', 'passwd']);
    expect(h.layerOf(passwd)).toBe(0);
  });

  it('sizes add up at every level and match a naive path → bytes sum', () => {
    const tables = syntheticLayerTables({ files: 4000, layers: 4, seed: 7 });
    const h = new TreemapHierarchy(tables, { foldFraction: 0 });
    // Reference: decode every path, last row per path wins, add its bytes to every ancestor.
    const expected = new Map<string, number>();
    tables.forEach((t, L) => {
      const last = new Map<string, number>();
      for (let r = 0; r < t.count; r++) if (t.kinds[r] !== EntryKind.whiteout) last.set(t.path(r), r);
      for (const [path, r] of last) {
        const bytes = t.kinds[r] === F ? t.sizes[r] : 0;
        for (let p = path; ; p = p.slice(0, Math.max(1, p.lastIndexOf('/')))) {
          expected.set(`${L}:${p}`, (expected.get(`${L}:${p}`) ?? 0) + bytes);
          if (p === '/') break;
        }
      }
    });
    let nodes = 0;
    walk(h, ROOT, (id) => {
      nodes++;
      const c = h.children(id);
      let sum = 0;
      for (let i = 0; i < c.count; i++) sum += c.sizes[i];
      if (h.kind(id) !== 'file') expect(sum).toBe(h.size(id));
      if (id !== ROOT) expect(h.size(id)).toBe(expected.get(`${h.layerOf(id)}:${h.path(id)}`));
    });
    expect(nodes).toBeGreaterThan(4000);
    let total = 0;
    for (const t of tables) for (let r = 0; r < t.count; r++) total += t.kinds[r] === F ? t.sizes[r] : 0;
    expect(h.size(ROOT)).toBeLessThanOrEqual(total); // repeated paths inside a layer count once
  });
});

describe('TreemapHierarchy: against a naive reference, any paths', () => {
  // Few names, so paths share prefixes, repeat, and name files that are also parents.
  const name = fc.constantFrom('a', 'b', 'é', 'a b', '日', '.x', 'lib');
  const row = fc.tuple(
    fc.array(name, { minLength: 1, maxLength: 4 }),
    fc.constantFrom(EntryKind.file, EntryKind.file, EntryKind.dir, EntryKind.symlink, EntryKind.hardlink, EntryKind.whiteout, EntryKind.opaque),
    fc.integer({ min: 0, max: 1000 }),
  );
  it('every node\'s size is the bytes of the last row per path under it', () => {
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 30 }), { minLength: 1, maxLength: 3 }), fc.constantFrom(0, 0.001, 0.2), (layers, fold) => {
        const tables = layers.map((rows) => table(rows.map(([parts, kind, size]) => [`/${parts.join('/')}`, kind as EntryKind, size])));
        const h = new TreemapHierarchy(tables, { foldFraction: fold });
        let total = 0;
        tables.forEach((t, L) => {
          const last = new Map<string, number>();
          for (let r = 0; r < t.count; r++) if (t.kinds[r] !== EntryKind.whiteout && t.kinds[r] !== EntryKind.opaque) last.set(t.path(r), r);
          const under = (dir: string) => {
            let sum = 0;
            for (const [p, r] of last) if ((p === dir || p.startsWith(dir === '/' ? '/' : `${dir}/`)) && t.kinds[r] === F) sum += t.sizes[r];
            return sum;
          };
          expect(h.size(TreemapHierarchy.layerId(L))).toBe(under('/'));
          total += under('/');
          walk(h, TreemapHierarchy.layerId(L), (id) => {
            if (id >= 0) expect(h.size(id)).toBe(under(h.path(id)));
            const c = h.children(id);
            let sum = 0;
            for (let i = 0; i < c.count; i++) {
              sum += c.sizes[i];
              expect(c.sizes[i]).toBeGreaterThan(0);
              if (i > 0 && c.ids[i] >= 0) expect(c.sizes[i]).toBeLessThanOrEqual(c.sizes[i - 1]);
            }
            // A file that is also a parent (`/a/b` then a file `/a` in one tar) keeps its own bytes too.
            const r = h.rowOf(id);
            const own = r >= 0 && t.kinds[r] === F ? t.sizes[r] : 0;
            if (c.count > 0) expect(sum + own).toBe(h.size(id));
          });
        });
        expect(h.size(ROOT)).toBe(total);
      }),
      { numRuns: 300 },
    );
  });
});

describe('TreemapHierarchy: order', () => {
  it('sorts by size descending, then name by UTF-8 bytes, layers by index on ties', () => {
    const t = table([
      ['/d/b', F, 5],
      ['/d/é', F, 5],
      ['/d/a', F, 5],
      ['/d/B', F, 5],
      ['/d/big', F, 50],
    ]);
    const h = new TreemapHierarchy([t, t, table([['/x', F, 999]])]);
    const d = h.children(TreemapHierarchy.layerId(0)).ids[0];
    expect(childNames(h, d)).toEqual(['big', 'B', 'a', 'b', 'é']);
    expect(childNames(h, ROOT)).toEqual(['layer 2', 'layer 0', 'layer 1']);
  });

  it('gives the same children whatever the order of the tar', () => {
    const tables = syntheticLayerTables({ files: 3000, layers: 2, seed: 3 });
    const shuffled = tables.map((t) => {
      const rows: Row[] = [];
      for (let r = 0; r < t.count; r++) rows.push([t.path(r), t.kinds[r] as EntryKind, t.sizes[r]]);
      // Reverse, then keep each repeated path's rows in their original order (the later wins).
      const seen = new Map<string, Row[]>();
      for (const row of rows) seen.set(row[0], [...(seen.get(row[0]) ?? []), row]);
      return table([...seen.values()].reverse().flat());
    });
    const a = new TreemapHierarchy(tables);
    const b = new TreemapHierarchy(shuffled);
    const dump = (h: TreemapHierarchy) => {
      const out: string[] = [];
      walk(h, ROOT, (id) => out.push(`${h.path(id)} ${h.name(id)} ${h.size(id)}`));
      return out;
    };
    expect(dump(b)).toEqual(dump(a));
  });
});

describe('TreemapHierarchy: folding', () => {
  it('folds children below the fraction into one node that opens onto them', () => {
    const rows: Row[] = [['/big', F, 1_000_000]];
    for (const n of ['t3', 't1', 't2', 't4', 't5']) rows.push([`/${n}`, F, 100]);
    const h = new TreemapHierarchy([table(rows)], { foldFraction: 0.001 });
    const layer = TreemapHierarchy.layerId(0);
    const c = h.children(layer);
    expect(childNames(h, layer)).toEqual(['big', '5 small files']);
    const fold = c.ids[1];
    expect([h.kind(fold), h.size(fold), c.sizes[1], h.fileCount(fold), h.parent(fold), h.path(fold)]).toEqual(['fold', 500, 500, 5, layer, '/']);
    expect(childNames(h, fold)).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(h.ancestors(fold)).toEqual([ROOT, layer, fold]);
    expect(h.layerOf(fold)).toBe(0);
  });

  it('does not fold a single small child, nor children that are all small', () => {
    const one = new TreemapHierarchy([table([['/big', F, 1_000_000], ['/tiny', F, 1]])]);
    expect(childNames(one, TreemapHierarchy.layerId(0))).toEqual(['big', 'tiny']);
    const rows: Row[] = [];
    for (let i = 0; i < 3000; i++) rows.push([`/f${i}`, F, 10]);
    const flat = new TreemapHierarchy([table(rows)]);
    expect(flat.children(TreemapHierarchy.layerId(0)).count).toBe(3000);
  });

  it('folds again inside a fold, by the same rule, and the parts add up', () => {
    const rows: Row[] = [['/a', F, 1_000_000]];
    for (let i = 0; i < 4; i++) rows.push([`/m${i}`, F, 500]); // < 0.1% of the layer, > 0.1% of the fold
    for (let i = 0; i < 3; i++) rows.push([`/s${i}`, F, 1]); // < 0.1% of the fold
    const h = new TreemapHierarchy([table(rows)]);
    const fold = h.children(TreemapHierarchy.layerId(0)).ids[1];
    expect(childNames(h, fold)).toEqual(['m0', 'm1', 'm2', 'm3', '3 small files']);
    const inner = h.children(fold).ids[4];
    expect(h.parent(inner)).toBe(fold);
    expect([h.size(fold), h.size(inner)]).toEqual([2003, 3]);
    expect(childNames(h, inner)).toEqual(['s0', 's1', 's2']);
  });
});
