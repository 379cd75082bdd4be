// Which base image a FROM line gets: an archive the caller gave (exact), else the catalog
// (estimated), else "unknown" (one layer of unknown size); `scratch` is empty.

import type { ImageArchive } from '../../model/image.ts';
import { catalogBase, catalogShell, parseRef } from '../catalog/lookup.ts';
import type { Vfs } from '../vfs/vfs.ts';
import { scratchBase, unknownBase, type BaseImage } from './base-image.ts';
import { baseFromArchive } from './from-archive.ts';

export type BaseResolver = (ref: string) => BaseImage | null;

/**
 * A resolver over an image archive: used for a FROM that names the archive's image (any of its
 * tags, docker.io/library/ and :latest normalized), or for every FROM image when the Dockerfile
 * names only one (the usual `--base IMAGE.tar` case).
 */
export function archiveResolver(archive: ImageArchive, fromRefs: readonly string[]): BaseResolver {
  const names = new Set<string>();
  for (const img of archive.images) for (const r of img.refs.length ? img.refs : img.ref ? [img.ref] : []) {
    const p = parseRef(r.replace(/^localhost\//, ''));
    names.add(`${p.repo}:${p.tag}`);
  }
  const distinct = new Set(fromRefs.filter((r) => r !== 'scratch').map((r) => { const p = parseRef(r); return `${p.repo}:${p.tag}`; }));
  return (ref) => {
    const p = parseRef(ref);
    if (names.has(`${p.repo}:${p.tag}`) || distinct.size === 1) return baseFromArchive(archive, ref);
    return null;
  };
}

export function resolveBase(ref: string, resolver?: BaseResolver): BaseImage {
  if (ref === 'scratch') return scratchBase();
  return resolver?.(ref) ?? catalogBase(ref) ?? unknownBase(ref);
}

/** Which shell /bin/sh is in a base: dash interprets echo escapes, ash and bash do not. */
export function shellFlavor(ref: string, vfs: Vfs): 'ash' | 'dash' | 'bash' {
  let target: string;
  try {
    target = vfs.realpath('/bin/sh');
  } catch {
    target = '';
  }
  if (target.endsWith('dash')) return 'dash';
  if (target.endsWith('bash')) return 'bash';
  if (target.endsWith('busybox')) return 'ash';
  return catalogShell(ref) ?? 'ash';
}
