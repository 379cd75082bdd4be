// The shell simulator's control flow, expansion and redirections, as /bin/sh -c runs a RUN line.

import { describe, expect, it } from 'vitest';
import { runScript } from '../testing/run-script.ts';
import { Op } from './ops.ts';
import { parseShell } from './parse.ts';

describe('lists and pipelines', () => {
  it('&& stops at a failure, || runs on one, ; goes on', async () => {
    const r = await runScript('false && touch /a; true || touch /b; false || touch /c; touch /d');
    expect(r.rows).toEqual(['file /c 0 644', 'file /d 0 644']);
  });
  it('a pipeline feeds each output to the next command; its status is the last one', async () => {
    const r = await runScript('echo hello | cat | tee /out > /dev/null');
    expect(r.text('/out')).toBe('hello\n');
  });
  it('the exit status of the script is the last command, and set -e stops at the first failure', async () => {
    expect((await runScript('false')).status).toBe(1);
    const e = await runScript('set -e; false; touch /never');
    expect([e.status, e.rows]).toEqual([1, []]);
    const cond = await runScript('set -e; if false; then :; fi; false || true; touch /yes');
    expect(cond.rows).toEqual(['file /yes 0 644']);
  });
  it('exit N ends the script; in a subshell only the subshell', async () => {
    const r = await runScript('(exit 3); echo $? > /s; exit 4; touch /never');
    expect([r.status, r.text('/s')]).toEqual([4, '3\n']);
  });
});

describe('expansion and quoting', () => {
  it('$VAR, ${VAR:-default}, ${#VAR}, ${VAR#prefix}, ${VAR%suffix}, ${VAR/a/b}, from ENV and assignments', async () => {
    const r = await runScript('A=one; echo "$A ${B:-two} ${#A} ${P#*/} ${P%/*} ${A/o/0}" > /f', { env: { P: 'usr/local/bin' } });
    expect(r.text('/f')).toBe('one two 3 local/bin usr/local 0ne\n');
  });
  it('single quotes are literal, double quotes expand but do not split or glob', async () => {
    const r = await runScript('X="a  b"; echo \'$X\' "$X" $X > /f; touch "/q*"', { setup: 'touch /qq' });
    expect(r.text('/f')).toBe('$X a  b a b\n');
    expect(r.rows).toContain('file /q* 0 644');
  });
  it('unquoted globs expand against the filesystem, and stay literal without a match', async () => {
    const r = await runScript('for f in /etc/*.conf /none/*.x; do echo "$f" >> /list; done', { setup: 'touch /etc/a.conf /etc/b.conf /etc/c.txt' });
    expect(r.text('/list')).toBe('/etc/a.conf\n/etc/b.conf\n/none/*.x\n');
  });
  it('command substitution and arithmetic', async () => {
    const r = await runScript('N=$(echo 40); echo $((N + 2)) > /f; echo "`echo back`" >> /f');
    expect(r.text('/f')).toBe('42\nback\n');
  });
  it('prefix assignments hold for one command only', async () => {
    const r = await runScript('V=1 env > /dev/null; echo "[$V]" > /f');
    expect(r.text('/f')).toBe('[]\n');
  });
  it('~ is $HOME', async () => {
    const r = await runScript('mkdir -p ~/.config');
    expect(r.rows).toContain('dir /root/.config 755');
  });
});

describe('compound commands', () => {
  it('if/elif/else, while with a counter, case, functions with arguments, { groups }', async () => {
    const script = [
      'if [ -d /etc ]; then touch /is-dir; elif true; then touch /no; else touch /no2; fi',
      'i=0; while [ $i -lt 3 ]; do touch /w$i; i=$((i+1)); done',
      'case "x.tar.gz" in *.zip) touch /zip;; *.tar.*) touch /tar;; esac',
      'mk() { mkdir -p "/f/$1"; }; mk one; mk two',
      '{ echo a; echo b; } > /g',
    ].join('\n');
    const r = await runScript(script);
    expect(r.rows.filter((x) => !x.startsWith('dir /f'))).toEqual(['file /g 4 644', 'file /is-dir 0 644', 'file /tar 0 644', 'file /w0 0 644', 'file /w1 0 644', 'file /w2 0 644']);
    expect(r.vfs.lstat('/f/two')?.kind).toBe('dir');
  });
  it('[[ ]] tests and sh -c with arguments', async () => {
    const r = await runScript('[[ -f /etc/x && "a" == a* ]] && touch /t; sh -c \'touch "/$1"\' _ arg', { setup: 'touch /etc/x' });
    expect(r.rows.filter((x) => x !== 'dir /etc 755' && !x.startsWith('file /etc'))).toEqual(['file /arg 0 644', 'file /t 0 644']);
  });
});

describe('redirections', () => {
  it('> truncates, >> appends, 2> writes stderr (empty here), >/dev/null discards, < reads', async () => {
    const r = await runScript('echo a > /f; echo b >> /f; echo c > /dev/null; cat < /f > /g; ls /nope 2> /err', {});
    expect([r.text('/f'), r.text('/g'), r.text('/err')]).toEqual(['a\nb\n', 'a\nb\n', '']);
  });
  it('here-strings feed stdin', async () => {
    expect((await runScript('cat <<< word > /f')).text('/f')).toBe('word\n');
  });
});

describe('unknown commands', () => {
  it('run as "not simulated": success, no files, a reason the step shows', async () => {
    const r = await runScript('make install && touch /after');
    expect(r.rows).toEqual(['file /after 0 644']);
    expect(r.unknowns[0].reason).toMatch(/`make` is not simulated/);
  });
  it('read-only tools do not mark the step, but their output redirected into a file is not known', async () => {
    const r = await runScript('grep -q x /etc/hosts || true; sha256sum /etc/passwd > /sum');
    expect(r.file('/sum')!.exact).toBe(false);
    expect(r.unknowns).toEqual([]);
    expect(r.layer.unknowns[0].path).toBe('/sum');
  });
});

describe('mvdan/sh operator numbers (ops.ts)', () => {
  it('match the parser', async () => {
    const p = await parseShell('a && b || c | d; x > f >> g < h 2>&1 <<< w; echo ${v:-d} ${v%%s}');
    const stmts = p.file.Stmts as unknown as { Cmd: { Op: number; X: { Cmd: { Op: number } } }; Redirs: { Op: number }[] }[];
    expect(stmts[0].Cmd.Op).toBe(Op.orStmt);
    expect(stmts[0].Cmd.X.Cmd.Op).toBe(Op.andStmt);
    expect(stmts[1].Redirs.map((r) => r.Op)).toEqual([Op.rdrOut, Op.appOut, Op.rdrIn, Op.dplOut, Op.wordHdoc]);
    const args = (p.file.Stmts[2] as unknown as { Cmd: { Args: { Parts: { Exp: { Op: number } }[] }[] } }).Cmd.Args;
    expect([args[1].Parts[0].Exp.Op, args[2].Parts[0].Exp.Op]).toEqual([Op.colMinus, Op.dblPerc]);
  });
});
