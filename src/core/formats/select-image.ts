// Which image of an archive is shown: the one the user asked for (--image / --platform / the
// picker), else the first linux/amd64 of a multi-platform index, else the first in the archive's
// own order (DESIGN.md "Image reading"). The reason is returned so the UI and CLI can state it.

import { InputError } from '../errors.ts';
import { platformString, type ImageRef } from '../model/image.ts';

export interface Selection {
  index: number;
  reason: string;
}

function matchesPlatform(img: ImageRef, want: string): boolean {
  const p = platformString(img.platform);
  if (!p) return false;
  // "linux/arm64" matches "linux/arm64/v8"; "arm64" or "arm64/v8" (no OS) match on Linux.
  const known = new Set(['linux', 'windows', 'darwin', 'freebsd', 'wasip1', 'js']);
  const w = known.has(want.split('/')[0]) ? want : `linux/${want}`;
  return p === w || p.startsWith(`${w}/`);
}

function matchesImage(img: ImageRef, want: string): boolean {
  if (img.refs.includes(want)) return true;
  if (img.refs.some((r) => r.endsWith(`/${want}`) || r.endsWith(`:${want}`) || r === `${want}:latest` || r.endsWith(`/${want}:latest`))) return true;
  if (img.digest && want.length >= 4 && (img.digest === want || img.digest.slice(img.digest.indexOf(':') + 1).startsWith(want.replace(/^sha256:/, '')))) return true;
  return false;
}

export function selectImage(fileName: string, images: ImageRef[], opts: { image?: string; platform?: string }): Selection {
  let candidates = images;
  const asked: string[] = [];
  if (opts.image !== undefined && opts.image !== '') {
    const n = /^\d+$/.test(opts.image) ? Number(opts.image) : NaN;
    const byIndex = Number.isInteger(n) && n < images.length ? [images[n]] : [];
    const byRef = images.filter((i) => matchesImage(i, opts.image!));
    candidates = byRef.length ? byRef : byIndex;
    asked.push(`image "${opts.image}"`);
  }
  if (opts.platform) {
    candidates = candidates.filter((i) => matchesPlatform(i, opts.platform!));
    asked.push(`platform "${opts.platform}"`);
  }
  if (asked.length) {
    if (!candidates.length) {
      const have = images.map((i) => `${i.index}: ${i.ref ?? '(untagged)'}${i.platform ? ` ${platformString(i.platform)}` : ''}`).join('; ');
      throw new InputError(fileName, null, `holds no ${asked.join(' and ')}; it holds ${have}`);
    }
    return { index: candidates[0].index, reason: `chosen: ${asked.join(', ')}` };
  }
  if (images.length <= 1) return { index: 0, reason: 'the only image in the archive' };
  const platforms = new Set(images.map((i) => platformString(i.platform)).filter(Boolean));
  if (platforms.size > 1) {
    const amd = images.find((i) => matchesPlatform(i, 'linux/amd64'));
    if (amd) return { index: amd.index, reason: 'the first linux/amd64 image of the index' };
    return { index: 0, reason: 'the first image of the index (no linux/amd64 in it)' };
  }
  return { index: 0, reason: `the first of ${images.length} images, in the archive's own order` };
}
