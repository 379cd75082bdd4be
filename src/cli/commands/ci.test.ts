// `layerscope ci` as CI jobs run it: `.dive-ci` files with each rule passing and failing, the
// lines dive users look for, and the exit codes (0 pass, 1 a rule fails, 2 bad input).
// Most cases call the command in-process; the exit codes are checked through bin/layerscope.

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { ci } from './ci.ts';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/layerscope');
const FIXTURES = join(ROOT, '../shared/fixtures');
const SEED_A = join(FIXTURES, 'seed-a-bloated.docker.tar');
const SEED_B = join(FIXTURES, 'seed-b-merged.docker.tar');

function diveCi(body: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'layerscope-ci-'));
  const file = join(dir, '.dive-ci');
  writeFileSync(file, body);
  return { dir, file };
}

async function inProcess(...args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await ci(args, (s) => lines.push(s));
  return { code, text: lines.join('\n') };
}

const run = promisify(execFile);
async function cli(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(BIN, args, { cwd, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

// seed-a-bloated: layerscope efficiency 0.4195, wasted 4 MiB (4194304), user wasted 0.80;
// dive 0.4195, 5 MiB (5242880), 1.00 (figures.fixtures.test.ts has the computation).
// seed-b-merged (one RUN that creates and deletes): efficiency 1, nothing wasted.
describe('each rule passing and failing', () => {
  it.each([
    ['lowestEfficiency: 0.4', 'PASS  lowestEfficiency (0.4 from', 0],
    ['lowestEfficiency: 0.5', 'FAIL  lowestEfficiency (0.5 from', 1],
    ['highestWastedBytes: 5MB', 'PASS  highestWastedBytes (5MB from', 0], // 4,194,304 ≤ 5,000,000
    ['highestWastedBytes: 4MB', 'FAIL  highestWastedBytes (4MB from', 1], // 4,194,304 > 4,000,000
    ['highestUserWastedPercent: 0.8', 'PASS  highestUserWastedPercent (0.8 from', 0], // 0.8 is not > 0.8
    ['highestUserWastedPercent: 0.79', 'FAIL  highestUserWastedPercent (0.79 from', 1],
  ])('%s', async (rule, line, code) => {
    // the other two rules disabled, so only this one decides
    const others = ['lowestEfficiency', 'highestWastedBytes', 'highestUserWastedPercent'].filter((k) => !rule.startsWith(k));
    const { file } = diveCi(`rules:\n  ${rule}\n${others.map((k) => `  ${k}: disabled\n`).join('')}`);
    const r = await inProcess(SEED_A, '--config', file);
    expect(r.code).toBe(code);
    expect(r.text).toContain(`  ${line} ${file} line 2)`);
    expect(r.text.split('\n').filter((l) => /^ {2}SKIP {2}/.test(l))).toHaveLength(2);
    expect(r.text).toMatch(code ? /^FAIL \[fail:1 skip:2\]$/m : /^PASS \[pass:1 skip:2\]$/m);
  });

  it("--figures dive judges on dive's figures: 5 MiB wasted fails a 5MB limit that layerscope's 4 MiB passes", async () => {
    const { file } = diveCi('rules:\n  highestWastedBytes: 5MB\n  lowestEfficiency: disabled\n  highestUserWastedPercent: disabled\n');
    const ours = await inProcess(SEED_A, '--config', file);
    const theirs = await inProcess(SEED_A, '--config', file, '--figures', 'dive');
    expect(ours.code).toBe(0);
    expect(ours.text).toContain('PASS  highestWastedBytes (5MB from');
    expect(ours.text).toContain('[dive: 5242880 bytes (5.0 MiB), FAIL]');
    expect(theirs.code).toBe(1);
    expect(theirs.text).toContain('too many bytes wasted (wasted-bytes=5242880 > threshold=5000000)');
  });

  it("flags override the file, in ours and in dive's spelling", async () => {
    const { file } = diveCi('rules:\n  lowestEfficiency: 0.99\n');
    const r = await inProcess(SEED_B, '--config', file, '--lowestEfficiency', '0.5', '--highest-user-wasted-percent', '0');
    expect(r.code).toBe(0);
    expect(r.text).toContain('PASS  lowestEfficiency (0.5 from --lowestEfficiency): 1.0000');
    expect(r.text).toContain('PASS  highestUserWastedPercent (0 from --highest-user-wasted-percent): 0.0000');
  });

  it("dive's defaults fail seed-a on every enabled rule and pass seed-b", async () => {
    const { file } = diveCi('# nothing set\n');
    const a = await inProcess(SEED_A, '--config', file);
    expect(a.code).toBe(1);
    expect(a.text).toContain('SKIP  highestWastedBytes (disabled, the default)');
    expect(a.text).toMatch(/^FAIL \[fail:2 skip:1\]$/m);
    expect((await inProcess(SEED_B, '--config', file)).code).toBe(0);
  });

  it('a misconfigured rule is bad input naming the file and line, before any image is read', async () => {
    const { file } = diveCi('rules:\n  lowestEfficiency: 90%\n');
    await expect(inProcess('/nonexistent.tar', '--config', file)).rejects.toThrow(InputError);
    await expect(inProcess(SEED_A, '--config', file)).rejects.toThrow(`${file} line 2: CI misconfigured: invalid lowestEfficiency config value, given "90%"`);
  });
});

describe('bin/layerscope ci exit codes', () => {
  it('0 when every rule passes, reading ./.dive-ci by default', async () => {
    const { dir } = diveCi('rules:\n  lowestEfficiency: 0.9\n  highestWastedBytes: 1MB\n  highestUserWastedPercent: 0.1\n');
    const r = await cli(dir, 'ci', SEED_B);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^ {2}PASS {2}lowestEfficiency \(0\.9 from \.dive-ci line 2\): 1\.0000/m);
    expect(r.stdout).toMatch(/^PASS \[pass:3\]$/m);
  });

  it('1 when a rule fails', async () => {
    const { dir } = diveCi('rules:\n  highestWastedBytes: 1MB\n');
    const r = await cli(dir, 'ci', SEED_A);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}FAIL {2}highestWastedBytes \(1MB from \.dive-ci line 2\): 4194304 bytes/m);
  });

  it('2 on a misconfigured rule, with one line on stderr', async () => {
    const { dir } = diveCi('rules:\n  highestUserWastedPercent: 1.5\n');
    const r = await cli(dir, 'ci', SEED_A);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe("layerscope: .dive-ci line 2: CI misconfigured: highestUserWastedPercent config value is outside allowed range (0-1), given '1.5'");
  });

  it('2 on an input that is not there', async () => {
    const { dir } = diveCi('rules:\n');
    const r = await cli(dir, 'ci', 'missing.tar');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.tar: cannot be opened \(ENOENT\)/);
  });
});

describe('other outputs', () => {
  it('--markdown: the PR comment, verdict first; --hash marks the figures as hashed', async () => {
    const { file } = diveCi('rules:\n  highestWastedBytes: 1MB\n');
    const r = await inProcess(SEED_A, '--config', file, '--markdown', '--hash');
    expect(r.code).toBe(1);
    expect(r.text.split('\n')[0]).toBe('### ❌ layerscope ci: FAIL — localhost\\/seed\\-a\\-bloated\\:latest');
    expect(r.text).toContain('contents hashed');
    expect(r.text).toContain('| ❌ FAIL | `highestWastedBytes` | 977 KiB (1,000,000 B) |');
    expect(r.text).toMatch(/^#### Suggestions$/m);
  });

  it('says how copy-ups were judged: by size and mtime for a docker save read with auto, by hash with --hash', async () => {
    const auto = await inProcess(SEED_A, '--json');
    const warnings = (JSON.parse(auto.text) as { warnings: string[] }).warnings;
    expect(warnings.some((w) => w.startsWith('attribute-only changes judged by size and mtime (contents not hashed)'))).toBe(true);
    const hashed = await inProcess(SEED_A, '--json', '--hash');
    expect((JSON.parse(hashed.text) as { warnings: string[] }).warnings.some((w) => w.includes('size and mtime'))).toBe(false);
  });

  it('--json and --markdown together are a usage error', async () => {
    await expect(inProcess(SEED_A, '--json', '--markdown')).rejects.toThrow(/exclusive/);
  });

  it("analyze --json --format dive prints dive's export shape", async () => {
    const r = await cli(ROOT, 'analyze', SEED_A, '--json', '--format', 'dive');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['layer', 'image']);
    expect(j.image).toMatchObject({ sizeBytes: 1982365 + 5 * 1024 * 1024, inefficientBytes: 5 * 1024 * 1024 });
    expect(j.image.fileReference[0]).toEqual({ count: 4, sizeBytes: 3 * 1024 * 1024, file: '/data/one' });
    expect(j.layer[2]).toMatchObject({ index: 2, command: 'dd if=/dev/zero bs=1024 count=1024 of=/data/one', sizeBytes: 1024 * 1024 });
  });
});

