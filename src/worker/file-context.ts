// The build context over dropped or picked Files (a folder dropped on the page, or picked with the
// folder input), for the simulator's ContextSource (src/core/simulate/context/context-source.ts).
// The page sends the Files to the simulate worker with their relative paths (a File is
// structured-cloned by reference: no bytes are copied) and the worker builds this over them.
// `.dockerignore` is applied by the simulator (loaded-context.ts), not here.

import type { ContextEntry, ContextSource } from '../core/simulate/context/context-source.ts';

/** One file of the context: its path relative to the context root ('/'-separated) and its bytes. */
export interface ContextFile {
  path: string;
  file: File;
}

/** A context as it crosses to the worker: a name for messages and its files. */
export interface WireContext {
  name: string;
  files: ContextFile[];
}

/**
 * A browser gives no permission bits for a File, so files get 0644 and folders 0755: what
 * `docker build` sends from a checkout without executable files (BuildKit keeps the mode as sent).
 */
const FILE_MODE = 0o644;
const DIR_MODE = 0o755;

/** "./a//b/" → "a/b"; null for a path that leaves the root or names nothing. */
export function contextPath(path: string): string | null {
  const parts: string[] = [];
  for (const part of path.split(/[/\\]/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') return null;
    parts.push(part);
  }
  return parts.length ? parts.join('/') : null;
}

export class FileContext implements ContextSource {
  private readonly files = new Map<string, File>();
  private readonly dirs = new Set<string>();

  /** Paths that leave the root are dropped; of two Files at one path, the last wins. */
  constructor(
    readonly name: string,
    files: readonly ContextFile[],
  ) {
    for (const f of files) {
      const p = contextPath(f.path);
      if (p === null) continue;
      this.files.set(p, f.file);
      const parts = p.split('/');
      for (let i = 1; i < parts.length; i++) this.dirs.add(parts.slice(0, i).join('/'));
    }
    // A folder that is also a file's path (a/b as a file and a/b/c): the folder wins, as on disk.
    for (const d of this.dirs) this.files.delete(d);
  }

  static fromWire(ctx: WireContext): FileContext {
    return new FileContext(ctx.name, ctx.files);
  }

  async list(): Promise<ContextEntry[]> {
    const out: ContextEntry[] = [];
    for (const d of this.dirs) out.push({ path: d, kind: 'dir', size: 0, mode: DIR_MODE, mtime: 0 });
    for (const [p, f] of this.files) out.push({ path: p, kind: 'file', size: f.size, mode: FILE_MODE, mtime: Math.floor(f.lastModified / 1000) });
    // Sorted by path: a parent ("a") sorts before its children ("a/…"), as the interface asks.
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async read(path: string): Promise<Uint8Array> {
    const p = contextPath(path);
    const f = p === null ? undefined : this.files.get(p);
    if (!f) throw new Error(`${path}: not in the build context ${this.name}`);
    return new Uint8Array(await f.arrayBuffer());
  }
}
