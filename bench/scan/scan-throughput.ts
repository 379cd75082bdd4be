// scanLayer throughput in Node on a big layer, plain / gzip / zstd, next to the system tools:
//   python3 bench/scan/make-bench-tar.py /tmp/lsbench     (once: ≈ 250 MB tar, 50k files)
//   npx tsx bench/scan/scan-throughput.ts /tmp/lsbench
// Best of 3 runs each; peak RSS is sampled every 20 ms. The machine is shared: rerun to compare.
import { execSync } from 'node:child_process';
import { scanLayer, type LayerScan } from '../../src/core/layers/scan.ts';
import { FileSource } from '../../src/cli/file-source.ts';

const dir = process.argv[2] ?? '/tmp/lsbench';
const runs = Number(process.env.RUNS ?? 3);

async function timeScan(file: string, windowSize?: number, uncompressedRead: 'windows' | 'stream' = 'windows'): Promise<{ ms: number; scan: LayerScan; rss: number }> {
  let best = Infinity;
  let scan!: LayerScan;
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const src = await FileSource.open(`${dir}/${file}`);
    const timer = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 20);
    const t = performance.now();
    scan = await scanLayer(src, { fileName: file, entryName: file, windowSize, uncompressedRead });
    best = Math.min(best, performance.now() - t);
    clearInterval(timer);
    await src.close();
  }
  return { ms: best, scan, rss };
}

function timeShell(cmd: string): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execSync(cmd, { stdio: ['ignore', 'ignore', 'inherit'], shell: '/bin/bash' });
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (bytes: number, ms: number) => `${(bytes / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;

for (const w of [1, 4, 8]) {
  const { ms, scan, rss } = await timeScan('bench.tar', w << 20);
  console.log(`scanLayer bench.tar, ${w} MiB windows: ${fmt(ms)} (${rate(scan.stats.tarSize, ms)} of tar), peak RSS ${(rss / 1048576).toFixed(0)} MiB`);
}
{
  const { ms, scan, rss } = await timeScan('bench.tar', undefined, 'stream');
  console.log(`scanLayer bench.tar, stream restarted past payloads ≥ 4 MiB: ${fmt(ms)} (${rate(scan.stats.tarSize, ms)} of tar), peak RSS ${(rss / 1048576).toFixed(0)} MiB`);
}
for (const f of ['bench.tar.gz', 'bench.tar.zst']) {
  const { ms, scan, rss } = await timeScan(f);
  console.log(`scanLayer ${f}: ${fmt(ms)} (${rate(scan.stats.tarSize, ms)} of tar), peak RSS ${(rss / 1048576).toFixed(0)} MiB`);
}
const { scan } = await timeScan('bench.tar', 4 << 20);
const t = scan.table;
console.log(
  `table: ${t.count} entries, ${scan.stats.fileCount} files, ${scan.stats.fileBytes} file bytes, ${scan.stats.tarSize} tar bytes; ` +
    `${(t.byteSize() / t.count).toFixed(1)} bytes per entry (${t.byteSize()} total)`,
);
console.log(`tar -tvf bench.tar: ${fmt(timeShell(`tar -tvf ${dir}/bench.tar > /dev/null`))}`);
console.log(`gzip -dc | tar -tv: ${fmt(timeShell(`gzip -dc ${dir}/bench.tar.gz | tar -tv > /dev/null`))}`);
console.log(`zstd -dc | tar -tv: ${fmt(timeShell(`zstd -dc ${dir}/bench.tar.zst | tar -tv > /dev/null`))}`);
