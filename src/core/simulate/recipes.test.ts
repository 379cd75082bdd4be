// Proof against real builds: every recipe in ../shared/fixtures/recipes, simulated with buildah's
// rules on the real busybox base (busybox.oci.tar) with the recipe folder as context, has the
// same layers in order as buildah 1.28 made (the *.oci.tar.truth.json of each fixture), the same
// history (created_by; buildah's content digests aside), and the same tar entries per layer:
// type, path, mode, owner, link target, and regular-file size wherever the command is
// deterministic. The seed's lesson holds too: 5 MiB of layers bloated, 1 MiB merged.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemorySource } from '../bytes/source.ts';
import { readArchive } from '../formats/read-archive.ts';
import { kindName } from '../model/entry-kind.ts';
import type { ImageArchive } from '../model/image.ts';
import { computeWaste } from '../analysis/waste.ts';
import { LayerStack } from '../layerstack/stack.ts';
import { archiveResolver } from './base/resolve.ts';
import { MemoryContext } from './context/context-source.ts';
import { simulateDockerfile } from './simulate.ts';
import type { SimulatedImage } from './types.ts';

const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures');

function recipeContext(recipe: string): MemoryContext {
  const dir = join(FIXTURES, 'recipes', recipe);
  const files: Record<string, { bytes: Uint8Array; mode: number }> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      // shared/ is laid out without write bits; the build saw the owner-writable originals.
      else files[relative(dir, p)] = { bytes: readFileSync(p), mode: (st.mode & 0o7777) | 0o200 };
    }
  };
  walk(dir);
  return new MemoryContext(recipe, files);
}

interface TruthEntry {
  type: string;
  path: string;
  size: number;
  perm: string;
  uid: number;
  gid: number;
  link?: string;
}
interface Truth {
  images: { history: { created_by: string; empty_layer: boolean }[]; layers: { created_by: string; regular_file_bytes: number; entries: TruthEntry[] }[] }[];
}

/** "rwsr-xr-x" → 0o4755 */
function permBits(perm: string): number {
  const r = (i: number, v: number) => (perm[i] === 'r' || perm[i] === 'w' ? v : 0);
  const x = (i: number, special: number, v: number) => ({ x: v, s: v | special, t: v | special, S: special, T: special })[perm[i] as 'x'] ?? 0;
  return r(0, 0o400) | r(1, 0o200) | x(2, 0o4000, 0o100) | r(3, 0o40) | r(4, 0o20) | x(5, 0o2000, 0o10) | r(6, 0o4) | r(7, 0o2) | x(8, 0o1000, 0o1);
}

/** A truth entry in our table's words: whiteout markers become the path they delete. */
function truthRow(e: TruthEntry): string {
  const base = e.path.slice(e.path.lastIndexOf('/') + 1);
  const dir = e.path.includes('/') ? `/${e.path.slice(0, e.path.lastIndexOf('/'))}` : '';
  if (base === '.wh..wh..opq') return `opaque ${dir || '/'}`;
  if (base.startsWith('.wh.')) return `whiteout ${dir}/${base.slice(4)}`;
  const kind = e.type === 'fifo' ? 'other' : e.type;
  const link = e.type === 'hardlink' ? ` -> /${e.link}` : e.type === 'symlink' ? ` -> ${e.link}` : '';
  const size = e.type === 'file' ? ` ${e.size}` : '';
  return `${kind} /${e.path}${size} ${permBits(e.perm).toString(8)} ${e.uid}:${e.gid}${link}`;
}

function ourRows(sim: SimulatedImage, layer: number, exactSizes: boolean): string[] {
  const t = sim.image.layers[layer].table;
  const rows: string[] = [];
  for (let i = 0; i < t.count; i++) {
    const kind = kindName(t.kinds[i]);
    if (kind === 'whiteout' || kind === 'opaque') {
      rows.push(`${kind} ${t.path(i)}`);
      continue;
    }
    const link = t.linkTarget(i);
    const size = kind === 'file' ? ` ${exactSizes ? t.sizes[i] : '?'}` : '';
    rows.push(`${kind} ${t.path(i)}${size} ${t.modes[i].toString(8)} ${t.uids[i]}:${t.gids[i]}${link !== null ? ` -> ${link}` : ''}`);
  }
  return rows.sort();
}

/** buildah's content digests ("file:<hex>") are of its own tar stream: compare the form only. */
const normalize = (s: string) => s.replace(/(file|dir|multi):[0-9a-f]{64}/, '$1:<digest>');

const RECIPES = ['seed-a-bloated', 'seed-b-merged', 'metadata', 'whiteouts', 'copy-context', 'multistage', 'links-longnames'];

let base: ImageArchive;
beforeAll(async () => {
  base = await readArchive(new MemorySource('busybox.oci.tar', readFileSync(join(FIXTURES, 'busybox.oci.tar'))));
});

async function simulateRecipe(recipe: string): Promise<SimulatedImage> {
  const text = readFileSync(join(FIXTURES, 'recipes', recipe, 'Dockerfile'), 'utf8');
  return simulateDockerfile(text, { builder: 'buildah', context: recipeContext(recipe), resolveBase: archiveResolver(base, ['busybox']) });
}

describe('every fixture recipe simulated with buildah matches the real build', () => {
  it.each(RECIPES)('%s', async (recipe) => {
    const truth = (JSON.parse(readFileSync(join(FIXTURES, `${recipe}.oci.tar.truth.json`), 'utf8')) as Truth).images[0];
    const sim = await simulateRecipe(recipe);
    expect(sim.image.history.map((h) => [normalize(h.createdBy ?? ''), h.emptyLayer])).toEqual(truth.history.map((h) => [normalize(h.created_by), h.empty_layer]));
    expect(sim.image.layers.length).toBe(truth.layers.length);
    for (let i = 1; i < truth.layers.length; i++) {
      const layer = sim.image.layers[i];
      const step = sim.steps.find((s) => s.layerIndex === i)!;
      // A step whose output is not deterministic (ls -la) says so; its sizes are not compared.
      const exact = !layer.estimated;
      const want = truth.layers[i].entries.map(truthRow).map((r) => (exact ? r : r.replace(/^(file \S+) \d+/, '$1 ?'))).sort();
      expect(ourRows(sim, i, exact), `layer ${i}: ${step.original}`).toEqual(want);
      if (exact) expect(layer.fileBytes, `layer ${i} file bytes`).toBe(truth.layers[i].regular_file_bytes);
    }
  });

  it('only the non-deterministic step (ls -la output) is estimated, and it says why', async () => {
    const sim = await simulateRecipe('multistage');
    const estimated = sim.steps.filter((s) => s.estimated);
    expect(estimated.map((s) => s.original)).toEqual(['RUN ls -la /opt/app /opt/app/lib > /opt/app/listing.txt']);
    expect(estimated[0].unknowns[0].path).toBe('/opt/app/listing.txt');
  });

  it("keeps the seed's lesson: the bloated Dockerfile adds 5 MiB of layers, the merged one 1 MiB", async () => {
    const added = (s: SimulatedImage) => s.image.layers.slice(1).reduce((n, l) => n + l.fileBytes, 0);
    const bloated = await simulateRecipe('seed-a-bloated');
    const merged = await simulateRecipe('seed-b-merged');
    expect(added(bloated)).toBe(5 * 1024 * 1024);
    expect(added(merged)).toBe(1024 * 1024);
    const tables = bloated.image.layers.map((l) => l.table);
    const waste = computeWaste(new LayerStack(tables), tables);
    expect(waste.reclaimableBytes).toBe(4 * 1024 * 1024);
  });
});
