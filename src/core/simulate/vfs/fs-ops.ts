// POSIX-like file operations over the Vfs, as coreutils/busybox perform them, used by the shell
// commands and by COPY/ADD: path lookup through symlinks, create/overwrite/append, mkdir -p,
// rm -r, hard and symbolic links, copy and move of trees (hard links inside a copied tree kept,
// as cp -a does), chmod/chown with copy-up. New files get mode 0644 and directories 0755 (the
// usual umask 022) and the current user's owner.

import { concatContent, EMPTY, type Content } from './content.ts';
import { absolutePath, baseName, joinPath, parentOf } from './paths.ts';
import { newInode, VfsError, type Inode, type Vfs } from './vfs.ts';

export interface Identity {
  uid: number;
  gid: number;
}

export class FsOps {
  constructor(
    readonly vfs: Vfs,
    public cwd = '/',
    public user: Identity = { uid: 0, gid: 0 },
  ) {}

  /** Canonical path of `p`: parents resolved through symlinks; the last component too when `follow`. */
  resolve(p: string, follow = true): string {
    const abs = absolutePath(this.cwd, p);
    if (abs === '/') return '/';
    if (follow) return this.vfs.realpath(abs, true);
    const dir = this.vfs.realpath(parentOf(abs), true);
    return joinPath(dir, baseName(abs));
  }

  lookup(p: string, follow = true): { path: string; node: Inode | undefined } {
    const path = this.resolve(p, follow);
    return { path, node: this.vfs.lstat(path) };
  }

  exists(p: string): boolean {
    try {
      return this.lookup(p).node !== undefined;
    } catch {
      return false;
    }
  }

  isDir(p: string): boolean {
    try {
      return this.lookup(p).node?.kind === 'dir';
    } catch {
      return false;
    }
  }

  private fresh(kind: Inode['kind'], mode: number): Inode {
    return newInode(kind, mode, this.user.uid, this.user.gid, this.vfs.now, this.vfs.gen);
  }

  private requireDir(path: string): void {
    const dir = this.vfs.lstat(parentOf(path));
    if (!dir) throw new VfsError('ENOENT', path);
    if (dir.kind !== 'dir') throw new VfsError('ENOTDIR', path);
  }

  /** A file's text when it exists and its bytes are known, else null. */
  readText(p: string): string | null {
    try {
      const c = this.readFile(p);
      return c.bytes ? new TextDecoder().decode(c.bytes) : null;
    } catch {
      return null;
    }
  }

  readFile(p: string): Content {
    const { path, node } = this.lookup(p);
    if (!node) throw new VfsError('ENOENT', path);
    if (node.kind === 'dir') throw new VfsError('EISDIR', path);
    return node.content ?? EMPTY;
  }

  /** Writes (or appends to) a regular file, creating it when missing, through a symlink too. */
  writeFile(p: string, content: Content, opts: { append?: boolean; mode?: number } = {}): string {
    const { path, node } = this.lookup(p);
    if (node?.kind === 'dir') throw new VfsError('EISDIR', path);
    if (node && node.kind === 'file') {
      const up = this.vfs.upper(path);
      up.content = opts.append ? concatContent(up.content ?? EMPTY, content) : content;
      up.mtime = this.vfs.now;
      return path;
    }
    this.requireDir(path);
    const inode = this.fresh('file', opts.mode ?? 0o644);
    inode.content = content;
    this.vfs.put(path, inode);
    return path;
  }

  mkdir(p: string, opts: { parents?: boolean; mode?: number } = {}): void {
    const abs = absolutePath(this.cwd, p);
    if (opts.parents) {
      let cur = '/';
      for (const name of abs.split('/').filter(Boolean)) {
        const next = this.vfs.realpath(joinPath(cur, name), true);
        const node = this.vfs.lstat(next);
        if (!node) this.vfs.put(next, this.fresh('dir', opts.mode ?? 0o755));
        else if (node.kind !== 'dir') throw new VfsError('ENOTDIR', next);
        cur = next;
      }
      return;
    }
    const path = this.resolve(abs, false);
    if (this.vfs.lstat(path)) throw new VfsError('EEXIST', path);
    this.requireDir(path);
    this.vfs.put(path, this.fresh('dir', opts.mode ?? 0o755));
  }

  /** touch: creates an empty file, or sets the time of what is there (a copy-up). */
  touch(p: string, mtime = this.vfs.now): void {
    const { path, node } = this.lookup(p);
    if (!node) {
      this.writeFile(path, EMPTY);
      this.vfs.upper(path).mtime = mtime;
      return;
    }
    this.vfs.upper(path).mtime = mtime;
  }

  remove(p: string, opts: { recursive?: boolean; force?: boolean } = {}): void {
    let path: string;
    try {
      path = this.resolve(p, false);
    } catch (e) {
      if (opts.force) return;
      throw e;
    }
    const node = this.vfs.lstat(path);
    if (!node) {
      if (opts.force) return;
      throw new VfsError('ENOENT', path);
    }
    if (node.kind === 'dir' && !opts.recursive) throw new VfsError('EISDIR', path);
    if (path === '/') throw new VfsError('EINVAL', path);
    this.vfs.remove(path);
  }

  /** Where `name` lands when the destination may be an existing directory (cp, mv, ln). */
  private into(dst: string, name: string, follow = true): string {
    const { path, node } = this.lookup(dst, follow);
    return node?.kind === 'dir' ? joinPath(path, name) : path;
  }

  hardlink(target: string, linkName: string, force = false): void {
    const { path: src, node } = this.lookup(target, false);
    if (!node) throw new VfsError('ENOENT', src);
    if (node.kind === 'dir') throw new VfsError('EISDIR', src);
    const dst = this.into(linkName, baseName(src));
    if (this.vfs.lstat(dst)) {
      if (!force) throw new VfsError('EEXIST', dst);
      this.vfs.remove(dst);
    }
    this.requireDir(dst);
    // link(2) on overlayfs copies the source up first; the new name shares that upper inode.
    const up = this.vfs.upper(src);
    this.vfs.put(dst, up);
  }

  symlink(target: string, linkName: string, opts: { force?: boolean; noDeref?: boolean } = {}): void {
    const dst = this.into(linkName, baseName(target), !opts.noDeref);
    if (this.vfs.lstat(dst)) {
      if (!opts.force) throw new VfsError('EEXIST', dst);
      this.vfs.remove(dst);
    }
    this.requireDir(dst);
    const inode = this.fresh('symlink', 0o777);
    inode.target = target;
    this.vfs.put(dst, inode);
  }

  /** mkfifo and friends: a non-regular, non-directory entry. */
  special(p: string, mode = 0o644): void {
    const path = this.resolve(p, false);
    if (this.vfs.lstat(path)) throw new VfsError('EEXIST', path);
    this.requireDir(path);
    this.vfs.put(path, this.fresh('other', mode));
  }

  /** Changes metadata of `p` (and everything under it when recursive): each one is copied up. */
  changeMeta(p: string, change: (n: Inode) => void, recursive: boolean, follow = true): void {
    const { path, node } = this.lookup(p, follow);
    if (!node) throw new VfsError('ENOENT', path);
    change(this.vfs.upper(path));
    if (recursive && node.kind === 'dir') {
      for (const sub of [...this.vfs.walk(path)]) {
        const n = this.vfs.lstat(sub)!;
        if (n.kind === 'symlink') continue;
        change(this.vfs.upper(sub));
      }
    }
  }

  /**
   * Copies `src` to `dst` as cp does. `preserve` keeps mode, owner, times and hard links (cp -a);
   * otherwise the copies belong to the current user with the source's permission bits.
   */
  copy(src: string, dst: string, opts: { recursive?: boolean; preserve?: boolean; noDeref?: boolean } = {}): string {
    const { path: from, node } = this.lookup(src, !opts.noDeref);
    if (!node) throw new VfsError('ENOENT', from);
    if (node.kind === 'dir' && !opts.recursive) throw new VfsError('EISDIR', from);
    const to = this.into(dst, baseName(from));
    if (to === from || to.startsWith(`${from}/`)) throw new VfsError('EINVAL', to);
    const links = new Map<Inode, Inode>();
    this.copyNode(from, to, node, opts.preserve ?? false, links);
    if (node.kind === 'dir') for (const sub of [...this.vfs.walk(from)]) this.copyNode(sub, to + sub.slice(from.length), this.vfs.lstat(sub)!, opts.preserve ?? false, links);
    return to;
  }

  private copyNode(from: string, to: string, node: Inode, preserve: boolean, links: Map<Inode, Inode>): void {
    const existing = this.vfs.lstat(to);
    if (existing?.kind === 'dir' && node.kind === 'dir') {
      if (preserve) Object.assign(this.vfs.upper(to), { mode: node.mode, uid: node.uid, gid: node.gid });
      return;
    }
    if (existing?.kind === 'file' && node.kind === 'file' && !preserve) {
      // cp onto an existing file rewrites its content and keeps its inode and mode.
      const up = this.vfs.upper(to);
      up.content = node.content;
      up.mtime = this.vfs.now;
      return;
    }
    if (existing) this.vfs.remove(to);
    const linked = preserve ? links.get(node) : undefined;
    if (linked) {
      this.vfs.put(to, linked);
      return;
    }
    const copy: Inode = preserve
      ? { ...node, gen: this.vfs.gen }
      : { ...node, uid: this.user.uid, gid: this.user.gid, mtime: this.vfs.now, gen: this.vfs.gen, mode: node.mode & 0o777 };
    this.requireDir(to);
    this.vfs.put(to, copy);
    links.set(node, copy);
  }

  /** mv: the tree moves whole (across overlay layers it is a copy plus a delete, as mv falls back to). */
  move(src: string, dst: string): string {
    const { path: from, node } = this.lookup(src, false);
    if (!node) throw new VfsError('ENOENT', from);
    const to = this.into(dst, baseName(from));
    if (to === from) return to;
    if (to.startsWith(`${from}/`)) throw new VfsError('EINVAL', to);
    const target = this.vfs.lstat(to);
    if (target?.kind === 'dir' && node.kind !== 'dir') throw new VfsError('EISDIR', to);
    if (target) this.vfs.remove(to);
    const links = new Map<Inode, Inode>();
    const moved = (n: Inode): Inode => {
      if (n.gen === this.vfs.gen) return n;
      let c = links.get(n);
      if (!c) {
        c = { ...n, gen: this.vfs.gen };
        links.set(n, c);
      }
      return c;
    };
    const subtree = node.kind === 'dir' ? [...this.vfs.walk(from)] : [];
    this.requireDir(to);
    this.vfs.put(to, moved(node));
    for (const sub of subtree) this.vfs.put(to + sub.slice(from.length), moved(this.vfs.lstat(sub)!));
    this.vfs.remove(from);
    return to;
  }
}
