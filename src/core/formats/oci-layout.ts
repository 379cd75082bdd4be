// OCI image layout (image-spec image-layout.md): oci-layout + index.json, blobs under
// blobs/<alg>/<hex>. index.json lists manifests, or nested indexes with one manifest per platform
// (image-index.md); each manifest names a config and its layers, in order (manifest.md).

import { LimitError } from '../limits.ts';
import type { Platform } from '../model/image.ts';
import { blobPath, Fields, isObject, parseJson, type Json, type JsonObject } from './json-fields.ts';
import type { ArchiveMembers, ArchivePlan, ImagePlan } from './image-plan.ts';

const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);
/** Index nesting when no limits are given (Limits.maxIndexDepth). */
const MAX_DEPTH = 8;

interface Inherited {
  ref: string | null;
  refs: string[];
}

function refsOf(annotations: JsonObject | null, inherited: Inherited): Inherited {
  if (!annotations) return inherited;
  const refs = [...inherited.refs];
  // containerd's full name ("localhost/app:latest") first: it says more than the bare tag.
  for (const key of ['io.containerd.image.name', 'org.opencontainers.image.ref.name']) {
    const v = annotations[key];
    if (typeof v === 'string' && v && !refs.includes(v)) refs.push(v);
  }
  return { ref: refs[0] ?? null, refs };
}

function platformOf(o: Json | undefined): Platform | null {
  if (!isObject(o)) return null;
  if (typeof o.os !== 'string' || typeof o.architecture !== 'string') return null;
  return { os: o.os, architecture: o.architecture, ...(typeof o.variant === 'string' && o.variant ? { variant: o.variant } : {}) };
}

/** Returns null when the archive has no index.json ("not mine"). */
export function planOciLayout(members: ArchiveMembers): ArchivePlan | null {
  const indexBytes = members.bytes('index.json');
  if (!indexBytes) return null;
  const images: ImagePlan[] = [];
  const warnings: string[] = [];

  const readBlob = (digest: string, from: string): JsonObject => {
    const path = blobPath(digest);
    const bytes = members.bytes(path);
    if (!bytes) {
      const why = members.has(path) ? 'is too large to be a manifest' : 'is not in the archive';
      throw new Fields(members.fileName, from).fail(`points at blob ${digest}, which ${why}`);
    }
    return new Fields(members.fileName, path).object(parseJson(members.fileName, path, bytes, members.limits), 'the blob');
  };

  const visitIndex = (index: JsonObject, where: string, inherited: Inherited, depth: number): void => {
    const f = new Fields(members.fileName, where);
    const maxDepth = members.limits?.maxIndexDepth ?? MAX_DEPTH;
    if (depth > maxDepth) {
      throw new LimitError(members.fileName, where, `nests image indexes more than ${maxDepth} deep`, 'maxIndexDepth', maxDepth);
    }
    f.array(index.manifests, 'manifests').forEach((d, i) => {
      const at = `${where} manifests[${i}]`;
      const g = new Fields(members.fileName, at);
      const desc = g.object(d, 'a descriptor');
      const digest = g.digest(desc.digest, 'digest');
      const annotations = isObject(desc.annotations) ? desc.annotations : null;
      // BuildKit attaches provenance/SBOM "attestation manifests" to indexes; they are not images.
      if (annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') return;
      const refs = refsOf(annotations, inherited);
      const blob = readBlob(digest, at);
      const mediaType = g.optString(desc.mediaType) ?? g.optString(blob.mediaType);
      if ((mediaType && INDEX_TYPES.has(mediaType)) || (!mediaType && Array.isArray(blob.manifests))) {
        visitIndex(blob, `${where} → ${digest.slice(0, 19)}`, refs, depth + 1);
        return;
      }
      images.push(planManifest(members, blob, digest, `${where} → ${digest.slice(0, 19)}`, refs, platformOf(desc.platform)));
    });
  };

  const root = new Fields(members.fileName, 'index.json').object(parseJson(members.fileName, 'index.json', indexBytes, members.limits), 'index.json');
  visitIndex(root, 'index.json', { ref: null, refs: [] }, 0);
  if (images.length === 0) warnings.push('index.json lists no images');
  return { format: 'oci-layout', images, warnings };
}

function planManifest(
  members: ArchiveMembers,
  manifest: JsonObject,
  digest: string,
  where: string,
  inherited: Inherited,
  platform: Platform | null,
): ImagePlan {
  const f = new Fields(members.fileName, where);
  const config = f.object(manifest.config, 'config');
  const configDigest = f.digest(config.digest, 'config.digest');
  const layers = f.array(manifest.layers, 'layers').map((l, i) => {
    const d = f.object(l, `layers[${i}]`);
    const ld = f.digest(d.digest, `layers[${i}].digest`);
    const path = blobPath(ld);
    if (!members.has(path)) f.fail(`layers[${i}] points at blob ${ld}, which is not in the archive`);
    return { path, digest: ld, mediaType: f.optString(d.mediaType), declaredSize: f.optNumber(d.size) };
  });
  return {
    ...inherited,
    platform,
    digest,
    configPath: blobPath(configDigest),
    configDigest,
    layers,
    origin: where,
  };
}
