// What a FROM line starts from: the base image's layers and history (they stay the first layers
// of the result, as they do in a real build), its config, and its merged filesystem as the
// virtual filesystem the steps run in. Three sources: a real image archive (exact), the built-in
// catalog (estimated, cited), or nothing known (one layer of unknown size, said plainly).

import type { HistoryEntry, ImageConfigSummary, Layer, Platform } from '../../model/image.ts';
import { LayerTableBuilder } from '../../model/layer-table.ts';
import type { BaseInfo } from '../types.ts';
import { newInode, Vfs, type Clock } from '../vfs/vfs.ts';

export type BaseLayer = Omit<Layer, 'index' | 'historyIndex'>;
export type BaseHistory = Omit<HistoryEntry, 'index' | 'layerIndex'>;

export interface BaseConfig extends ImageConfigSummary {
  shell: string[] | null;
}

export interface BaseImage {
  info: BaseInfo;
  layers: BaseLayer[];
  history: BaseHistory[];
  config: BaseConfig;
  platform: Platform | null;
  /** builds a fresh virtual filesystem holding the image's merged filesystem */
  filesystem(clock: Clock): Vfs;
  warnings: string[];
}

export function emptyConfig(): BaseConfig {
  return { env: [], cmd: null, entrypoint: null, workdir: null, user: null, exposedPorts: [], labels: {}, shell: null };
}

/** FROM scratch: no layers, an empty filesystem. */
export function scratchBase(): BaseImage {
  return {
    info: { ref: 'scratch', source: 'scratch', detail: 'the empty image', layers: 0 },
    layers: [],
    history: [],
    config: emptyConfig(),
    platform: null,
    filesystem: (clock) => new Vfs(clock),
    warnings: [],
  };
}

/** Directories nearly every Linux image has, so RUN lines on an unknown base have somewhere to write. */
const SKELETON = ['/bin', '/dev', '/etc', '/home', '/lib', '/proc', '/root', '/run', '/sbin', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/sbin', '/usr/share', '/var', '/var/cache', '/var/lib', '/var/log'];

/** An image the simulator knows nothing about: one layer of unknown size. */
export function unknownBase(ref: string): BaseImage {
  const why = `the base image ${ref} is not in the built-in catalog and no image archive was given for it (--base IMAGE.tar), so its size is not known: it is shown as one layer of 0 bytes`;
  return {
    info: { ref, source: 'unknown', detail: why, layers: 1 },
    layers: [
      {
        diffId: null,
        digest: null,
        mediaType: null,
        compression: 'gzip',
        compressedSize: 0,
        tarSize: 0,
        fileBytes: 0,
        entryCount: 0,
        fileCount: 0,
        whiteouts: [],
        opaqueDirs: [],
        createdBy: `(base image ${ref}: unknown)`,
        estimated: true,
        table: new LayerTableBuilder(1).finish(),
      },
    ],
    history: [{ createdBy: `(base image ${ref}: unknown)`, created: null, comment: why, emptyLayer: false }],
    config: { ...emptyConfig(), env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] },
    platform: null,
    filesystem: (clock) => {
      const v = new Vfs(clock);
      for (const d of SKELETON) v.put(d, newInode('dir', d === '/tmp' ? 0o1777 : d === '/root' ? 0o700 : 0o755, 0, 0, 0, 0));
      return v;
    },
    warnings: [why],
  };
}
