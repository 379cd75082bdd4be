// One row of the layer list: a history entry and its layer's sizes. Empty entries (ENV, CMD, …)
// are dimmed. Presentational and memoized: the list re-renders only the rows whose selection
// changed.

import { memo } from 'react';
import { formatCount } from '../../format.ts';
import { CommandText } from './CommandText.tsx';
import { GRID, WIDE } from './columns.ts';
import { LayerDetails } from './LayerDetails.tsx';
import type { ReadOutcome } from '../../../core/layerstack/stack.ts';
import { OUTCOME_BADGE, OUTCOME_WORDS } from '../readpath/outcomes.ts';
import { layerSwatch } from '../stacked/swatch.ts';
import type { LayerRowModel } from './rows.ts';
import { Size } from './Size.tsx';

const dash = <span className="text-zinc-400 dark:text-zinc-600">–</span>;

interface Props {
  row: LayerRowModel;
  selected: boolean;
  focusable: boolean;
  onSelect: (key: string) => void;
  /** what the read path shown does in this layer */
  outcome?: ReadOutcome;
}

export const LayerRow = memo(function LayerRow({ row, selected, focusable, onSelect, outcome }: Props) {
  const l = row.layer;
  const wo = l ? l.whiteouts.length : 0;
  const opq = l ? l.opaqueDirs.length : 0;
  return (
    <li
      role="option"
      aria-selected={selected}
      tabIndex={focusable ? 0 : -1}
      data-testid="layer-row"
      data-key={row.key}
      data-layer-index={row.layerIndex}
      data-history-index={row.historyIndex ?? undefined}
      data-empty={row.empty ? 'true' : undefined}
      data-missing={row.missing ? 'true' : undefined}
      data-read-outcome={outcome}
      onClick={() => onSelect(row.key)}
      className={`${GRID} cursor-default border-b border-zinc-100 px-3 py-1 text-sm outline-none last:border-b-0 focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-inset dark:border-zinc-800/70 ${
        selected ? 'bg-sky-100 dark:bg-sky-900/50' : 'hover:bg-zinc-50 dark:hover:bg-zinc-900'
      } ${row.empty ? 'text-zinc-500 dark:text-zinc-400' : ''}`}
    >
      <span className="text-right font-mono tabular-nums text-zinc-500 dark:text-zinc-400" title={row.empty ? 'empty history entry: no layer' : `layer ${row.layerIndex}`}>
        {l ? <span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 rounded-sm" style={{ background: layerSwatch(l.index) }} /> : null}
        {l ? l.index : row.empty ? '·' : '?'}
      </span>
      <span className={`min-w-0 ${row.empty ? 'opacity-75' : ''}`}>
        {outcome && outcome !== 'miss' ? (
          <span className={`mr-2 rounded px-1.5 py-px font-mono text-xs font-semibold ${OUTCOME_BADGE[outcome]}`} title={`read path: ${OUTCOME_WORDS[outcome]}`}>
            {outcome}
          </span>
        ) : null}
        <CommandText createdBy={row.createdBy} hasHistory={row.historyIndex !== null} />
      </span>
      {l ? (
        <>
          <span className="text-right"><Size bytes={l.compressedSize} what="compressedSize (blob)" /></span>
          <span className="text-right"><Size bytes={l.tarSize} what="tarSize (uncompressed tar)" /></span>
          <span className="text-right"><Size bytes={l.fileBytes} what="fileBytes (regular files)" /></span>
          <span className={`${WIDE} text-right tabular-nums`} title={`${formatCount(l.entryCount)} tar entries`}>{formatCount(l.fileCount)}</span>
          <span className={`${WIDE} text-right tabular-nums`} title={`${wo} whiteouts, ${opq} opaque dirs`}>{wo || opq ? `${wo} / ${opq}` : dash}</span>
          <span className={`${WIDE} font-mono text-xs leading-5 text-zinc-600 dark:text-zinc-400`}>{l.compression}</span>
        </>
      ) : (
        <span className="col-span-3 text-xs 2xl:col-span-6 leading-5 text-zinc-400 italic dark:text-zinc-500">
          {row.empty ? 'no layer: config only' : 'layer missing from the archive'}
        </span>
      )}
      {selected ? <LayerDetails row={row} /> : null}
    </li>
  );
});
