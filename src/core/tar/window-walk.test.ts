import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MemorySource, type ByteSource } from '../bytes/source.ts';
import { CancelledError } from '../errors.ts';
import { TarParser, type TarEntry } from './parser.ts';
import { TarFormatError } from './errors.ts';
import { walkStream, walkTarIndex, walkWindows } from './window-walk.ts';
import { writeTar, type EntrySpec } from './testing/write-tar.ts';

/** Counts reads, to check that big payloads are jumped over rather than read. */
class CountingSource implements ByteSource {
  reads: [number, number][] = [];
  constructor(private readonly inner: MemorySource) {}
  get name() {
    return this.inner.name;
  }
  get size() {
    return this.inner.size;
  }
  read(offset: number, length: number) {
    this.reads.push([offset, length]);
    return this.inner.read(offset, length);
  }
  stream(offset: number, length: number) {
    return this.inner.stream(offset, length);
  }
}

/** The reference: every byte pushed, in one go. */
function streamedEntries(tar: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  const p = new TarParser({ onEntry: (e) => void out.push(e) });
  p.push(tar);
  p.end();
  return out;
}

const specArb: fc.Arbitrary<EntrySpec> = fc.record({
  path: fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8}){0,3}$/),
  type: fc.constantFrom('file', 'file', 'file', 'dir', 'symlink', 'hardlink', 'fifo'),
  size: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 40_000 })),
  linkname: fc.constant('target'),
});

describe('walkWindows', () => {
  it('equals the streamed walk over random archives and window sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(specArb, { maxLength: 30 }),
        fc.constantFrom(512, 1024, 4096, 10_000, 65_536),
        fc.boolean(),
        async (specs, windowSize, longNames) => {
          const tar = writeTar(
            specs.map((s, i) => (longNames && i % 3 === 0 ? { ...s, path: `${s.path}/${'l'.repeat(120)}` } : s)),
            { longNames: 'gnu' },
          );
          const got = await walkTarIndex(new MemorySource('t.tar', tar), { windowSize });
          expect(got.entries).toEqual(streamedEntries(tar));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('walkStream equals the streamed walk too, whatever the jump threshold and chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(specArb, { maxLength: 30 }),
        fc.constantFrom(1, 512, 5000, 1 << 20),
        fc.constantFrom(100, 4096, 65_536),
        async (specs, jumpOver, chunk) => {
          const tar = writeTar(specs);
          const mem = new MemorySource('t.tar', tar);
          const src: ByteSource = { name: 't', size: tar.length, read: (o, l) => mem.read(o, l), stream: (o, l) => mem.stream(o, l, chunk) };
          const out: TarEntry[] = [];
          const p = new TarParser({ onEntry: (e) => void out.push(e) });
          await walkStream(src, p, { jumpOver });
          expect(out).toEqual(streamedEntries(tar));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('walkStream starts a new stream past big payloads instead of reading them', async () => {
    const tar = writeTar([{ path: 'big1', size: 5 << 20 }, { path: 'small', size: 10 }, { path: 'big2', size: 9 << 20 }, { path: 'last', size: 1 }]);
    const mem = new MemorySource('t.tar', tar);
    const streams: number[] = [];
    let streamed = 0;
    const src: ByteSource = {
      name: 't',
      size: tar.length,
      read: (o, l) => mem.read(o, l),
      stream(o, l) {
        streams.push(o);
        const r = mem.stream(o, l, 65_536).getReader();
        return new ReadableStream<Uint8Array>({
          async pull(c) {
            const { done, value } = await r.read();
            if (done) return c.close();
            streamed += value.length;
            c.enqueue(value);
          },
          cancel: (why) => r.cancel(why),
        });
      },
    };
    const seen: string[] = [];
    await walkStream(src, new TarParser({ onEntry: (e) => void seen.push(e.path) }), { jumpOver: 4 << 20 });
    expect(seen).toEqual(['big1', 'small', 'big2', 'last']);
    expect(streams).toEqual([0, 512 + (5 << 20), 512 + (5 << 20) + 1536 + (9 << 20)]);
    expect(streamed).toBeLessThan(1 << 20);
  });

  it('jumps over payloads larger than the window instead of reading them', async () => {
    const tar = writeTar([{ path: 'big1', size: 3 << 20 }, { path: 'small', size: 10 }, { path: 'big2', size: 5 << 20 }, { path: 'last', size: 1 }]);
    const src = new CountingSource(new MemorySource('t.tar', tar));
    const seen: string[] = [];
    const bytesSeen: number[] = [];
    const parser = new TarParser({ onEntry: (e) => void seen.push(e.path) });
    const consumed = await walkWindows(src, parser, { windowSize: 1 << 20, onBytes: (n) => bytesSeen.push(n) });
    expect(seen).toEqual(['big1', 'small', 'big2', 'last']);
    const bytesRead = src.reads.reduce((n, [o, l]) => n + Math.min(l, tar.length - o), 0);
    expect(bytesRead).toBeLessThan(3 << 20);
    expect(src.reads.length).toBe(3);
    expect(consumed).toBeGreaterThan((8 << 20) + 1536);
    expect(bytesSeen.at(-1)).toBe(consumed);
  });

  it('throws TarFormatError when the source stops inside an entry', async () => {
    const tar = writeTar([{ path: 'big', size: 3 << 20 }]);
    const cut = new MemorySource('t.tar', tar.subarray(0, 2 << 20));
    await expect(walkTarIndex(cut, { windowSize: 1 << 20 })).rejects.toThrow(TarFormatError);
    await expect(walkTarIndex(cut, { windowSize: 1 << 20 })).rejects.toThrow(`truncated: ended inside entry big at byte ${2 << 20}`);
  });

  it('stops with CancelledError when the signal fires', async () => {
    const tar = writeTar(Array.from({ length: 50 }, (_, i) => ({ path: `f${i}`, size: 2000 })));
    const ac = new AbortController();
    const p = walkTarIndex(new MemorySource('t.tar', tar), { windowSize: 4096, signal: ac.signal, onBytes: () => ac.abort() });
    await expect(p).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('walkTarIndex', () => {
  it('keeps whole payloads of chosen entries, even across windows', async () => {
    const manifest = JSON.stringify([{ Config: 'c.json', Layers: ['l/layer.tar'] }]);
    const config = JSON.stringify({ pad: 'x'.repeat(5000) });
    const tar = writeTar([
      { path: 'l/layer.tar', size: 70_000 },
      { path: 'c.json', data: config },
      { path: 'manifest.json', data: manifest },
    ]);
    const idx = await walkTarIndex(new MemorySource('t.tar', tar), { windowSize: 1024, keep: (e) => e.path.endsWith('.json') });
    expect(idx.entries.map((e) => e.path)).toEqual(['l/layer.tar', 'c.json', 'manifest.json']);
    expect([...idx.kept.keys()]).toEqual(['c.json', 'manifest.json']);
    expect(new TextDecoder().decode(idx.kept.get('c.json'))).toBe(config);
    expect(JSON.parse(new TextDecoder().decode(idx.kept.get('manifest.json')))).toEqual(JSON.parse(manifest));
  });
});
