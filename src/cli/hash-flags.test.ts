// The CLI's hashing flags: 'auto' by default (gzip/zstd layers hashed, plain ones not), --hash
// every layer, --no-hash none; analyze says how copy-ups were judged, ci marks its figures.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './args.ts';
import { analyze } from './commands/analyze.ts';
import { ci } from './commands/ci.ts';
import { hashFrom } from './hash-flags.ts';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');
const GZIP = join(FIXTURES, 'seed-a-bloated.oci.tar'); // OCI layout, gzip layers
const PLAIN = join(FIXTURES, 'seed-a-bloated.docker.tar'); // docker save, plain layer tars

async function lastLine(run: (argv: string[], out: (s: string) => void) => Promise<unknown>, ...argv: string[]): Promise<string> {
  const lines: string[] = [];
  await run(argv, (s) => lines.push(...s.split('\n')));
  return lines.at(-1) ?? '';
}

describe('hashFrom', () => {
  it('is auto unless told, and refuses both flags at once', () => {
    expect(hashFrom({})).toBe('auto');
    expect(hashFrom({ hash: true })).toBe(true);
    expect(hashFrom({ 'no-hash': true })).toBe(false);
    expect(() => hashFrom({ hash: true, 'no-hash': true })).toThrow(UsageError);
  });
});

describe('analyze', () => {
  it.each([
    [GZIP, [], 'told apart by content hash'],
    [PLAIN, [], 'judged by size and mtime (contents not hashed)'],
    [PLAIN, ['--hash'], 'told apart by content hash'],
    [GZIP, ['--no-hash'], 'judged by size and mtime (contents not hashed)'],
  ])('%s %s: %s', async (file, flags, words) => {
    expect(await lastLine(analyze, file, ...flags)).toBe(`attribute-only changes ${words}`);
  });
});

describe('ci', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layerscope-hash-'));
  const config = join(dir, '.dive-ci');
  writeFileSync(config, 'rules:\n  lowestEfficiency: 0.1\n');
  const judged = async (...argv: string[]) => {
    const lines: string[] = [];
    await ci([...argv, '--config', config], (s) => lines.push(s));
    return lines.join('\n');
  };

  it('hashes gzip layers by default and says so; --no-hash turns it off', async () => {
    expect(await judged(GZIP)).toContain('; contents hashed');
    expect(await judged(GZIP, '--no-hash')).not.toContain('contents hashed');
    expect(await judged(PLAIN)).toContain('contents not hashed');
    expect(await judged(PLAIN, '--hash')).toContain('; contents hashed');
  });
});
