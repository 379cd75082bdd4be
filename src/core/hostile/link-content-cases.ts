// Share links whose contents lie (link-cases.ts has the cuts, versions and wrong types): a real
// link's JSON edited field by field — indexes past the end, negative, NaN-like and 1e300 sizes,
// names with NUL, `..` and 64 KB, trees 10,000 deep, `__proto__` and duplicate keys — and
// links too large to hold: over the fragment limit, DEFLATE bombs, a million files, a thousand
// layers, paths that multiply their folders' names. Each is packed as the app packs a link.

import { deflateRaw } from '../share/deflate.ts';
import { MAX_FRAGMENT_CHARS } from '../share/link.ts';
import { errorCase, eitherCase, resultCase, slug, type CaseGroup, type HostileCase } from './case.ts';
import { linkOfJson, linkOfPacked, linkOfText, setAt, type JsonPath } from './link-make.ts';

type Outcome = 'error' | 'result' | 'either';
type Row = [name: string, make: () => string | Promise<string>, outcome: Outcome, says?: RegExp];

function toCase(group: CaseGroup, [name, make, outcome, says]: Row): HostileCase {
  const c: Omit<HostileCase, 'expect'> = { name: `link-${slug(name)}`, group, kind: 'link', fileName: 'share link', bytes: async () => new TextEncoder().encode(await make()) };
  return outcome === 'error' ? errorCase(c, says) : outcome === 'result' ? resultCase(c, says) : eitherCase(c, says);
}

// ------------------------------------------------------------------ synthetic summaries

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function layerJson(tree: unknown): Record<string, unknown> {
  return { diffId: null, mediaType: null, compression: 'none', compressedSize: 0, tarSize: 0, fileBytes: 0, entryCount: 0, fileCount: 0, estimated: false, whiteouts: [], opaqueDirs: [], tree };
}

function imageJson(layers: unknown[], history: unknown[] = [], view: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'image',
    summary: {
      input: { name: 'synthetic.tar', bytes: 0, format: 'docker-archive' },
      ref: null,
      platform: null,
      created: null,
      layers,
      history,
      waste: { fileBytes: 0, finalFileBytes: 0, reclaimableBytes: 0, efficiency: 1, diveEfficiency: 1, files: [] },
      cut: true,
    },
    view,
  };
}

/** A layer's tree as JSON text: `dirs` nested folders named `name`, `files` files of 1 byte in the last. */
function treeText(dirs: number, name: string, files: number): string {
  const open = `["${name}",${files},${files},[`.repeat(dirs);
  const kids = files > 0 ? `${'["f",1],'.repeat(files - 1)}["f",1]` : '';
  return `["/",${files},${files},[${open}${kids}${']]'.repeat(dirs)}]]`;
}

/** An image link of one layer whose tree is given as text (too large to build as objects). */
function oneTreeText(tree: string): string {
  const s = JSON.stringify(imageJson([layerJson(0)]));
  return s.replace('"tree":0', `"tree":${tree}`);
}

/** `n` nested folders "d", then a file. */
function deepTree(n: number): unknown {
  let node: unknown = ['file', 1];
  for (let i = 0; i < n; i++) node = ['d', 1, 1, [node]];
  return ['/', 1, 1, [node]];
}

// ------------------------------------------------------------------ edits of real links

/** Edits of the image sample (seed-a-bloated: 7 layers, layer 3 selected, zoomed to /data). */
function imageEdits(image: unknown): Row[] {
  const set = (path: JsonPath, value: unknown) => () => linkOfJson(setAt(image, path, value));
  const text = (edit: (t: string) => string) => () => linkOfText(edit(JSON.stringify(image)));
  const L = (i: number, ...rest: JsonPath): JsonPath => ['summary', 'layers', i, ...rest];
  const busybox = L(0, 'tree', 3, 0, 3, 0);
  const dataKids = L(5, 'tree', 3, 0, 3);
  const maxEverywhere = () => {
    let j = image;
    for (let i = 0; i < 7; i++) for (const k of ['compressedSize', 'tarSize', 'fileBytes', 'entryCount', 'fileCount']) j = setAt(j, L(i, k), MAX_SAFE);
    for (let i = 0; i < 7; i++) j = setAt(j, L(i, 'tree', 1), MAX_SAFE);
    return linkOfJson(setAt(j, busybox, ['busybox', MAX_SAFE]));
  };
  return [
    ['view-layer-past-end', set(['view', 'layer'], 7), 'error', /\(view\.layer: names layer that is not in the image \(it has 7\)\)/],
    ['zoom-to-missing-layer', set(['view', 'zoom'], { layer: 99, path: '/data' }), 'error', /\(view\.zoom\.layer: names layer/],
    ['zoom-to-missing-path', set(['view', 'zoom'], { layer: 3, path: '/nowhere/at/all' }), 'result'],
    ['zoom-to-dotdot-path', set(['view', 'zoom', 'path'], '/data/../../etc'), 'result'],
    ['history-layer-past-end', set(['summary', 'history', 1, 'layerIndex'], 99), 'error', /\(summary\.history\[1\]\.layerIndex: names layer/],
    ['history-empty-entry-with-layer', set(['summary', 'history', 7, 'layerIndex'], 6), 'result'],
    ['history-two-entries-one-layer', set(['summary', 'history', 1, 'layerIndex'], 0), 'result'],
    ['waste-by-layer-past-end', set(['summary', 'waste', 'files', 0, 'byLayer'], 50), 'error', /\(summary\.waste\.files\[0\]: names layer/],
    ['waste-layer-1e6', set(['summary', 'waste', 'files', 0, 'layer'], 1e6), 'error', /\(summary\.waste\.files\[0\]\.layer: expected a whole number/],
    ['negative-file-bytes', set(L(0, 'fileBytes'), -1), 'error', /\(summary\.layers\[0\]\.fileBytes: expected a whole number from 0/],
    ['negative-tree-bytes', set(L(2, 'tree', 1), -5), 'error', /\(summary\.layers\[2\]\.tree\[1\]: expected a whole number from 0/],
    ['fractional-entry-count', set(L(0, 'entryCount'), 1.5), 'error', /\(summary\.layers\[0\]\.entryCount: expected a whole number/],
    ['size-NaN-string', set(L(0, 'compressedSize'), 'NaN'), 'error', /compressedSize: expected a whole number from 0 up to \d+, found "NaN"/],
    ['size-Infinity-string', set(L(0, 'tarSize'), 'Infinity'), 'error', /tarSize: expected a whole number .*found "Infinity"/],
    ['efficiency-NaN-string', set(['summary', 'waste', 'efficiency'], 'NaN'), 'error', /\(summary\.waste\.efficiency: expected a number from 0 up to 1/],
    ['size-raw-NaN', text((t) => t.replace('"fileBytes":1982365', '"fileBytes":NaN')), 'error', /not the JSON this app writes/],
    ['size-raw-1e400', text((t) => t.replace('"tarSize":2132480', '"tarSize":1e400')), 'error', /\(summary\.layers\[0\]\.tarSize: expected a whole number .*found Infinity/],
    ['size-negative-zero', text((t) => t.replace('"tarSize":2132480', '"tarSize":-0')), 'result'],
    ['size-1e300', set(L(0, 'tarSize'), 1e300), 'error', /\(summary\.layers\[0\]\.tarSize: expected/],
    ['dive-efficiency-1e300', set(['summary', 'waste', 'diveEfficiency'], 1e300), 'error', /\(summary\.waste\.diveEfficiency: expected/],
    ['tree-file-1e300', set([...busybox, 1], 1e300), 'error', /\(summary\.layers\[0\]\.tree\[3\]\[0\]\[3\]\[0\]\[1\]: expected/],
    ['size-2-to-53', set(L(0, 'fileBytes'), 2 ** 53), 'error', /\(summary\.layers\[0\]\.fileBytes: expected/],
    ['sizes-max-safe-everywhere', maxEverywhere, 'result'],
    ['name-with-nul', set([...busybox, 0], 'busy\0box'), 'result'],
    ['view-file-with-nul', set(['view', 'file'], '/etc/\0passwd'), 'result'],
    ['whiteouts-odd-paths', set(L(6, 'whiteouts'), ['/data/\0one', '../../../etc/passwd', '/', '', '/data/one/../../..']), 'result'],
    ['waste-path-controls', set(['summary', 'waste', 'files', 0, 'path'], '\0\n<script>alert(1)</script>'), 'result'],
    ['created-by-controls', set(['summary', 'history', 0, 'createdBy'], 'echo \u202e\0\n<img src=x onerror=alert(1)>'), 'result'],
    ['names-dot-dotdot-empty-slash', set(dataKids, [['..', 1], ['.', 1], ['', 1], ['a/b', 1], ['/', 1], ['ok', 1]]), 'result'],
    ['names-prototype-keys', set(dataKids, [['__proto__', 1], ['constructor', 2], ['hasOwnProperty', 3], ['toString', 4, 1, [['valueOf', 4]]]]), 'result'],
    ['names-duplicate', set(dataKids, [['one', 1], ['one', 2], ['one', 3, 1, [['one', 3]]]]), 'result'],
    ['name-64KB', set([...busybox, 0], 'n'.repeat(65_536)), 'error', /\(summary\.layers\[0\]\.tree\[3\]\[0\]\[3\]\[0\]\[0\]: expected a text of at most 4096 characters/],
    ['view-file-64KB', set(['view', 'file'], `/${'f'.repeat(65_536)}`), 'error', /\(view\.file: expected a text of at most 16384 characters/],
    ['input-name-64KB', set(['summary', 'input', 'name'], 'n'.repeat(65_536)), 'error', /\(summary\.input\.name: expected a text of at most 4096/],
    ['created-by-64KiB', set(['summary', 'history', 0, 'createdBy'], 'c'.repeat(65_536)), 'result'],
    ['created-by-64KiB-and-1', set(['summary', 'history', 0, 'createdBy'], 'c'.repeat(65_537)), 'error', /\(summary\.history\[0\]\.createdBy: expected a text of at most 65536/],
    ['tree-128-deep', set(L(2, 'tree'), deepTree(127)), 'result'],
    ['tree-129-deep', set(L(2, 'tree'), deepTree(129)), 'error', /folders nested deeper than 128/],
    // As text: JSON.stringify itself runs out of stack 10,000 arrays deep (JSON.parse does not).
    ['tree-10000-deep', () => linkOfText(JSON.stringify(setAt(image, L(2, 'tree'), 0)).replace('"tree":0', `"tree":${treeText(10_000, 'd', 1)}`)), 'error', /folders nested deeper than 128/],
    ['view-file-5000-deep', set(['view', 'file'], '/a'.repeat(5_000)), 'result'],
    ['zoom-path-10000-deep', set(['view', 'zoom', 'path'], '/a'.repeat(10_000)), 'error', /\(view\.zoom\.path: expected a text of at most 16384/],
    ['proto-key-top-level', text((t) => `{"__proto__":{"kind":"dockerfile","polluted":1},${t.slice(1)}`), 'result'],
    ['proto-key-in-view', text((t) => t.replace('"view":{', '"view":{"__proto__":{"layer":99,"polluted":1},')), 'result'],
    ['constructor-key-in-summary', text((t) => t.replace('"summary":{', '"summary":{"constructor":{"prototype":{"polluted":1}},')), 'result'],
    ['kind-constructor', set(['kind'], 'constructor'), 'error', /\(kind: expected "dockerfile" or "image", found "constructor"\)/],
    ['kind-proto', set(['kind'], '__proto__'), 'error', /\(kind: expected "dockerfile" or "image", found "__proto__"\)/],
    ['compression-constructor', set(L(0, 'compression'), 'constructor'), 'error', /\(summary\.layers\[0\]\.compression: expected "gzip" or "zstd" or "none"/],
    ['theme-toString', set(['view', 'theme'], 'toString'), 'error', /\(view\.theme: expected "light"/],
    ['format-proto', set(['summary', 'input', 'format'], '__proto__'), 'error', /\(summary\.input\.format: expected/],
    ['duplicate-kind', text((t) => t.replace('{"kind":"image",', '{"kind":"image","kind":"dockerfile",')), 'error', /\((name|text): missing/],
    ['duplicate-view-layer', text((t) => t.replace('"view":{"layer":3,', '"view":{"layer":3,"layer":99,')), 'error', /\(view\.layer: names layer/],
    ['duplicate-cut', text((t) => t.replace('"cut":false', '"cut":false,"cut":true')), 'result'],
  ];
}

/** Edits of the Dockerfile sample (seed-a-bloated's recipe, layer 3 selected). */
function dockerfileEdits(df: unknown): Row[] {
  const set = (path: JsonPath, value: unknown) => () => linkOfJson(setAt(df, path, value));
  return [
    ['dockerfile-builder-kaniko', set(['builder'], 'kaniko'), 'error', /\(builder: expected "buildkit" or "buildah"/],
    ['dockerfile-builder-buildah', set(['builder'], 'buildah'), 'result'],
    ['dockerfile-2500-instructions', set(['text'], `FROM scratch\n${'LABEL a=b\n'.repeat(2_500)}`), 'error', /over the limit maxInstructions = 2,000/],
    ['dockerfile-unknown-instruction', set(['text'], 'FROM alpine\nFROBNICATE the image\n'), 'either'],
    ['dockerfile-empty-text', set(['text'], ''), 'error'],
    ['dockerfile-nul-garbage', set(['text'], '\0\0\0FROM\0 x\nRUN \0'), 'either'],
    ['dockerfile-odd-name', set(['name'], '../../etc/passwd\n\u202e<b>x</b>'), 'result'],
    ['dockerfile-view-past-end', set(['view'], { layer: 99, zoom: { layer: 99, path: '/x' }, file: '/\0' }), 'result'],
  ];
}

// ------------------------------------------------------------------ oversized

function oversized(df: unknown): Row[] {
  const dfText = (text: string) => () => linkOfJson(setAt(df, ['text'], text));
  const minimal = (n: number) => Array.from({ length: n }, () => layerJson(['/', 0, 0, []]));
  const history = (n: number, layers: number) => Array.from({ length: n }, (_, i) => ({ createdBy: `RUN step ${i}`, emptyLayer: i >= layers, layerIndex: i < layers ? i : null }));
  const wasteFiles = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `/f${i}`, layer: 0, size: 1, reason: 'deleted', byLayer: 1 }));
  return [
    ['fragment-over-limit', () => `#v=1&s=${'A'.repeat(MAX_FRAGMENT_CHARS)}`, 'error', /it is 2,097,15\d characters long, more than any link this app makes/],
    ['deflate-bomb-16MiB-zeros', async () => linkOfPacked(await deflateRaw(new Uint8Array(16 << 20))), 'error', /its data unpacks to more than 4 MiB/],
    ['deflate-bomb-8MiB-json', () => linkOfJson({ kind: 'dockerfile', name: 'D', text: 'a'.repeat(8 << 20), view: {} }), 'error', /unpacks to more than 4 MiB/],
    ['dockerfile-4MB', dfText('RUN echo x\n'.repeat(400_000)), 'error', /unpacks to more than 4 MiB/],
    ['dockerfile-1MiB-and-1', dfText(`FROM scratch\n${'#'.repeat((1 << 20) - 12)}`), 'error', /\(text: expected a text of at most 1048576 characters/],
    ['dockerfile-1MiB-of-instructions', dfText(`FROM scratch\n${'RUN a\n'.repeat(170_000)}`), 'error', /over the limit maxInstructions/],
    ['dockerfile-16-long-runs', dfText(`FROM alpine\n${`RUN true${' \\\n && echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'.repeat(1_200)}\n`.repeat(16)}`), 'either'],
    ['files-1000000', () => linkOfText(oneTreeText(treeText(0, 'd', 1_000_000))), 'error', /unpacks to more than 4 MiB/],
    ['files-400000', () => linkOfText(oneTreeText(treeText(0, 'd', 400_000))), 'error', /more than 50000 folders and files/],
    ['files-49990', () => linkOfText(oneTreeText(treeText(1, 'd', 49_990))), 'result'],
    ['layers-1001', () => linkOfJson(imageJson(minimal(1_001))), 'error', /\(summary\.layers: expected a list of at most 1000/],
    ['layers-1000-history-4000', () => linkOfJson(imageJson(minimal(1_000), history(4_000, 1_000), { layer: 999, zoom: { layer: 999, path: '/' } })), 'result'],
    ['layers-30000', () => linkOfJson(imageJson(minimal(30_000))), 'error', /unpacks to more than 4 MiB|at most 1000/],
    ['history-4001', () => linkOfJson(imageJson(minimal(1), history(4_001, 1))), 'error', /\(summary\.history: expected a list of at most 4000/],
    ['layers-1000-of-300-files', () => linkOfJson(imageJson(Array.from({ length: 1_000 }, (_, i) => layerJson(['/', 300, 300, [[`l${i}`, 300, 300, Array.from({ length: 300 }, (_, k) => [`${k}`, 1])]]])))), 'result'],
    ['waste-files-201', () => { const j = imageJson(minimal(2)); (j.summary as Record<string, Record<string, unknown>>).waste.files = wasteFiles(201); return linkOfJson(j); }, 'error', /\(summary\.waste\.files: expected a list of at most 200/],
    ['whiteouts-1001', () => linkOfJson(imageJson([{ ...layerJson(['/', 0, 0, []]), whiteouts: Array.from({ length: 1_001 }, (_, i) => `/w${i}`) }])), 'error', /\(summary\.layers\[0\]\.whiteouts: expected a list of at most 1000/],
    // 128 folders of 4,096-character names over 2,000 files: a 9 KB link, 1 GB of paths once opened.
    ['paths-128-long-folders', () => linkOfText(oneTreeText(treeText(128, 'n'.repeat(4_096), 2_000))), 'error', /: a path longer than 16384 characters/],
    // 3 such folders over 49,000 files: each path is short enough, together 600 M characters.
    ['paths-3-long-folders-49000-files', () => linkOfText(oneTreeText(treeText(3, 'n'.repeat(4_096), 49_000))), 'error', /the paths of their folders and files add up to more than 16,000,000 characters/],
  ];
}

export function linkContentCases(image: unknown, dockerfile: unknown): HostileCase[] {
  return [
    ...imageEdits(image).map((r) => toCase('link-tampered', r)),
    ...dockerfileEdits(dockerfile).map((r) => toCase('link-tampered', r)),
    ...oversized(dockerfile).map((r) => toCase('link-oversized', r)),
  ];
}
