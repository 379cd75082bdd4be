// The layer table as Markdown: the seed image's rows and totals, and hostile commands that must
// not break the table (a pipe), open code (a backtick), inject HTML or mention someone.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemorySource } from '../bytes/source.ts';
import { readArchive } from '../formats/read-archive.ts';
import { layers } from '../layerstack/testing/build.ts';
import type { ImageArchive } from '../model/image.ts';
import { layerTableMarkdown } from './layer-markdown.ts';

const FIXTURES = '../shared/fixtures';

function tableRows(md: string): string[] {
  return md.split('\n').filter((l) => l.startsWith('|'));
}

/** Cells of a Markdown table row, splitting on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
  return row.slice(1, -1).split(/(?<!\\)\|/);
}

describe('layer table as Markdown', () => {
  it('has a row per history entry of the seed image, sizes named, totals and waste', async () => {
    const a = await readArchive(new MemorySource('seed-a-bloated.oci.tar', new Uint8Array(readFileSync(`${FIXTURES}/seed-a-bloated.oci.tar`))));
    const md = layerTableMarkdown(a);
    const rows = tableRows(md);
    // header, separator, 8 history entries (7 layers + CMD), totals
    expect(rows.length).toBe(2 + a.image.history.length + 1);
    expect(rows.every((r) => cells(r).length === 6)).toBe(true);
    expect(md).toContain('reclaimable: **4.0&nbsp;MiB**');
    expect(rows[3]).toMatch(/^\| 1 \| <code>\\\/bin\\\/sh \\-c mkdir \\\/data<\/code> \|/);
  });

  it('keeps hostile commands inside their cell', () => {
    const tables = layers(['f /a 10']);
    const archive: ImageArchive = {
      input: { name: 'evil|name.tar', bytes: 1, format: 'docker-archive' },
      images: [],
      selected: 0,
      selectedReason: '',
      warnings: [],
      image: {
        ref: '<img src=x onerror=alert(1)>',
        platform: null,
        configDigest: null,
        created: null,
        config: { env: [], cmd: null, entrypoint: null, workdir: null, user: null, exposedPorts: [], labels: {} },
        history: [{ index: 0, createdBy: 'RUN echo a|b `rm -rf /` <script>x</script> @admin\nsecond line', created: null, comment: null, emptyLayer: false, layerIndex: 0 }],
        layers: [{ index: 0, diffId: null, digest: null, mediaType: null, compression: 'none', compressedSize: 1, tarSize: 1, fileBytes: 10, entryCount: 1, fileCount: 1, whiteouts: [], opaqueDirs: [], createdBy: null, historyIndex: 0, estimated: false, table: tables[0] }],
      },
    };
    const md = layerTableMarkdown(archive);
    const row = tableRows(md)[2];
    expect(cells(row).length).toBe(6);
    expect(md).not.toMatch(/<script>|<img|(^|[^\\])`/);
    expect(md).not.toMatch(/(^|[^\\])@admin/);
    expect(md.split('\n').some((l) => l.startsWith('second line'))).toBe(false);
  });
});
