// scanLayer in headless Chromium on disk-backed Files (the app's situation), plus the
// multi-member gzip check Node cannot make (Node's DecompressionStream decodes members itself):
//   npx tsx bench/scan/chromium-scan.ts /tmp/lsbench [RUNS]
// Uses /usr/bin/chromium (no browser download). Files: bench.tar, bench.tar.gz, bench.tar.zst.
import { build } from 'esbuild';
import { chromium } from '@playwright/test';

const dir = process.argv[2] ?? '/tmp/lsbench';
const runs = Number(process.argv[3] ?? 3);
const bundle = await build({ entryPoints: [new URL('./chromium-entry.ts', import.meta.url).pathname], bundle: true, write: false, format: 'iife', platform: 'browser' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
page.on('pageerror', (e) => console.error('page error:', e));
await page.setContent('<input type="file" multiple>');
await page.addScriptTag({ content: bundle.outputFiles[0].text });
console.log(`Chromium ${browser.version()}`);
console.log((await page.evaluate(() => (globalThis as unknown as { multiMember(): Promise<string[]> }).multiMember())).join('\n'));
await page.setInputFiles('input', ['bench.tar', 'bench.tar.gz', 'bench.tar.zst'].map((f) => `${dir}/${f}`));
const lines = await page.evaluate(
  ([r]) => (globalThis as unknown as { scanFiles(w: number[], r: number): Promise<string[]> }).scanFiles([1 << 20, 4 << 20, 8 << 20], r),
  [runs],
);
console.log(lines.join('\n'));
const gz = await page.evaluate(([r]) => (globalThis as unknown as { decompressCost(r: number): Promise<string[]> }).decompressCost(r), [runs]);
console.log(gz.join('\n'));
await browser.close();
