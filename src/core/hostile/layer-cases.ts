// Hand-made hostile LAYERS, each wrapped in an otherwise good image: decompression bombs,
// millions of entries, names no filesystem takes (NUL, "..", 64 KB, 10,000 levels deep), links
// that go nowhere or in circles, duplicates, odd whiteouts, odd entry types.

import { writeTar, type EntrySpec } from '../tar/testing/write-tar.ts';
import { concatBytes } from '../bytes/concat.ts';
import { bigFileHeader, dockerSave, gzip, gzipBomb, ociLayout, zstdFrame } from './build-archive.ts';
import { errorCase, eitherCase, resultCase, type CaseGroup, type HostileCase } from './case.ts';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

type Make = () => Promise<Uint8Array>;

function archive(name: string, group: CaseGroup, make: Make, extra: Partial<HostileCase> = {}): Omit<HostileCase, 'expect'> {
  return { name: `${group}-${name}`, group, kind: 'archive', fileName: `${name}.tar`, bytes: make, ...extra };
}

/** One layer (tar entries) in a docker save, the layer uncompressed. */
const inDockerSave = (entries: EntrySpec[]): Make => async () => dockerSave({ layers: [writeTar(entries)] });
/** One layer, gzipped, in an OCI layout. */
const inOciGzip = (entries: EntrySpec[]): Make => async () => ociLayout({ layers: [await gzip(writeTar(entries))] });

const good: EntrySpec[] = [
  { path: 'etc/', type: 'dir' },
  { path: 'etc/passwd', data: 'root:x:0:0::/root:/bin/sh\n' },
];

export function layerCases(): HostileCase[] {
  const out: HostileCase[] = [];

  // ---- bombs: stopped by the expansion ratio within a second or two, or by the declared size at once
  out.push(
    errorCase(
      archive('gzip-bomb-declared-8GiB', 'bomb', async () => ociLayout({ layers: [await gzipBomb(bigFileHeader('zeros', 8 * GiB), 160)] }), { cli: true }),
      /expands more than 200×.*decompression bomb/,
    ),
    // The same check past a lower floor (the CLI's --limit ratioFloorBytes=64M): quicker to run.
    errorCase(
      archive('gzip-bomb-after-end-marker', 'bomb', async () => ociLayout({ layers: [await gzipBomb(writeTar(good), 20)] }), { limits: { ratioFloorBytes: 64 * MiB } }),
      /expands more than 200×/,
    ),
    errorCase(
      archive('gzip-bomb-declared-100GiB', 'bomb', async () => ociLayout({ layers: [await gzipBomb(bigFileHeader('zeros', 100 * GiB), 2)] }), { cli: true }),
      /declare more than 64 GiB/,
    ),
    errorCase(
      archive('zstd-bomb-10GiB-in-320KB', 'bomb', async () => ociLayout({ layers: [zstdFrame([{ raw: bigFileHeader('zeros', 10 * GiB) }, { rle: 0, count: 10 * GiB }])] }), { cli: true }),
      /expands more than 200×/,
    ),
    errorCase(
      archive('zstd-bomb-after-end-marker', 'bomb', async () => ociLayout({ layers: [zstdFrame([{ raw: writeTar(good) }, { rle: 0, count: 4 * GiB }])] })),
      /expands more than 200×/,
    ),
    errorCase(
      archive('zstd-bomb-of-ones', 'bomb', async () => ociLayout({ layers: [zstdFrame([{ raw: bigFileHeader('ones', 20 * GiB) }, { rle: 0xff, count: 20 * GiB }])] })),
      /expands more than 200×/,
    ),
    errorCase(
      archive('gzip-outer-bomb', 'bomb', async () => gzipBomb(writeTar([{ path: 'manifest.json', data: '[]' }], { endBlocks: 0 }), 160)),
      /the gzip-compressed archive expands more than 200×/,
    ),
    errorCase(
      archive('bomb-under-lower-bytes-limit', 'bomb', async () => ociLayout({ layers: [zstdFrame([{ raw: bigFileHeader('zeros', 512 * MiB) }, { rle: 0, count: 512 * MiB }])] }), {
        limits: { maxDecompressedBytes: 64 * MiB },
        cli: true,
      }),
      /over the limit maxDecompressedBytes = 64 MiB \(the CLI's --max-bytes raises it\)/,
    ),
    // 128 MiB of zeros in a file (a `dd if=/dev/zero` demo): past a 32 MiB floor the ratio
    // refuses it, and raised, the same layer is read.
    errorCase(
      archive('zeros-over-ratio', 'bomb', async () => ociLayout({ layers: [await gzipBomb(bigFileHeader('zeros', 128 * MiB), 2)] }), { limits: { ratioFloorBytes: 32 * MiB } }),
      /expands more than 200×/,
    ),
    resultCase(
      archive('zeros-read-with-ratio-raised', 'bomb', async () => ociLayout({ layers: [await gzipBomb(bigFileHeader('zeros', 128 * MiB), 2)] }), {
        limits: { ratioFloorBytes: 32 * MiB, maxRatio: 5000 },
        cli: true,
      }),
    ),
  );

  // ---- entries: a million, a limit lowered and raised
  out.push(
    errorCase(archive('million-empty-entries', 'entries', async () => ociLayout({ layers: [await millionEntries()] })), /more than 1,000,000 tar entries/),
    errorCase(
      archive('20k-entries-limit-10k', 'entries', async () => dockerSave({ layers: [manyEntries(20_000)] }), { limits: { maxEntries: 10_000 }, cli: true }),
      /more than 10,000 tar entries: over the limit maxEntries = 10,000 \(the CLI's --max-entries raises it\)/,
    ),
    resultCase(archive('20k-entries-limit-raised', 'entries', async () => dockerSave({ layers: [manyEntries(20_000)] }), { limits: { maxEntries: 50_000 } })),
    errorCase(
      archive('total-entries-over-layers', 'entries', async () => dockerSave({ layers: [manyEntries(6_000, 'a'), manyEntries(6_000, 'b')] }), { limits: { maxTotalEntries: 10_000 } }),
      /more than 10,000 tar entries together/,
    ),
    errorCase(archive('2000-layers', 'entries', async () => manyLayers(2000), { cli: true }), /lists 2,000 layers: over the limit maxLayers/),
    resultCase(archive('zero-layers', 'entries', async () => dockerSave({ layers: [] }))),
    resultCase(archive('empty-layer-tar', 'entries', async () => dockerSave({ layers: [new Uint8Array(1024)] }))),
  );

  // ---- names
  const nameCase = (name: string, entries: EntrySpec[], says?: RegExp, outcome: 'error' | 'result' | 'either' = says ? 'error' : 'result') => {
    const c = archive(name, 'names', inDockerSave(entries));
    out.push(outcome === 'error' ? errorCase(c, says) : outcome === 'result' ? resultCase(c, says) : eitherCase(c));
    const z = archive(`${name}-gzip`, 'names', inOciGzip(entries));
    out.push(outcome === 'error' ? errorCase(z, says) : outcome === 'result' ? resultCase(z, says) : eitherCase(z));
  };
  nameCase('nul-in-pax-path', [...good, { path: 'evil', pax: { path: 'etc/pass\0wd' }, data: 'x' }], /PAX path holds a NUL byte/);
  nameCase('nul-in-pax-linkpath', [...good, { path: 'l', type: 'symlink', linkname: 'x', pax: { linkpath: 'a\0b' } }], /PAX linkpath holds a NUL byte/);
  nameCase('dotdot-escape', [...good, { path: '../../../etc/shadow', data: 'x' }, { path: 'a/../../b', data: 'y' }], /climb above the root/, 'result');
  nameCase('hardlink-dotdot', [...good, { path: 'h', type: 'hardlink', linkname: '../../etc/passwd' }], /climbs above the root/, 'result');
  nameCase('absolute-paths', [{ path: '/etc/', type: 'dir' }, { path: '/etc/passwd', data: 'x' }, { path: '//usr///bin/./x', data: 'y' }]);
  nameCase('64KB-name', [...good, { path: `${'n'.repeat(65_536)}`, data: 'x' }], /path is 65,536 bytes long.*maxPathBytes/);
  nameCase('10000-deep-path', [...good, { path: `${'d/'.repeat(10_000)}f`, data: 'x' }], /maxPathBytes/);
  nameCase('600-deep-path', [...good, { path: `${'d/'.repeat(600)}f`, data: 'x' }], /601 levels deep.*maxPathDepth/);
  nameCase('64KB-symlink-target', [...good, { path: 'l', type: 'symlink', linkname: 't'.repeat(65_536) }], /link target is 65,536 bytes/);
  nameCase('2MB-gnu-long-name', [...good, { path: 'x'.repeat(2 * MiB), data: 'x' }], /larger than 1048576/);
  nameCase('control-and-markup-names', [
    ...good,
    { path: 'line\nbreak', data: 'x' },
    { path: '<img src=x onerror=alert(1)>', data: 'x' },
    { path: '\u202eevil\u202dtxt.exe', data: 'x' },
    { path: 'tab\there\u0007bell', data: 'x' },
    { path: '${jndi:ldap://x}', data: 'x' },
  ]);
  nameCase('invalid-utf8-pax-path', [...good, { path: 'p', pax: { path: '\udc80\ud800x' }, data: 'x' }]);
  nameCase('odd-whiteouts', [
    ...good,
    { path: '.wh..wh..opq', data: '' },
    { path: '.wh..', data: '' },
    { path: 'etc/.wh...', data: '' },
    { path: '.wh.', data: '' },
    { path: 'etc/.wh..wh.plnk', data: '' },
  ]);

  // ---- links
  const linkCase = (name: string, entries: EntrySpec[]) => out.push(resultCase(archive(name, 'links', inDockerSave(entries))));
  linkCase('hardlink-to-missing', [...good, { path: 'h', type: 'hardlink', linkname: 'does/not/exist' }]);
  linkCase('hardlink-to-itself', [...good, { path: 'h', type: 'hardlink', linkname: 'h' }]);
  linkCase('hardlink-to-dir', [...good, { path: 'h', type: 'hardlink', linkname: 'etc' }]);
  linkCase('hardlink-chain', [...good, { path: 'a', type: 'hardlink', linkname: 'b' }, { path: 'b', type: 'hardlink', linkname: 'a' }]);
  linkCase('symlink-loop', [...good, { path: 'loop', type: 'symlink', linkname: 'loop' }, { path: 'a', type: 'symlink', linkname: 'b' }, { path: 'b', type: 'symlink', linkname: 'a' }]);
  linkCase('symlink-to-parent', [...good, { path: 'loop/', type: 'dir' }, { path: 'loop/x', type: 'symlink', linkname: '..' }, { path: 'up', type: 'symlink', linkname: '../../..' }]);
  linkCase('duplicate-entries', [...good, { path: 'etc/passwd', data: 'second' }, { path: 'etc/passwd', data: 'third copy' }, { path: 'etc/', type: 'dir' }]);
  linkCase('dir-then-file-then-dir', [{ path: 'x/', type: 'dir' }, { path: 'x/y', data: 'a' }, { path: 'x', data: 'file now' }, { path: 'x/', type: 'dir' }, { path: 'x/z', data: 'b' }]);
  linkCase('odd-types', [
    ...good,
    { path: 'dev/null', type: 'char' },
    { path: 'dev/sda', type: 'block' },
    { path: 'fifo', type: 'fifo' },
    { path: 'sparse', typeflag: 'S', data: 'sparse bytes' },
    { path: 'volume', typeflag: 'V', data: '' },
    { path: 'contig', type: 'contiguous', data: 'c' },
  ]);
  out.push(
    errorCase(archive('links-hardlink-with-payload', 'links', inDockerSave([...good, { path: 'h', typeflag: '1', linkname: 'etc/passwd', data: 'payload a link must not have' }])), /checksum|bad/),
  );
  return out;
}

/** 20,000 small files named apart, as a real layer has. */
function manyEntries(n: number, prefix = 'f'): Uint8Array {
  return writeTar(Array.from({ length: n }, (_, i): EntrySpec => ({ path: `${prefix}/${i % 100}/${i}`, data: '' })));
}

/**
 * 1,000,001 empty files with one name, gzipped: 2048 headers compressed once and the member
 * repeated (RFC 1952 multi-member), so it is built in a few ms and still decodes to 512 MB.
 */
async function millionEntries(): Promise<Uint8Array> {
  const header = writeTar([{ path: 'empty', data: '' }], { endBlocks: 0 });
  const block = new Uint8Array(2048 * 512);
  for (let i = 0; i < 2048; i++) block.set(header, i * 512);
  const member = await gzip(block);
  const members = Math.ceil(1_000_001 / 2048);
  return concatBytes([...Array.from({ length: members }, () => member), await gzip(new Uint8Array(1024))]);
}

/** One image listing 2000 layers (the same small blob). */
async function manyLayers(n: number): Promise<Uint8Array> {
  const layer = writeTar(good);
  return dockerSave({ layers: Array.from({ length: n }, () => layer) });
}

