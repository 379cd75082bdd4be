// Plain-text tables for terminal output: columns padded to their widest cell, numbers right-aligned,
// one column (the command) allowed to wrap so nothing is cut.

export interface Column {
  head: string;
  align?: 'left' | 'right';
  /** wrap this column at this width instead of widening the table */
  wrap?: number;
}

function wrapText(s: string, width: number): string[] {
  if (s.length <= width) return [s];
  const lines: string[] = [];
  let rest = s;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= width / 3) cut = width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) lines.push(rest);
  return lines;
}

export function renderTable(columns: Column[], rows: string[][]): string {
  const cells = rows.map((r) => r.map((c, i) => (columns[i].wrap ? wrapText(c, columns[i].wrap!) : [c])));
  const widths = columns.map((col, i) => Math.max(col.head.length, ...cells.map((r) => Math.max(...r[i].map((l) => l.length)))));
  const line = (parts: string[]): string =>
    parts
      .map((p, i) => (columns[i].align === 'right' ? p.padStart(widths[i]) : p.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [line(columns.map((c) => c.head))];
  for (const r of cells) {
    const height = Math.max(...r.map((c) => c.length));
    for (let k = 0; k < height; k++) out.push(line(r.map((c) => c[k] ?? '')));
  }
  return out.join('\n');
}
