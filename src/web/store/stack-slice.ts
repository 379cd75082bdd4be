// The shown image stacked (in the stack worker) and what the page asks of the stack: which path
// is picked and its read path. Whatever sets `archive` (a read archive, later a simulated
// Dockerfile) gets stacked: store.ts calls stackArchive on every new archive.

import type { StateCreator } from 'zustand';
import type { ReadPathResult } from '../../core/layerstack/stack.ts';
import type { ImageArchive } from '../../core/model/image.ts';
import type { FileView, ViewMode } from '../../worker/stack-protocol.ts';
import { PathIndex } from '../model/path-index.ts';
import { StackedImage } from '../model/stacked-image.ts';
import { StackClient } from './stack-client.ts';
import type { AppState } from './store.ts';

export type StackStatus = 'none' | 'stacking' | 'done' | 'error';

export interface StackSlice {
  stackStatus: StackStatus;
  stacked: StackedImage | null;
  pathIndex: PathIndex | null;
  stackError: string | null;
  /** the path whose read path is shown */
  pickedPath: string | null;
  readPath: ReadPathResult | null;
  stackArchive(archive: ImageArchive | null): void;
  pickPath(path: string | null): void;
  /** A file view of the stacked image (null when the image changed meanwhile). */
  fileView(mode: ViewMode, layer: number): Promise<FileView | null>;
}

const client = new StackClient();

export const createStackSlice: StateCreator<AppState, [], [], StackSlice> = (set, get) => ({
  stackStatus: 'none',
  stacked: null,
  pathIndex: null,
  stackError: null,
  pickedPath: null,
  readPath: null,

  stackArchive(archive) {
    set({ stacked: null, pathIndex: null, stackError: null, pickedPath: null, readPath: null, stackStatus: archive ? 'stacking' : 'none' });
    if (!archive) {
      client.reset();
      return;
    }
    if (archive.image.layers.length === 0) {
      set({ stackStatus: 'done' });
      return;
    }
    client.stack(archive.image).then(
      (facts) => {
        if (get().archive !== archive) return;
        const img = new StackedImage(facts, archive.image.layers.map((l) => l.table));
        set({ stacked: img, pathIndex: new PathIndex(facts.skeleton, (n) => img.name(n), (n) => img.path(n)), stackStatus: 'done' });
        // A path picked while the layers were stacking (a share link's) is read now.
        const picked = get().pickedPath;
        if (picked) get().pickPath(picked);
      },
      (e: unknown) => {
        if (get().archive !== archive) return;
        set({ stackStatus: 'error', stackError: e instanceof Error ? e.message : String(e) });
      },
    );
  },

  pickPath(path) {
    const img = get().stacked;
    set({ pickedPath: path, readPath: null });
    if (!path || !img) return;
    client.readPath(path, img.top).then(
      (result) => {
        if (get().stacked === img && get().pickedPath === path) set({ readPath: result });
      },
      (e: unknown) => set({ stackError: e instanceof Error ? e.message : String(e) }),
    );
  },

  async fileView(mode, layer) {
    const img = get().stacked;
    if (!img) return null;
    const v = await client.view(mode, layer);
    return get().stacked === img ? v : null;
  },
});
