// Reads an image archive into the model: detects the layout by content (never by file name),
// picks the image to show, reads its config and scans its layers.
//
// Two ways through an archive:
// - uncompressed (the usual `docker save`, `skopeo copy oci-archive:`): index the outer tar by
//   walking its headers in large windows and jumping over payloads, then read only the members
//   the chosen image needs, each layer as a slice of the file (random access, several at once);
// - compressed (`docker save | gzip`): nothing can be read twice, so every member is handled as
//   it streams past: small JSON kept, every layer-looking blob scanned on the spot.

import { sniffCompression, looksLikeTar } from '../bytes/sniff.ts';
import { SliceSource, type ByteSource } from '../bytes/source.ts';
import { InputError, throwIfAborted } from '../errors.ts';
import { scanLayer as defaultScanLayer, type LayerScan } from '../layers/scan.ts';
import { hasData, LOOK_PAST_END, outerArchiveError, outerTarNotes } from './outer-error.ts';
import type { ImageArchive } from '../model/image.ts';
import { walkTarIndex } from '../tar/window-walk.ts';
import type { TarEntry } from '../tar/parser.ts';
import { chooseImage, finishArchive, type ScannedBlob } from './assemble.ts';
import { parseConfig } from './config.ts';
import { planArchive } from './detect.ts';
import { memberName, type ArchiveMembers } from './image-plan.ts';
import { readStreamedArchive } from './streamed-archive.ts';
import { filesystemArchive } from './filesystem-tar.ts';
import type { ReadArchiveOptions } from './read-options.ts';
import { withLimits } from '../limits.ts';
import { EntryGuard } from '../layers/layer-guard.ts';
import { checkJsonSize, checkLayers, checkPlan, EntryTotal, KeptBudget } from './archive-limits.ts';
import { verifyDigests } from './verify-digests.ts';

export type { ReadArchiveOptions } from './read-options.ts';


/** Small members worth keeping while indexing: manifests, indexes, configs (JSON up to Limits.maxJsonBytes). */
const KEEP_BLOB_MAX = 256 << 10;

function keepMember(e: TarEntry, budget: KeptBudget): boolean {
  if (e.type !== 'file') return false;
  const name = memberName(e.path);
  const keep =
    name.endsWith('.json') || name === 'oci-layout' || name === 'repositories'
      ? budget.fits(e.size)
      : name.startsWith('blobs/') && e.size <= KEEP_BLOB_MAX;
  if (keep) budget.take(e.size, name);
  return keep;
}

export async function readArchive(source: ByteSource, opts: ReadArchiveOptions = {}): Promise<ImageArchive> {
  if (source.size === 0) throw new InputError(source.name, null, 'is empty (0 bytes)');
  const head = await source.read(0, 1024);
  const outer = sniffCompression(head);
  if (outer !== 'none') return readStreamedArchive(source, outer, opts);
  if (!looksLikeTar(head)) {
    const hex = Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new InputError(
      source.name,
      null,
      `is not an image archive: it is neither a tar nor a gzip/zstd stream (it starts with bytes ${hex}). ` +
        'Save an image with `docker save IMAGE -o image.tar` or `skopeo copy … oci-archive:image.tar`.',
    );
  }
  return readIndexedArchive(source, opts);
}

async function readIndexedArchive(source: ByteSource, opts: ReadArchiveOptions): Promise<ImageArchive> {
  const { signal, onProgress } = opts;
  const limits = withLimits(opts.limits);
  const budget = new KeptBudget(limits, source.name);
  const guard = new EntryGuard(limits, source.name, null, "the archive's own tar", false);
  const { entries, kept, end } = await walkTarIndex(source, {
    signal,
    keep: (e) => keepMember(e, budget),
    check: (e) => guard.check(e),
    maxMetaSize: limits.maxMetaBytes,
    onBytes: (n) => onProgress?.({ phase: 'index', bytesRead: n, totalBytes: source.size }),
  }).catch((e: unknown) => {
    throw outerArchiveError(e, source.name);
  });
  const byName = new Map<string, TarEntry>();
  for (const e of entries) byName.set(memberName(e.path), e);
  const keptByName = new Map<string, Uint8Array>();
  for (const [raw, bytes] of kept) keptByName.set(memberName(raw), bytes);

  // Old `docker save` links duplicate layer.tar members to the first copy: follow links.
  const resolve = (name: string): TarEntry | undefined => {
    let e = byName.get(name);
    for (let hops = 0; e && (e.type === 'symlink' || e.type === 'hardlink') && hops < 8; hops++) {
      const target = e.type === 'hardlink' ? memberName(e.linkname) : joinMember(name, e.linkname);
      name = target;
      e = byName.get(target);
    }
    return e && e.type === 'file' ? e : undefined;
  };
  // Every JSON member planning and config reading use, for the digest check.
  const held: [string, Uint8Array][] = [];
  const members: ArchiveMembers = {
    fileName: source.name,
    has: (p) => resolve(p) !== undefined,
    bytes: (p) => {
      const b = keptByName.get(p) ?? null;
      if (b) held.push([p, b]);
      return b;
    },
    limits,
  };

  const past = end === null ? null : await source.read(end + 512, LOOK_PAST_END);
  const notes = outerTarNotes(end, entries.length, end !== null && past && hasData(past) ? source.size - end : 0);
  const plan = planArchive(members);
  if (!plan) return readFilesystemTar(source, opts, notes);
  plan.warnings.push(...notes);
  checkPlan(limits, source.name, plan);

  const readMember = async (path: string, what: string): Promise<Uint8Array> => {
    const have = keptByName.get(path);
    if (have) return have;
    const e = resolve(path);
    if (!e) throw new InputError(source.name, path, `${what} is not in the archive`);
    checkJsonSize(limits, source.name, path, e.size);
    return source.read(e.dataOffset, e.size);
  };

  // Configs are small: read them all so the picker can show every image's platform.
  const configs = await Promise.all(
    plan.images.map(async (img) => {
      const bytes = await readMember(img.configPath, `the config of ${img.origin}`);
      held.push([img.configPath, bytes]);
      return parseConfig(source.name, img.configPath, bytes, limits);
    }),
  );
  const chosenImage = chooseImage(source.name, plan, configs, opts);
  const chosen = chosenImage.plan;
  checkLayers(limits, source.name, chosen);
  plan.warnings.push(...(await verifyDigests(held)));
  throwIfAborted(signal);

  const scan = opts.scanLayer ?? defaultScanLayer;
  const blobEntries = chosen.layers.map((l) => {
    const e = resolve(l.path);
    if (!e) throw new InputError(source.name, l.path, `layer of ${chosen.origin} is not in the archive`);
    return e;
  });
  const totalBytes = blobEntries.reduce((s, e) => s + e.size, 0);
  const done = new Array<number>(blobEntries.length).fill(0);
  const report = (i: number, n: number): void => {
    done[i] = n;
    onProgress?.({ phase: 'layers', bytesRead: done.reduce((a, b) => a + b, 0), totalBytes, detail: `${blobEntries.length} layers` });
  };
  // One scan per distinct blob: an image may list the same layer twice.
  const byOffset = new Map<number, Promise<LayerScan>>();
  const limit = opts.scanLayer ? blobEntries.length : Math.max(1, opts.concurrency ?? 1);
  const queue = runLimited(limit);
  const total = new EntryTotal(limits, source.name);
  // The first layer that fails stops the others, so no scan runs on after the read is over.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const blobs: ScannedBlob[] = await Promise.all(
      blobEntries.map(async (e, i) => {
        let p = byOffset.get(e.dataOffset);
        if (!p) {
          const slice = new SliceSource(source.name, source, e.dataOffset, e.size);
          const entryName = chosen.layers[i].path;
          p = queue(() => scan(slice, { signal: stop.signal, fileName: source.name, entryName, onBytes: (n) => report(i, n), hash: opts.hash, limits }));
          byOffset.set(e.dataOffset, p);
        }
        const s = await p;
        total.add(s.stats.entryCount, chosen.layers[i].path);
        report(i, e.size);
        return { scan: s, size: e.size };
      }),
    );
    return finishArchive(source, plan, chosenImage, blobs);
  } catch (e) {
    stop.abort();
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** A tar with no manifest: a filesystem export (`docker export`), read as a one-layer image. */
async function readFilesystemTar(source: ByteSource, opts: ReadArchiveOptions, notes: string[] = []): Promise<ImageArchive> {
  const scan = opts.scanLayer ?? defaultScanLayer;
  const s = await scan(source, {
    signal: opts.signal,
    fileName: source.name,
    entryName: '(the whole archive as one layer)',
    onBytes: (n) => opts.onProgress?.({ phase: 'layers', bytesRead: n, totalBytes: source.size }),
    hash: opts.hash,
    limits: withLimits(opts.limits),
  });
  const archive = filesystemArchive(source.name, source.size, s, source.size);
  archive.warnings.push(...notes);
  return archive;
}

function joinMember(from: string, link: string): string {
  if (link.startsWith('/')) return memberName(link);
  const parts = from.split('/').slice(0, -1);
  for (const seg of link.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** A tiny concurrency limiter: at most `n` tasks run at once, in submission order. */
function runLimited(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= n) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
