// Keeps the URL fragment and the open example in step: `/#example=NAME` opens that example on
// load and when the hash changes; opening your own file clears it (the link would not reproduce
// a file that never left your machine).

import { useEffect } from 'react';
import { useApp } from '../store/store.ts';
import { formatHash, parseHash } from '../store/url.ts';

/** The hash last acted on: React's StrictMode runs effects twice, and one download is enough. */
let handled: string | null = null;

function openFromHash(): void {
  const hash = window.location.hash;
  if (hash === handled) return;
  handled = hash;
  const { example } = parseHash(hash);
  if (example) void useApp.getState().openExample(example);
}

export function useHashSync(): void {
  useEffect(() => {
    openFromHash();
    window.addEventListener('hashchange', openFromHash);
    return () => window.removeEventListener('hashchange', openFromHash);
  }, []);
}

/** Opens an example through the URL, so the address bar always says what is shown. */
export function showExample(name: string): void {
  const hash = formatHash({ example: name });
  // A new hash fires `hashchange`, which opens it; the same hash again does not, so open it here.
  if (window.location.hash === hash) void useApp.getState().openExample(name);
  else window.location.hash = hash;
}

export function clearHash(): void {
  if (window.location.hash) history.replaceState(null, '', window.location.pathname + window.location.search);
  handled = '';
}
