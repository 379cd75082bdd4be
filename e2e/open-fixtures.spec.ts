// Every kind of archive a person can drop (docker save, Docker 25 save, OCI with gzip and zstd
// layers, whiteouts, a multi-platform index, two images in one archive), opened with the file
// picker: the layer rows must match the fixture's truth, entry for entry, byte for byte.

import path from 'node:path';
import { test, expect } from '@playwright/test';
import { expectRows, expectShown, openWithPicker } from './helpers/app.ts';
import { expectedRows, fixturePath, readTruth, truthPlatform } from './helpers/fixtures.ts';

const FIXTURES = [
  'seed-a-bloated.docker.tar',
  'seed-a-bloated.docker25.tar',
  'seed-a-bloated.oci.tar',
  'seed-a-bloated.oci-zstd.tar',
  'whiteouts.oci.tar',
  'multi-arch-index.oci.tar',
  'multi-image.docker.tar',
];

test.describe('open with the file picker', () => {
  for (const name of FIXTURES) {
    test(name, async ({ page }) => {
      const truth = readTruth(name);
      // With several images the first in the archive's order is shown (multi-arch: linux/amd64).
      const image = truth.images[0];
      await page.goto('./');
      await openWithPicker(page, fixturePath(name));
      await expectShown(page, path.basename(name));
      await expectRows(page, expectedRows(image));
      await expect(page.getByText(truthPlatform(image), { exact: true }).first()).toBeVisible();
      await expect(page.getByTestId('error')).toHaveCount(0);
    });
  }
});
