// The waste figures a share link carries, as measured when the link was made: reclaimable bytes,
// efficiency (ours and dive's), and the largest wasted files with why.

import type { SummaryWaste as Waste } from '../../../core/share/schema-v1.ts';
import { exactBytes, formatBytes } from '../../format.ts';
import { WasteHeadline } from '../waste/WasteHeadline.tsx';

const WHY: Record<Waste['files'][number]['reason'], string> = {
  deleted: 'deleted in layer',
  overwritten: 'overwritten in layer',
  'copied-up': 'copied up (chmod/chown) in layer',
  'hidden-by-opaque': 'hidden by an opaque folder in layer',
};

export function SummaryWaste({ waste }: { waste: Waste }) {
  return (
    <section aria-label="Wasted bytes" data-testid="waste" className="flex min-w-0 flex-col gap-3 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <WasteHeadline figures={waste} />
      {waste.files.length ? (
        <ol className="flex flex-col gap-0.5 text-xs">
          {waste.files.map((f, i) => (
            <li key={i} className="flex gap-2">
              <span className="w-16 shrink-0 text-right tabular-nums" title={exactBytes(f.size)}>
                {formatBytes(f.size)}
              </span>
              <span className="min-w-0 flex-1 truncate font-mono" title={f.path}>
                {f.path}
              </span>
              <span className="shrink-0 text-zinc-500 dark:text-zinc-400">
                layer {f.layer}, {WHY[f.reason]} {f.byLayer}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
