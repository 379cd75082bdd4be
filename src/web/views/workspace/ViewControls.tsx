// The main pane's controls: which view (treemap, stacked layers, files) and, when a layer is
// selected, whether the views show its own changes or the merged filesystem up to it.

import { selectLayerIndex } from '../../store/selection-slice.ts';
import { useApp, type AppState } from '../../store/store.ts';
import type { PaneTab } from '../../store/view-slice.ts';
import { segmentClass } from '../common/segment.ts';

const selectTab = (s: AppState) => s.tab;
const selectMode = (s: AppState) => s.viewMode;

const TABS: { tab: PaneTab; label: string; key: string }[] = [
  { tab: 'treemap', label: 'Treemap', key: 't' },
  { tab: 'stacked', label: 'Layers stacked', key: 's' },
  { tab: 'files', label: 'Files', key: 'f' },
];

const seg = (on: boolean) => segmentClass(on, 'px-2.5 py-1');

export function ViewControls() {
  const tab = useApp(selectTab);
  const mode = useApp(selectMode);
  const layer = useApp(selectLayerIndex);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      <div role="tablist" aria-label="View" className="flex overflow-hidden rounded-md border border-zinc-300 dark:border-zinc-700">
        {TABS.map((t) => (
          <button key={t.tab} type="button" role="tab" id={`tab-${t.tab}`} aria-selected={tab === t.tab} aria-controls="main-pane" data-testid={`tab-${t.tab}`} onClick={() => useApp.getState().setTab(t.tab)} className={seg(tab === t.tab)}>
            {t.label}
          </button>
        ))}
      </div>
      {layer !== null ? (
        <div role="radiogroup" aria-label={`Layer ${layer} shows`} className="flex overflow-hidden rounded-md border border-zinc-300 text-xs dark:border-zinc-700">
          <button type="button" role="radio" aria-checked={mode === 'layer'} data-testid="mode-layer" onClick={() => useApp.getState().setViewMode('layer')} className={seg(mode === 'layer')}>
            Layer {layer}’s own changes
          </button>
          <button type="button" role="radio" aria-checked={mode === 'merged'} data-testid="mode-merged" onClick={() => useApp.getState().setViewMode('merged')} className={seg(mode === 'merged')}>
            Merged up to layer {layer}
          </button>
        </div>
      ) : (
        <span className="text-xs text-zinc-500 dark:text-zinc-400">Select a layer in the list to see its own changes or the filesystem up to it.</span>
      )}
    </div>
  );
}
