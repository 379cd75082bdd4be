// The CLI as a user runs it: bin/layerscope on real fixtures, exit codes, text and JSON.

import { execFile } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/layerscope');
const FIXTURES = join(ROOT, '../shared/fixtures');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(BIN, args, { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('bin/layerscope', () => {
  it('analyze prints every history entry, sizes and the waste', async () => {
    const r = await cli('analyze', join(FIXTURES, 'seed-a-bloated.docker.tar'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dd if=\/dev\/zero bs=1024 count=1024 of=\/data\/one/);
    expect(r.stdout).toMatch(/CMD ls -alh \/data/);
    expect(r.stdout).toMatch(/reclaimable: 4\.0 MiB \(4,194,304 bytes\)/);
  });

  it('analyze --json follows layerscope.analysis/v1', async () => {
    const r = await cli('analyze', join(FIXTURES, 'whiteouts.oci.tar'), '--json', '--files', '--merged');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.schema).toBe('layerscope.analysis/v1');
    expect(j.input.format).toBe('oci-layout');
    expect(j.layers).toHaveLength(5);
    expect(j.layers[2].opaqueDirs).toEqual(['/data']);
    expect(j.layers[3].whiteouts).toContain('/keep/k1');
    expect(j.layers[3].entries.find((e: { path: string }) => e.path === '/keep/k1').change).toBe('deleted');
    expect(j.merged.some((m: { path: string }) => m.path === '/data/new')).toBe(true);
    expect(j.merged.some((m: { path: string }) => m.path === '/keep/k1')).toBe(false);
    expect(j.history.at(-1).emptyLayer).toBe(true);
  });

  it('analyze --platform picks from a multi-platform index', async () => {
    const r = await cli('analyze', join(FIXTURES, 'multi-arch-index.oci.tar'), '--platform', 'linux/arm64', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).layers).toHaveLength(2);
  });

  it('readpath follows a read down the layers', async () => {
    const r = await cli('readpath', join(FIXTURES, 'seed-a-bloated.oci.tar'), '/data/one', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.found).toBeNull();
    expect(j.steps[0]).toEqual({ layer: 6, outcome: 'whiteout' });
    expect(j.steps.filter((s: { outcome: string }) => s.outcome === 'shadowed').map((s: { layer: number }) => s.layer)).toEqual([5, 3, 2]);
    const two = await cli('readpath', join(FIXTURES, 'seed-a-bloated.oci.tar'), '/data/two', '--layer', '4');
    expect(two.stdout).toMatch(/layer +4 +hit/);
  });

  it('exits 2 with one clear line on bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerscope-'));
    const png = join(dir, 'photo.png');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const r = await cli('analyze', png);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/photo\.png: is not an image archive/);
    const missing = await cli('analyze', join(dir, 'nope.tar'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.tar: cannot be opened \(ENOENT\)/);
    const usage = await cli('analyze');
    expect(usage.code).toBe(2);
  });
});
