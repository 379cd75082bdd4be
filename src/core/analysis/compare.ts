// Two images (read or simulated) side by side: their totals on one scale, the layers they share,
// and what differs, layer by layer and file by file in their final filesystems.
//
// Layers are "the same" when their keys match: the diffID for read images (a layer's identity in
// the OCI image spec: the sha256 of its uncompressed tar), the build cache key for simulated
// Dockerfiles (src/core/simulate/cache.ts: a step's key is its parent's key plus its own inputs,
// which is how BuildKit decides a layer can be reused). Matching keeps layer order: a shared
// layer pairs with the first unmatched layer of the other image holding the same key, and pairs
// never cross (a longest common subsequence of the two key lists), so "shared" reads as "built
// the same way up to here" the way a registry would store it once.

import { EntryKind, kindName, type EntryKindName } from '../model/entry-kind.ts';
import type { ImageArchive } from '../model/image.ts';
import { LayerStack } from '../layerstack/stack.ts';
import { computeWaste } from './waste.ts';

export interface CompareInput {
  archive: ImageArchive;
  /** one key per layer (diffId, cache key); null: never shared. Default: each layer's diffId */
  keys?: readonly (string | null)[];
  /** a stack already built for this image */
  stack?: LayerStack;
}

export interface SideTotals {
  layers: number;
  /** history entries without a layer (ENV, CMD, …) */
  emptyEntries: number;
  compressedSize: number;
  tarSize: number;
  /** regular-file bytes of every layer */
  fileBytes: number;
  /** regular-file bytes visible in the final filesystem */
  finalFileBytes: number;
  reclaimableBytes: number;
  efficiency: number;
  /** true when some size is simulated, not read */
  estimated: boolean;
}

export interface SharedLayer {
  a: number;
  b: number;
  key: string;
  /** both images hold it and everything below it: the registry stores this prefix once */
  inCommonBase: boolean;
}

export interface FileDifference {
  path: string;
  change: 'added' | 'removed' | 'changed';
  /** kind and regular-file bytes in A and in B; null where the path is not there */
  kindA: EntryKindName | null;
  kindB: EntryKindName | null;
  sizeA: number | null;
  sizeB: number | null;
  /** the layer that provides the path in A / B */
  layerA: number | null;
  layerB: number | null;
}

export interface Comparison {
  a: SideTotals;
  b: SideTotals;
  /** the larger fileBytes of the two: draw both on this one scale */
  scale: number;
  shared: SharedLayer[];
  /** layers of A / B that the other image does not hold */
  onlyA: number[];
  onlyB: number[];
  /** bytes of B minus bytes of A, for each size word */
  delta: { compressedSize: number; tarSize: number; fileBytes: number; finalFileBytes: number; reclaimableBytes: number };
  files: {
    added: number;
    removed: number;
    changed: number;
    /** the differences with the most bytes at stake, largest first (see maxFiles) */
    top: FileDifference[];
  };
}

export interface CompareOptions {
  /** differences listed in files.top (default 50); the counts cover all */
  maxFiles?: number;
}

function totals(archive: ImageArchive, stack: LayerStack): SideTotals {
  const layers = archive.image.layers;
  const waste = computeWaste(stack, layers.map((l) => l.table), { maxFiles: 0 });
  return {
    layers: layers.length,
    emptyEntries: archive.image.history.filter((h) => h.emptyLayer).length,
    compressedSize: layers.reduce((s, l) => s + l.compressedSize, 0),
    tarSize: layers.reduce((s, l) => s + l.tarSize, 0),
    fileBytes: waste.fileBytes,
    finalFileBytes: waste.finalFileBytes,
    reclaimableBytes: waste.reclaimableBytes,
    efficiency: waste.efficiency,
    estimated: layers.some((l) => l.estimated),
  };
}

/** Longest common subsequence of the two key lists: the shared layers, in order on both sides. */
export function matchLayers(a: readonly (string | null)[], b: readonly (string | null)[]): { a: number; b: number; key: string }[] {
  const n = a.length;
  const m = b.length;
  // Images have tens of layers (at most a few hundred): the quadratic table is small.
  const len = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[at(i, j)] = a[i] !== null && a[i] === b[j] ? len[at(i + 1, j + 1)] + 1 : Math.max(len[at(i + 1, j)], len[at(i, j + 1)]);
    }
  }
  const out: { a: number; b: number; key: string }[] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] !== null && a[i] === b[j]) {
      out.push({ a: i, b: j, key: a[i]! });
      i++;
      j++;
    } else if (len[at(i + 1, j)] >= len[at(i, j + 1)]) i++;
    else j++;
  }
  return out;
}

interface FinalEntry {
  kind: number;
  size: number;
  layer: number;
}

function finalFiles(archive: ImageArchive, stack: LayerStack): Map<string, FinalEntry> {
  const out = new Map<string, FinalEntry>();
  const top = archive.image.layers.length - 1;
  if (top < 0) return out;
  stack.mergedAt(top).forEach((path, layer, row) => {
    const t = stack.tables[layer];
    out.set(path, { kind: t.kinds[row], size: t.kinds[row] === EntryKind.file ? t.sizes[row] : 0, layer });
  });
  return out;
}

function fileDifferences(fa: Map<string, FinalEntry>, fb: Map<string, FinalEntry>, max: number): Comparison['files'] {
  const diffs: FileDifference[] = [];
  let added = 0;
  let removed = 0;
  let changed = 0;
  const diff = (path: string, x: FinalEntry | undefined, y: FinalEntry | undefined, change: FileDifference['change']) =>
    diffs.push({
      path,
      change,
      kindA: x ? kindName(x.kind) : null,
      kindB: y ? kindName(y.kind) : null,
      sizeA: x ? x.size : null,
      sizeB: y ? y.size : null,
      layerA: x ? x.layer : null,
      layerB: y ? y.layer : null,
    });
  for (const [path, x] of fa) {
    const y = fb.get(path);
    if (!y) {
      removed++;
      diff(path, x, undefined, 'removed');
    } else if (x.kind !== y.kind || x.size !== y.size) {
      changed++;
      diff(path, x, y, 'changed');
    }
  }
  for (const [path, y] of fb) {
    if (fa.has(path)) continue;
    added++;
    diff(path, undefined, y, 'added');
  }
  const stake = (d: FileDifference) => Math.abs((d.sizeB ?? 0) - (d.sizeA ?? 0)) || Math.max(d.sizeA ?? 0, d.sizeB ?? 0);
  diffs.sort((p, q) => stake(q) - stake(p) || (p.path < q.path ? -1 : p.path > q.path ? 1 : 0));
  return { added, removed, changed, top: diffs.slice(0, max) };
}

export function compareImages(A: CompareInput, B: CompareInput, opts: CompareOptions = {}): Comparison {
  const stackA = A.stack ?? new LayerStack(A.archive.image.layers.map((l) => l.table));
  const stackB = B.stack ?? new LayerStack(B.archive.image.layers.map((l) => l.table));
  const keysA = A.keys ?? A.archive.image.layers.map((l) => l.diffId);
  const keysB = B.keys ?? B.archive.image.layers.map((l) => l.diffId);
  const a = totals(A.archive, stackA);
  const b = totals(B.archive, stackB);
  const pairs = matchLayers(keysA, keysB);
  const shared = pairs.map((p, i) => ({ ...p, inCommonBase: p.a === i && p.b === i }));
  const inA = new Set(pairs.map((p) => p.a));
  const inB = new Set(pairs.map((p) => p.b));
  return {
    a,
    b,
    scale: Math.max(a.fileBytes, b.fileBytes),
    shared,
    onlyA: A.archive.image.layers.map((l) => l.index).filter((i) => !inA.has(i)),
    onlyB: B.archive.image.layers.map((l) => l.index).filter((i) => !inB.has(i)),
    delta: {
      compressedSize: b.compressedSize - a.compressedSize,
      tarSize: b.tarSize - a.tarSize,
      fileBytes: b.fileBytes - a.fileBytes,
      finalFileBytes: b.finalFileBytes - a.finalFileBytes,
      reclaimableBytes: b.reclaimableBytes - a.reclaimableBytes,
    },
    files: fileDifferences(finalFiles(A.archive, stackA), finalFiles(B.archive, stackB), opts.maxFiles ?? 50),
  };
}

/**
 * Keys for a simulated Dockerfile's layers: the cache key of the step that made each layer; base
 * layers (no step) are keyed by the base's reference and position, so two Dockerfiles FROM the
 * same base share them.
 */
export function simulatedLayerKeys(
  archive: ImageArchive & { steps: readonly { layerIndex: number | null; inImage: boolean; cacheKey?: string | null }[]; base: { ref: string } },
): (string | null)[] {
  const byLayer = new Map<number, string | null>();
  for (const s of archive.steps) if (s.inImage && s.layerIndex !== null) byLayer.set(s.layerIndex, s.cacheKey ?? null);
  return archive.image.layers.map((l) => (byLayer.has(l.index) ? byLayer.get(l.index)! : `base:${archive.base.ref}#${l.index}:${l.diffId ?? l.createdBy ?? ''}`));
}
