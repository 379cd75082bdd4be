// Chooses what one side of the comparison is: the image on screen, a built-in example, or a file.

import { useRef } from 'react';
import type { Source } from './sources.ts';
import { exampleChoices } from './sources.ts';

interface Props {
  side: 'a' | 'b';
  value: string;
  hasCurrent: boolean;
  currentLabel: string | null;
  onPick: (value: string, source: Source) => void;
}

export function SidePicker({ side, value, hasCurrent, currentLabel, onPick }: Props) {
  const file = useRef<HTMLInputElement>(null);
  const examples = exampleChoices();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="flex items-center gap-2 text-sm font-medium">
        {side === 'a' ? 'A' : 'B'}
        <select
          data-testid="compare-source"
          data-side={side}
          value={value}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (v === 'file') file.current?.click();
            else if (v === 'current') onPick(v, { kind: 'current' });
            else if (v.startsWith('example:')) onPick(v, { kind: 'example', name: v.slice(8) });
          }}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm font-normal dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">Choose…</option>
          {hasCurrent ? <option value="current">On screen: {currentLabel}</option> : null}
          <optgroup label="Dockerfiles (simulated)">
            {examples.filter((e) => e.kind === 'dockerfile').map((e) => (
              <option key={e.name} value={`example:${e.name}`}>{e.name}</option>
            ))}
          </optgroup>
          <optgroup label="Images">
            {examples.filter((e) => e.kind === 'image').map((e) => (
              <option key={e.name} value={`example:${e.name}`}>{e.name}</option>
            ))}
          </optgroup>
          <option value="file">A file on this computer…</option>
        </select>
      </label>
      <input
        ref={file}
        type="file"
        data-testid="compare-file"
        data-side={side}
        className="hidden"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) onPick('file', { kind: 'file', file: f });
          e.currentTarget.value = '';
        }}
      />
    </div>
  );
}
