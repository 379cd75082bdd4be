// How a change mark looks in the file tree: a letter, a word for the tooltip, colors.

import { ChangeMark } from '../../../core/model/entry-kind.ts';

export interface MarkLook {
  letter: string;
  word: string;
  className: string;
}

export const MARKS: Record<number, MarkLook> = {
  [ChangeMark.added]: { letter: 'A', word: 'added', className: 'text-emerald-700 dark:text-emerald-400' },
  [ChangeMark.modified]: { letter: 'M', word: 'modified', className: 'text-amber-700 dark:text-amber-400' },
  [ChangeMark.deleted]: { letter: 'D', word: 'deleted', className: 'text-red-700 dark:text-red-400' },
  [ChangeMark.attributes]: { letter: 'P', word: 'attributes only (mode, owner): copied up', className: 'text-violet-700 dark:text-violet-400' },
};
