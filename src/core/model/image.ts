// The image model every view, the CLI and the exports share. Sizes always say which word they
// are (DESIGN.md "Layer size words"): compressedSize (blob bytes), tarSize (uncompressed tar
// bytes), fileBytes (regular-file bytes, hard links once).

import type { LayerTable } from './layer-table.ts';

/** Bump when the shape below changes in a way stored data (links, JSON) would notice. */
export const MODEL_VERSION = 1;

export type InputFormat = 'docker-archive' | 'oci-layout' | 'filesystem-tar' | 'dockerfile';
export type Compression = 'gzip' | 'zstd' | 'none';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export function platformString(p: Platform | null | undefined): string | null {
  if (!p) return null;
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

/** Per-layer figures gathered while walking its tar. */
export interface LayerStats {
  tarSize: number;
  fileBytes: number;
  /** tar entries, not counting PAX/GNU meta headers */
  entryCount: number;
  /** regular files (not hard links, not whiteout markers) */
  fileCount: number;
  /** paths deleted by `.wh.NAME` markers */
  whiteouts: string[];
  /** directories made opaque by `.wh..wh..opq` */
  opaqueDirs: string[];
  /** what was odd but readable in this layer's tar (entries climbing above the root, ...) */
  warnings?: string[];
}

export interface Layer extends LayerStats {
  index: number;
  diffId: string | null;
  /** blob digest in the archive (sha256:… from the manifest or the blob file name) */
  digest: string | null;
  mediaType: string | null;
  compression: Compression;
  compressedSize: number;
  createdBy: string | null;
  historyIndex: number | null;
  /** true where a size is simulated, not read */
  estimated: boolean;
  table: LayerTable;
}

export interface HistoryEntry {
  index: number;
  createdBy: string | null;
  created: string | null;
  comment: string | null;
  emptyLayer: boolean;
  /** the layer this entry made, or null for an empty entry */
  layerIndex: number | null;
}

export interface ImageConfigSummary {
  env: string[];
  cmd: string[] | null;
  entrypoint: string[] | null;
  workdir: string | null;
  user: string | null;
  exposedPorts: string[];
  labels: Record<string, string>;
}

/** One image an archive holds: enough to list it in the picker before its layers are read. */
export interface ImageRef {
  /** position in the archive's own order (manifest.json, else index.json) */
  index: number;
  /** tag or ref name, e.g. "localhost/app:latest"; null when untagged */
  ref: string | null;
  /** every tag pointing at the same image */
  refs: string[];
  platform: Platform | null;
  /** manifest digest (OCI) or config digest (docker save) */
  digest: string | null;
}

export interface Image {
  ref: string | null;
  platform: Platform | null;
  configDigest: string | null;
  created: string | null;
  config: ImageConfigSummary;
  layers: Layer[];
  history: HistoryEntry[];
}

export interface ImageArchive {
  input: { name: string; bytes: number; format: InputFormat };
  images: ImageRef[];
  /** which of `images` is `image` */
  selected: number;
  /** why that one, in words ("the first linux/amd64 image of the index") */
  selectedReason: string;
  image: Image;
  warnings: string[];
}
