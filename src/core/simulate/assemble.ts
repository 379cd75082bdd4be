// The target stage's layers and history as the image model (model/image.ts), with indices
// linking layers, history entries and steps, so LayerStack, waste and the exports read it as they
// read an image archive.

import type { HistoryEntry, Image, Layer } from '../model/image.ts';
import type { StageState } from './stage-state.ts';
import type { BuilderName, SimulatedImage, StepInfo } from './types.ts';

export interface AssembleInfo {
  name: string;
  bytes: number;
  builder: BuilderName;
  target: string | null;
  warnings: string[];
}

export function assembleImage(st: StageState, steps: StepInfo[], info: AssembleInfo): SimulatedImage {
  const layers: Layer[] = st.layers.map(({ step: _s, ...l }, index) => ({ ...l, index, historyIndex: null }));
  const history: HistoryEntry[] = st.history.map(({ step, layer, ...h }, index) => {
    if (layer !== null && layers[layer]) layers[layer].historyIndex = index;
    if (step && step.inImage) {
      step.historyIndex = index;
      step.layerIndex = layer;
    }
    return { ...h, index, layerIndex: layer };
  });
  const c = st.config;
  const image: Image = {
    ref: null,
    platform: { os: 'linux', architecture: 'amd64' },
    configDigest: null,
    created: null,
    config: {
      env: [...c.env].map(([k, v]) => `${k}=${v}`),
      cmd: c.cmd,
      entrypoint: c.entrypoint,
      workdir: c.workdir === '/' ? null : c.workdir,
      user: c.user,
      // the config holds a map: Go writes its keys sorted
      exposedPorts: c.exposedPorts.slice().sort(),
      labels: { ...c.labels },
    },
    layers,
    history,
  };
  const estimated = layers.filter((l) => l.estimated).length;
  const warnings = info.warnings.slice();
  if (estimated) warnings.push(`${estimated} of ${layers.length} layers have sizes that are estimates (simulated from the Dockerfile, not read from an image)`);
  return {
    input: { name: info.name, bytes: info.bytes, format: 'dockerfile' },
    images: [{ index: 0, ref: info.target, refs: [], platform: image.platform, digest: null }],
    selected: 0,
    selectedReason: info.target ? `the target stage ${info.target}` : 'the last stage (the default target)',
    image,
    warnings,
    builder: info.builder,
    target: info.target,
    steps,
    base: st.base,
  };
}
