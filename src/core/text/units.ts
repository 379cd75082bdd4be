// Human sizes for people (IEC units: 1 KiB = 1024 B, as `du -h` and `ls -lh` count); exact bytes
// stay available for tooltips and JSON.

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '?';
  const sign = n < 0 ? '-' : '';
  let v = Math.abs(n);
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return `${sign}${v} B`;
  return `${sign}${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${UNITS[u]}`;
}

/** "1,234,567 bytes", for the exact figure beside a human one. */
export function exactBytes(n: number): string {
  return `${Math.round(n).toLocaleString('en-US')} bytes`;
}

/** One decimal, two near the ends, so 99.996% never shows as a flat "100.0%". */
export function formatPercent(ratio: number): string {
  const p = ratio * 100;
  // Near the ends, two decimals, and never rounded onto the end itself: an image with one wasted
  // byte is not "100.00%" efficient, a single wasted byte is not "0.00%" of it.
  if (p > 99.9 && p < 100) return `${(Math.floor(p * 100) / 100).toFixed(2)}%`;
  if (p > 0 && p < 0.1) return p < 0.01 ? '<0.01%' : `${p.toFixed(2)}%`;
  return `${p.toFixed(1)}%`;
}

/** Octal permission string as `ls`/`stat` print it: "0755", "4755". */
export function formatMode(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}
