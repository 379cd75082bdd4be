// A comparison drawn on one scale: each side's totals with a bar (file bytes shipped, the visible
// part solid), the layers of both side by side with shared ones linked on one row, and what
// differs: the size deltas and the files of the final filesystems that differ most.

import { useMemo, useState } from 'react';
import type { Comparison, SideTotals } from '../../../core/analysis/compare.ts';
import type { Layer } from '../../../core/model/image.ts';
import { exactBytes, formatBytes, formatPercent } from '../../format.ts';
import { layerLabel } from '../treemap/labels.ts';
import { alignLayers } from './align.ts';
import type { Loaded } from './sources.ts';

const signed = (n: number) => (n === 0 ? 'same' : `${n > 0 ? '+' : '−'}${formatBytes(Math.abs(n))}`);

function Totals({ side, loaded, t, scale }: { side: 'a' | 'b'; loaded: Loaded; t: SideTotals; scale: number }) {
  const pct = (n: number) => `${scale > 0 ? (100 * n) / scale : 0}%`;
  const e = t.estimated ? '≈' : '';
  return (
    <section data-testid="compare-side" data-side={side} aria-label={`Side ${side.toUpperCase()}: ${loaded.label}`} className="flex min-w-0 flex-col gap-2 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <h3 className="truncate font-mono text-sm font-semibold" title={loaded.label}>
        {side.toUpperCase()}: {loaded.label}
      </h3>
      <p className="text-2xl font-semibold tabular-nums" data-testid="compare-total" data-side={side} data-bytes={t.fileBytes} title={exactBytes(t.fileBytes)}>
        {e}
        {formatBytes(t.fileBytes)} <span className="text-sm font-normal text-zinc-500">file bytes in {t.layers} layers</span>
      </p>
      <div className="h-4 w-full rounded bg-zinc-100 dark:bg-zinc-800" aria-hidden="true">
        <div className="stripes h-full rounded bg-amber-300/70 dark:bg-amber-700/60" style={{ width: pct(t.fileBytes) }}>
          <div className="h-full rounded bg-sky-500" style={{ width: t.fileBytes > 0 ? `${(100 * t.finalFileBytes) / t.fileBytes}%` : '0%' }} />
        </div>
      </div>
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 text-xs tabular-nums">
        <dt className="text-zinc-500">visible at the top</dt>
        <dd>{e}{formatBytes(t.finalFileBytes)}</dd>
        <dt className="text-zinc-500">reclaimable</dt>
        <dd data-testid="compare-reclaimable" data-bytes={t.reclaimableBytes}>{e}{formatBytes(t.reclaimableBytes)} (efficiency {formatPercent(t.efficiency)})</dd>
        <dt className="text-zinc-500">compressed / tar</dt>
        <dd>{e}{formatBytes(t.compressedSize)} / {e}{formatBytes(t.tarSize)}</dd>
        <dt className="text-zinc-500">history entries without a layer</dt>
        <dd>{t.emptyEntries}</dd>
      </dl>
    </section>
  );
}

function LayerCell({ layer, max, hot, onHover }: { layer: Layer | null; max: number; hot: boolean; onHover: (on: boolean) => void }) {
  if (!layer) return <div />;
  return (
    <div className={`min-w-0 rounded px-1 ${hot ? 'bg-sky-100 dark:bg-sky-900/50' : ''}`} onMouseEnter={() => onHover(true)} onMouseLeave={() => onHover(false)}>
      <div className="flex items-baseline gap-2 text-xs">
        <span className="min-w-0 flex-1 truncate font-mono" title={layer.createdBy ?? ''}>{layerLabel(layer)}</span>
        <span className="shrink-0 tabular-nums" title={exactBytes(layer.fileBytes)}>{layer.estimated ? '≈' : ''}{formatBytes(layer.fileBytes)}</span>
      </div>
      <div className="h-1.5 rounded bg-sky-500/80" style={{ width: `${max > 0 ? Math.max(0.5, (100 * layer.fileBytes) / max) : 0}%` }} />
    </div>
  );
}

export function CompareResult({ a, b, c }: { a: Loaded; b: Loaded; c: Comparison }) {
  const la = a.archive.image.layers;
  const lb = b.archive.image.layers;
  const rows = useMemo(() => alignLayers(la.length, lb.length, c.shared), [la.length, lb.length, c.shared]);
  const max = Math.max(1, ...la.map((l) => l.fileBytes), ...lb.map((l) => l.fileBytes));
  const [hot, setHot] = useState<number | null>(null);
  const how = a.archive.input.format === 'dockerfile' || b.archive.input.format === 'dockerfile' ? 'same build cache key' : 'same diffID';
  return (
    <div className="flex flex-col gap-4" data-testid="compare-result">
      <div className="grid gap-4 md:grid-cols-2">
        <Totals side="a" loaded={a} t={c.a} scale={c.scale} />
        <Totals side="b" loaded={b} t={c.b} scale={c.scale} />
      </div>
      <p className="text-sm" data-testid="compare-delta">
        B against A: file bytes {signed(c.delta.fileBytes)}, visible {signed(c.delta.finalFileBytes)}, reclaimable {signed(c.delta.reclaimableBytes)}, compressed {signed(c.delta.compressedSize)};{' '}
        {c.shared.length} shared layer{c.shared.length === 1 ? '' : 's'} ({how}), {c.onlyA.length} only in A, {c.onlyB.length} only in B.
      </p>
      <section aria-label="Layers side by side" className="rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
        <h3 className="mb-2 text-sm font-semibold">Layers, oldest first, on one scale</h3>
        <ol className="flex flex-col gap-1">
          {rows.map((r, i) => (
            <li key={i} data-testid="compare-row" data-shared={r.shared ? 'true' : undefined} data-a={r.a ?? undefined} data-b={r.b ?? undefined} className="grid grid-cols-[minmax(0,1fr)_5rem_minmax(0,1fr)] items-center gap-2">
              <LayerCell layer={r.a === null ? null : la[r.a]} max={max} hot={r.shared && hot === i} onHover={(on) => setHot(on ? i : null)} />
              <span className={`text-center text-xs ${r.shared ? 'font-semibold text-emerald-700 dark:text-emerald-400' : 'text-zinc-400'}`} title={r.shared ? `the ${how}: stored once` : undefined}>
                {r.shared ? '═ shared ═' : r.a !== null && r.b !== null ? 'differ' : ''}
              </span>
              <LayerCell layer={r.b === null ? null : lb[r.b]} max={max} hot={r.shared && hot === i} onHover={(on) => setHot(on ? i : null)} />
            </li>
          ))}
        </ol>
      </section>
      <section aria-label="Files that differ" className="rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
        <h3 className="mb-2 text-sm font-semibold">
          Final filesystems: {c.files.added} added in B, {c.files.removed} gone from A, {c.files.changed} changed
        </h3>
        {c.files.top.length ? (
          <table className="w-full text-xs">
            <thead>
              <tr className="text-left text-zinc-500">
                <th className="font-normal">path</th>
                <th className="font-normal">change</th>
                <th className="text-right font-normal">A</th>
                <th className="text-right font-normal">B</th>
              </tr>
            </thead>
            <tbody>
              {c.files.top.slice(0, 25).map((d) => (
                <tr key={d.path} data-testid="compare-file-diff">
                  <td className="max-w-0 truncate font-mono" title={d.path}>{d.path}</td>
                  <td>{d.change}</td>
                  <td className="text-right tabular-nums">{d.sizeA === null ? '–' : d.kindA === 'file' ? formatBytes(d.sizeA) : d.kindA}</td>
                  <td className="text-right tabular-nums">{d.sizeB === null ? '–' : d.kindB === 'file' ? formatBytes(d.sizeB) : d.kindB}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-zinc-500">The two final filesystems hold the same paths with the same sizes.</p>
        )}
      </section>
    </div>
  );
}
