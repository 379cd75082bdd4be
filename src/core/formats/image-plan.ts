// What a format module finds before any layer is read: the images an archive holds, where each
// one's config and layer blobs are, and what the manifests say about them. Layers are read later,
// only for the image that is shown.

import type { Limits } from '../limits.ts';
import type { Platform } from '../model/image.ts';

export interface LayerPlan {
  /** archive member holding the blob, e.g. "blobs/sha256/ab…" or "ab….tar" */
  path: string;
  digest: string | null;
  mediaType: string | null;
  /** size the manifest declares, if any */
  declaredSize: number | null;
}

export interface ImagePlan {
  ref: string | null;
  refs: string[];
  platform: Platform | null;
  /** manifest digest (OCI) or config digest (docker save) */
  digest: string | null;
  configPath: string;
  configDigest: string | null;
  layers: LayerPlan[];
  /** where this image was described, for error messages ("manifest.json[1]", "index.json → sha256:…") */
  origin: string;
}

export interface ArchivePlan {
  format: 'docker-archive' | 'oci-layout';
  images: ImagePlan[];
  warnings: string[];
}

/** The archive members a format module may look at while planning. */
export interface ArchiveMembers {
  readonly fileName: string;
  has(path: string): boolean;
  /** bytes of a small member kept while indexing, or null when it is absent or was too large to keep */
  bytes(path: string): Uint8Array | null;
  /** JSON size and depth, index nesting (src/core/limits.ts); the defaults when absent */
  readonly limits?: Limits;
}

/** Archive member names are relative: "./manifest.json" and "manifest.json" are the same member. */
export function memberName(raw: string): string {
  let p = raw;
  while (p.startsWith('./')) p = p.slice(2);
  while (p.startsWith('/')) p = p.slice(1);
  return p;
}
