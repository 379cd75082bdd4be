// The bench's image archive: an OCI image layout in a tar (as `skopeo copy oci-archive:` writes
// it) holding the two generated gzip layers, for the end-to-end read (OCI image-layout spec:
// oci-layout, index.json, blobs/sha256/…; image-spec manifest.md and config.md).

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { TarFileWriter } from './tar-writer.ts';

export interface ArchiveLayer {
  /** the gzip blob on disk */
  path: string;
  size: number;
  /** sha256 of the blob, hex */
  digest: string;
  /** sha256 of the uncompressed tar, hex */
  diffId: string;
  createdBy: string;
}

const MTIME = 1_700_000_000;

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Writes an OCI layout tar holding one linux/amd64 image tagged `ref` with `layers`. */
export function writeOciArchive(outPath: string, ref: string, layers: ArchiveLayer[]): { bytes: number } {
  const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
  const digestOf = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const config = json({
    created: new Date(MTIME * 1000).toISOString(),
    architecture: 'amd64',
    os: 'linux',
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'], WorkingDir: '/opt/app' },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => `sha256:${l.diffId}`) },
    history: layers.map((l) => ({ created: new Date(MTIME * 1000).toISOString(), created_by: l.createdBy })),
  });
  const configDigest = digestOf(config);
  const manifest = json({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${configDigest}`, size: config.length },
    layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${l.digest}`, size: l.size })),
  });
  const manifestDigest = digestOf(manifest);
  const index = json({
    schemaVersion: 2,
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: `sha256:${manifestDigest}`,
        size: manifest.length,
        annotations: { 'org.opencontainers.image.ref.name': ref },
      },
    ],
  });

  const w = new TarFileWriter(outPath);
  const small = (path: string, body: Uint8Array) => w.entry({ path, type: 'file', size: body.length, mode: 0o644, mtime: MTIME }, (out) => out.set(body));
  w.entry({ path: 'blobs', type: 'dir', mode: 0o755, mtime: MTIME });
  w.entry({ path: 'blobs/sha256', type: 'dir', mode: 0o755, mtime: MTIME });
  for (const l of layers) w.fileFrom({ path: `blobs/sha256/${l.digest}`, mode: 0o644, mtime: MTIME }, l.path, l.size);
  small(`blobs/sha256/${configDigest}`, config);
  small(`blobs/sha256/${manifestDigest}`, manifest);
  small('index.json', index);
  small('oci-layout', json({ imageLayoutVersion: '1.0.0' }));
  return { bytes: w.finish().bytes };
}
