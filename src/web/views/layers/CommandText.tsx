// A history command, whole and wrapped (never cut), with builder noise muted. Text only: the
// command comes from the image and is untrusted.

import { splitCommand } from './command.ts';

export function CommandText({ createdBy, hasHistory }: { createdBy: string | null; hasHistory: boolean }) {
  if (createdBy === null || createdBy === '') {
    return (
      <span className="text-zinc-400 italic dark:text-zinc-500">
        {hasHistory ? '(no command recorded)' : '(no history entry for this layer)'}
      </span>
    );
  }
  const { prefix, body, suffix } = splitCommand(createdBy);
  return (
    <code data-testid="layer-command" className="font-mono text-[0.8rem] leading-snug break-words whitespace-pre-wrap">
      {prefix ? <span className="text-zinc-400 dark:text-zinc-500">{prefix}</span> : null}
      {body}
      {suffix ? <span className="text-zinc-400 dark:text-zinc-500">{suffix}</span> : null}
    </code>
  );
}
