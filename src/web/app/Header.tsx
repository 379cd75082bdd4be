// The page header: name, what it does, and (once something is shown) a compact drop zone and
// the examples, so another image is one drop or click away.

import type { ReactNode } from 'react';

export function Header({ compact, children }: { compact: boolean; children?: ReactNode }) {
  return (
    <header className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-zinc-200 px-6 py-3 dark:border-zinc-800">
      <div className="flex items-center gap-2">
        <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7">
          <rect x="4" y="20" width="24" height="6" rx="1.5" className="fill-sky-600" />
          <rect x="6" y="12.5" width="20" height="6" rx="1.5" className="fill-sky-400" />
          <rect x="8" y="5" width="16" height="6" rx="1.5" className="fill-sky-300" />
        </svg>
        <h1 className="text-lg font-bold tracking-tight">layerscope</h1>
        {/* Once an image is shown, the header's room goes to the drop zone and the examples. */}
        <span className={`text-sm text-zinc-500 dark:text-zinc-400 ${compact ? 'hidden 2xl:inline' : 'hidden md:inline'}`}>
          Docker/OCI image layers, read in your browser
        </span>
      </div>
      <div className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-2">{children}</div>
    </header>
  );
}
