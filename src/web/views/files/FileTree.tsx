// The file tree of the selected layer: its own changes, or the merged filesystem up to it (the
// workspace's toggle), or the final filesystem when no layer is selected. Virtualized (only the
// rows on screen are in the DOM; a 500k-entry tree flattens in one pass over open directories),
// sorted by size or name, filtered by name, "only changes" on demand. Keys: ↑ ↓ PgUp PgDn Home
// End move, → opens (or steps in), ← closes (or steps out), Enter opens a directory or shows a
// file's read path.

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatCount } from '../../format.ts';
import { selectLayerIndex } from '../../store/selection-slice.ts';
import { useApp, type AppState } from '../../store/store.ts';
import { FileRow } from './FileRow.tsx';
import { FileTreeToolbar } from './FileTreeToolbar.tsx';
import { FileTreeModel, type SortKey } from './tree-model.ts';
import { useTreeModel } from './use-tree-model.ts';

const ROW = 24;
const selectStacked = (s: AppState) => s.stacked;
const selectMode = (s: AppState) => s.viewMode;
const selectIndex = (s: AppState) => s.pathIndex;
const selectPicked = (s: AppState) => s.pickedPath;

export function FileTree({ className }: { className: string }) {
  const img = useApp(selectStacked);
  const selected = useApp(selectLayerIndex);
  const viewMode = useApp(selectMode);
  const pathIndex = useApp(selectIndex);
  const picked = useApp(selectPicked);
  const mode = selected === null ? 'merged' : viewMode;
  const layer = selected ?? (img ? img.top : -1);
  const model = useTreeModel(img, mode, layer);

  const [sort, setSort] = useState<SortKey>('size');
  const [filter, setFilter] = useState('');
  const [onlyChanges, setOnlyChanges] = useState(false);
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  const [active, setActive] = useState(0);
  const query = useDeferredValue(filter.trim());

  // A new view starts closed (small ones open), with the first row active.
  useEffect(() => {
    setOpened(new Set(model && model.count <= 200 ? Array.from({ length: model.count }, (_, i) => i) : []));
    setActive(0);
  }, [model]);

  const keep = useMemo(() => {
    if (!model) return null;
    const byName = query && pathIndex ? model.keepMatching(pathIndex.nameMatches(query)) : null;
    return FileTreeModel.both(byName, onlyChanges ? model.keepChanges() : null);
  }, [model, query, pathIndex, onlyChanges]);
  // While a filter is on, every kept directory is open unless closed by hand: the matches show.
  const filtering = keep !== null;
  const isOpen = useCallback((i: number) => (filtering ? !opened.has(i) : opened.has(i)), [filtering, opened]);
  useEffect(() => setOpened(new Set()), [filtering]);
  const flat = useMemo(() => (model ? model.flatten(isOpen, sort, keep) : null), [model, isOpen, sort, keep]);

  // A path picked elsewhere (treemap, search, waste list) is revealed and made active.
  useEffect(() => {
    if (!model || !picked || !pathIndex || filtering) return;
    const i = model.indexOfNode(pathIndex.lookup(picked));
    if (i < 0) return;
    const chain: number[] = [];
    for (let p = model.parent[i]; p >= 0; p = model.parent[p]) chain.push(p);
    setOpened((o) => new Set([...o, ...chain]));
  }, [model, picked, pathIndex, filtering]);
  useEffect(() => {
    if (!model || !flat || !picked || !pathIndex) return;
    const node = model.indexOfNode(pathIndex.lookup(picked));
    const at = flat.rows.subarray(0, flat.count).indexOf(node);
    if (at >= 0) setActive(at);
  }, [flat, model, picked, pathIndex]);

  const scroller = useRef<HTMLDivElement>(null);
  const count = flat?.count ?? 0;
  const v = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 12 });
  const at = Math.min(active, Math.max(0, count - 1));
  useEffect(() => {
    if (count > 0) v.scrollToIndex(at, { align: 'auto' });
  }, [at, count, v]);

  const toggle = (i: number) => setOpened((o) => {
    const n = new Set(o);
    if (n.has(i)) n.delete(i);
    else n.add(i);
    return n;
  });
  // A click on a directory opens or closes it; on anything else, shows its read path.
  const onRow = (r: number) => {
    setActive(r);
    scroller.current?.focus();
    if (!model || !flat) return;
    const i = flat.rows[r];
    if (model.hasChildren(i)) toggle(i);
    else useApp.getState().pickPath(model.path(i));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!model || !flat || count === 0) return;
    const i = flat.rows[at];
    const step: Record<string, () => number> = {
      ArrowDown: () => Math.min(count - 1, at + 1),
      ArrowUp: () => Math.max(0, at - 1),
      PageDown: () => Math.min(count - 1, at + 15),
      PageUp: () => Math.max(0, at - 15),
      Home: () => 0,
      End: () => count - 1,
    };
    if (step[e.key]) setActive(step[e.key]());
    else if (e.key === 'ArrowRight' && model.hasChildren(i)) {
      if (!isOpen(i)) toggle(i);
      else setActive(Math.min(count - 1, at + 1));
    } else if (e.key === 'ArrowLeft') {
      if (model.hasChildren(i) && isOpen(i)) toggle(i);
      else if (model.parent[i] >= 0) setActive(flat.rows.subarray(0, count).indexOf(model.parent[i]));
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (model.hasChildren(i)) toggle(i);
      else useApp.getState().pickPath(model.path(i));
    } else return;
    e.preventDefault();
  };

  const what = !img ? 'Stacking the layers…' : mode === 'layer' ? `Layer ${layer}: its own changes and what it deletes` : layer === img.top ? 'The final filesystem' : `The filesystem up to layer ${layer}`;
  return (
    <section aria-label="Files" className={`flex min-h-0 flex-col gap-2 ${className}`}>
      <FileTreeToolbar sort={sort} onSort={setSort} filter={filter} onFilter={setFilter} onlyChanges={onlyChanges} onOnlyChanges={setOnlyChanges} />
      <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="file-tree-caption">
        {what}
        {model ? ` · ${formatCount(count)} of ${formatCount(model.count)} rows shown` : ''}
      </p>
      <div
        ref={scroller}
        role="tree"
        aria-label={what}
        tabIndex={0}
        data-testid="file-tree"
        aria-activedescendant={count > 0 ? `file-row-${at}` : undefined}
        onKeyDown={onKeyDown}
        className="relative min-h-0 flex-1 overflow-auto rounded-md border border-zinc-200 outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-zinc-800"
      >
        <div style={{ height: v.getTotalSize() }} className="relative">
          {model && flat
            ? v.getVirtualItems().map((it) => {
                const i = flat.rows[it.index];
                return (
                  <FileRow
                    key={i}
                    id={`file-row-${it.index}`}
                    model={model}
                    index={i}
                    rowIndex={it.index}
                    depth={flat.depth[it.index]}
                    open={isOpen(i)}
                    active={it.index === at}
                    showLayer={mode === 'merged'}
                    top={it.start}
                    onClick={onRow}
                  />
                );
              })
            : null}
        </div>
        {model && count === 0 ? <p className="p-3 text-xs text-zinc-500">Nothing matches.</p> : null}
      </div>
    </section>
  );
}
