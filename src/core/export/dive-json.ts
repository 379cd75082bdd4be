// `layerscope analyze --json --format dive`: the shape `dive --json` writes, for tools that
// already read it. From github.com/wagoodman/dive cmd/dive/cli/internal/command/export/export.go
// (runtime/export/ before v0.13), keys in its struct order:
//   { "layer": [ { index, id, digestId, sizeBytes, command, fileList: [FileInfo] } ],
//     "image": { sizeBytes, inefficientBytes, efficiencyScore, fileReference: [ { count, sizeBytes, file } ] } }
// FileInfo (dive/filetree/file_info.go): { path, typeFlag, linkName, size, fileMode, uid, gid, isDir }.
//
// Values as dive computes them: a layer's sizeBytes is the sum of its tar headers' sizes
// (image_archive.go tree.FileSize); command is the history's created_by without "/bin/sh -c ";
// efficiency and inefficient files come from the port of dive's efficiency.go
// (analysis/dive-efficiency.ts), largest first as export.go lists them; fileList follows dive's
// VisitDepthChildFirst (children before their directory, names in byte order), paths relative
// ("bin/sh"), whiteouts as their `.wh.` entries, opaque markers left out (dive drops them), and
// fileMode as Go's os.FileMode (type bits 1<<31 dir, 1<<27 symlink, …, over the permission bits).
// Where layerscope knows less or better than dive's own export:
//   id        the blob digest's hex (dive prints the first component of the layer's tar path:
//             the same hex for classic `docker save`, the word "blobs" for OCI layouts);
//   digestId  the layer's diff_id;
//   fileList  only entries present in the tar (dive also lists, with empty fields, the parent
//             directories a tar omits); devices and fifos are typeFlag "0" (the table keeps them as
//             "other", without the tar type).

import { diveEfficiency } from '../analysis/dive-efficiency.ts';
import { LayerStack } from '../layerstack/stack.ts';
import { EntryKind } from '../model/entry-kind.ts';
import type { ImageArchive } from '../model/image.ts';
import type { LayerTable } from '../model/layer-table.ts';

export interface DiveFileInfo {
  path: string;
  typeFlag: number;
  linkName: string;
  size: number;
  fileMode: number;
  uid: number;
  gid: number;
  isDir: boolean;
}

export interface DiveLayerJson {
  index: number;
  id: string;
  digestId: string;
  sizeBytes: number;
  command: string;
  fileList: DiveFileInfo[];
}

export interface DiveJson {
  layer: DiveLayerJson[];
  image: {
    sizeBytes: number;
    inefficientBytes: number;
    efficiencyScore: number;
    fileReference: { count: number; sizeBytes: number; file: string }[];
  };
}

// Go's io/fs FileMode type bits and tar typeflags.
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;
const MODE_SETUID = 2 ** 23;
const MODE_SETGID = 2 ** 22;
const MODE_STICKY = 2 ** 20;
const TYPEFLAG: Record<number, string> = {
  [EntryKind.file]: '0',
  [EntryKind.dir]: '5',
  [EntryKind.symlink]: '2',
  [EntryKind.hardlink]: '1',
  [EntryKind.whiteout]: '0',
  [EntryKind.other]: '0',
};

/** tar.Header.FileInfo().Mode() for our kinds: permission bits, setuid/setgid/sticky, type bit. */
export function goFileMode(kind: number, mode: number): number {
  let m = mode & 0o777;
  if (mode & 0o4000) m += MODE_SETUID;
  if (mode & 0o2000) m += MODE_SETGID;
  if (mode & 0o1000) m += MODE_STICKY;
  if (kind === EntryKind.dir) m += MODE_DIR;
  else if (kind === EntryKind.symlink) m += MODE_SYMLINK;
  return m;
}

const utf8 = new TextEncoder();

/** Go string order (bytes) of two path components. */
function goCompare(a: string, b: string): number {
  if (a === b) return 0;
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** VisitDepthChildFirst order: siblings by name, a directory after everything below it. */
function childFirst(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = goCompare(a[i], b[i]);
    if (c !== 0) return c;
  }
  return b.length - a.length;
}

function fileList(t: LayerTable): DiveFileInfo[] {
  const rows: { parts: string[]; info: DiveFileInfo }[] = [];
  for (let r = 0; r < t.count; r++) {
    const kind = t.kinds[r];
    if (kind === EntryKind.opaque) continue;
    let path = t.path(r).slice(1);
    if (path === '') continue; // "/" cleans to "." and dive skips it
    if (kind === EntryKind.whiteout) {
      const slash = path.lastIndexOf('/');
      path = `${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`;
    }
    const link = t.linkTarget(r) ?? '';
    rows.push({
      parts: path.split('/'),
      info: {
        path,
        typeFlag: TYPEFLAG[kind].charCodeAt(0),
        linkName: kind === EntryKind.hardlink ? link.replace(/^\//, '') : link,
        size: t.sizes[r],
        fileMode: goFileMode(kind, t.modes[r]),
        uid: t.uids[r],
        gid: t.gids[r],
        isDir: kind === EntryKind.dir,
      },
    });
  }
  rows.sort((a, b) => childFirst(a.parts, b.parts));
  return rows.map((x) => x.info);
}

export function toDiveJson(archive: ImageArchive, stack?: LayerStack): DiveJson {
  const { image } = archive;
  const st = stack ?? new LayerStack(image.layers.map((l) => l.table));
  const dive = diveEfficiency(st);
  const layer = image.layers.map((l): DiveLayerJson => {
    let size = 0;
    for (let r = 0; r < l.table.count; r++) size += l.table.sizes[r];
    return {
      index: l.index,
      id: (l.digest ?? '').replace(/^[a-z0-9]+:/, ''),
      digestId: l.diffId ?? '',
      sizeBytes: size,
      command: l.historyIndex === null ? '(missing)' : (l.createdBy ?? '').replace(/^\/bin\/sh -c /, ''),
      fileList: fileList(l.table),
    };
  });
  const { nodes, counts, sizes } = dive.inefficient;
  const order = Array.from(nodes.keys()).sort((a, b) => sizes[b] - sizes[a] || a - b);
  return {
    layer,
    image: {
      sizeBytes: layer.reduce((a, l) => a + l.sizeBytes, 0),
      inefficientBytes: dive.wastedBytes,
      efficiencyScore: dive.score,
      fileReference: order.map((i) => ({ count: counts[i], sizeBytes: sizes[i], file: st.tree.path(nodes[i]) })),
    },
  };
}
