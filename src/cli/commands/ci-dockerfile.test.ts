// A Dockerfile judged by `ci` (simulated, nothing built) gets the verdict the image built from it
// gets: every fixture recipe against the archive buildah built from it, under dive's default
// rules and under tight ones, on layerscope's figures and on dive's.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ci } from './ci.ts';

const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures');
const RECIPES = ['seed-a-bloated', 'seed-b-merged', 'whiteouts', 'multistage', 'copy-context', 'metadata', 'links-longnames'];

const dir = mkdtempSync(join(tmpdir(), 'layerscope-ci-df-'));
const CONFIGS = {
  defaults: '# dive defaults\n',
  tight: 'rules:\n  lowestEfficiency: 0.99999\n  highestWastedBytes: 100B\n  highestUserWastedPercent: 0.05\n',
};
for (const [name, body] of Object.entries(CONFIGS)) writeFileSync(join(dir, name), body);

async function judge(args: string[]): Promise<{ code: number; rules: string[]; figures: unknown }> {
  let json = '';
  const code = await ci([...args, '--json'], (s) => (json += s));
  const r = JSON.parse(json);
  return { code, rules: r.rules.map((x: { key: string; status: string; otherStatus: string }) => `${x.key} ${x.status} (other: ${x.otherStatus})`), figures: r.figures };
}

describe('ci Dockerfile = ci on the image built from it', () => {
  for (const recipe of RECIPES) {
    for (const config of Object.keys(CONFIGS)) {
      for (const figures of ['layerscope', 'dive']) {
        it(`${recipe}, ${config} rules, ${figures}'s figures`, async () => {
          const common = ['--config', join(dir, config), '--figures', figures];
          const image = await judge([join(FIXTURES, `${recipe}.docker.tar`), ...common]);
          const sim = await judge([
            join(FIXTURES, 'recipes', recipe, 'Dockerfile'),
            '--base', join(FIXTURES, 'busybox.oci.tar'),
            '--context', join(FIXTURES, 'recipes', recipe),
            '--builder', 'buildah',
            ...common,
          ]);
          expect(sim.rules).toEqual(image.rules);
          expect(sim.code).toBe(image.code);
        });
      }
    }
  }

  it('the verdicts are not all the same (the comparison can tell them apart)', async () => {
    const codes = await Promise.all(['seed-a-bloated', 'seed-b-merged'].map(async (r) => (await judge([join(FIXTURES, `${r}.docker.tar`), '--config', join(dir, 'defaults')])).code));
    expect(codes).toEqual([1, 0]);
  });
});
