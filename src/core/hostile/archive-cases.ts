// Hand-made hostile ARCHIVES: manifests and indexes that point at missing blobs or out of the
// archive, wrong JSON types, digests that do not match, JSON nested 100,000 deep or hundreds of
// MB, indexes in a loop, tars nested in tars, and files that are not archives at all.

import { writeTar } from '../tar/testing/write-tar.ts';
import { concatBytes } from '../bytes/concat.ts';
import { defaultConfig, dockerSave, gzip, manifestDescriptor, ociIndex, ociLayout, ociManifest, sha256Hex } from './build-archive.ts';
import { errorCase, eitherCase, resultCase, type CaseGroup, type HostileCase } from './case.ts';

const enc = new TextEncoder();
const json = (v: unknown): Uint8Array => enc.encode(JSON.stringify(v));
const layer = () => writeTar([{ path: 'etc/', type: 'dir' }, { path: 'etc/hostname', data: 'hostile\n' }]);

type Make = () => Promise<Uint8Array>;

function archive(name: string, group: CaseGroup, make: Make, extra: Partial<HostileCase> = {}): Omit<HostileCase, 'expect'> {
  return { name: `${group}-${name}`, group, kind: 'archive', fileName: `${name}.tar`, bytes: make, ...extra };
}

/** `[[[[…]]]]` n deep. */
function nested(n: number, inner = '0'): string {
  return `${'['.repeat(n)}${inner}${']'.repeat(n)}`;
}

/** A seeded PRNG (xorshift32), so "random" cases are the same on every run. */
function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export function archiveCases(): HostileCase[] {
  const out: HostileCase[] = [];
  const E = (name: string, group: CaseGroup, make: Make, says?: RegExp, extra?: Partial<HostileCase>) => out.push(errorCase(archive(name, group, make, extra), says));
  const R = (name: string, group: CaseGroup, make: Make, says?: RegExp, extra?: Partial<HostileCase>) => out.push(resultCase(archive(name, group, make, extra), says));
  const A = (name: string, group: CaseGroup, make: Make) => out.push(eitherCase(archive(name, group, make)));
  const save = (manifest: (config: string, layers: string[]) => unknown, extra = {}) => () => dockerSave({ layers: [layer()], manifest: (c, l) => json(manifest(c, l)), ...extra });

  // ---- docker save manifests
  E('layer-path-escapes', 'manifest', save((c) => [{ Config: c, Layers: ['../../../etc/passwd'] }]), /leaves the archive/, { cli: true });
  E('config-path-escapes', 'manifest', save(() => [{ Config: 'x/../../config.json', Layers: [] }]), /leaves the archive/);
  E('config-absolute', 'manifest', save((_c, l) => [{ Config: '/etc/passwd', Layers: l }]), /not in the archive/);
  E('layer-missing', 'manifest', save((c) => [{ Config: c, Layers: ['0000000000000000000000000000000000000000000000000000000000000000.tar'] }]), /not in the archive/, { cli: true });
  E('config-missing', 'manifest', save((_c, l) => [{ Config: 'nope.json', Layers: l }]), /not in the archive/);
  E('manifest-not-json', 'manifest', () => dockerSave({ layers: [layer()], manifest: () => enc.encode('[{"Config": ') }), /not valid JSON/);
  E('manifest-not-utf8', 'manifest', () => dockerSave({ layers: [layer()], manifest: () => Uint8Array.of(0x5b, 0xff, 0xfe, 0x5d) }), /not valid UTF-8/);
  E('manifest-is-object', 'manifest', save((c, l) => ({ Config: c, Layers: l })), /should be a JSON array/);
  E('manifest-empty-list', 'manifest', save(() => []), /holds no image/);
  E('manifest-layers-string', 'manifest', save((c) => [{ Config: c, Layers: 'layer.tar' }]), /Layers should be a JSON array/);
  E('manifest-config-number', 'manifest', save((_c, l) => [{ Config: 42, Layers: l }]), /Config should be a string/);
  E('manifest-entry-null', 'manifest', save(() => [null]), /should be a JSON object/);
  R('manifest-odd-types-ignored', 'manifest', save((c, l) => [{ Config: c, Layers: l, RepoTags: [1, null, { a: 1 }, 'ok:1'], LayerSources: 'x' }]));
  E('manifest-layer-is-json', 'manifest', save((c) => [{ Config: c, Layers: [c] }]), /it is not a tar, nor gzip or zstd/);
  E('manifest-lists-2000-images', 'manifest', save((c, l) => Array.from({ length: 2000 }, () => ({ Config: c, Layers: l }))), /lists 2,000 images: over the limit maxImages/);
  R('manifest-with-bom', 'manifest', () => dockerSave({ layers: [layer()], manifest: (c, l) => concatBytes([Uint8Array.of(0xef, 0xbb, 0xbf), json([{ Config: c, Layers: l }])]) }));

  // ---- OCI indexes and manifests
  const oci = (spec: Parameters<typeof ociLayout>[0]) => () => ociLayout(spec);
  const idx = (manifests: unknown[]) => json(ociIndex(manifests as Record<string, unknown>[]));
  E('index-missing-manifest', 'manifest', oci({ layers: [layer()], index: () => idx([manifestDescriptor(`sha256:${'0'.repeat(64)}`)]) }), /not in the archive/, { cli: true });
  E('index-digest-dotdot', 'manifest', oci({ layers: [layer()], index: () => idx([manifestDescriptor('sha256:../../../etc/passwd')]) }), /not a valid digest/);
  E('index-digest-slash', 'manifest', oci({ layers: [layer()], index: () => idx([manifestDescriptor('sha256/../../x:abc')]) }), /not a valid digest/);
  E('index-digest-number', 'manifest', oci({ layers: [layer()], index: () => idx([{ digest: 12 }]) }), /digest should be a string/);
  E('index-manifests-object', 'manifest', oci({ layers: [layer()], index: () => json({ schemaVersion: 2, manifests: { a: 1 } }) }), /manifests should be a JSON array/);
  E('manifest-layer-missing', 'manifest', oci({ layers: [layer()], manifest: (c) => json(ociManifest(c, [`sha256:${'1'.repeat(64)}`])) }), /not in the archive/);
  E('manifest-config-missing', 'manifest', oci({ layers: [layer()], manifest: (_c, l) => json(ociManifest(`sha256:${'2'.repeat(64)}`, l)) }), /not in the archive/);
  E('manifest-no-config', 'manifest', oci({ layers: [layer()], manifest: (_c, l) => json({ schemaVersion: 2, layers: l.map((digest) => ({ digest })) }) }), /config should be a JSON object/);
  E('manifest-layers-null', 'manifest', oci({ layers: [layer()], manifest: (c) => json({ config: { digest: c }, layers: null }) }), /layers should be a JSON array/);
  E('index-2000-manifests', 'manifest', async () => {
    const config = json(defaultConfig(1));
    const l = layer();
    const m = json(ociManifest(`sha256:${await sha256Hex(config)}`, [`sha256:${await sha256Hex(l)}`]));
    const d = `sha256:${await sha256Hex(m)}`;
    return ociLayout({ layers: [l], config, index: () => idx(Array.from({ length: 2000 }, () => manifestDescriptor(d))) });
  }, /lists 2,000 images/);
  E('index-loop', 'manifest', async () => {
    // An index whose only entry is an index naming... itself cannot exist (its digest would be
    // in its own content), so two indexes name each other through a third.
    const a = json(ociIndex([manifestDescriptor(`sha256:${'a'.repeat(64)}`, { mediaType: 'application/vnd.oci.image.index.v1+json' })]));
    return ociLayout({ layers: [layer()], index: () => a, blobs: [], extra: [{ path: `blobs/sha256/${'a'.repeat(64)}`, data: a }] });
  }, /nests image indexes more than 8 deep.*maxIndexDepth/);
  E('index-nested-20-deep', 'manifest', async () => {
    const config = json(defaultConfig(1));
    const l = layer();
    let inner = json(ociManifest(`sha256:${await sha256Hex(config)}`, [`sha256:${await sha256Hex(l)}`]));
    const blobs: Uint8Array[] = [inner];
    for (let i = 0; i < 20; i++) {
      inner = json(ociIndex([manifestDescriptor(`sha256:${await sha256Hex(inner)}`, { mediaType: i === 0 ? 'application/vnd.oci.image.manifest.v1+json' : 'application/vnd.oci.image.index.v1+json' })]));
      blobs.push(inner);
    }
    const top = blobs.pop()!;
    return ociLayout({ layers: [l], config, index: () => top, blobs });
  }, /more than 8 deep/);
  E('index-json-too-large', 'json', oci({ layers: [layer()], index: () => enc.encode(`{"manifests":[],"pad":"${' '.repeat(17 << 20)}"}`) }), /maxJsonBytes/);

  // ---- digests that do not match (cheap to check: manifests and configs)
  R('config-altered', 'digest', async () => {
    const real = await ociLayout({ layers: [layer()] });
    return swapBytes(real, '"Cmd":["sh"]', '"Cmd":["rm"]');
  }, /content's sha256 is .* not the .* its name says/, { cli: true });
  R('docker-config-altered', 'digest', async () => swapBytes(await dockerSave({ layers: [layer()] }), '"Cmd":["sh"]', '"Cmd":["rm"]'), /its name says/);
  R('manifest-altered', 'digest', async () => swapBytes(await ociLayout({ layers: [layer()] }), '"schemaVersion":2', '"schemaVersion":3'), /its name says/);
  A('layer-diff-id-wrong', 'digest', () => dockerSave({ layers: [layer()], config: json(defaultConfig(1, { rootfs: { type: 'layers', diff_ids: ['sha256:nope'] } })) }));

  // ---- configs and JSON
  const cfg = (name: string, config: unknown, says?: RegExp, outcome: 'error' | 'result' = 'result') => {
    const make = () => dockerSave({ layers: [layer()], config: typeof config === 'string' ? enc.encode(config) : json(config) });
    if (outcome === 'error') E(name, 'json', make, says);
    else R(name, 'json', make, says);
  };
  cfg('config-wrong-types', { architecture: 7, os: null, config: { Env: { a: 1 }, Cmd: 'sh', Labels: ['x'], ExposedPorts: 3 }, rootfs: { diff_ids: [1, 2] }, history: 'no' }, /diff_ids/);
  cfg('config-history-longer', defaultConfig(1, { history: Array.from({ length: 5 }, (_, i) => ({ created_by: `RUN ${i}` })) }), /history has 5 entries that make layers/);
  cfg('config-is-array', [], /should be a JSON object/, 'error');
  cfg('config-nested-100k', `{"config":{"Labels":{"x":${nested(100_000)}}}}`, /more than 64 deep.*maxJsonDepth/, 'error');
  cfg('config-nested-in-strings', `{"config":{"Labels":{"x":"${'['.repeat(5000)}"}},"architecture":"amd64","os":"linux"}`);
  cfg('config-huge-numbers', '{"architecture":"amd64","os":"linux","created":1e999,"history":[{"empty_layer":1e999}],"rootfs":{"diff_ids":[]}}', /diff_ids/);
  cfg('config-trailing-garbage', '{"os":"linux"} {"os":"windows"}', /not valid JSON/, 'error');
  cfg('config-duplicate-keys', '{"os":"linux","os":"plan9","architecture":"amd64","architecture":"mips"}');
  cfg('config-40MB', `{"config":{"Labels":{"pad":"${'x'.repeat(40 << 20)}"}}}`, /maxJsonBytes/, 'error');
  E('config-300MB-gzipped', 'json', async () => gzip(await dockerSave({ layers: [layer()], config: enc.encode(`{"pad":"${' '.repeat(300 << 20)}"}`) })), /not JSON, or too large/, { cli: true });
  E('json-total-limit', 'json', () => dockerSave({ layers: [layer()], extra: Array.from({ length: 4 }, (_, i) => ({ path: `extra-${i}.json`, data: `"${'j'.repeat(300_000)}"` })) }), /maxJsonTotalBytes/, {
    limits: { maxJsonTotalBytes: 1 << 20 },
  });

  // ---- tars in tars
  const tarOf = (name: string, inner: Uint8Array) => writeTar([{ path: name, data: inner }]);
  const deep = () => tarOf('a.tar', tarOf('b.tar', tarOf('c.tar', writeTar([{ path: 'secret', data: 'x' }]))));
  R('tar-in-tar-in-tar', 'nesting', async () => deep(), /plain filesystem tar/, { cli: true });
  R('layer-is-tar-in-tar-in-tar', 'nesting', () => ociLayout({ layers: [deep()] }));
  R('image-inside-image', 'nesting', async () => dockerSave({ layers: [await dockerSave({ layers: [layer()] })] }));
  E('gzip-of-gzip-layer', 'nesting', async () => ociLayout({ layers: [await gzip(await gzip(layer()))] }), /once gzip-decompressed, it is not a tar/);
  E('gzip-of-gzip-archive', 'nesting', async () => gzip(await gzip(await dockerSave({ layers: [layer()] }))), /gzip-compressed, but what it holds is not a tar/);
  R('gzipped-filesystem-tar', 'nesting', async () => gzip(deep()), /plain filesystem tar/);

  // ---- not archives at all
  const G = (name: string, bytes: () => Uint8Array, says: RegExp = /not an image archive|empty|checksum|truncated|corrupt|compression|bad/) =>
    E(name, 'garbage', async () => bytes(), says);
  G('empty', () => new Uint8Array(0), /is empty/);
  G('one-byte', () => Uint8Array.of(0x1f));
  G('zero-block', () => new Uint8Array(512), /not an image archive/);
  G('1MB-zeros', () => new Uint8Array(1 << 20), /not an image archive/);
  G('random-1MB', () => randomBytes(1 << 20, 7), /not an image archive/);
  G('png', () => Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), /not an image archive.*89 50 4e 47/);
  G('zip', () => concatBytes([enc.encode('PK\x03\x04'), randomBytes(2000, 3)]), /not an image archive/);
  G('elf', () => concatBytes([Uint8Array.of(0x7f, 0x45, 0x4c, 0x46), randomBytes(4000, 5)]), /not an image archive/);
  G('xz', () => concatBytes([Uint8Array.of(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00), randomBytes(4000, 9)]), /not an image archive/);
  G('gzip-magic-then-junk', () => concatBytes([Uint8Array.of(0x1f, 0x8b, 0x08, 0x00), randomBytes(4000, 11)]));
  G('zstd-magic-then-junk', () => concatBytes([Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd), randomBytes(4000, 13)]));
  G('zstd-skippable-only', () => Uint8Array.of(0x50, 0x2a, 0x4d, 0x18, 4, 0, 0, 0, 1, 2, 3, 4), /not an image archive/);
  G('zstd-window-too-large', () => Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd, 0x00, 0xf8, 0x01, 0x00, 0x00), /zstd|corrupt|window|truncated/);
  E('gzip-of-text', 'garbage', async () => gzip(enc.encode('hello, this is not a tar\n'.repeat(100))), /checksum|not/);
  E('gzip-of-nothing', 'garbage', async () => gzip(new Uint8Array(0)), /holds is no tar with entries/);
  A('tar-of-end-marker-only', 'garbage', async () => concatBytes([writeTar([{ path: 'x', data: '' }]).subarray(0, 512), new Uint8Array(1024)]));
  E('text-file', 'garbage', async () => enc.encode('FROM alpine\nRUN echo not an archive\n'), /not an image archive/);
  return out;
}

/** The archive with `from` replaced by `to` (same length) wherever it occurs. */
function swapBytes(bytes: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error('swapBytes: same length only');
  const text = new TextDecoder('latin1').decode(bytes);
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`swapBytes: "${from}" not found`);
  const out = bytes.slice();
  out.set(enc.encode(to), at);
  return out;
}
