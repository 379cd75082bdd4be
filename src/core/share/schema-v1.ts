// Share link contents, version 1: the types and their validator. A link is untrusted input (anyone
// can write one), so everything is checked before the page uses it, with limits on every size,
// and what comes out holds only the fields named here. Later versions add a schema-vN.ts and an
// upgrader (upgrade.ts); this file stays as it is so v1 links keep opening (DESIGN.md "Share links").

import { arr, bool, literal, nullable, num, obj, str, tagged, type Check, type Result } from './validate.ts';

export type Theme = 'light' | 'dark' | 'presentation';
export const THEMES: readonly Theme[] = ['light', 'dark', 'presentation'];

/** What the page was looking at; every field optional (defaults are left out, STYLE.md #7). */
export interface ShareView {
  /** the selected layer's index */
  layer?: number;
  /** the treemap's zoom root: a folder (path "/usr/lib") or the layer itself (path "/") */
  zoom?: { layer: number; path: string };
  /** the file whose read path is shown */
  file?: string;
  theme?: Theme;
}

/** A regular file: name and bytes. */
export type FileNode = [name: string, bytes: number];
/**
 * A directory: name, file bytes below it, regular files below it, and the children the link kept
 * (largest first). Bytes and files not covered by the children are the ones cut to fit the link.
 */
export type DirNode = [name: string, bytes: number, files: number, children: TreeNode[]];
export type TreeNode = FileNode | DirNode;

export interface SummaryLayer {
  diffId: string | null;
  mediaType: string | null;
  compression: 'gzip' | 'zstd' | 'none';
  compressedSize: number;
  tarSize: number;
  fileBytes: number;
  entryCount: number;
  fileCount: number;
  estimated: boolean;
  /** paths the layer deletes (.wh.) and folders it makes opaque, the first WHITEOUT_PATHS of each */
  whiteouts: string[];
  opaqueDirs: string[];
  /** the layer's root "/" */
  tree: DirNode;
}

export interface SummaryHistory {
  createdBy: string | null;
  emptyLayer: boolean;
  layerIndex: number | null;
}

export type WasteReason = 'deleted' | 'overwritten' | 'copied-up' | 'hidden-by-opaque';

export interface SummaryWaste {
  fileBytes: number;
  finalFileBytes: number;
  reclaimableBytes: number;
  efficiency: number;
  diveEfficiency: number;
  /** the largest wasted copies */
  files: { path: string; layer: number; size: number; reason: WasteReason; byLayer: number }[];
}

export interface ImageSummary {
  input: { name: string; bytes: number; format: 'docker-archive' | 'oci-layout' | 'filesystem-tar' | 'dockerfile' };
  ref: string | null;
  platform: string | null;
  created: string | null;
  layers: SummaryLayer[];
  history: SummaryHistory[];
  waste: SummaryWaste;
  /** true when folders, files or commands were cut to fit the link */
  cut: boolean;
}

export interface DockerfileShare {
  kind: 'dockerfile';
  name: string;
  text: string;
  builder?: 'buildkit' | 'buildah';
  view: ShareView;
}

export interface ImageShare {
  kind: 'image';
  summary: ImageSummary;
  view: ShareView;
}

export type ShareState = DockerfileShare | ImageShare;

// ------------------------------------------------------------------ limits

export const LIMITS = {
  name: 4096,
  path: 16_384,
  command: 65_536,
  dockerfile: 1 << 20,
  layers: 1000,
  history: 4000,
  treeNodes: 50_000,
  treeDepth: 128,
  /**
   * Characters of the full paths of every folder and file of every layer's tree, together: what
   * the page's file tables hold once the summary is opened (summary-archive.ts). Names are short
   * in a link but paths repeat their folders' names, so without this a 9 KB link of 128 folders
   * of 4,096-character names over 2,000 files unpacked to 1 GB of paths. Links the app makes
   * (a tree of ≈ 12,000 JSON characters) stay far below.
   */
  treePathChars: 16_000_000,
  wasteFiles: 200,
  whiteoutPaths: 1000,
} as const;

// ------------------------------------------------------------------ checks

const bytes = num({ min: 0, max: Number.MAX_SAFE_INTEGER, int: true });
const index = num({ min: 0, max: 100_000, int: true });
const ratio = num({ min: 0, max: 1 });
const path = str({ max: LIMITS.path });
const digest = str({ max: 200, pattern: /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/ });

const view: Check<ShareView> = obj(
  {},
  {
    layer: index,
    zoom: obj({ layer: index, path }),
    file: path,
    theme: literal(...THEMES),
  },
);

/** Tree nodes are checked by hand: recursive tuples, with a budget on nodes and depth. */
function treeCheck(): Check<DirNode> {
  const nameCheck = str({ max: LIMITS.name });
  return (v, at) => {
    let nodes = 0;
    /** `parentPath`: characters of the parent's full path ("/usr/lib" is 8), -1 for the root */
    const node = (x: unknown, p: string, depth: number, parentPath: number): Result<TreeNode> => {
      if (++nodes > LIMITS.treeNodes) return { ok: false, problem: `${p}: more than ${LIMITS.treeNodes} folders and files` };
      if (depth > LIMITS.treeDepth) return { ok: false, problem: `${p}: folders nested deeper than ${LIMITS.treeDepth}` };
      if (!Array.isArray(x) || (x.length !== 2 && x.length !== 4)) return { ok: false, problem: `${p}: expected [name, bytes] or [name, bytes, files, children]` };
      const n = nameCheck(x[0], `${p}[0]`);
      if (!n.ok) return n;
      const pathLen = parentPath < 0 ? 0 : parentPath + 1 + n.value.length;
      if (pathLen > LIMITS.path) return { ok: false, problem: `${p}[0]: a path longer than ${LIMITS.path} characters` };
      const b = bytes(x[1], `${p}[1]`);
      if (!b.ok) return b;
      if (x.length === 2) return { ok: true, value: [n.value, b.value] };
      const f = bytes(x[2], `${p}[2]`);
      if (!f.ok) return f;
      if (!Array.isArray(x[3])) return { ok: false, problem: `${p}[3]: expected a list of children` };
      const kids: TreeNode[] = [];
      for (let i = 0; i < x[3].length; i++) {
        const k = node(x[3][i], `${p}[3][${i}]`, depth + 1, pathLen);
        if (!k.ok) return k;
        kids.push(k.value);
      }
      return { ok: true, value: [n.value, b.value, f.value, kids] };
    };
    const r = node(v, at, 0, -1);
    if (!r.ok) return r;
    if (r.value.length !== 4) return { ok: false, problem: `${at}: expected a folder, found a file` };
    return { ok: true, value: r.value };
  };
}

const layer: Check<SummaryLayer> = obj({
  diffId: nullable(digest),
  mediaType: nullable(str({ max: 200 })),
  compression: literal('gzip', 'zstd', 'none'),
  compressedSize: bytes,
  tarSize: bytes,
  fileBytes: bytes,
  entryCount: bytes,
  fileCount: bytes,
  estimated: bool,
  whiteouts: arr(path, LIMITS.whiteoutPaths),
  opaqueDirs: arr(path, LIMITS.whiteoutPaths),
  tree: treeCheck(),
});

const summary: Check<ImageSummary> = obj({
  input: obj({ name: str({ max: LIMITS.name }), bytes, format: literal('docker-archive', 'oci-layout', 'filesystem-tar', 'dockerfile') }),
  ref: nullable(str({ max: LIMITS.name })),
  platform: nullable(str({ max: 200 })),
  created: nullable(str({ max: 100 })),
  layers: arr(layer, LIMITS.layers),
  history: arr(obj({ createdBy: nullable(str({ max: LIMITS.command })), emptyLayer: bool, layerIndex: nullable(index) }), LIMITS.history),
  waste: obj({
    fileBytes: bytes,
    finalFileBytes: bytes,
    reclaimableBytes: bytes,
    efficiency: ratio,
    diveEfficiency: num({ min: -1e6, max: 1e6 }),
    files: arr(obj({ path, layer: index, size: bytes, reason: literal('deleted', 'overwritten', 'copied-up', 'hidden-by-opaque'), byLayer: index }), LIMITS.wasteFiles),
  }),
  cut: bool,
});

const stateCheck: Check<ShareState> = tagged<ShareState>('kind', {
  dockerfile: obj(
    { kind: literal('dockerfile'), name: str({ max: LIMITS.name }), text: str({ max: LIMITS.dockerfile }), view },
    { builder: literal('buildkit', 'buildah') },
  ),
  image: obj({ kind: literal('image'), summary, view }),
});

/** The characters of every full path below `root` ("/a", "/a/b", …), counted until past `budget`. */
function pathChars(root: DirNode, budget: number): number {
  let total = 0;
  const walk = (dir: DirNode, len: number): void => {
    for (const k of dir[3]) {
      if (total > budget) return;
      const l = len + 1 + k[0].length;
      total += l;
      if (k.length === 4) walk(k, l);
    }
  };
  walk(root, 0);
  return total;
}

/** Checks the shape and that indexes point where they must (layers, history, view). */
export function checkShareV1(data: unknown): Result<ShareState> {
  const r = stateCheck(data, '');
  if (!r.ok) return r;
  const s = r.value;
  if (s.kind === 'image') {
    const n = s.summary.layers.length;
    const bad = (p: string): Result<ShareState> => ({ ok: false, problem: `${p}: names layer that is not in the image (it has ${n})` });
    for (const [i, h] of s.summary.history.entries()) if (h.layerIndex !== null && h.layerIndex >= n) return bad(`summary.history[${i}].layerIndex`);
    for (const [i, f] of s.summary.waste.files.entries()) if (f.layer >= n || f.byLayer >= n) return bad(`summary.waste.files[${i}]`);
    if (s.view.layer !== undefined && s.view.layer >= n) return bad('view.layer');
    if (s.view.zoom && s.view.zoom.layer >= n) return bad('view.zoom.layer');
    let chars = 0;
    for (const l of s.summary.layers) {
      chars += pathChars(l.tree, LIMITS.treePathChars - chars);
      if (chars > LIMITS.treePathChars) return { ok: false, problem: `summary.layers: the paths of their folders and files add up to more than ${LIMITS.treePathChars.toLocaleString('en-US')} characters` };
    }
  }
  return r;
}
