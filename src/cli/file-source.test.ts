// FileSource against the bytes it was written from: reads and streams of every kind of range,
// fresh buffers, concurrent use, close, and a file that shrinks under a stream.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { FileSource, withFileSource } from './file-source.ts';

let dir: string;
let path: string;
// Not a multiple of any chunk size, and larger than the 1 MiB default chunk.
const SIZE = 3 * (1 << 20) + 12_345;
const bytes = new Uint8Array(SIZE);

beforeAll(async () => {
  let x = 0x9e3779b9;
  for (let i = 0; i < SIZE; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  dir = await mkdtemp(join(tmpdir(), 'file-source-'));
  path = join(dir, 'data.bin');
  await writeFile(path, bytes);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function drain(s: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = s.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

/** Byte equality via memcmp: vitest's toEqual walks a typed array element by element, far too slowly for MiBs. */
function expectBytes(got: Uint8Array, want: Uint8Array): void {
  expect(got.length).toBe(want.length);
  expect(Buffer.compare(got, want)).toBe(0);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

describe('FileSource', () => {
  it('knows its name and size', async () => {
    await withFileSource(path, async (src) => {
      expect(src.size).toBe(SIZE);
      expect(src.name).toBe('data.bin');
    });
    await withFileSource(path, async (src) => expect(src.name).toBe('layer.tar'), 'layer.tar');
  });

  it('reads any range like a slice of the file, clipped to the end', async () => {
    const src = await FileSource.open(path);
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: SIZE + 10 }), fc.integer({ min: 0, max: 2 * (1 << 20) }), async (off, len) => {
          const got = await src.read(off, len);
          expectBytes(got, bytes.slice(Math.min(off, SIZE), Math.min(SIZE, off + len)));
        }),
        { numRuns: 60 },
      );
      expect((await src.read(SIZE, 100)).length).toBe(0);
      expect((await src.read(SIZE - 1, 100)).length).toBe(1);
    } finally {
      await src.close();
    }
  });

  it('returns fresh buffers the caller may keep', async () => {
    await withFileSource(path, async (src) => {
      const a = await src.read(0, 16);
      const b = await src.read(0, 16);
      expect(a.buffer).not.toBe(b.buffer);
      expect(a.byteOffset).toBe(0);
      expect(a.buffer.byteLength).toBe(16);
      a.fill(0);
      expectBytes(b, bytes.slice(0, 16));
    });
  });

  it('streams a range in chunks of the asked size, each a fresh buffer', async () => {
    await withFileSource(path, async (src) => {
      const off = 1000;
      const len = SIZE - 2000;
      const chunks = await drain(src.stream(off, len, 1 << 18));
      expectBytes(concat(chunks), bytes.slice(off, off + len));
      for (const c of chunks.slice(0, -1)) expect(c.length).toBe(1 << 18);
      expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    });
  });

  it('streams the whole file with the default chunk, and ranges past the end as empty', async () => {
    await withFileSource(path, async (src) => {
      const chunks = await drain(src.stream(0, src.size));
      expect(chunks.length).toBe(4);
      expectBytes(concat(chunks), bytes);
      expect(await drain(src.stream(SIZE, 10))).toEqual([]);
      expectBytes(concat(await drain(src.stream(SIZE - 5, 100))), bytes.slice(SIZE - 5));
    });
  });

  it('serves concurrent reads and streams on one handle', async () => {
    await withFileSource(path, async (src) => {
      const [s1, s2, r] = await Promise.all([
        drain(src.stream(0, SIZE, 100_000)).then(concat),
        drain(src.stream(5, SIZE)).then(concat),
        Promise.all([0, 7, 1 << 20, SIZE - 3].map((o) => src.read(o, 70_000))),
      ]);
      expectBytes(s1, bytes);
      expectBytes(s2, bytes.slice(5));
      expectBytes(r[2], bytes.slice(1 << 20, (1 << 20) + 70_000));
      expectBytes(r[3], bytes.slice(SIZE - 3));
    });
  });

  it('stops reading when a stream is cancelled', async () => {
    await withFileSource(path, async (src) => {
      const reader = src.stream(0, SIZE).getReader();
      const first = await reader.read();
      expectBytes(first.value!, bytes.slice(0, 1 << 20));
      await reader.cancel();
      expect((await reader.read()).done).toBe(true);
    });
  });

  it('rejects bad ranges and use after close', async () => {
    const src = await FileSource.open(path);
    await expect(src.read(-1, 10)).rejects.toThrow(RangeError);
    await expect(src.read(0, 1.5)).rejects.toThrow(RangeError);
    expect(() => src.stream(0, 10, 0)).toThrow(RangeError);
    await src.close();
    expect(src.closed).toBe(true);
    await src.close();
    await expect(src.read(0, 10)).rejects.toThrow(/read after close/);
  });

  it('closes the handle even when the callback throws', async () => {
    let seen: FileSource | null = null;
    await expect(
      withFileSource(path, async (src) => {
        seen = src;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(seen!.closed).toBe(true);
  });

  it('fails to open a directory or a missing file', async () => {
    await expect(FileSource.open(dir)).rejects.toThrow(/not a regular file/);
    await expect(FileSource.open(join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });

  it('errors a stream when the file shrinks under it, and short-reads instead of failing', async () => {
    const p = join(dir, 'shrinks.bin');
    await writeFile(p, bytes);
    await withFileSource(p, async (src) => {
      await truncate(p, 1 << 19);
      await expect(drain(src.stream(0, src.size))).rejects.toThrow(/file ended at byte 524288, expected/);
      expectBytes(await src.read(0, src.size), bytes.slice(0, 1 << 19));
    });
  });
});
