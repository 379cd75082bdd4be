// Builders for the hand-made half of the hostile corpus: a `docker save` and an OCI image layout
// around any layer blobs (real sha256 digests, so each case breaks one thing only), and
// compressed bombs made without compressing gigabytes: gzip members repeated back to back
// (RFC 1952 §2.2 allows any number), zstd frames of RLE blocks written by hand (RFC 8878 §3.1.1).

import { gzip as gzipMembers, writeTar, type EntrySpec } from '../tar/testing/write-tar.ts';
import { concatBytes } from '../bytes/concat.ts';

const enc = new TextEncoder();

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const gzip = (bytes: Uint8Array): Promise<Uint8Array> => gzipMembers(bytes);

export function defaultConfig(layers: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    architecture: 'amd64',
    os: 'linux',
    config: { Env: ['PATH=/usr/bin'], Cmd: ['sh'] },
    rootfs: { type: 'layers', diff_ids: Array.from({ length: layers }, (_, i) => `sha256:${String(i).padStart(64, '0')}`) },
    history: Array.from({ length: layers }, (_, i) => ({ created_by: `RUN step ${i}` })),
    ...extra,
  };
}

export interface DockerSaveSpec {
  layers: Uint8Array[];
  /** the config as bytes (default: defaultConfig) */
  config?: Uint8Array;
  /** manifest.json as bytes, given the config's and the layers' member names (default: the right one) */
  manifest?: (configName: string, layerNames: string[]) => Uint8Array;
  /** members added after the others */
  extra?: EntrySpec[];
}

/** `docker save` layout: <sha>.tar layers, <sha>.json config, manifest.json last. */
export async function dockerSave(spec: DockerSaveSpec): Promise<Uint8Array> {
  const config = spec.config ?? enc.encode(JSON.stringify(defaultConfig(spec.layers.length)));
  const configName = `${await sha256Hex(config)}.json`;
  const layerNames = await Promise.all(spec.layers.map(async (l) => `${await sha256Hex(l)}.tar`));
  const manifest = spec.manifest
    ? spec.manifest(configName, layerNames)
    : enc.encode(JSON.stringify([{ Config: configName, RepoTags: ['hostile:latest'], Layers: layerNames }]));
  const seen = new Set<string>();
  const layerMembers: EntrySpec[] = [];
  spec.layers.forEach((l, i) => {
    if (seen.has(layerNames[i])) return;
    seen.add(layerNames[i]);
    layerMembers.push({ path: layerNames[i], data: l });
  });
  return writeTar([...layerMembers, { path: configName, data: config }, { path: 'manifest.json', data: manifest }, ...(spec.extra ?? [])]);
}

export interface OciSpec {
  layers: Uint8Array[];
  layerMediaType?: string;
  config?: Uint8Array;
  /** the manifest as bytes, given the config digest and layer digests (default: the right one) */
  manifest?: (configDigest: string, layerDigests: string[]) => Uint8Array;
  /** index.json as bytes, given the manifest digest (default: one manifest) */
  index?: (manifestDigest: string) => Uint8Array;
  /** more blobs, e.g. nested indexes */
  blobs?: Uint8Array[];
  extra?: EntrySpec[];
}

export function ociManifest(configDigest: string, layerDigests: string[], mediaType = 'application/vnd.oci.image.layer.v1.tar+gzip'): Record<string, unknown> {
  return {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: 1 },
    layers: layerDigests.map((digest) => ({ mediaType, digest, size: 1 })),
  };
}

export function ociIndex(manifests: Record<string, unknown>[]): Record<string, unknown> {
  return { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests };
}

export const manifestDescriptor = (digest: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest,
  size: 1,
  ...extra,
});

/** OCI image layout (image-layout.md): oci-layout, index.json, blobs/sha256/<hex>. */
export async function ociLayout(spec: OciSpec): Promise<Uint8Array> {
  const config = spec.config ?? enc.encode(JSON.stringify(defaultConfig(spec.layers.length)));
  const configDigest = `sha256:${await sha256Hex(config)}`;
  const layerDigests = await Promise.all(spec.layers.map(async (l) => `sha256:${await sha256Hex(l)}`));
  const manifest = spec.manifest
    ? spec.manifest(configDigest, layerDigests)
    : enc.encode(JSON.stringify(ociManifest(configDigest, layerDigests, spec.layerMediaType)));
  const manifestDigest = `sha256:${await sha256Hex(manifest)}`;
  const index = spec.index
    ? spec.index(manifestDigest)
    : enc.encode(JSON.stringify(ociIndex([manifestDescriptor(manifestDigest, { annotations: { 'org.opencontainers.image.ref.name': 'latest' } })])));
  const blobs = new Map<string, Uint8Array>();
  for (const b of [config, manifest, ...spec.layers, ...(spec.blobs ?? [])]) blobs.set(await sha256Hex(b), b);
  return writeTar([
    { path: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    ...[...blobs].map(([hex, data]): EntrySpec => ({ path: `blobs/sha256/${hex}`, data })),
    { path: 'index.json', data: index },
    ...(spec.extra ?? []),
  ]);
}

// ---- bombs -------------------------------------------------------------------------------

const MiB = 1 << 20;
let zeroMember: Promise<Uint8Array> | null = null;

/** One gzip member of 64 MiB of zeros (≈ 64 KB), made once. */
export function gzipZeros64M(): Promise<Uint8Array> {
  zeroMember ??= gzipMembers(new Uint8Array(64 * MiB));
  return zeroMember;
}

/** gzip members back to back: `head` first (compressed on its own), then `count` × 64 MiB of zeros. */
export async function gzipBomb(head: Uint8Array, count: number): Promise<Uint8Array> {
  const zeros = await gzipZeros64M();
  return concatBytes([await gzipMembers(head), ...Array.from({ length: count }, () => zeros)]);
}

export type ZstdBlock = { raw: Uint8Array } | { rle: number; count: number };

const ZSTD_BLOCK_MAX = 128 * 1024;

/**
 * A zstd frame written by hand (RFC 8878 §3.1.1): no content size, no checksum, a 128 KiB window
 * (or `windowLog`), then Raw and RLE blocks. RLE blocks of 128 KiB cost 4 bytes each: 10 GiB in
 * 320 KB.
 */
export function zstdFrame(blocks: ZstdBlock[], windowLog = 17): Uint8Array {
  const out: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0x00, (windowLog - 10) << 3];
  const parts: Uint8Array[] = [];
  const pieces: ({ type: 0; data: Uint8Array } | { type: 1; byte: number; size: number })[] = [];
  for (const b of blocks) {
    if ('raw' in b) {
      for (let o = 0; o < b.raw.length; o += ZSTD_BLOCK_MAX) pieces.push({ type: 0, data: b.raw.subarray(o, o + ZSTD_BLOCK_MAX) });
    } else {
      for (let left = b.count; left > 0; left -= ZSTD_BLOCK_MAX) pieces.push({ type: 1, byte: b.rle, size: Math.min(left, ZSTD_BLOCK_MAX) });
    }
  }
  parts.push(Uint8Array.from(out));
  pieces.forEach((p, i) => {
    const last = i === pieces.length - 1 ? 1 : 0;
    const size = p.type === 0 ? p.data.length : p.size;
    const h = last | (p.type << 1) | (size << 3);
    parts.push(Uint8Array.of(h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff));
    parts.push(p.type === 0 ? p.data : Uint8Array.of(p.byte));
  });
  return concatBytes(parts);
}

/** One tar header (and nothing else) for a regular file that says it holds `size` bytes. */
export function bigFileHeader(path: string, size: number): Uint8Array {
  const tar = writeTar([{ path, data: new Uint8Array(0), headerSize: size }], { endBlocks: 0 });
  return tar.subarray(0, 512);
}
