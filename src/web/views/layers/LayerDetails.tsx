// What the selected row adds below itself: when and by what the entry was made, the layer's
// digests and media type, and the paths its whiteouts delete.

import { formatCount, formatDate } from '../../format.ts';
import type { LayerRowModel } from './rows.ts';

const MAX_PATHS = 50;

function Paths({ label, paths }: { label: string; paths: string[] }) {
  if (paths.length === 0) return null;
  return (
    <>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="font-mono break-all">
        {paths.slice(0, MAX_PATHS).join('  ')}
        {paths.length > MAX_PATHS ? ` … and ${formatCount(paths.length - MAX_PATHS)} more` : ''}
      </dd>
    </>
  );
}

export function LayerDetails({ row }: { row: LayerRowModel }) {
  const l = row.layer;
  return (
    <dl className="col-span-full mt-2 grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-0.5 rounded-md bg-white/70 p-2 text-xs dark:bg-zinc-900/70">
      <dt className="text-zinc-500 dark:text-zinc-400">History entry</dt>
      <dd>
        {row.historyIndex === null ? 'none (this layer has no history entry)' : `#${row.historyIndex}`}
        {row.created ? ` · created ${formatDate(row.created)}` : ''}
        {row.comment ? ` · ${row.comment}` : ''}
      </dd>
      {row.empty ? (
        <>
          <dt className="text-zinc-500 dark:text-zinc-400">Layer</dt>
          <dd>none: this step changed the config only (empty_layer)</dd>
        </>
      ) : null}
      {row.missing ? (
        <>
          <dt className="text-zinc-500 dark:text-zinc-400">Layer</dt>
          <dd>not in the archive: the history lists more layers than the manifest</dd>
        </>
      ) : null}
      {l ? (
        <>
          <dt className="text-zinc-500 dark:text-zinc-400">Blob digest</dt>
          <dd className="font-mono break-all">{l.digest ?? '–'}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Diff ID</dt>
          <dd className="font-mono break-all">{l.diffId ?? '–'}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Media type</dt>
          <dd className="font-mono break-all">{l.mediaType ?? '– (docker save: plain tar)'}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Tar entries</dt>
          <dd>
            {formatCount(l.entryCount)}
            {l.estimated ? ' (estimated)' : ''}: {formatCount(l.fileCount)} regular {l.fileCount === 1 ? 'file' : 'files'}, {l.whiteouts.length} whiteouts, {l.opaqueDirs.length} opaque dirs; compression: {l.compression}
          </dd>
          <Paths label="Deletes" paths={l.whiteouts} />
          <Paths label="Opaque dirs" paths={l.opaqueDirs} />
        </>
      ) : null}
    </dl>
  );
}
