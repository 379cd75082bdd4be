// The treemap panel: a thin React wrapper over TreemapRenderer (STYLE.md #10). It builds the
// hierarchy from the layers (cached per table and measure in core), creates the renderer once in
// an effect and destroys it on cleanup, pushes data and highlight into it, and shows what the
// renderer reports: the hover tooltip and the zoom breadcrumb. Click zooms into a layer or
// folder; the breadcrumb, Escape or Backspace zoom back out.

import { useEffect, useMemo, useRef, useState } from 'react';
import { TreemapHierarchy } from '../../../core/analysis/treemap/hierarchy.ts';
import type { SizeMeasure, Visibility } from '../../../core/analysis/treemap/measure.ts';
import type { Layer } from '../../../core/model/image.ts';
import { formatBytes } from '../../format.ts';
import { TreemapRenderer, type FrameStats } from '../../render/treemap/treemap-renderer.ts';
import { layerLabel, tooltipContent, type DescribeEntry } from './labels.ts';
import { TreemapBreadcrumb } from './TreemapBreadcrumb.tsx';
import { TreemapTooltip } from './TreemapTooltip.tsx';
import { segmentClass } from '../common/segment.ts';

export interface TreemapProps {
  layers: readonly Layer[];
  /** what area stands for (default: file bytes of each layer) */
  measure?: SizeMeasure;
  /** visibility in the final image; needed for the `visible` and `wasted` measures */
  visible?: Visibility;
  /** layers in full color, the rest dimmed; null or empty: all */
  highlightLayers?: ReadonlySet<number> | null;
  imageLabel?: string;
  /** shows a measure switch when given */
  onMeasureChange?: (measure: SizeMeasure) => void;
  onFrame?: (stats: FrameStats) => void;
  /** classes of the canvas' box; give it a height (default h-[28rem]) */
  className?: string;
  /** a node to zoom to whenever this changes (null: the image) */
  focus?: number | null;
  /** a click or Enter on a file: its absolute path and layer */
  onPick?: (path: string, layer: number) => void;
  /** more words for the tooltip of a file: its change, why it is wasted */
  describe?: DescribeEntry;
  /** words for the measure switch, where they should differ from the defaults */
  measureLabels?: Partial<Record<SizeMeasure, string>>;
  /** every zoom, by a click, a key, the breadcrumb or `focus`: a folder of a layer, or the image */
  onZoomChange?: (zoom: ZoomTarget) => void;
}

/** A zoom root by path, which outlives the hierarchy's node ids (a share link carries it). */
export type ZoomTarget = { layer: number; path: string } | 'image';

interface HoverState {
  id: number;
  clientX: number;
  clientY: number;
}

const MEASURES: { value: SizeMeasure; label: string; needsVisibility: boolean }[] = [
  { value: 'bytes', label: 'All file bytes', needsVisibility: false },
  { value: 'visible', label: 'Visible in final image', needsVisibility: true },
  { value: 'wasted', label: 'Wasted', needsVisibility: true },
];

export function Treemap(props: TreemapProps) {
  const { layers, measure = 'bytes', visible, highlightLayers = null, imageLabel = 'image', onMeasureChange, onFrame, className = 'h-[28rem]', focus = null, onPick, measureLabels, describe, onZoomChange } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<TreemapRenderer | null>(null);
  const [root, setRoot] = useState(0);
  const [hover, setHover] = useState<HoverState | null>(null);
  const onFrameRef = useRef(onFrame);
  onFrameRef.current = onFrame;
  const onPickRef = useRef<((id: number) => void) | null>(null);
  const onZoomRef = useRef<((id: number) => void) | null>(null);

  const effective = measure !== 'bytes' && !visible ? 'bytes' : measure;
  const hierarchy = useMemo(
    () =>
      new TreemapHierarchy(
        layers.map((l) => l.table),
        { measure: effective, visible, imageLabel, layerLabels: layers.map(layerLabel) },
      ),
    [layers, effective, visible, imageLabel],
  );

  // One renderer per mounted canvas.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const r = new TreemapRenderer(canvas, {
      formatSize: formatBytes,
      onHover: (hit, clientX, clientY) => setHover(hit ? { id: hit.id, clientX, clientY } : null),
      onZoom: (id) => {
        setRoot(id);
        onZoomRef.current?.(id);
      },
      onFrame: (s) => onFrameRef.current?.(s),
      onPick: (id) => onPickRef.current?.(id),
    });
    rendererRef.current = r;
    return () => {
      r.destroy();
      rendererRef.current = null;
    };
  }, []);

  // Another measure over the same layers keeps the zoom (when the node still has bytes); another
  // image starts from the top.
  const shownLayers = useRef<readonly Layer[] | null>(null);
  useEffect(() => {
    const r = rendererRef.current;
    if (!r) return;
    r.setData(hierarchy, shownLayers.current === layers ? r.zoomRoot : hierarchy.root);
    shownLayers.current = layers;
    setRoot(r.zoomRoot);
    setHover(null);
  }, [hierarchy, layers]);

  useEffect(() => {
    rendererRef.current?.setHighlight(highlightLayers);
  }, [highlightLayers]);

  // Files whose bytes are not visible (in the final image, or at the layer shown) are striped,
  // when the area shows all bytes; under the other measures area already says it.
  const hatched = useMemo(() => {
    if (effective !== 'bytes' || !visible) return null;
    return (id: number) => {
      const row = hierarchy.rowOf(id);
      return row >= 0 && hierarchy.kind(id) === 'file' && !visible(hierarchy.layerOf(id), row);
    };
  }, [effective, visible, hierarchy]);
  useEffect(() => {
    rendererRef.current?.setHatched(hatched);
  }, [hatched]);

  useEffect(() => {
    const r = rendererRef.current;
    if (!r) return;
    if (focus === null) r.zoomTo(hierarchy.root);
    else if (hierarchy.has(focus) && hierarchy.size(focus) > 0) r.zoomTo(focus);
    // Not on a new measure: the zoom a person chose stays (the data effect keeps it).
  }, [focus, layers]);

  onPickRef.current = onPick ? (id) => onPick(hierarchy.path(id), hierarchy.layerOf(id)) : null;
  onZoomRef.current = onZoomChange ? (id) => onZoomChange(id === hierarchy.root ? 'image' : { layer: hierarchy.layerOf(id), path: hierarchy.path(id) }) : null;

  const tip = hover ? tooltipContent(hierarchy, hover.id, layers, describe) : null;
  const zoom = (id: number) => rendererRef.current?.zoomTo(id);

  return (
    <section aria-label="Treemap of layer sizes" className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <TreemapBreadcrumb hierarchy={hierarchy} root={root} onZoom={zoom} />
        {onMeasureChange ? (
          <div role="radiogroup" aria-label="Area shows" className="flex overflow-hidden rounded-md border border-zinc-300 text-xs dark:border-zinc-700">
            {MEASURES.filter((m) => !m.needsVisibility || visible).map((m) => (
              <button
                key={m.value}
                type="button"
                role="radio"
                aria-checked={effective === m.value}
                onClick={() => onMeasureChange(m.value)}
                className={segmentClass(effective === m.value)}
              >
                {measureLabels?.[m.value] ?? m.label}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <div className={`relative min-h-0 ${className}`}>
        <canvas
          ref={canvasRef}
          data-testid="treemap"
          tabIndex={0}
          role="img"
          aria-label={`Treemap of ${formatBytes(hierarchy.size(hierarchy.root))}: click a layer or folder to zoom in, a file to see its read path; Escape zooms out`}
          className="block h-full w-full cursor-pointer rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
        />
        {hierarchy.size(hierarchy.root) === 0 ? (
          <p className="absolute inset-0 flex items-center justify-center text-sm text-zinc-500">No file bytes to show for this measure.</p>
        ) : null}
      </div>
      {tip && hover ? <TreemapTooltip content={tip} clientX={hover.clientX} clientY={hover.clientY} /> : null}
    </section>
  );
}
