// One row of the file tree: indent, open/closed caret for directories, name (untrusted: React
// text only), change mark, size (exact bytes on hover) and, in a merged view, the layer it
// comes from. Presentational; the tree handles keys and clicks.

import { memo } from 'react';
import { ChangeMark, EntryKind } from '../../../core/model/entry-kind.ts';
import { exactBytes, formatBytes } from '../../format.ts';
import { MARKS } from './marks.ts';
import type { FileTreeModel } from './tree-model.ts';

interface Props {
  model: FileTreeModel;
  index: number;
  depth: number;
  open: boolean;
  active: boolean;
  showLayer: boolean;
  id: string;
  top: number;
  onClick: (rowIndex: number) => void;
  rowIndex: number;
}

const KIND_SUFFIX: Record<number, string> = { [EntryKind.symlink]: ' →', [EntryKind.hardlink]: ' ⇒', [EntryKind.other]: ' ·' };

export const FileRow = memo(function FileRow({ model, index, depth, open, active, showLayer, id, top, onClick, rowIndex }: Props) {
  const dir = model.isDir(index);
  // A directory re-listed with its children's changes is always "attributes": noise, not shown.
  const mark = dir && model.mark(index) === ChangeMark.attributes ? undefined : MARKS[model.mark(index)];
  const kids = model.hasChildren(index);
  const deleted = mark?.letter === 'D';
  const size = model.shownSize(index);
  const layer = model.layer(index);
  return (
    <div
      id={id}
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={kids ? open : undefined}
      aria-selected={active}
      data-testid="file-row"
      data-path={model.path(index)}
      data-mark={mark?.word.split(' ')[0] ?? 'none'}
      onClick={() => onClick(rowIndex)}
      style={{ transform: `translateY(${top}px)` }}
      className={`absolute inset-x-0 top-0 grid h-6 cursor-default grid-cols-[minmax(0,1fr)_1.25rem_5rem_2.5rem] items-center gap-x-2 px-2 text-xs ${
        active ? 'bg-sky-100 ring-1 ring-sky-500 ring-inset dark:bg-sky-900/50' : 'hover:bg-zinc-50 dark:hover:bg-zinc-900'
      }`}
    >
      <span className="flex min-w-0 items-center" style={{ paddingLeft: `${depth * 0.9}rem` }}>
        <span aria-hidden="true" className="w-4 shrink-0 text-center text-zinc-400">
          {kids ? (open ? '▾' : '▸') : ''}
        </span>
        <span className={`truncate font-mono ${dir ? 'font-semibold' : ''} ${deleted ? 'text-zinc-500 line-through' : ''}`} title={model.path(index)}>
          {model.name(index)}
          {dir ? '/' : (KIND_SUFFIX[model.kind(index)] ?? '')}
        </span>
      </span>
      <span className={`text-center font-mono font-bold ${mark?.className ?? ''}`} title={mark?.word}>
        {mark?.letter ?? ''}
      </span>
      <span className="text-right tabular-nums" title={exactBytes(size)} data-bytes={size}>
        {size > 0 || !dir ? formatBytes(size) : ''}
      </span>
      <span className="text-right font-mono text-zinc-500 tabular-nums" title={layer >= 0 ? `from layer ${layer}` : 'implied by its children'}>
        {showLayer && layer >= 0 ? `#${layer}` : ''}
      </span>
    </div>
  );
});
