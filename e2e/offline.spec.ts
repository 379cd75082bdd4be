// The built site (vite build, as `npm run build` makes it) served by a plain static server from a
// sub-path under a strict CSP: it works there, fetches nothing from any other host, and once
// loaded keeps working with the server gone and the browser offline (public/sw.js).

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { expectRows, expectShown } from './helpers/app.ts';
import { expectedRows, readTruth } from './helpers/fixtures.ts';
import { serveStatic } from './helpers/static-server.ts';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const DIST = path.join(os.tmpdir(), `layerscope-e2e-dist-${process.pid}`);
const PREFIX = '/some/sub/path/';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(() => {
  execFileSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'], { cwd: REPO, stdio: 'pipe', timeout: 150_000 });
});

test.afterAll(() => rmSync(DIST, { recursive: true, force: true }));

test('the build references nothing outside itself: no CDN, no web fonts, no inline script', () => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html.match(/(?:src|href)="([^"]+)"/g)?.every((a) => a.includes('"./'))).toBe(true);
  for (const css of readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.css'))) {
    const text = readFileSync(path.join(DIST, 'assets', css), 'utf8');
    expect(text).not.toMatch(/@import\s+url\(|url\(\s*["']?https?:/);
  }
  const manifest = readFileSync(path.join(DIST, 'precache-manifest.js'), 'utf8');
  expect(manifest).toContain('"./assets/');
  expect(manifest).toContain('"./examples/seed-a-bloated.oci.tar"');
});

test('works from a sub-path, then offline after the first load', async ({ browser }) => {
  const server = await serveStatic(DIST, PREFIX);
  const context = await browser.newContext();
  const page = await context.newPage();
  const foreign: string[] = [];
  const problems: string[] = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(server.origin) && !/^(blob|data):/.test(u)) foreign.push(u);
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));

  await page.goto(`${server.url}#example=seed-a-bloated`);
  await expectShown(page, 'seed-a-bloated.oci.tar');
  await expectRows(page, expectedRows(readTruth('seed-a-bloated.oci.tar').images[0]));
  // The service worker installs (every file cached) and takes the page over.
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('layerscope-'))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached).toContain(PREFIX);
  expect(cached).toContain(`${PREFIX}examples/busybox-six-runs.Dockerfile`);
  expect(cached.some((p) => /\/assets\/mvdan-sh-.*\.js$/.test(p))).toBe(true);

  // No server, no network.
  await server.close();
  await context.setOffline(true);
  await page.reload();
  await expectShown(page, 'seed-a-bloated.oci.tar');
  await expectRows(page, expectedRows(readTruth('seed-a-bloated.oci.tar').images[0]));
  await page.screenshot({ path: 'test-results/offline-reloaded.png' });
  // Another example, a Dockerfile this time: the simulator and its shell parser come from the cache too.
  await page.locator('[data-testid="example"][data-example="busybox-six-runs"]').click();
  await expectShown(page, 'busybox-six-runs.Dockerfile');
  // The base's two history entries (its layer, its CMD), six RUN layers, CMD.
  await expect(page.getByTestId('layer-row')).toHaveCount(9);
  // And a fresh tab of the same site, opened offline.
  const second = await context.newPage();
  await second.goto(`${server.url}#example=whiteouts`);
  await expectShown(second, 'whiteouts.oci.tar');

  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
