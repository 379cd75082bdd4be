// One line in the bloat panel: how attribute-only changes (chmod/chown copy-ups) were told from
// real rewrites in this image — by content hash, or by size and mtime (core/layers/hash-mode.ts
// has the words, the CLI prints the same). A simulated image has no contents to hash: no line.

import { copyUpJudgement, hashedLayerCount } from '../../../core/layers/hash-mode.ts';
import { useApp, type AppState } from '../../store/store.ts';

const selectArchive = (s: AppState) => s.archive;

export function HashNote() {
  const archive = useApp(selectArchive);
  if (!archive || archive.input.format === 'dockerfile') return null;
  const tables = archive.image.layers.map((l) => l.table);
  const hashed = hashedLayerCount(tables);
  const words = copyUpJudgement(hashed, tables.length);
  return (
    <p
      data-testid="hash-note"
      data-hashed={hashed === 0 ? 'none' : hashed === tables.length ? 'all' : 'some'}
      className="text-xs leading-snug text-zinc-600 dark:text-zinc-400"
    >
      {words.charAt(0).toUpperCase() + words.slice(1)}.
    </p>
  );
}
