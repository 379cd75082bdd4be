// Checks that scanning holds bounded memory: peak RSS and ArrayBuffer bytes with a forced GC
// every 100 ms (so short-lived chunk garbage does not count), plain, gzip and zstd:
//   node --expose-gc --import tsx bench/scan/memory-check.ts /tmp/lsbench
import { scanLayer } from '../../src/core/layers/scan.ts';
import { FileSource } from '../../src/cli/file-source.ts';

const dir = process.argv[2] ?? '/tmp/lsbench';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
for (const f of ['bench.tar', 'bench.tar.gz', 'bench.tar.zst']) {
  gc();
  const base = process.memoryUsage();
  let rss = 0;
  let ab = 0;
  const timer = setInterval(() => {
    gc();
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    ab = Math.max(ab, m.arrayBuffers);
  }, 100);
  const src = await FileSource.open(`${dir}/${f}`);
  const t = performance.now();
  const s = await scanLayer(src, { fileName: f, entryName: f });
  clearInterval(timer);
  await src.close();
  console.log(
    `${f}: ${((performance.now() - t) / 1000).toFixed(2)} s with GCs; peak RSS ${(rss / 1048576).toFixed(0)} MiB (start ${(base.rss / 1048576).toFixed(0)}), ` +
      `peak live ArrayBuffers ${(ab / 1048576).toFixed(1)} MiB; table ${(s.table.byteSize() / 1048576).toFixed(1)} MiB`,
  );
}
