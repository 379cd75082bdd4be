// The real image fixtures (../shared/fixtures beside the repo) and their `.truth.json`, written
// from the tools' own output (buildah, skopeo, umoci): the e2e tests compare the page with these.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.resolve(REPO, '../shared/fixtures');

export function fixturePath(name: string): string {
  return path.join(FIXTURES, name);
}

export interface TruthHistory {
  index: number;
  created_by: string;
  empty_layer: boolean;
  layer_index: number | null;
}
export interface TruthLayer {
  index: number;
  diff_id: string;
  /** the layer's member in the archive, e.g. "blobs/sha256/…" or "<sha>.tar" */
  path_in_archive: string;
  compression: 'gzip' | 'zstd' | 'none';
  compressed_size: number;
  uncompressed_size: number;
  regular_file_count: number;
  regular_file_bytes: number;
  whiteout_count: number;
  opaque_dirs: string[];
}
export interface TruthImage {
  os: string;
  architecture: string;
  variant: string | null;
  repo_tags?: string[];
  manifest?: { platform: { os: string; architecture: string; variant?: string } | null } | null;
  history: TruthHistory[];
  layers: TruthLayer[];
}
export interface Truth {
  fixture: string;
  images: TruthImage[];
}

export function readTruth(name: string): Truth {
  return JSON.parse(readFileSync(fixturePath(`${name}.truth.json`), 'utf8')) as Truth;
}

/** What one layer-row must show for each history entry, oldest first. */
export interface ExpectedRow {
  historyIndex: string;
  layerIndex: string;
  empty: boolean;
  command: string;
  /** compressedSize, tarSize, fileBytes; empty for an entry without a layer */
  bytes: number[];
}

export function expectedRows(image: TruthImage): ExpectedRow[] {
  let below = -1;
  return image.history.map((h) => {
    const layer = h.layer_index === null ? null : image.layers[h.layer_index];
    if (layer) below = layer.index;
    return {
      historyIndex: String(h.index),
      layerIndex: String(layer ? layer.index : below),
      empty: h.empty_layer,
      command: h.created_by,
      bytes: layer ? [layer.compressed_size, layer.uncompressed_size, layer.regular_file_bytes] : [],
    };
  });
}

/** "linux/arm64/v8": from the index's manifest entry when there is one, else the config. */
export function truthPlatform(image: TruthImage): string {
  const p = image.manifest?.platform ?? { os: image.os, architecture: image.architecture, variant: image.variant ?? undefined };
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
