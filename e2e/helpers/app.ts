// Driving the app the way a person does: pick a file, drop a file, read the layer rows back.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { ExpectedRow } from './fixtures.ts';

export async function openWithPicker(page: Page, file: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(file);
}

/**
 * A real drag-and-drop: a File inside a DataTransfer, dispatched as dragenter/dragover/drop on
 * the drop zone, the events a browser fires when a file is dragged in from the desktop.
 */
export async function dropFile(page: Page, file: string, name = path.basename(file)): Promise<void> {
  const base64 = readFileSync(file).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const bin = atob(base64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: 'application/x-tar' }));
      return dt;
    },
    { base64, name },
  );
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

export interface ShownRow {
  historyIndex: string | undefined;
  layerIndex: string | undefined;
  empty: boolean;
  command: string | null;
  bytes: number[];
}

export async function shownRows(page: Page): Promise<ShownRow[]> {
  return page.getByTestId('layer-row').evaluateAll((els) =>
    els.map((el) => {
      const e = el as HTMLElement;
      return {
        historyIndex: e.dataset.historyIndex,
        layerIndex: e.dataset.layerIndex,
        empty: e.dataset.empty === 'true',
        command: e.querySelector('[data-testid="layer-command"]')?.textContent ?? null,
        bytes: Array.from(e.querySelectorAll<HTMLElement>('[data-bytes]'), (b) => Number(b.dataset.bytes)),
      };
    }),
  );
}

/** Waits until the page shows `fileName`, read to the end. */
export async function expectShown(page: Page, fileName: string): Promise<void> {
  await expect(page.locator('main')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('input-name')).toHaveText(fileName);
}

/** Compares every row with the fixture's truth, in order. */
export async function expectRows(page: Page, want: ExpectedRow[]): Promise<void> {
  await expect(page.getByTestId('layer-row')).toHaveCount(want.length);
  const got = await shownRows(page);
  expect(got).toEqual(want.map((w) => ({ ...w })));
}
