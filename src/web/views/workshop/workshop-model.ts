// Workshop mode's script: a simulated build cut into steps a room can follow, one instruction at a
// time. First the base image's layers, then each instruction (a new layer, or why none), then a
// container started from the image (its writable layer on top: a write lands there after a
// copy-up, a read walks down the layers), then the build cache (change a line, the layers from it
// on rebuild). Each step says in one line why it made a layer or none, what it added, what it
// wasted. Pure: built from the simulated image, so it is tested without a browser.

import { computeWaste, type WasteFile } from '../../../core/analysis/waste.ts';
import { LayerStack, type ReadPathResult } from '../../../core/layerstack/stack.ts';
import { EntryKind } from '../../../core/model/entry-kind.ts';
import type { SimulatedImage, StepInfo } from '../../../core/simulate/types.ts';
import { formatBytes } from '../../format.ts';

export type WorkshopStep =
  | { kind: 'base'; layers: number; headline: string; detail: string }
  | { kind: 'instruction'; step: StepInfo; layers: number; newLayer: number | null; headline: string; detail: string; wasted: number }
  | { kind: 'container'; layers: number; headline: string; detail: string; write: ContainerWrite | null; read: ReadPathResult | null }
  | { kind: 'cache'; layers: number; headline: string; detail: string; line: StepInfo | null };

export interface ContainerWrite {
  path: string;
  /** the layer the file comes from (copied up into the container layer before the write) */
  from: number;
  bytes: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const REASON_WORDS: Record<WasteFile['reason'], (paths: string) => string> = {
  deleted: (p) => `It deletes ${p}`,
  overwritten: (p) => `It overwrites ${p}`,
  'copied-up': (p) => `It copies ${p} up (a metadata change copies the whole file)`,
  'hidden-by-opaque': (p) => `It hides ${p} behind an opaque folder`,
};

/** Bytes of lower layers that layer k makes invisible, with what it does to them. */
function wasteBy(stack: LayerStack, k: number): { bytes: number; words: string } {
  const w = computeWaste(stack, [...stack.tables]);
  const mine = w.files.filter((f) => f.byLayer === k);
  const bytes = mine.reduce((s, f) => s + f.size, 0);
  const reasons = [...new Set(mine.map((f) => f.reason))];
  const paths = [...new Set(mine.map((f) => f.path))];
  const named = paths.length > 2 ? `${paths.slice(0, 2).join(', ')} and ${paths.length - 2} more` : paths.join(' and ');
  return { bytes, words: reasons.length ? reasons.map((r, i) => (i === 0 ? REASON_WORDS[r](named) : REASON_WORDS[r]('').replace(/^It /, 'and ').trim())).join(' ') : '' };
}

function instructionStep(step: StepInfo, sim: SimulatedImage, stacks: LayerStack[], shown: number): WorkshopStep {
  const kw = step.keyword.toUpperCase();
  if (!step.inImage) {
    return { kind: 'instruction', step, layers: shown, newLayer: null, headline: `${kw} builds stage ${step.stageName ?? step.stage}: not in the final image`, detail: step.why, wasted: 0 };
  }
  if (!step.makesLayer || step.layerIndex === null) {
    return { kind: 'instruction', step, layers: shown, newLayer: null, headline: `${kw}: no layer, ${step.why.replace(/^[A-Z]+ /, '')}`, detail: step.notes.join(' '), wasted: 0 };
  }
  const k = step.layerIndex;
  const layer = sim.image.layers[k];
  const est = layer.estimated ? '≈' : '';
  const added = layer.fileBytes > 0 || layer.fileCount > 0 ? `+${est}${formatBytes(layer.fileBytes)} in ${plural(layer.fileCount, 'file')}` : 'no file bytes (an almost empty layer)';
  const w = wasteBy(stacks[k], k);
  const wasted = w.bytes > 0 ? `. ${w.words}: ${formatBytes(w.bytes)} in the layers below is now waste the image still ships` : '';
  return {
    kind: 'instruction',
    step,
    layers: k + 1,
    newLayer: k,
    headline: `${kw} made layer #${k}: ${added}${wasted}`,
    detail: [step.why, ...step.notes].join(' '),
    wasted: w.bytes,
  };
}

/** The largest regular file visible at the top that the build itself made (else any). */
function pickWrite(stack: LayerStack, baseLayers: number): ContainerWrite | null {
  const top = stack.layerCount - 1;
  if (top < 0) return null;
  let best: ContainerWrite | null = null;
  let bestAny: ContainerWrite | null = null;
  stack.mergedAt(top).forEach((path, layer, row) => {
    const t = stack.tables[layer];
    if (t.kinds[row] !== EntryKind.file) return;
    const c = { path, from: layer, bytes: t.sizes[row] };
    if (!bestAny || c.bytes > bestAny.bytes) bestAny = c;
    if (layer >= baseLayers && (!best || c.bytes > best.bytes)) best = c;
  });
  return best ?? bestAny;
}

/** A file the base image provides, read through every layer above it. */
function pickRead(stack: LayerStack): ReadPathResult | null {
  const top = stack.layerCount - 1;
  if (top < 0) return null;
  const view = stack.mergedAt(top);
  for (const p of ['/bin/sh', '/etc/passwd', '/bin/busybox', '/etc/os-release']) {
    const at = view.get(p);
    if (at && at.layer < top) return stack.readPath(p, top);
  }
  let found: string | null = null;
  view.forEach((path, layer, row) => {
    if (!found && layer === 0 && stack.tables[layer].kinds[row] === EntryKind.file) found = path;
  });
  return found ? stack.readPath(found, top) : null;
}

export function workshopSteps(sim: SimulatedImage): WorkshopStep[] {
  const layers = sim.image.layers;
  const made = new Set(sim.steps.filter((s) => s.inImage && s.layerIndex !== null).map((s) => s.layerIndex!));
  let baseLayers = 0;
  while (baseLayers < layers.length && !made.has(baseLayers)) baseLayers++;
  // One stack per prefix of layers: "what is waste once layer k is on top".
  const stacks = layers.map((_, k) => new LayerStack(layers.slice(0, k + 1).map((l) => l.table)));
  const baseBytes = layers.slice(0, baseLayers).reduce((s, l) => s + l.fileBytes, 0);
  const out: WorkshopStep[] = [
    {
      kind: 'base',
      layers: baseLayers,
      headline: `FROM ${sim.base.ref}: the base image brings ${plural(baseLayers, 'layer')}, ${baseLayers && layers[0].estimated ? '≈' : ''}${formatBytes(baseBytes)} of files`,
      detail: `Every layer below is read-only and shared by every image built on it. ${sim.base.detail}`,
    },
  ];
  let shown = baseLayers;
  for (const step of sim.steps) {
    const s = instructionStep(step, sim, stacks, shown);
    shown = s.layers;
    out.push(s);
  }
  const top = stacks[stacks.length - 1];
  const write = top ? pickWrite(top, baseLayers) : null;
  const read = top ? pickRead(top) : null;
  out.push({
    kind: 'container',
    layers: layers.length,
    headline: write
      ? `docker run adds a writable layer on top: a write to ${write.path} first copies the whole file (${formatBytes(write.bytes)}) up from layer #${write.from}`
      : 'docker run adds a writable layer on top: every write lands there, the image layers never change',
    detail: read
      ? `A read of ${read.path} walks down from the container layer: ${read.steps.map((s) => `#${s.layer} ${s.outcome}`).join(', ')}.`
      : 'A read walks down from the container layer until a layer has the file.',
    write,
    read,
  });
  const candidates = sim.steps.filter((s) => s.inImage && s.makesLayer && s.layerIndex !== null);
  const line = candidates[Math.min(candidates.length - 1, 1)] ?? null;
  out.push({
    kind: 'cache',
    layers: layers.length,
    headline: line ? `Change line ${line.startLine} and build again: its layer and every layer after it rebuild` : 'Change a line and build again: the layers after it rebuild',
    detail: 'BuildKit reuses a layer when its instruction, its inputs and the layer under it are the same as before; the first change breaks the chain.',
    line,
  });
  return out;
}
