// The read path as rows, from the container's writable layer on top down to layer 0: each layer
// that the read reached or that holds a shadowed copy is a `read-path-step` (the steps of core's
// readPath, exactly what `layerscope readpath` prints); layers below the stop without a copy are
// listed muted, so every layer has its row. Clicking a row selects that layer in the list.

import type { ReadPathResult } from '../../../core/layerstack/stack.ts';
import type { Layer } from '../../../core/model/image.ts';
import { useApp } from '../../store/store.ts';
import { CommandText } from '../layers/CommandText.tsx';
import { OUTCOME_BADGE, OUTCOME_WORDS } from './outcomes.ts';

const ROW = 'grid grid-cols-[2.5rem_5.5rem_minmax(0,1fr)] items-start gap-x-2 px-2 py-1';

export function ReadPathSteps({ result, layers }: { result: ReadPathResult; layers: readonly Layer[] }) {
  const byLayer = new Map(result.steps.map((s) => [s.layer, s.outcome]));
  const select = (i: number) => () => useApp.getState().selectLayer(i);
  const rows = [];
  for (let j = result.layer; j >= 0; j--) {
    const outcome = byLayer.get(j);
    const cmd = <CommandText createdBy={layers[j]?.createdBy ?? null} hasHistory={layers[j]?.historyIndex !== null} />;
    rows.push(
      outcome ? (
        <li key={j} data-testid="read-path-step" data-layer-index={j} data-outcome={outcome} onClick={select(j)} className={`${ROW} cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-900`}>
          <span className="text-right font-mono text-zinc-500 tabular-nums">#{j}</span>
          <span className={`rounded px-1.5 text-center font-mono text-xs leading-5 font-semibold ${OUTCOME_BADGE[outcome]}`} title={OUTCOME_WORDS[outcome]}>
            {outcome}
          </span>
          <span className="min-w-0 text-xs leading-5">
            <span className="block text-zinc-700 dark:text-zinc-300">{OUTCOME_WORDS[outcome]}</span>
            <span className="line-clamp-2 text-zinc-500 dark:text-zinc-400">{cmd}</span>
          </span>
        </li>
      ) : (
        <li key={j} data-testid="read-path-unreached" data-layer-index={j} className={`${ROW} text-zinc-400 dark:text-zinc-500`}>
          <span className="text-right font-mono tabular-nums">#{j}</span>
          <span className="text-center text-xs leading-5">–</span>
          <span className="text-xs leading-5">not reached, and holds no copy</span>
        </li>
      ),
    );
  }
  return (
    <ol aria-label={`Read path of ${result.path}`} className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      <li className={`${ROW} text-zinc-500 dark:text-zinc-400`}>
        <span className="text-right font-mono text-xs leading-5">rw</span>
        <span className="text-center text-xs leading-5">–</span>
        <span className="text-xs leading-5">the container’s writable layer: empty in a new container, so the read goes on down</span>
      </li>
      {rows}
    </ol>
  );
}
