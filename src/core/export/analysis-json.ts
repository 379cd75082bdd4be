// The versioned JSON of an analysis (`layerscope analyze --json`, schema layerscope.analysis/v1,
// DESIGN.md "CLI contract"): camelCase, absolute paths, sizes named by their word.

import { computeWaste } from '../analysis/waste.ts';
import { LayerStack } from '../layerstack/stack.ts';
import { CHANGE_MARK_NAMES, kindName, type ChangeMarkName, type EntryKindName } from '../model/entry-kind.ts';
import { platformString, type ImageArchive, type Layer } from '../model/image.ts';
import { formatMode } from '../text/units.ts';

export const ANALYSIS_SCHEMA = 'layerscope.analysis/v1';

export interface EntryJson {
  path: string;
  kind: EntryKindName;
  size: number;
  /** permission bits as an octal string, e.g. "0755" */
  mode: string;
  uid: number;
  gid: number;
  linkTarget: string | null;
  change: ChangeMarkName;
}

export interface LayerJson {
  index: number;
  diffId: string | null;
  digest: string | null;
  mediaType: string | null;
  compression: Layer['compression'];
  compressedSize: number;
  tarSize: number;
  fileBytes: number;
  entryCount: number;
  fileCount: number;
  whiteouts: string[];
  opaqueDirs: string[];
  createdBy: string | null;
  historyIndex: number | null;
  estimated: boolean;
  entries?: EntryJson[];
}

export interface AnalysisJson {
  schema: typeof ANALYSIS_SCHEMA;
  input: ImageArchive['input'];
  images: { ref: string | null; refs: string[]; platform: string | null; digest: string | null }[];
  selected: number;
  selectedReason: string;
  image: {
    ref: string | null;
    platform: string | null;
    configDigest: string | null;
    created: string | null;
    config: ImageArchive['image']['config'];
  };
  layers: LayerJson[];
  history: { index: number; createdBy: string | null; created: string | null; emptyLayer: boolean; layerIndex: number | null }[];
  totals: {
    layers: number;
    /** regular-file bytes of every layer (what was shipped) */
    fileBytes: number;
    /** regular-file bytes visible in the final filesystem */
    finalFileBytes: number;
    reclaimableBytes: number;
    efficiency: number;
    diveEfficiency: number;
    diveWastedBytes: number;
    compressedSize: number;
    tarSize: number;
  };
  merged?: { path: string; kind: EntryKindName; size: number; layer: number }[];
  warnings: string[];
}

export interface ExportOptions {
  files?: boolean;
  merged?: boolean;
  /** reuse a stack already built for this image */
  stack?: LayerStack;
}

export function toAnalysisJson(archive: ImageArchive, opts: ExportOptions = {}): AnalysisJson {
  const { image } = archive;
  const tables = image.layers.map((l) => l.table);
  const stack = opts.stack ?? new LayerStack(tables);
  const waste = computeWaste(stack, tables);
  const layers = image.layers.map((l): LayerJson => {
    const out: LayerJson = {
      index: l.index,
      diffId: l.diffId,
      digest: l.digest,
      mediaType: l.mediaType,
      compression: l.compression,
      compressedSize: l.compressedSize,
      tarSize: l.tarSize,
      fileBytes: l.fileBytes,
      entryCount: l.entryCount,
      fileCount: l.fileCount,
      whiteouts: l.whiteouts,
      opaqueDirs: l.opaqueDirs,
      createdBy: l.createdBy,
      historyIndex: l.historyIndex,
      estimated: l.estimated,
    };
    if (opts.files) {
      const t = l.table;
      const marks = stack.changes(l.index);
      out.entries = [];
      for (let i = 0; i < t.count; i++) {
        out.entries.push({
          path: t.path(i),
          kind: kindName(t.kinds[i]),
          size: t.sizes[i],
          mode: formatMode(t.modes[i]),
          uid: t.uids[i],
          gid: t.gids[i],
          linkTarget: t.linkTarget(i),
          change: CHANGE_MARK_NAMES[marks[i]],
        });
      }
    }
    return out;
  });
  const json: AnalysisJson = {
    schema: ANALYSIS_SCHEMA,
    input: archive.input,
    images: archive.images.map((i) => ({ ref: i.ref, refs: i.refs, platform: platformString(i.platform), digest: i.digest })),
    selected: archive.selected,
    selectedReason: archive.selectedReason,
    image: {
      ref: image.ref,
      platform: platformString(image.platform),
      configDigest: image.configDigest,
      created: image.created,
      config: image.config,
    },
    layers,
    history: image.history.map((h) => ({
      index: h.index,
      createdBy: h.createdBy,
      created: h.created,
      emptyLayer: h.emptyLayer,
      layerIndex: h.layerIndex,
    })),
    totals: {
      layers: image.layers.length,
      fileBytes: waste.fileBytes,
      finalFileBytes: waste.finalFileBytes,
      reclaimableBytes: waste.reclaimableBytes,
      efficiency: waste.efficiency,
      diveEfficiency: waste.diveEfficiency,
      diveWastedBytes: waste.diveWastedBytes,
      compressedSize: image.layers.reduce((s, l) => s + l.compressedSize, 0),
      tarSize: image.layers.reduce((s, l) => s + l.tarSize, 0),
    },
    warnings: archive.warnings,
  };
  if (opts.merged && image.layers.length) {
    const top = image.layers.length - 1;
    const merged: NonNullable<AnalysisJson['merged']> = [];
    stack.mergedAt(top).forEach((path, layer, row) => {
      const t = tables[layer];
      merged.push({ path, kind: kindName(t.kinds[row]), size: t.sizes[row], layer });
    });
    merged.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    json.merged = merged;
  }
  return json;
}
