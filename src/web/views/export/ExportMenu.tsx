// The export menu: one button per format (`export-json`, `export-png`, `export-svg`,
// `export-markdown`), each a download of the image on screen.

import { useState } from 'react';
import { useApp, type AppState } from '../../store/store.ts';
import { download, exportFile, EXPORTS, type ExportKind } from './export-files.ts';

const selectArchive = (s: AppState) => s.archive;

export function ExportMenu() {
  const archive = useApp(selectArchive);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!archive) return null;
  const run = async (kind: ExportKind) => {
    const a = useApp.getState().archive;
    if (!a) return;
    setBusy(kind);
    setProblem(null);
    try {
      const { blob, name } = await exportFile(a, kind);
      download(blob, name);
    } catch (e) {
      setProblem(`Could not export ${kind}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="relative" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        data-testid="export"
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen((o) => !o)}
        className="rounded-md border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Export ▾
      </button>
      {open ? (
        <div role="group" aria-label="Export formats" className="absolute right-0 top-full z-30 mt-2 flex w-72 flex-col rounded-xl border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {EXPORTS.map((x) => (
            <button
              key={x.kind}
              type="button"
              data-testid={`export-${x.kind}`}
              disabled={busy !== null}
              onClick={() => run(x.kind)}
              className="flex flex-col items-start rounded-lg px-3 py-1.5 text-left hover:bg-zinc-100 disabled:opacity-50 dark:hover:bg-zinc-800"
            >
              <span className="font-medium">{busy === x.kind ? `${x.label}…` : x.label}</span>
              <span className="text-xs text-zinc-500 dark:text-zinc-400">{x.hint}</span>
            </button>
          ))}
          {problem ? <p role="alert" className="px-3 py-1 text-xs text-red-700 dark:text-red-300">{problem}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
