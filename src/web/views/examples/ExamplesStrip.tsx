// One button per built-in example (real archives in public/examples/). A click opens it through
// the URL (`#example=NAME`), so the address bar can be shared to show the same example.

import { showExample } from '../../app/hash-sync.ts';
import { EXAMPLES } from '../../store/examples.ts';
import { useApp, type AppState } from '../../store/store.ts';

const selectOpenExample = (s: AppState) => s.input?.example ?? null;

export function ExamplesStrip({ compact = false }: { compact?: boolean }) {
  const open = useApp(selectOpenExample);
  return (
    <nav aria-label="Examples" className={`flex flex-wrap items-center gap-2 ${compact ? 'text-xs' : 'justify-center text-sm'}`}>
      <span className="text-zinc-500 dark:text-zinc-400">{compact ? 'Examples:' : 'Or try an example:'}</span>
      {EXAMPLES.map((e) => (
        <button
          key={e.name}
          type="button"
          data-testid="example"
          data-example={e.name}
          title={`${e.file}: ${e.blurb}`}
          aria-pressed={open === e.name}
          onClick={() => showExample(e.name)}
          className={`rounded-full border px-2.5 py-0.5 font-mono hover:border-sky-500 hover:text-sky-700 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:text-sky-300 ${
            open === e.name
              ? 'border-sky-500 bg-sky-50 text-sky-800 dark:bg-sky-950 dark:text-sky-200'
              : 'border-zinc-300 dark:border-zinc-700'
          }`}
        >
          {e.name}
        </button>
      ))}
    </nav>
  );
}
