// The stored sample links (samples/*.txt, made by earlier versions) must keep opening, with the
// same contents: a change that breaks one breaks every link people have already shared.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShare } from './link.ts';

const dir = new URL('./samples/', import.meta.url);
const samples = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

/** What each sample must still say when opened. */
const EXPECT: Record<string, (s: unknown) => void> = {
  'dockerfile-seed-a-bloated.txt': (s) => expect(s).toMatchObject({ kind: 'dockerfile', name: 'Dockerfile', view: { layer: 3 }, text: expect.stringContaining('RUN dd if=/dev/zero bs=1024 count=1024 of=/data/one') }),
  'dockerfile-hundred-lines.txt': (s) => expect(s).toMatchObject({ kind: 'dockerfile', builder: 'buildkit', view: { theme: 'dark' }, text: expect.stringMatching(/^# syntax=docker\/dockerfile:1\n/) }),
  'image-seed-a-bloated.txt': (s) =>
    expect(s).toMatchObject({
      kind: 'image',
      view: { layer: 3, zoom: { layer: 3, path: '/data' } },
      summary: { input: { name: 'seed-a-bloated.oci.tar', format: 'oci-layout' }, waste: { reclaimableBytes: 4194304 }, layers: expect.arrayContaining([expect.objectContaining({ fileBytes: 2097152 })]) },
    }),
  'image-whiteouts.txt': (s) => expect(s).toMatchObject({ kind: 'image', view: { layer: 1, theme: 'light' }, summary: { input: { name: 'whiteouts.oci.tar' } } }),
  'image-multi-arch-index.txt': (s) => expect(s).toMatchObject({ kind: 'image', view: {}, summary: { platform: 'linux/amd64', input: { name: 'multi-arch-index.oci.tar' } } }),
};

describe('stored sample links', () => {
  it('every sample has an expectation', () => {
    expect(samples).toEqual(Object.keys(EXPECT).sort());
  });

  it.each(samples)('%s still opens', async (file) => {
    const url = readFileSync(new URL(file, dir), 'utf8').trim();
    const r = await decodeShare(new URL(url).hash);
    if (!r.ok) throw new Error(r.problem);
    EXPECT[file](r.state);
  });
});
