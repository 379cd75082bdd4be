// Inputs that are not image archives: the error region names the file, the entry inside it and
// what was wrong, and the page stays usable (the next file is read normally). And an odd but
// readable one: problems that do not stop the read are warnings beside the result.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { test, expect, type Page } from '@playwright/test';
import { dropFile, expectRows, expectShown, openWithPicker, shownRows } from './helpers/app.ts';
import { writeDockerSave } from './helpers/docker-save.ts';
import { expectedRows, fixturePath, readTruth } from './helpers/fixtures.ts';

/** A real 2×2 PNG, made here: signature, IHDR, IDAT, IEND with their CRCs. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    td.copy(out, 4);
    out.writeUInt32BE(crc(td), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 255, 255, 255]);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

async function expectError(page: Page, file: string, problem: RegExp): Promise<void> {
  const error = page.getByTestId('error');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toContainText(file);
  await expect(error).toContainText('Entry');
  await expect(error).toContainText(problem);
  await expect(page.getByTestId('layer-row')).toHaveCount(0);
  await expect(page.getByTestId('drop-zone')).toBeVisible();
}

async function expectRecovers(page: Page): Promise<void> {
  await openWithPicker(page, fixturePath('seed-b-merged.oci.tar'));
  await expectShown(page, 'seed-b-merged.oci.tar');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expectRows(page, expectedRows(readTruth('seed-b-merged.oci.tar').images[0]));
}

test('a PNG is refused with its name and what it is, then a real image opens', async ({ page }) => {
  const file = test.info().outputPath('holiday-photo.png');
  writeFileSync(file, png());
  await page.goto('./');
  await openWithPicker(page, file);
  await expectError(page, 'holiday-photo.png', /not an image archive/);
  await expect(page.getByTestId('error')).toContainText('89 50 4e 47'); // the bytes it starts with
  await page.screenshot({ path: 'test-results/screens/error-png.png' });
  await expectRecovers(page);
});

test('a truncated docker save names the layer it stopped in', async ({ page }) => {
  const whole = readFileSync(fixturePath('seed-a-bloated.docker.tar'));
  const file = test.info().outputPath('cut-short.tar');
  writeFileSync(file, whole.subarray(0, 5_000_000));
  await page.goto('./');
  await dropFile(page, file);
  await expectError(page, 'cut-short.tar', /truncated/);
  // The member it stopped in is one of the image's layers (byte 5,000,000 is inside layer 4).
  const layers = readTruth('seed-a-bloated.docker.tar').images[0].layers.map((l) => l.path_in_archive);
  const text = (await page.getByTestId('error').textContent()) ?? '';
  expect(layers.filter((p) => text.includes(p))).toHaveLength(1);
  await page.screenshot({ path: 'test-results/screens/error-truncated.png' });
  await expectRecovers(page);
});

test('an empty file is refused', async ({ page }) => {
  const file = test.info().outputPath('empty.tar');
  writeFileSync(file, Buffer.alloc(0));
  await page.goto('./');
  await openWithPicker(page, file);
  await expectError(page, 'empty.tar', /empty/);
});

test('a history shorter than the layer list: a warning says so and every layer keeps its row', async ({ page }) => {
  const file = test.info().outputPath('odd-history.tar');
  writeDockerSave(
    file,
    [{ 'a.txt': 'a' }, { 'b.txt': 'bb' }, { 'c.txt': 'ccc' }],
    [{ created_by: 'ADD a.txt /' }, { created_by: 'ENV X=1', empty_layer: true }],
  );
  await page.goto('./');
  await openWithPicker(page, file);
  await expectShown(page, 'odd-history.tar');
  await expect(page.getByTestId('warnings')).toBeVisible();
  await expect(page.getByTestId('warnings')).toContainText(/histor/i);
  const rows = await shownRows(page);
  // Two history entries plus the two layers no entry claims, in layer order.
  expect(rows.map((r) => [r.historyIndex, r.layerIndex, r.empty])).toEqual([
    ['0', '0', false],
    ['1', '0', true],
    [undefined, '1', false],
    [undefined, '2', false],
  ]);
  await page.screenshot({ path: 'test-results/screens/warnings.png' });
});

test('a Dockerfile of megabytes is parsed and refused by its line; one past 16 MiB is refused by its size', async ({ page }) => {
  const dir = test.info().outputPath('big-dockerfiles');
  mkdirSync(dir, { recursive: true });
  // A 2 MB RUN line: read and parsed, and refused as BuildKit refuses it (a line over 64 KiB), naming the line.
  const long = `${dir}/long-run.Dockerfile`;
  writeFileSync(long, `FROM scratch\nRUN echo ${'x'.repeat(2 << 20)}\n`);
  await page.goto('./');
  await openWithPicker(page, long);
  await expectError(page, 'long-run.Dockerfile', /line greater than max allowed size of 65535/);
  await expect(page.getByTestId('error')).toContainText('This Dockerfile could not be simulated');
  await expect(page.getByTestId('error')).toContainText('line 2');

  const huge = `${dir}/huge.Dockerfile`;
  writeFileSync(huge, `FROM scratch\n${'# filler\n'.repeat(2_000_000)}`);
  await openWithPicker(page, huge);
  await expect(page.getByTestId('error')).toContainText('more than any Dockerfile this page simulates (16 MiB)');
  await page.locator('[data-testid="example"][data-example="seed-b-merged"]').click();
  await expectShown(page, 'seed-b-merged.oci.tar');
});
