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
