// Identical bytes at different paths of the final filesystem, found by content hash (`--hash`):
// every copy after the first is space a hard link, a symlink or one fewer COPY would save.
// Hard links already share their bytes and are not duplicates; empty files are left out.

import { EntryKind } from '../../model/entry-kind.ts';
import type { LayerStack } from '../../layerstack/stack.ts';
import { hashHex, NOT_HASHED } from '../../hash/hash-values.ts';

export interface DuplicateGroup {
  /** XXH64 of the content, 16 hex digits */
  hash: string;
  /** bytes of one copy */
  size: number;
  /** every visible path holding these bytes, with its layer, sorted by path */
  copies: { path: string; layer: number }[];
  /** size × (copies − 1) */
  extraBytes: number;
}

export interface Duplicates {
  groups: DuplicateGroup[];
  extraBytes: number;
}

/** Duplicate groups at the top layer, largest saving first; null when the layers carry no hashes. */
export function findDuplicates(stack: LayerStack): Duplicates | null {
  const tables = stack.tables;
  if (stack.layerCount === 0 || tables.some((t) => !t.hashes)) return null;
  const byKey = new Map<string, { hash: bigint; size: number; copies: { path: string; layer: number }[] }>();
  stack.mergedAt(stack.layerCount - 1).forEach((path, layer, row) => {
    const t = tables[layer];
    if (t.kinds[row] !== EntryKind.file || t.sizes[row] === 0) return;
    const hash = t.hashes![row];
    if (hash === NOT_HASHED) return;
    const key = `${t.sizes[row]}:${hash}`;
    let g = byKey.get(key);
    if (!g) {
      g = { hash, size: t.sizes[row], copies: [] };
      byKey.set(key, g);
    }
    g.copies.push({ path, layer });
  });
  const groups: DuplicateGroup[] = [];
  let extra = 0;
  for (const g of byKey.values()) {
    if (g.copies.length < 2) continue;
    g.copies.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const extraBytes = g.size * (g.copies.length - 1);
    extra += extraBytes;
    groups.push({ hash: hashHex(g.hash), size: g.size, copies: g.copies, extraBytes });
  }
  groups.sort((a, b) => b.extraBytes - a.extraBytes || (a.copies[0].path < b.copies[0].path ? -1 : 1));
  return { groups, extraBytes: extra };
}
