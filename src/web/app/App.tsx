// The shell: header, then the one thing the page is doing — waiting for a file (the drop zone
// fills the page), reading one (progress + cancel), or showing an image (picker, summary,
// warnings, then the workspace: layers, treemap / stacked layers / files, read path, waste). The error region sits above whichever it is, so the page stays usable.

import { useEffect } from 'react';
import { useApp, type AppState } from '../store/store.ts';
import { DockerfilePanel } from '../views/dockerfile/DockerfilePanel.tsx';
import { ExamplesStrip } from '../views/examples/ExamplesStrip.tsx';
import { ImagePicker } from '../views/picker/ImagePicker.tsx';
import { HashModeControl } from '../views/read-options/HashModeControl.tsx';
import { RaisedLimits } from '../views/read-options/RaisedLimits.tsx';
import { PageOutlet, usePageMode } from '../views/share/PageOutlet.tsx';
import { ShareTools } from '../views/share/ShareTools.tsx';
import { ImageSummary } from '../views/summary/ImageSummary.tsx';
import { Warnings } from '../views/warnings/Warnings.tsx';
import { Workspace } from '../views/workspace/Workspace.tsx';
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
  // A shared summary, a broken link, compare or workshop take the whole page (views/share/).
  const page = usePageMode();
  if (page) return <PageOutlet mode={page} />;

  return (
    <div className="flex min-h-full flex-col">
      <Header compact={showing || reading}>
        {showing || reading ? (
          <>
            <ExamplesStrip compact />
            {showing ? <DropZone variant="compact" /> : null}
            {showing ? <ShareTools /> : null}
          </>
        ) : null}
        <HashModeControl />
      </Header>
      <main className="flex flex-1 flex-col gap-4 px-6 py-4" data-status={status}>
        <RaisedLimits />
        <ErrorBanner />
        <DockerfilePanel />
        {reading ? <ProgressPanel /> : null}
        {showing ? (
          <div className={`flex flex-col gap-4 ${reading ? 'opacity-60' : ''}`} aria-busy={reading}>
            <ImagePicker archive={archive} />
            <ImageSummary archive={archive} />
            <Warnings warnings={archive.warnings} />
            <Workspace archive={archive} />
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
