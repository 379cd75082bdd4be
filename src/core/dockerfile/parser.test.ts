// The parser's behaviour case by case: directives, continuations, forms, flags, ENV/LABEL/ARG,
// ONBUILD, HEALTHCHECK, errors with their lines, and the dump in BuildKit's current form (with the
// ENV/LABEL separator nodes that the stored test data predates).

import { describe, expect, it } from 'vitest';
import { DockerfileError } from './errors.ts';
import { InputError } from '../errors.ts';
import { dump } from './node.ts';
import { parseDockerfile } from './parser.ts';

const one = (text: string) => parseDockerfile(text).instructions[0];
const dumped = (text: string) => dump(parseDockerfile(text));
const errorOf = (text: string): DockerfileError => {
  try {
    parseDockerfile(text, { file: 'Dockerfile.test' });
  } catch (e) {
    if (e instanceof DockerfileError) return e;
    throw e;
  }
  throw new Error('expected a DockerfileError');
};

describe('directives', () => {
  it('reads syntax, escape and check at the top, case-insensitively', () => {
    const p = parseDockerfile('# SYNTAX = docker/dockerfile:1\n#Escape=`\n# check=skip=all\nFROM a\nRUN x `\n  y\n');
    expect(p.directives.map((d) => [d.name, d.value, d.line])).toEqual([
      ['syntax', 'docker/dockerfile:1', 1],
      ['escape', '`', 2],
      ['check', 'skip=all', 3],
    ]);
    expect(p.escapeToken).toBe('`');
    expect(p.instructions[1].args).toEqual(['x   y']);
  });
  it('stops looking after the first other line, comment or instruction', () => {
    expect(parseDockerfile('# hello\n# escape=`\nFROM a\n').escapeToken).toBe('\\');
    expect(parseDockerfile('FROM a\n# escape=`\n').directives).toEqual([]);
    expect(parseDockerfile('# unknown=1\n# escape=`\nFROM a\n').escapeToken).toBe('\\');
  });
  it('rejects a repeated directive and a bad escape token, with the line', () => {
    const e = errorOf('# escape=`\n# escape=\\\nFROM a');
    expect(e).toBeInstanceOf(InputError);
    expect([e.line, e.detail, e.file, e.entry]).toEqual([2, 'only one escape parser directive can be used', 'Dockerfile.test', 'line 2']);
    expect(errorOf('# escape=x\nFROM a').detail).toBe("invalid escape token 'x' does not match ` or \\");
  });
  it('does not hand a directive to the next instruction as a comment', () => {
    expect(parseDockerfile('# syntax=x\n# about from\nFROM a').instructions[0].comments).toEqual(['about from']);
  });
  it('ignores the byte-order mark', () => {
    expect(parseDockerfile('\ufeff# escape=`\nFROM a').escapeToken).toBe('`');
  });
  it('(escape and escape-after-comment testfiles, whose result files were not stored)', () => {
    expect(dumped('#escape = `\n\nFROM image\nLABEL maintainer foo@bar.com\nENV GOPATH `\n\\go')).toBe(
      '(from "image")\n(label "maintainer" "foo@bar.com" "")\n(env "GOPATH" "\\\\go" "")',
    );
    // after a comment the directive is not one: \ stays the escape and continues the line
    expect(parseDockerfile('# Comment\n# escape = `\n\nFROM image\nENV GOPATH \\\n\\go').instructions[1].args).toEqual(['GOPATH', '\\go', '']);
  });
});

describe('lines and continuations', () => {
  it('joins continued lines, allowing blanks after the escape and a continuation at end of file', () => {
    const p = parseDockerfile('FROM a\nRUN echo a \\  \n  b \\\n# a comment\n  c \\');
    expect(p.instructions[1].args).toEqual(['echo a   b   c']);
    expect([p.instructions[1].startLine, p.instructions[1].endLine]).toEqual([2, 5]);
  });
  it('does not continue after an escaped escape', () => {
    expect(parseDockerfile('FROM a\nRUN echo \\\\\nRUN b').instructions.map((i) => i.args[0])).toEqual(['a', 'echo \\\\', 'b']);
  });
  it('warns about empty continuation lines, at the end line', () => {
    const p = parseDockerfile('FROM a\nRUN a \\\n\n  b');
    expect(p.warnings).toEqual([{ line: 4, message: 'Empty continuation line found in: RUN a   b', url: 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/' }]);
  });
  it('handles CRLF line ends', () => {
    expect(dumped('FROM a\r\nRUN x \\\r\n  y\r\n')).toBe('(from "a")\n(run "x   y")');
  });
  it('keeps the keyword as written and lowercases it', () => {
    expect([one('fRoM a').keyword, one('fRoM a').rawKeyword]).toEqual(['from', 'fRoM']);
  });
});

describe('forms and flags', () => {
  it('JSON form, and shell form when the JSON is invalid', () => {
    expect([one('CMD ["a", "b c"]').args, one('CMD ["a", "b c"]').json]).toEqual([['a', 'b c'], true]);
    expect([one("CMD ['a']").args, one("CMD ['a']").json]).toEqual([["['a']"], false]);
    expect(one('CMD ["a"] && b').args).toEqual(['a']); // a json.Decoder reads the first value only
    expect(one('CMD ["\\ud83d\\ude00 \\u00e9"]').args).toEqual(['😀 é']);
    expect(one('CMD [1e999]').json).toBe(false); // out of float64 range: not JSON form
  });
  it('a JSON array holding a non-string is an error', () => {
    expect(errorOf('FROM a\n\nCMD ["a", 1]').detail).toBe('when using JSON array syntax, arrays must be comprised of strings only');
    expect(errorOf('FROM a\n\nCMD ["a", 1]').line).toBe(3);
    expect(() => parseDockerfile('FROM a\nRUN ["a", {"b": null}]')).toThrow(DockerfileError);
  });
  it('keeps flags as written, in order, ending at the first non-flag or a bare --', () => {
    const c = one('COPY --from=build --chown=1:2 --chmod=755 --link --exclude=*.md --parents a b');
    expect(c.flags).toEqual(['--from=build', '--chown=1:2', '--chmod=755', '--link', '--exclude=*.md', '--parents']);
    expect(c.args).toEqual(['a', 'b']);
    expect(one('COPY --link -- --weird dst').args).toEqual(['--weird', 'dst']);
    expect(one('RUN --mount=type=cache,target=/c --network=none --security=insecure make').flags).toEqual([
      '--mount=type=cache,target=/c',
      '--network=none',
      '--security=insecure',
    ]);
    expect(one('FROM --platform=$BUILDPLATFORM golang AS build').args).toEqual(['golang', 'AS', 'build']);
    expect(one('ADD --checksum=sha256:abc --keep-git-dir=true https://x/y.git /src').flags).toEqual(['--checksum=sha256:abc', '--keep-git-dir=true']);
  });
  it('unquotes flag values and decodes their bytes one by one, as BuildKit does', () => {
    expect(one('COPY --chown="a b" x y').flags).toEqual(['--chown=a b']);
    expect(one('COPY --chown=ü x y').flags).toEqual(['--chown=Ã¼']);
  });
});

describe('ENV, LABEL, ARG', () => {
  it('k=v pairs get "=", the legacy form gets ""', () => {
    expect(dumped('ENV a=1 b="2 3" c=\'x\'')).toBe(`(env "a" "1" "=" "b" "\\"2 3\\"" "=" "c" "'x'" "=")`);
    expect(dumped('ENV PATH /usr/bin:$PATH and more')).toBe('(env "PATH" "/usr/bin:$PATH and more" "")');
    expect(dumped('LABEL "com.example.vendor"="ACME Inc" version=1.0')).toBe('(label "\\"com.example.vendor\\"" "\\"ACME Inc\\"" "=" "version" "1.0" "=")');
    expect(dump(parseDockerfile('ENV a=1 b=2'), { keyValueSeparators: false })).toBe('(env "a" "1" "b" "2")');
  });
  it('ENV errors', () => {
    expect(errorOf('FROM a\nENV PATH').detail).toBe('ENV must have two arguments');
    expect(errorOf('FROM a\nENV a=1 b').detail).toBe('Syntax error - can\'t find = in "b". Must be of the form: name=value');
  });
  it('ARG names and defaults', () => {
    expect(one('ARG a b=2 c="x y"').args).toEqual(['a', 'b=2', 'c="x y"']);
  });
});

describe('ONBUILD, HEALTHCHECK, MAINTAINER', () => {
  it('ONBUILD nests its trigger', () => {
    const o = one('ONBUILD COPY --from=x a b');
    expect([o.keyword, o.sub?.keyword, o.sub?.flags, o.sub?.args]).toEqual(['onbuild', 'copy', ['--from=x'], ['a', 'b']]);
    expect(dumped('ONBUILD RUN ["a"]')).toBe('(onbuild (run "a"))');
  });
  it('refuses ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER', () => {
    expect(errorOf('FROM a\nONBUILD ONBUILD RUN x').detail).toBe('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
    expect(errorOf('FROM a\nonbuild from b').detail).toBe("FROM isn't allowed as an ONBUILD trigger");
    expect(errorOf('FROM a\nONBUILD').detail).toBe('ONBUILD requires at least one argument');
  });
  it('a long ONBUILD chain is an error, not a stack overflow', () => {
    expect(errorOf(`FROM a\n${'ONBUILD \\\n'.repeat(50000)}RUN x`).detail).toContain('ONBUILD ONBUILD');
  });
  it('HEALTHCHECK NONE and CMD with flags', () => {
    expect(dumped('HEALTHCHECK NONE')).toBe('(healthcheck "NONE")');
    expect(dumped('HEALTHCHECK --interval=5s --start-interval=1s CMD curl -f http://x/ || exit 1')).toBe(
      '(healthcheck ["--interval=5s" "--start-interval=1s"] "CMD" "curl -f http://x/ || exit 1")',
    );
    expect(one('HEALTHCHECK CMD ["a","b"]').json).toBe(true);
  });
  it('MAINTAINER keeps the rest of the line', () => {
    expect(dumped('MAINTAINER A B <a@b>')).toBe('(maintainer "A B <a@b>")');
  });
});

describe('errors', () => {
  it('unknown instructions, with a suggestion and the line', () => {
    const e = errorOf('FROM a\n\nRUNN echo');
    expect([e.line, e.detail, e.message]).toEqual([3, 'unknown instruction: RUNN (did you mean RUN?)', 'Dockerfile.test: line 3: unknown instruction: RUNN (did you mean RUN?)']);
    expect(errorOf('FROM a\nfrobnicate x').detail).toBe('unknown instruction: frobnicate');
  });
  it('a parser error wins over an earlier unknown instruction, as in BuildKit', () => {
    expect(errorOf('FOO\nCMD [1]').detail).toContain('JSON array');
  });
  it('a file with no instructions', () => {
    expect(errorOf('# only a comment\n\n').detail).toBe('file with no instructions');
    expect(errorOf('').detail).toBe('file with no instructions');
  });
});
