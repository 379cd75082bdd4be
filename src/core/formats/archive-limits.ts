// The Limits (src/core/limits.ts) as the archive readers apply them to the OUTER archive: how
// much JSON may be kept while indexing, how many images and layers a plan may list, how many
// entries all the scanned layers may hold together.

import { LimitError, type Limits } from '../limits.ts';
import { formatBytes } from '../text/units.ts';
import type { ArchivePlan, ImagePlan } from './image-plan.ts';

/** Counts the bytes of members kept whole (manifests, indexes, configs, small blobs). */
export class KeptBudget {
  private total = 0;
  constructor(
    private readonly limits: Limits,
    private readonly file: string,
  ) {}

  /** Whether a JSON member of this size may be kept at all (bigger ones are left in the archive). */
  fits(size: number): boolean {
    return size <= this.limits.maxJsonBytes;
  }

  /** Records `size` more kept bytes; throws once the archive holds more than maxJsonTotalBytes. */
  take(size: number, name: string): void {
    this.total += size;
    if (this.total > this.limits.maxJsonTotalBytes) {
      throw new LimitError(
        this.file,
        name,
        `the archive's manifests, configs and small blobs come to more than ${formatBytes(this.limits.maxJsonTotalBytes)}`,
        'maxJsonTotalBytes',
        this.limits.maxJsonTotalBytes,
      );
    }
  }
}

/** A JSON member the reader must read (a config), refused before reading when it is too big. */
export function checkJsonSize(limits: Limits, file: string, entry: string, size: number): void {
  if (size > limits.maxJsonBytes) {
    throw new LimitError(file, entry, `is ${formatBytes(size)}, too large for the JSON it should be`, 'maxJsonBytes', limits.maxJsonBytes);
  }
}

export function checkPlan(limits: Limits, file: string, plan: ArchivePlan): void {
  if (plan.images.length > limits.maxImages) {
    throw new LimitError(file, null, `lists ${plan.images.length.toLocaleString('en-US')} images`, 'maxImages', limits.maxImages);
  }
}

export function checkLayers(limits: Limits, file: string, image: ImagePlan): void {
  if (image.layers.length > limits.maxLayers) {
    throw new LimitError(file, image.origin, `lists ${image.layers.length.toLocaleString('en-US')} layers`, 'maxLayers', limits.maxLayers);
  }
}

/** Entries of every layer scanned so far, held to maxTotalEntries. */
export class EntryTotal {
  private total = 0;
  constructor(
    private readonly limits: Limits,
    private readonly file: string,
  ) {}

  add(entries: number, layer: string): void {
    this.total += entries;
    if (this.total > this.limits.maxTotalEntries) {
      throw new LimitError(
        this.file,
        layer,
        `the image's layers hold more than ${this.limits.maxTotalEntries.toLocaleString('en-US')} tar entries together`,
        'maxTotalEntries',
        this.limits.maxTotalEntries,
      );
    }
  }
}
