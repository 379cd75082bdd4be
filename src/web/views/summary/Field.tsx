// A label and its value in a summary grid. Values are untrusted text from the image: React text
// only, wrapped, never cut.

import type { ReactNode } from 'react';

export function Field({ label, title, children }: { label: string; title?: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500 dark:text-zinc-400" title={title}>
        {label}
      </dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

/** A list of strings (env, labels, ports), one per line, or a muted dash when there are none. */
export function Lines({ items, empty = '–' }: { items: string[]; empty?: string }) {
  if (items.length === 0) return <span className="text-zinc-400 dark:text-zinc-500">{empty}</span>;
  return (
    <ul className="space-y-0.5 font-mono text-xs">
      {items.map((s, i) => (
        <li key={i} className="break-all">
          {s}
        </li>
      ))}
    </ul>
  );
}

const none = <span className="text-zinc-400 dark:text-zinc-500">–</span>;

/** One string value in monospace, or a muted dash when it is unset or empty. */
export function Text({ value }: { value: string | null }) {
  return value ? <span className="font-mono text-xs break-all">{value}</span> : none;
}

/** argv as Docker prints it (JSON), so spaces inside arguments stay visible. */
export function Argv({ argv }: { argv: string[] | null }) {
  if (!argv) return none;
  return <code className="font-mono text-xs break-all">{JSON.stringify(argv)}</code>;
}
