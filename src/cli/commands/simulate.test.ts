// `layerscope simulate` and the helpers readpath uses, on the fixtures' recipes.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { UsageError } from '../args.ts';
import { DirectoryContext } from '../context-dir.ts';
import { openImageOrDockerfile, simulate, simulateFile } from './simulate.ts';

const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures');
const recipe = (name: string) => join(FIXTURES, 'recipes', name);

async function run(argv: string[]): Promise<string> {
  const out: string[] = [];
  await simulate(argv, (s) => out.push(s));
  return out.join('\n');
}

describe('layerscope simulate', () => {
  it('prints the history table, the totals and one explanation per step', async () => {
    const text = await run([join(recipe('seed-b-merged'), 'Dockerfile'), '--base', join(FIXTURES, 'busybox.oci.tar'), '--builder', 'buildah']);
    expect(text).toMatch(/LAYER\s+CREATED BY/);
    expect(text).toMatch(/reclaimable: 0 B/);
    expect(text).toMatch(/line\s+2\s+RUN mkdir \/data/);
    expect(text).toMatch(/layer 1, 1\.0 MiB in 1 file/);
  });
  it('--json is layerscope.analysis/v1 with input.format dockerfile and the simulation steps', async () => {
    const json = JSON.parse(await run([join(recipe('copy-context'), 'Dockerfile'), '--context', recipe('copy-context'), '--json', '--files']));
    expect(json.schema).toBe('layerscope.analysis/v1');
    expect(json.input.format).toBe('dockerfile');
    expect(json.layers[0].estimated).toBe(true);
    expect(json.simulation.builder).toBe('buildkit');
    expect(json.simulation.steps.map((s: { keyword: string }) => s.keyword)).toEqual(['workdir', 'copy', 'copy', 'add', 'add', 'copy', 'cmd']);
    const site = json.layers.find((l: { createdBy: string }) => l.createdBy === 'COPY site/ /srv/site/ # buildkit');
    expect(site.entries.map((e: { path: string }) => e.path)).not.toContain('/srv/site/secret.txt');
  });
  it('--target and --build-arg reach the build', async () => {
    const json = JSON.parse(await run([join(recipe('multistage'), 'Dockerfile'), '--target', 'builder', '--json']));
    expect(json.simulation.target).toBe('builder');
    const meta = JSON.parse(await run([join(recipe('metadata'), 'Dockerfile'), '--build-arg', 'VERSION=9.9', '--json']));
    expect(meta.image.config.env).toContain('APP_VERSION=9.9');
  });
  it('bad input: a missing file is an InputError, a bad option a UsageError', async () => {
    await expect(run(['/nonexistent/Dockerfile'])).rejects.toBeInstanceOf(InputError);
    await expect(run([join(recipe('metadata'), 'Dockerfile'), '--builder', 'kaniko'])).rejects.toBeInstanceOf(UsageError);
    await expect(run([join(recipe('metadata'), 'Dockerfile'), '--build-arg', 'NOEQUALS'])).rejects.toBeInstanceOf(UsageError);
    await expect(run([join(recipe('metadata'), 'Dockerfile'), '--context', '/nonexistent-dir'])).rejects.toBeInstanceOf(InputError);
    // metadata's COPY --chmod=0755 is fine; a Dockerfile with a syntax error is a DockerfileError (an InputError)
    await expect(run([join(FIXTURES, 'README.md')])).rejects.toBeInstanceOf(InputError);
  });
});

describe('helpers for readpath', () => {
  it('openImageOrDockerfile reads an archive, and simulates a Dockerfile with its folder as context', async () => {
    const img = await openImageOrDockerfile(join(FIXTURES, 'busybox.oci.tar'));
    expect(img.input.format).toBe('oci-layout');
    const sim = await openImageOrDockerfile(join(recipe('copy-context'), 'Dockerfile'));
    expect(sim.input.format).toBe('dockerfile');
    expect(sim.image.layers.slice(1).every((l) => !l.estimated)).toBe(true);
  });
  it('simulateFile takes --base and --builder', async () => {
    const sim = await simulateFile(join(recipe('whiteouts'), 'Dockerfile'), { base: join(FIXTURES, 'busybox.oci.tar'), builder: 'buildah' });
    expect(sim.image.layers[2].opaqueDirs).toEqual(['/data']);
  });
  it('DirectoryContext lists a folder with sizes and reads files', async () => {
    const ctx = await DirectoryContext.open(recipe('copy-context'));
    const list = await ctx.list();
    expect(list.find((e) => e.path === 'site/img/logo.bin')).toMatchObject({ kind: 'file', size: 4096 });
    expect(list.find((e) => e.path === 'site')?.kind).toBe('dir');
    expect(new TextDecoder().decode(await ctx.read('.dockerignore'))).toBe('site/secret.txt\n**/*.tmp\n');
  });
});
