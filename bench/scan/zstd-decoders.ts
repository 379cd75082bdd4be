// Compares the zstd decoders that can stream, on a real zstd file, in Node:
//   npx tsx bench/scan/zstd-decoders.ts /tmp/lsbench/bench.tar.zst
// Prints MB/s of decompressed output and peak RSS (sampled) per decoder, best of 3 runs.
import { zstdStream } from '../../src/core/compress/zstd.ts';
import { FileSource } from '../../src/cli/file-source.ts';

const file = process.argv[2] ?? '/tmp/lsbench/bench.tar.zst';
const decoders: Record<string, () => TransformStream<Uint8Array, Uint8Array>> = {
  'fzstd (js)': () => zstdStream('js'),
  'libzstd wasm (zstddec)': () => zstdStream('wasm'),
};

async function run(make: () => TransformStream<Uint8Array, Uint8Array>): Promise<{ ms: number; out: number; rss: number }> {
  const src = await FileSource.open(file);
  let rss = 0;
  const timer = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 20);
  const t = performance.now();
  const r = src.stream(0, src.size).pipeThrough(make()).getReader();
  let out = 0;
  for (;;) {
    const { done, value } = await r.read();
    if (done) break;
    out += value.length;
  }
  const ms = performance.now() - t;
  clearInterval(timer);
  rss = Math.max(rss, process.memoryUsage().rss);
  await src.close();
  return { ms, out, rss };
}

for (const [name, make] of Object.entries(decoders)) {
  let best = Infinity;
  let last = { ms: 0, out: 0, rss: 0 };
  for (let i = 0; i < 3; i++) {
    last = await run(make);
    best = Math.min(best, last.ms);
  }
  console.log(
    `${name.padEnd(28)} ${(best / 1000).toFixed(2)} s  ${(last.out / 1e6 / (best / 1000)).toFixed(0)} MB/s of output  peak RSS ${(last.rss / 1048576).toFixed(0)} MiB  (${last.out} bytes)`,
  );
}
