// Under a limit error: one click raises that limit (raisedValue says how far) and reads the file
// again. A real image with a ≥ 512 MiB run of zeros trips maxRatio; this is the way through.

import { formatLimit, type LimitName } from '../../../core/limits.ts';
import { raisedValue } from '../../store/read-options-slice.ts';
import { useApp } from '../../store/store.ts';

export function RaiseLimitButton({ limit }: { limit: { name: LimitName; value: number } }) {
  const to = raisedValue(limit.name, limit.value);
  return (
    <button
      type="button"
      data-testid="raise-limit"
      data-limit={limit.name}
      data-value={to}
      onClick={() => useApp.getState().raiseLimit(limit.name, to)}
      className="mt-3 rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-red-600 dark:hover:bg-red-500"
    >
      Raise {limit.name} to {formatLimit(limit.name, to)} and read again
    </button>
  );
}
