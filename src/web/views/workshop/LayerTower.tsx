// The layer stack as a tower, bottom layer at the bottom: the layers built so far, the newest
// sliding in; in the container step a writable layer on top with the write that lands in it and
// the read path going down; in the cache step each layer turning "cached" or "rebuild" in turn.

import type { ReadOutcome } from '../../../core/layerstack/stack.ts';
import type { Layer } from '../../../core/model/image.ts';
import { layerHue } from '../../render/treemap/colors.ts';
import { exactBytes, formatBytes } from '../../format.ts';
import { layerLabel } from '../treemap/labels.ts';
import type { ContainerWrite } from './workshop-model.ts';

export type TowerState = 'built' | 'new' | 'cached' | 'rebuild';

interface Props {
  layers: readonly Layer[];
  shown: number;
  newLayer: number | null;
  /** per layer, in the cache step */
  cache: ('cached' | 'rebuild')[] | null;
  container: { write: ContainerWrite | null; outcomes: Map<number, ReadOutcome>; readPath: string | null } | null;
}

const OUTCOME_WORDS: Record<ReadOutcome, string> = {
  miss: 'not here, look below',
  hit: 'found here',
  whiteout: 'deleted here',
  opaque: 'hidden by an opaque folder',
  blocked: 'a parent is not a folder',
  shadowed: 'an older copy, never read',
};

export function LayerTower({ layers, shown, newLayer, cache, container }: Props) {
  const max = Math.max(1, ...layers.slice(0, shown).map((l) => l.fileBytes));
  const rows = layers.slice(0, shown).map((l) => l).reverse();
  return (
    <ol className="flex flex-col gap-1.5" aria-label="Layers, newest on top">
      {container ? (
        <li data-testid="workshop-container-layer" className="layer-in rounded-lg border-2 border-dashed border-amber-500 bg-amber-50 px-3 py-2 dark:bg-amber-950/40">
          <div className="flex items-baseline justify-between gap-3">
            <span className="font-semibold">container layer (writable)</span>
            {container.readPath ? <span className="text-sm">read of {container.readPath} starts here: not here, look below</span> : null}
          </div>
          {container.write ? (
            <div className="text-sm" data-testid="workshop-write">
              ✎ write to <span className="font-mono">{container.write.path}</span> lands here: copied up whole ({formatBytes(container.write.bytes)}) from layer #{container.write.from}
            </div>
          ) : null}
        </li>
      ) : null}
      {rows.map((l) => {
        const state: TowerState = cache ? cache[l.index] : l.index === newLayer ? 'new' : 'built';
        const outcome = container?.outcomes.get(l.index);
        const copiedFrom = container?.write?.from === l.index;
        const width = Math.max(12, Math.round(100 * Math.sqrt(l.fileBytes / max)));
        return (
          <li
            key={l.index}
            data-testid="workshop-layer"
            data-layer-index={l.index}
            data-state={state}
            data-outcome={outcome}
            style={{ transitionDelay: cache ? `${(l.index + 1) * 160}ms` : undefined }}
            className={`rounded-lg border px-3 py-1 transition-colors duration-500 ${l.index === newLayer && !cache ? 'layer-in ring-4 ring-sky-400' : ''} ${
              state === 'rebuild'
                ? 'border-red-500 bg-red-100 dark:bg-red-950/60'
                : state === 'cached'
                  ? 'border-emerald-500 bg-emerald-50 dark:bg-emerald-950/50'
                  : 'border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900'
            }`}
          >
            <div className="flex items-baseline gap-3">
              <span className="min-w-0 flex-1 truncate font-mono text-base" title={l.createdBy ?? ''}>
                {layerLabel(l)}
              </span>
              <span className="shrink-0 tabular-nums" title={exactBytes(l.fileBytes)}>
                {l.estimated ? '≈' : ''}
                {formatBytes(l.fileBytes)}
              </span>
              {cache ? <span className={`shrink-0 rounded px-2 text-sm font-semibold ${state === 'rebuild' ? 'bg-red-600 text-white' : 'bg-emerald-600 text-white'}`}>{state}</span> : null}
            </div>
            <div className="mt-1 h-2 rounded" style={{ width: `${width}%`, background: `hsl(${layerHue(l.index)} 60% 55%)` }} aria-hidden="true" />
            {outcome || copiedFrom ? (
              <div className="mt-1 text-sm">
                {outcome ? (
                  <span className={outcome === 'hit' ? 'font-semibold text-emerald-700 dark:text-emerald-400' : 'text-zinc-600 dark:text-zinc-400'}>
                    ↓ {outcome}: {OUTCOME_WORDS[outcome]}
                  </span>
                ) : null}
                {copiedFrom ? <span className="ml-3 text-amber-700 dark:text-amber-400">↑ copied up from here</span> : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
