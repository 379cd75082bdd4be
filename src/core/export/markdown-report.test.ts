// The Markdown report on an image whose names are hostile: a path and a command made to break a
// table, open code, inject HTML and ping people must all print as plain text.

import { describe, expect, it } from 'vitest';
import { buildRules, DEFAULT_RULES } from '../analysis/ci-rules.ts';
import { findBase } from '../analysis/ci/base-boundary.ts';
import { buildCiReport } from '../analysis/ci/report.ts';
import { LayerStack } from '../layerstack/stack.ts';
import { EntryKind } from '../model/entry-kind.ts';
import type { ImageArchive, Layer } from '../model/image.ts';
import { LayerTableBuilder } from '../model/layer-table.ts';
import { escapeMarkdown, toMarkdownReport } from './markdown-report.ts';

const HOSTILE = '/tmp/a|b`c`<img src=x onerror=alert(1)>@admin #12 *x* [l](http://e)\n| d |';
const COMMAND = '/bin/sh -c echo "</details><script>alert(1)</script>|`" > /x # @team';

function archive(): ImageArchive {
  const l0 = new LayerTableBuilder();
  l0.add('/bin', EntryKind.dir, 0, 0o755, 0, 0, 1, null);
  l0.add('/bin/sh', EntryKind.file, 1000, 0o755, 0, 0, 1, null);
  const l1 = new LayerTableBuilder();
  l1.add('/tmp', EntryKind.dir, 0, 0o1777, 0, 0, 1, null);
  l1.add(HOSTILE, EntryKind.file, 4096, 0o644, 0, 0, 1, null);
  const l2 = new LayerTableBuilder();
  l2.add(HOSTILE, EntryKind.whiteout, 0, 0, 0, 0, 1, null);
  const tables = [l0.finish(), l1.finish(), l2.finish()];
  const by = ['/bin/sh -c #(nop) ADD file:base in / ', COMMAND, '/bin/sh -c rm -f /tmp/*'];
  const layers: Layer[] = tables.map((table, index) => ({
    index, diffId: null, digest: null, mediaType: null, compression: 'none', compressedSize: 0, createdBy: by[index], historyIndex: index,
    estimated: false, table, tarSize: 0, fileBytes: 0, entryCount: table.count, fileCount: 0, whiteouts: [], opaqueDirs: [],
  }));
  return {
    input: { name: 'evil|<b>image</b>.tar', bytes: 0, format: 'docker-archive' },
    images: [],
    selected: 0,
    selectedReason: '',
    image: {
      ref: 'evil/`ref`|x:latest',
      platform: null,
      configDigest: null,
      created: null,
      config: { env: [], cmd: null, entrypoint: null, workdir: null, user: null, exposedPorts: [], labels: {} },
      layers,
      history: by.map((createdBy, index) => ({ index, createdBy, created: null, comment: index === 1 ? 'FROM base' : null, emptyLayer: false, layerIndex: index })),
    },
    warnings: ['a warning with <b>html</b> and |pipes|'],
  };
}

/** Table cells of a Markdown row, split on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

describe('escapeMarkdown', () => {
  it('escapes punctuation, writes < > & as entities, breaks mentions, flattens lines', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('`x`')).toBe('\\`x\\`');
    expect(escapeMarkdown('<img src=x>')).toBe('&lt;img src\\=x&gt;');
    expect(escapeMarkdown('@admin')).toBe('\\@&#8203;admin');
    expect(escapeMarkdown('a\nb\r\nc')).toBe('a b c');
    expect(escapeMarkdown('plain words 123 ünïcode')).toBe('plain words 123 ünïcode');
  });
});

describe('toMarkdownReport with hostile names', () => {
  const a = archive();
  const stack = new LayerStack(a.image.layers.map((l) => l.table));
  const { rules } = buildRules({
    lowestEfficiency: { value: DEFAULT_RULES.lowestEfficiency, source: 'evil|.dive-ci' },
    highestWastedBytes: { value: '1KB', source: 'default' },
    highestUserWastedPercent: { value: DEFAULT_RULES.highestUserWastedPercent, source: 'default' },
  });
  const report = buildCiReport(a, stack, { rules, judgedBy: 'layerscope', base: findBase(a.image) });
  const md = toMarkdownReport(report);

  it('lists the hostile file as wasted (the report is about it)', () => {
    // (the path tree normalizes the "//" of the URL, as it does every path)
    expect(report.wastedFiles[0]).toMatchObject({ path: HOSTILE.replace('//', '/'), sizeBytes: 4096, reasons: ['deleted'] });
    expect(report.verdict).toBe('FAIL');
  });

  it('keeps every table row to its columns', () => {
    const tables = md.split('\n\n').filter((b) => b.includes('\n|---') || b.startsWith('|'));
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const block of tables) {
      const rows = block.split('\n').filter((l) => l.startsWith('|'));
      const width = cells(rows[0]).length;
      for (const r of rows) expect(cells(r), r).toHaveLength(width);
    }
  });

  it('lets no HTML, code span, link or mention through', () => {
    const outsideOurTags = md.replace(/<\/?(code|details|summary|sub)>/g, '');
    expect(outsideOurTags).not.toMatch(/<[a-z/]/i);
    expect(md).not.toMatch(/(?<!\\)`c`|(?<!\\)`" >/); // no backtick of the image's own opens code
    expect(md).not.toMatch(/(?<![\\])@admin|(?<![\\])@team/);
    expect(md).not.toMatch(/(?<!\\)\[l\]\(http/);
    expect(md).toContain('\\@&#8203;admin');
    expect(md).toContain('&lt;script&gt;');
    // the hostile newline did not start a new line of the report
    expect(md.split('\n').some((l) => l.startsWith('\\| d'))).toBe(false);
  });
});
