import { describe, expect, it } from 'vitest';
import { EntryKind } from './entry-kind.ts';
import { LayerTableBuilder } from './layer-table.ts';

describe('LayerTableBuilder', () => {
  const ascii = (s: string) => new TextEncoder().encode(s);

  it('takes paths as strings or as appended bytes, in any mix, past its first capacity', () => {
    const b = new LayerTableBuilder(2);
    const want: string[] = [];
    for (let i = 0; i < 300; i++) {
      const path = `/dir-${i % 7}/${'n'.repeat(i % 90)}-${i}`;
      want.push(path);
      if (i % 3 === 0) b.add(path, EntryKind.file, i, 0o644, 0, 0, 0, null);
      else if (i % 3 === 1) {
        const bytes = ascii(`xx${path.slice(1)}yy`);
        b.appendPath(bytes.subarray(2, bytes.length - 2), true);
        b.addRow(EntryKind.file, i, 0o644, 0, 0, 0, null);
      } else {
        // bytes first, then the rest as a string: one path
        const cut = 4;
        b.appendPath(ascii(path.slice(0, cut)));
        b.add(path.slice(cut), EntryKind.dir, 0, 0o755, 0, 0, 0, null);
      }
    }
    const t = b.finish();
    expect(t.count).toBe(300);
    expect(Array.from({ length: t.count }, (_, i) => t.path(i))).toEqual(want);
    expect(t.pathOffsets[t.count]).toBe(t.pathBytes.length);
    expect(t.sizes[4]).toBe(4);
  });

  it('leaves bytes appended after the last row out of the table', () => {
    const b = new LayerTableBuilder();
    b.add('/a', EntryKind.file, 1, 0o644, 0, 0, 0, null);
    b.appendPath(ascii('/dangling'));
    const t = b.finish();
    expect(t.pathBytes.length).toBe(2);
    expect(t.path(0)).toBe('/a');
  });
});
