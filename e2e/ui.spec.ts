// How the page behaves and looks: keyboard selection in the layer list, whole commands (wrapped,
// never cut), untrusted names shown as text, and screenshots of each state in the light and dark
// themes at 1280×720, saved under test-results/screens/ for a person to look at.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { expectShown, openWithPicker } from './helpers/app.ts';
import { readTruth } from './helpers/fixtures.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png` });

test('arrow keys move the selection through the layer list, with visible focus', async ({ page }) => {
  await page.goto('./#example=seed-a-bloated');
  await expectShown(page, 'seed-a-bloated.oci.tar');
  const rows = page.getByTestId('layer-row');
  await rows.nth(0).click();
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(rows.nth(1)).toBeFocused();
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(3)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  // The selected row shows its layer's digests.
  const layer2 = readTruth('seed-a-bloated.oci.tar').images[0].layers[2];
  await expect(rows.nth(2)).toContainText(layer2.diff_id);
  // Focus is visible: a ring (box-shadow) on the focused row.
  expect(await rows.nth(2).evaluate((e) => getComputedStyle(e).boxShadow)).not.toBe('none');
  await page.keyboard.press('End');
  await expect(rows.last()).toBeFocused();
  await expect(rows.last()).toHaveAttribute('data-empty', 'true');
  await page.keyboard.press('Home');
  await expect(rows.first()).toBeFocused();
});

test('long commands are shown whole, wrapped inside their column', async ({ page }) => {
  const truth = readTruth('whiteouts.oci.tar').images[0];
  const longest = truth.history.reduce((a, b) => (b.created_by.length > a.created_by.length ? b : a));
  await page.goto('./#example=whiteouts');
  await expectShown(page, 'whiteouts.oci.tar');
  const cmd = page.locator(`[data-testid="layer-row"][data-history-index="${longest.index}"] [data-testid="layer-command"]`);
  await expect(cmd).toHaveText(longest.created_by, { useInnerText: false });
  const box = await cmd.evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth, h: e.getBoundingClientRect().height, lh: parseFloat(getComputedStyle(e).lineHeight) }));
  expect(box.sw).toBeLessThanOrEqual(box.cw + 1); // nothing runs out of the column
  expect(box.h).toBeGreaterThan(box.lh * 1.5); // it wrapped onto more lines
  // The page never scrolls sideways at 1280 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test('a file name with markup is shown as text', async ({ page }) => {
  const name = '<img src=x onerror="window.__pwned=1">.tar';
  const file = test.info().outputPath('evil.tar');
  writeFileSync(file, 'not a tar at all, just text that is long enough to sniff '.repeat(20));
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/x-tar', buffer: Buffer.from('plain text, not an archive '.repeat(40)) });
  await expect(page.getByTestId('error')).toContainText(name);
  await expect(page.locator('[data-testid="error"] img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots, ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./');
    await expect(page.getByTestId('drop-zone')).toBeVisible();
    await shot(page, `${scheme}-empty`);

    await page.goto('./#example=seed-a-bloated');
    await expectShown(page, 'seed-a-bloated.oci.tar');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe(scheme === 'dark' ? 'oklch(0.141 0.005 285.823)' : 'rgb(255, 255, 255)');
    await page.getByTestId('layer-row').nth(2).click();
    await shot(page, `${scheme}-seed-a-bloated`);

    await page.goto('./#example=multi-arch-index');
    await expectShown(page, 'multi-arch-index.oci.tar');
    await shot(page, `${scheme}-multi-arch-index`);

    await page.goto('./#example=whiteouts');
    await expectShown(page, 'whiteouts.oci.tar');
    await page.getByTestId('layer-row').nth(3).click();
    await shot(page, `${scheme}-whiteouts`);

    await page.goto('./');
    // Not an image: the repo's own package.json.
    await openWithPicker(page, fileURLToPath(new URL('../package.json', import.meta.url)));
    await expect(page.getByTestId('error')).toBeVisible();
    await shot(page, `${scheme}-error`);
  });
}
