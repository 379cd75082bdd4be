// CPU profile of a bench worker in Chromium while it runs one case: `scan` (scanLayer on a
// BlobSource, case (b)) or `inflate` (DecompressionStream alone, case (a)) in
// bench/browser/bench.worker.ts, or `stage=TEXT`: the first stage of bench/scan/stages.worker.ts
// whose name holds TEXT. The worker's V8 profiler is driven over CDP (Profiler domain, through the
// browser session's Target.sendMessageToTarget, since Playwright has no worker CDP sessions);
// the profile is written as a .cpuprofile (Chrome DevTools opens it) and summarized by self time:
//   npx tsx bench/scan/profile-worker.ts [scan|inflate|stage=TEXT] [FILE] [OUT.cpuprofile]
// FILE defaults to bench/.data/full/layer-a.tar.gz (npm run bench makes it).

import { writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession } from 'playwright-core';
import { ARGS, CHROMIUM, startVite } from '../browser-cases.ts';
import { summarizeProfile, type CpuProfile } from './profile-summary.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const arg = process.argv[2] ?? 'scan';
const stage = arg.startsWith('stage=') ? arg.slice('stage='.length) : null;
const what = stage !== null ? 'stage' : arg === 'inflate' ? 'inflate' : 'scan';
const file = resolve(process.argv[3] || join(repoRoot, 'bench/.data/full/layer-a.tar.gz'));
const out = process.argv[4] ?? join(repoRoot, `bench/.data/${what}.cpuprofile`);
const workerPath = stage !== null ? '/bench/scan/stages.worker.ts' : '/bench/browser/bench.worker.ts';

/** One CDP target reached through the browser session (the non-flat Target protocol). */
class TargetSession {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  constructor(
    private readonly browser: CDPSession,
    private readonly sessionId: string,
  ) {
    browser.on('Target.receivedMessageFromTarget', (ev) => {
      if (ev.sessionId !== this.sessionId) return;
      const m = JSON.parse(ev.message) as { id?: number; result?: unknown; error?: { message: string } };
      const w = m.id === undefined ? undefined : this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id!);
      if (m.error) w.reject(new Error(m.error.message));
      else w.resolve(m.result);
    });
  }

  send<T = unknown>(method: string, params: object = {}): Promise<T> {
    const id = this.next++;
    const p = new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    void this.browser.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    return p;
  }
}

const { server, url } = await startVite(repoRoot);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // tsx (esbuild keepNames) wraps named functions inside page.evaluate callbacks in __name().
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(url);
  await page.waitForFunction(() => typeof window.bench === 'object');
  await page.setInputFiles('#files', [file]);
  // A worker kept in the page (window.profiled), started and pinged before profiling.
  // Started and answering before the profiler starts; for a stage, its name and (for the
  // in-memory stages) the decompressed chunks are ready too.
  const stageName = await page.evaluate(
    async ([path, text, name]) => {
      const w = new Worker(new URL(path, location.href), { type: 'module', name: 'profiled' });
      (window as unknown as { profiled: Worker }).profiled = w;
      const ask = (m: object) =>
        new Promise<{ names?: string[] }>((res) => {
          w.onmessage = (ev: MessageEvent<{ names?: string[] }>) => res(ev.data);
          w.postMessage(m);
        });
      if (text === null) {
        await ask({ type: 'ping' });
        return '';
      }
      const found = (await ask({ type: 'list' })).names?.find((n) => n.includes(text));
      if (!found) throw new Error(`no stage matches ${text}`);
      const input = document.getElementById('files') as HTMLInputElement;
      const f = Array.from(input.files ?? []).find((x) => x.name === name);
      if (found.startsWith('in memory')) await ask({ type: 'prepare', file: f });
      return found;
    },
    [workerPath, stage, basename(file)] as const,
  );
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; title: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes(workerPath));
  if (!target) throw new Error(`no worker target among ${targetInfos.map((t) => `${t.type} ${t.url}`).join(', ')}`);
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  const worker = new TargetSession(cdp, sessionId);
  await worker.send('Profiler.enable');
  await worker.send('Profiler.setSamplingInterval', { interval: 100 });
  await worker.send('Profiler.start');
  const ms = await page.evaluate(
    async ([kind, name, only]) => {
      const w = (window as unknown as { profiled: Worker }).profiled;
      const input = document.getElementById('files') as HTMLInputElement;
      const f = Array.from(input.files ?? []).find((x) => x.name === name)!;
      const t0 = performance.now();
      await new Promise<void>((res, rej) => {
        w.onmessage = (ev: MessageEvent<{ type?: string; message?: string; error?: string }>) =>
          ev.data.type === 'error' || ev.data.error ? rej(new Error(ev.data.message ?? ev.data.error)) : res();
        if (kind === 'stage') w.postMessage({ type: 'run', name: only, file: f });
        else w.postMessage(kind === 'inflate' ? { type: 'inflate', file: f } : { type: 'scan', files: [f], names: [name] });
      });
      return performance.now() - t0;
    },
    [what, basename(file), stageName] as const,
  );
  const { profile } = await worker.send<{ profile: CpuProfile }>('Profiler.stop');
  writeFileSync(out, JSON.stringify(profile));
  console.log(`${stage !== null ? `stage "${stageName}"` : what} ${basename(file)}: ${ms.toFixed(0)} ms in the page (profiler on); profile in ${out}\n`);
  console.log(summarizeProfile(profile, 30));
} finally {
  await browser.close();
  await server.close();
}
