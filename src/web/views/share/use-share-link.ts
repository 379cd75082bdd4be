// Opens the share link in the address bar: on load, and whenever the fragment changes to another
// link (pasting one into the bar of an open page). Parsing is core's (shareParts / decodeShare):
// a pure function of the fragment that never throws; a bad link becomes a message on the page.

import { useEffect } from 'react';
import { shareParts } from '../../../core/share/link.ts';
import { useApp } from '../../store/store.ts';

/** The fragment last opened: React's StrictMode runs effects twice, one open is enough. */
let handled: string | null = null;

function openFromHash(): void {
  const hash = window.location.hash;
  if (hash === handled) return;
  handled = hash;
  if (shareParts(hash) !== null) void useApp.getState().openShareLink(hash);
}

export function useShareLink(): void {
  useEffect(() => {
    openFromHash();
    window.addEventListener('hashchange', openFromHash);
    return () => window.removeEventListener('hashchange', openFromHash);
  }, []);
}
