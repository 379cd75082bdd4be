// Property: whatever a RUN line holds, the shell simulator either runs it (an exit status) or
// rejects it as a ShellSyntaxError; it never throws anything else, and it finishes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScript } from '../testing/run-script.ts';
import { ShellSyntaxError } from './parse.ts';

const commands = ['mkdir -p', 'mkdir', 'rm -rf', 'rm', 'cp -a', 'cp', 'mv', 'ln -s', 'ln', 'chmod -R 755', 'chmod', 'chown -R 1:1', 'touch', 'echo', 'printf', 'cat', 'dd', 'head -c 10', 'truncate -s 5', 'fallocate -l 1K', 'sed -i s/a/b/', 'tar -xf', 'tar -czf', 'apt-get install -y', 'apt-get update', 'apk add', 'pip install', 'npm ci', 'curl -o', 'wget', 'cd', 'sh -c', 'eval', 'xargs rm', 'seq', 'test -f', '[', 'true', 'false', 'exit', 'set -e', 'unknown-tool', 'useradd', 'install -d'];
const words = ['/a', '/a/b', '/etc', '/etc/passwd', '/tmp/x', '*', '/*', '/etc/*', '"$HOME"', '$X', '${X:-d}', '${#X}', "'q'", '"a b"', '$(echo /c)', '`echo d`', '$((1+2))', '..', '.', '-r', '-f', '--', 'if=/dev/zero', 'of=/z', 'bs=1K', 'count=2', '~/.cache', '/dev/null', 'https://e.invalid/f'];
const ops = [' && ', ' || ', '; ', ' | ', ' > /o ', ' >> /o ', ' < /etc/passwd ', ' 2>&1 ', '\n', ' & '];

const command = fc.tuple(fc.constantFrom(...commands), fc.array(fc.constantFrom(...words), { maxLength: 4 })).map(([c, a]) => [c, ...a].join(' '));
const structured = fc.array(fc.tuple(command, fc.constantFrom(...ops)), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([c, o]) => c + o).join(''));
const wrapped = fc.tuple(structured, fc.constantFrom('', 'for i in 1 2; do ', 'if true; then ', '( ', '{ ', 'x() { ', 'while false; do ')).map(([s, w]) => {
  const close: Record<string, string> = { 'for i in 1 2; do ': '; done', 'if true; then ': '; fi', '( ': ' )', '{ ': '; }', 'x() { ': '; }; x', 'while false; do ': '; done' };
  return w ? `${w}${s.replace(/[\s;&|]+$/, '')}${close[w]}` : s;
});
const junk = fc.string({ unit: fc.constantFrom(...'ab/$(){}[]*?\'"`\\|&;<>!#~=-+ \n\t'.split(''), 'é', '日', '\u0000'), maxLength: 60 });

describe('the shell simulator never throws anything but its typed error', () => {
  it('on structured scripts and on junk', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(wrapped, junk), async (script) => {
        try {
          const r = await runScript(script, { setup: 'mkdir -p /a/b && echo x > /a/f' });
          expect(Number.isInteger(r.status)).toBe(true);
        } catch (e) {
          if (!(e instanceof ShellSyntaxError)) throw e;
        }
      }),
      { numRuns: 300 },
    );
  });
});
