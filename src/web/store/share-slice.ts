// Share links, Dockerfiles and the pages of their own (a shared summary, compare, workshop): what
// is open and how it is looked at. A Dockerfile is simulated in its worker and its image shown like
// any read image (it becomes `archive`); a share link either opens a Dockerfile that way or shows
// an image summary read-only (`shared`), then puts the link's view back (selected layer, read-path
// file, theme). Actions read getState() when they fire (STYLE.md #8).

import type { StateCreator } from 'zustand';
import { decodeShare, encodeShare } from '../../core/share/link.ts';
import type { ImageSummary, ShareState, ShareView, Theme } from '../../core/share/schema-v1.ts';
import { summaryArchive } from '../../core/share/summary-archive.ts';
import { summarizeImage } from '../../core/share/summary.ts';
import type { ImageArchive } from '../../core/model/image.ts';
import type { CacheReport } from '../../core/simulate/cache.ts';
import type { BuilderName } from '../../core/simulate/types.ts';
import type { WireContext } from '../../worker/file-context.ts';
import { buildRows } from '../views/layers/rows.ts';
import type { ReadError } from './analyzer-client.ts';
import { SimulateClient, SimulateFailed } from './simulate-client.ts';
import type { AppState } from './store.ts';
import { applyTheme, type ThemeChoice } from '../views/share/theme.ts';

export type PageMode = 'summary' | 'compare' | 'workshop' | 'link-error';

/** What came with a dropped Dockerfile: its folder as the build context, an image archive as its base. */
export interface DockerBuild {
  context?: WireContext;
  base?: File;
}

export interface DockerfileDoc {
  /** a new number for each Dockerfile opened (not for edits): the editor reloads its text on a new one */
  id: number;
  name: string;
  text: string;
  builder: BuilderName;
  /** the context and base it is simulated with, again on every edit; null: none (COPY sizes unknown) */
  build: DockerBuild | null;
  /** the text of the image on screen (what an edit is compared with for cache marks) */
  built: string;
  /** hit/rebuild per step of the last edit, against the text before it */
  cache: CacheReport | null;
  simulating: boolean;
  /** the last edit did not simulate: its line and problem (the image shown is the previous one) */
  problem: ReadError | null;
}

export interface SharedSummary {
  summary: ImageSummary;
  /** the summary as the image model, for the layer list and treemap (partial file tables) */
  archive: ImageArchive;
  view: ShareView;
}

export interface ShareSlice {
  mode: PageMode | null;
  theme: ThemeChoice;
  dockerfile: DockerfileDoc | null;
  shared: SharedSummary | null;
  /** why the link in the address bar could not be opened */
  linkProblem: string | null;
  setMode(mode: PageMode | null): void;
  setTheme(theme: ThemeChoice): void;
  openDockerfile(text: string, name: string, opts?: { example?: string | null; builder?: BuilderName; view?: ShareView; build?: DockerBuild }): Promise<void>;
  /** a new text from the editor: simulated, with cache marks against the text shown */
  editDockerfile(text: string): Promise<void>;
  openShareLink(hash: string): Promise<void>;
  /** the state on screen as a link (the whole URL) */
  makeShareLink(): Promise<string>;
}

export const simulator = new SimulateClient();

/** The limits raised this session, for a simulation (nothing when none is). */
const limitsOf = (s: AppState) => (Object.keys(s.raisedLimits).length > 0 ? { limits: s.raisedLimits } : {});

/** True when the page's input is the open Dockerfile (its text is what a re-read simulates). */
export function showsDockerfile(s: Pick<AppState, 'input' | 'dockerfile'>): boolean {
  return s.dockerfile !== null && s.input !== null && s.input.name === s.dockerfile.name;
}
/** Bumped by every Dockerfile open or edit: an older simulation's answer is dropped. */
let simGeneration = 0;
let docIds = 0;

export const createShareSlice: StateCreator<AppState, [], [], ShareSlice> = (set, get, api) => {
  // Anything newly opened (a file, an example) leaves a shared summary or a broken link behind.
  api.subscribe((s, prev) => {
    if (s.input !== prev.input && s.input !== null && (s.mode === 'summary' || s.mode === 'link-error')) set({ mode: null, shared: null, linkProblem: null });
    if (s.input !== prev.input && s.input !== null && s.archive === null && s.dockerfile && s.input.name !== s.dockerfile.name) set({ dockerfile: null });
  });

  /** Puts a link's view back once the image is shown and stacked (the read path needs the stack). */
  const applyView = (archive: ImageArchive, view: ShareView) => {
    if (view.layer !== undefined && view.layer < archive.image.layers.length) get().selectLayer(view.layer);
    if (view.zoom) get().setTreemapZoom(view.zoom);
    if (view.file === undefined) return;
    const file = view.file;
    let stop: (() => void) | null = null;
    let done = false;
    // Unsubscribe before picking: pickPath sets state, which calls this listener again.
    const pick = () => {
      const s = get();
      if (done || (s.archive === archive && s.stackStatus !== 'done')) return;
      done = true;
      stop?.();
      if (s.archive === archive) s.pickPath(file);
    };
    stop = api.subscribe(pick);
    pick();
  };

  const currentView = (): ShareView => {
    const s = get();
    const view: ShareView = {};
    const image = s.mode === 'summary' && s.shared ? s.shared.archive.image : s.archive?.image;
    const row = image && s.selectedRow !== null ? buildRows(image).find((r) => r.key === s.selectedRow) : undefined;
    if (row && row.layerIndex >= 0) view.layer = row.layerIndex;
    // The zoom a person chose; a zoom into the image as a whole is the default view and not written.
    if (s.treemapZoom !== null && s.treemapZoom !== 'image' && s.treemapZoom.layer >= 0 && image && s.treemapZoom.layer < image.layers.length) view.zoom = { ...s.treemapZoom };
    if (s.mode !== 'summary' && s.pickedPath) view.file = s.pickedPath;
    if (s.theme !== 'system') view.theme = s.theme;
    return view;
  };

  return {
    mode: null,
    theme: 'system',
    dockerfile: null,
    shared: null,
    linkProblem: null,

    setMode: (mode) => set({ mode }),

    setTheme(theme) {
      applyTheme(theme);
      set({ theme });
    },

    async openDockerfile(text, name, opts = {}) {
      const token = ++simGeneration;
      const builder = opts.builder ?? 'buildkit';
      const build = opts.build ?? null;
      const id = ++docIds;
      const input = { blob: new Blob([text], { type: 'text/plain' }), name, example: opts.example ?? null };
      set({
        input,
        archive: null,
        pickedImage: null,
        readMs: null,
        status: 'reading',
        progress: null,
        percent: 0,
        error: null,
        dockerfile: { id, name, text, builder, build, built: text, cache: null, simulating: true, problem: null },
      });
      get().selectRow(null);
      try {
        const sim = await simulator.simulate(text, name, { builder, ...build, ...limitsOf(get()) });
        if (token !== simGeneration || get().input !== input) return;
        set({ status: 'done', archive: sim.image, readMs: sim.elapsedMs, dockerfile: { id, name, text, builder, build, built: text, cache: null, simulating: false, problem: null } });
        if (opts.view) applyView(sim.image, opts.view);
      } catch (e) {
        if (token !== simGeneration || get().input !== input) return;
        const error = e instanceof SimulateFailed ? e.error : { file: name, entry: null, problem: String(e) };
        set({ status: 'error', error, dockerfile: { id, name, text, builder, build, built: text, cache: null, simulating: false, problem: error } });
      }
    },

    async editDockerfile(text) {
      const doc = get().dockerfile;
      if (!doc) return;
      const token = ++simGeneration;
      const input = get().input;
      set({ dockerfile: { ...doc, text, simulating: true } });
      try {
        const sim = await simulator.simulate(text, doc.name, { builder: doc.builder, ...doc.build, before: get().archive ? doc.built : undefined, ...limitsOf(get()) });
        if (token !== simGeneration || get().input !== input) return;
        const selected = get().selectedRow;
        set({ status: 'done', error: null, archive: sim.image, readMs: sim.elapsedMs, dockerfile: { ...doc, text, built: text, cache: sim.cache, simulating: false, problem: null } });
        // Keep the row selected across edits when it still exists.
        if (selected && buildRows(sim.image.image).some((r) => r.key === selected)) get().selectRow(selected);
      } catch (e) {
        if (token !== simGeneration) return;
        const problem = e instanceof SimulateFailed ? e.error : { file: doc.name, entry: null, problem: String(e) };
        set({ dockerfile: { ...doc, text, simulating: false, problem } });
      }
    },

    async openShareLink(hash) {
      const r = await decodeShare(hash);
      if (!r.ok) {
        set({ mode: 'link-error', linkProblem: r.problem, shared: null });
        return;
      }
      const { state } = r;
      if (state.view.theme) get().setTheme(state.view.theme);
      if (state.kind === 'dockerfile') {
        set({ mode: null, shared: null, linkProblem: null });
        await get().openDockerfile(state.text, state.name, { builder: state.builder, view: state.view });
        return;
      }
      const archive = summaryArchive(state.summary);
      // Leave whatever was open: the summary page stands on its own.
      simGeneration++;
      get().cancel();
      set({ mode: 'summary', linkProblem: null, shared: { summary: state.summary, archive, view: state.view }, input: null, archive: null, status: 'idle', error: null });
      const layer = state.view.layer;
      const row = layer === undefined ? undefined : buildRows(archive.image).find((x) => x.layer?.index === layer);
      get().selectRow(row ? row.key : null);
      if (state.view.zoom) get().setTreemapZoom(state.view.zoom);
    },

    async makeShareLink() {
      const s = get();
      let state: ShareState;
      if (s.mode === 'summary' && s.shared) state = { kind: 'image', summary: s.shared.summary, view: currentView() };
      else if (s.archive?.input.format === 'dockerfile' && s.dockerfile) {
        state = { kind: 'dockerfile', name: s.dockerfile.name, text: s.dockerfile.text, view: currentView() };
        if (s.dockerfile.builder !== 'buildkit') state.builder = s.dockerfile.builder;
      } else if (s.archive) state = { kind: 'image', summary: summarizeImage(s.archive), view: currentView() };
      else throw new Error('nothing to share yet: open an image or a Dockerfile');
      const here = window.location;
      return `${here.origin}${here.pathname}${here.search}${await encodeShare(state)}`;
    },
  };
};

export type { Theme, ThemeChoice };
