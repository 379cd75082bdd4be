// The workshop script for the busybox bloat lesson: base, six RUN layers with what each adds and
// wastes, CMD without a layer, the container step and the cache step.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateDockerfile } from '../../../core/simulate/simulate.ts';
import { workshopSteps } from './workshop-model.ts';

describe('workshop steps', () => {
  it('walks the six-RUN busybox build', async () => {
    const text = readFileSync('public/examples/busybox-six-runs.Dockerfile', 'utf8');
    const steps = workshopSteps(await simulateDockerfile(text));
    expect(steps.map((s) => s.kind)).toEqual(['base', 'instruction', 'instruction', 'instruction', 'instruction', 'instruction', 'instruction', 'instruction', 'container', 'cache']);
    expect(steps[0].headline).toMatch(/^FROM busybox:latest: the base image brings 1 layer/);
    const lines = steps.map((s) => s.headline);
    expect(lines[1]).toMatch(/^RUN made layer #1/);
    expect(lines[2]).toMatch(/^RUN made layer #2: \+1\.0 MiB in 1 file$/);
    // chmod -R copies /data/one up: the lower copy is waste.
    expect(lines[3]).toBe('RUN made layer #3: +1.0 MiB in 1 file. It copies /data/one up (a metadata change copies the whole file): 1.0 MiB in the layers below is now waste the image still ships');
    expect(lines[6]).toMatch(/^RUN made layer #6: .*It deletes \/data\/one: 1\.0 MiB in the layers below/);
    expect(lines[7]).toMatch(/^CMD: no layer/);
    expect(steps.map((s) => s.layers)).toEqual([1, 2, 3, 4, 5, 6, 7, 7, 7, 7]);
    const c = steps[8];
    if (c.kind !== 'container') throw new Error('expected the container step');
    expect(c.write).toMatchObject({ path: '/data/two', bytes: 1048576, from: 5 });
    expect(c.read?.found?.layer).toBe(0);
    expect(c.read?.steps.at(-1)).toEqual({ layer: 0, outcome: 'hit' });
    const cache = steps[9];
    if (cache.kind !== 'cache') throw new Error('expected the cache step');
    expect(cache.line?.startLine).toBe(3);
  });
});
