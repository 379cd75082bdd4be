// Plain `pipeThrough(new DecompressionStream('gzip'))` against our gunzip() (member-splitting,
// lock-step feeding), in Node: wall and CPU time, and live ArrayBuffers with a GC every 100 ms.
//   node --expose-gc --import tsx bench/scan/gzip-paths.ts /tmp/lsbench/bench.tar.gz
import { gunzip } from '../../src/core/compress/gzip.ts';
import { FileSource } from '../../src/cli/file-source.ts';

const file = process.argv[2] ?? '/tmp/lsbench/bench.tar.gz';
const gc = (globalThis as { gc?: () => void }).gc;
const paths: Record<string, (s: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array>> = {
  'pipeThrough(DecompressionStream)': (s) => s.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>),
  'gunzip (split, lock-step)': gunzip,
};
for (let round = 0; round < 2; round++) {
  for (const [name, make] of Object.entries(paths)) {
    for (const withGc of gc ? [false, true] : [false]) {
      gc?.();
      let ab = 0;
      const timer = setInterval(() => {
        if (withGc) gc?.();
        ab = Math.max(ab, process.memoryUsage().arrayBuffers);
      }, 100);
      const src = await FileSource.open(file);
      const t = performance.now();
      const c0 = process.cpuUsage();
      const r = make(src.stream(0, src.size)).getReader();
      let n = 0;
      for (;;) {
        const { done, value } = await r.read();
        if (done) break;
        n += value.length;
      }
      const c = process.cpuUsage(c0);
      clearInterval(timer);
      await src.close();
      console.log(
        `${name.padEnd(34)} ${withGc ? 'GC every 100 ms: peak live' : 'no forced GC:    peak'} ArrayBuffers ${(ab / 1048576).toFixed(0).padStart(4)} MiB` +
          (withGc ? '' : `, ${((performance.now() - t) / 1000).toFixed(2)} s wall, ${((c.user + c.system) / 1e6).toFixed(2)} s CPU, ${n} bytes`),
      );
    }
  }
}
