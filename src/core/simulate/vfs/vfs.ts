// The virtual filesystem a simulated build runs in, with overlayfs copy-up semantics so that a
// step's layer is what a real builder would write (both buildah and BuildKit diff an overlay
// upper directory):
// - a path maps to an Inode; hard links are paths sharing one Inode object;
// - every Inode carries the step generation that wrote it: an Inode of an earlier step is in a
//   lower layer and is never mutated; touching it (write, chmod, chown, link) gives the path a
//   fresh copy first: overlayfs "copy up", which also breaks hard links to lower files
//   (Documentation/filesystems/overlayfs.rst, "Non-standard behavior": only the path used is
//   copied up), as the links-longnames fixture shows;
// - the first time a step touches a path, what was there before is recorded (lowerOf), and
//   removals are remembered, so layer-diff.ts can tell added / modified / deleted / recreated.
// Paths here are canonical (absolute, lexically clean, symlinks in parents already resolved by
// the caller through realpath()).

import { EMPTY, type Content } from './content.ts';
import { baseName, joinPath, normalizePath, parentOf } from './paths.ts';

export type NodeKind = 'file' | 'dir' | 'symlink' | 'other';

export interface Inode {
  kind: NodeKind;
  /** permission and special bits (07777) */
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  /** regular files only */
  content: Content | null;
  /** symlinks only: the target as written */
  target: string | null;
  /** the step generation that wrote this inode */
  gen: number;
}

export type VfsErrorCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ELOOP' | 'ENOTEMPTY' | 'EINVAL';

/** A filesystem error a real command would print (and fail with). */
export class VfsError extends Error {
  override readonly name = 'VfsError';
  constructor(
    readonly code: VfsErrorCode,
    readonly path: string,
  ) {
    super(`${path}: ${MESSAGES[code]}`);
  }
}

const MESSAGES: Record<VfsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
};

/** Shared by every Vfs of one simulation, so a step generation is never reused across stages. */
export interface Clock {
  gen: number;
}

export function newInode(kind: NodeKind, mode: number, uid: number, gid: number, mtime: number, gen: number): Inode {
  return { kind, mode: mode & 0o7777, uid, gid, mtime, content: kind === 'file' ? EMPTY : null, target: null, gen };
}

export class Vfs {
  private readonly nodes: Map<string, Inode>;
  private readonly kids: Map<string, Set<string>>;
  /** the generation of the step in progress */
  private stepGen = 0;
  private lower = new Map<string, Inode | null>();
  private removedPaths = new Set<string>();
  /** time stamp given to what the current step writes (seconds) */
  now = 0;

  constructor(
    readonly clock: Clock,
    nodes?: Map<string, Inode>,
    kids?: Map<string, Set<string>>,
  ) {
    this.nodes = nodes ?? new Map([['/', newInode('dir', 0o755, 0, 0, 0, 0)]]);
    this.kids = kids ?? new Map([['/', new Set()]]);
  }

  /** An independent copy (inodes are shared: they are never mutated outside their own step). */
  clone(): Vfs {
    const kids = new Map<string, Set<string>>();
    for (const [k, v] of this.kids) kids.set(k, new Set(v));
    const v = new Vfs(this.clock, new Map(this.nodes), kids);
    v.now = this.now;
    return v;
  }

  get gen(): number {
    return this.stepGen;
  }

  beginStep(now: number): void {
    this.stepGen = ++this.clock.gen;
    this.lower = new Map();
    this.removedPaths = new Set();
    this.now = now;
  }

  /** Paths this step touched, with what was there before it (null: nothing). */
  touched(): ReadonlyMap<string, Inode | null> {
    return this.lower;
  }

  /** Was `path` removed at some point during this step (even if something is there again)? */
  wasRemoved(path: string): boolean {
    return this.removedPaths.has(path);
  }

  lstat(path: string): Inode | undefined {
    return this.nodes.get(path);
  }

  /** Follows symlinks in every component, the last one too when `followLast`. */
  realpath(path: string, followLast = true): string {
    let hops = 0;
    let rest = normalizePath(path).split('/').filter(Boolean);
    let cur = '/';
    while (rest.length) {
      const name = rest[0];
      rest = rest.slice(1);
      const next = joinPath(cur, name);
      const node = this.nodes.get(next);
      if (node?.kind === 'symlink' && (rest.length > 0 || followLast)) {
        if (++hops > 40) throw new VfsError('ELOOP', path);
        const target = node.target ?? '';
        const base = target.startsWith('/') ? '/' : cur;
        rest = [...normalizePath(`${base}/${target}`).split('/').filter(Boolean), ...rest];
        cur = '/';
        continue;
      }
      if (rest.length > 0 && node && node.kind !== 'dir') throw new VfsError('ENOTDIR', path);
      cur = next;
    }
    return cur;
  }

  stat(path: string): Inode | undefined {
    try {
      return this.nodes.get(this.realpath(path));
    } catch {
      return undefined;
    }
  }

  /** Child names of a directory, sorted. */
  list(dir: string): string[] {
    return [...(this.kids.get(dir) ?? [])].sort();
  }

  /** Every path under `dir` (not `dir` itself), parents before children. */
  *walk(dir: string): Generator<string> {
    for (const name of this.list(dir)) {
      const p = joinPath(dir, name);
      yield p;
      if (this.nodes.get(p)?.kind === 'dir') yield* this.walk(p);
    }
  }

  private record(path: string): void {
    if (!this.lower.has(path)) this.lower.set(path, this.nodes.get(path) ?? null);
  }

  /** Creates or replaces `path` (its parent must be a directory). */
  put(path: string, inode: Inode): void {
    if (path === '/') {
      this.record('/');
      this.nodes.set('/', inode);
      return;
    }
    const dir = parentOf(path);
    const parent = this.nodes.get(dir);
    if (!parent) throw new VfsError('ENOENT', path);
    if (parent.kind !== 'dir') throw new VfsError('ENOTDIR', path);
    const old = this.nodes.get(path);
    if (old?.kind === 'dir' && inode.kind !== 'dir') this.remove(path);
    this.record(path);
    this.nodes.set(path, inode);
    if (inode.kind === 'dir' && !this.kids.has(path)) this.kids.set(path, new Set());
    this.kids.get(dir)!.add(baseName(path));
    this.touchDir(dir);
  }

  /** A directory's content changed: overlayfs copies it up (its mtime changes too). */
  private touchDir(dir: string): void {
    const node = this.nodes.get(dir);
    if (!node || node.gen === this.stepGen) return;
    this.record(dir);
    this.nodes.set(dir, { ...node, gen: this.stepGen, mtime: this.now });
  }

  /** Removes `path` and everything under it. */
  remove(path: string): void {
    const node = this.nodes.get(path);
    if (!node || path === '/') return;
    if (node.kind === 'dir') {
      for (const name of [...(this.kids.get(path) ?? [])]) this.remove(joinPath(path, name));
      this.kids.delete(path);
    }
    this.record(path);
    this.removedPaths.add(path);
    this.nodes.delete(path);
    const dir = parentOf(path);
    this.kids.get(dir)?.delete(baseName(path));
    this.touchDir(dir);
  }

  /**
   * The inode at `path`, copied up into the current step when it came from a lower one, so the
   * caller may change it in place. Changing a copied-up inode never affects other hard links.
   */
  upper(path: string): Inode {
    const node = this.nodes.get(path);
    if (!node) throw new VfsError('ENOENT', path);
    if (node.gen === this.stepGen) return node;
    const copy: Inode = { ...node, gen: this.stepGen };
    this.record(path);
    this.nodes.set(path, copy);
    if (path !== '/') this.touchDir(parentOf(path));
    return copy;
  }
}
