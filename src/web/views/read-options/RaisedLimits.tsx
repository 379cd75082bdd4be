// The limits raised this session (after a limit stopped a read), said out loud so a person knows
// the page reads with more room than its defaults, with a way back (read-options-slice.ts).

import { formatLimit, type LimitName } from '../../../core/limits.ts';
import { useApp, type AppState } from '../../store/store.ts';

const selectRaised = (s: AppState) => s.raisedLimits;

export function RaisedLimits() {
  const raised = useApp(selectRaised);
  const entries = Object.entries(raised) as [LimitName, number][];
  if (entries.length === 0) return null;
  return (
    <p
      data-testid="raised-limits"
      className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      Limits raised: <span className="font-mono">{entries.map(([name, value]) => `${name} = ${formatLimit(name, value)}`).join(', ')}</span>{' '}
      <button
        type="button"
        data-testid="reset-limits"
        onClick={() => useApp.getState().resetLimits()}
        className="rounded px-1 font-medium text-amber-900 underline hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-amber-200 dark:hover:bg-amber-900/50"
      >
        (reset)
      </button>
    </p>
  );
}
