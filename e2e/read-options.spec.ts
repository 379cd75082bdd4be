// The page's read options: content hashing Auto / On / Off (issue 7) and limits a person can
// raise when one stops a read (issue 6). Hashing: a gzip image read with On says its copy-ups
// were told apart by content hash; switching Off reads it again and says size and mtime; the
// choice outlives a reload. Limits: a real-shaped image whose layer holds 576 MiB of zeros (a
// `dd if=/dev/zero` layer) trips maxRatio (200× past 512 MiB); the error offers to raise it, the
// image then opens, the raised limit stays in view, and reset brings the default back.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { bigFileHeader, defaultConfig, dockerSave, gzipBomb } from '../src/core/hostile/build-archive.ts';
import { gzip, writeTar } from '../src/core/tar/testing/write-tar.ts';
import { expectShown, openWithPicker } from './helpers/app.ts';
import { fixturePath } from './helpers/fixtures.ts';

const MiB = 1 << 20;

async function chooseHashMode(page: Page, label: 'Auto' | 'On' | 'Off'): Promise<void> {
  await page.getByTestId('hash-mode').getByRole('radio', { name: label }).click();
  await expect(page.getByTestId('hash-mode').getByRole('radio', { name: label })).toHaveAttribute('aria-checked', 'true');
}

test('content hashing: On hashes a gzip image, Off reads it again without, and the choice is remembered', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('hash-mode')).toHaveAttribute('data-value', 'auto');
  await chooseHashMode(page, 'On');
  await openWithPicker(page, fixturePath('seed-a-bloated.oci.tar'));
  await expectShown(page, 'seed-a-bloated.oci.tar');
  const note = page.getByTestId('hash-note');
  await expect(note).toHaveText('Attribute-only changes told apart by content hash.');
  await expect(note).toHaveAttribute('data-hashed', 'all');

  // Off: the same file is read again (the note comes from the new read's tables).
  await chooseHashMode(page, 'Off');
  await expect(note).toHaveText('Attribute-only changes judged by size and mtime (contents not hashed).');
  await expect(note).toHaveAttribute('data-hashed', 'none');
  await expectShown(page, 'seed-a-bloated.oci.tar');
  await expect(page.getByTestId('error')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('hash-mode')).toHaveAttribute('data-value', 'off');
  await chooseHashMode(page, 'Auto'); // nothing open: nothing is read
  await expect(page.locator('main')).toHaveAttribute('data-status', 'idle');
  // Auto on a docker save (plain layer tars): not hashed, as the CLI's default.
  await openWithPicker(page, fixturePath('seed-a-bloated.docker.tar'));
  await expectShown(page, 'seed-a-bloated.docker.tar');
  await expect(note).toHaveAttribute('data-hashed', 'none');
});

/**
 * A docker save of two gzip layers: a small one, then one file of 576 MiB of zeros followed by
 * 64 MiB of zero blocks (its end marker and padding): 640 MiB of tar from ≈ 650 KB of gzip.
 */
async function zerosImage(file: string): Promise<number> {
  const base = await gzip(writeTar([{ path: 'etc/', type: 'dir' }, { path: 'etc/hostname', data: 'zeros\n' }]));
  const zeros = await gzipBomb(bigFileHeader('data/zeros.img', 9 * 64 * MiB), 10);
  const config = defaultConfig(2, {
    history: [{ created_by: '/bin/sh -c #(nop) ADD file:base in /' }, { created_by: '/bin/sh -c dd if=/dev/zero of=/data/zeros.img bs=1M count=576' }],
  });
  const archive = await dockerSave({ layers: [base, zeros], config: new TextEncoder().encode(JSON.stringify(config)) });
  writeFileSync(file, archive);
  return archive.length;
}

test('a layer of 576 MiB of zeros trips maxRatio; the button raises it and the image opens', async ({ page }) => {
  test.setTimeout(90_000);
  // Outside test-results: a Playwright run started beside this one empties that folder.
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'layerscope-e2e-')), 'zeros-layer.tar');
  const bytes = await zerosImage(file);
  expect(bytes).toBeLessThan(2 * MiB);

  await page.goto('./');
  const started = Date.now();
  await openWithPicker(page, file);
  const error = page.getByTestId('error');
  await expect(error).toBeVisible({ timeout: 30_000 });
  const tripMs = Date.now() - started;
  await expect(error).toContainText('over the limit maxRatio = 200');
  await expect(error).toContainText('decompression bomb');
  // The page's own button raises it: the CLI's hint is left out here.
  await expect(error).not.toContainText("the CLI's");
  const raise = page.getByTestId('raise-limit');
  await expect(raise).toHaveText('Raise maxRatio to 2,000 and read again');
  await expect(page.getByTestId('raised-limits')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/limit-error.png' });

  const raisedAt = Date.now();
  await raise.click();
  await expectShown(page, 'zeros-layer.tar');
  const readMs = Date.now() - raisedAt;
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('layer-row')).toHaveCount(2);
  await expect(page.getByTestId('raised-limits')).toContainText('maxRatio = 2,000');
  await page.screenshot({ path: 'test-results/screens/limit-raised.png' });
  console.log(`maxRatio tripped after ${tripMs} ms; read with it raised in ${readMs} ms (page clock, click to shown)`);

  // Reset: the default limit again, and the same file stops at it again.
  await page.getByTestId('reset-limits').click();
  await expect(page.getByTestId('raised-limits')).toHaveCount(0);
  await expect(error).toContainText('over the limit maxRatio = 200', { timeout: 30_000 });
  rmSync(path.dirname(file), { recursive: true, force: true });
});

test('a Dockerfile over maxInstructions: the button raises it and the Dockerfile is simulated', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'layerscope-e2e-'));
  const file = path.join(dir, 'long.Dockerfile');
  const lines = Array.from({ length: 2_100 }, (_, i) => `ENV V${i}=${i}`);
  writeFileSync(file, `FROM scratch\n${lines.join('\n')}\nCOPY --from=scratch / /\n`);
  await page.goto('./');
  await openWithPicker(page, file);
  const error = page.getByTestId('error');
  await expect(error).toContainText('This file went past a reading limit (maxInstructions)');
  await expect(error).toContainText('over the limit maxInstructions = 2,000');
  const raise = page.getByTestId('raise-limit');
  await expect(raise).toHaveText('Raise maxInstructions to 8,000 and read again');
  await raise.click();
  await expect(page.locator('main')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('raised-limits')).toContainText('maxInstructions = 8,000');
  rmSync(dir, { recursive: true, force: true });
});
