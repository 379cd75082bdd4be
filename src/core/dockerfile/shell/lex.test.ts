// BuildKit's own expansion tables, run against the port: envVarTest and wordsTest (data files
// from moby, see testdata/README.md) read the way lex_test.go reads them, and the inline cases
// of lex_test.go (TestShellParserMandatoryEnvVars, TestProcessWithMatches,
// TestConvertShellPatternToRegex, TestReversePattern, TestGetEnv).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envsFromMap, envsFromSlice } from './env.ts';
import { compileGlob, reversePattern, reverseString } from './glob.ts';
import { ShellError, ShellLex } from './lex.ts';

const data = (name: string) => readFileSync(new URL(`../testdata/shell/${name}`, import.meta.url), 'utf8');

describe('envVarTest (TestShellParser4EnvVars)', () => {
  const envs = envsFromSlice(['PWD=/home', 'SHELL=bash', 'KOREAN=한국어', 'NULL=']);
  const lex = new ShellLex({ escapeToken: '\\' });
  const cases = data('envVarTest')
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => !line.startsWith('#') && line.trim() !== '')
    .map(({ line, n }) => {
      const words = line.trim().split('|');
      expect(words).toHaveLength(3);
      return { n, platform: words[0].trim(), source: words[1].trim(), expected: words[2].trim() };
    })
    .filter((c) => c.platform === 'A' || c.platform === 'U');
  it('has the table', () => expect(cases.length).toBeGreaterThan(200));
  it.each(cases)('line $n: $source → $expected', ({ source, expected }) => {
    if (expected === 'error') expect(() => lex.processWord(source, envs)).toThrow(ShellError);
    else expect(lex.processWord(source, envs)).toBe(expected);
  });
});

describe('wordsTest (TestShellParser4Words)', () => {
  const lex = new ShellLex();
  const envs: string[] = [];
  const cases: { n: number; test: string; expected: string[]; env: string[] }[] = [];
  data('wordsTest')
    .split('\n')
    .forEach((line, i) => {
      if (line === '' || line.startsWith('#')) return;
      if (line.startsWith('ENV ')) {
        envs.push(line.slice(3).replace(/^ +/, ''));
        return;
      }
      const words = line.split('|');
      expect(words).toHaveLength(2);
      cases.push({ n: i + 1, test: words[0].trim(), expected: words[1].replace(/^ +/, '').split(','), env: [...envs] });
    });
  it('has the table', () => expect(cases.length).toBeGreaterThan(20));
  it.each(cases)('line $n: $test', ({ test, expected, env }) => {
    let result: string[];
    try {
      result = lex.processWords(test, envsFromSlice(env));
    } catch (e) {
      expect(e).toBeInstanceOf(ShellError);
      result = ['error'];
    }
    expect(result).toEqual(expected);
  });
});

describe('lex_test.go inline cases', () => {
  const lex = new ShellLex();

  it('TestShellParserMandatoryEnvVars', () => {
    const setEnvs = envsFromSlice(['VAR=plain', 'ARG=x']);
    const emptyEnvs = envsFromSlice(['VAR=', 'ARG=x']);
    const unsetEnvs = envsFromSlice(['ARG=x']);
    const noEmpty = '${VAR:?message here$ARG}';
    const noUnset = '${VAR?message here$ARG}';
    expect(lex.processWord(noEmpty, setEnvs)).toBe('plain');
    expect(() => lex.processWord(noEmpty, emptyEnvs)).toThrow('message herex');
    expect(() => lex.processWord(noEmpty, unsetEnvs)).toThrow('message herex');
    expect(lex.processWord(noUnset, setEnvs)).toBe('plain');
    expect(lex.processWord(noUnset, emptyEnvs)).toBe('');
    expect(() => lex.processWord(noUnset, unsetEnvs)).toThrow('message herex');
  });

  // TestProcessWithMatches: input, envs, expected (or 'ERR'), matched, unmatched
  const table: [string, Record<string, string>, string, string[], string[]][] = [
    ['x', { DUMMY: 'dummy' }, 'x', [], []],
    ['x ${UNUSED}', { DUMMY: 'dummy' }, 'x ', [], ['UNUSED']],
    ['x ${FOO}', { FOO: 'y' }, 'x y', ['FOO'], []],
    ['${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}', { FOO: 'xxx', BAR: '' }, 'xxx  ccc', ['FOO', 'BAR'], ['BAZ']],
    ['${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}', { FOO: 'xxx', BAR: '' }, 'xxx bbb ccc', ['FOO', 'BAR'], ['BAZ']],
    ['${FOO:-}', { FOO: 'xxx', BAR: '' }, 'xxx', ['FOO'], []],
    ['${FOO:-}', {}, '', [], ['FOO']],
    ['${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}', { FOO: 'xxx', BAR: '' }, 'aaa bbb ', ['FOO', 'BAR'], ['BAZ']],
    ['${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}', { FOO: 'xxx', BAR: '' }, 'aaa  ', ['FOO', 'BAR'], ['BAZ']],
    ['${FOO?aaa}', { FOO: 'xxx', BAR: '' }, 'xxx', ['FOO'], []],
    ['${BAR?bbb}', { FOO: 'xxx', BAR: '' }, '', ['BAR'], []],
    ['${BAZ?ccc}', { FOO: 'xxx', BAR: '' }, 'ERR', [], []],
    ['${FOO:?aaa}', { FOO: 'xxx', BAR: '' }, 'xxx', ['FOO'], []],
    ['${BAR:?bbb}', { FOO: 'xxx', BAR: '' }, 'ERR', [], []],
    ['${BAZ:?ccc}', { FOO: 'xxx', BAR: '' }, 'ERR', [], []],
    ['${BAZ:?}', { FOO: 'xxx', BAR: '' }, 'ERR', [], []],
    ['${FOO=aaa}', { FOO: 'xxx', BAR: '' }, 'ERR', [], []],
    ['${FOO=:aaa}', { FOO: 'xxx', BAR: '' }, 'ERR', [], []],
    ['${FOO=}', {}, 'ERR', [], []],
    ['${FOO#()[]{\\}^$.\\*\\?|\\\\}', { FOO: '()[]{}^$.*?|\\x' }, 'x', ['FOO'], []],
    ['${FOO%%\\**}', { FOO: 'xx**' }, 'xx', ['FOO'], []],
    ['${FOO#*x*y}', { FOO: 'xxyy' }, 'y', ['FOO'], []],
    ['${FOO#*}', { FOO: 'xxyy' }, 'xxyy', ['FOO'], []],
    ['${FOO#$BAR}', { FOO: 'xxyy', BAR: 'x' }, 'xyy', ['FOO', 'BAR'], []],
    ['${FOO#$BAR}', { FOO: 'xxyy', BAR: '' }, 'xxyy', ['FOO', 'BAR'], []],
    ['${FOO#}', { FOO: 'xxyy' }, 'xxyy', ['FOO'], []],
    ['${FOO##*x}', { FOO: 'xxyy' }, 'yy', ['FOO'], []],
    ['${FOO##}', { FOO: 'xxyy' }, 'xxyy', ['FOO'], []],
    ['${FOO#?\\?}', { FOO: '???y' }, '?y', ['FOO'], []],
    ['${ABC:-.}${FOO%x}${ABC:-.}', { FOO: 'xxyy' }, '.xxyy.', ['FOO'], ['ABC']],
    ['${FOO%%\\**\\*}', { FOO: 'a***yy*' }, 'a', ['FOO'], []],
    ['${FOO%}', { FOO: 'xxyy' }, 'xxyy', ['FOO'], []],
    ['${FOO%%$BAR}', { FOO: 'xxyy', BAR: '' }, 'xxyy', ['FOO', 'BAR'], []],
    ['${FOO:#}', {}, 'ERR', [], []],
    ['${FOO:##}', {}, 'ERR', [], []],
    ['${FOO:%}', {}, 'ERR', [], []],
    ['${FOO:%%}', {}, 'ERR', [], []],
    ['${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}', { FOO: '/foo*/*/*.txt', NEEDLE: '\\*/' }, '/foo.*/*.txt - /foo..*.txt', ['FOO', 'NEEDLE'], []],
    ['${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}', { FOO: '/tmp/tmp/bar.txt', NEEDLE: '/tmp' }, '/tmp/bar.txt - /bar.txt', ['FOO', 'NEEDLE'], []],
    ['${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}', { FOO: '/a/foo/b/c.txt', NEEDLE: '/?/', REPLACEMENT: '/' }, '/foo/b/c.txt - /foo/c.txt', ['FOO', 'NEEDLE', 'REPLACEMENT'], []],
    ['${FOO/$NEEDLE/$REPLACEMENT}', { FOO: 'http://google.de', NEEDLE: 'http://', REPLACEMENT: 'https://' }, 'https://google.de', ['FOO', 'NEEDLE', 'REPLACEMENT'], []],
    ['${FOO//\\//\\/}', { FOO: '/tmp/foo.txt' }, '\\/tmp\\/foo.txt', ['FOO'], []],
    ['${FOO/$BAR/ww}', { FOO: 'xxyy', BAR: '' }, 'wwxxyy', ['FOO', 'BAR'], []],
    ['${FOO//ww}', { FOO: 'xxyy' }, 'ERR', [], []],
    ['${FOO//}', { FOO: 'xxyy' }, 'ERR', [], []],
    ['${FOO///}', { FOO: 'xxyy' }, 'xxyy', ['FOO'], []],
    ['${FOO///}', {}, '', [], ['FOO']],
  ];
  it.each(table)('TestProcessWithMatches %s %j', (input, envs, expected, matched, unmatched) => {
    if (expected === 'ERR') {
      expect(() => lex.processWordWithMatches(input, envsFromMap(envs))).toThrow(ShellError);
      return;
    }
    const r = lex.processWordWithMatches(input, envsFromMap(envs));
    expect(r.result).toBe(expected);
    expect([...r.matched].sort()).toEqual([...matched].sort());
    expect([...r.unmatched].sort()).toEqual([...unmatched].sort());
  });

  it('TestProcessWithMatchesPlatform', () => {
    const release = 'something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz';
    const base = { VERSION: 'v1.2.3', TARGETOS: 'linux' };
    expect(lex.processWord(release, envsFromMap({ ...base, TARGETARCH: 'arm', TARGETVARIANT: 'v7' }))).toBe('something-v1.2.3.linux-arm-v7.tar.gz');
    expect(lex.processWord(release, envsFromMap({ ...base, TARGETARCH: 'arm64', TARGETVARIANT: '' }))).toBe('something-v1.2.3.linux-arm64.tar.gz');
    expect(lex.processWord(release, envsFromMap({ ...base, TARGETARCH: 'arm64' }))).toBe('something-v1.2.3.linux-arm64.tar.gz');
  });

  it('TestConvertShellPatternToRegex: invalid escapes', () => {
    for (const p of ['\\', '\\x', '\\\\\\']) expect(() => compileGlob(p)).toThrow();
    for (const p of ['*', '?', '\\*', '(()[]{\\}^$.\\*\\?|\\\\']) expect(() => compileGlob(p)).not.toThrow();
  });

  it('TestReverseString and TestReversePattern', () => {
    expect(reverseString('54321')).toBe('12345');
    expect(reverseString('🖖🚀👽')).toBe('👽🚀🖖');
    const cases: [string, string][] = [
      ['a\\*c', 'c\\*a'],
      ['\\\\\\ab', 'b\\a\\\\'],
      ['ab\\', '\\ba'],
      ['👽\\🚀🖖', '🖖\\🚀👽'],
      ['\\\\b', 'b\\\\'],
    ];
    for (const [p, want] of cases) expect(reversePattern(p)).toBe(want);
  });

  it('ProcessWords shares one word buffer with nested ${…} words, as lex.go does', () => {
    // lex.go resets shellWord.wordsBuffer in every processStopOn, so the text of a word before a
    // nested ${v:-w} is dropped from the word list; the single-word result keeps it.
    const env = envsFromMap({});
    expect(lex.processWord('hello${x:-y}', env)).toBe('helloy');
    expect(lex.processWords('a hello${x:-y} b', env)).toEqual(['a', 'y', 'b']);
    expect(lex.processWords('a hello${x} b', env)).toEqual(['a', 'hello', 'b']);
  });

  it('TestGetEnv: the last of repeated keys wins', () => {
    expect(envsFromSlice(['foo']).get('foo')).toBe('');
    expect(envsFromSlice(['foo=bar', 'car=hat', 'car=bike']).get('car')).toBe('bike');
    expect(envsFromSlice([]).get('foo')).toBeUndefined();
  });
});
