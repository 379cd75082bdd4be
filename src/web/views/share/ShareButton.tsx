// The `share` button: makes a link of what is on screen (a Dockerfile whole, or a summary of the
// image) and shows it in the share panel.

import { useState } from 'react';
import { useApp, type AppState } from '../../store/store.ts';
import { SharePanel } from './SharePanel.tsx';

const selectCarries = (s: AppState) =>
  s.mode === 'summary' ? 'a summary of the image' : s.archive?.input.format === 'dockerfile' && s.dockerfile ? 'the whole Dockerfile' : 'a summary of the image (layers, sizes, waste, largest folders)';

export function ShareButton() {
  const carries = useApp(selectCarries);
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const share = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setUrl(await useApp.getState().makeShareLink());
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="relative">
      <button
        type="button"
        data-testid="share"
        onClick={share}
        aria-busy={busy}
        aria-expanded={url !== null}
        className="rounded-md border border-sky-600 px-2.5 py-1 text-sm font-medium text-sky-700 hover:bg-sky-50 dark:text-sky-300 dark:hover:bg-sky-950"
      >
        Share
      </button>
      {url !== null ? <SharePanel url={url} carries={carries} onClose={() => setUrl(null)} /> : null}
      {problem ? (
        <p role="status" className="absolute right-0 top-full z-30 mt-2 w-64 rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
