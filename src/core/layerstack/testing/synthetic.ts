// A synthetic image of realistic shape for measuring the stacker: `layers` layers of `perLayer`
// entries under /usr/lib/pkgN/dirM/..., where each layer after the first re-writes a share of
// earlier paths (copy-ups), whites out a few files and a directory, and makes one directory opaque.

import { EntryKind } from '../../model/entry-kind.ts';
import { LayerTable, LayerTableBuilder } from '../../model/layer-table.ts';

export function syntheticTables(layers: number, perLayer: number): LayerTable[] {
  const tables: LayerTable[] = [];
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  for (let j = 0; j < layers; j++) {
    const b = new LayerTableBuilder(perLayer);
    let n = 0;
    const dirsAdded = new Set<string>();
    const dir = (p: string): void => {
      if (dirsAdded.has(p)) return;
      dirsAdded.add(p);
      b.add(p, EntryKind.dir, 0, 0o755, 0, 0, 1000 + j, null);
      n++;
    };
    dir('/usr');
    dir('/usr/lib');
    if (j > 0) {
      b.add(`/usr/lib/pkg${rand(j * 10)}/dir${rand(20)}`, EntryKind.whiteout, 0, 0, 0, 0, 0, null);
      b.add(`/usr/lib/pkg${rand(j * 10)}`, EntryKind.opaque, 0, 0, 0, 0, 0, null);
      for (let w = 0; w < 50; w++) b.add(`/usr/lib/pkg${rand(j * 10)}/dir${rand(20)}/file${rand(125)}.so`, EntryKind.whiteout, 0, 0, 0, 0, 0, null);
      n += 52;
    }
    while (n < perLayer) {
      // a third of later layers' entries re-write paths of earlier layers
      const pkg = j > 0 && rand(3) === 0 ? rand(j * 10) : j * 10 + rand(10);
      const d = rand(20);
      dir(`/usr/lib/pkg${pkg}`);
      dir(`/usr/lib/pkg${pkg}/dir${d}`);
      const f = rand(125);
      b.add(`/usr/lib/pkg${pkg}/dir${d}/file${f}.so`, EntryKind.file, 1000 + rand(100000), 0o644, 0, 0, 1000 + j, null);
      n++;
    }
    tables.push(b.finish());
  }
  return tables;
}
