// Property tests: on arbitrary input — Dockerfile-ish tokens mixed with random Unicode — the
// parser, the stage resolver and the shell lexer either succeed or throw their own typed error
// (DockerfileError / ShellError), never anything else; and they stay fast on 1 MB inputs.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DockerfileError } from './errors.ts';
import { dump } from './node.ts';
import { parseDockerfile } from './parser.ts';
import { envsFromMap } from './shell/env.ts';
import { ShellError, ShellLex } from './shell/lex.ts';
import { resolveStages } from './stages.ts';

const TOKENS = [
  'FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'ONBUILD', 'HEALTHCHECK', 'CMD', 'EXPOSE', 'WORKDIR', 'USER',
  'VOLUME', 'SHELL', 'MAINTAINER', 'STOPSIGNAL', 'ENTRYPOINT', 'NONE', 'AS', ' as ', 'scratch', 'alpine', ' ', '\t', '\n',
  '\r\n', '\\', '`', '\\\n', '`\n', '#', '# escape=`', '# escape=\\', '# syntax=x', '# check=skip=all', '"', "'", '[', ']',
  ',', '{', '}', '$', '${', ':-', ':+', ':?', '-', '+', '?', '##', '%', '%%', '/', '//', '*', '<<', '<<-', "<<'", 'EOF',
  '\nEOF\n', '=', '--from=', '--mount=', 'type=cache,from=', '--chown=', '--link', '--platform=', '--', 'a', 'b', 'x=1',
  'stage', '0', '1', '1e999', 'null', '\u00a0', '\u0085', '\ufeff', '😀', '\u2028', '\ud800', 'é', '\0',
];
const token = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 6 }));
const text = fc.array(token, { maxLength: 80 }).map((t) => t.join(''));
const free = fc.tuple(fc.boolean(), text).map(([from, t]) => (from ? `FROM alpine AS s\n${t}` : t));
// lines that start with a real instruction, so that more inputs get past the keyword check
const KEYWORDS = ['FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'ONBUILD', 'HEALTHCHECK', 'CMD', 'EXPOSE', 'WORKDIR', 'USER', 'VOLUME', 'SHELL', 'STOPSIGNAL', 'ENTRYPOINT', 'MAINTAINER'];
const ARGS = TOKENS.filter((t) => !t.includes('\n'));
const line = fc.tuple(fc.constantFrom(...KEYWORDS), fc.array(fc.oneof(fc.constantFrom(...ARGS), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 12 }));
const structured = fc
  .array(line, { minLength: 1, maxLength: 12 })
  .map((ls) => `FROM alpine AS s\n${ls.map(([k, a]) => `${k} ${a.join('')}`).join('\n')}\n`);
const dockerfile = fc.oneof(free, structured);

const expectTyped = (fn: () => void, type: typeof DockerfileError | typeof ShellError) => {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof type)) throw e; // a bug: fast-check reports the input
  }
};

describe('never throws anything but its own error', () => {
  it('parser, dump and resolveStages', () => {
    fc.assert(
      fc.property(dockerfile, fc.dictionary(fc.constantFrom('a', 'b', 'HTTP_PROXY', 'TARGETARCH'), fc.string({ maxLength: 5 })), fc.option(fc.constantFrom('s', 'x')), (t, buildArgs, target) => {
        expectTyped(() => {
          const p = parseDockerfile(t);
          dump(p);
          JSON.stringify(p);
          resolveStages(p, { buildArgs, target: target ?? undefined });
        }, DockerfileError);
        expectTyped(() => void parseDockerfile(t, { instructionChecks: false }), DockerfileError);
      }),
      { numRuns: 1500 },
    );
  });

  it('shell lexer, every option', () => {
    const env = envsFromMap({ a: 'aaa*b', PWD: '/home', e: '' });
    fc.assert(
      fc.property(text, fc.boolean(), fc.record({ rawQuotes: fc.boolean(), rawEscapes: fc.boolean(), skipProcessQuotes: fc.boolean(), skipUnsetEnv: fc.boolean() }), (w, backtick, o) => {
        const lex = new ShellLex({ ...o, escapeToken: backtick ? '`' : '\\' });
        expectTyped(() => void lex.processWord(w, env), ShellError);
        expectTyped(() => void lex.processWords(w, env), ShellError);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('bounded time on 1 MB', () => {
  const MB = 1 << 20;
  const big = (pieces: string[], sep = '') => {
    let s = '';
    for (let i = 0; s.length < MB; i++) s += pieces[i % pieces.length] + sep;
    return s;
  };
  const timed = (fn: () => void) => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };

  it('a 1 MB physical line is refused quickly, as BuildKit refuses lines over 64 KiB', () => {
    const line = `FROM a\nRUN ${big(TOKENS.filter((t) => !t.includes('\n')))}`;
    const ms = timed(() => expect(() => parseDockerfile(line)).toThrow(/max allowed size/));
    expect(ms).toBeLessThan(2000);
  });

  it('a 1 MB logical line (continuations) parses and resolves', () => {
    const body = big(['echo "$a" ${b:-c} \'x\' && ', 'ls -la \\\n  '], '');
    const df = `FROM a\nENV a=1 b=2\nRUN ${body}true\nLABEL ${big(['k="v w" \\\n'])}\n`;
    const ms = timed(() => {
      const p = parseDockerfile(df);
      expect(p.instructions[2].original.length).toBeGreaterThan(MB / 2);
      resolveStages(p);
    });
    expect(ms).toBeLessThan(10000);
  });

  it('a 1 MB word expands, and patterns over a 1 MB value stay linear', () => {
    const lex = new ShellLex();
    const word = big(['$a ', '${a:-x} ', '"q $PWD" ', "'s' ", '\\$ ', '${a/a/b} ']);
    expect(timed(() => lex.processWords(word, envsFromMap({ a: 'aaa', PWD: '/' })))).toBeLessThan(5000);
    const env = envsFromMap({ v: 'a'.repeat(MB) });
    // patterns a backtracking regex would take forever on
    for (const w of ['${v//a*a*a*a*a*a*b/x}', '${v%%*a*a*a*a*b}', '${v#*a*a*a*a*a*a*c}', '${v/a*b/x}', '${v##*a}']) {
      expect(timed(() => lex.processWord(w, env))).toBeLessThan(5000);
    }
  });
});

describe('deep and many', () => {
  it('variables nested thousands deep: a ShellError, not a stack overflow', () => {
    const lex = new ShellLex();
    for (const depth of [999, 1001, 5000, 50_000]) {
      const word = `${'${a:-'.repeat(depth)}x${'}'.repeat(depth)}`;
      expectTyped(() => void lex.processWord(word, envsFromMap({})), ShellError);
    }
    expect(() => lex.processWord(`${'${a:-'.repeat(5000)}x${'}'.repeat(5000)}`, envsFromMap({}))).toThrow(/nested more than 200 deep/);
  });

  it('100,000 instructions are refused by the resolver at once, with the limit named', () => {
    const df = `FROM a\n${Array.from({ length: 100_000 }, (_, i) => `ENV A${i}=${i}`).join('\n')}\n`;
    const t = performance.now();
    expect(() => resolveStages(parseDockerfile(df))).toThrow(/line 2001: the Dockerfile has 100,001 instructions: over the limit maxInstructions = 2,000/);
    expect(performance.now() - t).toBeLessThan(3000);
  });
});
