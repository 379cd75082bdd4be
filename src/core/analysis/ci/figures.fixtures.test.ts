// The CI figures on real images (../shared/fixtures, built by buildah), against a hand computation
// from each archive's truth file (its tar listings and history): the numbers and the computation
// are written side by side below. Layer file bytes come from truth `layers[].regular_file_bytes`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemorySource } from '../../bytes/source.ts';
import { readArchive } from '../../formats/read-archive.ts';
import { LayerStack } from '../../layerstack/stack.ts';
import type { ImageArchive } from '../../model/image.ts';
import { toDiveJson } from '../../export/dive-json.ts';
import { buildRules, DEFAULT_RULES } from '../ci-rules.ts';
import { findBase } from './base-boundary.ts';
import { computeCiFigures } from './figures.ts';
import { buildCiReport } from './report.ts';

const DIR = '../shared/fixtures';
const MiB = 1024 * 1024;
const BUSYBOX = 1982365; // busybox truth: layers[0].regular_file_bytes

async function load(name: string, hash = false): Promise<ImageArchive> {
  return readArchive(new MemorySource(name, new Uint8Array(readFileSync(join(DIR, name)))), { hash });
}

async function figures(name: string, hash = false) {
  const a = await load(name, hash);
  const stack = new LayerStack(a.image.layers.map((l) => l.table));
  return { a, stack, f: computeCiFigures(a.image, stack, findBase(a.image)) };
}

describe('seed-a-bloated (7 layers: busybox, mkdir, dd one, chmod -R, dd two, chmod -R, rm one)', () => {
  // truth regular_file_bytes per layer: [1982365, 0, 1 MiB, 1 MiB, 1 MiB, 2 MiB, 0]
  for (const name of ['seed-a-bloated.docker.tar', 'seed-a-bloated.oci.tar', 'seed-a-bloated.docker.tar.gz']) {
    it(name, async () => {
      const { f } = await figures(name);
      // history[1].comment = "FROM docker.io/library/busybox:latest": one base layer
      expect([f.base.layers, f.base.method]).toEqual([1, 'buildah-comment']);
      // dive: /data/one copies in L2, L3, L5 (1 MiB each) + L6's whiteout of a file (0): cum 3 MiB, min 0;
      //       /data/two in L4, L5: cum 2 MiB, min 1 MiB; every other path once (min = cum).
      //   efficiency = (busybox + 0 + 1 MiB) / (busybox + 3 MiB + 2 MiB)
      expect(f.dive.efficiency).toBeCloseTo((BUSYBOX + MiB) / (BUSYBOX + 5 * MiB), 12);
      //   wastedBytes = cum(/data/one) + cum(/data/two) (+ /run, /data: 0 bytes) = 5 MiB
      expect(f.dive.wastedBytes).toBe(5 * MiB);
      //   userWastedPercent = 5 MiB / (sizes of layers 1..6 = 0 + 1 + 1 + 1 + 2 + 0 MiB)
      expect(f.dive.userWastedPercent).toBe(1);
      //   the visible copy of /data/two (L5, 1 MiB) is in dive's wasted bytes
      expect(f.dive.visibleCopyBytes).toBe(MiB);
      // layerscope: shipped = busybox + 5 MiB; final = busybox + /data/two of L5 (1 MiB)
      expect(f.layerscope.fileBytes).toBe(BUSYBOX + 5 * MiB);
      expect(f.layerscope.finalFileBytes).toBe(BUSYBOX + MiB);
      //   wasted: /data/one in L2, L3, L5 and /data/two in L4, each once = 4 MiB
      expect(f.layerscope.wastedBytes).toBe(4 * MiB);
      expect(f.layerscope.efficiency).toBeCloseTo((BUSYBOX + MiB) / (BUSYBOX + 5 * MiB), 12);
      //   user: all 4 MiB wasted sit in layers 1..6, which add 5 MiB: 0.8
      expect(f.layerscope.userBytes).toBe(5 * MiB);
      expect(f.layerscope.userWastedPercent).toBeCloseTo(0.8, 12);
      expect(f.layerscope.baseHiddenBytes).toBe(0);
      expect(f.layers.map((l) => l.wastedBytes)).toEqual([0, 0, MiB, MiB, MiB, MiB, 0]);
      expect(f.dive.inefficientFiles.slice(0, 2)).toEqual([
        { path: '/data/one', count: 4, sizeBytes: 3 * MiB },
        { path: '/data/two', count: 2, sizeBytes: 2 * MiB },
      ]);
    });
  }

  it('with --hash: the chmod -R copy-ups are proven attribute-only, and nothing is duplicated', async () => {
    const { a, stack, f } = await figures('seed-a-bloated.docker.tar', true);
    expect(f.hashed).toBe(true);
    // /data/one of L2 and L3 are the same 1 MiB of zeros: L3's copy is a copy-up, exactly
    const byLayer = f.layerscope.wastedFiles.map((w) => `${w.path}@${w.layer} ${w.reason}`).sort();
    expect(byLayer).toEqual(['/data/one@2 copied-up', '/data/one@3 copied-up', '/data/one@5 deleted', '/data/two@4 copied-up']);
    const { rules } = buildRules({
      lowestEfficiency: { value: DEFAULT_RULES.lowestEfficiency, source: 'default' },
      highestWastedBytes: { value: '3MiB', source: 'test' },
      highestUserWastedPercent: { value: DEFAULT_RULES.highestUserWastedPercent, source: 'default' },
    });
    const r = buildCiReport(a, stack, { rules, judgedBy: 'layerscope', base: f.base });
    expect(r.duplicates).toEqual({ groups: [], extraBytes: 0 });
    // 4 MiB > 3 MiB, efficiency 0.42 < 0.9, 0.8 > 0.1: all three fail, on both figure sets
    expect(r.rules.map((x) => `${x.key} ${x.status} ${x.otherStatus}`)).toEqual([
      'highestUserWastedPercent FAIL FAIL',
      'highestWastedBytes FAIL FAIL',
      'lowestEfficiency FAIL FAIL',
    ]);
    expect(r.verdict).toBe('FAIL');
    expect(r.suggestions.map((s) => s.kind)).toContain('copy-up');
  });
});

describe('whiteouts (rm, rm -rf of dirs, an opaque dir, an in-place append)', () => {
  it('whiteouts.docker.tar', async () => {
    const { f } = await figures('whiteouts.docker.tar');
    expect(f.base.layers).toBe(1);
    // truth regular_file_bytes: [1982365, 19, 2, 17, 0]; layer 1 holds data/a 2, data/b 2,
    // data/sub/c 2 (hidden by L2's opaque /data), keep/dir-to-move/f 3, keep/gone-dir/inner/z 2,
    // keep/k1 3, keep/k2 3 (whiteouts in L3), keep/modify-me 2 (rewritten by L3): all 19 wasted.
    expect(f.layerscope.wastedBytes).toBe(19);
    expect(f.layerscope.userBytes).toBe(19 + 2 + 17);
    expect(f.layerscope.userWastedPercent).toBe(0.5);
    // L4 removes /bin/vi and /usr/bin/wget: busybox links, 0 bytes
    expect(f.layerscope.baseHiddenBytes).toBe(0);
    expect(f.layerscope.efficiency).toBeCloseTo((BUSYBOX + 38 - 19) / (BUSYBOX + 38), 12);
    // dive: leaves per layer, cum: L0 1982365; L1 19; L2 data/new 2 (opaque marker dropped);
    //   L3 dir-moved/f 3 + k2-renamed 3 + modify-me 11 + whiteouts: dir-to-move charges its
    //   subtree (f 3), gone-dir its subtree (z 2), k1 and k2 are files (0) = 22; L4 0.
    //   Paths in 2+ layers: modify-me (2, 11), k1 (3, 0), k2 (3, 0), bin/vi, usr/bin/wget, run (0).
    //   wastedBytes = 13 + 3 + 3 = 19; min sum = cum sum - 11 - 3 - 3
    const cum = BUSYBOX + 19 + 2 + 22;
    expect(f.dive.wastedBytes).toBe(19);
    expect(f.dive.efficiency).toBeCloseTo((cum - 17) / cum, 12);
    expect(f.dive.userWastedPercent).toBe(19 / 38);
    //   the visible copy of /keep/modify-me (11 bytes) is among dive's wasted bytes
    expect(f.dive.visibleCopyBytes).toBe(11);
  });
});

describe('multistage (COPY --from a builder stage, then a RUN that writes a listing)', () => {
  it('multistage.oci.tar', async () => {
    const { a, f } = await figures('multistage.oci.tar');
    // truth regular_file_bytes: [1982365, 327717, 611]; nothing is deleted or rewritten
    expect(f.base.layers).toBe(1);
    expect(f.layerscope).toMatchObject({ wastedBytes: 0, efficiency: 1, userBytes: 327717 + 611, userWastedPercent: 0 });
    // dive: only /run is in two layers (busybox's and the RUN layer's), 0 bytes
    expect(f.dive).toMatchObject({ wastedBytes: 0, efficiency: 1, userWastedPercent: 0, sizeBytes: BUSYBOX + 327717 + 611 });
    expect(f.dive.inefficientFiles).toEqual([{ path: '/run', count: 2, sizeBytes: 0 }]);

    // and `--format dive` has dive's keys and these figures
    const j = toDiveJson(a);
    expect(Object.keys(j)).toEqual(['layer', 'image']);
    expect(Object.keys(j.image)).toEqual(['sizeBytes', 'inefficientBytes', 'efficiencyScore', 'fileReference']);
    expect(Object.keys(j.layer[0])).toEqual(['index', 'id', 'digestId', 'sizeBytes', 'command', 'fileList']);
    expect(Object.keys(j.layer[1].fileList[0])).toEqual(['path', 'typeFlag', 'linkName', 'size', 'fileMode', 'uid', 'gid', 'isDir']);
    expect(j.image).toEqual({ sizeBytes: BUSYBOX + 327717 + 611, inefficientBytes: 0, efficiencyScore: 1, fileReference: [{ count: 2, sizeBytes: 0, file: '/run' }] });
    expect(j.layer.map((l) => l.sizeBytes)).toEqual([BUSYBOX, 327717, 611]);
    expect(j.layer[2].command).toBe('ls -la /opt/app /opt/app/lib > /opt/app/listing.txt');
    // children before their directory, names in byte order (dive's VisitDepthChildFirst)
    expect(j.layer[1].fileList.map((e) => e.path)).toEqual(['opt/app/lib/random.bin', 'opt/app/lib/zeros.bin', 'opt/app/lib', 'opt/app/run.sh', 'opt/app', 'opt']);
    const dir = j.layer[1].fileList.find((e) => e.path === 'opt')!;
    expect([dir.isDir, dir.typeFlag, dir.fileMode >= 2 ** 31]).toEqual([true, 53, true]);
  });
});
