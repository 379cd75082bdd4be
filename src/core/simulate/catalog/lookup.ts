// FROM reference → a catalog entry → a BaseImage: one layer per published layer, its listed
// paths in its table and the rest of its bytes in one UNLISTED_ROOT entry (so totals and the
// treemap show the base's weight), every layer marked estimated and the source cited.

import { EntryKind } from '../../model/entry-kind.ts';
import { LayerTableBuilder } from '../../model/layer-table.ts';
import { unknownContent } from '../vfs/content.ts';
import { comparePaths, parentOf } from '../vfs/paths.ts';
import { newInode, Vfs } from '../vfs/vfs.ts';
import { emptyConfig, type BaseHistory, type BaseImage, type BaseLayer } from '../base/base-image.ts';
import { CATALOG, ROUGH_RATIO, UNLISTED_ROOT, type CatalogImage, type CatalogPath } from './entries.ts';

/** "docker.io/library/alpine:3.22" → { repo: "alpine", tag: "3.22" }; digests are ignored. */
export function parseRef(ref: string): { repo: string; tag: string } {
  let r = ref.trim().toLowerCase().replace(/@sha256:[0-9a-f]+$/, '');
  r = r.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
  const slash = r.lastIndexOf('/');
  const colon = r.lastIndexOf(':');
  if (colon > slash) return { repo: r.slice(0, colon), tag: r.slice(colon + 1) };
  return { repo: r, tag: 'latest' };
}

export function findCatalog(ref: string): CatalogImage | null {
  const { repo, tag } = parseRef(ref);
  return CATALOG.find((c) => c.repo === repo && c.tags.includes(tag)) ?? null;
}

/** The tags the catalog knows, for messages ("alpine:3.22, …"). */
export function catalogTags(): string[] {
  return CATALOG.flatMap((c) => c.tags.map((t) => `${c.repo}:${t}`));
}

export function catalogBase(ref: string): BaseImage | null {
  const c = findCatalog(ref);
  if (!c) return null;
  const { tag } = parseRef(ref);
  const name = `${c.repo}:${tag}`;
  const layers: BaseLayer[] = [];
  const history: BaseHistory[] = [];
  const all: CatalogPath[] = [];
  const seen = new Set<string>();
  c.layers.forEach((l, i) => {
    const rough = l.uncompressed === null;
    const bytes = Math.round(l.uncompressed ?? l.compressed * ROUGH_RATIO);
    const files = l.files.filter(([p]) => !seen.has(p));
    for (const f of files) seen.add(f[0]);
    all.push(...files);
    const rest = `${UNLISTED_ROOT}/${c.repo}-${tag}/layer-${i}`;
    const rows: CatalogPath[] = [...files, [UNLISTED_ROOT, 'dir'], [parentOf(rest), 'dir'], [rest, 'file']];
    rows.sort((a, b) => comparePaths(a[0], b[0]));
    const b = new LayerTableBuilder(rows.length);
    let fileCount = 0;
    for (const [p, kind, target] of rows) {
      if (kind === 'dir') b.add(p, EntryKind.dir, 0, p === '/tmp' ? 0o1777 : p === '/root' ? 0o700 : 0o755, 0, 0, 0, null);
      else if (kind === 'symlink') b.add(p, EntryKind.symlink, 0, 0o777, 0, 0, 0, target ?? '');
      else {
        b.add(p, EntryKind.file, p === rest ? bytes : 0, 0o644, 0, 0, 0, null);
        fileCount++;
      }
    }
    const table = b.finish();
    const why = `${name} layer ${i}: ${c.source}; ${rough ? `uncompressed size a rough estimate (compressed × ${ROUGH_RATIO.toFixed(2)})` : `uncompressed size from ${c.uncompressedSource}`}; only common paths are listed, the rest of its bytes is ${rest}`;
    layers.push({
      diffId: null,
      digest: null,
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      compression: 'gzip',
      compressedSize: l.compressed,
      tarSize: bytes,
      fileBytes: bytes,
      entryCount: table.count,
      fileCount,
      whiteouts: [],
      opaqueDirs: [],
      createdBy: l.createdBy,
      estimated: true,
      table,
    });
    history.push({ createdBy: l.createdBy, created: null, comment: why, emptyLayer: false });
    for (const e of c.emptyAfter[i] ?? []) history.push({ createdBy: e, created: null, comment: null, emptyLayer: true });
  });
  all.sort((a, b) => comparePaths(a[0], b[0]));
  return {
    info: { ref: name, source: 'catalog', detail: `${c.describes}: ${c.source}${c.uncompressedSource ? `; ${c.uncompressedSource}` : ''} (estimated)`, layers: c.layers.length },
    layers,
    history,
    config: { ...emptyConfig(), env: c.env.slice(), cmd: c.cmd, entrypoint: c.entrypoint, workdir: c.workdir, exposedPorts: c.exposedPorts.slice() },
    platform: { os: 'linux', architecture: 'amd64' },
    filesystem: (clock) => {
      const vfs = new Vfs(clock);
      for (const [p, kind, target] of all) {
        if (p === '/') continue;
        let dir = parentOf(p);
        const missing: string[] = [];
        while (dir !== '/' && !vfs.lstat(dir)) {
          missing.unshift(dir);
          dir = parentOf(dir);
        }
        for (const m of missing) vfs.put(m, newInode('dir', 0o755, 0, 0, 0, 0));
        if (vfs.lstat(p)) continue;
        const n = newInode(kind === 'dir' ? 'dir' : kind === 'symlink' ? 'symlink' : 'file', kind === 'dir' ? (p === '/tmp' ? 0o1777 : p === '/root' ? 0o700 : 0o755) : kind === 'symlink' ? 0o777 : 0o644, 0, 0, 0, 0);
        if (kind === 'symlink') n.target = target ?? '';
        if (kind === 'file') n.content = unknownContent(`${p} of ${name}: its size is not in the catalog`);
        vfs.put(p, n);
      }
      return vfs;
    },
    warnings: [],
  };
}

export function catalogShell(ref: string): 'ash' | 'dash' | 'bash' | null {
  return findCatalog(ref)?.shell ?? null;
}
