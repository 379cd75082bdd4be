// The file tree's controls: sort (size or name), a name filter, "only changes".

import type { SortKey } from './tree-model.ts';
import { segmentClass } from '../common/segment.ts';

interface Props {
  sort: SortKey;
  onSort: (s: SortKey) => void;
  filter: string;
  onFilter: (text: string) => void;
  onlyChanges: boolean;
  onOnlyChanges: (on: boolean) => void;
}

export function FileTreeToolbar({ sort, onSort, filter, onFilter, onlyChanges, onOnlyChanges }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <div role="radiogroup" aria-label="Sort by" className="flex overflow-hidden rounded-md border border-zinc-300 dark:border-zinc-700">
        {(['size', 'name'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={sort === k}
            data-testid={`sort-${k}`}
            onClick={() => onSort(k)}
            className={segmentClass(sort === k)}
          >
            {k === 'size' ? 'Largest first' : 'By name'}
          </button>
        ))}
      </div>
      <input
        type="search"
        data-testid="file-filter"
        aria-label="Filter files by name"
        placeholder="Filter by name"
        value={filter}
        onChange={(e) => onFilter(e.target.value)}
        className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono placeholder:font-sans focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <label className="flex items-center gap-1.5">
        <input type="checkbox" data-testid="only-changes" checked={onlyChanges} onChange={(e) => onOnlyChanges(e.target.checked)} className="accent-sky-600" />
        Only changes
      </label>
    </div>
  );
}
