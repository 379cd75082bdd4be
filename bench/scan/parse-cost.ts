// Where the time goes on an in-memory tar (no I/O, no decompression): the parser alone, the
// parser + LayerAccumulator (normalize, whiteouts, LayerTable columns), in 1 MiB and 64 KiB chunks.
//   npx tsx bench/scan/parse-cost.ts /tmp/lsbench/bench.tar
import { readFileSync } from 'node:fs';
import { TarParser } from '../../src/core/tar/parser.ts';
import { LayerAccumulator } from '../../src/core/layers/accumulate.ts';

const tar = new Uint8Array(readFileSync(process.argv[2] ?? '/tmp/lsbench/bench.tar'));
function run(chunk: number, accumulate: boolean): number {
  const acc = new LayerAccumulator();
  const p = new TarParser({ onEntry: accumulate ? (e) => acc.add(e) : () => null });
  const t = performance.now();
  for (let o = 0; o < tar.length; o += chunk) p.push(tar.subarray(o, o + chunk));
  p.end();
  if (accumulate) acc.finish(p.position, p.entryCount, 'none');
  return performance.now() - t;
}
for (const chunk of [1 << 20, 64 << 10]) {
  for (const accumulate of [false, true]) {
    let best = Infinity;
    for (let i = 0; i < 5; i++) best = Math.min(best, run(chunk, accumulate));
    console.log(`${chunk >> 10} KiB chunks, ${accumulate ? 'parser + accumulator' : 'parser only        '}: ${best.toFixed(0)} ms`);
  }
}
