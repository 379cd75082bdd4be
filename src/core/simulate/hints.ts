// Size hints: a comment `# layerscope: size=40MB` on a RUN line (or on the line just above it)
// tells the simulator how much the step's unknown parts add. The hint's bytes are shared by the
// files of the step whose size is not known (a download, node_modules, …); when there are none,
// they become one entry HINT_ROOT/line-N so the layer still weighs what the user said.

import { parseSize } from './commands/getopt.ts';
import type { Vfs } from './vfs/vfs.ts';
import { newInode } from './vfs/vfs.ts';

export const HINT_ROOT = '/.layerscope-hint';

const HINT = /#\s*layerscope:\s*size\s*=\s*([0-9.]+\s*[A-Za-z]*)/;

/** The hint for an instruction spanning lines [start, end] (1-based) of `lines`, in bytes. */
export function findSizeHint(lines: readonly string[], start: number, end: number): number | null {
  for (let l = Math.max(1, start - 1); l <= Math.min(end, lines.length); l++) {
    const m = HINT.exec(lines[l - 1] ?? '');
    if (!m) continue;
    if (l === start - 1 && !/^\s*#/.test(lines[l - 1])) continue;
    const n = parseSize(m[1].replace(/\s+/g, '').replace(/^(\d+(?:\.\d+)?)B$/i, '$1'));
    if (n !== null) return Math.round(n);
  }
  return null;
}

/** Gives the step's not-known sizes the hinted total; returns what was done, in words. */
export function applySizeHint(vfs: Vfs, hint: number, line: number): string {
  const unknown: string[] = [];
  for (const [p] of vfs.touched()) {
    const n = vfs.lstat(p);
    if (n?.kind === 'file' && n.content && !n.content.exact) unknown.push(p);
  }
  const reason = `size from the hint on line ${line} (# layerscope: size=…)`;
  if (unknown.length === 0) {
    if (!vfs.lstat(HINT_ROOT)) vfs.put(HINT_ROOT, newInode('dir', 0o755, 0, 0, vfs.now, vfs.gen));
    const n = newInode('file', 0o644, 0, 0, vfs.now, vfs.gen);
    n.content = { size: hint, bytes: null, exact: false, reason, fill: null, load: null };
    vfs.put(`${HINT_ROOT}/line-${line}`, n);
    return `the size hint (${hint} bytes) is shown as ${HINT_ROOT}/line-${line}`;
  }
  const share = Math.floor(hint / unknown.length);
  unknown.forEach((p, i) => {
    const up = vfs.upper(p);
    const size = i === unknown.length - 1 ? hint - share * (unknown.length - 1) : share;
    up.content = { size, bytes: null, exact: false, reason, fill: null, load: null };
  });
  return `the size hint (${hint} bytes) was shared by ${unknown.length} file(s) of unknown size`;
}
