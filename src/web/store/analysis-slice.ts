// The read of one input: which file, how far the worker has got, the archive it produced or the
// error it hit. Actions read getState() when they fire (STYLE.md #8); the worker client is
// module-level because a Worker is not state to render.

import type { StateCreator } from 'zustand';
import type { ImageArchive } from '../../core/model/image.ts';
import type { Progress } from '../../core/progress.ts';
import { AnalyzerClient, type ReadError, type ReadOptions } from './analyzer-client.ts';
import { formatBytes } from '../../core/text/units.ts';
import { isArchive, isDockerfileName, MAX_DOCKERFILE, planDrop, type DroppedFile } from './drop-plan.ts';
import { exampleUrl, findExample } from './examples.ts';
import { imageQuery } from './image-query.ts';
import { ProgressTracker } from './progress.ts';
import type { AppState } from './store.ts';

export type ReadStatus = 'idle' | 'reading' | 'done' | 'error';

export interface InputFile {
  blob: Blob;
  name: string;
  /** the built-in example it came from, if any */
  example: string | null;
}

export interface AnalysisSlice {
  input: InputFile | null;
  status: ReadStatus;
  /** the last report (bytes read of the phase's total); null before the first */
  progress: Progress | null;
  /** 0–100 over the whole read, never backwards (progress.ts) */
  percent: number;
  archive: ImageArchive | null;
  /** the image chosen in the picker (index in archive.images); null: the archive's default */
  pickedImage: number | null;
  error: ReadError | null;
  /** worker time of the last read, ms */
  readMs: number | null;
  openFile(blob: Blob, name: string, example?: string | null): void;
  /** several files or a folder: a Dockerfile among them is simulated with them as its context (drop-plan.ts) */
  openFiles(dropped: DroppedFile[]): Promise<void>;
  openExample(name: string): Promise<void>;
  pickImage(index: number): void;
  /** reads the image archive on screen (or that failed) again, with the current read options */
  rereadInput(): void;
  cancel(): void;
}

const client = new AnalyzerClient();
/** Bumped by every open/cancel, so a slow example download cannot land after a newer choice. */
let generation = 0;
/** The last archive handed to the analyze worker (a Dockerfile never is): what rereadInput reads. */
let lastRead: { input: InputFile; image: number | null } | null = null;

/** True when rereadInput has something to read: the archive the worker read last is still the page's input. */
export function canReread(s: Pick<AnalysisSlice, 'input'>): boolean {
  return lastRead !== null && lastRead.input === s.input;
}

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set, get) => {
  const read = (input: InputFile, image: number | null) => {
    set({ status: 'reading', progress: null, percent: 0, error: null });
    const tracker = new ProgressTracker();
    const { archive, hashMode, raisedLimits } = get();
    const images = archive?.images ?? [];
    lastRead = { input, image };
    const options: ReadOptions = { hash: hashMode };
    if (Object.keys(raisedLimits).length > 0) options.limits = raisedLimits;
    if (image !== null) options.image = imageQuery(images, image);
    client.read(input.blob, input.name, options, {
      onProgress: (progress) => set({ progress, percent: tracker.next(progress) }),
      onResult: (archive, readMs) => {
        set({ status: 'done', archive, readMs, progress: null, pickedImage: image });
        get().selectRow(null);
      },
      onError: (error) => set({ status: 'error', error, archive: null, progress: null }),
    });
  };

  const readArchive = (blob: Blob, name: string, example: string | null) => {
    const input = { blob, name, example };
    set({ input, archive: null, pickedImage: null, readMs: null });
    get().selectRow(null);
    read(input, null);
  };

  return {
    input: null,
    status: 'idle',
    progress: null,
    percent: 0,
    archive: null,
    pickedImage: null,
    error: null,
    readMs: null,

    openFile(blob, name, example = null) {
      const token = ++generation;
      // A dropped Dockerfile (by its name: Dockerfile, Containerfile, app.Dockerfile) is simulated,
      // unless its bytes say it is an image archive after all.
      if (isDockerfileName(name)) {
        void (async () => {
          if (await isArchive(blob)) {
            if (token === generation) readArchive(blob, name, example);
            return;
          }
          if (blob.size > MAX_DOCKERFILE) {
            const problem = `is ${formatBytes(blob.size)}, more than any Dockerfile this page simulates (${MAX_DOCKERFILE >> 20} MiB); a real Dockerfile is a few KB`;
            if (token === generation) set({ input: null, archive: null, status: 'error', error: { file: name, entry: null, problem } });
            return;
          }
          const text = await blob.text();
          if (token === generation) await get().openDockerfile(text, name, { example });
        })();
        return;
      }
      readArchive(blob, name, example);
    },

    async openFiles(dropped) {
      const token = ++generation;
      const plan = await planDrop(dropped);
      if (!plan || token !== generation) return;
      if (plan.kind === 'image') get().openFile(plan.file, plan.file.name);
      else await get().openDockerfile(plan.text, plan.name, { build: { context: plan.context, base: plan.base ?? undefined } });
    },

    async openExample(name) {
      const example = findExample(name);
      const token = ++generation;
      if (!example) {
        set({ status: 'error', archive: null, error: { file: name, entry: null, problem: 'there is no built-in example by that name' } });
        return;
      }
      set({ status: 'reading', progress: null, percent: 0, error: null, archive: null, input: null });
      try {
        const res = await fetch(exampleUrl(example, document.baseURI));
        if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
        // A Dockerfile example is simulated, not read (share-slice.ts).
        if (example.kind === 'dockerfile') {
          const text = await res.text();
          if (token === generation) void get().openDockerfile(text, example.file, { example: example.name });
          return;
        }
        const blob = await res.blob();
        if (token !== generation) return;
        get().openFile(blob, example.file, example.name);
      } catch (e) {
        if (token !== generation) return;
        const problem = `could not download the example: ${e instanceof Error ? e.message : String(e)}`;
        set({ status: 'error', error: { file: example.file, entry: null, problem } });
      }
    },

    pickImage(index) {
      const { input } = get();
      if (!input) return;
      read(input, index);
    },

    rereadInput() {
      // Only the archive the worker read last, and only while it is still the page's input.
      if (!lastRead || !canReread(get())) return;
      generation++;
      read(lastRead.input, lastRead.image);
    },

    cancel() {
      generation++;
      client.cancel();
      // A cancelled re-read keeps the image already on screen; a cancelled first read empties the page.
      set((s) => ({ status: s.archive ? 'done' : 'idle', progress: null, input: s.archive ? s.input : null }));
    },
  };
};
