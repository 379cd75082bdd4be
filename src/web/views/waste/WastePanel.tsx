// The bloat panel (`waste`): how many file bytes the layers ship that nobody can see in the final
// image, the efficiency (ours, and dive's beside it with a line on how they differ), the largest
// wasted copies with why, and what to change, tied to the layers that cause it.

import { useApp, type AppState } from '../../store/store.ts';
import { HashNote } from '../read-options/HashNote.tsx';
import { Suggestions } from './Suggestions.tsx';
import { WastedFiles } from './WastedFiles.tsx';
import { OURS, WasteHeadline } from './WasteHeadline.tsx';

const selectBloat = (s: AppState) => s.stacked?.facts.bloat ?? null;
const selectStatus = (s: AppState) => s.stackStatus;
const selectError = (s: AppState) => s.stackError;

const DIVES_DEFAULT = "dive scores each path by its smallest copy over all its copies, so a deleted file scores 0 and the copy still visible counts as waste too";

export function WastePanel() {
  const bloat = useApp(selectBloat);
  const status = useApp(selectStatus);
  const error = useApp(selectError);
  if (!bloat) {
    return (
      <section aria-label="Wasted bytes" data-testid="waste" className="rounded-xl border border-zinc-200 p-3 text-sm text-zinc-500 dark:border-zinc-800">
        {status === 'error' ? `The layers could not be stacked: ${error}` : status === 'stacking' ? 'Stacking the layers to find wasted bytes…' : 'No layers to stack.'}
      </section>
    );
  }
  const diff = bloat.differences.find((d) => d.figure === 'efficiency');
  return (
    <section aria-label="Wasted bytes" data-testid="waste" className="flex min-w-0 flex-col gap-3 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <h2 className="text-sm font-semibold">Wasted bytes</h2>
      <WasteHeadline figures={bloat} />
      <p className="text-xs leading-snug text-zinc-600 dark:text-zinc-400" data-testid="efficiency-note">
        Ours is {OURS}. {diff ? diff.why.replace(/^./, (c) => c.toUpperCase()) : `${DIVES_DEFAULT.replace(/^./, (c) => c.toUpperCase())}; here the two agree.`}
      </p>
      <HashNote />
      <WastedFiles files={bloat.files} total={bloat.wastedCount} />
      <Suggestions items={bloat.suggestions} />
    </section>
  );
}
