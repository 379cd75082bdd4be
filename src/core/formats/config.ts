// The image config (OCI image-spec config.md; Docker's is the same shape): runtime settings,
// rootfs.diff_ids (one per layer, in order) and history (with empty_layer entries).

import type { Limits } from '../limits.ts';
import type { HistoryEntry, ImageConfigSummary, Platform } from '../model/image.ts';
import { Fields, isObject, parseJson, type Json } from './json-fields.ts';

export interface ParsedConfig {
  summary: ImageConfigSummary;
  created: string | null;
  platform: Platform | null;
  diffIds: string[];
  history: Omit<HistoryEntry, 'layerIndex'>[];
}

export function parseConfig(fileName: string, entry: string, bytes: Uint8Array, limits?: Limits): ParsedConfig {
  const f = new Fields(fileName, entry);
  const root = f.object(parseJson(fileName, entry, bytes, limits), 'the image config');
  const c: Json | undefined = root.config ?? root.container_config;
  const cfg = isObject(c) ? c : {};
  const labels: Record<string, string> = {};
  if (isObject(cfg.Labels)) for (const [k, v] of Object.entries(cfg.Labels)) if (typeof v === 'string') labels[k] = v;
  const summary: ImageConfigSummary = {
    env: f.stringList(cfg.Env),
    cmd: Array.isArray(cfg.Cmd) ? f.stringList(cfg.Cmd) : null,
    entrypoint: Array.isArray(cfg.Entrypoint) ? f.stringList(cfg.Entrypoint) : null,
    workdir: f.optString(cfg.WorkingDir) || null,
    user: f.optString(cfg.User) || null,
    exposedPorts: isObject(cfg.ExposedPorts) ? Object.keys(cfg.ExposedPorts) : [],
    labels,
  };
  const rootfs = isObject(root.rootfs) ? root.rootfs : {};
  const diffIds = f.stringList(rootfs.diff_ids);
  const history = (Array.isArray(root.history) ? root.history : []).map((h, index) => {
    const o = isObject(h) ? h : {};
    return {
      index,
      createdBy: f.optString(o.created_by),
      created: f.optString(o.created),
      comment: f.optString(o.comment),
      emptyLayer: o.empty_layer === true,
    };
  });
  const os = f.optString(root.os);
  const architecture = f.optString(root.architecture);
  const variant = f.optString(root.variant);
  return {
    summary,
    created: f.optString(root.created),
    platform: os && architecture ? { os, architecture, ...(variant ? { variant } : {}) } : null,
    diffIds,
    history,
  };
}

/**
 * Pairs history entries that are not `empty_layer` with layers, in order (DESIGN.md). When the
 * counts differ the pairing stops where one runs out and a warning says so.
 */
export function pairHistory(
  history: ParsedConfig['history'],
  layerCount: number,
  warnings: string[],
): { history: HistoryEntry[]; layerHistory: (number | null)[] } {
  const layerHistory: (number | null)[] = new Array(layerCount).fill(null);
  let next = 0;
  const paired = history.map((h) => {
    if (h.emptyLayer) return { ...h, layerIndex: null };
    if (next >= layerCount) return { ...h, layerIndex: null };
    layerHistory[next] = h.index;
    return { ...h, layerIndex: next++ };
  });
  const nonEmpty = history.filter((h) => !h.emptyLayer).length;
  if (history.length > 0 && nonEmpty !== layerCount) {
    warnings.push(
      `the config's history has ${nonEmpty} entries that make layers but the image has ${layerCount} layers; ` +
        `paired the first ${Math.min(nonEmpty, layerCount)} in order`,
    );
  }
  return { history: paired, layerHistory };
}
