// The `path-search` input: type a path (or part of a name), pick a suggestion with the arrow keys
// and Enter (or type the whole path and press Enter), and the read path of that path is shown.
// A combobox in the ARIA sense: the input keeps focus, the active suggestion is announced.

import { useMemo, useState, type KeyboardEvent } from 'react';
import { useApp, type AppState } from '../../store/store.ts';

const selectIndex = (s: AppState) => s.pathIndex;
const LIST_ID = 'path-search-suggestions';

export function PathSearch() {
  const index = useApp(selectIndex);
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const suggestions = useMemo(() => (index && open ? index.suggest(text, 10) : []), [index, text, open]);

  const pick = (path: string) => {
    setText(path);
    setOpen(false);
    setActive(-1);
    useApp.getState().pickPath(path.trim());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const n = suggestions.length;
      if (n > 0) setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = active >= 0 ? suggestions[active] : text.trim();
      if (chosen) pick(chosen.startsWith('/') ? chosen : (suggestions[0] ?? `/${chosen}`));
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="relative">
      <label htmlFor="path-search" className="sr-only">
        Find a path
      </label>
      <input
        id="path-search"
        data-testid="path-search"
        type="search"
        role="combobox"
        aria-expanded={suggestions.length > 0}
        aria-controls={LIST_ID}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${LIST_ID}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={!index}
        placeholder={index ? 'Find a path, e.g. /etc/passwd or a name  ( / )' : 'Stacking the layers…'}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 font-mono text-sm placeholder:font-sans placeholder:text-zinc-400 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900"
      />
      {suggestions.length > 0 ? (
        <ul
          id={LIST_ID}
          role="listbox"
          aria-label="Paths"
          className="absolute inset-x-0 top-full z-30 mt-1 max-h-72 overflow-auto rounded-md border border-zinc-300 bg-white py-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {suggestions.map((p, i) => (
            <li
              key={p}
              id={`${LIST_ID}-${i}`}
              role="option"
              aria-selected={i === active}
              data-testid="path-suggestion"
              // mousedown, not click: the input's blur would close the list first
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
              className={`cursor-pointer truncate px-2.5 py-1 font-mono ${i === active ? 'bg-sky-100 dark:bg-sky-900/60' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800'}`}
              title={p}
            >
              {p}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
