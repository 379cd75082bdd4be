// Picks the layout of an archive by what it holds, never by its file name: index.json (OCI image
// layout, also written by Docker 25+), else manifest.json (docker save). When both are there
// (Docker 25+), index.json is read and manifest.json gives the images' order and tags.

import { InputError } from '../errors.ts';
import { DEFAULT_LIMITS, formatLimit, raiseHint } from '../limits.ts';
import { planDockerArchive } from './docker-archive.ts';
import type { ArchiveMembers, ArchivePlan } from './image-plan.ts';
import { planOciLayout } from './oci-layout.ts';

/** Null when the archive holds neither: it is not an image (maybe a filesystem tar). */
export function planArchive(members: ArchiveMembers): ArchivePlan | null {
  // Present but not kept: too large to be the JSON it should be, or not JSON at all. Reading on
  // without it would show the image as a plain filesystem tar, which it is not.
  for (const name of ['index.json', 'manifest.json']) {
    if (members.has(name) && !members.bytes(name)) {
      const max = (members.limits ?? DEFAULT_LIMITS).maxJsonBytes;
      throw new InputError(members.fileName, name, `cannot be read: it is not JSON, or larger than the limit maxJsonBytes = ${formatLimit('maxJsonBytes', max)} (${raiseHint('maxJsonBytes')})`);
    }
  }
  const docker = planDockerArchive(members);
  const oci = members.has('index.json') ? planOciLayout(members) : null;
  if (!oci || oci.images.length === 0) return docker ?? oci;
  if (!docker) return oci;
  // Docker 25+: manifest.json's order is the archive's own order; its RepoTags are the names.
  const order = new Map(docker.images.map((img, i) => [img.configDigest, i]));
  const images = [...oci.images].sort((a, b) => (order.get(a.configDigest) ?? 1e9) - (order.get(b.configDigest) ?? 1e9));
  for (const img of images) {
    const d = docker.images.find((x) => x.configDigest === img.configDigest);
    if (!d) continue;
    const refs = [...d.refs, ...img.refs.filter((r) => !d.refs.includes(r))];
    img.refs = refs;
    img.ref = refs[0] ?? null;
  }
  return { format: 'docker-archive', images, warnings: [...docker.warnings, ...oci.warnings] };
}
