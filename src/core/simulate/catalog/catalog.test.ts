// The built-in catalog: every entry resolves under each of its tags (and docker.io/library/
// spellings), every layer is estimated and cites where its figures come from, and the paths
// Dockerfiles touch first are there.

import { describe, expect, it } from 'vitest';
import { CATALOG } from './entries.ts';
import { catalogBase, parseRef } from './lookup.ts';

describe('catalog', () => {
  it('covers busybox, alpine, debian, ubuntu, node, python, golang and nginx with several tags each', () => {
    expect(CATALOG.map((c) => c.repo).sort()).toEqual(['alpine', 'busybox', 'debian', 'golang', 'nginx', 'node', 'python', 'ubuntu']);
    for (const c of CATALOG) expect(c.tags.length, c.repo).toBeGreaterThanOrEqual(2);
  });
  it.each(CATALOG.flatMap((c) => c.tags.map((t) => `${c.repo}:${t}`)))('%s: estimated layers with a cited source, /bin/sh and /etc/passwd present', (ref) => {
    const b = catalogBase(`docker.io/library/${ref}`)!;
    expect(b.info.source).toBe('catalog');
    expect(b.layers.every((l) => l.estimated && l.compressedSize > 0 && l.fileBytes > 0)).toBe(true);
    expect(b.history.filter((h) => !h.emptyLayer).every((h) => /repo-info/.test(h.comment ?? ''))).toBe(true);
    const vfs = b.filesystem({ gen: 0 });
    expect(vfs.lstat(vfs.realpath('/bin/sh'))?.kind).toBe('file');
    expect(vfs.lstat('/etc/passwd')?.kind).toBe('file');
    expect(vfs.lstat('/tmp')?.kind).toBe('dir');
  });
  it('adds up to the published compressed size of the tag', () => {
    const node = catalogBase('node:22-bookworm-slim')!;
    expect(node.layers.reduce((n, l) => n + l.compressedSize, 0)).toBe(79_893_445);
    expect(node.layers).toHaveLength(5);
  });
  it('parses references', () => {
    expect(parseRef('alpine')).toEqual({ repo: 'alpine', tag: 'latest' });
    expect(parseRef('docker.io/library/node:22-bookworm-slim@sha256:abc1')).toEqual({ repo: 'node', tag: '22-bookworm-slim' });
    expect(parseRef('localhost:5000/team/app:1')).toEqual({ repo: 'localhost:5000/team/app', tag: '1' });
    expect(catalogBase('alpine:2.0')).toBeNull();
  });
});
