// The pages that take the whole window instead of the image view: an image summary opened from a
// share link, a link that could not be opened, compare, and workshop mode. The shell (App.tsx)
// asks usePageMode() which one, if any, and renders <PageOutlet> in place of its main view.

import { lazy, Suspense } from 'react';
import { Header } from '../../app/Header.tsx';
import type { PageMode } from '../../store/share-slice.ts';
import { useApp, type AppState } from '../../store/store.ts';
import { ExamplesStrip } from '../examples/ExamplesStrip.tsx';
import { LinkErrorPage } from './LinkErrorPage.tsx';
import { ShareTools } from './ShareTools.tsx';
import { SummaryPage } from './SummaryPage.tsx';
import { useShareLink } from './use-share-link.ts';

// Compare and workshop are code-split: most visits never open them.
const ComparePage = lazy(() => import('../compare/ComparePage.tsx').then((m) => ({ default: m.ComparePage })));
const WorkshopPage = lazy(() => import('../workshop/WorkshopPage.tsx').then((m) => ({ default: m.WorkshopPage })));

const selectMode = (s: AppState) => s.mode;
const selectShared = (s: AppState) => s.shared;
const selectProblem = (s: AppState) => s.linkProblem;

/** Opens share links from the address bar, and says which page of its own is showing. */
export function usePageMode(): PageMode | null {
  useShareLink();
  return useApp(selectMode);
}

const back = () => useApp.getState().setMode(null);

export function PageOutlet({ mode }: { mode: PageMode }) {
  const shared = useApp(selectShared);
  const problem = useApp(selectProblem);
  if (mode === 'workshop') {
    return (
      <Suspense fallback={<p className="p-8 text-lg">Loading workshop…</p>}>
        <WorkshopPage onExit={back} />
      </Suspense>
    );
  }
  return (
    <div className="flex min-h-full flex-col">
      <Header compact={mode !== 'link-error'}>
        {/* A broken link's page has the full gallery already; one set of `example` buttons. */}
        {mode !== 'link-error' ? (
          <>
            <ExamplesStrip compact />
            <ShareTools />
          </>
        ) : null}
      </Header>
      <main className="flex flex-1 flex-col gap-4 px-6 py-4" data-status={mode} data-page={mode}>
        {mode === 'summary' && shared ? <SummaryPage shared={shared} /> : null}
        {mode === 'link-error' ? <LinkErrorPage problem={problem ?? 'This share link cannot be opened.'} /> : null}
        {mode === 'compare' ? (
          <Suspense fallback={<p>Loading compare…</p>}>
            <ComparePage onExit={back} />
          </Suspense>
        ) : null}
      </main>
    </div>
  );
}
