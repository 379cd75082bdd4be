// Share links in Chromium: a link made for a Dockerfile and for an image opens in a fresh browser
// context (no storage, nothing but the URL) on the same view; every stored sample link
// (src/core/share/samples) still opens; a damaged link says so and leaves the page usable.

import { readdirSync, readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { expectShown, shownRows } from './helpers/app.ts';

const SAMPLES = new URL('../src/core/share/samples/', import.meta.url);

async function makeLink(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/#v=1&s=[A-Za-z0-9_-]+$/);
  return url;
}

const layerRow = (page: Page, i: number) => page.locator(`[data-testid="layer-row"][data-layer-index="${i}"]:not([data-empty])`);

test('a Dockerfile link opens the same Dockerfile, layer, read path and theme in a fresh context', async ({ page, browser, baseURL }) => {
  await page.goto('./#example=busybox-six-runs');
  await expectShown(page, 'busybox-six-runs.Dockerfile');
  const text = await page.getByTestId('dockerfile-editor').inputValue();
  // Edit the Dockerfile: the link carries the text as it is now, not the example.
  const edited = text.replace('count=1024 of=/data/two', 'count=3072 of=/data/two');
  await page.getByTestId('dockerfile-editor').fill(edited);
  await expect(page.locator('[data-testid="dockerfile-step"][data-line="5"]')).toContainText('3.0 MiB');
  await layerRow(page, 4).click();
  await page.getByTestId('path-search').fill('/data/two');
  await page.getByTestId('path-search').press('Enter');
  await expect(page.getByTestId('read-path-step').first()).toBeVisible();
  await page.getByTestId('theme').selectOption('dark');
  const url = await makeLink(page);
  expect(url.startsWith(baseURL!)).toBe(true);
  expect(url.length).toBeLessThan(8 * 1024);
  const want = await shownRows(page);
  const wantSteps = await page.getByTestId('read-path-step').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.layerIndex}:${(e as HTMLElement).dataset.outcome}`));

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expectShown(other, 'busybox-six-runs.Dockerfile');
  await expect(other.getByTestId('dockerfile-editor')).toHaveValue(edited);
  expect(await shownRows(other)).toEqual(want);
  await expect(layerRow(other, 4)).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByTestId('read-path-step').first()).toBeVisible();
  expect(await other.getByTestId('read-path-step').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.layerIndex}:${(e as HTMLElement).dataset.outcome}`))).toEqual(wantSteps);
  await expect(other.locator('html')).toHaveClass(/\bdark\b/);
  await other.screenshot({ path: 'test-results/share-dockerfile-opened.png' });
  await fresh.close();
});

test('an image link opens a read-only summary with the same layers, sizes, waste and selection', async ({ page, browser }) => {
  await page.goto('./#example=seed-a-bloated');
  await expectShown(page, 'seed-a-bloated.oci.tar');
  await layerRow(page, 3).click();
  const url = await makeLink(page);
  const want = await shownRows(page);
  const efficiency = await page.getByTestId('efficiency').textContent();
  const reclaimable = await page.getByTestId('reclaimable').getAttribute('data-bytes');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.getByTestId('shared-summary')).toBeVisible();
  await expect(other.getByTestId('input-name')).toHaveText('seed-a-bloated.oci.tar');
  expect(await shownRows(other)).toEqual(want);
  await expect(layerRow(other, 3)).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByTestId('efficiency')).toHaveText(efficiency!);
  await expect(other.getByTestId('reclaimable')).toHaveAttribute('data-bytes', reclaimable!);
  // The treemap is drawn from the summary, zoomed to the selected layer.
  await expect(other.getByTestId('treemap-breadcrumb')).toContainText('#3');
  const painted = await other.getByTestId('treemap').evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const colors = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 97) colors.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return colors.size;
  });
  expect(painted).toBeGreaterThan(2);
  await other.screenshot({ path: 'test-results/share-image-opened.png', fullPage: true });
  // Sharing again from the summary gives a link that opens the same summary.
  const again = await makeLink(other);
  await other.goto('about:blank');
  await other.goto(again);
  await expect(other.getByTestId('shared-summary')).toBeVisible();
  expect(await shownRows(other)).toEqual(want);
  await fresh.close();
});

const crumbs = (page: Page) => page.getByTestId('treemap-breadcrumb').evaluate((nav) => (nav as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

/** Clicks the name strip of the top-left cell (the largest child of the zoom root): a zoom one level in. */
async function zoomIn(page: Page): Promise<void> {
  const canvas = page.getByTestId('treemap');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const nav = page.getByTestId('treemap-breadcrumb').locator('button');
  const before = await nav.count();
  await page.mouse.click(box.x + 40, box.y + 8);
  await expect(nav).toHaveCount(before + 1);
}

/** Into the largest layer, then into its largest folder; the breadcrumb's text. */
async function zoomIntoFolder(page: Page): Promise<string> {
  await zoomIn(page);
  await zoomIn(page);
  return crumbs(page);
}

test('a folder zoom in the treemap travels with the link, for an image and from its summary', async ({ page, browser }) => {
  await page.goto('./#example=seed-a-bloated');
  await expectShown(page, 'seed-a-bloated.oci.tar');
  const zoomed = await zoomIntoFolder(page);
  expect(zoomed).toMatch(/›.*›/);
  const url = await makeLink(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.getByTestId('shared-summary')).toBeVisible();
  await expect.poll(() => crumbs(other)).toBe(zoomed);
  await other.screenshot({ path: 'test-results/share-zoom-opened.png', fullPage: true });

  // Zoomed out and into another place on the summary page: a link made there carries that zoom.
  await other.getByTestId('treemap').focus();
  await other.keyboard.press('Escape');
  await other.keyboard.press('Escape');
  await expect(other.getByTestId('treemap-breadcrumb').locator('button')).toHaveCount(0);
  const second = await zoomIntoFolder(other);
  const again = await makeLink(other);
  await other.goto('about:blank');
  await other.goto(again);
  await expect(other.getByTestId('shared-summary')).toBeVisible();
  await expect.poll(() => crumbs(other)).toBe(second);
  await fresh.close();
});

test('a Dockerfile link carries its folder zoom', async ({ page, browser }) => {
  await page.goto('./#example=busybox-six-runs');
  await expectShown(page, 'busybox-six-runs.Dockerfile');
  // The selected layer's own changes, then their folder: /data of `dd … of=/data/two`.
  await layerRow(page, 4).click();
  await expect(page.getByTestId('treemap-breadcrumb').locator('button')).toHaveCount(1);
  await zoomIn(page);
  const zoomed = await crumbs(page);
  expect(zoomed).toContain('data');
  const url = await makeLink(page);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expectShown(other, 'busybox-six-runs.Dockerfile');
  await expect.poll(() => crumbs(other)).toBe(zoomed);
  await fresh.close();
});

const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();

test('every stored sample link still opens', async ({ page }) => {
  expect(samples.length).toBeGreaterThanOrEqual(5);
  for (const file of samples) {
    const stored = readFileSync(new URL(file, SAMPLES), 'utf8').trim();
    await page.goto('about:blank');
    await page.goto(`./${new URL(stored).hash}`);
    if (file.startsWith('dockerfile-')) {
      await expect(page.locator('main')).toHaveAttribute('data-status', 'done');
      await expect(page.getByTestId('dockerfile-editor')).not.toHaveValue('');
    } else {
      await expect(page.getByTestId('shared-summary')).toBeVisible();
      await expect(page.getByTestId('treemap')).toBeVisible();
    }
    await expect(page.getByTestId('layer-row').first()).toBeVisible();
    await expect(page.getByTestId('error')).toHaveCount(0);
  }
});

test('a damaged or newer link says what is wrong and the page stays usable', async ({ page }) => {
  const stored = readFileSync(new URL('image-seed-a-bloated.txt', SAMPLES), 'utf8').trim();
  const hash = new URL(stored).hash;
  for (const [bad, words] of [
    [hash.slice(0, hash.length - 40), /cut short|does not unpack|not the JSON/],
    [hash.replace('#v=1', '#v=7'), /newer layerscope/],
    ['#v=1&s=not*base64', /not valid base64url/],
  ] as const) {
    await page.goto('about:blank');
    await page.goto(`./${bad}`);
    await expect(page.getByTestId('error')).toContainText('This share link cannot be opened');
    await expect(page.getByTestId('error')).toContainText(words);
    await expect(page.getByTestId('drop-zone')).toBeVisible();
  }
  // Still usable: an example opens from the same page.
  await page.locator('[data-testid="example"][data-example="seed-b-merged"]').click();
  await expectShown(page, 'seed-b-merged.oci.tar');
});
