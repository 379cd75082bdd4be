// Hostile share links in the page (issue 6 "Links: truncated, tampered, oversized, wrong version,
// valid JSON with wrong types"): the worst of the corpus's link cases (src/core/hostile/
// link-cases.ts, made here from the stored sample links by the same helpers) opened as a
// stranger's link opens, by navigating to it. Each ends in the one-line "This share link cannot
// be opened: …" message (or the Dockerfile's own error, or the summary page for links that hold
// a strange but valid summary), within the budget; after each, an example from the gallery still
// opens with its layers; no page error, no unhandled rejection, no dialog.

import { readdirSync, readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { linkCases, readSample } from '../src/core/hostile/link-cases.ts';
import type { HostileCase } from '../src/core/hostile/case.ts';
import { expectRows, expectShown } from './helpers/app.ts';
import { expectedRows, readTruth } from './helpers/fixtures.ts';

const SAMPLES = new URL('../src/core/share/samples/', import.meta.url);

type Want = { refused: RegExp } | { error: RegExp } | 'summary';

/** The worst links: bombs of every kind, cuts, damage, versions, wrong types, and two that open. */
/** A case by name, or the first whose name passes the test. */
type Pick = string | ((name: string) => boolean);

/** The cut in the middle of the base64 text: "…-chars-785-of-1571". */
const midCut = (name: string) => {
  const m = /^link-truncated-image-seed-a-bloated-chars-(\d+)-of-(\d+)$/.exec(name);
  return m !== null && Number(m[1]) === Math.floor(Number(m[2]) / 2);
};

const WORST: [Pick, Want][] = [
  // 128 folders of 4,096-character names over 2,000 files: 1 GB of paths once opened (fixed in the validator)
  ['link-paths-128-long-folders', { refused: /a path longer than 16384 characters/ }],
  ['link-paths-3-long-folders-49000-files', { refused: /add up to more than 16,000,000 characters/ }],
  ['link-deflate-bomb-16MiB-zeros', { refused: /unpacks to more than 4 MiB/ }],
  ['link-files-400000', { refused: /more than 50000 folders and files/ }],
  ['link-tree-10000-deep', { refused: /folders nested deeper than 128/ }],
  [midCut, { refused: /does not unpack|not valid base64url|not the JSON/ }],
  ['link-tampered-image-whiteouts-bit-0.1', { refused: /does not unpack|not the JSON|contents/ }],
  ['link-version-vnewline', { refused: /version "v=1\\u000a" is not a number/ }],
  ['link-version-two-v-2-1', { refused: /holds 2 versions/ }],
  ['link-types-image-seed-a-bloated-summary.layers-object', { refused: /\(summary\.layers: expected a list, found an object\)/ }],
  ['link-dockerfile-2500-instructions', { error: /over the limit maxInstructions = 2,000/ }],
  ['link-layers-1000-history-4000', 'summary'],
  ['link-names-prototype-keys', 'summary'],
];

async function worstCases(): Promise<[HostileCase, Want][]> {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
  const samples = await Promise.all(files.map((f) => readSample(f, readFileSync(new URL(f, SAMPLES), 'utf8').trim())));
  const cases = linkCases(samples);
  return WORST.map(([name, want]) => {
    const c = cases.find((x) => (typeof name === 'string' ? x.name === name : name(x.name)));
    if (!c) throw new Error(`no link case ${name}`);
    return [c, want];
  });
}

/** The page still works: an example from the gallery opens and shows its layers. */
async function expectExampleOpens(page: Page): Promise<void> {
  await page.locator('[data-testid="example"][data-example="seed-b-merged"]').click();
  await expectShown(page, 'seed-b-merged.oci.tar');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expectRows(page, expectedRows(readTruth('seed-b-merged.oci.tar').images[0]));
}

test('the worst share links: a clear message each, and the page still works after each', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const timings: string[] = [];
  for (const [c, want] of await worstCases()) {
    const fragment = new TextDecoder().decode(await c.bytes());
    await page.goto('about:blank');
    const t0 = Date.now();
    await page.goto(`./${fragment}`);
    if (want === 'summary') {
      await expect(page.getByTestId('shared-summary'), c.name).toBeVisible({ timeout: 5_000 });
      await expect(page.getByTestId('layer-row').first()).toBeVisible();
      await expect(page.getByTestId('error')).toHaveCount(0);
    } else {
      const error = page.getByTestId('error');
      await expect(error, c.name).toBeVisible({ timeout: 5_000 });
      await expect(error).toHaveAttribute('role', 'alert');
      if ('refused' in want) {
        await expect(error).toContainText('This share link cannot be opened: ');
        await expect(error).toContainText(want.refused);
        // One sentence on one line: whatever the link held, nothing in it breaks the line.
        const text = (await error.innerText()).trim();
        const line = text.split('\n').find((l) => l.includes('This share link cannot be opened'));
        expect(line, text).toMatch(want.refused);
      } else {
        await expect(error).toContainText(want.error);
      }
      await expect(page.getByTestId('drop-zone')).toBeVisible();
    }
    timings.push(`${Date.now() - t0} ms  ${c.name}`);
    await expectExampleOpens(page);
  }
  console.log(`\nworst share links in the page (navigation to message):\n  ${timings.join('\n  ')}\n`);
  expect(errors, 'page errors and unhandled rejections').toEqual([]);
  expect(dialogs, 'dialogs').toEqual([]);
});
