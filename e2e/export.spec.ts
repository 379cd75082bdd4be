// Export in Chromium: each format downloaded and checked. The JSON is the analysis schema with
// every file; the PNG is a real picture (not blank); the SVG parses, also with the hostile names
// of links-longnames; the Markdown table has a row per history entry.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { expectShown, openWithPicker } from './helpers/app.ts';
import { fixturePath, readTruth } from './helpers/fixtures.ts';

async function exported(page: Page, kind: 'json' | 'png' | 'svg' | 'markdown'): Promise<{ name: string; bytes: Buffer }> {
  if (!(await page.getByTestId(`export-${kind}`).isVisible())) await page.getByTestId('export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${kind}`).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path!) };
}

/** The fields and types of layerscope.analysis/v1 (DESIGN.md "CLI contract"), with --files. */
function checkAnalysisJson(j: Record<string, unknown>): void {
  expect(j.schema).toBe('layerscope.analysis/v1');
  expect(j.input).toMatchObject({ name: expect.any(String), bytes: expect.any(Number), format: expect.stringMatching(/^(docker-archive|oci-layout|filesystem-tar|dockerfile)$/) });
  expect(j.image).toMatchObject({ config: { env: expect.any(Array), exposedPorts: expect.any(Array), labels: expect.any(Object) } });
  expect(Array.isArray(j.images) && Array.isArray(j.history) && Array.isArray(j.warnings)).toBe(true);
  expect(j.totals).toMatchObject({ layers: expect.any(Number), fileBytes: expect.any(Number), finalFileBytes: expect.any(Number), reclaimableBytes: expect.any(Number), efficiency: expect.any(Number), diveEfficiency: expect.any(Number) });
  for (const l of j.layers as Record<string, unknown>[]) {
    expect(l).toMatchObject({ index: expect.any(Number), compression: expect.stringMatching(/^(gzip|zstd|none)$/), compressedSize: expect.any(Number), tarSize: expect.any(Number), fileBytes: expect.any(Number), entryCount: expect.any(Number), fileCount: expect.any(Number), whiteouts: expect.any(Array), opaqueDirs: expect.any(Array), estimated: expect.any(Boolean) });
    const entries = l.entries as Record<string, unknown>[];
    expect(entries.length).toBe(l.entryCount);
    for (const e of entries) {
      expect(e).toMatchObject({ path: expect.stringMatching(/^\//), kind: expect.stringMatching(/^(file|dir|symlink|hardlink|whiteout|opaque|other)$/), size: expect.any(Number), mode: expect.stringMatching(/^[0-7]{4}$/), change: expect.stringMatching(/^(added|modified|deleted|attributes)$/) });
    }
  }
}

test('JSON, PNG, SVG and Markdown of the bloated busybox image', async ({ page }) => {
  await page.goto('./#example=seed-a-bloated');
  await expectShown(page, 'seed-a-bloated.oci.tar');
  const truth = readTruth('seed-a-bloated.oci.tar').images[0];

  const json = await exported(page, 'json');
  expect(json.name).toMatch(/\.layerscope\.json$/);
  const j = JSON.parse(json.bytes.toString('utf8'));
  checkAnalysisJson(j);
  expect(j.layers.map((l: { fileBytes: number }) => l.fileBytes)).toEqual(truth.layers.map((l) => l.regular_file_bytes));
  expect(j.totals.reclaimableBytes).toBe(4 * 1024 * 1024);

  const png = await exported(page, 'png');
  expect(png.name).toMatch(/\.treemap\.png$/);
  expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(1600);
  const colors = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 101) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  }, png.bytes.toString('base64'));
  expect(colors).toBeGreaterThan(8);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/export-treemap.png', png.bytes);

  const svg = await exported(page, 'svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, rects: doc.querySelectorAll('rect').length, texts: Array.from(doc.querySelectorAll('text'), (t) => t.textContent) };
  }, svg.bytes.toString('utf8'));
  expect(parsed.error).toBeNull();
  expect(parsed.rects).toBeGreaterThan(8);
  expect(parsed.texts.some((t) => t?.includes('data'))).toBe(true);
  writeFileSync('test-results/export-treemap.svg', svg.bytes);

  const md = await exported(page, 'markdown');
  const text = md.bytes.toString('utf8');
  expect(text.split('\n').filter((l) => l.startsWith('|')).length).toBe(2 + truth.history.length + 1);
  expect(text).toContain('reclaimable: **4.0&nbsp;MiB**');
});

test('the SVG of an image with long, odd and UTF-8 names still parses', async ({ page }) => {
  await page.goto('./');
  await openWithPicker(page, fixturePath('links-longnames.oci.tar'));
  await expectShown(page, 'links-longnames.oci.tar');
  const svg = await exported(page, 'svg');
  const error = await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror')?.textContent ?? null, svg.bytes.toString('utf8'));
  expect(error).toBeNull();
});

test('a simulated Dockerfile exports as a dockerfile analysis', async ({ page }) => {
  await page.goto('./#example=busybox-six-runs');
  await expectShown(page, 'busybox-six-runs.Dockerfile');
  const j = JSON.parse((await exported(page, 'json')).bytes.toString('utf8'));
  checkAnalysisJson(j);
  expect(j.input.format).toBe('dockerfile');
  expect(j.layers[0].estimated).toBe(true);
  expect(j.layers.slice(1).map((l: { fileBytes: number }) => l.fileBytes)).toEqual([0, 1048576, 1048576, 1048576, 2097152, 0]);
});
