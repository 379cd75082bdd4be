// Workshop mode in Chromium: step through the six-RUN busybox build with the buttons and the keys,
// each step's layer arriving in the tower with its one-line explanation; the container step's
// writable layer, write and read; the cache step's rebuild after an edited line.

import { test, expect, type Page } from '@playwright/test';
import { expectShown } from './helpers/app.ts';

const explain = (page: Page) => page.getByTestId('workshop-explain');
const step = (page: Page) => page.getByTestId('workshop');

test('steps through a build, a container and a cache rebuild', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./#example=busybox-six-runs');
  await expectShown(page, 'busybox-six-runs.Dockerfile');
  await page.getByTestId('workshop-open').click();
  await expect(step(page)).toHaveAttribute('data-step-kind', 'base');
  await expect(explain(page)).toContainText('FROM busybox');
  await expect(page.getByTestId('workshop-layer')).toHaveCount(1);
  await expect(page.locator('[data-testid="workshop-line"][data-current="true"]')).toHaveAttribute('data-line', '1');
  // Large type for the room.
  expect(await explain(page).evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(24);
  await page.screenshot({ path: 'test-results/workshop-base.png' });

  const headlines: string[] = [];
  // RUN lines 2..7 with the Next button, then the keyboard.
  for (let i = 1; i <= 6; i++) {
    if (i % 2) await page.getByTestId('workshop-next').click();
    else await page.keyboard.press(i === 2 ? 'ArrowRight' : i === 4 ? 'Space' : 'PageDown');
    await expect(step(page)).toHaveAttribute('data-step', String(i));
    await expect(page.getByTestId('workshop-layer')).toHaveCount(1 + i);
    await expect(page.locator(`[data-testid="workshop-layer"][data-layer-index="${i}"]`)).toHaveAttribute('data-state', 'new');
    await expect(page.locator('[data-testid="workshop-line"][data-current="true"]')).toHaveAttribute('data-line', String(i + 1));
    headlines.push((await explain(page).textContent())!);
    if (i === 3) await page.screenshot({ path: 'test-results/workshop-chmod.png' });
  }
  expect(headlines[0]).toMatch(/^RUN made layer #1/);
  expect(headlines[1]).toBe('RUN made layer #2: +1.0 MiB in 1 file');
  expect(headlines[2]).toContain('It copies /data/one up (a metadata change copies the whole file): 1.0 MiB in the layers below is now waste');
  expect(headlines[5]).toContain('It deletes /data/one');
  // CMD: no layer, the tower stays as it is.
  await page.keyboard.press('ArrowRight');
  await expect(explain(page)).toContainText(/^CMD: no layer/);
  await expect(page.getByTestId('workshop-layer')).toHaveCount(7);
  // Back and forth.
  await page.keyboard.press('ArrowLeft');
  await expect(step(page)).toHaveAttribute('data-step', '6');
  await page.getByTestId('workshop-next').click();

  // The container: a writable layer on top, a write copied up into it, a read going down.
  await page.getByTestId('workshop-next').click();
  await expect(step(page)).toHaveAttribute('data-step-kind', 'container');
  await expect(page.getByTestId('workshop-container-layer')).toBeVisible();
  await expect(page.getByTestId('workshop-write')).toContainText('/data/two');
  await expect(page.locator('[data-testid="workshop-layer"][data-layer-index="0"]')).toHaveAttribute('data-outcome', 'hit');
  for (let i = 1; i <= 6; i++) await expect(page.locator(`[data-testid="workshop-layer"][data-layer-index="${i}"]`)).toHaveAttribute('data-outcome', 'miss');
  await page.screenshot({ path: 'test-results/workshop-container.png' });

  // The cache: change line 3, build again; layer 2 and everything above rebuild.
  await page.keyboard.press('End');
  await expect(step(page)).toHaveAttribute('data-step-kind', 'cache');
  await page.getByTestId('workshop-cache-input').fill('RUN dd if=/dev/zero bs=1024 count=2048 of=/data/one');
  await page.getByTestId('workshop-rebuild').click();
  await expect(page.getByTestId('workshop-cache-summary')).toContainText('5 of 7 layers rebuild');
  const states = await page.getByTestId('workshop-layer').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.layerIndex}:${(e as HTMLElement).dataset.state}`));
  expect(states.sort()).toEqual(['0:cached', '1:cached', '2:rebuild', '3:rebuild', '4:rebuild', '5:rebuild', '6:rebuild']);
  await expect(page.locator('[data-testid="workshop-line"][data-current="true"]')).toContainText('count=2048');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'test-results/workshop-cache.png' });

  // Escape leaves, back to the image.
  await page.keyboard.press('Escape');
  await expectShown(page, 'busybox-six-runs.Dockerfile');
});

test('the presentation theme is large type everywhere', async ({ page }) => {
  await page.goto('./#example=seed-a-bloated');
  await expectShown(page, 'seed-a-bloated.oci.tar');
  const before = await page.getByTestId('layer-row').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  await page.getByTestId('theme').selectOption('presentation');
  await expect(page.locator('html')).toHaveClass(/presentation/);
  const after = await page.getByTestId('layer-row').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(after).toBeGreaterThanOrEqual(before * 1.2);
  await page.screenshot({ path: 'test-results/presentation-theme.png' });
});
