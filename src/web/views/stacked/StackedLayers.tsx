// The same image as stacked layers: one bar per layer, layer 0 at the bottom as the filesystem
// stacks, its length the layer's file bytes and its striped part the bytes of its copies that the
// final image cannot see (a treemap hides how layers pile up; this shows it). Bars take the
// treemap's layer colors. Click or Enter selects the layer in the list.

import { useApp, type AppState } from '../../store/store.ts';
import { selectLayerIndex } from '../../store/selection-slice.ts';
import { exactBytes, formatBytes } from '../../format.ts';
import { layerSwatch } from './swatch.ts';
import { layerLabel } from '../treemap/labels.ts';
import { outcomeByLayer } from '../readpath/outcomes.ts';

const selectLayers = (s: AppState) => s.archive?.image.layers ?? null;
const selectBloat = (s: AppState) => s.stacked?.facts.bloat ?? null;
const selectReadPath = (s: AppState) => s.readPath;

export function StackedLayers() {
  const layers = useApp(selectLayers);
  const bloat = useApp(selectBloat);
  const selected = useApp(selectLayerIndex);
  const readPath = useApp(selectReadPath);
  if (!layers) return null;
  const outcomes = outcomeByLayer(readPath);
  const max = Math.max(1, ...layers.map((l) => l.fileBytes));
  return (
    <section aria-label="Layers stacked" className="flex min-h-0 flex-col gap-2">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Each bar is a layer’s file bytes, layer 0 at the bottom; <span className="stripes-legend inline-block h-3 w-5 rounded-sm align-middle" /> striped: bytes of copies the final image cannot see.
      </p>
      <ol className="flex min-h-0 flex-1 flex-col-reverse justify-end gap-1 overflow-auto" data-testid="stacked-layers">
        {layers.map((l) => {
          const wasted = bloat?.layers[l.index]?.wastedBytes ?? 0;
          const w = (l.fileBytes / max) * 100;
          const waste = l.fileBytes > 0 ? (wasted / l.fileBytes) * 100 : 0;
          const on = selected === l.index;
          const outcome = outcomes.get(l.index);
          return (
            <li key={l.index}>
              <button
                type="button"
                data-testid="stacked-bar"
                data-layer-index={l.index}
                data-bytes={l.fileBytes}
                data-wasted={wasted}
                aria-pressed={on}
                onClick={() => useApp.getState().selectLayer(l.index)}
                title={`layer ${l.index}: ${exactBytes(l.fileBytes)} file bytes, ${exactBytes(wasted)} wasted`}
                className={`grid w-full grid-cols-[minmax(0,16rem)_minmax(0,1fr)_6.5rem] items-center gap-x-3 rounded-md px-2 py-1 text-left text-xs focus-visible:outline-2 focus-visible:outline-sky-500 ${on ? 'bg-sky-100 dark:bg-sky-900/50' : 'hover:bg-zinc-50 dark:hover:bg-zinc-900'}`}
              >
                <span className="truncate font-mono" title={l.createdBy ?? undefined}>
                  {outcome && outcome !== 'miss' ? <span className="mr-1 font-semibold">[{outcome}]</span> : null}
                  {layerLabel(l)}
                </span>
                <span className="relative h-5 rounded-sm bg-zinc-100 dark:bg-zinc-800/60">
                  <span className="absolute inset-y-0 left-0 flex overflow-hidden rounded-sm" style={{ width: `${Math.max(w, l.fileBytes > 0 ? 0.5 : 0)}%`, background: layerSwatch(l.index) }}>
                    <span className="stripes ml-auto h-full" style={{ width: `${waste}%` }} />
                  </span>
                </span>
                <span className="text-right tabular-nums">
                  {formatBytes(l.fileBytes)}
                  {wasted > 0 ? <span className="block text-red-700 dark:text-red-400">{formatBytes(wasted)} wasted</span> : null}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
