// Folding of small children for the treemap (hierarchy.ts): ids of the "N small files" nodes and
// where each fold level starts in a parent's sorted children. A fold node's id is negative and
// carries its parent and level, -1 - (parent * 16 + level), so it needs no table of its own.

/** Levels of folds inside folds, at most. */
export const FOLD_LEVELS = 16;

/** Every child of a real node, sorted, and where each fold level starts. */
export interface Sorted {
  ids: Float64Array;
  sizes: Float64Array;
  files: Float64Array;
  foldStart: number[];
  foldSize: number[];
  foldFiles: number[];
}

export function foldId(parent: number, level: number): number {
  return -1 - (parent * FOLD_LEVELS + level);
}
export function foldParent(id: number): number {
  return Math.floor((-1 - id) / FOLD_LEVELS);
}
export function foldLevel(id: number): number {
  return (-1 - id) % FOLD_LEVELS;
}

export function makeSorted(ids: number[], sizes: number[], files: number[]): Sorted {
  return {
    ids: Float64Array.from(ids),
    sizes: Float64Array.from(sizes),
    files: Float64Array.from(files),
    foldStart: [],
    foldSize: [],
    foldFiles: [],
  };
}

/**
 * Where each fold level starts: level l holds the children from foldStart[l] on, those below
 * `fraction` of what is left at that level. A level needs two children or more, and at least
 * one child of the level above must stay out of it (else opening the fold shows the same fold).
 */
export function foldLevels(s: Sorted, total: number, fraction: number): void {
  const n = s.sizes.length;
  let start = 0;
  let left = total;
  while (s.foldStart.length < FOLD_LEVELS) {
    let i = start;
    while (i < n && s.sizes[i] >= fraction * left) i++;
    if (i === start || n - i < 2) return;
    let size = 0;
    let files = 0;
    for (let k = i; k < n; k++) {
      size += s.sizes[k];
      files += s.files[k];
    }
    s.foldStart.push(i);
    s.foldSize.push(size);
    s.foldFiles.push(files);
    start = i;
    left = size;
  }
}
