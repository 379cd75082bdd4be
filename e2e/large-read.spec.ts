// A ~300 MB archive of 60k small files: the page must stay responsive while the workers read it
// (main-thread round trips stay short while the progress bar advances), and Cancel must stop the
// read at once, end the workers, and leave a page that reads the next file.

import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { expectRows, expectShown, openWithPicker } from './helpers/app.ts';
import { ensureBigImage, type BigImage } from './helpers/big-image.ts';
import { expectedRows, fixturePath, readTruth } from './helpers/fixtures.ts';

let big: BigImage;
test.beforeAll(() => {
  big = ensureBigImage();
});

async function pageState(page: Page): Promise<{ pct: number; status: string }> {
  return page.evaluate(() => ({
    pct: Number(document.querySelector('[data-testid="progress"]')?.getAttribute('aria-valuenow') ?? -1),
    status: document.querySelector('main')?.dataset.status ?? '',
  }));
}

test('the page stays responsive while a 300 MB archive is read', async ({ page }) => {
  await page.goto('./');
  // Main-thread tasks over 50 ms, as Chromium reports them: what would make the page feel stuck.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  const started = Date.now();
  await openWithPicker(page, big.path);
  await expect(page.getByTestId('progress')).toBeVisible();

  const samples: { rtt: number; pct: number }[] = [];
  for (;;) {
    const t = Date.now();
    const s = await pageState(page);
    const rtt = Date.now() - t;
    if (s.status !== 'reading') break;
    samples.push({ rtt, pct: s.pct });
    await page.waitForTimeout(20);
  }
  const readMs = Date.now() - started;
  await expectShown(page, path.basename(big.path));
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

  const rtts = samples.map((s) => s.rtt).sort((a, b) => a - b);
  const p95 = rtts[Math.floor(rtts.length * 0.95)];
  const distinct = new Set(samples.map((s) => s.pct)).size;
  test.info().annotations.push({
    type: 'measured',
    description:
      `${(big.bytes / 1e6).toFixed(0)} MB, ${big.files} files read in ${readMs} ms; ${samples.length} round trips: ` +
      `median ${rtts[rtts.length >> 1]} ms, p95 ${p95} ms, max ${rtts[rtts.length - 1]} ms; ${distinct} progress values; ` +
      `main-thread tasks > 50 ms: ${longTasks.length} (longest ${Math.round(Math.max(0, ...longTasks))} ms)`,
  });
  console.log(test.info().annotations.at(-1)?.description);
  expect(samples.length).toBeGreaterThan(3);
  expect(distinct).toBeGreaterThan(2); // the bar moved while we watched
  // Nothing blocks the page's main thread for long: the reading happens in the workers.
  expect(Math.max(0, ...longTasks)).toBeLessThan(200);
  // Round trips through the browser also include OS scheduling on a busy 2-core machine, so
  // the bound is on the 95th percentile; the maximum is reported above.
  expect(p95).toBeLessThan(200);

  await expect(page.locator('[data-testid="layer-row"]:not([data-empty])')).toHaveCount(big.layers);
  await expect(page.getByText(`${big.files.toLocaleString('en-US')} files`)).toBeVisible();
});

test('cancel stops a large read at once and the page reads the next file', async ({ page }) => {
  await page.goto('./');
  await openWithPicker(page, big.path);
  // Well into the layers (the index walk is the first 5% of the bar).
  await expect.poll(async () => (await pageState(page)).pct, { intervals: [10] }).toBeGreaterThan(20);
  const before = await pageState(page);
  expect(before.status).toBe('reading');
  expect(before.pct).toBeLessThan(100);
  // The analyze worker and its layer sub-worker(s).
  expect(page.workers().length).toBeGreaterThanOrEqual(2);

  const t = Date.now();
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('progress')).toHaveCount(0);
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  const cancelMs = Date.now() - t;
  test.info().annotations.push({ type: 'measured', description: `cancel to usable page: ${cancelMs} ms at ${before.pct}%` });
  console.log(test.info().annotations.at(-1)?.description);
  expect(cancelMs).toBeLessThan(1000);
  // The workers are gone, not left reading in the background.
  await expect.poll(() => page.workers().length).toBe(0);
  await expect(page.getByTestId('error')).toHaveCount(0);

  await openWithPicker(page, fixturePath('whiteouts.oci.tar'));
  await expectShown(page, 'whiteouts.oci.tar');
  await expectRows(page, expectedRows(readTruth('whiteouts.oci.tar').images[0]));
});
