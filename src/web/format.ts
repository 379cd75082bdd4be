// Text for numbers people read: human sizes with exact byte counts for tooltips, counts with
// thousands separators, dates in UTC so a screenshot says the same thing everywhere.

// Sizes use core's units (IEC, as the CLI prints them), so the page and the terminal agree.
export { exactBytes, formatBytes, formatPercent } from '../core/text/units.ts';

const grouped = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return grouped.format(n);
}

/** "2026-12-04 20:08:20 UTC" from an RFC 3339 time; the input itself when it does not parse. */
export function formatDate(iso: string | null): string {
  if (!iso) return '–';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "sha256:a3bb13b9a307" — enough to tell digests apart on screen. */
export function shortDigest(d: string | null): string {
  if (!d) return '–';
  const i = d.indexOf(':');
  return i >= 0 ? d.slice(0, i + 13) : d.slice(0, 12);
}
