// Text summary of a V8 CPU profile (the .cpuprofile format of the CDP Profiler domain and of
// `node --cpu-prof`): self time per function and per source file, in ms and % of the busy time
// (idle samples excluded), so "where does the time beyond decompression go" has numbers.
//   npx tsx bench/scan/profile-summary.ts FILE.cpuprofile [TOP]

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A short label for a script URL: the path from src/ or bench/ on, else the last segment. */
function shortUrl(url: string): string {
  if (!url) return '(native)';
  const clean = url.replace(/\?.*$/, '');
  const m = /\/(src|bench|node_modules\/\.vite-bench\/deps)\/(.*)$/.exec(clean);
  if (m) return `${m[1] === 'src' || m[1] === 'bench' ? m[1] : 'deps'}/${m[2]}`;
  return clean.slice(clean.lastIndexOf('/') + 1);
}

export function summarizeProfile(p: CpuProfile, top = 25): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // timeDeltas[i + 1] is the time until the next sample: the time sample i stands for.
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + dt);
  }
  const fn = new Map<string, number>();
  const files = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, ms] of self) {
    const cf = byId.get(id)!.callFrame;
    if (cf.functionName === '(idle)') {
      idle += ms;
      continue;
    }
    busy += ms;
    const file = shortUrl(cf.url);
    const key = `${cf.functionName || '(anonymous)'}  ${file}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
    fn.set(key, (fn.get(key) ?? 0) + ms);
    files.set(file, (files.get(file) ?? 0) + ms);
  }
  const rows = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  return [
    `busy ${busy.toFixed(0)} ms, idle ${idle.toFixed(0)} ms (of ${((p.endTime - p.startTime) / 1000).toFixed(0)} ms profiled)`,
    '',
    'self time by file:',
    rows(files, 20),
    '',
    'self time by function:',
    rows(fn, top),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const p = JSON.parse(readFileSync(process.argv[2], 'utf8')) as CpuProfile;
  console.log(summarizeProfile(p, Number(process.argv[3] ?? 40)));
}
