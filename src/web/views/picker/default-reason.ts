// Words for the image picker: a label per image, and why the one shown is shown. The rule itself
// lives in core (formats/select-image.ts, DESIGN.md "Image reading"), which returns its reason;
// this only phrases it for the page.

import { platformString, type ImageArchive, type ImageRef } from '../../../core/model/image.ts';

export function imageLabel(img: ImageRef): string {
  const platform = platformString(img.platform);
  const ref = img.refs.length > 0 ? img.refs.join(', ') : img.ref;
  if (platform && ref) return `${platform} · ${ref}`;
  return platform ?? ref ?? `image ${img.index + 1}`;
}

export function shownReason(archive: ImageArchive, picked: number | null): string {
  if (picked !== null && picked === archive.selected) return 'Showing the image you picked.';
  return `Shown by default: ${archive.selectedReason}. Pick another to read it.`;
}
