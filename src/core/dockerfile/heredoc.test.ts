// Heredocs: BuildKit's parser_heredoc_test.go cases (TestParseExtractsHeredoc,
// TestParseJSONHeredoc, TestHeredocChomp, TestParseHeredocHelpers, TestHeredocsFromLine), ported.

import { describe, expect, it } from 'vitest';
import { chompHeredocContent, heredocsFromLine, parseHeredoc } from './heredoc.ts';
import { parseDockerfile } from './parser.ts';
import { ShellError } from './shell/lex.ts';

const DOCKERFILE = `
FROM alpine:3.6

ENV NAME=me

RUN ls

USER <<INVALID
INVALID

RUN <<EMPTY
EMPTY

RUN 3<<EMPTY2
EMPTY2

RUN "<<NOHEREDOC"

RUN <<INDENT
\tfoo
\tbar
INDENT

RUN <<-UNINDENT
\tbaz
\tquux
UNINDENT

RUN <<-UNINDENT2
\tbaz
\tquux
\tUNINDENT2

RUN <<-EXPAND
\texpand $NAME
EXPAND

RUN <<-'NOEXPAND'
\tdon't expand $NAME
NOEXPAND

RUN <<COPY
echo hello world
echo foo bar
COPY

RUN <<COMMENT
# internal comment
echo hello world
echo foo bar # trailing comment
COMMENT

RUN --mount=type=cache,target=/foo <<MOUNT
echo hello
MOUNT

COPY <<FILE1 <<FILE2 /dest
content 1
FILE1
content 2
FILE2

COPY <<X <<Y /dest
Y
X
X
Y
\t`;

const doc = (name: string, content: string, o: { expand?: boolean; chomp?: boolean; fd?: number } = {}) => ({
  name,
  content,
  expand: o.expand ?? true,
  chomp: o.chomp ?? false,
  fileDescriptor: o.fd ?? 0,
});

describe('parser_heredoc_test.go', () => {
  it('TestParseExtractsHeredoc', () => {
    // BuildKit's parser alone: `INVALID` is an instruction there (docker build would refuse it)
    const p = parseDockerfile(DOCKERFILE, { instructionChecks: false });
    const want = [
      [], // ENV
      [], // RUN ls
      [], // USER <<INVALID
      [], // INVALID
      [doc('EMPTY', '')],
      [doc('EMPTY2', '', { fd: 3 })],
      [], // RUN "<<NOHEREDOC"
      [doc('INDENT', '\tfoo\n\tbar\n')],
      [doc('UNINDENT', '\tbaz\n\tquux\n', { chomp: true })],
      [doc('UNINDENT2', '\tbaz\n\tquux\n', { chomp: true })],
      [doc('EXPAND', '\texpand $NAME\n', { chomp: true })],
      [doc('NOEXPAND', "\tdon't expand $NAME\n", { chomp: true, expand: false })],
      [doc('COPY', 'echo hello world\necho foo bar\n')],
      [doc('COMMENT', '# internal comment\necho hello world\necho foo bar # trailing comment\n')],
      [doc('MOUNT', 'echo hello\n')],
      [doc('FILE1', 'content 1\n'), doc('FILE2', 'content 2\n')],
      [doc('X', 'Y\n'), doc('Y', 'X\n')],
    ];
    want.forEach((w, i) => expect(p.instructions[i + 1].heredocs).toEqual(w));
    expect(p.instructions).toHaveLength(want.length + 1);
  });

  it('TestParseJSONHeredoc: no heredocs in the JSON form', () => {
    const p = parseDockerfile('\nFROM alpine:3.6\n\nRUN ["whoami"]\nRUN ["<<EOF"]\nRUN ["<<\'EOF\'"]\n\t');
    for (const i of [1, 2, 3]) expect(p.instructions[i].heredocs).toEqual([]);
  });

  it('TestHeredocChomp', () => {
    expect(chompHeredocContent('\thello\n\tworld\n')).toBe('hello\nworld\n');
  });

  it('TestParseHeredocHelpers', () => {
    for (const src of ['', 'EOF', '<<', '<<-', '<EOF', '<<<EOF']) expect(parseHeredoc(src)).toBeNull();
    for (const src of ['<<EOF', "<<'EOF'", '<<"EOF"', '<<-EOF', "<<-'EOF'", '<<-"EOF"']) expect(parseHeredoc(src)?.name).toBe('EOF');
    for (const src of ["<<'EOF", '<<"EOF', "<<EOF'", '<<EOF"']) expect(() => parseHeredoc(src)).toThrow(ShellError);
  });

  it('TestHeredocsFromLine', () => {
    const cases: [string, string[]][] = [
      ['RUN <<EOF', ['EOF']],
      ['RUN <<-EOF', ['EOF']],
      ["RUN <<'EOF'", ['EOF']],
      ['RUN 4<<EOF', ['EOF']],
      ['RUN <<EOF <<EOF2', ['EOF', 'EOF2']],
      ["RUN '<<EOF'", []],
      ['RUN "<<EOF"', []],
    ];
    for (const [line, names] of cases) expect(heredocsFromLine(line).map((h) => h.name)).toEqual(names);
  });
});

describe('heredocs, more', () => {
  it('an unterminated heredoc is an error spanning the instruction', () => {
    expect(() => parseDockerfile('FROM a\nRUN <<EOF\necho')).toThrow(/line 2: unterminated heredoc/);
  });
  it('heredocs in an ONBUILD trigger, and none on other instructions', () => {
    const p = parseDockerfile('FROM a\nONBUILD RUN <<EOF\nx\nEOF\nENV a=<<EOF\n');
    expect(p.instructions[1].heredocs.map((h) => h.content)).toEqual(['x\n']);
    expect(p.instructions[2].heredocs).toEqual([]);
  });
  it('a quoted part anywhere in the delimiter turns expansion off', () => {
    expect(parseHeredoc('<<E"O"F')).toMatchObject({ name: 'EOF', expand: false });
  });
});
