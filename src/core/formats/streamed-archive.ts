// Reading an archive that is itself compressed (`docker save | gzip`, `podman save | zstd`):
// the outer tar can only be streamed once, and its manifest usually comes after the layers,
// so each member is judged by its first bytes as it streams past: JSON is kept, anything that
// looks like a layer (tar, gzip, zstd) is scanned on the spot, the rest is skipped.

import { looksLikeJson, looksLikeTar, sniffCompression } from '../bytes/sniff.ts';
import type { ByteSource } from '../bytes/source.ts';
import { decompress } from '../compress/decompress.ts';
import { CancelledError, InputError, throwIfAborted } from '../errors.ts';
import { hasData, LOOK_PAST_END, outerArchiveError, outerTarNotes } from './outer-error.ts';
import { LayerScanSink } from '../layers/scan-sink.ts';
import { insideCompressedArchive } from '../layers/hash-mode.ts';
import { scanLayer as defaultScanLayer, type LayerScan } from '../layers/scan.ts';
import type { Compression, ImageArchive } from '../model/image.ts';
import { TarParser, type PayloadSink, type TarEntry } from '../tar/parser.ts';
import { chooseImage, finishArchive } from './assemble.ts';
import { parseConfig } from './config.ts';
import { planArchive } from './detect.ts';
import { memberName, type ArchiveMembers } from './image-plan.ts';
import { filesystemArchive } from './filesystem-tar.ts';
import type { ReadArchiveOptions } from './read-options.ts';
import { withLimits } from '../limits.ts';
import { EntryGuard, StreamGuard } from '../layers/layer-guard.ts';
import { checkLayers, checkPlan, EntryTotal, KeptBudget } from './archive-limits.ts';
import { verifyDigests } from './verify-digests.ts';
import { countedPieces } from '../bytes/counted.ts';
import { TarFormatError } from '../tar/errors.ts';
import { concatBytes } from '../bytes/concat.ts';

const SNIFF_BYTES = 512;

interface Scanned {
  scan: LayerScan;
  size: number;
}

export async function readStreamedArchive(source: ByteSource, outer: Compression, opts: ReadArchiveOptions): Promise<ImageArchive> {
  const { signal, onProgress } = opts;
  const limits = withLimits(opts.limits);
  // Every layer byte goes through the outer decoder anyway: 'auto' hashes every layer here.
  const layerHash = insideCompressedArchive(opts.hash);
  const kept = new Map<string, Uint8Array>();
  const scans = new Map<string, Promise<Scanned>>();
  const files = new Map<string, TarEntry>();
  const budget = new KeptBudget(limits, source.name);
  const guard = new EntryGuard(limits, source.name, null, "the archive's own tar");
  const bomb = new StreamGuard(limits, source.name, null, `the ${outer}-compressed archive`);
  // Every tar-looking member is scanned as it passes, so their entries are held to the total too.
  const total = new EntryTotal(limits, source.name);

  const parser = new TarParser({
    maxMetaSize: limits.maxMetaBytes,
    onEntry: (e: TarEntry): PayloadSink | null => {
      guard.check(e);
      const name = memberName(e.path);
      files.set(name, e);
      if (e.type !== 'file' || e.size === 0) return null;
      return new SniffSink(e.size, (head) => {
        if (looksLikeJson(head)) {
          if (!budget.fits(e.size)) return null;
          budget.take(e.size, name);
          return new KeepSink(e.size, (b) => kept.set(name, b));
        }
        if (sniffCompression(head) === 'none' && !looksLikeTar(head)) return null;
        const sink = new LayerScanSink({ signal, fileName: source.name, entryName: name, hash: layerHash, limits });
        const result = sink.result.then((scan: LayerScan) => {
          total.add(scan.stats.entryCount, name);
          return { scan, size: e.size };
        });
        // Its failure reaches the read through end() below; only a layer of the image is awaited later.
        result.catch(() => {});
        scans.set(name, result);
        return {
          data: (chunk) => sink.data(chunk),
          end: async () => {
            await sink.end();
            await result;
          },
          fail: (err) => sink.fail(err),
        };
      });
    },
  });

  // Compressed bytes the decoder has taken, in small pieces so the bomb check's ratio is true.
  let read = 0;
  const counted = countedPieces(source.stream(0, source.size).getReader(), [], false, (n) => {
    read = n;
    onProgress?.({ phase: 'layers', bytesRead: n, totalBytes: source.size, detail: `reading the ${outer}-compressed archive` });
  });
  const reader = decompress(counted, outer).getReader();
  let out = 0;
  let dataAfterEnd = false;
  try {
    for (;;) {
      if (signal?.aborted) throw new CancelledError();
      const { done, value } = await reader.read();
      if (done) break;
      out += value.length;
      bomb.check(out, read);
      await parser.push(value);
      // Past the end marker: data (not zero padding) there means a size field may have lied.
      const end = parser.endOffset;
      if (end !== null && !dataAfterEnd && out - value.length < end + 512 + LOOK_PAST_END) {
        dataAfterEnd = hasData(value, end + 512 - (out - value.length));
      }
    }
    parser.end();
  } catch (e) {
    await reader.cancel().catch(() => {});
    if (e instanceof TarFormatError && parser.entryCount === 0 && !parser.done) {
      throw new InputError(source.name, null, `is ${outer}-compressed, but what it holds is not a tar: its first header cannot be read (${e.problem})`);
    }
    throw outerArchiveError(e, source.name);
  }
  const notes = outerTarNotes(parser.endOffset, parser.entryCount, dataAfterEnd ? out - (parser.endOffset ?? 0) : 0);
  if (parser.entryCount === 0) throw new InputError(source.name, null, `is ${outer}-compressed, but what it holds is no tar with entries (${out.toLocaleString('en-US')} bytes decompressed)`);

  // Every JSON member planning and config reading use, for the digest check.
  const held: [string, Uint8Array][] = [];
  const members: ArchiveMembers = {
    fileName: source.name,
    has: (p) => files.has(p),
    bytes: (p) => {
      const b = kept.get(p) ?? null;
      if (b) held.push([p, b]);
      return b;
    },
    limits,
  };
  const plan = planArchive(members);
  if (!plan) {
    // A compressed filesystem tar: read it again, this time as one layer.
    const s = await defaultScanLayer(source, { signal, fileName: source.name, entryName: '(the whole archive as one layer)', hash: opts.hash, limits });
    const archive = filesystemArchive(source.name, source.size, s, source.size);
    archive.warnings.push(...notes);
    return archive;
  }
  plan.warnings.push(...notes);
  checkPlan(limits, source.name, plan);
  const configs = plan.images.map((img) => {
    const bytes = kept.get(img.configPath);
    if (!bytes) {
      const why = files.has(img.configPath) ? 'is not JSON, or too large to be a config' : 'is not in the archive';
      throw new InputError(source.name, img.configPath, `the config of ${img.origin} ${why}`);
    }
    held.push([img.configPath, bytes]);
    return parseConfig(source.name, img.configPath, bytes, limits);
  });
  const chosenImage = chooseImage(source.name, plan, configs, opts);
  const chosen = chosenImage.plan;
  checkLayers(limits, source.name, chosen);
  plan.warnings.push(...(await verifyDigests(held)));
  throwIfAborted(signal);
  const blobs = await Promise.all(
    chosen.layers.map((l) => {
      const s = scans.get(l.path);
      if (!s) throw new InputError(source.name, l.path, `layer of ${chosen.origin} is not in the archive, or is not a tar`);
      return s;
    }),
  );
  return finishArchive(source, plan, chosenImage, blobs);
}

/** Collects a member's bytes whole (small JSON only). */
class KeepSink implements PayloadSink {
  private buf: Uint8Array;
  private n = 0;
  constructor(
    size: number,
    private readonly done: (bytes: Uint8Array) => void,
  ) {
    this.buf = new Uint8Array(size);
  }
  data(chunk: Uint8Array): void {
    this.buf.set(chunk.subarray(0, this.buf.length - this.n), this.n);
    this.n += chunk.length;
  }
  end(): void {
    this.done(this.buf.subarray(0, Math.min(this.n, this.buf.length)));
  }
}

/** Holds the first bytes of a member until it can tell what it is, then hands over to a real sink. */
class SniffSink implements PayloadSink {
  private head: Uint8Array[] = [];
  private headLen = 0;
  private next: PayloadSink | null | undefined;
  constructor(
    private readonly size: number,
    private readonly choose: (head: Uint8Array) => PayloadSink | null,
  ) {}

  async data(chunk: Uint8Array): Promise<void> {
    if (this.next === null) return;
    if (this.next) return this.next.data(chunk);
    this.head.push(chunk.slice());
    this.headLen += chunk.length;
    if (this.headLen >= Math.min(SNIFF_BYTES, this.size)) await this.decide();
  }

  async end(): Promise<void> {
    if (this.next === undefined) await this.decide();
    if (this.next) await this.next.end();
  }

  private async decide(): Promise<void> {
    const head = concatBytes(this.head, this.headLen);
    this.head = [];
    this.next = this.choose(head);
    if (this.next) await this.next.data(head);
  }
}
