// "Content hashing: Auto / On / Off" (issue 7): whether file contents are hashed while layers are
// read, to tell chmod/chown copy-ups from real rewrites exactly. Auto, the default, hashes the
// layers whose bytes are decompressed anyway (gzip/zstd) and not plain layer tars, where hashing
// means reading every payload the scan would skip (core/layers/hash-mode.ts, bench/hash-cost.ts).
// Changing it reads the current image again; the choice is remembered (read-options-slice.ts).

import type { HashMode } from '../../../core/layers/hash-mode.ts';
import { useApp, type AppState } from '../../store/store.ts';
import { segmentClass } from '../common/segment.ts';

const selectMode = (s: AppState) => s.hashMode;

const MODES: { mode: HashMode; label: string; title: string }[] = [
  { mode: 'auto', label: 'Auto', title: 'Hash gzip and zstd layers (a small cost: their bytes are decompressed anyway), not plain layer tars' },
  { mode: 'on', label: 'On', title: 'Hash every layer: exact copy-up detection, slower on plain layer tars' },
  { mode: 'off', label: 'Off', title: 'Hash nothing: copy-ups judged by size and mtime' },
];

const seg = (on: boolean) => segmentClass(on, 'px-2 py-0.5');

export function HashModeControl() {
  const mode = useApp(selectMode);
  return (
    <div className="flex items-center gap-1.5 text-xs">
      <span id="hash-mode-label" className="text-zinc-500 dark:text-zinc-400">
        Content hashing
      </span>
      <div
        role="radiogroup"
        aria-labelledby="hash-mode-label"
        data-testid="hash-mode"
        data-value={mode}
        className="flex overflow-hidden rounded-md border border-zinc-300 dark:border-zinc-700"
      >
        {MODES.map((m) => (
          <button
            key={m.mode}
            type="button"
            role="radio"
            aria-checked={mode === m.mode}
            title={m.title}
            onClick={() => useApp.getState().setHashMode(m.mode)}
            className={seg(mode === m.mode)}
          >
            {m.label}
          </button>
        ))}
      </div>
    </div>
  );
}
