// The views of an image, in Chromium on real fixtures: the treemap draws (pixels sampled off the
// canvas), zooms on a click and shows a tooltip on hover; the read path of a searched path is the
// one `bin/layerscope readpath` gives for the same file; the waste panel shows the seed image's
// 4 MiB; the selected layer drives the file tree (its own changes, or merged up to it).

import { execFileSync } from 'node:child_process';
import { test, expect, type Page } from '@playwright/test';
import { expectShown, openWithPicker } from './helpers/app.ts';
import { fixturePath } from './helpers/fixtures.ts';

const SEED = 'seed-a-bloated.oci.tar';

async function openSeed(page: Page): Promise<void> {
  await page.goto('./');
  await openWithPicker(page, fixturePath(SEED));
  await expectShown(page, SEED);
  await expect(page.getByTestId('efficiency')).toBeVisible(); // stacked by the worker
}

/** Pixels of the treemap canvas: how many differ from the background, and how many colors. */
async function canvasPixels(page: Page): Promise<{ painted: number; colors: number; total: number }> {
  return page.getByTestId('treemap').evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const bg = `${data[0]},${data[1]},${data[2]}`;
    const colors = new Set<string>();
    let painted = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      const px = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      colors.add(px);
      if (px !== bg) painted++;
    }
    return { painted, colors: colors.size, total: Math.floor(data.length / 28) };
  });
}

test('the treemap draws, zooms into a layer on a click, and shows a tooltip on hover', async ({ page }) => {
  await openSeed(page);
  const canvas = page.getByTestId('treemap');
  await canvas.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await canvasPixels(page)).painted).toBeGreaterThan(0);
  const px = await canvasPixels(page);
  expect(px.painted / px.total).toBeGreaterThan(0.5); // most of it is cells, not background
  expect(px.colors).toBeGreaterThan(5); // several layer colors, labels, stripes

  // Hover: the tooltip names what is under the pointer, with its size in both units.
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
  const tip = page.getByTestId('treemap-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('bytes');
  await expect(tip).toContainText('layer #');

  // A click on a layer's name strip (top-left cell: the largest layer) zooms into that layer.
  const crumbs = page.getByTestId('treemap-breadcrumb');
  await expect(crumbs.locator('button')).toHaveCount(0);
  await page.mouse.click(box.x + 12, box.y + 8);
  await expect(crumbs.locator('button')).toHaveCount(1);
  await expect(crumbs).toContainText('#5 chmod -R 0777 /data');
  // Escape zooms back out.
  await canvas.focus();
  await page.keyboard.press('Escape');
  await expect(crumbs.locator('button')).toHaveCount(0);
});

test('searching /data/one gives the read path the CLI gives, highlighted in the layer list', async ({ page }) => {
  const cli = JSON.parse(execFileSync('bin/layerscope', ['readpath', fixturePath(SEED), '/data/one', '--json'], { encoding: 'utf8' })) as {
    steps: { layer: number; outcome: string }[];
  };
  await openSeed(page);
  const search = page.getByTestId('path-search');
  await search.fill('/data/o');
  await expect(page.getByTestId('path-suggestion').first()).toHaveText('/data/one');
  await search.press('ArrowDown');
  await search.press('Enter');
  const panel = page.getByTestId('read-path');
  const steps = panel.getByTestId('read-path-step');
  await expect(steps).toHaveCount(cli.steps.length);
  const shown = await steps.evaluateAll((els) => els.map((e) => ({ layer: Number((e as HTMLElement).dataset.layerIndex), outcome: (e as HTMLElement).dataset.outcome })));
  expect(shown).toEqual(cli.steps);
  await expect(panel.getByTestId('read-path-answer')).toContainText('not found');
  // Every layer has its row, from the top down to layer 0.
  await expect(panel.locator('[data-testid="read-path-step"], [data-testid="read-path-unreached"]')).toHaveCount(7);
  // The layers are marked in the list.
  for (const s of cli.steps) {
    await expect(page.locator(`[data-testid="layer-row"][data-layer-index="${s.layer}"]:not([data-empty])`)).toHaveAttribute('data-read-outcome', s.outcome);
  }
});

test('the waste panel shows the 4 MiB: the copies of one, and two copied up', async ({ page }) => {
  await openSeed(page);
  const waste = page.getByTestId('waste');
  await expect(waste.getByTestId('reclaimable')).toHaveText('4.0 MiB');
  await expect(waste.getByTestId('reclaimable')).toHaveAttribute('data-bytes', String(4 * 1024 * 1024));
  await expect(waste.getByTestId('reclaimable')).toHaveAttribute('title', '4,194,304 bytes');
  await expect(waste.getByTestId('efficiency')).toHaveText('41.9%');
  await expect(waste.getByTestId('dive-efficiency')).toHaveText('41.9%');
  const files = await waste.getByTestId('wasted-file').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.path} ${(e as HTMLElement).dataset.layerIndex} ${(e as HTMLElement).dataset.reason}`).sort());
  expect(files).toEqual(['/data/one 2 copied-up', '/data/one 3 copied-up', '/data/one 5 deleted', '/data/two 4 copied-up']);
  await expect(waste).toContainText('deleted in layer 6');
  await expect(waste).toContainText('copied up by chmod/chown in layer 5');
  // Suggestions name the layers that cause the waste; a click selects one.
  const suggestion = waste.getByTestId('suggestion').first();
  await expect(suggestion).toBeVisible();
  await suggestion.locator('button').first().click();
  await expect(page.locator('[data-testid="layer-row"][aria-selected="true"]')).toHaveCount(1);
});

test('the selected layer drives the file tree: its own changes, or merged up to it', async ({ page }) => {
  await openSeed(page);
  await page.locator('[data-testid="layer-row"][data-layer-index="6"]:not([data-empty])').click();
  await page.getByTestId('tab-files').click();
  const tree = page.getByTestId('file-tree');
  await expect(page.getByTestId('file-tree-caption')).toContainText('Layer 6: its own changes');
  await expect(tree.locator('[data-path="/data/one"]')).toHaveAttribute('data-mark', 'deleted');
  await page.getByTestId('mode-merged').click();
  await expect(page.getByTestId('file-tree-caption')).toContainText('The final filesystem');
  await expect(tree.locator('[data-path="/data/two"]')).toHaveCount(0); // a big tree starts closed
  await tree.locator('[data-path="/data"]').click();
  await expect(tree.locator('[data-path="/data"]')).toHaveAttribute('aria-expanded', 'true');
  await expect(tree.locator('[data-path="/data/two"]')).toBeVisible();
  await page.getByTestId('only-changes').check();
  await expect(tree.getByTestId('file-row')).toHaveCount(2); // /data and the deleted /data/one
  await page.getByTestId('only-changes').uncheck();
  await page.getByTestId('file-filter').fill('busy');
  await expect(tree.locator('[data-path="/bin/busybox"]')).toBeVisible();
  await expect(tree.locator('[data-path="/data"]')).toHaveCount(0);

  // Keyboard: the tree takes focus, arrows move, Enter on a file opens its read path.
  await page.getByTestId('file-filter').fill('');
  await page.locator('[data-testid="layer-row"][data-layer-index="4"]:not([data-empty])').click();
  await page.getByTestId('mode-layer').click();
  await tree.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('read-path-answer')).toContainText('/data/two');
  expect(await tree.evaluate((e) => getComputedStyle(e).boxShadow)).not.toBe('none'); // visible focus
});

test('the stacked layers view has a bar per layer with its waste; a click selects the layer', async ({ page }) => {
  await openSeed(page);
  await page.getByTestId('tab-stacked').click();
  const bars = page.getByTestId('stacked-bar');
  await expect(bars).toHaveCount(7);
  await expect(page.locator('[data-testid="stacked-bar"][data-layer-index="5"]')).toHaveAttribute('data-wasted', String(1024 * 1024));
  await page.locator('[data-testid="stacked-bar"][data-layer-index="2"]').click();
  await expect(page.locator('[data-testid="layer-row"][data-layer-index="2"]:not([data-empty])')).toHaveAttribute('aria-selected', 'true');
});

// Every view of four fixtures, in both themes, at 1280×720, saved for a person to look at
// (test-results/screens/views-*.png); the checks are that each view shows up.
const LOOK: { name: string; open: (page: Page) => Promise<void>; path: string }[] = [
  { name: 'seed-a-bloated', open: (p) => p.goto('./#example=seed-a-bloated').then(() => undefined), path: '/data/one' },
  { name: 'whiteouts', open: (p) => p.goto('./#example=whiteouts').then(() => undefined), path: '/keep/k2' },
  { name: 'multi-arch-index', open: (p) => p.goto('./#example=multi-arch-index').then(() => undefined), path: '/bin/busybox' },
  { name: 'links-longnames', open: (p) => p.goto('./').then(() => openWithPicker(p, fixturePath('links-longnames.oci.tar'))), path: '/links/target.txt' },
];

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of every view, ${scheme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const f of LOOK) {
      const shot = (view: string) => page.screenshot({ path: `test-results/screens/views-${scheme}-${f.name}-${view}.png` });
      const toViews = () => page.locator('section[aria-label="Image views"]').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await f.open(page);
      await expect(page.locator('main')).toHaveAttribute('data-status', 'done');
      await expect(page.getByTestId('efficiency')).toBeVisible();
      await page.getByTestId('path-search').fill(f.path);
      await page.getByTestId('path-search').press('Enter');
      await expect(page.getByTestId('read-path-step').first()).toBeVisible();
      await shot('top');
      await toViews();
      await shot('treemap');
      await page.getByTestId('tab-stacked').click();
      await expect(page.getByTestId('stacked-bar').first()).toBeVisible();
      await toViews();
      await shot('stacked');
      await page.locator('[data-testid="layer-row"]:not([data-empty])').last().click();
      await page.getByTestId('tab-files').click();
      await expect(page.getByTestId('file-row').first()).toBeVisible();
      await toViews();
      await shot('files');
      await page.getByTestId('mode-merged').click();
      await page.getByTestId('tab-treemap').click();
      await toViews();
      await shot('merged-treemap');
      await page.getByTestId('waste').scrollIntoViewIfNeeded();
      await shot('waste');
      await page.getByTestId('tab-treemap').click();
    }
  });
}
