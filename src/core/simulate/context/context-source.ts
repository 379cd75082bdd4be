// The build context as the simulator sees it: a list of entries with sizes, and the bytes of a
// file on demand. The CLI implements it over a directory (src/cli/context-dir.ts), the browser
// over a dropped folder, tests over memory (MemoryContext below).

export interface ContextEntry {
  /** relative to the context root, '/'-separated, no leading "./" ("site/css/style.css") */
  path: string;
  kind: 'file' | 'dir' | 'symlink';
  /** regular-file bytes (0 for others) */
  size: number;
  /** permission bits (07777) */
  mode: number;
  /** seconds since the epoch */
  mtime: number;
  /** symlinks: the target as stored */
  linkTarget?: string;
}

export interface ContextSource {
  /** for messages: the directory or folder name */
  readonly name: string;
  /** every entry under the root, directories included, parents before children */
  list(): Promise<ContextEntry[]>;
  /** a regular file's bytes */
  read(path: string): Promise<Uint8Array>;
}

/** A context held in memory: path → bytes (directories implied by the paths, or listed with a trailing "/"). */
export class MemoryContext implements ContextSource {
  private readonly files = new Map<string, { bytes: Uint8Array; mode: number }>();
  private readonly dirs = new Set<string>();

  constructor(
    readonly name: string,
    files: Record<string, string | Uint8Array | { bytes: string | Uint8Array; mode: number }>,
  ) {
    const enc = new TextEncoder();
    for (const [p, v] of Object.entries(files)) {
      if (p.endsWith('/')) {
        this.addDir(p.slice(0, -1));
        continue;
      }
      const entry = typeof v === 'string' || v instanceof Uint8Array ? { bytes: v, mode: 0o644 } : v;
      this.files.set(p, { bytes: typeof entry.bytes === 'string' ? enc.encode(entry.bytes) : entry.bytes, mode: entry.mode });
      const i = p.lastIndexOf('/');
      if (i > 0) this.addDir(p.slice(0, i));
    }
  }

  private addDir(d: string): void {
    const parts = d.split('/');
    for (let i = 1; i <= parts.length; i++) this.dirs.add(parts.slice(0, i).join('/'));
  }

  async list(): Promise<ContextEntry[]> {
    const out: ContextEntry[] = [];
    for (const d of this.dirs) out.push({ path: d, kind: 'dir', size: 0, mode: 0o755, mtime: 0 });
    for (const [p, f] of this.files) out.push({ path: p, kind: 'file', size: f.bytes.length, mode: f.mode, mtime: 0 });
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async read(path: string): Promise<Uint8Array> {
    const f = this.files.get(path);
    if (!f) throw new Error(`${path}: not in the build context`);
    return f.bytes;
  }
}
