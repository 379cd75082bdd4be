// Where dive's figures and layerscope's differ on this image, and why, in words with the bytes
// that make the difference (what a person migrating from `dive --ci` needs to trust the new
// numbers). Only differences that exist on this image are listed.

import { formatBytes, formatPercent } from '../../text/units.ts';
import type { CiFigures } from './figures.ts';

export interface Difference {
  figure: 'efficiency' | 'wastedBytes' | 'userWastedPercent';
  dive: number;
  layerscope: number;
  why: string;
}

function pct(r: number): string {
  return Number.isFinite(r) ? formatPercent(r) : String(r);
}

export function explainDifferences(f: CiFigures): Difference[] {
  const out: Difference[] = [];
  const d = f.dive;
  const l = f.layerscope;

  if (d.wastedBytes !== l.wastedBytes) {
    const parts = [`dive counts every copy of a path found in two or more layers, the copy still visible at the top included (${formatBytes(d.visibleCopyBytes)} here)`];
    const rest = d.wastedBytes - d.visibleCopyBytes - l.wastedBytes;
    if (rest !== 0) {
      parts.push(
        `${rest < 0 ? 'it misses' : 'it adds'} ${formatBytes(Math.abs(rest))} more: dive charges a deleted file 0 bytes and a deleted directory its whole subtree, ignores opaque directories, and does not see copies hidden under a replaced or deleted parent directory`,
      );
    }
    parts.push('layerscope counts each copy that nobody can see at the top once');
    out.push({ figure: 'wastedBytes', dive: d.wastedBytes, layerscope: l.wastedBytes, why: `${parts.join('; ')}.` });
  }

  if (Math.abs(d.efficiency - l.efficiency) > 1e-9) {
    out.push({
      figure: 'efficiency',
      dive: d.efficiency,
      layerscope: l.efficiency,
      why:
        "dive scores each path by its smallest copy over the sum of its copies (a deleted path scores 0 of what it held, a directory deletion charges the whole subtree); layerscope divides the final filesystem's file bytes by every layer's file bytes.",
    });
  }

  if (!(d.userWastedPercent === l.userWastedPercent)) {
    const base = f.base;
    const why = [
      `dive divides all its wasted bytes (the base's and the visible copies included) by the bytes of every layer but layer 0 (${formatBytes(d.userSizeBytes)})`,
      `layerscope divides the waste held in the build's own layers (${formatBytes(l.userWastedBytes)}) by the file bytes they add (${formatBytes(l.userBytes)}), with the base taken as ${base.layers} layer${base.layers === 1 ? '' : 's'} (${base.method}: ${base.detail})`,
    ];
    if (l.baseHiddenBytes > 0) why.push(`${formatBytes(l.baseHiddenBytes)} of base files that the build deletes or rewrites still ship in the base layers; they are listed, not charged to the build`);
    if (!Number.isFinite(d.userWastedPercent)) why.push(`dive's figure is ${pct(d.userWastedPercent)} because it divides by zero bytes (a one-layer image, or empty upper layers)`);
    out.push({ figure: 'userWastedPercent', dive: d.userWastedPercent, layerscope: l.userWastedPercent, why: `${why.join('; ')}.` });
  }
  return out;
}
