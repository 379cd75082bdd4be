// What each side of a comparison can be, and how it is loaded: a built-in example (an image
// archive read by the analyze worker, or a Dockerfile simulated by the simulate worker), the image
// already on screen, or a file the person picks. Each side has its own analyze worker, so the two
// load side by side.

import { simulatedLayerKeys } from '../../../core/analysis/compare.ts';
import type { ImageArchive } from '../../../core/model/image.ts';
import type { SimulatedImage } from '../../../core/simulate/types.ts';
import { AnalyzerClient, type ReadError } from '../../store/analyzer-client.ts';
import { EXAMPLES, exampleUrl, type Example } from '../../store/examples.ts';
import { simulator } from '../../store/share-slice.ts';
import { SimulateFailed } from '../../store/simulate-client.ts';
import { useApp } from '../../store/store.ts';

export type Source = { kind: 'example'; name: string } | { kind: 'current' } | { kind: 'file'; file: File };

export interface Loaded {
  label: string;
  archive: ImageArchive;
  /** one key per layer: diffID for images, the build cache key for simulated Dockerfiles */
  keys: (string | null)[];
}

const clients = { a: new AnalyzerClient(), b: new AnalyzerClient() };

/** A Dockerfile by name (Dockerfile, Containerfile, app.Dockerfile, Dockerfile.dev). */
export function looksLikeDockerfile(name: string): boolean {
  return /(^|[./_-])(docker|container)file($|[._-])/i.test(name);
}

export function keysOf(archive: ImageArchive): (string | null)[] {
  if (archive.input.format === 'dockerfile' && 'steps' in archive) return simulatedLayerKeys(archive as SimulatedImage);
  return archive.image.layers.map((l) => l.diffId);
}

function readImage(side: 'a' | 'b', blob: Blob, name: string): Promise<ImageArchive> {
  // The page's read options (hash mode, raised limits) apply to both sides too.
  const { hashMode, raisedLimits } = useApp.getState();
  return new Promise((resolve, reject) =>
    clients[side].read(blob, name, { hash: hashMode, limits: raisedLimits }, {
      onProgress: () => undefined,
      onResult: (archive) => resolve(archive),
      onError: (e) => reject(new SimulateFailed(e)),
    }),
  );
}

async function simulateText(text: string, name: string): Promise<ImageArchive> {
  return (await simulator.simulate(text, name)).image;
}

async function fromExample(side: 'a' | 'b', e: Example): Promise<ImageArchive> {
  const res = await fetch(exampleUrl(e, document.baseURI));
  if (!res.ok) throw new Error(`could not download the example: HTTP ${res.status}`);
  return e.kind === 'dockerfile' ? simulateText(await res.text(), e.file) : readImage(side, await res.blob(), e.file);
}

export async function loadSource(side: 'a' | 'b', source: Source, current: ImageArchive | null): Promise<Loaded> {
  let archive: ImageArchive;
  let label: string;
  if (source.kind === 'current') {
    if (!current) throw new Error('no image is on screen');
    archive = current;
    label = current.input.name;
  } else if (source.kind === 'example') {
    const e = EXAMPLES.find((x) => x.name === source.name);
    if (!e) throw new Error(`there is no built-in example "${source.name}"`);
    archive = await fromExample(side, e);
    label = e.name;
  } else {
    const f = source.file;
    archive = looksLikeDockerfile(f.name) ? await simulateText(await f.text(), f.name) : await readImage(side, f, f.name);
    label = f.name;
  }
  return { label, archive, keys: keysOf(archive) };
}

export function problemOf(e: unknown): ReadError | string {
  return e instanceof SimulateFailed ? e.error : e instanceof Error ? e.message : String(e);
}

export function exampleChoices(): { name: string; kind: 'image' | 'dockerfile' }[] {
  return EXAMPLES.map((e) => ({ name: e.name, kind: e.kind ?? 'image' }));
}
