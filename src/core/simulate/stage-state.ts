// The state of one stage while it is simulated: its filesystem, the layers and history it has
// so far (its base's first), and the image config the instructions change.

import type { BaseHistory, BaseImage, BaseLayer } from './base/base-image.ts';
import type { BaseInfo, StepInfo } from './types.ts';
import { FsOps } from './vfs/fs-ops.ts';
import type { Clock, Vfs } from './vfs/vfs.ts';

export interface StageConfig {
  /** ENV in order, K → V */
  env: Map<string, string>;
  cmd: string[] | null;
  entrypoint: string[] | null;
  workdir: string;
  user: string | null;
  exposedPorts: string[];
  labels: Record<string, string>;
  shell: string[];
  volumes: string[];
  stopSignal: string | null;
  healthcheck: string | null;
}

export interface StageLayer extends BaseLayer {
  /** the step that made it; null for a base layer */
  step: StepInfo | null;
}

export interface StageHistory extends BaseHistory {
  step: StepInfo | null;
  /** position in `layers` of the layer this entry made */
  layer: number | null;
}

export interface StageState {
  index: number;
  name: string | null;
  vfs: Vfs;
  fs: FsOps;
  layers: StageLayer[];
  history: StageHistory[];
  config: StageConfig;
  /** ARGs declared in the stage with their values (buildah's RUN prefix, in declaration order) */
  stageArgs: Map<string, string>;
  /** ARGs declared in the stage, in order (BuildKit's RUN prefix) */
  declaredArgs: { key: string; value: string | null }[];
  /** ENTRYPOINT clears an inherited CMD unless the stage set one (BuildKit) */
  cmdSet: boolean;
  /** which /bin/sh runs RUN lines */
  flavor: 'ash' | 'dash' | 'bash';
  base: BaseInfo;
  /** the build-cache key of the stage's state so far (cache.ts) */
  cacheKey: string;
}

function envMap(env: string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of env) {
    const i = e.indexOf('=');
    if (i > 0) m.set(e.slice(0, i), e.slice(i + 1));
  }
  return m;
}

export function stageFromBase(index: number, name: string | null, base: BaseImage, clock: Clock, flavor: StageState['flavor']): StageState {
  const vfs = base.filesystem(clock);
  const layers: StageLayer[] = base.layers.map((l) => ({ ...l, step: null }));
  let li = 0;
  const history: StageHistory[] = base.history.map((h) => ({ ...h, step: null, layer: h.emptyLayer ? null : li < layers.length ? li++ : null }));
  return {
    index,
    name,
    vfs,
    fs: new FsOps(vfs, base.config.workdir ?? '/'),
    layers,
    history,
    config: {
      env: envMap(base.config.env),
      cmd: base.config.cmd,
      entrypoint: base.config.entrypoint,
      workdir: base.config.workdir ?? '/',
      user: base.config.user,
      exposedPorts: base.config.exposedPorts.slice(),
      labels: { ...base.config.labels },
      shell: base.config.shell ?? ['/bin/sh', '-c'],
      volumes: [],
      stopSignal: null,
      healthcheck: null,
    },
    stageArgs: new Map(),
    declaredArgs: [],
    cmdSet: false,
    flavor,
    base: base.info,
    cacheKey: `base:${base.info.ref}:${base.info.detail}`,
  };
}

/** A stage FROM an earlier stage: everything of that stage, then its own steps. */
export function stageFromStage(index: number, name: string | null, parent: StageState): StageState {
  const vfs = parent.vfs.clone();
  return {
    ...parent,
    index,
    name,
    vfs,
    fs: new FsOps(vfs, parent.config.workdir),
    layers: parent.layers.slice(),
    history: parent.history.slice(),
    config: { ...parent.config, env: new Map(parent.config.env), labels: { ...parent.config.labels }, exposedPorts: parent.config.exposedPorts.slice(), volumes: parent.config.volumes.slice() },
    stageArgs: new Map(parent.stageArgs),
    declaredArgs: parent.declaredArgs.slice(),
    cmdSet: false,
    base: { ...parent.base, source: 'stage', detail: `stage ${parent.name ?? parent.index}, built from ${parent.base.ref}` },
  };
}
