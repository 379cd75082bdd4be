// The built-in examples: a link `/#example=NAME` opens one, a click on the strip opens one and
// puts it in the URL, and an unknown name says so.

import { test, expect } from '@playwright/test';
import { expectRows, expectShown } from './helpers/app.ts';
import { expectedRows, readTruth } from './helpers/fixtures.ts';

const EXAMPLES = ['seed-a-bloated', 'seed-b-merged', 'whiteouts', 'multi-arch-index'];

test('/#example=seed-a-bloated opens with that example loaded', async ({ page }) => {
  await page.goto('./#example=seed-a-bloated');
  await expectShown(page, 'seed-a-bloated.oci.tar');
  await expectRows(page, expectedRows(readTruth('seed-a-bloated.oci.tar').images[0]));
  await expect(page.locator('[data-testid="example"][data-example="seed-a-bloated"]')).toHaveAttribute('aria-pressed', 'true');
});

test('each example opens with a click and lands in the URL', async ({ page }) => {
  await page.goto('./');
  const strip = page.getByTestId('example');
  await expect(strip).toHaveCount(EXAMPLES.length);
  expect(await strip.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.example))).toEqual(EXAMPLES);
  for (const name of EXAMPLES) {
    await page.locator(`[data-testid="example"][data-example="${name}"]`).click();
    await expectShown(page, `${name}.oci.tar`);
    await expectRows(page, expectedRows(readTruth(`${name}.oci.tar`).images[0]));
    expect(new URL(page.url()).hash).toBe(`#example=${name}`);
  }
});

test('an unknown example name is an error, not a blank page', async ({ page }) => {
  await page.goto('./#example=no-such-example');
  await expect(page.getByTestId('error')).toContainText('no-such-example');
  await expect(page.getByTestId('error')).toContainText('no built-in example');
  await expect(page.getByTestId('drop-zone')).toBeVisible();
});
