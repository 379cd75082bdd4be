// Owner names to ids, as chown, USER and COPY --chown resolve them: numbers as they are, names
// through /etc/passwd and /etc/group of the simulated filesystem when their bytes are known
// (written by the build, or a known base). A name that cannot be resolved keeps the id 0 and
// the step says so.

import type { FsOps } from '../vfs/fs-ops.ts';
import type { Reporter } from '../shell/context.ts';

export interface Owner {
  uid: number | null;
  gid: number | null;
}

function lookupName(fs: FsOps, file: string, name: string): { id: number; gid: number | null } | null {
  const text = fs.readText(file);
  if (text === null) return name === 'root' ? { id: 0, gid: 0 } : null;
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f[0] === name && f.length >= 3 && /^\d+$/.test(f[2])) return { id: Number(f[2]), gid: f.length >= 4 && /^\d+$/.test(f[3]) ? Number(f[3]) : null };
  }
  return null;
}

export function userId(fs: FsOps, name: string, report: Reporter | null): { uid: number; gid: number | null } {
  if (/^\d+$/.test(name)) return { uid: Number(name), gid: null };
  const hit = lookupName(fs, '/etc/passwd', name);
  if (hit) return { uid: hit.id, gid: hit.gid };
  report?.note(`user "${name}" could not be looked up in /etc/passwd (its bytes are not known here); uid 0 was used`);
  return { uid: 0, gid: null };
}

export function groupId(fs: FsOps, name: string, report: Reporter | null): number {
  if (/^\d+$/.test(name)) return Number(name);
  const hit = lookupName(fs, '/etc/group', name);
  if (hit) return hit.id;
  report?.note(`group "${name}" could not be looked up in /etc/group (its bytes are not known here); gid 0 was used`);
  return 0;
}

/** "user", "user:group", "user.group", ":group", "1000:1000". */
export function resolveOwner(fs: FsOps, spec: string, report: Reporter | null): Owner {
  const sep = spec.includes(':') ? ':' : spec.includes('.') && !/^\d+\.\d+$/.test(spec) ? '.' : ':';
  const [u, g] = spec.includes(sep) ? [spec.slice(0, spec.indexOf(sep)), spec.slice(spec.indexOf(sep) + 1)] : [spec, undefined];
  const user = u ? userId(fs, u, report) : null;
  let gid: number | null = null;
  if (g !== undefined && g !== '') gid = groupId(fs, g, report);
  else if (g === '' && user) gid = user.gid ?? user.uid;
  return { uid: user ? user.uid : null, gid };
}
