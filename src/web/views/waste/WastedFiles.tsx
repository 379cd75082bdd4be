// The largest wasted copies, each with why it is wasted and a click that opens its read path.

import { useState } from 'react';
import type { WasteFile } from '../../../core/analysis/waste.ts';
import { exactBytes, formatBytes, formatCount } from '../../format.ts';
import { useApp } from '../../store/store.ts';
import { reasonText } from './reasons.ts';

const FIRST = 8;

export function WastedFiles({ files, total }: { files: WasteFile[]; total: number }) {
  const [all, setAll] = useState(false);
  if (files.length === 0) return <p className="text-xs text-zinc-500 dark:text-zinc-400">No wasted copies: every file byte in the layers is visible in the final image.</p>;
  const shown = all ? files : files.slice(0, FIRST);
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Largest wasted copies</h3>
      <ol className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="wasted-files">
        {shown.map((f, i) => (
          <li key={i} data-testid="wasted-file" data-path={f.path} data-reason={f.reason} data-layer-index={f.layer}>
            <button
              type="button"
              onClick={() => useApp.getState().pickPath(f.path)}
              title={`Show the read path of ${f.path}`}
              className="grid w-full grid-cols-[minmax(0,1fr)_auto] gap-x-3 px-1 py-1 text-left hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-900"
            >
              <span className="min-w-0">
                <span className="block truncate font-mono text-xs">{f.path}</span>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  copy in layer {f.layer}, {reasonText(f)}
                </span>
              </span>
              <span className="text-right text-xs tabular-nums" title={exactBytes(f.size)} data-bytes={f.size}>
                {formatBytes(f.size)}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {files.length > FIRST ? (
        <button type="button" onClick={() => setAll(!all)} className="mt-1 text-xs text-sky-700 hover:underline dark:text-sky-400">
          {all ? 'Show fewer' : `Show ${formatCount(files.length - FIRST)} more`}
          {!all && total > files.length ? ` (of ${formatCount(total)} wasted copies, the largest ${formatCount(files.length)} are listed)` : ''}
        </button>
      ) : null}
    </div>
  );
}
