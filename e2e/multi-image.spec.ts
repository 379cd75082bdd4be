// Archives with several images: the picker lists them, says which is shown and why, and picking
// another re-reads the archive for it.

import { test, expect } from '@playwright/test';
import { expectRows, expectShown, openWithPicker } from './helpers/app.ts';
import { expectedRows, fixturePath, readTruth } from './helpers/fixtures.ts';

test('multi-arch index: two platforms, amd64 by default, arm64 on request', async ({ page }) => {
  const truth = readTruth('multi-arch-index.oci.tar');
  await page.goto('./');
  await openWithPicker(page, fixturePath('multi-arch-index.oci.tar'));
  await expectShown(page, 'multi-arch-index.oci.tar');

  const choices = page.getByTestId('image-choice');
  await expect(choices).toHaveCount(2);
  await expect(choices.nth(0)).toContainText('linux/amd64');
  await expect(choices.nth(1)).toContainText('linux/arm64/v8');
  await expect(choices.nth(0)).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText(/Shown by default: .*linux\/amd64/)).toBeVisible();
  await expectRows(page, expectedRows(truth.images[0]));

  await choices.nth(1).click();
  await expect(choices.nth(1)).toHaveAttribute('aria-checked', 'true');
  await expectShown(page, 'multi-arch-index.oci.tar');
  await expect(page.locator('[data-testid="layer-row"]:not([data-empty])')).toHaveCount(2);
  await expectRows(page, expectedRows(truth.images[1]));
  await expect(page.getByText('Showing the image you picked.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/multi-arch-arm64.png' });
});

test('two images in one docker save: the first by default, the second on request', async ({ page }) => {
  const truth = readTruth('multi-image.docker.tar');
  await page.goto('./');
  await openWithPicker(page, fixturePath('multi-image.docker.tar'));
  await expectShown(page, 'multi-image.docker.tar');
  const choices = page.getByTestId('image-choice');
  await expect(choices).toHaveCount(2);
  await expect(choices.nth(0)).toContainText('localhost/seed-b-merged:latest');
  await expect(choices.nth(1)).toContainText('localhost/metadata:latest');
  await expectRows(page, expectedRows(truth.images[0]));

  await choices.nth(1).click();
  await expect(choices.nth(1)).toHaveAttribute('aria-checked', 'true');
  await expectRows(page, expectedRows(truth.images[1]));
  await expect(page.getByTestId('image-ref')).toHaveText('localhost/metadata:latest');
});
