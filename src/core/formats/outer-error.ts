// Errors of the outer archive (the tar that holds manifests and layer blobs), as a person reads
// them: the file, and what is wrong at which byte of the archive.

import { DecompressError } from '../compress/errors.ts';
import { CancelledError, InputError } from '../errors.ts';
import { TarFormatError } from '../tar/errors.ts';

export function outerArchiveError(e: unknown, file: string): unknown {
  if (e instanceof CancelledError || e instanceof InputError) return e;
  if (e instanceof TarFormatError) return new InputError(file, null, `${e.problem} at byte ${e.offset} of the archive's tar`);
  if (e instanceof DecompressError) return new InputError(file, null, `the archive's compression is broken: ${e.message}`);
  // Anything else is a bug of ours, not a problem with the input: let it show as one.
  return e;
}

/** How far past the end-of-archive marker to look for data (writers pad with zeros: GNU tar to 10 KiB records). */
export const LOOK_PAST_END = 1 << 20;

/**
 * What is odd about where the outer tar ends. `dataAfter`: bytes that follow the marker when
 * some of them are not zero padding (a size field that lies can end the tar early, on a layer's
 * own zero blocks), else 0.
 */
export function outerTarNotes(end: number | null, entries: number, dataAfter: number): string[] {
  if (end === null) return entries > 0 ? ["the archive's tar stops without its end-of-archive marker (zero blocks): it may have been cut short"] : [];
  if (dataAfter === 0) return [];
  return [
    `the archive's tar ends at byte ${end.toLocaleString('en-US')} (its end-of-archive marker), but ${dataAfter.toLocaleString('en-US')} more bytes of data follow: ` +
      'a size field before it may be wrong, or the file holds more than one tar',
  ];
}

/** True when a byte in `b` from `from` on is not zero. */
export function hasData(b: Uint8Array, from = 0): boolean {
  for (let i = Math.max(0, from); i < b.length; i++) if (b[i] !== 0) return true;
  return false;
}
