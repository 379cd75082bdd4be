// Builds the Image model from an image plan, its parsed config and its scanned layers:
// diffIDs from the config's rootfs, history paired with layers, sizes in their three words.

import { InputError } from '../errors.ts';
import type { LayerScan } from '../layers/scan.ts';
import type { Image, ImageArchive, ImageRef, Layer } from '../model/image.ts';
import { pairHistory, type ParsedConfig } from './config.ts';
import type { ArchivePlan, ImagePlan } from './image-plan.ts';
import { selectImage, type Selection } from './select-image.ts';

export function imageRefs(plan: ArchivePlan): ImageRef[] {
  return plan.images.map((img, index) => ({ index, ref: img.ref, refs: img.refs, platform: img.platform, digest: img.digest }));
}

export interface ScannedBlob {
  scan: LayerScan;
  /** blob bytes in the archive (compressedSize) */
  size: number;
}

export function assembleImage(plan: ImagePlan, config: ParsedConfig, blobs: ScannedBlob[], warnings: string[]): Image {
  const { history, layerHistory } = pairHistory(config.history, blobs.length, warnings);
  if (config.diffIds.length !== blobs.length) {
    warnings.push(`the config lists ${config.diffIds.length} diff_ids but the manifest lists ${blobs.length} layers`);
  }
  const layers: Layer[] = blobs.map(({ scan, size }, index) => {
    const lp = plan.layers[index];
    const historyIndex = layerHistory[index];
    if (lp.declaredSize !== null && lp.declaredSize !== size) {
      warnings.push(`layer ${index} (${lp.path}): the manifest says ${lp.declaredSize} bytes, the blob has ${size}`);
    }
    for (const w of scan.stats.warnings ?? []) warnings.push(`layer ${index} (${lp.path}): ${w}`);
    return {
      index,
      diffId: config.diffIds[index] ?? null,
      digest: lp.digest,
      mediaType: lp.mediaType,
      compression: scan.compression,
      compressedSize: size,
      createdBy: historyIndex === null ? null : history[historyIndex].createdBy,
      historyIndex,
      estimated: false,
      table: scan.table,
      ...scan.stats,
    };
  });
  return {
    ref: plan.ref,
    platform: plan.platform ?? config.platform,
    configDigest: plan.configDigest,
    created: config.created,
    config: config.summary,
    layers,
    history,
  };
}

export interface ChosenImage {
  refs: ImageRef[];
  selection: Selection;
  plan: ImagePlan;
  config: ParsedConfig;
}

/** Fills platforms from configs where manifests gave none, lists the images and picks one. */
export function chooseImage(fileName: string, plan: ArchivePlan, configs: ParsedConfig[], opts: { image?: string; platform?: string }): ChosenImage {
  plan.images.forEach((img, i) => (img.platform ??= configs[i].platform));
  const refs = imageRefs(plan);
  if (!refs.length) throw new InputError(fileName, null, 'holds no image (its manifest lists none)');
  const selection = selectImage(fileName, refs, opts);
  return { refs, selection, plan: plan.images[selection.index], config: configs[selection.index] };
}

export function finishArchive(input: { name: string; size: number }, plan: ArchivePlan, chosen: ChosenImage, blobs: ScannedBlob[]): ImageArchive {
  const warnings = [...plan.warnings];
  return {
    input: { name: input.name, bytes: input.size, format: plan.format },
    images: chosen.refs,
    selected: chosen.selection.index,
    selectedReason: chosen.selection.reason,
    image: assembleImage(chosen.plan, chosen.config, blobs, warnings),
    warnings,
  };
}
