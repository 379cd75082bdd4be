// Pathname expansion over the virtual filesystem (XCU 2.13.3): each `/`-separated component
// with a glob character is matched against the directory's entries; a leading `.` must be
// matched explicitly; no match leaves the word as it was (sh does not fail on it).

import type { FsOps } from '../vfs/fs-ops.ts';
import { joinPath } from '../vfs/paths.ts';
import { hasGlob, patternSource, unescapePattern } from './pattern.ts';

/** Expands an escaped pattern (quoted characters backslashed) into matching paths, sorted. */
export function globPaths(fs: FsOps, pattern: string): string[] {
  if (!hasGlob(pattern)) return [];
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p) => p !== '');
  // Each candidate: the path as the word will show it, and where it is in the filesystem.
  let cands: [string, string][] = [['', absolute ? '/' : fs.cwd]];
  for (const part of parts) {
    const next: [string, string][] = [];
    for (const [shown, path] of cands) {
      const show = (name: string): string => (shown === '' ? (absolute ? `/${name}` : name) : `${shown}/${name}`);
      if (!hasGlob(part)) {
        const name = unescapePattern(part);
        next.push([show(name), joinPath(path, name)]);
        continue;
      }
      let dir: string;
      try {
        dir = fs.resolve(path);
      } catch {
        continue;
      }
      if (fs.vfs.lstat(dir)?.kind !== 'dir') continue;
      const re = new RegExp(`^${patternSource(part, true)}$`);
      const dot = unescapePattern(part).startsWith('.');
      for (const name of fs.vfs.list(dir)) {
        if (name.startsWith('.') && !dot) continue;
        if (re.test(name)) next.push([show(name), joinPath(dir, name)]);
      }
    }
    cands = next;
  }
  return cands
    .filter(([, p]) => {
      try {
        return fs.vfs.lstat(fs.resolve(p, false)) !== undefined;
      } catch {
        return false;
      }
    })
    .map(([s]) => s)
    .sort();
}
