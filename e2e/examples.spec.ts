// The built-in examples: a link `/#example=NAME` opens one, a click on the gallery opens one and
// puts it in the URL, and an unknown name says so. Image examples show what their truth files
// say; Dockerfile examples show what the simulator (run here in Node) says the build makes.

import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { simulateDockerfile } from '../src/core/simulate/simulate.ts';
import { expectRows, expectShown, shownRows } from './helpers/app.ts';
import { expectedRows, readTruth } from './helpers/fixtures.ts';

const IMAGES = ['seed-a-bloated', 'seed-b-merged', 'whiteouts', 'multi-arch-index'];
const DOCKERFILES = ['app-on-node', 'ubuntu-vim', 'busybox-six-runs', 'busybox-one-run'];

/** The rows the page must show for a Dockerfile example: the simulation's history, in order. */
async function simulatedRows(name: string) {
  const text = readFileSync(new URL(`../public/examples/${name}.Dockerfile`, import.meta.url), 'utf8');
  const sim = await simulateDockerfile(text, { file: `${name}.Dockerfile` });
  return { text, commands: sim.image.history.map((h) => h.createdBy), bytes: sim.image.history.map((h) => (h.layerIndex === null ? [] : [sim.image.layers[h.layerIndex].compressedSize, sim.image.layers[h.layerIndex].tarSize, sim.image.layers[h.layerIndex].fileBytes])) };
}

async function expectDockerfile(page: Page, name: string) {
  await expectShown(page, `${name}.Dockerfile`);
  const want = await simulatedRows(name);
  await expect(page.getByTestId('dockerfile-editor')).toHaveValue(want.text);
  await expect(page.getByTestId('layer-row')).toHaveCount(want.commands.length);
  const got = await shownRows(page);
  expect(got.map((r) => r.command)).toEqual(want.commands);
  expect(got.map((r) => r.bytes)).toEqual(want.bytes);
}

test('/#example=seed-a-bloated opens with that example loaded', async ({ page }) => {
  await page.goto('./#example=seed-a-bloated');
  await expectShown(page, 'seed-a-bloated.oci.tar');
  await expectRows(page, expectedRows(readTruth('seed-a-bloated.oci.tar').images[0]));
  await expect(page.locator('[data-testid="example"][data-example="seed-a-bloated"]')).toHaveAttribute('aria-pressed', 'true');
});

test('the gallery holds the Dockerfile lessons and the real images', async ({ page }) => {
  await page.goto('./');
  const cards = page.getByTestId('example');
  await expect(cards).toHaveCount(IMAGES.length + DOCKERFILES.length);
  const shown = await cards.evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.kind}:${(e as HTMLElement).dataset.example}`));
  expect(shown).toEqual([...DOCKERFILES.map((n) => `dockerfile:${n}`), ...IMAGES.map((n) => `image:${n}`)]);
  await page.screenshot({ path: 'test-results/examples-gallery.png' });
});

test('every example opens with a click and lands in the URL', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  for (const name of [...IMAGES, ...DOCKERFILES]) {
    await page.locator(`[data-testid="example"][data-example="${name}"]`).click();
    if (IMAGES.includes(name)) {
      await expectShown(page, `${name}.oci.tar`);
      await expectRows(page, expectedRows(readTruth(`${name}.oci.tar`).images[0]));
    } else await expectDockerfile(page, name);
    expect(new URL(page.url()).hash).toBe(`#example=${name}`);
    await expect(page.locator(`[data-testid="example"][data-example="${name}"]`)).toHaveAttribute('aria-pressed', 'true');
  }
  await page.screenshot({ path: 'test-results/examples-last-dockerfile.png' });
});

test('a Dockerfile example shows what each instruction did', async ({ page }) => {
  await page.goto('./#example=ubuntu-vim');
  await expectDockerfile(page, 'ubuntu-vim');
  // MAINTAINER: no layer; RUN mkdir: a layer; apt-get install vim: the big, estimated layer.
  await expect(page.locator('[data-testid="dockerfile-step"][data-line="6"]')).toContainText('no layer');
  await expect(page.locator('[data-testid="dockerfile-step"][data-line="7"]')).toContainText(/layer \d+: 0 B/);
  await expect(page.locator('[data-testid="dockerfile-step"][data-line="8"]')).toContainText(/layer \d+: ≈\d/);
});

test('an unknown example name is an error, not a blank page', async ({ page }) => {
  await page.goto('./#example=no-such-example');
  await expect(page.getByTestId('error')).toContainText('no-such-example');
  await expect(page.getByTestId('error')).toContainText('no built-in example');
  await expect(page.getByTestId('drop-zone')).toBeVisible();
});
