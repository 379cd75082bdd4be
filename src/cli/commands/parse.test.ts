// `layerscope parse`: --dump is Node.Dump's format, --json the versioned parse, the default a
// summary; a missing file is an InputError (exit 2 with one line), misuse a UsageError.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { UsageError } from '../args.ts';
import { parse } from './parse.ts';

const dir = mkdtempSync(join(tmpdir(), 'layerscope-parse-'));
const file = join(dir, 'Dockerfile');
writeFileSync(file, '# syntax=docker/dockerfile:1\nFROM golang AS build\nENV A=1 B=2\nRUN --mount=type=cache,target=/c \\\n  go build\nCOPY <<EOF /x\nhi\nEOF\nFROM scratch\nCOPY --from=build /a /b\n');

async function run(...argv: string[]): Promise<string> {
  const lines: string[] = [];
  await parse(argv, (s) => lines.push(s));
  return lines.join('\n');
}

describe('layerscope parse', () => {
  it('--dump prints BuildKit\'s parser dump', async () => {
    expect(await run(file, '--dump')).toBe(
      [
        '(from "golang" "AS" "build")',
        '(env "A" "1" "=" "B" "2" "=")',
        '(run ["--mount=type=cache,target=/c"] "go build")',
        '(copy "<<EOF" "/x")',
        '(from "scratch")',
        '(copy ["--from=build"] "/a" "/b")',
      ].join('\n'),
    );
  });
  it('--json prints the versioned parse', async () => {
    const j = JSON.parse(await run(file, '--json'));
    expect(j.schema).toBe('layerscope.dockerfile/v1');
    expect(j.directives).toEqual({ syntax: 'docker/dockerfile:1' });
    expect(j.instructions[2]).toMatchObject({ keyword: 'run', line: 4, endLine: 5, flags: ['--mount=type=cache,target=/c'], args: ['go build'], json: false });
    expect(j.instructions[3].heredocs).toEqual([{ name: 'EOF', content: 'hi\n', expand: true, chomp: false, fileDescriptor: 0 }]);
    expect(j.warnings).toEqual([]);
  });
  it('prints a summary by default', async () => {
    const s = await run(file);
    expect(s).toContain('6 instructions in 2 stages (syntax=docker/dockerfile:1)');
    expect(s).toMatch(/4-5 {2}RUN {9}--mount=type=cache,target=\/c go build/);
  });
  it('errors', async () => {
    await expect(run(join(dir, 'missing'))).rejects.toThrow(InputError);
    await expect(run(join(dir, 'missing'))).rejects.toThrow(/missing: cannot be opened \(ENOENT\)/);
    await expect(run(file, '--json', '--dump')).rejects.toThrow(UsageError);
    await expect(run()).rejects.toThrow(UsageError);
    const bad = join(dir, 'Bad');
    writeFileSync(bad, 'FROM a\nRUNN x\n');
    await expect(run(bad)).rejects.toThrow(`${bad}: line 2: unknown instruction: RUNN (did you mean RUN?)`);
  });
});
