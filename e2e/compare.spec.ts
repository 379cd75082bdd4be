// Compare in Chromium: the bloated and merged busybox images side by side (totals read from the
// page against the tools' truth), their shared base layer linked; two Dockerfiles share layers by
// build cache key.

import { test, expect } from '@playwright/test';
import { expectShown } from './helpers/app.ts';
import { readTruth } from './helpers/fixtures.ts';

const fileBytes = (name: string) => readTruth(name).images[0].layers.reduce((s, l) => s + l.regular_file_bytes, 0);
const MiB = 1024 * 1024;

test('the two busybox images: both totals, one shared layer, 4 MiB apart', async ({ page }) => {
  await page.goto('./#example=seed-a-bloated');
  await expectShown(page, 'seed-a-bloated.oci.tar');
  await page.getByTestId('compare-open').click();
  await expect(page.getByTestId('compare')).toBeVisible();
  await page.locator('[data-testid="compare-source"][data-side="b"]').selectOption('example:seed-b-merged');
  const a = page.locator('[data-testid="compare-total"][data-side="a"]');
  const b = page.locator('[data-testid="compare-total"][data-side="b"]');
  await expect(a).toHaveAttribute('data-bytes', String(fileBytes('seed-a-bloated.oci.tar')));
  await expect(b).toHaveAttribute('data-bytes', String(fileBytes('seed-b-merged.oci.tar')));
  expect(fileBytes('seed-a-bloated.oci.tar') - fileBytes('seed-b-merged.oci.tar')).toBe(4 * MiB);
  await expect(a).toContainText('6.9 MiB');
  await expect(b).toContainText('2.9 MiB');
  await expect(page.locator('[data-testid="compare-reclaimable"]').first()).toHaveAttribute('data-bytes', String(4 * MiB));
  const shared = page.locator('[data-testid="compare-row"][data-shared="true"]');
  await expect(shared).toHaveCount(1);
  await expect(shared).toHaveAttribute('data-a', '0');
  await expect(shared).toHaveAttribute('data-b', '0');
  await expect(page.getByTestId('compare-row')).toHaveCount(7);
  await expect(page.getByTestId('compare-delta')).toContainText('file bytes −4.0 MiB');
  await page.screenshot({ path: 'test-results/compare-busybox.png', fullPage: true });
  await page.getByTestId('compare-close').click();
  await expectShown(page, 'seed-a-bloated.oci.tar');
});

test('two Dockerfiles: the base layer shared by cache key, the six RUNs against one', async ({ page }) => {
  await page.goto('./');
  await page.locator('[data-testid="example"][data-example="busybox-six-runs"]').click();
  await expectShown(page, 'busybox-six-runs.Dockerfile');
  await page.getByTestId('compare-open').click();
  await page.locator('[data-testid="compare-source"][data-side="b"]').selectOption('example:busybox-one-run');
  const a = page.locator('[data-testid="compare-total"][data-side="a"]');
  const b = page.locator('[data-testid="compare-total"][data-side="b"]');
  await expect(b).toHaveAttribute('data-bytes', /\d+/);
  const [ta, tb] = [Number(await a.getAttribute('data-bytes')), Number(await b.getAttribute('data-bytes'))];
  expect(ta - tb).toBe(4 * MiB);
  await expect(page.getByTestId('compare-delta')).toContainText('same build cache key');
  await expect(page.locator('[data-testid="compare-row"][data-shared="true"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="compare-row"][data-shared="true"]')).toHaveAttribute('data-a', '0');
});

test('a file that is not an image says so on its side', async ({ page }) => {
  await page.goto('./');
  await page.locator('[data-testid="example"][data-example="whiteouts"]').click();
  await expectShown(page, 'whiteouts.oci.tar');
  await page.getByTestId('compare-open').click();
  await page.locator('[data-testid="compare-file"][data-side="b"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.locator('[data-testid="compare-error"][data-side="b"]')).toContainText('notes.txt');
});
