// A Dockerfile with its build context and base in the browser: the recipe folder picked with the
// folder input, then dropped together with a real base image (busybox.oci.tar, 1 layer). The COPY
// and ADD layers must be sized from the dropped files (no "≈"), the base read from the archive.

import { test, expect, type Page } from '@playwright/test';
import { fixturePath } from './helpers/fixtures.ts';

const RECIPE = fixturePath('recipes/copy-context');
/** Lines of the recipe's Dockerfile that copy from the context (COPY site/, COPY conf/, ADD ×2, COPY *.md). */
const COPY_LINES = ['3', '4', '5', '6', '7'];

async function expectCopiesSized(page: Page): Promise<void> {
  for (const line of COPY_LINES) {
    const step = page.locator(`[data-testid="dockerfile-step"][data-line="${line}"]`);
    await expect(step).toContainText(/layer \d+: \d/);
    await expect(step).not.toContainText('≈');
  }
}

test('a picked folder is the build context of its Dockerfile', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('folder-input').setInputFiles(RECIPE);
  await expect(page.getByTestId('dockerfile-editor')).toHaveValue(/COPY site\/ \/srv\/site\//);
  await expect(page.getByTestId('dockerfile-context')).toHaveText('context: copy-context (14 files)');
  await expectCopiesSized(page);
});

test('a folder dropped with an image archive: the archive is the base, and edits keep both', async ({ page }) => {
  await page.goto('./');
  // Real Files of the folder (with their relative paths) and of the archive, from inputs outside the app.
  await page.evaluate(() => {
    for (const id of ['pick-dir', 'pick-base']) {
      const el = document.createElement('input');
      el.type = 'file';
      el.id = id;
      el.webkitdirectory = id === 'pick-dir';
      el.hidden = true;
      document.body.append(el);
    }
  });
  await page.locator('#pick-dir').setInputFiles(RECIPE);
  await page.locator('#pick-base').setInputFiles(fixturePath('busybox.oci.tar'));
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    for (const id of ['pick-dir', 'pick-base']) for (const f of (document.getElementById(id) as HTMLInputElement).files ?? []) dt.items.add(f);
    return dt;
  });
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });

  const base = page.getByTestId('dockerfile-base');
  await expect(base).toHaveAttribute('data-source', 'archive');
  await expect(base).toHaveAttribute('data-layers', '1');
  await expect(base).toContainText('busybox.oci.tar');
  await expect(page.getByTestId('dockerfile-context')).toHaveText('context: copy-context (14 files)');
  await expectCopiesSized(page);
  // The base's one layer, then WORKDIR and the five copies: the image's layers start with the archive's.
  await expect(page.locator('[data-testid="layer-row"][data-layer-index="0"]')).toBeVisible();

  // An edit is simulated again with the same context and base.
  const editor = page.getByTestId('dockerfile-editor');
  const before = (await editor.inputValue()).trimEnd();
  await editor.fill(`${before}\nCOPY README.md /srv/README.md\n`);
  const added = page.locator(`[data-testid="dockerfile-step"][data-line="${before.split('\n').length + 1}"]`);
  await expect(added).toContainText(/layer \d+: 9 B/);
  await expect(base).toHaveAttribute('data-source', 'archive');
  await expectCopiesSized(page);
});
