// The built-in examples: real archives in public/examples/ and the Dockerfiles of the classic
// layer lessons (simulated). A click opens one through the URL (`#example=NAME`), so the address
// bar can be shared to show the same example. Compact: a row of names for the header; full: a
// gallery of cards, Dockerfile lessons and real images apart, each saying what it shows.

import { showExample } from '../../app/hash-sync.ts';
import { EXAMPLES, type Example } from '../../store/examples.ts';
import { useApp, type AppState } from '../../store/store.ts';

const selectOpenExample = (s: AppState) => s.input?.example ?? null;

const GROUPS: { kind: 'dockerfile' | 'image'; title: string }[] = [
  { kind: 'dockerfile', title: 'Dockerfile lessons (simulated in your browser)' },
  { kind: 'image', title: 'Real images (built by buildah, read from their tarballs)' },
];

function Card({ e, open }: { e: Example; open: boolean }) {
  return (
    <button
      type="button"
      data-testid="example"
      data-example={e.name}
      data-kind={e.kind ?? 'image'}
      title={e.file}
      aria-pressed={open}
      onClick={() => showExample(e.name)}
      className={`flex w-56 flex-col items-start gap-0.5 rounded-lg border px-3 py-2 text-left hover:border-sky-500 focus-visible:outline-2 focus-visible:outline-sky-500 ${
        open ? 'border-sky-500 bg-sky-50 dark:bg-sky-950' : 'border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900'
      }`}
    >
      <span className="font-mono text-sm font-medium text-sky-800 dark:text-sky-300">{e.name}</span>
      <span className="text-xs leading-snug text-zinc-600 dark:text-zinc-400">{e.blurb}</span>
    </button>
  );
}

export function ExamplesStrip({ compact = false }: { compact?: boolean }) {
  const open = useApp(selectOpenExample);
  if (!compact) {
    return (
      <nav aria-label="Examples" className="flex flex-col items-center gap-3 text-sm">
        <span className="text-zinc-500 dark:text-zinc-400">Or try an example:</span>
        {GROUPS.map((g) => (
          <section key={g.kind} aria-label={g.title} className="flex flex-col items-center gap-2">
            <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{g.title}</h3>
            <div className="flex flex-wrap justify-center gap-2">
              {EXAMPLES.filter((e) => (e.kind ?? 'image') === g.kind).map((e) => (
                <Card key={e.name} e={e} open={open === e.name} />
              ))}
            </div>
          </section>
        ))}
      </nav>
    );
  }
  return (
    <nav aria-label="Examples" className="flex flex-wrap items-center gap-2 text-xs">
      <span className="text-zinc-500 dark:text-zinc-400">Examples:</span>
      {EXAMPLES.map((e) => (
        <button
          key={e.name}
          type="button"
          data-testid="example"
          data-example={e.name}
          data-kind={e.kind ?? 'image'}
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
