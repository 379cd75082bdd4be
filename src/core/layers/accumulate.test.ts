import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kindName } from '../model/entry-kind.ts';
import type { LayerTable } from '../model/layer-table.ts';
import { normalizePath } from '../tar/normalize.ts';
import { TarParser, type TarEntry } from '../tar/parser.ts';
import { writeTar, type EntrySpec } from '../tar/testing/write-tar.ts';
import { LayerAccumulator } from './accumulate.ts';

/** Scans `tar` with the accumulator: rows as [path, kind, size, link] and the stats. */
function scan(tar: Uint8Array, chunk = 1 << 20) {
  const acc = new LayerAccumulator();
  const p = new TarParser({ onEntry: (e) => acc.add(e) });
  for (let o = 0; o < tar.length; o += chunk) p.push(tar.subarray(o, o + chunk));
  p.end();
  const s = acc.finish(p.position, p.entryCount, 'none');
  return { rows: rowsOf(s.table), stats: s.stats };
}

function rowsOf(t: LayerTable): [string, string, number, string | null][] {
  return Array.from({ length: t.count }, (_, i) => [t.path(i), kindName(t.kinds[i]), t.sizes[i], t.linkTarget(i)]);
}

/** The same entries without raw bytes: every row goes through normalizePath and the string path. */
function scanByStrings(tar: Uint8Array) {
  const acc = new LayerAccumulator();
  const p = new TarParser({
    onEntry: (e: TarEntry) => {
      e.rawPath = undefined;
      return acc.add(e);
    },
  });
  p.push(tar);
  p.end();
  const s = acc.finish(p.position, p.entryCount, 'none');
  return { rows: rowsOf(s.table), stats: s.stats };
}

describe('LayerAccumulator', () => {
  it('stores header bytes and normalized strings alike', () => {
    const tar = writeTar(
      [
        { path: 'etc/', type: 'dir' },
        { path: 'etc/passwd', data: 'root' },
        { path: './usr//bin/', type: 'dir' },
        { path: 'usr/bin/../lib/x', data: 'x' },
        { path: '/abs/file', data: 'y' },
        { path: 'données/é', data: 'z' },
        { path: 'deep/'.repeat(25) + 'leaf', data: '1' },
        { path: 'data/.wh.gone' },
        { path: 'data/.wh..wh..opq' },
        { path: '.wh.top' },
        { path: 'data/.wh..wh.plnk' },
        { path: 'l', type: 'symlink', linkname: '../t' },
        { path: 'h', type: 'hardlink', linkname: './etc//passwd' },
        { path: 'x', pax: { path: 'pax/./named' }, data: 'p' },
      ],
      { longNames: 'ustar' },
    );
    const { rows, stats } = scan(tar);
    expect(rows).toEqual([
      ['/etc', 'dir', 0, null],
      ['/etc/passwd', 'file', 4, null],
      ['/usr/bin', 'dir', 0, null],
      ['/usr/lib/x', 'file', 1, null],
      ['/abs/file', 'file', 1, null],
      ['/données/é', 'file', 1, null],
      ['/' + 'deep/'.repeat(25) + 'leaf', 'file', 1, null],
      ['/data/gone', 'whiteout', 0, null],
      ['/data', 'opaque', 0, null],
      ['/top', 'whiteout', 0, null],
      ['/data/.wh..wh.plnk', 'other', 0, null],
      ['/l', 'symlink', 0, '../t'],
      ['/h', 'hardlink', 0, '/etc/passwd'],
      ['/pax/named', 'file', 1, null],
    ]);
    expect(stats).toMatchObject({ fileCount: 6, fileBytes: 9, whiteouts: ['/data/gone', '/top'], opaqueDirs: ['/data'] });
  });

  // The fast path (bytes copied) against the string path on random names and chunkings.
  it('gives the same table with and without raw bytes', () => {
    const seg = fc.constantFrom('', '.', '..', 'a', 'bin', '.wh.x', '.wh..wh..opq', 'ü', 'long-segment-name-'.repeat(3));
    const entry = fc.record({
      segs: fc.array(seg, { minLength: 1, maxLength: 9 }),
      lead: fc.constantFrom('', '/', './'),
      type: fc.constantFrom('file', 'dir', 'symlink', 'hardlink') as fc.Arbitrary<EntrySpec['type']>,
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 2000 }), (specs, chunk) => {
        const entries: EntrySpec[] = specs.map((s, i) => ({
          path: s.lead + s.segs.join('/') + (s.type === 'dir' ? '/' : ''),
          type: s.type,
          data: s.type === 'file' ? 'x'.repeat(i) : undefined,
          linkname: s.type === 'symlink' || s.type === 'hardlink' ? s.segs.join('/') : undefined,
        }));
        const tar = writeTar(entries, { longNames: 'pax' });
        const fast = scan(tar, chunk);
        const slow = scanByStrings(tar);
        expect(fast).toEqual(slow);
        // and every path is in the model's canonical form
        for (const [path] of fast.rows) expect(normalizePath(path)).toBe(path);
      }),
      { numRuns: 200 },
    );
  });
});
