// Commands that write file content: exact sizes where the command says them, exact bytes where
// they are known, and "not known" with the reason where they are not.

import { describe, expect, it } from 'vitest';
import { runScript } from '../testing/run-script.ts';
import { formatPrintf } from './printf.ts';
import { parseSize } from './getopt.ts';

describe('dd, fallocate, truncate, head -c', () => {
  it('dd writes bs × count from /dev/zero or /dev/urandom', async () => {
    const r = await runScript('dd if=/dev/zero bs=1024 count=1024 of=/a && dd if=/dev/urandom of=/b bs=1M count=2 && dd if=/dev/zero of=/c bs=512 count=3 seek=1');
    expect([r.file('/a')!.size, r.file('/b')!.size, r.file('/c')!.size]).toEqual([1048576, 2 * 1048576, 2048]);
    expect(r.file('/b')!.fill).toBe('random');
  });
  it('dd copies (a part of) another file', async () => {
    const r = await runScript('dd if=/src of=/dst bs=4 count=2', { setup: 'echo 0123456789 > /src' });
    expect(r.text('/dst')).toBe('01234567');
  });
  it('fallocate -l and truncate -s (absolute and relative)', async () => {
    const r = await runScript('fallocate -l 10M /f && truncate -s 1K /t && truncate -s +1K /t && truncate -s 5 /short', { setup: 'echo 0123456789 > /short' });
    expect([r.file('/f')!.size, r.file('/t')!.size, r.text('/short')]).toEqual([10 * 1048576, 2048, '01234']);
  });
  it('head -c N from /dev/urandom, head -n and tail -n of known text', async () => {
    const r = await runScript('head -c 65536 /dev/urandom > /r && head -n 2 /lines > /h && tail -n 1 /lines > /t', { setup: "printf 'a\\nb\\nc\\n' > /lines" });
    expect(r.file('/r')!.size).toBe(65536);
    expect([r.text('/h'), r.text('/t')]).toEqual(['a\nb\n', 'c\n']);
  });
});

describe('echo, printf, cat, tee with > and >>', () => {
  it('echo writes its arguments and a newline; >> appends', async () => {
    const r = await runScript('echo hello world > /f && echo again >> /f && echo -n x > /n');
    expect([r.text('/f'), r.text('/n')]).toEqual(['hello world\nagain\n', 'x']);
  });
  it('echo escapes: only with -e in ash/bash, always in dash', async () => {
    expect((await runScript("echo 'a\\nb' > /f")).text('/f')).toBe('a\\nb\n');
    expect((await runScript("echo -e 'a\\nb' > /f")).text('/f')).toBe('a\nb\n');
    expect((await runScript("echo 'a\\nb' > /f", { flavor: 'dash' })).text('/f')).toBe('a\nb\n');
  });
  it('printf reuses its format for every argument (POSIX), with widths and %.0s', async () => {
    expect(formatPrintf('L%.0s', ['1', '2', '3'])).toBe('LLL');
    expect(formatPrintf('%s=%d\\n', ['a', '1', 'b', '2'])).toBe('a=1\nb=2\n');
    expect(formatPrintf('%05.1f|%-4s|%x', ['3.14159', 'ab', '255'])).toBe('003.1|ab  |ff');
    const r = await runScript("printf '#!/bin/sh\\necho hello from multistage\\n' > /run.sh");
    expect(r.file('/run.sh')!.size).toBe(37);
  });
  it('cat concatenates files, cat > f writes a heredoc, tee writes stdin to files', async () => {
    const r = await runScript("cat /a /b > /ab && cat > /doc <<EOF\nline $HOME\nEOF\necho t | tee /t1 /t2 > /dev/null", { setup: 'echo a > /a && echo b > /b' });
    expect([r.text('/ab'), r.text('/doc'), r.text('/t1'), r.text('/t2')]).toEqual(['a\nb\n', 'line /root\n', 't\n', 't\n']);
  });
  it('a quoted heredoc delimiter keeps $ literal; <<- strips tabs', async () => {
    const r = await runScript("cat > /q <<'EOF'\n$HOME\nEOF\ncat > /t <<-EOF\n\tindented\n\tEOF\n");
    expect(r.text('/q')).toBe('$HOME\n');
    expect(r.text('/t')).toBe('indented\n');
  });
  it('appending to a file whose bytes are not known keeps an exact size', async () => {
    const r = await runScript("echo 'app:x:1000:1000::/home/app:/bin/sh' >> /etc/passwd", {
      setup: (fs) => fs.writeFile('/etc/passwd', { size: 82, bytes: null, exact: true, reason: null, fill: null, load: null }),
    });
    expect(r.file('/etc/passwd')!.size).toBe(82 + 35);
    expect(r.file('/etc/passwd')!.exact).toBe(true);
  });
});

describe('sed -i', () => {
  it('applies s/// when the bytes are known, copying the file up', async () => {
    const r = await runScript("sed -i 's/listen 80/listen 8080/g' /etc/nginx.conf", { setup: "printf 'listen 80;\\nserver_name x;\\n' > /etc/nginx.conf" });
    expect(r.text('/etc/nginx.conf')).toBe('listen 8080;\nserver_name x;\n');
    expect(r.rows).toContain('file /etc/nginx.conf 28 644');
  });
  it('on unknown bytes keeps the size as an estimate and says so', async () => {
    const r = await runScript("sed -i 's/a/b/' /etc/big", { setup: (fs) => fs.writeFile('/etc/big', { size: 5000, bytes: null, exact: true, reason: null, fill: null, load: null }) });
    expect(r.file('/etc/big')!.size).toBe(5000);
    expect(r.file('/etc/big')!.exact).toBe(false);
    expect(r.layer.unknowns[0].reason).toMatch(/sed -i/);
  });
  it('/re/d deletes lines; BRE groups', async () => {
    const r = await runScript("sed -i -e '/^#/d' -e 's/\\(k\\)=\\(v\\)/\\2=\\1/' /c", { setup: "printf '# c\\nk=v\\n' > /c" });
    expect(r.text('/c')).toBe('v=k\n');
  });
});

describe('seq and command substitution', () => {
  it('seq, seq -w, and the links-longnames recipe idiom', async () => {
    const r = await runScript("L=$(printf 'L%.0s' $(seq 1 150)) && echo long > \"/$L.txt\" && for i in $(seq -w 9 11); do echo $i >> /n; done");
    expect(r.vfs.lstat(`/${'L'.repeat(150)}.txt`)).toBeDefined();
    expect(r.text('/n')).toBe('09\n10\n11\n');
  });
});

describe('parseSize', () => {
  it('reads coreutils and dd units', () => {
    expect([parseSize('10'), parseSize('1K'), parseSize('1KB'), parseSize('2M'), parseSize('1GiB'), parseSize('3b', true), parseSize('x')]).toEqual([10, 1024, 1000, 2097152, 1073741824, 1536, null]);
  });
});
