// The cache step: edit one instruction, build again, and see which layers BuildKit would take
// from its cache and which it would rebuild (src/core/simulate/cache.ts, run in the simulate
// worker on the text before and after).

import { useState } from 'react';
import type { SimulatedImage, StepInfo } from '../../../core/simulate/types.ts';
import { simulator } from '../../store/share-slice.ts';
import { SimulateFailed } from '../../store/simulate-client.ts';

export interface Rebuilt {
  /** the Dockerfile after the edit */
  text: string;
  image: SimulatedImage;
  states: ('cached' | 'rebuild')[];
  line: number;
}

/** The text with lines [start, end] (1-based) replaced by `replacement`. */
export function replaceLines(text: string, start: number, end: number, replacement: string): string {
  const lines = text.split('\n');
  lines.splice(start - 1, end - start + 1, ...replacement.split('\n'));
  return lines.join('\n');
}

export function CacheEditor({ text, name, line, onRebuilt }: { text: string; name: string; line: StepInfo; onRebuilt: (r: Rebuilt) => void }) {
  const original = text.split('\n').slice(line.startLine - 1, line.endLine).join('\n');
  const [value, setValue] = useState(original);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const rebuild = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const after = replaceLines(text, line.startLine, line.endLine, value);
      const r = await simulator.simulate(after, name, { before: text });
      const rebuilt = new Set(r.cache?.rebuiltLayers ?? []);
      onRebuilt({ text: after, image: r.image, states: r.image.image.layers.map((l) => (rebuilt.has(l.index) ? 'rebuild' : 'cached')), line: line.startLine });
    } catch (e) {
      setProblem(e instanceof SimulateFailed ? `${e.error.entry ? `${e.error.entry}: ` : ''}${e.error.problem}` : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-col gap-2">
      <label className="flex flex-col gap-1">
        <span className="text-base">Line {line.startLine}, as you would edit it:</span>
        <input
          data-testid="workshop-cache-input"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void rebuild();
            e.stopPropagation();
          }}
          className="rounded-md border border-zinc-400 bg-white px-3 py-2 font-mono text-lg dark:bg-zinc-900"
        />
      </label>
      <div className="flex items-center gap-3">
        <button type="button" data-testid="workshop-rebuild" disabled={busy} onClick={rebuild} className="rounded-md bg-red-600 px-4 py-2 text-lg font-semibold text-white hover:bg-red-700 disabled:opacity-50">
          {busy ? 'Building…' : 'Build again'}
        </button>
        {problem ? <span role="alert" className="text-red-700 dark:text-red-300">{problem}</span> : null}
      </div>
    </div>
  );
}
