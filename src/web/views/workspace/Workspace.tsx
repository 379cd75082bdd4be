// Where an image is explored: the layer list and under it the main pane (treemap, stacked layers
// or files, following the selected layer), and beside them the read path and the bloat panel.
// Laid out for 1280×720: the side column sticks while the main pane scrolls into view.

import { useEffect } from 'react';
import type { ImageArchive } from '../../../core/model/image.ts';
import { useApp, type AppState } from '../../store/store.ts';
import { FileTree } from '../files/FileTree.tsx';
import { LayerList } from '../layers/LayerList.tsx';
import { ReadPathPanel } from '../readpath/ReadPathPanel.tsx';
import { StackedLayers } from '../stacked/StackedLayers.tsx';
import { ImageTreemap } from '../treemap/ImageTreemap.tsx';
import { WastePanel } from '../waste/WastePanel.tsx';
import { ViewControls } from './ViewControls.tsx';

const selectTab = (s: AppState) => s.tab;

/** "/" anywhere but in a text field jumps to the path search, as in many code browsers. */
function useSlashToSearch(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || t?.closest('input, textarea, [contenteditable="true"]')) return;
      const search = document.querySelector<HTMLInputElement>('[data-testid="path-search"]');
      if (!search) return;
      e.preventDefault();
      search.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
const PANE_HEIGHT = 'h-[calc(100vh-7rem)] min-h-[22rem]';

export function Workspace({ archive }: { archive: ImageArchive }) {
  const tab = useApp(selectTab);
  useSlashToSearch();
  return (
    <div data-layout="workspace" className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(20rem,25rem)]">
      <div className="flex min-w-0 flex-col gap-3">
        <LayerList archive={archive} />
        <section aria-label="Image views" className="flex min-w-0 flex-col gap-2">
          <ViewControls />
          <div id="main-pane" role="tabpanel" aria-labelledby={`tab-${tab}`} className="min-w-0">
            {tab === 'treemap' ? <ImageTreemap className={PANE_HEIGHT} /> : null}
            {tab === 'stacked' ? (
              <div className={`flex flex-col ${PANE_HEIGHT}`}>
                <StackedLayers />
              </div>
            ) : null}
            {tab === 'files' ? <FileTree className={PANE_HEIGHT} /> : null}
          </div>
        </section>
      </div>
      <aside aria-label="Read path and wasted bytes" className="flex min-w-0 flex-col gap-4 lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:overflow-y-auto">
        <ReadPathPanel />
        <WastePanel />
      </aside>
    </div>
  );
}
