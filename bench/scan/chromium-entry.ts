// Browser side of chromium-scan.ts: scans the files picked in an <input type=file> (real
// disk-backed File objects, as in the app) with BlobSource + scanLayer, and checks multi-member
// gzip through the member-splitting gunzip().
import { BlobSource } from '../../src/core/bytes/source.ts';
import { gunzip } from '../../src/core/compress/gzip.ts';
import { zstdStream } from '../../src/core/compress/zstd.ts';
import { scanLayer } from '../../src/core/layers/scan.ts';
import { gzip, chunked, readAll, writeTar } from '../../src/core/tar/testing/write-tar.ts';

async function scanFiles(windowSizes: number[], runs: number): Promise<string[]> {
  const input = document.querySelector('input') as HTMLInputElement;
  const out: string[] = [];
  for (const file of Array.from(input.files ?? [])) {
    for (const w of file.name.endsWith('.tar') ? [...windowSizes, -1] : [0]) {
      let best = Infinity;
      let tarSize = 0;
      let entries = 0;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const s = await scanLayer(new BlobSource(file.name, file), {
          fileName: file.name,
          entryName: file.name,
          uncompressedRead: w < 0 ? 'stream' : 'windows',
          windowSize: w > 0 ? w : undefined,
        });
        best = Math.min(best, performance.now() - t);
        tarSize = s.stats.tarSize;
        entries = s.stats.entryCount;
      }
      const how = w > 0 ? ` (${w >> 20} MiB windows)` : w < 0 ? ' (stream, restarted past payloads ≥ 4 MiB)' : '';
      out.push(`${file.name}${how}: ${(best / 1000).toFixed(2)} s, ${(tarSize / 1e6 / (best / 1000)).toFixed(0)} MB/s of tar, ${entries} entries`);
    }
  }
  return out;
}

async function multiMember(): Promise<string[]> {
  const out: string[] = [];
  const tar = writeTar(Array.from({ length: 200 }, (_, i) => ({ path: `f${i}`, size: (i * 7919) % 20000 })));
  for (const members of [1, 2, 7]) {
    const gz = await gzip(tar, members);
    for (const sizes of [[1], [3, 5], [4096], [1 << 22]]) {
      if (sizes[0] === 1 && members > 2) continue;
      const got = await readAll(gunzip(chunked(gz, sizes)));
      let same = got.length === tar.length;
      for (let i = 0; same && i < got.length; i++) same = got[i] === tar[i];
      out.push(`gunzip ${members} member(s), chunks ${sizes}: ${same ? 'ok' : 'DIFFERENT'}`);
    }
  }
  return out;
}

/** Decompression alone: native pipeThrough against gunzip(); fzstd against libzstd-wasm. Best of `runs`. */
async function decompressCost(runs: number): Promise<string[]> {
  const input = document.querySelector('input') as HTMLInputElement;
  const gz = Array.from(input.files ?? []).find((f) => f.name.endsWith('.gz'));
  const zst = Array.from(input.files ?? []).find((f) => f.name.endsWith('.zst'));
  if (!gz || !zst) return [];
  const drain = async (s: ReadableStream<Uint8Array>) => {
    const r = s.getReader();
    let n = 0;
    for (;;) {
      const { done, value } = await r.read();
      if (done) return n;
      n += value.length;
    }
  };
  const paths: Record<string, () => ReadableStream<Uint8Array>> = {
    [`${gz.name}, pipeThrough(DecompressionStream)`]: () =>
      (gz.stream() as ReadableStream<Uint8Array>).pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>),
    [`${gz.name}, gunzip (split, lock-step)`]: () => gunzip(gz.stream() as ReadableStream<Uint8Array>),
    [`${zst.name}, fzstd (js)`]: () => (zst.stream() as ReadableStream<Uint8Array>).pipeThrough(zstdStream('js')),
    [`${zst.name}, libzstd wasm`]: () => (zst.stream() as ReadableStream<Uint8Array>).pipeThrough(zstdStream('wasm')),
  };
  const out: string[] = [];
  for (const [name, make] of Object.entries(paths)) {
    let best = Infinity;
    let n = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      n = await drain(make());
      best = Math.min(best, performance.now() - t);
    }
    out.push(`decompression only, ${name}: ${(best / 1000).toFixed(2)} s, ${(n / 1e6 / (best / 1000)).toFixed(0)} MB/s of tar`);
  }
  return out;
}

Object.assign(globalThis, { scanFiles, multiMember, decompressCost });
