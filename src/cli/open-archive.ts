// Opens an image archive on disk and reads it with the core, as the browser worker does.

import { stat } from 'node:fs/promises';
import { InputError } from '../core/errors.ts';
import { readArchive } from '../core/formats/read-archive.ts';
import type { HashSetting } from '../core/layers/hash-mode.ts';
import type { Limits } from '../core/limits.ts';
import type { ImageArchive } from '../core/model/image.ts';
import { FileSource } from './file-source.ts';

export async function openArchive(path: string, opts: { image?: string; platform?: string; hash?: HashSetting; limits?: Partial<Limits> }): Promise<ImageArchive> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    throw new InputError(path, null, `cannot be opened (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (!st.isFile()) throw new InputError(path, null, 'is not a regular file');
  const source = await FileSource.open(path, path);
  try {
    return await readArchive(source, { ...opts, concurrency: 2 });
  } finally {
    await source.close();
  }
}
