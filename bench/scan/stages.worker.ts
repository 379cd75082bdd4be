// Worker side of stages.ts: the gzip scan's pieces, each run alone on the same File when the
// page asks: the file read alone, the native inflate alone (case (a)), the member-start search
// alone, core's gunzip(), the countedPieces hop, then the tar parser with no sink, the
// accumulator, and scanLayer itself stacked on top; and the parse alone over the decompressed
// chunks held in memory.

/// <reference lib="webworker" />
import { countedPieces } from '../../src/core/bytes/counted.ts';
import { BlobSource } from '../../src/core/bytes/source.ts';
import { gunzip } from '../../src/core/compress/gzip.ts';
import { memberStarts } from '../../src/core/compress/member-starts.ts';
import { LayerAccumulator } from '../../src/core/layers/accumulate.ts';
import { scanLayer } from '../../src/core/layers/scan.ts';
import { TarParser } from '../../src/core/tar/parser.ts';
import { chunked, gzip, readAll, writeTar } from '../../src/core/tar/testing/write-tar.ts';
import { EntryGuard } from '../../src/core/layers/layer-guard.ts';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';

declare const self: DedicatedWorkerGlobalScope;

type Sink = (chunk: Uint8Array) => void;

async function drain(s: ReadableStream<Uint8Array>, sink: Sink): Promise<void> {
  const r = s.getReader();
  for (;;) {
    const { done, value } = await r.read();
    if (done) return;
    sink(value);
  }
}

function counted(file: Blob): ReadableStream<Uint8Array> {
  return countedPieces((file.stream() as ReadableStream<Uint8Array>).getReader(), [], false, () => {});
}

/** A pipe through DecompressionStream driven from JavaScript: awaited writes, a read loop beside. */
async function jsPipe(input: ReadableStream<Uint8Array>): Promise<number> {
  const ds = new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;
  const w = ds.writable.getWriter();
  const r = ds.readable.getReader();
  let n = 0;
  const reading = (async () => {
    for (;;) {
      const { done, value } = await r.read();
      if (done) return;
      n += value.length;
    }
  })();
  const ir = input.getReader();
  for (;;) {
    const { done, value } = await ir.read();
    if (done) break;
    await w.write(value);
  }
  await w.close();
  await reading;
  return n;
}

/** The decompressed tar as the decoder's chunks, made once (not timed) for the parse-only stages. */
let tarChunks: Uint8Array[] | null = null;
async function chunksOf(file: Blob): Promise<Uint8Array[]> {
  if (tarChunks) return tarChunks;
  const out: Uint8Array[] = [];
  await drain((file.stream() as ReadableStream<Uint8Array>).pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>), (c) => out.push(c));
  return (tarChunks = out);
}

/**
 * Feeds the in-memory chunks through `push`, each copied first into one reused buffer, so the
 * parser reads bytes that were just written, as it does behind the decoder (cache-warm).
 */
async function replay(file: Blob, push: (c: Uint8Array) => void): Promise<void> {
  const chunks = await chunksOf(file);
  const buf = new Uint8Array(256 << 10);
  for (const c of chunks) {
    const view = buf.subarray(0, c.length);
    view.set(c);
    push(view);
  }
}

const stages: Record<string, (file: Blob) => Promise<string>> = {
  'file.stream() alone': async (f) => {
    let n = 0;
    let chunks = 0;
    await drain(f.stream() as ReadableStream<Uint8Array>, (c) => {
      n += c.length;
      chunks++;
    });
    return `${chunks} chunks, ${(n / chunks / 1024).toFixed(0)} KiB avg`;
  },
  "pipeThrough(DecompressionStream('gzip')) (case a)": async (f) => {
    let n = 0;
    let chunks = 0;
    await drain((f.stream() as ReadableStream<Uint8Array>).pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>), (c) => {
      n += c.length;
      chunks++;
    });
    return `${chunks} chunks out, ${(n / chunks / 1024).toFixed(0)} KiB avg`;
  },
  'member-start search alone (memberStarts over 256 KiB pieces)': async (f) => {
    let hits = 0;
    await drain(counted(f), (c) => {
      hits += memberStarts(c, c.length).length;
    });
    return `${hits} possible starts past offset 0`;
  },
  'DecompressionStream fed from JS (write per chunk, a read loop beside)': async (f) => {
    return `${await jsPipe(f.stream() as ReadableStream<Uint8Array>)} bytes`;
  },
  'the same, fed 256 KiB pieces (countedPieces)': async (f) => {
    return `${await jsPipe(counted(f))} bytes`;
  },
  'gunzip(file.stream())': async (f) => {
    let chunks = 0;
    await drain(gunzip(f.stream() as ReadableStream<Uint8Array>), () => chunks++);
    return `${chunks} chunks out`;
  },
  'gunzip(countedPieces(file.stream()))': async (f) => {
    await drain(gunzip(counted(f)), () => {});
    return '';
  },
  '+ TarParser, no sink': async (f) => {
    const p = new TarParser();
    await drain(gunzip(counted(f)), (c) => void p.push(c));
    p.end();
    return `${p.entryCount} entries`;
  },
  '+ LayerAccumulator': async (f) => {
    const acc = new LayerAccumulator();
    const p = new TarParser({ onEntry: (e) => acc.add(e) });
    await drain(gunzip(counted(f)), (c) => void p.push(c));
    p.end();
    return `${acc.finish(p.position, p.entryCount, 'gzip').table.count} rows`;
  },
  'in memory: copy of each chunk alone': async (f) => {
    await chunksOf(f);
    const t0 = performance.now();
    await replay(f, () => {});
    return `${(performance.now() - t0).toFixed(0)} ms timed inside`;
  },
  'in memory: + TarParser, no sink': async (f) => {
    await chunksOf(f);
    const p = new TarParser();
    const t0 = performance.now();
    await replay(f, (c) => void p.push(c));
    p.end();
    return `${(performance.now() - t0).toFixed(0)} ms timed inside`;
  },
  'in memory: + EntryGuard + LayerAccumulator (scanLayer\'s onEntry)': async (f) => {
    await chunksOf(f);
    const acc = new LayerAccumulator();
    const guard = new EntryGuard(DEFAULT_LIMITS, 'layer', 'layer', 'this layer', true);
    const p = new TarParser({
      onEntry: (e) => {
        guard.check(e);
        return acc.add(e);
      },
    });
    const t0 = performance.now();
    await replay(f, (c) => void p.push(c));
    p.end();
    const n = acc.finish(p.position, p.entryCount, 'gzip').table.count;
    return `${(performance.now() - t0).toFixed(0)} ms timed inside, ${n} rows`;
  },
  // Not a timing: Chromium's DecompressionStream stops after one gzip member (Node's does not),
  // so only here does gunzip's member splitting face the failure it exists for. Members big
  // enough for the SIMD search, chunks from 1 byte to 4 MiB.
  'check: multi-member gzip decodes exactly (1, 2, 7 members, many chunkings)': async () => {
    const tar = writeTar(Array.from({ length: 300 }, (_, i) => ({ path: `d${i % 7}/f${i}`, size: (i * 7919) % 40000 })));
    let checked = 0;
    for (const members of [1, 2, 7]) {
      const gz = await gzip(tar, members);
      for (const sizes of [[1], [3, 5], [4096], [5000, 70000], [256 << 10], [4 << 20]]) {
        if (sizes[0] === 1 && members > 2) continue;
        const got = await readAll(gunzip(chunked(gz, sizes)));
        if (got.length !== tar.length || got.some((b, i) => b !== tar[i])) throw new Error(`${members} members, chunks ${sizes}: output differs`);
        checked++;
      }
    }
    return `${checked} cases decoded exactly`;
  },
  'scanLayer (case b)': async (f) => {
    const s = await scanLayer(new BlobSource('layer', f), { fileName: 'layer', entryName: 'layer' });
    return `${s.table.count} rows`;
  },
};

export type StagesRequest = { type: 'list' } | { type: 'prepare'; file: Blob } | { type: 'run'; name: string; file: Blob };
export type StagesReply = { names: string[] } | { ms: number; note: string } | { error: string };

self.onmessage = async (ev: MessageEvent<StagesRequest>) => {
  const m = ev.data;
  const post = (r: StagesReply) => self.postMessage(r);
  try {
    if (m.type === 'list') return post({ names: Object.keys(stages) });
    if (m.type === 'prepare') {
      await chunksOf(m.file);
      return post({ ms: 0, note: '' });
    }
    const run = stages[m.name];
    if (!run) return post({ error: `no stage ${m.name}` });
    const t0 = performance.now();
    const note = await run(m.file);
    post({ ms: performance.now() - t0, note });
  } catch (e) {
    post({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
};
