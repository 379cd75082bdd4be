// What the share button opens: the whole link in an input (`share-url`), ready to copy, with its
// length and what it carries, so a person knows what they are about to paste somewhere.

import { useEffect, useRef, useState } from 'react';

export interface SharePanelProps {
  url: string;
  /** "the Dockerfile" or "a summary of the image" */
  carries: string;
  onClose: () => void;
}

export function SharePanel({ url, carries, onClose }: SharePanelProps) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [url]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('no');
    }
  };
  return (
    <div
      role="dialog"
      aria-label="Share link"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
      className="absolute right-0 top-full z-30 mt-2 w-[min(36rem,90vw)] rounded-xl border border-zinc-200 bg-white p-3 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      <label className="flex flex-col gap-1">
        <span className="font-medium">Link to this view</span>
        <input
          ref={input}
          data-testid="share-url"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full rounded-md border border-zinc-300 bg-zinc-50 px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
        />
      </label>
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        Carries {carries} and this view, in the part after <code>#</code>, which browsers never send to a server. {url.length.toLocaleString('en-US')} characters.
      </p>
      <div className="mt-2 flex items-center gap-2">
        <button type="button" data-testid="share-copy" onClick={copy} className="rounded-md bg-sky-600 px-3 py-1 font-medium text-white hover:bg-sky-700">
          Copy link
        </button>
        <button type="button" onClick={onClose} className="rounded-md px-3 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
          Close
        </button>
        <span aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-400">
          {copied === 'yes' ? 'Copied.' : copied === 'no' ? 'Press Ctrl+C to copy.' : ''}
        </span>
      </div>
    </div>
  );
}
