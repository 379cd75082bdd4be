// The Dockerfile beside its simulated image: the text, editable (`dockerfile-editor`), and one
// line per instruction saying whether it made a layer, how big, and after an edit whether
// BuildKit's cache would keep that layer or rebuild it (src/core/simulate/cache.ts). Edits are
// simulated after a short pause; the image on screen follows. Which base and context it was
// simulated with (`dockerfile-base`, `dockerfile-context`) is said under the title.

import { useEffect, useMemo, useRef, useState } from 'react';
import type { CacheDecision } from '../../../core/simulate/cache.ts';
import type { SimulatedImage } from '../../../core/simulate/types.ts';
import { formatBytes } from '../../format.ts';
import { useApp, type AppState } from '../../store/store.ts';

const selectDoc = (s: AppState) => s.dockerfile;
const selectArchive = (s: AppState) => s.archive;
const PAUSE_MS = 400;

const BADGE: Record<CacheDecision, string> = {
  hit: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  rebuild: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
  'not-built': 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300',
};

export function DockerfilePanel() {
  const doc = useApp(selectDoc);
  const archive = useApp(selectArchive);
  const [text, setText] = useState(doc?.text ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A new Dockerfile (not our own edit) replaces the text.
  const docId = doc?.id;
  useEffect(() => {
    const t = useApp.getState().dockerfile?.text;
    if (t !== undefined) setText(t);
  }, [docId]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const sim = archive?.input.format === 'dockerfile' ? (archive as SimulatedImage) : null;
  const marks = useMemo(() => new Map((doc?.cache?.marks ?? []).map((m) => [m.step, m])), [doc?.cache]);
  if (!doc) return null;

  const onChange = (value: string) => {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void useApp.getState().editDockerfile(value), PAUSE_MS);
  };

  return (
    <section aria-label="Dockerfile" className="grid gap-3 rounded-xl border border-zinc-200 p-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] dark:border-zinc-800">
      <label className="flex min-w-0 flex-col gap-1">
        <span className="flex items-center gap-2 text-sm font-medium">
          {doc.name}
          <span className="font-normal text-zinc-500 dark:text-zinc-400">
            simulated with {doc.builder === 'buildkit' ? 'BuildKit' : 'Buildah'} {doc.simulating ? '…' : ''}
          </span>
        </span>
        {sim ? (
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            <span data-testid="dockerfile-base" data-source={sim.base.source} data-layers={sim.base.layers}>
              Base {sim.base.ref}: {sim.base.layers} {sim.base.layers === 1 ? 'layer' : 'layers'}, {sim.base.detail}
            </span>
            {' · '}
            <span data-testid="dockerfile-context">
              {doc.build?.context ? `context: ${doc.build.context.name} (${doc.build.context.files.length} files)` : 'no build context (drop the folder to size COPY)'}
            </span>
          </span>
        ) : null}
        <textarea
          data-testid="dockerfile-editor"
          value={text}
          spellCheck={false}
          wrap="off"
          onChange={(e) => onChange(e.currentTarget.value)}
          rows={Math.min(24, Math.max(8, text.split('\n').length + 1))}
          className="w-full resize-y rounded-md border border-zinc-300 bg-zinc-50 p-2 font-mono text-xs leading-5 dark:border-zinc-700 dark:bg-zinc-950"
        />
        {doc.problem ? (
          <p role="status" data-testid="dockerfile-problem" className="text-sm text-red-700 dark:text-red-300">
            {doc.problem.entry ? `${doc.problem.entry}: ` : ''}
            {doc.problem.problem} (the image shown is from the last text that simulated)
          </p>
        ) : null}
      </label>
      <div className="min-w-0">
        <p className="mb-1 text-sm font-medium">Instructions{doc.cache ? ': after your edit, BuildKit would…' : ''}</p>
        <ol className="flex flex-col gap-0.5 text-xs">
          {sim?.steps.map((s) => {
            const mark = marks.get(s.index);
            return (
              <li key={s.index} data-testid="dockerfile-step" data-line={s.startLine} data-cache={mark?.decision} className="flex items-baseline gap-2" title={[s.why, ...s.notes].join('\n')}>
                <span className="w-8 shrink-0 text-right font-mono text-zinc-500">{s.startLine}</span>
                <span className="min-w-0 flex-1 truncate font-mono">{s.original}</span>
                <span className="shrink-0 tabular-nums text-zinc-600 dark:text-zinc-400">
                  {!s.inImage ? 'not in image' : s.makesLayer ? `layer ${s.layerIndex}: ${s.estimated ? '≈' : ''}${formatBytes(s.added.fileBytes)}` : 'no layer'}
                </span>
                {mark ? (
                  <span className={`shrink-0 rounded px-1.5 ${BADGE[mark.decision]}`} title={mark.reason}>
                    {mark.decision === 'hit' ? 'cached' : mark.decision}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
