// Plain-text tables for terminal output: columns padded to their widest cell, numbers right-aligned,
// one column (the command) allowed to wrap so nothing is cut.

export interface Column {
  head: string;
  align?: 'left' | 'right';
  /** wrap this column at this width instead of widening the table */
  wrap?: number;
}

// Walks with an index (no re-slicing of the rest: a 10 MB RUN line wraps in linear time).
function wrapText(s: string, width: number): string[] {
  if (s.length <= width) return [s];
  const lines: string[] = [];
  let at = 0;
  while (s.length - at > width) {
    let cut = s.lastIndexOf(' ', at + width);
    if (cut <= at + width / 3) cut = at + width;
    lines.push(s.slice(at, cut).trimEnd());
    at = cut;
    while (at < s.length && /\s/.test(s[at])) at++;
  }
  if (at < s.length) lines.push(s.slice(at));
  return lines;
}

/** The largest of many numbers (Math.max(...xs) overflows the stack past ≈ 100,000 of them). */
function widest(xs: string[]): number {
  let w = 0;
  for (const x of xs) if (x.length > w) w = x.length;
  return w;
}

export function renderTable(columns: Column[], rows: string[][]): string {
  const cells = rows.map((r) => r.map((c, i) => (columns[i].wrap ? wrapText(c, columns[i].wrap!) : [c])));
  const widths = columns.map((col, i) => cells.reduce((w, r) => Math.max(w, widest(r[i])), col.head.length));
  const line = (parts: string[]): string =>
    parts
      .map((p, i) => (columns[i].align === 'right' ? p.padStart(widths[i]) : p.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [line(columns.map((c) => c.head))];
  for (const r of cells) {
    const height = r.reduce((h, c) => Math.max(h, c.length), 0);
    for (let k = 0; k < height; k++) out.push(line(r.map((c) => c[k] ?? '')));
  }
  return out.join('\n');
}
