// A base image read from a real archive (readArchive): its layers and history as they are, and
// its merged filesystem (LayerStack at the top layer) as the starting virtual filesystem: exact
// paths, kinds, sizes, modes and owners; file bytes are not kept (sizes are exact).

import { EntryKind } from '../../model/entry-kind.ts';
import type { ImageArchive } from '../../model/image.ts';
import { LayerStack } from '../../layerstack/stack.ts';
import { sizedContent } from '../vfs/content.ts';
import { comparePaths, parentOf } from '../vfs/paths.ts';
import { newInode, Vfs, type Inode } from '../vfs/vfs.ts';
import { emptyConfig, type BaseImage } from './base-image.ts';

interface Row {
  path: string;
  kind: number;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  link: string | null;
}

export function baseFromArchive(archive: ImageArchive, ref: string): BaseImage {
  const img = archive.image;
  const rows: Row[] = [];
  if (img.layers.length) {
    const stack = new LayerStack(img.layers.map((l) => l.table));
    stack.mergedAt(img.layers.length - 1).forEach((path, layer, row) => {
      const t = img.layers[layer].table;
      rows.push({ path, kind: t.kinds[row], size: stack.entrySize(layer, row), mode: t.modes[row], uid: t.uids[row], gid: t.gids[row], mtime: t.mtimes[row], link: t.linkTarget(row) });
    });
  }
  rows.sort((a, b) => comparePaths(a.path, b.path));
  return {
    info: { ref, source: 'archive', detail: `${archive.input.name}: ${img.ref ?? 'the image'} read from the archive (exact)`, layers: img.layers.length },
    layers: img.layers.map(({ index: _i, historyIndex: _h, ...rest }) => rest),
    history: img.history.map(({ index: _i, layerIndex: _l, ...rest }) => rest),
    config: { ...emptyConfig(), ...img.config },
    platform: img.platform,
    filesystem: (clock) => {
      const vfs = new Vfs(clock);
      const byPath = new Map<string, Inode>();
      const ensureParent = (p: string) => {
        const dir = parentOf(p);
        if (dir === '/' || vfs.lstat(dir)) return;
        ensureParent(dir);
        vfs.put(dir, newInode('dir', 0o755, 0, 0, 0, 0));
      };
      for (const r of rows) {
        if (r.path === '/') continue;
        ensureParent(r.path);
        let node: Inode;
        switch (r.kind) {
          case EntryKind.dir:
            node = newInode('dir', r.mode, r.uid, r.gid, r.mtime, 0);
            break;
          case EntryKind.symlink:
            node = newInode('symlink', r.mode, r.uid, r.gid, r.mtime, 0);
            node.target = r.link;
            break;
          case EntryKind.hardlink: {
            const target = r.link ? byPath.get(r.link) : undefined;
            node = target ?? { ...newInode('file', r.mode, r.uid, r.gid, r.mtime, 0), content: sizedContent(r.size, null) };
            break;
          }
          case EntryKind.file:
            node = newInode('file', r.mode, r.uid, r.gid, r.mtime, 0);
            node.content = sizedContent(r.size, null);
            break;
          default:
            node = newInode('other', r.mode, r.uid, r.gid, r.mtime, 0);
        }
        byPath.set(r.path, node);
        vfs.put(r.path, node);
      }
      return vfs;
    },
    warnings: archive.warnings.slice(),
  };
}
