// Workshop mode: a build stepped through one instruction at a time, in large type for a room.
// → / Space / PageDown (a presenter's clicker) go forward, ← / PageUp back, Home / End to the ends,
// Escape leaves. Each step adds its layer to the tower and the treemap with a short animation and
// says in one line why it made a layer or none, what it added and what it wasted; then a container
// step (writable layer, a write and a read) and the cache step (edit a line, build again).

import { useEffect, useMemo, useState } from 'react';
import type { SimulatedImage } from '../../../core/simulate/types.ts';
import { EXAMPLES, exampleUrl } from '../../store/examples.ts';
import { simulator } from '../../store/share-slice.ts';
import { SimulateFailed } from '../../store/simulate-client.ts';
import { useApp, type AppState } from '../../store/store.ts';
import { Treemap } from '../treemap/Treemap.tsx';
import { CacheEditor, type Rebuilt } from './CacheEditor.tsx';
import { DockerfileLines } from './DockerfileLines.tsx';
import { LayerTower } from './LayerTower.tsx';
import { workshopSteps } from './workshop-model.ts';

const DOCKERFILES = EXAMPLES.filter((e) => e.kind === 'dockerfile');
const DEFAULT = 'busybox-six-runs';
const selectDoc = (s: AppState) => s.dockerfile;

interface Loaded {
  name: string;
  text: string;
  sim: SimulatedImage;
}

const KEYS_NEXT = new Set(['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'Enter']);
const KEYS_PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

async function load(source: string, current: { text: string; name: string } | null): Promise<Loaded> {
  let text: string;
  let name: string;
  if (source === 'current' && current) ({ text, name } = current);
  else {
    const e = DOCKERFILES.find((x) => x.name === source) ?? DOCKERFILES.find((x) => x.name === DEFAULT)!;
    const res = await fetch(exampleUrl(e, document.baseURI));
    if (!res.ok) throw new Error(`could not download ${e.file}: HTTP ${res.status}`);
    text = await res.text();
    name = e.file;
  }
  const { image } = await simulator.simulate(text, name);
  return { name, text, sim: image };
}

export function WorkshopPage({ onExit }: { onExit: () => void }) {
  const doc = useApp(selectDoc);
  const [source, setSource] = useState(doc ? 'current' : DEFAULT);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const [rebuilt, setRebuilt] = useState<Rebuilt | null>(null);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    setProblem(null);
    setIndex(0);
    setRebuilt(null);
    load(source, doc ? { text: doc.text, name: doc.name } : null).then(
      (l) => live && setLoaded(l),
      (e: unknown) => live && setProblem(e instanceof SimulateFailed ? `${e.error.file}${e.error.entry ? `, ${e.error.entry}` : ''}: ${e.error.problem}` : String(e)),
    );
    return () => {
      live = false;
    };
    // The Dockerfile on screen is read when the source is chosen, not followed while editing.
  }, [source]);

  const steps = useMemo(() => (loaded ? workshopSteps(loaded.sim) : []), [loaded]);
  const last = steps.length - 1;
  const go = (to: number) => setIndex(Math.max(0, Math.min(last, to)));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') && e.key !== 'Escape') return;
      if (e.key === 'Escape') onExit();
      else if (KEYS_NEXT.has(e.key) && !(e.key === 'Enter' && t?.tagName === 'BUTTON')) setIndex((i) => Math.min(last, i + 1));
      else if (KEYS_PREV.has(e.key)) setIndex((i) => Math.max(0, i - 1));
      else if (e.key === 'Home') setIndex(0);
      else if (e.key === 'End') setIndex(last);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [last, onExit]);

  const step = steps[index];
  const layers = rebuilt && step?.kind === 'cache' ? rebuilt.image.image.layers : (loaded?.sim.image.layers ?? []);
  const shown = step ? (step.kind === 'cache' && rebuilt ? layers.length : step.layers) : 0;
  const newLayer = step?.kind === 'instruction' ? step.newLayer : null;
  const treemapLayers = useMemo(() => layers.slice(0, shown), [layers, shown]);
  const highlight = useMemo(() => (newLayer === null ? null : new Set([newLayer])), [newLayer]);
  const container = step?.kind === 'container' ? { write: step.write, readPath: step.read?.path ?? null, outcomes: new Map(step.read?.steps.map((s) => [s.layer, s.outcome]) ?? []) } : null;
  const current = step?.kind === 'instruction' ? { start: step.step.startLine, end: step.step.endLine } : step?.kind === 'base' ? firstFrom(loaded?.text ?? '') : null;
  const upcoming = step?.kind === 'instruction' ? step.step.endLine + 1 : step?.kind === 'base' ? (current?.end ?? 0) + 1 : Infinity;

  return (
    <div data-testid="workshop" data-step={index} data-step-kind={step?.kind} className="presentation-page flex min-h-full flex-col gap-3 bg-white px-6 py-4 text-xl text-zinc-900 dark:bg-zinc-950 dark:text-zinc-50">
      <header className="flex flex-wrap items-center gap-4">
        <button type="button" data-testid="workshop-exit" onClick={onExit} className="rounded-md border border-zinc-400 px-3 py-1 text-base hover:bg-zinc-100 dark:hover:bg-zinc-800">
          ✕ Leave
        </button>
        <h2 className="text-2xl font-bold" title="How a build makes layers">Workshop</h2>
        <select data-testid="workshop-source" value={source} onChange={(e) => setSource(e.currentTarget.value)} className="max-w-xs rounded-md border border-zinc-400 bg-white px-2 py-1 text-base dark:bg-zinc-900">
          {doc ? <option value="current">On screen: {doc.name}</option> : null}
          {DOCKERFILES.map((e) => (
            <option key={e.name} value={e.name}>
              {e.name}: {e.blurb}
            </option>
          ))}
        </select>
        <div className="ml-auto flex items-center gap-3">
          <span className="tabular-nums text-base text-zinc-600 dark:text-zinc-400" data-testid="workshop-position">
            step {steps.length ? index + 1 : 0} of {steps.length}
          </span>
          <button type="button" data-testid="workshop-prev" disabled={index === 0} onClick={() => go(index - 1)} className="rounded-md border border-zinc-400 px-4 py-2 font-semibold disabled:opacity-40">
            ◀ Back
          </button>
          <button type="button" data-testid="workshop-next" disabled={index >= last} onClick={() => go(index + 1)} className="rounded-md bg-sky-600 px-4 py-2 font-semibold text-white hover:bg-sky-700 disabled:opacity-40">
            Next ▶
          </button>
        </div>
      </header>
      {problem ? <p role="alert" className="text-red-700 dark:text-red-300">{problem}</p> : null}
      {!loaded && !problem ? <p role="status">Simulating the build…</p> : null}
      {loaded && step ? (
        <>
          <div className="rounded-xl border-l-8 border-sky-600 bg-sky-50 px-5 py-3 dark:bg-sky-950/50" aria-live="polite">
            <p data-testid="workshop-explain" className="text-2xl leading-snug font-semibold">
              {step.headline}
            </p>
            {step.detail ? (
              <p data-testid="workshop-detail" className="mt-1 text-base text-zinc-700 dark:text-zinc-300">
                {step.detail}
              </p>
            ) : null}
          </div>
          <div className="grid min-h-0 flex-1 gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
            <div className="flex min-h-0 flex-col gap-4">
              <DockerfileLines text={step.kind === 'cache' && rebuilt ? rebuilt.text : loaded.text} current={step.kind === 'cache' && rebuilt ? { start: rebuilt.line, end: rebuilt.line } : current} upcoming={upcoming} />
              {step.kind === 'cache' && step.line ? (
                <CacheEditor key={loaded.text} text={loaded.text} name={loaded.name} line={step.line} onRebuilt={setRebuilt} />
              ) : null}
              {step.kind === 'cache' && rebuilt ? (
                <p data-testid="workshop-cache-summary" className="text-lg">
                  {rebuilt.states.filter((s) => s === 'rebuild').length} of {rebuilt.states.length} layers rebuild; the ones under line {rebuilt.line} come from the cache.
                </p>
              ) : null}
            </div>
            <div className="flex min-h-0 flex-col gap-4">
              <LayerTower layers={layers} shown={shown} newLayer={newLayer} cache={step.kind === 'cache' && rebuilt ? rebuilt.states : null} container={container} />
              <Treemap layers={treemapLayers} highlightLayers={highlight} imageLabel={loaded.name} className="h-56" />
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}

/** The lines of the first FROM, for the base step. */
function firstFrom(text: string): { start: number; end: number } | null {
  const i = text.split('\n').findIndex((l) => /^\s*FROM\s/i.test(l));
  return i < 0 ? null : { start: i + 1, end: i + 1 };
}
