// A tar with no manifest.json or index.json is not an image but may be a filesystem export
// (`docker export`): it is shown as a one-layer image, with a note saying so.

import type { LayerScan } from '../layers/scan.ts';
import type { ImageArchive } from '../model/image.ts';

export function filesystemArchive(name: string, bytes: number, scan: LayerScan, compressedSize: number): ImageArchive {
  const note =
    'this archive has no manifest.json or index.json, so it is not an image: it was read as a plain filesystem ' +
    'tar (e.g. `docker export`), shown as one layer with no history or config';
  return {
    input: { name, bytes, format: 'filesystem-tar' },
    images: [{ index: 0, ref: null, refs: [], platform: null, digest: null }],
    selected: 0,
    selectedReason: 'the only image in the archive',
    image: {
      ref: null,
      platform: null,
      configDigest: null,
      created: null,
      config: { env: [], cmd: null, entrypoint: null, workdir: null, user: null, exposedPorts: [], labels: {} },
      history: [],
      layers: [
        {
          index: 0,
          diffId: null,
          digest: null,
          mediaType: null,
          compression: scan.compression,
          compressedSize,
          createdBy: null,
          historyIndex: null,
          estimated: false,
          table: scan.table,
          ...scan.stats,
        },
      ],
    },
    warnings: [note, ...(scan.stats.warnings ?? [])],
  };
}

