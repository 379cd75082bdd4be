// Every archive in ../shared/fixtures against the truth its makers' tools gave (buildah, skopeo,
// umoci: see the fixtures' README): images, layers in order, diffIDs, sizes in all three words,
// counts, whiteouts, opaque dirs, history pairing, and the merged filesystem as `umoci unpack`
// saw it. Each archive is read twice: under its name and under a meaningless one (the format is
// detected by content, never by name). Every archive, every field, no skips.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemorySource } from '../bytes/source.ts';
import { LayerStack } from '../layerstack/stack.ts';
import { EntryKind } from '../model/entry-kind.ts';
import { platformString, type ImageArchive } from '../model/image.ts';
import { readArchive } from './read-archive.ts';

const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures');
const names = readdirSync(FIXTURES).filter((n) => /\.tar(\.gz)?$/.test(n)).sort();

// Shapes of the truth files (only what is checked).
interface TruthLayer {
  diff_id: string;
  media_type: string | null;
  compression: 'gzip' | 'zstd' | 'none';
  compressed_size: number;
  uncompressed_size: number;
  entry_count: number;
  regular_file_count: number;
  regular_file_bytes: number;
  whiteouts: { whiteout: string; deletes: string }[];
  opaque_dirs: string[];
  history_index: number | null;
  created_by: string | null;
}
interface TruthImage {
  repo_tags?: string[] | null;
  manifest?: { ref_name: string | null; annotations: Record<string, string> | null; platform: { os: string; architecture: string; variant?: string } | null };
  parent_index?: { annotations: Record<string, string> | null } | null;
  config_digest: string;
  architecture: string;
  os: string;
  variant: string | null;
  created: string;
  config: { Env?: string[]; Cmd?: string[]; Entrypoint?: string[]; WorkingDir?: string; User?: string; ExposedPorts?: Record<string, unknown>; Labels?: Record<string, string> };
  layers: TruthLayer[];
  history: { index: number; created_by: string | null; empty_layer: boolean; layer_index: number | null }[];
  filesystem: {
    regular_files: { path: string; size: number }[];
    symlinks: { path: string; target: string }[];
    other: { path: string }[];
  };
}
interface Truth {
  format: string;
  archive_layout: string;
  image_count: number;
  images: TruthImage[];
}

const abs = (p: string): string => `/${p.replace(/^\/+/, '').replace(/\/+$/, '')}`;

function expectedRefs(t: TruthImage): string[] {
  const refs = [...(t.repo_tags ?? [])];
  if (t.manifest?.ref_name) refs.push(t.manifest.ref_name);
  const parent = t.parent_index?.annotations?.['org.opencontainers.image.ref.name'];
  if (parent) refs.push(parent);
  return refs;
}

async function read(bytes: Uint8Array, name: string, image?: number): Promise<ImageArchive> {
  return readArchive(new MemorySource(name, bytes), image === undefined ? {} : { image: String(image) });
}

function checkImage(got: ImageArchive, truth: TruthImage, fixture: string): void {
  const img = got.image;
  const where = `${fixture} image ${got.selected}`;
  expect(img.configDigest, where).toBe(truth.config_digest);
  expect(img.created, where).toBe(truth.created);
  expect(img.config.env, where).toEqual(truth.config.Env ?? []);
  expect(img.config.cmd, where).toEqual(truth.config.Cmd ?? null);
  expect(img.config.entrypoint, where).toEqual(truth.config.Entrypoint ?? null);
  expect(img.config.labels, where).toEqual(truth.config.Labels ?? {});
  expect(img.config.exposedPorts, where).toEqual(Object.keys(truth.config.ExposedPorts ?? {}));

  // Layers: count, order and every figure.
  expect(img.layers.length, where).toBe(truth.layers.length);
  truth.layers.forEach((tl, i) => {
    const l = img.layers[i];
    const at = `${where} layer ${i}`;
    expect(l.diffId, at).toBe(tl.diff_id);
    if (tl.media_type) expect(l.mediaType, at).toBe(tl.media_type);
    expect(l.compression, at).toBe(tl.compression);
    expect(l.compressedSize, at).toBe(tl.compressed_size);
    expect(l.tarSize, at).toBe(tl.uncompressed_size);
    expect(l.entryCount, at).toBe(tl.entry_count);
    expect(l.fileCount, at).toBe(tl.regular_file_count);
    expect(l.fileBytes, at).toBe(tl.regular_file_bytes);
    expect([...l.whiteouts].sort(), at).toEqual(tl.whiteouts.map((w) => abs(w.deletes)).sort());
    expect([...l.opaqueDirs].sort(), at).toEqual(tl.opaque_dirs.map(abs).sort());
    expect(l.historyIndex, at).toBe(tl.history_index);
    expect(l.createdBy, at).toBe(tl.created_by);
  });

  // History: every entry, empty ones kept, paired with layers in order.
  expect(
    img.history.map((h) => [h.index, h.createdBy, h.emptyLayer, h.layerIndex]),
    where,
  ).toEqual(truth.history.map((h) => [h.index, h.created_by, h.empty_layer, h.layer_index]));

  // Merged filesystem at the top layer, as `umoci unpack` made it.
  const tables = img.layers.map((l) => l.table);
  const stack = new LayerStack(tables);
  const merged = stack.mergedAt(tables.length - 1);
  const files = new Map<string, number>();
  const links = new Map<string, string>();
  const others: string[] = [];
  const hardlinks: [string, string, number][] = [];
  merged.forEach((path, layer, row) => {
    const t = tables[layer];
    const kind = t.kinds[row];
    if (kind === EntryKind.file) files.set(path, t.sizes[row]);
    else if (kind === EntryKind.symlink) links.set(path, t.linkTarget(row) ?? '');
    else if (kind === EntryKind.hardlink) hardlinks.push([path, t.linkTarget(row) ?? '', layer]);
    else if (kind === EntryKind.other) others.push(path);
  });
  // A hard link unpacks to one more name for its target's bytes, the target as it was in the
  // link's own layer (a later layer may replace the target's name with other bytes).
  for (const [path, target, layer] of hardlinks) {
    const at = stack.mergedAt(layer).get(target);
    files.set(path, at ? tables[at.layer].sizes[at.row] : -1);
  }
  expect(new Map([...files].sort()), `${where} regular files`).toEqual(
    new Map(truth.filesystem.regular_files.map((f) => [abs(f.path), f.size] as [string, number]).sort()),
  );
  expect(new Map([...links].sort()), `${where} symlinks`).toEqual(
    new Map(truth.filesystem.symlinks.map((s) => [abs(s.path), s.target] as [string, string]).sort()),
  );
  expect(others.sort(), `${where} other`).toEqual(truth.filesystem.other.map((o) => abs(o.path)).sort());
}

describe('every fixture archive matches its truth', () => {
  it('finds the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(40));

  for (const name of names) {
    it(name, async () => {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
      const truth = JSON.parse(readFileSync(join(FIXTURES, `${name}.truth.json`), 'utf8')) as Truth;
      const first = await read(bytes, name);
      expect(first.input.format).toBe(truth.format === 'oci-archive' ? 'oci-layout' : 'docker-archive');
      expect(first.warnings).toEqual([]);
      expect(first.images.length).toBe(truth.image_count);
      truth.images.forEach((t, i) => {
        for (const ref of expectedRefs(t)) expect(first.images[i].refs, `${name} image ${i} refs`).toContain(ref);
        const tp = t.manifest?.platform;
        if (tp) expect(platformString(first.images[i].platform)).toBe(platformString(tp));
      });
      for (let i = 0; i < truth.images.length; i++) {
        const got = i === first.selected ? first : await read(bytes, name, i);
        expect(got.selected).toBe(i);
        checkImage(got, truth.images[i], name);
      }
      // The same bytes under a meaningless name give the same answer.
      const renamed = await read(bytes, 'upload.bin');
      expect(renamed.image.layers.map((l) => [l.diffId, l.tarSize, l.fileBytes])).toEqual(first.image.layers.map((l) => [l.diffId, l.tarSize, l.fileBytes]));
    });
  }

  it('defaults to linux/amd64 in a multi-platform index and says so', async () => {
    const a = await read(new Uint8Array(readFileSync(join(FIXTURES, 'multi-arch-index.oci.tar'))), 'x');
    expect(platformString(a.image.platform)).toBe('linux/amd64');
    expect(a.selectedReason).toMatch(/linux\/amd64/);
    const arm = await readArchive(new MemorySource('x', new Uint8Array(readFileSync(join(FIXTURES, 'multi-arch-index.oci.tar')))), { platform: 'linux/arm64' });
    expect(arm.image.layers.length).toBe(2);
  });
});
