// Compare: two images or Dockerfiles side by side. Each side is loaded on its own (examples, the
// image on screen, or a file), then core compares them (src/core/analysis/compare.ts).

import { useMemo, useState } from 'react';
import { compareImages } from '../../../core/analysis/compare.ts';
import type { ReadError } from '../../store/analyzer-client.ts';
import { useApp, type AppState } from '../../store/store.ts';
import { CompareResult } from './CompareResult.tsx';
import { SidePicker } from './SidePicker.tsx';
import { keysOf, loadSource, problemOf, type Loaded, type Source } from './sources.ts';

type SideState = { value: string; status: 'empty' | 'loading' | 'done' | 'error'; loaded: Loaded | null; problem: ReadError | string | null };

const EMPTY: SideState = { value: '', status: 'empty', loaded: null, problem: null };
const selectArchive = (s: AppState) => s.archive;

/** Bumped per side on every pick, so a slow load never lands after a newer pick. */
const tokens = { a: 0, b: 0 };

export function ComparePage({ onExit }: { onExit: () => void }) {
  const current = useApp(selectArchive);
  const [sides, setSides] = useState<{ a: SideState; b: SideState }>(() => ({
    a: current ? { ...EMPTY, value: 'current', status: 'done', loaded: { label: current.input.name, archive: current, keys: keysOf(current) } } : EMPTY,
    b: EMPTY,
  }));

  const pick = (side: 'a' | 'b', value: string, source: Source) => {
    const token = ++tokens[side];
    setSides((s) => ({ ...s, [side]: { value, status: 'loading', loaded: null, problem: null } }));
    loadSource(side, source, useApp.getState().archive).then(
      (loaded) => token === tokens[side] && setSides((s) => ({ ...s, [side]: { value, status: 'done', loaded, problem: null } })),
      (e: unknown) => token === tokens[side] && setSides((s) => ({ ...s, [side]: { value, status: 'error', loaded: null, problem: problemOf(e) } })),
    );
  };

  const a = sides.a.loaded;
  const b = sides.b.loaded;
  const comparison = useMemo(() => (a && b ? compareImages({ archive: a.archive, keys: a.keys }, { archive: b.archive, keys: b.keys }) : null), [a, b]);

  return (
    <div className="flex flex-col gap-4" data-testid="compare">
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" data-testid="compare-close" onClick={onExit} className="rounded-md border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          ← Back
        </button>
        <h2 className="text-lg font-semibold">Compare two images or Dockerfiles</h2>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {(['a', 'b'] as const).map((side) => {
          const s = sides[side];
          return (
            <div key={side} className="flex flex-col gap-1">
              <SidePicker side={side} value={s.value} hasCurrent={current !== null} currentLabel={current ? current.input.name : null} onPick={(v, src) => pick(side, v, src)} />
              {s.status === 'loading' ? <p className="text-sm text-zinc-500" role="status">Reading…</p> : null}
              {s.status === 'error' && s.problem ? (
                <p role="alert" data-testid="compare-error" data-side={side} className="text-sm text-red-700 dark:text-red-300">
                  {typeof s.problem === 'string' ? s.problem : `${s.problem.file}${s.problem.entry ? ` (${s.problem.entry})` : ''}: ${s.problem.problem}`}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      {comparison && a && b ? <CompareResult a={a} b={b} c={comparison} /> : <p className="text-sm text-zinc-500">Choose both sides to see their totals on one scale, the layers they share and what differs.</p>}
    </div>
  );
}
