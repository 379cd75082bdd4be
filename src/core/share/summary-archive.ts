// A share link's image summary back as the image model, so the page's layer list and treemap draw
// it like any image: each layer's table holds the folders and files the link kept, and one entry
// per folder for the bytes that were cut ("… N more files"), so every folder keeps its size. The
// sizes of layers are the real ones from the summary; only the file tables are partial, which is
// why the page shows this model read-only and takes its waste figures from the summary itself.

import { EntryKind } from '../model/entry-kind.ts';
import type { HistoryEntry, ImageArchive, Layer, Platform } from '../model/image.ts';
import { LayerTableBuilder, type LayerTable } from '../model/layer-table.ts';
import type { DirNode, ImageSummary } from './schema-v1.ts';

/** The name of the entry that stands for a folder's files left out of the link. */
export function restName(files: number): string {
  return files === 1 ? '… 1 more file' : `… ${files.toLocaleString('en-US')} more files`;
}

function tableOf(root: DirNode): LayerTable {
  const b = new LayerTableBuilder(64);
  const walk = (node: DirNode, path: string) => {
    const [, bytes, files, kids] = node;
    let keptBytes = 0;
    let keptFiles = 0;
    for (const k of kids) {
      // Names come from a link: one that would change the path's shape is skipped, not trusted.
      if (k[0] === '' || k[0] === '.' || k[0] === '..' || k[0].includes('/') || k[0].includes('\0')) continue;
      const p = `${path === '/' ? '' : path}/${k[0]}`;
      if (k.length === 4) {
        b.add(p, EntryKind.dir, 0, 0o755, 0, 0, 0, null);
        walk(k, p);
        keptFiles += k[2];
      } else {
        b.add(p, EntryKind.file, k[1], 0o644, 0, 0, 0, null);
        keptFiles += 1;
      }
      keptBytes += k[1];
    }
    const rest = bytes - keptBytes;
    if (rest > 0) b.add(`${path === '/' ? '' : path}/${restName(Math.max(1, files - keptFiles))}`, EntryKind.file, rest, 0o644, 0, 0, 0, null);
  };
  b.add('/', EntryKind.dir, 0, 0o755, 0, 0, 0, null);
  walk(root, '/');
  return b.finish();
}

function platformOf(s: string | null): Platform | null {
  if (!s) return null;
  const [os, architecture, variant] = s.split('/');
  return variant ? { os, architecture, variant } : { os, architecture: architecture ?? '' };
}

export function summaryArchive(s: ImageSummary): ImageArchive {
  const history: HistoryEntry[] = s.history.map((h, index) => ({
    index,
    createdBy: h.createdBy,
    created: null,
    comment: null,
    emptyLayer: h.emptyLayer,
    layerIndex: h.emptyLayer ? null : h.layerIndex,
  }));
  const layers: Layer[] = s.layers.map((l, index) => {
    const h = history.find((x) => x.layerIndex === index) ?? null;
    return {
      index,
      diffId: l.diffId,
      digest: null,
      mediaType: l.mediaType,
      compression: l.compression,
      compressedSize: l.compressedSize,
      tarSize: l.tarSize,
      fileBytes: l.fileBytes,
      entryCount: l.entryCount,
      fileCount: l.fileCount,
      whiteouts: l.whiteouts.slice(),
      opaqueDirs: l.opaqueDirs.slice(),
      createdBy: h?.createdBy ?? null,
      historyIndex: h?.index ?? null,
      estimated: l.estimated,
      table: tableOf(l.tree),
    };
  });
  const platform = platformOf(s.platform);
  return {
    input: { ...s.input },
    images: [{ index: 0, ref: s.ref, refs: s.ref ? [s.ref] : [], platform, digest: null }],
    selected: 0,
    selectedReason: 'the image the link was made from',
    image: {
      ref: s.ref,
      platform,
      configDigest: null,
      created: s.created,
      config: { env: [], cmd: null, entrypoint: null, workdir: null, user: null, exposedPorts: [], labels: {} },
      layers,
      history,
    },
    warnings: s.cut ? ['This link holds a summary: the largest folders and files of each layer; the rest is counted in its folder.'] : [],
  };
}
