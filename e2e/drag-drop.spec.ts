// A real drag-and-drop (a File in a DataTransfer, dispatched on the drop zone), on the empty page
// and again on the header's drop zone once an image is shown.

import { test, expect } from '@playwright/test';
import { dropFile, expectRows, expectShown } from './helpers/app.ts';
import { expectedRows, fixturePath, readTruth } from './helpers/fixtures.ts';

test('drop a file on the empty page, then another on the header', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('drop-zone')).toBeVisible();

  await dropFile(page, fixturePath('whiteouts.oci.tar'));
  await expectShown(page, 'whiteouts.oci.tar');
  await expectRows(page, expectedRows(readTruth('whiteouts.oci.tar').images[0]));

  // A name that says nothing: the reader goes by content, never by file name.
  await dropFile(page, fixturePath('seed-b-merged.docker.tar'), 'upload.bin');
  await expectShown(page, 'upload.bin');
  await expectRows(page, expectedRows(readTruth('seed-b-merged.docker.tar').images[0]));
});
