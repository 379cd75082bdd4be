// The error region for an input that cannot be read: which file, which entry inside it, and what
// was wrong, as the core's InputError says. The page stays usable: drop another file. When a
// reading limit stopped it (issue 6), a button raises that limit and reads the file again.

import { raiseHint } from '../../core/limits.ts';
import { canReread } from '../store/analysis-slice.ts';
import { isDockerfileName } from '../store/drop-plan.ts';
import { showsDockerfile } from '../store/share-slice.ts';
import { useApp, type AppState } from '../store/store.ts';
import { RaiseLimitButton } from '../views/read-options/RaiseLimitButton.tsx';

const selectError = (s: AppState) => s.error;
const selectCanReread = (s: AppState) => canReread(s) || showsDockerfile(s);
// The open Dockerfile failed, or one was refused before it opened (by its size).
const selectDockerfile = (s: AppState) => showsDockerfile(s) || (s.input === null && s.error !== null && isDockerfileName(s.error.file));

export function ErrorBanner() {
  const error = useApp(selectError);
  const rereadable = useApp(selectCanReread);
  const dockerfile = useApp(selectDockerfile);
  if (!error) return null;
  const limit = error.limit && rereadable ? error.limit : null;
  // The core's message ends with how the CLI raises the limit; here the button below does it.
  const problem = limit ? error.problem.replace(` (${raiseHint(limit.name)})`, '') : error.problem;
  return (
    <div
      data-testid="error"
      role="alert"
      className="rounded-xl border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
    >
      <p className="font-semibold">{limit ? `This file went past a reading limit (${limit.name}).` : dockerfile ? 'This Dockerfile could not be simulated.' : 'This file could not be read as an image archive.'}</p>
      <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        <dt className="text-red-800 dark:text-red-300">File</dt>
        <dd className="font-mono break-all">{error.file}</dd>
        <dt className="text-red-800 dark:text-red-300">Entry</dt>
        <dd className="font-mono break-all">{error.entry ?? '(the file itself)'}</dd>
        <dt className="text-red-800 dark:text-red-300">Problem</dt>
        <dd className="break-words">{problem}</dd>
      </dl>
      {limit ? <RaiseLimitButton limit={limit} /> : null}
      <p className="mt-2 text-sm text-red-800 dark:text-red-300">Drop another file or pick an example to carry on.</p>
    </div>
  );
}
