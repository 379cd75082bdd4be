// Test helper: hand-made layers from one line per entry, so rule tests read like the layers:
//   "d /etc"  directory        "f /etc/passwd 82"  file of 82 bytes   "s /bin/sh -> busybox"  symlink
//   "h /b -> /a"  hard link     "w /etc/passwd"  whiteout (.wh.)     "o /data"  opaque marker
//   "x /dev/null"  other
// Optional trailing fields: mode=0644 uid=0 gid=0 mtime=1 (octal mode).

import { EntryKind } from '../../model/entry-kind.ts';
import { LayerTable, LayerTableBuilder } from '../../model/layer-table.ts';

const KINDS: Record<string, EntryKind> = {
  f: EntryKind.file, d: EntryKind.dir, s: EntryKind.symlink, h: EntryKind.hardlink,
  w: EntryKind.whiteout, o: EntryKind.opaque, x: EntryKind.other,
};

export function layer(lines: string[]): LayerTable {
  const b = new LayerTableBuilder(Math.max(4, lines.length));
  for (const line of lines) {
    const parts = line.trim().split(/\s+/);
    const kind = KINDS[parts[0]];
    if (kind === undefined) throw new Error(`bad kind in "${line}"`);
    const path = parts[1];
    let i = 2;
    let link: string | null = null;
    if (parts[i] === '->') {
      link = parts[i + 1];
      i += 2;
    }
    let size = 0;
    if (parts[i] !== undefined && /^\d+$/.test(parts[i])) size = Number(parts[i++]);
    const opts: Record<string, number> = { mode: 0o644, uid: 0, gid: 0, mtime: 1 };
    for (; i < parts.length; i++) {
      const [k, v] = parts[i].split('=');
      opts[k] = k === 'mode' ? parseInt(v, 8) : Number(v);
    }
    b.add(path, kind, size, opts.mode, opts.uid, opts.gid, opts.mtime, link);
  }
  return b.finish();
}

export function layers(...specs: string[][]): LayerTable[] {
  return specs.map(layer);
}
