// Archives made in memory for what the real fixtures do not cover: filesystem tars, old docker
// save symlinks, broken manifests, truncation, progress and cancel.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemorySource } from '../bytes/source.ts';
import { CancelledError, InputError } from '../errors.ts';
import type { Progress } from '../progress.ts';
import { gzip, writeTar, type EntrySpec } from '../tar/testing/write-tar.ts';
import { readArchive } from './read-archive.ts';

const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures');
const json = (v: unknown): string => JSON.stringify(v);
const HEX = (c: string): string => c.repeat(64);

/** The config and its member name, the sha256 of its bytes as docker save names it (readers check it). */
function configOf(history?: unknown[]): { name: string; text: string } {
  const text = json({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [`sha256:${HEX('a')}`] },
    history: history ?? [{ created_by: 'ADD rootfs /' }, { created_by: 'CMD ["sh"]', empty_layer: true }],
  });
  return { name: `${createHash('sha256').update(text).digest('hex')}.json`, text };
}
const CONFIG = configOf().name;

function dockerSave(opts: { layers?: EntrySpec[]; manifest?: unknown; history?: unknown[] } = {}): Uint8Array {
  const layer = writeTar([{ path: 'etc/', type: 'dir' }, { path: 'etc/hosts', data: 'localhost\n' }]);
  const config = configOf(opts.history);
  return writeTar([
    { path: `${HEX('a')}/layer.tar`, data: layer },
    { path: config.name, data: config.text },
    ...(opts.layers ?? []),
    { path: 'manifest.json', data: json(opts.manifest ?? [{ Config: config.name, RepoTags: ['app:1'], Layers: [`${HEX('a')}/layer.tar`] }]) },
  ]);
}

const read = (bytes: Uint8Array, name = 'app.tar', opts = {}) => readArchive(new MemorySource(name, bytes), opts);

describe('readArchive', () => {
  it('reads a plain filesystem tar as a one-layer image and says so', async () => {
    const tar = writeTar([{ path: 'bin/', type: 'dir' }, { path: 'bin/sh', data: 'x'.repeat(100) }, { path: 'etc/passwd', data: 'root' }]);
    for (const bytes of [tar, await gzip(tar)]) {
      const a = await read(bytes, 'export.tar');
      expect(a.input.format).toBe('filesystem-tar');
      expect(a.image.layers).toHaveLength(1);
      expect(a.image.layers[0].fileBytes).toBe(104);
      expect(a.warnings[0]).toMatch(/plain filesystem tar/);
    }
  });

  it('reads a minimal docker save, gzipped or not, with history paired', async () => {
    for (const bytes of [dockerSave(), await gzip(dockerSave())]) {
      const a = await read(bytes);
      expect(a.input.format).toBe('docker-archive');
      expect(a.image.ref).toBe('app:1');
      expect(a.image.layers[0].fileBytes).toBe(10);
      expect(a.image.history.map((h) => h.layerIndex)).toEqual([0, null]);
      expect(a.warnings).toEqual([]);
    }
  });

  it('follows old docker save layer.tar symlinks to the first copy', async () => {
    const bytes = dockerSave({
      layers: [{ path: `${HEX('b')}/layer.tar`, type: 'symlink', linkname: `../${HEX('a')}/layer.tar` }],
      manifest: [{ Config: CONFIG, RepoTags: [], Layers: [`${HEX('b')}/layer.tar`] }],
    });
    const a = await read(bytes);
    expect(a.image.layers[0].fileBytes).toBe(10);
  });

  it('warns when history and layers do not pair, and keeps going', async () => {
    const a = await read(dockerSave({ history: [{ created_by: 'a' }, { created_by: 'b' }] }));
    expect(a.warnings.join()).toMatch(/2 entries that make layers but the image has 1 layers/);
  });

  it('names the member and the problem for broken manifests', async () => {
    await expect(read(dockerSave({ manifest: [{ Config: CONFIG, Layers: ['missing.tar'] }] }))).rejects.toThrow(
      /app\.tar: missing\.tar: layer of manifest\.json\[0\] is not in the archive/,
    );
    await expect(read(dockerSave({ manifest: [{ Config: '../../etc/passwd', Layers: [] }] }))).rejects.toThrow(/leaves the archive/);
    await expect(read(dockerSave({ manifest: { not: 'a list' } }))).rejects.toThrow(/manifest\.json: manifest\.json should be a JSON array/);
    const notJson = writeTar([{ path: 'manifest.json', data: '[{' }]);
    await expect(read(notJson)).rejects.toThrow(/manifest\.json: is not valid JSON/);
  });

  it('says what a non-archive is, and an empty file', async () => {
    await expect(read(new TextEncoder().encode('FROM alpine\nRUN true\n'), 'Dockerfile')).rejects.toThrow(/Dockerfile: is not an image archive/);
    await expect(read(new Uint8Array(0), 'empty.tar')).rejects.toThrow(/empty\.tar: is empty/);
  });

  it('names the layer when a real archive is cut short', async () => {
    const whole = new Uint8Array(readFileSync(join(FIXTURES, 'seed-a-bloated.oci.tar')));
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const err = await read(cut, 'cut.tar').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).file).toBe('cut.tar');
    expect((err as Error).message).toMatch(/truncat|ended|not in the archive/i);
  });

  it('reports progress up to the total and stops when cancelled', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'seed-a-bloated.docker.tar')));
    const seen: Progress[] = [];
    await read(bytes, 'a.tar', { onProgress: (p: Progress) => seen.push(p) });
    const last = seen.filter((p) => p.phase === 'layers').at(-1)!;
    expect(last.bytesRead).toBe(last.totalBytes);
    const ctl = new AbortController();
    ctl.abort();
    await expect(read(bytes, 'a.tar', { signal: ctl.signal })).rejects.toBeInstanceOf(CancelledError);
  });
});
