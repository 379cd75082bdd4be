// The bar shown while the worker reads: bytes read of total, what it is doing, and Cancel, which
// terminates the worker so the page is usable at once.

import { formatBytes } from '../format.ts';
import { useApp, type AppState } from '../store/store.ts';

const selectProgress = (s: AppState) => s.progress;
const selectPercent = (s: AppState) => s.percent;
const selectName = (s: AppState) => s.input?.name ?? null;

const PHASES = { index: 'Indexing the archive', layers: 'Reading layers', stack: 'Stacking layers' } as const;
/** What the byte counts are of, per phase. */
const OF = { index: 'archive indexed', layers: 'read', stack: 'stacked' } as const;

export function ProgressPanel() {
  const progress = useApp(selectProgress);
  const name = useApp(selectName);
  const pct = useApp(selectPercent);
  const label = progress ? PHASES[progress.phase] : name ? 'Starting' : 'Downloading the example';

  return (
    <section aria-label="Reading" className="mx-auto w-full max-w-3xl rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
      <div className="mb-2 flex items-baseline justify-between gap-4">
        <p className="min-w-0 truncate font-medium" title={name ?? undefined}>
          {label}
          {name ? <span className="text-zinc-500 dark:text-zinc-400"> · {name}</span> : null}
          {progress?.detail ? <span className="text-zinc-500 dark:text-zinc-400"> · {progress.detail}</span> : null}
        </p>
        <button
          type="button"
          data-testid="cancel"
          onClick={() => useApp.getState().cancel()}
          className="shrink-0 rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Cancel
        </button>
      </div>
      <div
        data-testid="progress"
        role="progressbar"
        aria-label="Bytes read"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={progress ? `${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)}` : 'starting'}
        className="h-2.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="h-full rounded-full bg-sky-500 transition-[width] duration-100" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-2 text-sm tabular-nums text-zinc-600 dark:text-zinc-400">
        {progress ? `${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)} ${OF[progress.phase]} · ${pct}%` : ' '}
      </p>
    </section>
  );
}
