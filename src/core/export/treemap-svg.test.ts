// The SVG export with hostile file names: it stays well-formed XML, every name appears escaped
// (no markup from a name reaches the file), and labels fit their boxes.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TreemapHierarchy } from '../analysis/treemap/hierarchy.ts';
import { layoutTreemap } from '../analysis/treemap/layout.ts';
import { layers } from '../layerstack/testing/build.ts';
import { EntryKind } from '../model/entry-kind.ts';
import { LayerTableBuilder } from '../model/layer-table.ts';
import { escapeXml, treemapSvg } from './treemap-svg.ts';

/** Tags open and close in order; text between tags holds no raw `<` or bare `&`. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const re = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(body))) {
    end = re.lastIndex;
    if (m[5] !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(m[5])) return false;
      continue;
    }
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]);
  }
  return end === body.length && stack.length === 0;
}

const HOSTILE = ['<script>alert(1)</script>', 'a&b"c\'d', ']]>', 'ctl\u0001\u001f', 'lone\ud800x', 'bidi\u202etxt.exe', '|pipe|`tick`'];

function svgOf(names: string[]): string {
  const b = new LayerTableBuilder();
  b.add('/d', EntryKind.dir, 0, 0o755, 0, 0, 0, null);
  names.forEach((n, i) => b.add(`/d/${n}`, EntryKind.file, 1000 * (i + 1), 0o644, 0, 0, 0, null));
  const h = new TreemapHierarchy([...layers(['f /x 500']), b.finish()], { layerLabels: ['<b>layer</b>', 'RUN echo "&"'] });
  const l = layoutTreemap(h, h.root, { x: 0, y: 0, w: 800, h: 500 });
  return treemapSvg(h, l, { width: 800, height: 500, background: '#fff', color: () => ({ fill: 'rgb(1 2 3)', text: '#000' }), formatSize: (n) => `${n} B`, title: 'image <x>' });
}

describe('treemap SVG', () => {
  it('escapes hostile names and stays well-formed', () => {
    const svg = svgOf(HOSTILE);
    expect(wellFormed(svg)).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('a&amp;b&quot;c&apos;d');
    expect(svg).toContain('ctl\ufffd\ufffd');
    expect(svg).toContain('lone\ufffdx');
    expect(svg).toContain('<title>image &lt;x&gt;</title>');
    expect(svg.match(/<rect /g)!.length).toBeGreaterThan(HOSTILE.length);
  });

  it('is well-formed for any names', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((s) => !s.includes('/') && s !== '.' && s !== '..'), { minLength: 1, maxLength: 8 }), (names) => {
        expect(wellFormed(svgOf(names))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('escapeXml keeps ordinary text and pairs of surrogates', () => {
    expect(escapeXml('usr/lib/😀 ok')).toBe('usr/lib/😀 ok');
    expect(escapeXml('\t\n\r')).toBe('\t\n\r');
  });
});
