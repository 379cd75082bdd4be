// Where the treemap is zoomed: the image, the layer, the folders down to the zoom root. Every
// step but the last is a button that zooms back out to it.

import type { TreemapHierarchy } from '../../../core/analysis/treemap/hierarchy.ts';
import { crumbLabel } from './labels.ts';

export function TreemapBreadcrumb({ hierarchy, root, onZoom }: { hierarchy: TreemapHierarchy; root: number; onZoom: (id: number) => void }) {
  const chain = hierarchy.ancestors(root);
  return (
    <nav aria-label="Treemap zoom" data-testid="treemap-breadcrumb" className="flex min-w-0 flex-wrap items-center gap-1 text-sm">
      {chain.map((id, i) => {
        const last = i === chain.length - 1;
        const label = crumbLabel(hierarchy, id);
        return (
          <span key={id} className="flex min-w-0 items-center gap-1">
            {i > 0 ? <span className="text-zinc-400" aria-hidden="true">›</span> : null}
            {last ? (
              <span aria-current="location" className="max-w-[40ch] truncate font-medium" title={label}>
                {label}
              </span>
            ) : (
              <button
                type="button"
                onClick={() => onZoom(id)}
                title={label}
                className="max-w-[28ch] truncate rounded px-1 text-sky-700 hover:bg-sky-50 hover:underline dark:text-sky-400 dark:hover:bg-sky-950"
              >
                {label}
              </button>
            )}
          </span>
        );
      })}
    </nav>
  );
}
