// `layerscope simulate` and the helpers readpath uses, on the fixtures' recipes.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { UsageError } from '../args.ts';
import { DirectoryContext } from '../context-dir.ts';
import { ci } from './ci.ts';
import { readpath } from './readpath.ts';
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

describe('limits on a Dockerfile (--limit, --max-instructions)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layerscope-limits-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  // 2,500 instructions: over the default maxInstructions (2,000), cheap ones (LABEL keeps no environment).
  const many = write('many.Dockerfile', `FROM scratch\nRUN touch /made\n${Array.from({ length: 2498 }, (_, i) => `LABEL l${i}=${i}`).join('\n')}\n`);
  // One RUN of ≈ 70 KB: over the default maxScriptBytes (64 KiB); it creates /made when simulated.
  // (continued lines: BuildKit refuses a physical line over 64 KiB)
  const longRun = write('long-run.Dockerfile', `FROM scratch\nRUN touch /made${` \\\n && : ${'x'.repeat(1000)}`.repeat(70)}\n`);
  const errorOf = async (p: Promise<unknown>) => {
    const e = await p.then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  };

  it('2,500 instructions fail by default, naming maxInstructions and the flag that raises it', async () => {
    const msg = await errorOf(run([many, '--json']));
    expect(msg).toMatch(/the Dockerfile has 2,500 instructions: over the limit maxInstructions = 2,000 \(the CLI's --max-instructions raises it\)/);
    expect(msg).toMatch(/^many\.Dockerfile/);
  });

  it('2,500 instructions pass with --limit maxInstructions=3000 or --max-instructions 3000', async () => {
    for (const flags of [['--limit', 'maxInstructions=3000'], ['--max-instructions', '3000']]) {
      const json = JSON.parse(await run([many, '--json', ...flags]));
      expect(json.simulation.steps).toHaveLength(2499);
      expect(json.history).toHaveLength(2499);
    }
  }, 20_000);

  it('readpath and ci on a Dockerfile take the same flags', async () => {
    const out: string[] = [];
    expect(await errorOf(readpath([many, '/made'], (s) => out.push(s)))).toMatch(/maxInstructions = 2,000/);
    await readpath([many, '/made', '--json', '--limit', 'maxInstructions=3000'], (s) => out.push(s));
    expect(JSON.parse(out.at(-1)!).found).toMatchObject({ kind: 'file', layer: 0 });
    expect(await errorOf(ci([many], () => undefined))).toMatch(/maxInstructions = 2,000/);
    expect(await ci([many, '--json', '--max-instructions', '3000'], (s) => out.push(s))).toBe(0);
  }, 30_000);

  it('a RUN over maxScriptBytes is left unsimulated with a warning naming the limit; --limit maxScriptBytes raises it', async () => {
    const dflt = JSON.parse(await run([longRun, '--json', '--files']));
    expect(dflt.warnings.join('\n')).toMatch(/longer than the simulator reads \(the limit maxScriptBytes = 64 KiB; the CLI's --limit maxScriptBytes=N raises it\)/);
    expect(dflt.layers[0].entries.map((e: { path: string }) => e.path)).not.toContain('/made');
    const raised = JSON.parse(await run([longRun, '--json', '--files', '--limit', 'maxScriptBytes=128K']));
    expect(raised.warnings.join('\n')).not.toMatch(/maxScriptBytes/);
    expect(raised.layers[0].entries.map((e: { path: string }) => e.path)).toContain('/made');
  }, 20_000);

  it('refuses a bad limit value or name as a usage error', async () => {
    await expect(run([many, '--max-instructions', 'lots'])).rejects.toBeInstanceOf(UsageError);
    await expect(run([many, '--limit', 'maxWhatever=3'])).rejects.toBeInstanceOf(UsageError);
  });
});
