// The treemap of the shown image, as the rest of the page has it: the layer selected in the list
// is zoomed into (its own changes) or, in merged mode, the treemap holds the layers up to it with
// "visible" meaning visible at that layer; the layers of the read path are highlighted (the
// others dimmed); a click on a file opens its read path. Bytes not visible are striped; the measure switch turns area
// into visible or wasted bytes once the stack worker has said which are which.

import { useCallback, useMemo } from 'react';
import type { SizeMeasure } from '../../../core/analysis/treemap/measure.ts';
import { selectLayerIndex } from '../../store/selection-slice.ts';
import { useApp, type AppState } from '../../store/store.ts';
import { readPathLayers } from '../readpath/outcomes.ts';
import { reasonText } from '../waste/reasons.ts';
import type { StackedImage } from '../../model/stacked-image.ts';
import { WASTE_REASONS } from '../../../worker/stack-protocol.ts';
import type { DescribeEntry } from './labels.ts';
import { Treemap, type ZoomTarget } from './Treemap.tsx';
import { zoomFocus } from './zoom-focus.ts';

const selectArchive = (s: AppState) => s.archive;
const selectStacked = (s: AppState) => s.stacked;
const selectMode = (s: AppState) => s.viewMode;
const selectMeasure = (s: AppState) => s.measure;
const selectReadPath = (s: AppState) => s.readPath;
const selectZoom = (s: AppState) => s.treemapZoom;
const onMeasure = (m: SizeMeasure) => useApp.getState().setMeasure(m);
const onZoom = (z: ZoomTarget) => useApp.getState().setTreemapZoom(z);

const CHANGE_WORDS = ['added here', 'modified here (new content over a lower copy)', 'deleted here', 'attributes only (mode, owner) changed here: a copy-up'];

/** The tooltip's change and waste lines for an entry, from the stacking's columns. */
function describeWith(img: StackedImage): DescribeEntry {
  const { marks, wasteReasons, hiddenBy } = img.facts;
  return (layer, row) => {
    const e = img.entry(layer, row);
    const code = wasteReasons[e];
    return {
      change: CHANGE_WORDS[marks[e]] ?? null,
      waste: code > 0 ? `wasted: ${reasonText({ reason: WASTE_REASONS[code - 1], byLayer: hiddenBy[e] })}` : null,
    };
  };
}

export function ImageTreemap({ className }: { className: string }) {
  const archive = useApp(selectArchive);
  const stacked = useApp(selectStacked);
  const layerIndex = useApp(selectLayerIndex);
  const mode = useApp(selectMode);
  const measure = useApp(selectMeasure);
  const readPath = useApp(selectReadPath);
  const zoom = useApp(selectZoom);
  const all = archive?.image.layers;
  const merged = mode === 'merged' && layerIndex !== null;
  const k = merged ? layerIndex : (all?.length ?? 0) - 1;
  const layers = useMemo(() => (all && merged ? all.slice(0, k + 1) : (all ?? [])), [all, merged, k]);
  const visible = stacked && k >= 0 ? stacked.visibleAt(k) : undefined;
  // The read path's layers in color, the rest dimmed; without one, every layer in its color.
  const highlight = useMemo(() => (readPath ? readPathLayers(readPath) : null), [readPath]);
  const labels = useMemo(
    () => (merged ? { visible: `Visible at layer ${k}`, wasted: `Hidden at layer ${k}` } : undefined),
    [merged, k],
  );
  const onPick = useCallback((path: string) => useApp.getState().pickPath(path), []);
  const describe = useMemo(() => (stacked ? describeWith(stacked) : undefined), [stacked]);
  if (!archive) return null;
  // The zoom chosen (or carried by a link) wins; else a selected layer's own changes are shown.
  const focus = zoomFocus(layers, zoom, mode === 'layer' ? layerIndex : null);
  return (
    <Treemap
      layers={layers}
      measure={measure}
      visible={visible}
      highlightLayers={highlight}
      imageLabel={archive.image.ref ?? archive.input.name}
      onMeasureChange={onMeasure}
      focus={focus}
      onPick={onPick}
      measureLabels={labels}
      describe={describe}
      onZoomChange={onZoom}
      className={className}
    />
  );
}
