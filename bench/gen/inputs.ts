// Makes the bench's inputs under bench/.data/<full|quick>/ unless they are already there (the
// folder is gitignored): layer A as .tar, .tar.gz (gzip -6) and .tar.zst (zstd -3), a different
// layer B as .tar.gz, and an OCI archive holding both gzip layers. inputs.json, written last,
// records what was made; a missing or stale one means "make everything again".

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256File, writeOciArchive } from './image.ts';
import { writeLayer, type LayerSpec, type LayerTruth } from './layer.ts';

/** Bump when the generator's output changes, so old inputs are made again. */
const GEN_VERSION = 1;

export interface Inputs {
  version: number;
  quick: boolean;
  dir: string;
  layerA: { tar: string; gz: string; zst: string; truth: LayerTruth };
  layerB: { gz: string; truth: LayerTruth };
  image: { path: string; layers: 2 };
  /** sizes of every file above, to notice a damaged folder */
  sizes: Record<string, number>;
}

function specs(quick: boolean): [LayerSpec, LayerSpec] {
  const scale = quick ? 10 : 1;
  return [
    { seed: 1, entries: 50_000 / scale, tarBytes: 250e6 / scale, whiteouts: false },
    { seed: 2, entries: 50_000 / scale, tarBytes: 250e6 / scale, whiteouts: true },
  ];
}

function run(cmd: string, args: string[], stdoutTo?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const shell = stdoutTo ? `${[cmd, ...args].join(' ')} > '${stdoutTo}'` : [cmd, ...args].join(' ');
    const p = spawn('bash', ['-c', `set -o pipefail; ${shell}`], { stdio: ['ignore', 'inherit', 'inherit'] });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${shell}: exit ${code}`))));
  });
}

function loadValid(dir: string, quick: boolean): Inputs | null {
  const file = join(dir, 'inputs.json');
  if (!existsSync(file)) return null;
  try {
    const inputs = JSON.parse(readFileSync(file, 'utf8')) as Inputs;
    if (inputs.version !== GEN_VERSION || inputs.quick !== quick) return null;
    for (const [path, size] of Object.entries(inputs.sizes)) {
      if (!existsSync(path) || statSync(path).size !== size) return null;
    }
    return inputs;
  } catch {
    return null;
  }
}

/** Returns the inputs, generating them first if missing (≈ 30 s for the full set here). */
export async function ensureInputs(dataRoot: string, quick: boolean, log: (s: string) => void): Promise<Inputs> {
  const dir = join(dataRoot, quick ? 'quick' : 'full');
  const have = loadValid(dir, quick);
  if (have) return have;
  log(`generating inputs in ${dir} (once; reused on later runs)…`);
  const t0 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const [specA, specB] = specs(quick);
  const p = (n: string) => join(dir, n);

  const truthA = writeLayer(specA, p('layer-a.tar'));
  // gzip -n: no name or time stamp in the header, so the bytes are the same on every run.
  const compressA = Promise.all([run('gzip', ['-6', '-n', '-c', p('layer-a.tar')], p('layer-a.tar.gz')), run('zstd', ['-q', '-3', '-f', p('layer-a.tar'), '-o', p('layer-a.tar.zst')])]);
  const truthB = writeLayer(specB, p('layer-b.tar'));
  await run('gzip', ['-6', '-n', '-c', p('layer-b.tar')], p('layer-b.tar.gz'));
  await compressA;
  rmSync(p('layer-b.tar'));

  const gzA = p('layer-a.tar.gz');
  const gzB = p('layer-b.tar.gz');
  const [digestA, digestB] = [await sha256File(gzA), await sha256File(gzB)];
  writeOciArchive(p('image.oci.tar.tmp'), 'localhost/layerscope-bench:latest', [
    { path: gzA, size: statSync(gzA).size, digest: digestA, diffId: truthA.sha256, createdBy: '/bin/sh -c #(nop) ADD layer-a.tar /' },
    { path: gzB, size: statSync(gzB).size, digest: digestB, diffId: truthB.sha256, createdBy: '/bin/sh -c #(nop) ADD layer-b.tar /' },
  ]);
  renameSync(p('image.oci.tar.tmp'), p('image.oci.tar'));

  const inputs: Inputs = {
    version: GEN_VERSION,
    quick,
    dir,
    layerA: { tar: p('layer-a.tar'), gz: gzA, zst: p('layer-a.tar.zst'), truth: truthA },
    layerB: { gz: gzB, truth: truthB },
    image: { path: p('image.oci.tar'), layers: 2 },
    sizes: {},
  };
  for (const f of [inputs.layerA.tar, gzA, inputs.layerA.zst, gzB, inputs.image.path]) inputs.sizes[f] = statSync(f).size;
  writeFileSync(join(dir, 'inputs.json'), JSON.stringify(inputs, null, 2));
  log(`inputs ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return inputs;
}
