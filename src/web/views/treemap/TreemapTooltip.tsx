// The hover card over the treemap: path, size in human units and exact bytes, file count, layer
// and its command. Positioned next to the pointer and kept inside the window; never takes the
// pointer (pointer-events: none), so it cannot steal hover from the canvas beneath it.

import type { TooltipContent } from './labels.ts';

const OFFSET = 14;
const WIDTH = 360;

export function TreemapTooltip({ content, clientX, clientY }: { content: TooltipContent; clientX: number; clientY: number }) {
  const left = Math.max(4, clientX + OFFSET + WIDTH > window.innerWidth ? clientX - OFFSET - WIDTH : clientX + OFFSET);
  const top = Math.max(4, Math.min(clientY + OFFSET, window.innerHeight - 140));
  return (
    <div
      data-testid="treemap-tooltip"
      role="tooltip"
      style={{ left, top, maxWidth: WIDTH }}
      className="pointer-events-none fixed z-50 rounded-md border border-zinc-300 bg-white/95 px-3 py-2 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900/95"
    >
      <div className="font-mono break-all">{content.title}</div>
      <div className="mt-1">
        <span className="font-semibold tabular-nums">{content.size}</span>
        <span className="ml-1 text-zinc-500 tabular-nums dark:text-zinc-400">({content.exact})</span>
      </div>
      {content.files ? <div className="text-zinc-600 dark:text-zinc-300">{content.files}</div> : null}
      {content.change ? <div className="text-zinc-600 dark:text-zinc-300">{content.change}</div> : null}
      {content.waste ? <div className="font-medium text-red-700 dark:text-red-400">{content.waste}</div> : null}
      {content.layer ? (
        <div className="mt-1 text-zinc-600 dark:text-zinc-300">
          {content.layer}
          {content.command ? <code className="mt-0.5 line-clamp-3 block font-mono break-all text-zinc-500 dark:text-zinc-400">{content.command}</code> : null}
        </div>
      ) : null}
    </div>
  );
}
