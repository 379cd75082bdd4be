// The layer list, like `docker history` but complete: every history entry in build order (oldest
// at the top: it reads like the Dockerfile, and layer indexes count up as you read down), the
// whole command wrapped, every size word labelled. Arrow keys move the selection.

import { useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ImageArchive } from '../../../core/model/image.ts';
import { formatCount } from '../../format.ts';
import { useApp, type AppState } from '../../store/store.ts';
import { outcomeByLayer } from '../readpath/outcomes.ts';
import { COLUMNS, GRID, WIDE } from './columns.ts';
import { LayerRow } from './LayerRow.tsx';
import { buildRows } from './rows.ts';
import { Size } from './Size.tsx';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const selectSelected = (s: AppState) => s.selectedRow;
const selectReadPath = (s: AppState) => s.readPath;

const STEP: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_i, n) => n - 1,
  PageDown: (i, n) => Math.min(n - 1, i + 10),
  PageUp: (i) => Math.max(0, i - 10),
};

export function LayerList({ archive }: { archive: ImageArchive }) {
  const rows = useMemo(() => buildRows(archive.image), [archive]);
  const selected = useApp(selectSelected);
  const readPath = useApp(selectReadPath);
  const outcomes = useMemo(() => outcomeByLayer(readPath), [readPath]);
  const list = useRef<HTMLOListElement>(null);
  const onSelect = useCallback((key: string) => useApp.getState().selectRow(key), []);

  const onKeyDown = (e: KeyboardEvent) => {
    const step = STEP[e.key];
    if (!step || rows.length === 0) return;
    e.preventDefault();
    const at = rows.findIndex((r) => r.key === useApp.getState().selectedRow);
    const next = rows[at < 0 ? 0 : step(at, rows.length)];
    useApp.getState().selectRow(next.key);
    list.current?.querySelector<HTMLElement>(`[data-key="${next.key}"]`)?.focus();
  };

  const layers = archive.image.layers;
  const total = (k: 'compressedSize' | 'tarSize' | 'fileBytes' | 'fileCount') => layers.reduce((n, l) => n + l[k], 0);
  const anySelected = rows.some((r) => r.key === selected);

  return (
    <section aria-label="Layers" className="overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-800">
      <div
        aria-hidden="true"
        className={`${GRID} items-end border-b border-zinc-200 bg-zinc-50 px-3 py-2 text-xs font-semibold text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300`}
      >
        {COLUMNS.map((c) => (
          <span key={c.head} title={c.title} className={`${c.numeric ? 'text-right' : ''} ${c.wide ? WIDE : ''}`}>
            {c.head}
            {c.head === 'Compressed' ? <span className="block font-normal text-zinc-500">blob</span> : null}
            {c.head === 'Tar' ? <span className="block font-normal text-zinc-500">uncompressed</span> : null}
          </span>
        ))}
      </div>
      {/* Capped so the views below stay on a 720-pixel screen; the list scrolls inside. */}
      <div className="max-h-[40vh] min-h-[7.5rem] overflow-y-auto">
        <ol ref={list} role="listbox" aria-label="History entries and layers, oldest first" onKeyDown={onKeyDown}>
          {rows.map((r, i) => (
            <LayerRow
              key={r.key}
              row={r}
              selected={r.key === selected}
              focusable={anySelected ? r.key === selected : i === 0}
              onSelect={onSelect}
              outcome={r.layer ? outcomes.get(r.layer.index) : undefined}
            />
          ))}
        </ol>
      </div>
      <div className={`${GRID} border-t border-zinc-200 bg-zinc-50 px-3 py-2 text-sm font-medium dark:border-zinc-800 dark:bg-zinc-900`}>
        <span />
        <span>
          Total: {plural(layers.length, 'layer')}, {formatCount(total('fileCount'))} files, {plural(rows.filter((r) => !r.layer).length, 'entry', 'entries')} without a layer
        </span>
        <span className="text-right"><Size bytes={total('compressedSize')} what="sum of compressedSize" /></span>
        <span className="text-right"><Size bytes={total('tarSize')} what="sum of tarSize" /></span>
        <span className="text-right"><Size bytes={total('fileBytes')} what="sum of fileBytes (before stacking)" /></span>
        <span className={`${WIDE} text-right tabular-nums`}>{formatCount(total('fileCount'))}</span>
        <span className={WIDE} />
        <span className={WIDE} />
      </div>
    </section>
  );
}
