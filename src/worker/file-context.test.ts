// The File-backed build context (file-context.ts): entries listed like a directory walk, bytes read
// from the Files, and the simulator sizing COPY from it exactly as from the same folder on disk
// (src/cli/context-dir.ts) with .dockerignore applied.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DirectoryContext } from '../cli/context-dir.ts';
import { simulateDockerfile } from '../core/simulate/simulate.ts';
import { contextPath, FileContext, type ContextFile } from './file-context.ts';

const RECIPE = '../shared/fixtures/recipes/copy-context';

/** The recipe folder as the browser would hand it over: Files with their relative paths. */
async function recipeFiles(): Promise<ContextFile[]> {
  const disk = await DirectoryContext.open(RECIPE);
  return (await disk.list())
    .filter((e) => e.kind === 'file')
    .map((e) => ({ path: e.path, file: new File([readFileSync(`${RECIPE}/${e.path}`)], e.path.split('/').pop()!, { lastModified: 1_700_000_000_500 }) }));
}

describe('FileContext', () => {
  it('lists folders implied by the paths before their files, with sizes, modes and times', async () => {
    const ctx = new FileContext('app', [
      { path: 'site/css/a.css', file: new File(['body{}'], 'a.css', { lastModified: 2_000_999 }) },
      { path: './README.md', file: new File(['hi'], 'README.md', { lastModified: 0 }) },
      { path: '../outside', file: new File(['x'], 'outside') },
    ]);
    expect(await ctx.list()).toEqual([
      { path: 'README.md', kind: 'file', size: 2, mode: 0o644, mtime: 0 },
      { path: 'site', kind: 'dir', size: 0, mode: 0o755, mtime: 0 },
      { path: 'site/css', kind: 'dir', size: 0, mode: 0o755, mtime: 0 },
      { path: 'site/css/a.css', kind: 'file', size: 6, mode: 0o644, mtime: 2000 },
    ]);
    expect(new TextDecoder().decode(await ctx.read('site/css/a.css'))).toBe('body{}');
    await expect(ctx.read('outside')).rejects.toThrow(/not in the build context app/);
  });

  it('cleans paths and refuses ones that leave the root', () => {
    expect(contextPath('./a//b/')).toBe('a/b');
    expect(contextPath('a\\b')).toBe('a/b');
    expect(contextPath('a/../b')).toBeNull();
    expect(contextPath('./')).toBeNull();
  });

  it('lists the recipe folder as the directory walk does (files and folders, same sizes)', async () => {
    const strip = (es: { path: string; kind: string; size: number }[]) => es.map(({ path, kind, size }) => ({ path, kind, size }));
    const disk = await (await DirectoryContext.open(RECIPE)).list();
    const files = await new FileContext('copy-context', await recipeFiles()).list();
    const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
    expect(strip(files)).toEqual(strip(disk).sort(byPath));
  });

  it('sizes the COPY layers of the recipe exactly as the folder on disk does', async () => {
    const text = readFileSync(`${RECIPE}/Dockerfile`, 'utf8');
    const fromFiles = await simulateDockerfile(text, { context: new FileContext('copy-context', await recipeFiles()) });
    const fromDisk = await simulateDockerfile(text, { context: await DirectoryContext.open(RECIPE) });
    const copies = (s: typeof fromDisk) => s.steps.filter((x) => /^(COPY|ADD)/.test(x.original)).map((x) => ({ line: x.startLine, bytes: x.added.fileBytes, files: x.added.files, unknown: x.unknowns.length }));
    expect(copies(fromFiles)).toEqual(copies(fromDisk));
    expect(copies(fromFiles).every((c) => c.unknown === 0 && c.bytes > 0)).toBe(true);
    // .dockerignore (site/secret.txt, **/*.tmp) is applied: COPY site/ takes 4 of its 6 files.
    expect(copies(fromFiles).find((c) => c.line === 3)?.files).toBe(4);
  });
});
