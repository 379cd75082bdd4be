// The read-path panel: a path is picked (here, in the treemap or in the file tree) and the panel
// says where a read of it from a container ends: found in layer N, or stopped by a whiteout, an
// opaque directory or a file over a parent, with the copies below it that nobody can read.

import { formatBytes, exactBytes } from '../../format.ts';
import { useApp, type AppState } from '../../store/store.ts';
import { PathSearch } from './PathSearch.tsx';
import { ReadPathSteps } from './ReadPathSteps.tsx';

const selectPicked = (s: AppState) => s.pickedPath;
const selectResult = (s: AppState) => s.readPath;
const selectLayers = (s: AppState) => s.archive?.image.layers ?? null;

export function ReadPathPanel() {
  const picked = useApp(selectPicked);
  const result = useApp(selectResult);
  const layers = useApp(selectLayers);
  const stop = result?.steps.find((s) => s.outcome !== 'miss' && s.outcome !== 'shadowed');
  const shadowed = result?.steps.filter((s) => s.outcome === 'shadowed').length ?? 0;
  return (
    <section aria-label="Read path" data-testid="read-path" className="flex min-w-0 flex-col gap-2 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">Read path</h2>
        {picked ? (
          <button type="button" onClick={() => useApp.getState().pickPath(null)} className="rounded px-1.5 text-xs text-zinc-500 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800">
            Clear
          </button>
        ) : null}
      </div>
      <PathSearch />
      {!picked ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Pick a file here, in the treemap or in the file tree to see which layer a container reads it from, and which copies below lie unread.
        </p>
      ) : !result || !layers ? (
        <p className="text-xs text-zinc-500">Reading {picked}…</p>
      ) : (
        <>
          <p className="text-sm" data-testid="read-path-answer">
            <code className="font-mono break-all">{result.path}</code>{' '}
            {result.found ? (
              <>
                is read from <strong>layer {result.found.layer}</strong>: a {result.found.kind}
                {result.found.kind === 'file' ? <span title={exactBytes(result.found.size)}> of {formatBytes(result.found.size)}</span> : null}
              </>
            ) : stop ? (
              <>
                is <strong>not found</strong>: {stop.outcome === 'whiteout' ? 'deleted' : stop.outcome === 'opaque' ? 'hidden by an opaque directory' : 'blocked by a non-directory'} in layer {stop.layer}
              </>
            ) : (
              <>is in no layer</>
            )}
            {shadowed > 0 ? `; ${shadowed} ${shadowed === 1 ? 'copy' : 'copies'} below ${shadowed === 1 ? 'is' : 'are'} never read` : ''}.
          </p>
          <ReadPathSteps result={result} layers={layers} />
        </>
      )}
    </section>
  );
}
