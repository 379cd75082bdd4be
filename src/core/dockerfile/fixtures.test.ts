// The fixture recipes (../shared/fixtures/recipes/*/Dockerfile, built by buildah) through the parser
// and resolveStages, with the expanded values checked against the image config buildah wrote
// (the .truth.json beside each archive): a real builder's expansion of the same Dockerfile.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './parser.ts';
import { resolveStages } from './stages.ts';

const DIR = '../shared/fixtures';
const recipes = readdirSync(join(DIR, 'recipes')).filter((r) => existsSync(join(DIR, 'recipes', r, 'Dockerfile')));
const read = (r: string) => readFileSync(join(DIR, 'recipes', r, 'Dockerfile'), 'utf8');
const truthConfig = (name: string) => JSON.parse(readFileSync(join(DIR, `${name}.docker.tar.truth.json`), 'utf8')).images[0].config;

describe('fixture recipes', () => {
  it('has the recipes', () => expect(recipes.length).toBeGreaterThanOrEqual(6));
  it.each(recipes)('%s parses and resolves', (r) => {
    const p = parseDockerfile(read(r), { file: `${r}/Dockerfile` });
    const s = resolveStages(p);
    expect(s.stages.length).toBe(p.instructions.filter((i) => i.keyword === 'from').length);
  });

  it('metadata: the expanded values are the ones buildah put in the config', () => {
    const base = truthConfig('busybox').Env as string[];
    const cfg = truthConfig('metadata');
    const r = resolveStages(parseDockerfile(read('metadata')), { baseImageEnv: (ref) => (ref === 'busybox' ? base : undefined) });
    const ins = (k: string) => r.stages[0].instructions.filter((i) => i.keyword === k);
    const envPairs = ins('env').flatMap((i) => i.pairs.map((p) => `${p.key}=${p.value}`));
    expect(envPairs).toEqual((cfg.Env as string[]).filter((e) => !base.includes(e)));
    for (const p of ins('label').flatMap((i) => i.pairs)) expect(cfg.Labels[p.key]).toBe(p.value);
    expect(ins('workdir')[0].args).toEqual([cfg.WorkingDir]);
    expect(ins('user')[0].args).toEqual([cfg.User]);
    expect(ins('expose')[0].args).toEqual(Object.keys(cfg.ExposedPorts));
    expect(ins('volume')[0].args).toEqual(Object.keys(cfg.Volumes));
    expect(ins('stopsignal')[0].args).toEqual([cfg.StopSignal]);
    expect(ins('shell')[0].args).toEqual(cfg.Shell);
    expect(ins('entrypoint')[0].args).toEqual(cfg.Entrypoint);
    expect(ins('cmd')[0].args).toEqual(cfg.Cmd);
    expect(ins('healthcheck')[0].args).toEqual(cfg.Healthcheck.Test);
    expect(ins('onbuild')[0].sub?.original).toBe(cfg.OnBuild[0]);
    // buildah's RUN history line: `|2 UNUSED_ARG=not-recorded VERSION=1.2.3 /bin/sh -c …`
    expect(ins('run')[0].env).toEqual(expect.arrayContaining(['UNUSED_ARG=not-recorded', 'VERSION=1.2.3']));
  });

  it('multistage: COPY --from names the builder stage, and both stages are built', () => {
    const r = resolveStages(parseDockerfile(read('multistage')));
    expect(r.stages.map((s) => s.name)).toEqual(['builder', null]);
    expect(r.stages[1].instructions.find((i) => i.keyword === 'copy')?.fromStages).toEqual([0]);
    expect(r.reachable).toEqual([0, 1]);
  });
});
