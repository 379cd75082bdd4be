// The stack worker's answers on real fixtures, through the real handler with structured cloning
// (what postMessage does): waste figures against the seed image's known 4 MiB, file views
// against the fixtures' truth (umoci's merged filesystem), read paths as the CLI gives them.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BlobSource } from '../core/bytes/source.ts';
import { readArchive } from '../core/formats/read-archive.ts';
import { ChangeMark, EntryKind } from '../core/model/entry-kind.ts';
import type { ReadPathResult } from '../core/layerstack/stack.ts';
import { createStackHandler } from './stack-handler.ts';
import { NO_MARK, WASTE_REASONS, type FileView, type FromStack, type StackFacts, type StackInput, type ToStack } from './stack-protocol.ts';

const FIXTURES = new URL('../../../shared/fixtures/', import.meta.url);

async function input(name: string): Promise<StackInput> {
  const a = await readArchive(new BlobSource(name, new Blob([readFileSync(new URL(name, FIXTURES))])));
  return {
    history: a.image.history,
    layers: a.image.layers.map((l) => ({ index: l.index, createdBy: l.createdBy, historyIndex: l.historyIndex, table: l.table.columns() })),
  };
}

function channel() {
  const replies: FromStack[] = [];
  const handle = createStackHandler((msg, transfer = []) => replies.push(structuredClone(msg, { transfer })));
  const ask = (msg: ToStack): FromStack => {
    handle(structuredClone(msg));
    return replies.pop()!;
  };
  return { ask };
}

/** Paths of a view, from the skeleton the page gets. */
function paths(facts: StackFacts, v: FileView): Map<string, number> {
  const k = facts.skeleton;
  const dec = new TextDecoder();
  const name = (n: number) => dec.decode(k.nameBytes.subarray(k.nameOffsets[k.nameId[n]], k.nameOffsets[k.nameId[n] + 1]));
  const path = (n: number): string => (k.parent[n] <= 0 ? `/${name(n)}` : `${path(k.parent[n])}/${name(n)}`);
  return new Map(Array.from(v.nodes, (n, i) => [path(n), v.marks[i]]));
}

describe('stack worker', () => {
  it('reports the seed image waste: the one copies and two copied up, 4 MiB', async () => {
    const { ask } = channel();
    const r = ask({ type: 'stack', id: 1, input: await input('seed-a-bloated.oci.tar') });
    expect(r.type).toBe('stacked');
    const { bloat } = (r as Extract<FromStack, { type: 'stacked' }>).facts;
    expect(bloat.reclaimableBytes).toBe(4 * 1024 * 1024);
    const byPath = bloat.files.map((f) => `${f.path} ${f.layer} ${f.reason} ${f.byLayer}`).sort();
    expect(byPath).toEqual(['/data/one 2 copied-up 3', '/data/one 3 copied-up 5', '/data/one 5 deleted 6', '/data/two 4 copied-up 5']);
    expect(bloat.layers.map((l) => l.wastedBytes)).toEqual([0, 0, 1048576, 1048576, 1048576, 1048576, 0]);
    expect(bloat.suggestions.length).toBeGreaterThan(0);
    // The same reasons, per entry, for the page's tooltips; and every entry's change mark.
    const { wasteReasons, marks, bases } = (r as Extract<FromStack, { type: 'stacked' }>).facts;
    const coded = [...wasteReasons.entries()].filter(([, c]) => c > 0).map(([e, c]) => `${[...bases].findLastIndex((b) => b <= e)} ${WASTE_REASONS[c - 1]}`);
    expect(coded.sort()).toEqual(['2 copied-up', '3 copied-up', '4 copied-up', '5 deleted']);
    expect(marks.length).toBe(bases[bases.length - 1]);
  });

  it('lists a layer own changes and what it deletes, and the merged filesystem up to it', async () => {
    const { ask } = channel();
    const facts = (ask({ type: 'stack', id: 1, input: await input('seed-a-bloated.oci.tar') }) as Extract<FromStack, { type: 'stacked' }>).facts;
    const own = (ask({ type: 'view', id: 2, mode: 'layer', layer: 6 }) as Extract<FromStack, { type: 'view' }>).view;
    expect(paths(facts, own).get('/data/one')).toBe(ChangeMark.deleted);
    const chmod = paths(facts, (ask({ type: 'view', id: 3, mode: 'layer', layer: 5 }) as Extract<FromStack, { type: 'view' }>).view);
    expect(chmod.get('/data/one')).toBe(ChangeMark.attributes);
    expect(chmod.get('/data/two')).toBe(ChangeMark.attributes);
    const merged = paths(facts, (ask({ type: 'view', id: 4, mode: 'merged', layer: 6 }) as Extract<FromStack, { type: 'view' }>).view);
    expect(merged.get('/data/two')).toBe(NO_MARK);
    expect(merged.get('/data/one')).toBe(ChangeMark.deleted);
    expect(merged.get('/bin/busybox')).toBe(NO_MARK);
  });

  it('gives the merged filesystem umoci unpacked, whiteouts and opaque dirs applied', async () => {
    const name = 'whiteouts.oci.tar';
    type Fs = { regular_files: { path: string }[]; symlinks: { path: string }[] };
    const truth = JSON.parse(readFileSync(new URL(`${name}.truth.json`, FIXTURES), 'utf8')) as { images: { filesystem: Fs; layers: unknown[] }[] };
    const img = await input(name);
    const { ask } = channel();
    const facts = (ask({ type: 'stack', id: 1, input: img }) as Extract<FromStack, { type: 'stacked' }>).facts;
    const top = truth.images[0].layers.length - 1;
    const v = (ask({ type: 'view', id: 2, mode: 'merged', layer: top }) as Extract<FromStack, { type: 'view' }>).view;
    const names = [...paths(facts, v).keys()];
    const kindAt = (i: number) => {
      const e = v.entries[i];
      let L = 0;
      while (facts.bases[L + 1] <= e) L++;
      return img.layers[L].table.kinds[e - facts.bases[L]];
    };
    const shown = (kind: number) => names.filter((_, i) => v.entries[i] >= 0 && v.marks[i] !== ChangeMark.deleted && kindAt(i) === kind).sort();
    const fs = truth.images[0].filesystem;
    expect(shown(EntryKind.file)).toEqual(fs.regular_files.map((f) => `/${f.path}`).sort());
    expect(shown(EntryKind.symlink)).toEqual(fs.symlinks.map((f) => `/${f.path}`).sort());
    // What the top layer deletes is listed, marked deleted.
    expect(names.filter((_, i) => v.marks[i] === ChangeMark.deleted).length).toBeGreaterThan(0);
  });

  it('answers read paths as the CLI does', async () => {
    const { ask } = channel();
    ask({ type: 'stack', id: 1, input: await input('seed-a-bloated.oci.tar') });
    const r = (ask({ type: 'readpath', id: 2, path: '/data/one', layer: 6 }) as Extract<FromStack, { type: 'readpath' }>).result as ReadPathResult;
    expect(r.steps).toEqual([
      { layer: 6, outcome: 'whiteout' },
      { layer: 5, outcome: 'shadowed' },
      { layer: 3, outcome: 'shadowed' },
      { layer: 2, outcome: 'shadowed' },
    ]);
    expect(r.found).toBeNull();
  });

  it('says so when asked before an image is stacked', () => {
    const { ask } = channel();
    expect(ask({ type: 'readpath', id: 1, path: '/x', layer: 0 }).type).toBe('error');
  });
});
