// The header's tools for what is on screen: share a link, export files, compare with another
// image, step through the build in workshop mode, and the theme.

import './theme.css';
import { useApp, type AppState } from '../../store/store.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { ShareButton } from './ShareButton.tsx';
import { ThemePicker } from './ThemePicker.tsx';

const selectCanShare = (s: AppState) => (s.mode === 'summary' && s.shared !== null) || s.archive !== null;

const tool =
  'rounded-md border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:hover:bg-zinc-800';

export function ShareTools() {
  const canShare = useApp(selectCanShare);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" data-testid="compare-open" className={tool} onClick={() => useApp.getState().setMode('compare')}>
        Compare
      </button>
      <button type="button" data-testid="workshop-open" className={tool} onClick={() => useApp.getState().setMode('workshop')} title="Step through a build, one instruction at a time">
        Workshop
      </button>
      {canShare ? <ShareButton /> : null}
      <ExportMenu />
      <ThemePicker />
    </div>
  );
}
