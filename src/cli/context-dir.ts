// The build context over a directory on disk (`--context DIR`), for the simulator's
// ContextSource: every entry below the root with its size and mode (symlinks not followed, as
// the builders send them), and a file's bytes on demand.

import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { InputError } from '../core/errors.ts';
import type { ContextEntry, ContextSource } from '../core/simulate/context/context-source.ts';

export class DirectoryContext implements ContextSource {
  private constructor(
    readonly name: string,
    private readonly root: string,
  ) {}

  static async open(root: string): Promise<DirectoryContext> {
    let st;
    try {
      st = await lstat(root);
    } catch (e) {
      throw new InputError(root, null, `cannot be opened as a build context (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (!st.isDirectory()) throw new InputError(root, null, 'is not a directory (--context takes the build context folder)');
    return new DirectoryContext(root, root);
  }

  async list(): Promise<ContextEntry[]> {
    const out: ContextEntry[] = [];
    const walk = async (dir: string): Promise<void> => {
      const names = (await readdir(dir)).sort();
      for (const n of names) {
        const abs = join(dir, n);
        const st = await lstat(abs);
        const path = relative(this.root, abs).split(sep).join('/');
        const base = { path, mode: st.mode & 0o7777, mtime: Math.floor(st.mtimeMs / 1000) };
        if (st.isDirectory()) {
          out.push({ ...base, kind: 'dir', size: 0 });
          await walk(abs);
        } else if (st.isSymbolicLink()) out.push({ ...base, kind: 'symlink', size: 0, linkTarget: await readlink(abs) });
        else if (st.isFile()) out.push({ ...base, kind: 'file', size: st.size });
      }
    };
    await walk(this.root);
    return out;
  }

  read(path: string): Promise<Uint8Array> {
    return readFile(join(this.root, ...path.split('/')));
  }
}
