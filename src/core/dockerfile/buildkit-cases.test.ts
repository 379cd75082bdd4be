// BuildKit's parser test data, run against the port (parser_test.go TestParseCases,
// TestParseErrorCases, TestParseIncludesLineNumbers, TestParseWarnsOnEmptyContinutationLine,
// TestParseReturnsScannerErrors). Every testdata/buildkit/<case>/Dockerfile that has a `result`
// must dump to exactly that text; the result files predate BuildKit 0.14's ENV/LABEL separator
// nodes, so they are compared with keyValueSeparators: false (testdata/README.md). Cases whose
// result file was not available are still parsed and must succeed, as BuildKit requires.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DockerfileError } from './errors.ts';
import { dump } from './node.ts';
import { parseDockerfile } from './parser.ts';

const dir = (p: string) => new URL(`./testdata/${p}`, import.meta.url);
const read = (p: string) => readFileSync(dir(p), 'utf8');
const cases = readdirSync(dir('buildkit')).sort();

/**
 * Cases where the stored copy (from moby, 2017–18) and today's BuildKit part ways. moby's old
 * directive regex read one character after `escape =`; BuildKit's takes the whole value, so
 * `# escape = \`\`` is an invalid escape token there. The case is checked both ways: the file
 * as stored is rejected, and with the directive written as BuildKit's copy has it, it dumps to
 * its result.
 */
const DIVERGENT: Record<string, (text: string) => string> = {
  'escape-nonewline': (t) => t.replace('# escape = ``', '# escape = `'),
};

describe('BuildKit parser testfiles', () => {
  it('has the cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));
  const withResult = cases.filter((c) => existsSync(dir(`buildkit/${c}/result`)));
  it.each(withResult)('%s dumps to its result', (c) => {
    let text = read(`buildkit/${c}/Dockerfile`);
    const fix = DIVERGENT[c];
    if (fix) {
      expect(() => parseDockerfile(text)).toThrow(/line 1: invalid escape token/);
      text = fix(text);
    }
    const parse = parseDockerfile(text, { file: `${c}/Dockerfile` });
    expect(`${dump(parse, { keyValueSeparators: false })}\n`).toBe(read(`buildkit/${c}/result`));
  });
  const withoutResult = cases.filter((c) => !existsSync(dir(`buildkit/${c}/result`)));
  it.each(withoutResult)('%s parses (its result file is not in the stored copy)', (c) => {
    expect(parseDockerfile(read(`buildkit/${c}/Dockerfile`)).instructions.length).toBeGreaterThan(0);
  });
});

describe('BuildKit testfiles-negative', () => {
  it.each(readdirSync(dir('buildkit-negative')).sort())('%s is an error', (c) => {
    expect(() => parseDockerfile(read(`buildkit-negative/${c}/Dockerfile`))).toThrow(DockerfileError);
  });
});

describe('parser_test.go', () => {
  it('TestParseIncludesLineNumbers (testfile-line)', () => {
    const p = parseDockerfile(read('buildkit-line/Dockerfile'));
    expect(p.instructions.map((i) => [i.startLine, i.endLine])).toEqual([
      [5, 5],
      [11, 12],
      [17, 31],
    ]);
  });

  it('TestParseWarnsOnEmptyContinutationLine', () => {
    const p = parseDockerfile(`
FROM alpine:3.6

RUN something \\

    following \\

    more

RUN another \\

    thing
RUN non-indented \\
# this is a comment
   after-comment

RUN indented \\
    # this is an indented comment
    comment
\t`);
    expect(p.warnings).toHaveLength(2);
    expect(p.warnings[0].message).toContain('Empty continuation line found in');
    expect(p.warnings[0].message).toContain('RUN something     following     more');
    expect(p.warnings[1].message).toContain('RUN another     thing');
    expect(p.instructions.map((i) => i.args[0])).toEqual(['alpine:3.6', 'something     following     more', 'another     thing', 'non-indented    after-comment', 'indented     comment']);
  });

  it('TestParseReturnsScannerErrors: a physical line over 65535 bytes', () => {
    const label = 'a'.repeat(65536);
    expect(() => parseDockerfile(`\n\t\tFROM image\n\t\tLABEL test=${label}\n`)).toThrow('dockerfile line greater than max allowed size of 65535');
    // 65535 bytes is still allowed (the line limit counts bytes, without the newline)
    const ok = `FROM image\nLABEL t=${'b'.repeat(65535 - 'LABEL t='.length)}\n`;
    expect(parseDockerfile(ok).instructions).toHaveLength(2);
    const over = `FROM image\nLABEL t=${'é'.repeat(32768)}\n`; // 65544 bytes, 32776 chars
    expect(() => parseDockerfile(over)).toThrow('max allowed size');
  });

  it('TestParseWords', () => {
    const p = (s: string) => parseDockerfile(`ARG ${s}`).instructions[0].args;
    expect(p('foo')).toEqual(['foo']);
    expect(p('foo bar')).toEqual(['foo', 'bar']);
    expect(p('foo\\ bar')).toEqual(['foo\\ bar']);
    expect(p('foo=bar')).toEqual(['foo=bar']);
    expect(p("foo bar 'abc xyz'")).toEqual(['foo', 'bar', "'abc xyz'"]);
    expect(p('foo bar "abc xyz"')).toEqual(['foo', 'bar', '"abc xyz"']);
    expect(p('àöû')).toEqual(['àöû']);
    expect(p('föo bàr "âbc xÿz"')).toEqual(['föo', 'bàr', '"âbc xÿz"']);
  });
});
