// The treemap on its own page, to judge it by eye and to measure it in a real browser:
//   ?files=N[&layers=L&seed=S]    a synthetic image of N files (synthetic.ts)
//   ?example=NAME                 public/examples/NAME.oci.tar, read by the app's analyze worker
//   &measure=bytes|visible|wasted   &highlight=2,3 (layers in color, the rest dimmed)
//   &stack=0                      skip the stacking: no visible/wasted measures
// Timings go to the page (#stats) and to window.__treemapDemo for scripts (Playwright):
// `firstFrameMs` runs from handing the layers to React to the end of the first painted frame.

import { createElement, useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { syntheticLayerTables } from '../../../core/analysis/treemap/synthetic.ts';
import { finalVisibility } from '../../../core/analysis/treemap/visibility.ts';
import type { SizeMeasure, Visibility } from '../../../core/analysis/treemap/measure.ts';
import { LayerStack } from '../../../core/layerstack/stack.ts';
import type { ImageArchive, Layer } from '../../../core/model/image.ts';
import { AnalyzerClient } from '../../store/analyzer-client.ts';
import { Treemap } from '../../views/treemap/Treemap.tsx';
import type { FrameStats } from './treemap-renderer.ts';
import '../../index.css';

interface DemoRecord {
  source: string;
  files: number;
  loadMs: number;
  /** building the LayerStack for the visible/wasted measures (the waste engine's cost) */
  stackMs: number | null;
  firstFrameMs: number | null;
  frames: (FrameStats & { at: number })[];
}

declare global {
  interface Window {
    __treemapDemo?: DemoRecord;
  }
}

const params = new URLSearchParams(location.search);

function syntheticLayers(files: number, layerCount: number, seed: number): Layer[] {
  return syntheticLayerTables({ files, layers: layerCount, seed }).map((table, index) => ({
    index,
    diffId: null,
    digest: null,
    mediaType: null,
    compression: 'none',
    compressedSize: 0,
    tarSize: 0,
    fileBytes: 0,
    entryCount: table.count,
    fileCount: table.count,
    whiteouts: [],
    opaqueDirs: [],
    createdBy: index === 0 ? `synthetic base: ${files} files in all` : `/bin/sh -c synthetic step ${index}`,
    historyIndex: index,
    estimated: true,
    table,
  }));
}

async function loadLayers(): Promise<{ layers: Layer[]; label: string }> {
  const example = params.get('example');
  if (example) {
    const res = await fetch(new URL(`/examples/${encodeURIComponent(example)}.oci.tar`, location.href));
    if (!res.ok) throw new Error(`examples/${example}.oci.tar: HTTP ${res.status}`);
    const archive = await readInWorker(await res.blob(), `${example}.oci.tar`);
    return { layers: archive.image.layers, label: archive.image.ref ?? example };
  }
  const files = Number(params.get('files') ?? 50_000);
  const layers = Number(params.get('layers') ?? 6);
  return { layers: syntheticLayers(files, layers, Number(params.get('seed') ?? 1)), label: `synthetic ${files.toLocaleString('en-US')} files` };
}

/** The app's own way in: the analyze worker (AnalyzerClient), not a copy of it. */
function readInWorker(blob: Blob, name: string): Promise<ImageArchive> {
  return new Promise((resolve, reject) => {
    new AnalyzerClient().read(blob, name, {}, {
      onProgress: () => {},
      onResult: (archive) => resolve(archive),
      onError: (e) => reject(new Error(`${e.file}: ${e.entry ? `${e.entry}: ` : ''}${e.problem}`)),
    });
  });
}

function Demo({ layers, label, record, visible }: { layers: Layer[]; label: string; record: DemoRecord; visible: Visibility | undefined }) {
  const [measure, setMeasure] = useState<SizeMeasure>((params.get('measure') as SizeMeasure | null) ?? 'bytes');
  const [stats, setStats] = useState<string>('');
  const highlight = useMemo(() => {
    const list = (params.get('highlight') ?? '').split(',').filter(Boolean).map(Number);
    return list.length ? new Set(list) : null;
  }, []);
  const onFrame = useCallback(
    (s: FrameStats) => {
      const at = performance.now();
      record.frames.push({ ...s, at });
      if (record.firstFrameMs === null && s.kind === 'full' && s.cells > 0) record.firstFrameMs = at - t0;
      setStats(
        `${label}: ${record.files.toLocaleString('en-US')} entries, loaded in ${record.loadMs.toFixed(0)} ms; ` +
          `first frame ${record.firstFrameMs?.toFixed(0)} ms after data. Last ${s.kind} frame: layout ${s.layoutMs.toFixed(1)} ms, ` +
          `paint ${s.paintMs.toFixed(1)} ms, ${s.cells} cells laid out, ${s.drawn} filled, ${s.labels} labels`,
      );
    },
    [label, record],
  );
  return createElement(
    'main',
    { className: 'flex h-full flex-col gap-2 p-3' },
    createElement('h1', { className: 'text-lg font-semibold' }, 'Treemap demo'),
    createElement(Treemap, {
      layers,
      measure,
      visible,
      highlightLayers: highlight,
      imageLabel: label,
      onMeasureChange: setMeasure,
      onFrame,
      className: 'h-[calc(100vh-9rem)]',
    }),
    createElement('pre', { id: 'stats', className: 'text-xs whitespace-pre-wrap text-zinc-600 dark:text-zinc-400' }, stats),
  );
}

let t0 = 0;

async function main(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const start = performance.now();
  try {
    const { layers, label } = await loadLayers();
    const loadMs = performance.now() - start;
    // The stacking is the waste engine's cost, not the treemap's: timed apart, before the clock starts.
    let visible: Visibility | undefined;
    let stackMs: number | null = null;
    if (params.get('stack') !== '0') {
      const t = performance.now();
      visible = finalVisibility(new LayerStack(layers.map((l) => l.table)));
      stackMs = performance.now() - t;
    }
    const record: DemoRecord = { source: label, files: layers.reduce((n, l) => n + l.table.count, 0), loadMs, stackMs, firstFrameMs: null, frames: [] };
    window.__treemapDemo = record;
    t0 = performance.now();
    root.render(createElement(Demo, { layers, label, record, visible }));
  } catch (e) {
    root.render(createElement('p', { role: 'alert', className: 'p-4 text-red-700' }, String(e)));
  }
}

void main();
