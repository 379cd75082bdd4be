// What to change in the Dockerfile, each suggestion with the bytes it would save and the layers
// it is about (a click selects the layer). Texts come from core's CI analysis (suggestions.ts),
// the same words `layerscope ci` prints; commands inside them are untrusted text, shown as text.

import type { Suggestion } from '../../../core/analysis/ci/suggestions.ts';
import { exactBytes, formatBytes } from '../../format.ts';
import { useApp } from '../../store/store.ts';

const KIND_WORDS: Record<Suggestion['kind'], string> = {
  'create-then-delete': 'delete where you create',
  'copy-up': 'no chmod/chown copy-up',
  rewrite: 'write once',
  'package-cache': 'clean the package cache',
  duplicates: 'duplicates',
};

export function Suggestions({ items }: { items: Suggestion[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Suggestions</h3>
      <ul className="space-y-2 text-sm" data-testid="suggestions">
        {items.map((s, i) => (
          <li key={i} data-testid="suggestion" data-kind={s.kind} className="rounded-md bg-zinc-50 px-2 py-1.5 dark:bg-zinc-900">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
              <span className="font-semibold">{KIND_WORDS[s.kind]}</span>
              {s.bytes > 0 ? (
                <span className="text-emerald-700 tabular-nums dark:text-emerald-400" title={exactBytes(s.bytes)}>
                  saves {formatBytes(s.bytes)}
                </span>
              ) : (
                <span className="text-zinc-500">saves nothing in this image</span>
              )}
              <span className="ml-auto flex gap-1">
                {s.layers.map((l) => (
                  <button
                    key={l}
                    type="button"
                    onClick={() => useApp.getState().selectLayer(l)}
                    title={`Select layer ${l}`}
                    className="rounded border border-zinc-300 px-1 font-mono hover:border-sky-500 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700"
                  >
                    #{l}
                  </button>
                ))}
              </span>
            </div>
            <p className="mt-0.5 text-xs leading-snug break-words text-zinc-700 dark:text-zinc-300">{s.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
