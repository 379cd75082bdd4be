// The shell: header, then the one thing the page is doing — waiting for a file (the drop zone
// fills the page), reading one (progress + cancel), or showing an image (picker, summary,
// warnings, layers). The error region sits above whichever it is, so the page stays usable.

import { useEffect } from 'react';
import { useApp, type AppState } from '../store/store.ts';
import { ExamplesStrip } from '../views/examples/ExamplesStrip.tsx';
import { LayerList } from '../views/layers/LayerList.tsx';
import { ImagePicker } from '../views/picker/ImagePicker.tsx';
import { ImageSummary } from '../views/summary/ImageSummary.tsx';
import { Warnings } from '../views/warnings/Warnings.tsx';
import { DropZone } from './DropZone.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';
import { useHashSync } from './hash-sync.ts';
import { Header } from './Header.tsx';
import { ProgressPanel } from './ProgressPanel.tsx';

const selectStatus = (s: AppState) => s.status;
const selectArchive = (s: AppState) => s.archive;

/** A file dropped outside the drop zone must not make the browser navigate away to it. */
function useNoStrayDrops(): void {
  useEffect(() => {
    const stop = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}

export function App() {
  useHashSync();
  useNoStrayDrops();
  const status = useApp(selectStatus);
  const archive = useApp(selectArchive);
  const reading = status === 'reading';
  const showing = archive !== null;

  return (
    <div className="flex min-h-full flex-col">
      <Header compact={showing || reading}>
        {showing || reading ? (
          <>
            <ExamplesStrip compact />
            {showing ? <DropZone variant="compact" /> : null}
          </>
        ) : null}
      </Header>
      <main className="flex flex-1 flex-col gap-4 px-6 py-4" data-status={status}>
        <ErrorBanner />
        {reading ? <ProgressPanel /> : null}
        {showing ? (
          <div className={`flex flex-col gap-4 ${reading ? 'opacity-60' : ''}`} aria-busy={reading}>
            <ImagePicker archive={archive} />
            <ImageSummary archive={archive} />
            <Warnings warnings={archive.warnings} />
            <LayerList archive={archive} />
          </div>
        ) : !reading ? (
          <div className="flex flex-1 flex-col">
            <DropZone variant="full">
              <ExamplesStrip />
            </DropZone>
          </div>
        ) : null}
      </main>
    </div>
  );
}
