// How the picker asks core's readArchive for one image of an archive (`image` option).

import type { ImageRef } from '../../core/model/image.ts';

/**
 * Image `index` as a query: its digest when no other image shares it (a bare number could also
 * match a tag such as "app:1"), else its position in archive.images.
 */
export function imageQuery(images: ImageRef[], index: number): string {
  const d = images[index]?.digest;
  if (d && images.filter((i) => i.digest === d).length === 1) return d;
  return String(index);
}
