// The look of one button in a segmented control (view tabs, the treemap's measure, the file
// tree's sort, content hashing): one place, so they all stay alike and all show keyboard focus.

/** Classes of a segment; `pad` sets its size (default "px-2 py-1"). */
export function segmentClass(on: boolean, pad = 'px-2 py-1'): string {
  const state = on ? 'bg-zinc-800 text-white dark:bg-zinc-200 dark:text-zinc-900' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800';
  return `${pad} focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 ${state}`;
}
