// What a drop of several files or folders means: a Dockerfile to simulate with the dropped folder
// as its build context, and an image archive dropped beside it as its exact base; or, when no
// Dockerfile is among them, one image to read. Archives are told by their first bytes
// (sniff.ts), Dockerfiles by their name (there is no magic number for a Dockerfile).

import { looksLikeTar, sniffCompression } from '../../core/bytes/sniff.ts';
import type { ContextFile, WireContext } from '../../worker/file-context.ts';

/** A dropped or picked file with its path from the drop ("app/site/index.html"; "Dockerfile" when dropped loose). */
export type DroppedFile = ContextFile;

export type DropPlan =
  | { kind: 'dockerfile'; text: string; name: string; context: WireContext; base: File | null }
  | { kind: 'image'; file: File };

/** Dockerfile, Containerfile, app.Dockerfile, Dockerfile.dev; not an archive named after one. */
export function isDockerfileName(name: string): boolean {
  return /(^|[./_-])(docker|container)file($|[._-])/i.test(name) && !/\.(tar|gz|tgz|zst)$/i.test(name);
}

/**
 * The largest text simulated as a Dockerfile. Real ones are a few KB; the simulator's own limits
 * (maxInstructions, maxScriptBytes, BuildKit's line length) handle a hostile 10 MB one within a
 * second or two; past this the text alone would cost more memory than it is worth.
 */
export const MAX_DOCKERFILE = 16 << 20;

/** True when the bytes say image archive (gzip, zstd, tar), whatever the name says. */
export async function isArchive(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  return sniffCompression(head) !== 'none' || looksLikeTar(head);
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const depth = (path: string) => path.split('/').length;
/** Dockerfile before Containerfile before the others (app.Dockerfile), the shallowest first. */
const rank = (path: string) => depth(path) * 3 + (baseName(path) === 'Dockerfile' ? 0 : baseName(path) === 'Containerfile' ? 1 : 2);

export async function planDrop(dropped: readonly DroppedFile[]): Promise<DropPlan | null> {
  if (dropped.length === 0) return null;
  const named = dropped.filter((d) => isDockerfileName(baseName(d.path)) && d.file.size < MAX_DOCKERFILE);
  named.sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : 1));
  const first = named[0];
  if (!first) {
    // No Dockerfile: the first image archive is read, as a single drop would be.
    for (const d of dropped) if (await isArchive(d.file)) return { kind: 'image', file: d.file };
    return { kind: 'image', file: dropped[0].file };
  }
  const text = await first.file.text();
  // Only a file dropped loose (not inside a dropped folder) can be the base, and not one the
  // Dockerfile copies (an ADD-ed vendor.tar.gz dropped with the rest is context, not a base).
  const loose = dropped.filter((d) => !d.path.includes('/') && d !== first && !text.includes(d.path));
  const archives: DroppedFile[] = [];
  for (const d of loose) if (await isArchive(d.file)) archives.push(d);
  // Two candidates: which one is the base is not ours to guess; both stay in the context.
  const base = archives.length === 1 ? archives[0] : null;
  const files = dropped.filter((d) => d !== base);
  // One folder dropped (or picked) on its own is the context root, as `docker build DIR`.
  const top = files[0].path.split('/')[0];
  const oneFolder = files.every((d) => d.path.startsWith(`${top}/`));
  const context: WireContext = oneFolder
    ? { name: top, files: files.map((d) => ({ path: d.path.slice(top.length + 1), file: d.file })) }
    : { name: 'the dropped files', files };
  const name = oneFolder ? first.path.slice(top.length + 1) : first.path;
  return { kind: 'dockerfile', text, name, context, base: base?.file ?? null };
}
