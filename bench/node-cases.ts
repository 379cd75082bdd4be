// scanLayer in Node on a file on disk (FileSource), on the plain, gzip and zstd forms of
// layer A, each next to the native tool on the same file.

import { FileSource } from '../src/cli/file-source.ts';
import { scanLayer } from '../src/core/layers/scan.ts';
import type { Inputs } from './gen/inputs.ts';
import { bestOf } from './measure.ts';
import type { Row } from './report.ts';
import { checkAgainst, perEntry, summarize } from './summary.ts';

export async function nodeRows(inputs: Inputs, runs: number): Promise<Row[]> {
  const a = inputs.layerA;
  const cases: [string, string, string, 'none' | 'gzip' | 'zstd', string][] = [
    ['node tar', 'Node scanLayer(layer-a.tar)', a.tar, 'none', 'tar'],
    ['node gz', 'Node scanLayer(layer-a.tar.gz)', a.gz, 'gzip', 'gz|tar'],
    ['node zst', 'Node scanLayer(layer-a.tar.zst)', a.zst, 'zstd', 'zstd|tar'],
  ];
  const rows: Row[] = [];
  for (const [id, label, path, compression, ref] of cases) {
    const src = await FileSource.open(path);
    try {
      const t = await bestOf(runs, async () => {
        const t0 = performance.now();
        const scan = await scanLayer(src, { fileName: src.name, entryName: 'layer' });
        return { ms: performance.now() - t0, value: summarize(scan) };
      });
      rows.push({ id, label, ms: t.ms, runs: t.runs, tarBytes: a.truth.tarSize, ref, perEntry: perEntry(t.value), problems: checkAgainst(t.value, a.truth, compression) });
    } finally {
      await src.close();
    }
  }
  return rows;
}
