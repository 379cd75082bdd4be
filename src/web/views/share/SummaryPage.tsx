// An image opened from a share link: read-only, from the summary the link carries (layers with
// their commands and sizes, the waste figures, a treemap of the largest folders and files), with
// the link's view put back. Nothing here needs the image itself.

import { useCallback, useMemo } from 'react';
import type { SharedSummary } from '../../store/share-slice.ts';
import { useApp, type AppState } from '../../store/store.ts';
import { exactBytes, formatBytes, formatCount } from '../../format.ts';
import { LayerList } from '../layers/LayerList.tsx';
import { buildRows } from '../layers/rows.ts';
import { Treemap } from '../treemap/Treemap.tsx';
import { zoomFocus } from '../treemap/zoom-focus.ts';
import type { ZoomTarget } from '../treemap/Treemap.tsx';
import { SummaryWaste } from './SummaryWaste.tsx';

const selectRow = (s: AppState) => s.selectedRow;
const selectZoom = (s: AppState) => s.treemapZoom;
const onZoom = (z: ZoomTarget) => useApp.getState().setTreemapZoom(z);
const FORMAT = { 'docker-archive': 'docker save', 'oci-layout': 'OCI image layout', 'filesystem-tar': 'filesystem tar', dockerfile: 'Dockerfile (simulated)' } as const;

export function SummaryPage({ shared }: { shared: SharedSummary }) {
  const { summary, archive } = shared;
  const selectedRow = useApp(selectRow);
  const zoom = useApp(selectZoom);
  const layers = archive.image.layers;
  const rows = useMemo(() => buildRows(archive.image), [archive]);
  const selectedLayer = rows.find((r) => r.key === selectedRow)?.layerIndex ?? null;
  const layer = selectedLayer !== null && selectedLayer >= 0 ? selectedLayer : null;
  // The link's zoom (put in the store when it opened) and any zoom made here, else the selected layer.
  const focus = zoomFocus(layers, zoom, layer);
  const highlight = useMemo(() => (layer === null ? null : new Set([layer])), [layer]);
  const onPick = useCallback(() => undefined, []);
  const sum = (k: 'compressedSize' | 'tarSize' | 'fileBytes') => layers.reduce((s, l) => s + l[k], 0);
  return (
    <div className="flex flex-col gap-4" data-testid="shared-summary">
      <div role="note" className="rounded-xl border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100">
        <p className="font-semibold">Opened from a share link: a summary of this image, read-only.</p>
        <p>
          Layers, sizes and waste are as measured when the link was made; the treemap holds the largest folders and files
          {summary.cut ? ' (smaller ones are counted in their folder)' : ''}. Drop the image itself to explore every file.
        </p>
      </div>
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)_max-content_minmax(0,1fr)]">
        <dt className="text-zinc-500">File</dt>
        <dd className="font-mono break-all" data-testid="input-name">{summary.input.name}</dd>
        <dt className="text-zinc-500">Format</dt>
        <dd>{FORMAT[summary.input.format]}</dd>
        <dt className="text-zinc-500">Image</dt>
        <dd className="font-mono break-all">{summary.ref ?? '(untagged)'}</dd>
        <dt className="text-zinc-500">Platform</dt>
        <dd className="font-mono">{summary.platform ?? '–'}</dd>
        <dt className="text-zinc-500">Layers</dt>
        <dd className="tabular-nums">{formatCount(layers.length)}</dd>
        <dt className="text-zinc-500">Sizes</dt>
        <dd className="tabular-nums" title={`${exactBytes(sum('compressedSize'))} compressed, ${exactBytes(sum('tarSize'))} tar, ${exactBytes(sum('fileBytes'))} file bytes`}>
          {formatBytes(sum('compressedSize'))} compressed · {formatBytes(sum('tarSize'))} tar · {formatBytes(sum('fileBytes'))} file bytes
        </dd>
      </dl>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Treemap layers={layers} imageLabel={summary.ref ?? summary.input.name} focus={focus} highlightLayers={highlight} onPick={onPick} onZoomChange={onZoom} className="h-[26rem]" />
        <SummaryWaste waste={summary.waste} />
      </div>
      <LayerList archive={archive} />
    </div>
  );
}
