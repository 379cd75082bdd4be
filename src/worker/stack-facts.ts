// What the stack worker computes once per image: the stacking (core's LayerStack), the waste
// figures with dive's beside them, the suggestions tied to the layers that cause the waste
// (core's CI analysis, the same text `layerscope ci` prints), and the columns the page keeps.

import { findBase } from '../core/analysis/ci/base-boundary.ts';
import { explainDifferences } from '../core/analysis/ci/differences.ts';
import { computeCiFigures } from '../core/analysis/ci/figures.ts';
import { suggest } from '../core/analysis/ci/suggestions.ts';
import { LayerStack } from '../core/layerstack/stack.ts';
import type { Image } from '../core/model/image.ts';
import { LayerTable } from '../core/model/layer-table.ts';
import { EntryKind } from '../core/model/entry-kind.ts';
import type { WasteFile } from '../core/analysis/waste.ts';
import { TOP_WASTED, WASTE_REASONS, type BloatReport, type Skeleton, type StackFacts, type StackInput } from './stack-protocol.ts';

const encoder = new TextEncoder();

/** The Image shape core's analysis reads, from the posted input (no config is needed for it). */
export function imageOf(input: StackInput): Image {
  return {
    ref: null,
    platform: null,
    configDigest: null,
    created: null,
    config: { env: [], cmd: null, entrypoint: null, workdir: null, user: null, exposedPorts: [], labels: {} },
    history: input.history,
    layers: input.layers.map((l) => {
      const table = new LayerTable(l.table);
      return {
        index: l.index, createdBy: l.createdBy, historyIndex: l.historyIndex, table,
        diffId: null, digest: null, mediaType: null, compression: 'none', compressedSize: 0, estimated: false,
        tarSize: 0, fileBytes: 0, entryCount: table.count, fileCount: 0, whiteouts: [], opaqueDirs: [],
      };
    }),
  };
}

/** The path tree's columns, with each distinct name encoded once. */
export function skeletonOf(stack: LayerStack): Skeleton {
  const tree = stack.tree;
  const n = tree.nodeCount;
  let names = 0;
  for (let i = 1; i < n; i++) names = Math.max(names, tree.nameId[i] + 1);
  const offsets = new Uint32Array(names + 1);
  const starts = new Int32Array(names).fill(-1);
  const lengths = new Uint32Array(names);
  let bytes = new Uint8Array(Math.max(1024, n * 12));
  let len = 0;
  for (let i = 1; i < n; i++) {
    const id = tree.nameId[i];
    if (starts[id] >= 0) continue;
    const text = tree.name(i);
    if (len + text.length * 3 > bytes.length) {
      const next = new Uint8Array(Math.max(bytes.length * 2, len + text.length * 3));
      next.set(bytes.subarray(0, len));
      bytes = next;
    }
    const { written } = encoder.encodeInto(text, bytes.subarray(len));
    starts[id] = len;
    lengths[id] = written;
    len += written;
  }
  // Names laid out in first-seen order; offsets must follow name ids, so copy them into id order.
  const out = new Uint8Array(len);
  let at = 0;
  for (let id = 0; id < names; id++) {
    offsets[id] = at;
    if (starts[id] >= 0) out.set(bytes.subarray(starts[id], starts[id] + lengths[id]), at);
    at += lengths[id];
  }
  offsets[names] = at;
  return { nodeCount: n, parent: tree.parent.slice(0, n), nameId: tree.nameId.slice(0, n), nameBytes: out, nameOffsets: offsets };
}

/** Per entry, why its bytes are wasted (code into WASTE_REASONS, from 1), from waste.ts's list. */
function reasonColumn(stack: LayerStack, files: readonly WasteFile[]): Uint8Array {
  const s = stack.state;
  const out = new Uint8Array(s.bases[stack.layerCount]);
  for (const f of files) {
    const node = stack.tree.lookup(f.path);
    for (let e = node < 0 ? -1 : s.nodeHead[node]; e >= 0; e = s.entryNext[e]) {
      if (s.entryLayer[e] === f.layer && stack.kindOf(e) === EntryKind.file) out[e] = WASTE_REASONS.indexOf(f.reason) + 1;
    }
  }
  return out;
}

function allMarks(stack: LayerStack): Uint8Array {
  const out = new Uint8Array(stack.state.bases[stack.layerCount]);
  for (let i = 0; i < stack.layerCount; i++) out.set(stack.changes(i), stack.state.bases[i]);
  return out;
}

export function bloatOf(image: Image, stack: LayerStack): BloatReport & { reasons: Uint8Array } {
  const base = findBase(image);
  const figures = computeCiFigures(image, stack, base);
  const l = figures.layerscope;
  return {
    reasons: reasonColumn(stack, l.wastedFiles),
    fileBytes: l.fileBytes,
    finalFileBytes: l.finalFileBytes,
    reclaimableBytes: l.wastedBytes,
    efficiency: l.efficiency,
    diveEfficiency: figures.dive.efficiency,
    diveWastedBytes: figures.dive.wastedBytes,
    files: l.wastedFiles.slice(0, TOP_WASTED),
    wastedCount: l.wastedFiles.length,
    layers: figures.layers.map((x) => ({ index: x.index, fileBytes: x.fileBytes, wastedBytes: x.wastedBytes })),
    suggestions: suggest(figures, stack, null),
    differences: explainDifferences(figures),
    base,
  };
}

export interface Stacked {
  stack: LayerStack;
  facts: StackFacts;
}

export function stackImage(input: StackInput): Stacked {
  const image = imageOf(input);
  const t0 = performance.now();
  const stack = new LayerStack(image.layers.map((x) => x.table));
  const t1 = performance.now();
  const { reasons, ...bloat } = bloatOf(image, stack);
  const s = stack.state;
  const links: number[] = [];
  for (const [link, inode] of s.hardlinkInode) if (inode >= 0) links.push(link, inode);
  const facts: StackFacts = {
    skeleton: skeletonOf(stack),
    bases: s.bases.slice(),
    entryNode: s.entryNode.slice(),
    hiddenBy: s.hiddenBy.slice(),
    hardlinks: Int32Array.from(links),
    marks: allMarks(stack),
    wasteReasons: reasons,
    bloat,
    stackMs: t1 - t0,
    analysisMs: performance.now() - t1,
  };
  return { stack, facts };
}

/** The buffers of the facts, to transfer rather than copy. */
export function factBuffers(f: StackFacts): ArrayBuffer[] {
  const k = f.skeleton;
  return [k.parent, k.nameId, k.nameBytes, k.nameOffsets, f.bases, f.entryNode, f.hiddenBy, f.hardlinks, f.marks, f.wasteReasons].map((a) => a.buffer as ArrayBuffer);
}
