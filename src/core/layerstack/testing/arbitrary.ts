// fast-check generators of small random layer stacks for the property tests: a few paths that
// nest (/a, /a/b, /a/b/c, ...) so that whiteouts, opaque markers, files over directories and
// directories over files keep colliding; sizes, modes and mtimes from tiny sets so that copy-ups
// (same size and mtime, other mode) happen often.

import fc from 'fast-check';
import { EntryKind } from '../../model/entry-kind.ts';
import { LayerTable, LayerTableBuilder } from '../../model/layer-table.ts';

export const PATHS = ['/', '/a', '/a/b', '/a/b/c', '/a/d', '/e', '/e/f', '/e/f/g', '/h'];

export interface GenEntry {
  path: string;
  kind: EntryKind;
  size: number;
  mode: number;
  uid: number;
  mtime: number;
  link: string | null;
}

const kindArb = fc.constantFrom<EntryKind>(
  EntryKind.file, EntryKind.file, EntryKind.dir, EntryKind.dir, EntryKind.symlink,
  EntryKind.hardlink, EntryKind.whiteout, EntryKind.whiteout, EntryKind.opaque, EntryKind.other,
);

export const entryArb: fc.Arbitrary<GenEntry> = fc
  .record({
    path: fc.constantFrom(...PATHS),
    kind: kindArb,
    size: fc.constantFrom(0, 1, 5, 100),
    mode: fc.constantFrom(0o644, 0o755),
    uid: fc.constantFrom(0, 1000),
    mtime: fc.constantFrom(1, 2),
    target: fc.constantFrom(...PATHS.slice(1)),
  })
  .map(({ path, kind, size, mode, uid, mtime, target }) => {
    // a whiteout of "/" means nothing in a tar: keep markers and links on real names
    const p = kind === EntryKind.whiteout && path === '/' ? '/a' : path;
    const link = kind === EntryKind.hardlink || kind === EntryKind.symlink ? target : null;
    return { path: p, kind, size: kind === EntryKind.file ? size : 0, mode, uid, mtime, link };
  });

export const stackArb: fc.Arbitrary<GenEntry[][]> = fc.array(fc.array(entryArb, { maxLength: 8 }), { minLength: 1, maxLength: 5 });

export function tablesOf(layers: GenEntry[][]): LayerTable[] {
  return layers.map((entries) => {
    const b = new LayerTableBuilder(4);
    for (const e of entries) b.add(e.path, e.kind, e.size, e.mode, e.uid, 0, e.mtime, e.link);
    return b.finish();
  });
}
