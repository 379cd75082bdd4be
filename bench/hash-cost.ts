// What `--hash` costs: scanLayer in Node on the bench's layer A (uncompressed and gzip), with and
// without hashing every regular file's content (XXH64, src/core/hash/), best of N, the two
// alternated so background load hits both alike. The rule: hashing is on by default only
// where it costs at most 25% of the read time; this prints the figure that decides.
//
//   npx tsx bench/hash-cost.ts [--quick] [--runs N]
//
// `hashCostRows(inputs, runs)` returns bench rows (report.ts) so `npm run bench` can list them.
// A run that hashes a different number of files than the layer holds is reported as a problem.

import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { FileSource } from '../src/cli/file-source.ts';
import { scanLayer, type LayerScan } from '../src/core/layers/scan.ts';
import { EntryKind } from '../src/core/model/entry-kind.ts';
import { NOT_HASHED } from '../src/core/hash/hash-values.ts';
import { ensureInputs, type Inputs } from './gen/inputs.ts';
import { formatTable, type Row } from './report.ts';

async function timeScan(path: string, hash: boolean): Promise<{ ms: number; scan: LayerScan }> {
  const src = await FileSource.open(path);
  try {
    const t0 = performance.now();
    const scan = await scanLayer(src, { fileName: src.name, entryName: 'layer', hash });
    return { ms: performance.now() - t0, scan };
  } finally {
    await src.close();
  }
}

function hashedFiles(scan: LayerScan): { files: number; hashed: number } {
  const t = scan.table;
  let files = 0;
  let hashed = 0;
  for (let r = 0; r < t.count; r++) {
    if (t.kinds[r] !== EntryKind.file) continue;
    files++;
    if (t.hashes && t.hashes[r] !== NOT_HASHED) hashed++;
  }
  return { files, hashed };
}

export async function hashCostRows(inputs: Inputs, runs: number): Promise<Row[]> {
  const a = inputs.layerA;
  const rows: Row[] = [];
  for (const [form, path] of [['tar', a.tar], ['gz', a.gz]] as const) {
    const plain: number[] = [];
    const hashed: number[] = [];
    const problems: string[] = [];
    for (let i = 0; i < runs; i++) {
      // alternate which goes first, so a burst of background load does not favour one
      const order = i % 2 === 0 ? [false, true] : [true, false];
      for (const hash of order) {
        const { ms, scan } = await timeScan(path, hash);
        (hash ? hashed : plain).push(ms);
        if (hash && i === 0) {
          const h = hashedFiles(scan);
          if (h.files !== a.truth.fileCount || h.hashed !== h.files) problems.push(`hashed ${h.hashed} of ${h.files} files, the layer holds ${a.truth.fileCount}`);
        }
      }
    }
    const id = `hash ${form}`;
    rows.push({ id: `plain ${form}`, label: `Node scanLayer(layer-a.${form === 'tar' ? 'tar' : 'tar.gz'})`, ms: Math.min(...plain), runs: plain, tarBytes: a.truth.tarSize });
    rows.push({
      id,
      label: `  … with hash: true (XXH64 of every file)`,
      ms: Math.min(...hashed),
      runs: hashed,
      tarBytes: a.truth.tarSize,
      ref: `plain ${form}`,
      target: { kind: 'maxRatio', value: 1.25 },
      problems,
    });
  }
  return rows;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const at = argv.indexOf('--runs');
  const runs = at >= 0 ? Number(argv[at + 1]) : 3;
  const load = loadavg()[0];
  const inputs = await ensureInputs(join(dirname(fileURLToPath(import.meta.url)), '.data'), quick, (s) => process.stderr.write(`${s}\n`));
  const rows = await hashCostRows(inputs, runs);
  console.log(`hash cost: layer A ${(inputs.layerA.truth.tarSize / 1e6).toFixed(0)} MB tar, ${inputs.layerA.truth.fileCount} files; best of ${runs}; load average ${load.toFixed(1)} at start\n`);
  console.log(formatTable(rows));
  for (const pair of [rows.slice(0, 2), rows.slice(2, 4)]) {
    const [p, h] = pair;
    console.log(`${h.id}: +${(((h.ms - p.ms) / p.ms) * 100).toFixed(0)}% of the read time (${p.ms.toFixed(0)} → ${h.ms.toFixed(0)} ms)`);
  }
  const problems = rows.flatMap((r) => (r.problems ?? []).map((x) => `${r.id}: ${x}`));
  for (const x of problems) console.log(`WRONG RESULT ${x}`);
  process.exitCode = problems.length ? 1 : 0;
}
