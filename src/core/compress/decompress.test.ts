import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decompress, DecompressError } from './decompress.ts';
import { zstdStream } from './zstd.ts';
import { gunzip } from './gzip.ts';
import { chunked, gzip, pattern, readAll, writeTar } from '../tar/testing/write-tar.ts';

const twoFrames = new Uint8Array(readFileSync(new URL('./testdata/two-frames.tar.zst', import.meta.url)));

/** Byte equality via Buffer (vitest's deep equality walks typed arrays element by element: slow). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);

function sha(bytes: Uint8Array): Promise<string> {
  return crypto.subtle.digest('SHA-256', bytes as BufferSource).then((d) => Buffer.from(d).toString('hex'));
}

describe('decompress: none', () => {
  it('passes bytes through', async () => {
    const b = pattern(5000);
    expect(same(await readAll(decompress(chunked(b, [100]), 'none')), b)).toBe(true);
  });
});

describe('decompress: gzip', () => {
  const tar = writeTar(Array.from({ length: 30 }, (_, i) => ({ path: `f${i}`, size: i * 333 })));
  it('decodes a single member', async () => {
    const gz = await gzip(tar);
    expect(same(await readAll(decompress(chunked(gz, [777]), 'gzip')), tar)).toBe(true);
  });
  it('decodes multi-member gzip as one stream', async () => {
    const gz = await gzip(tar, 3);
    expect(same(await readAll(decompress(chunked(gz, [1, 50, 4096]), 'gzip')), tar)).toBe(true);
  });
  it('reports corrupt data as DecompressError', async () => {
    const gz = await gzip(tar);
    gz.fill(0x55, 100, 400);
    const err = await readAll(decompress(chunked(gz, [128]), 'gzip')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DecompressError);
    expect((err as DecompressError).message).toMatch(/^gzip: corrupt data near compressed byte \d+/);
  });
  it('reports a truncated stream', async () => {
    const gz = await gzip(tar);
    await expect(readAll(decompress(chunked(gz.subarray(0, gz.length - 20), [4096]), 'gzip'))).rejects.toBeInstanceOf(DecompressError);
  });
});

// The member-splitting path Chromium needs (its DecompressionStream stops after one member);
// Node decodes members natively, so here it checks the splitting, carrying and draining.
describe('gunzip, split into members', () => {
  const tar = writeTar(Array.from({ length: 40 }, (_, i) => ({ path: `f${i}`, size: (i * 7919) % 9000 })));
  it('decodes 1, 2 and 5 members under any chunking', async () => {
    for (const members of [1, 2, 5]) {
      const gz = await gzip(tar, members);
      for (const sizes of members === 2 ? [[1], [2, 3], [100], [1 << 20]] : [[7, 3], [1 << 20]]) {
        expect(same(await readAll(gunzip(chunked(gz, sizes))), tar)).toBe(true);
      }
    }
  });
  it('rejects corrupt and truncated input', async () => {
    const gz = await gzip(tar, 2);
    const bad = gz.slice();
    bad.fill(0x55, 100, 400);
    await expect(readAll(gunzip(chunked(bad, [4096])))).rejects.toThrow(/^gzip: corrupt data near compressed byte \d+/);
    await expect(readAll(gunzip(chunked(gz.subarray(0, gz.length - 7), [4096])))).rejects.toBeInstanceOf(DecompressError);
  });
});

describe.each(['wasm', 'js'] as const)('zstdStream(%s)', (impl) => {
  const run = (bytes: Uint8Array, sizes: number[]) => readAll(chunked(bytes, sizes).pipeThrough(zstdStream(impl)));
  it('decodes two frames around a skippable frame', async () => {
    for (const sizes of [[1], [7, 3], [4096]]) expect((await run(twoFrames, sizes)).length).toBe(266240);
  });
  it('rejects corrupt, truncated and empty input', async () => {
    const bad = twoFrames.slice();
    bad.fill(0xff, 300, 340);
    await expect(run(bad, [64])).rejects.toThrow(/^zstd: corrupt data near compressed byte \d+ \(corrupt frame/);
    await expect(run(twoFrames.subarray(0, twoFrames.length - 10), [512])).rejects.toThrow(/truncated/);
    await expect(run(new Uint8Array(0), [1])).rejects.toThrow(/empty input/);
    // a bad magic number
    await expect(run(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), [4])).rejects.toBeInstanceOf(DecompressError);
  });
});

describe('decompress: zstd', () => {
  // sha256 of the tar inside two-frames.tar.zst (`zstd -dc two-frames.tar.zst | sha256sum`)
  const want = 'cd4eeca4cc6240ecac532a44b06e366ba7045a690e491bd65a5b06efd7dfff37';
  it.each([[[1]], [[7, 3]], [[100]], [[4096]], [[1 << 20]]])('decodes two frames around a skippable frame, chunks %j', async (sizes) => {
    const out = await readAll(decompress(chunked(twoFrames, sizes), 'zstd'));
    expect(out.length).toBe(266240);
    expect(await sha(out)).toBe(want);
  });
  it('reports a corrupt frame with its compressed offset', async () => {
    const bad = twoFrames.slice();
    bad.fill(0xff, 300, 340); // inside the second frame
    const err = await readAll(decompress(chunked(bad, [64]), 'zstd')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DecompressError);
    expect((err as Error).message).toMatch(/^zstd: corrupt data near compressed byte \d+/);
  });
  it('reports a truncated stream', async () => {
    const err = await readAll(decompress(chunked(twoFrames.subarray(0, twoFrames.length - 10), [512]), 'zstd')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DecompressError);
  });
});
