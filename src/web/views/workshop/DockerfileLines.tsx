// The Dockerfile as the room reads it: the instruction of this step highlighted, the ones already
// built normal, the ones still to come dimmed.

import { useEffect, useRef } from 'react';

interface Props {
  text: string;
  /** the current instruction's lines (1-based, inclusive), or null (before the first or after the last) */
  current: { start: number; end: number } | null;
  /** lines at or after this are still to come */
  upcoming: number;
}

export function DockerfileLines({ text, current, upcoming }: Props) {
  const lines = text.replace(/\n$/, '').split('\n');
  const here = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // Not returned: Chromium's scrollIntoView now returns a promise, and an effect may return only a cleanup.
    void here.current?.scrollIntoView({ block: 'nearest' });
  }, [current?.start]);
  return (
    <ol className="overflow-auto rounded-xl bg-zinc-950 p-4 font-mono text-lg leading-relaxed text-zinc-100" aria-label="Dockerfile">
      {lines.map((line, i) => {
        const n = i + 1;
        const on = current !== null && n >= current.start && n <= current.end;
        return (
          <li
            key={n}
            ref={on && n === current.start ? here : undefined}
            data-testid="workshop-line"
            data-line={n}
            data-current={on ? 'true' : undefined}
            className={`flex gap-4 rounded px-2 ${on ? 'bg-sky-700 text-white' : n >= upcoming ? 'text-zinc-500' : ''}`}
          >
            <span className="w-8 shrink-0 text-right text-zinc-500 select-none">{n}</span>
            <span className="break-all whitespace-pre-wrap">{line || ' '}</span>
          </li>
        );
      })}
    </ol>
  );
}
