// Each file command's effect on the layer a RUN writes (overlay semantics: copy-up, whiteouts,
// parent directories), one test per command and option family.

import { describe, expect, it } from 'vitest';
import { runScript } from '../testing/run-script.ts';

describe('mkdir', () => {
  it('creates one directory, with -p its parents, with -m its mode; parents of new entries are in the layer', async () => {
    const r = await runScript('mkdir /data && mkdir -p /a/b/c && mkdir -m 0700 /secret');
    expect(r.rows).toEqual(['dir /a 755', 'dir /a/b 755', 'dir /a/b/c 755', 'dir /data 755', 'dir /secret 700']);
  });
  it('fails on an existing directory without -p, and mkdir -p of an existing one changes nothing', async () => {
    const r = await runScript('mkdir /etc; mkdir -p /etc', {});
    expect(r.warnings.join()).toMatch(/File exists/);
    expect(r.rows).toEqual([]);
  });
});

describe('touch', () => {
  it('creates an empty file, and on a lower file copies it up whole', async () => {
    const r = await runScript('touch /new /etc/conf', { setup: 'echo hello > /etc/conf' });
    expect(r.rows).toEqual(['dir /etc 755', 'file /etc/conf 6 644', 'file /new 0 644']);
  });
  it('-c does not create', async () => {
    expect((await runScript('touch -c /nope')).rows).toEqual([]);
  });
});

describe('rm', () => {
  it('deletes a lower file with a whiteout; -r a whole tree with one whiteout at its top', async () => {
    const r = await runScript('rm /etc/a && rm -r /var/lib/x', { setup: 'echo a > /etc/a && mkdir -p /var/lib/x/y && echo z > /var/lib/x/y/z' });
    expect(r.rows).toEqual(['dir /etc 755', 'whiteout /etc/a', 'dir /var 755', 'dir /var/lib 755', 'whiteout /var/lib/x']);
  });
  it('fails without -f on a missing file and on a directory without -r', async () => {
    const r = await runScript('rm /missing; rm /etc');
    expect(r.warnings).toHaveLength(2);
    expect((await runScript('rm -f /missing')).warnings).toEqual([]);
  });
  it('expands globs against the filesystem', async () => {
    const r = await runScript('rm -rf /var/lib/apt/lists/*', { setup: 'mkdir -p /var/lib/apt/lists/partial && echo 1 > /var/lib/apt/lists/a && echo 2 > /var/lib/apt/lists/b' });
    expect(r.layer.whiteouts).toEqual(['/var/lib/apt/lists/a', '/var/lib/apt/lists/b', '/var/lib/apt/lists/partial']);
  });
  it('a file created and removed in the same RUN leaves nothing', async () => {
    const r = await runScript('dd if=/dev/zero of=/tmp/big bs=1M count=10 && rm /tmp/big');
    expect(r.layer.fileBytes).toBe(0);
    expect(r.rows).toEqual(['dir /tmp 755']);
  });
});

describe('ln', () => {
  it('makes symbolic links as written and hard links that share their file in the layer', async () => {
    const r = await runScript('echo x > /f && ln /f /g && ln -s /f /s && ln -s ../etc /tmp/rel');
    expect(r.rows).toEqual(['file /f 2 644', 'hardlink /g 644 -> /f', 'symlink /s 777 -> /f', 'dir /tmp 755', 'symlink /tmp/rel 777 -> ../etc']);
  });
  it('a hard link to a lower file copies that file up (overlayfs), the other names stay below', async () => {
    const r = await runScript('ln /etc/a /etc/b', { setup: 'echo a > /etc/a && ln /etc/a /etc/old' });
    expect(r.rows).toEqual(['dir /etc 755', 'file /etc/a 2 644', 'hardlink /etc/b 644 -> /etc/a']);
    expect(r.vfs.lstat('/etc/old')).not.toBe(r.vfs.lstat('/etc/a'));
  });
  it('-sf replaces what is there', async () => {
    const r = await runScript('ln -sf /usr/bin/python3 /usr/bin/python', { setup: 'echo old > /usr/bin/python' });
    expect(r.rows).toContain('symlink /usr/bin/python 777 -> /usr/bin/python3');
  });
});

describe('chmod, chown, chgrp: a metadata change puts the whole file in the layer', () => {
  it('chmod -R copies every file of the tree up', async () => {
    const r = await runScript('chmod -R 0777 /data', { setup: 'mkdir /data && dd if=/dev/zero of=/data/one bs=1024 count=1024' });
    expect(r.rows).toEqual(['dir /data 777', 'file /data/one 1048576 777']);
    expect(r.layer.fileBytes).toBe(1048576);
  });
  it('symbolic modes: u+x, go-w, a=r, +x', async () => {
    const r = await runScript('chmod u+x /a && chmod go-w /b && chmod a=r /c && chmod +x /d', { setup: 'touch /a /b /c /d && chmod 666 /b' });
    expect(r.rows.filter((x) => x.startsWith('file'))).toEqual(['file /a 0 744', 'file /b 0 644', 'file /c 0 444', 'file /d 0 755']);
  });
  it('chown -R user:group with numbers, chgrp; names are looked up in /etc/passwd', async () => {
    const r = await runScript('chown -R 1000:1000 /srv && chown app /f && chgrp 50 /g', { setup: "mkdir -p /srv/x && touch /f /g && printf 'root:x:0:0::/root:/bin/sh\\napp:x:1001:1002::/home/app:/bin/sh\\n' > /etc/passwd" });
    expect(r.layer.table.uids[r.rows.indexOf('dir /srv 755')]).toBe(1000);
    const f = r.vfs.lstat('/f')!;
    expect([f.uid, f.gid]).toEqual([1001, 0]);
    expect(r.vfs.lstat('/g')!.gid).toBe(50);
  });
  it('chmod of a hard-linked lower file copies up only that name', async () => {
    const r = await runScript('chmod 600 /a', { setup: 'echo 12345 > /a && ln /a /b' });
    expect(r.vfs.lstat('/a')!.mode).toBe(0o600);
    expect(r.vfs.lstat('/b')!.mode).toBe(0o644);
  });
});

describe('cp and mv', () => {
  it('cp of a file into a directory, cp -r of a tree, cp -a keeps modes and hard links', async () => {
    const r = await runScript('cp /src/a /dst/ && cp -r /src /copy && cp -a /src /arch', { setup: 'mkdir /src /dst && echo aa > /src/a && ln /src/a /src/b && chmod 600 /src/a' });
    expect(r.vfs.lstat('/dst/a')!.mode).toBe(0o600);
    expect(r.vfs.lstat('/copy/a')!.content!.size).toBe(3);
    expect(r.vfs.lstat('/arch/a')).toBe(r.vfs.lstat('/arch/b'));
    expect(r.vfs.lstat('/copy/a')).not.toBe(r.vfs.lstat('/copy/b'));
  });
  it('cp without -r refuses a directory', async () => {
    const r = await runScript('cp /etc /x');
    expect(r.status).toBe(1);
  });
  it('mv of a lower file: a whiteout at the old name, the whole file at the new one', async () => {
    const r = await runScript('mv /keep/k2 /keep/k2-renamed && mv /keep/d /keep/moved', { setup: 'mkdir -p /keep/d && echo k2 > /keep/k2 && echo f > /keep/d/f' });
    expect(r.rows).toEqual(['dir /keep 755', 'whiteout /keep/d', 'whiteout /keep/k2', 'file /keep/k2-renamed 3 644', 'dir /keep/moved 755', 'file /keep/moved/f 2 644']);
  });
  it('install -d and install -m', async () => {
    const r = await runScript('install -d /opt/x && install -m 0755 /tmp/tool /usr/local/bin/tool', { setup: 'echo tool > /tmp/tool' });
    expect(r.vfs.lstat('/opt/x')!.kind).toBe('dir');
    expect(r.vfs.lstat('/usr/local/bin/tool')!.mode).toBe(0o755);
  });
});

describe('whiteouts and opaque directories', () => {
  const script = 'rm -rf /data && mkdir /data && echo x > /data/new';
  const setup = 'mkdir -p /data/sub && echo a > /data/a && echo c > /data/sub/c';
  it('buildah: a directory removed and created again is opaque', async () => {
    const r = await runScript(script, { setup });
    expect(r.rows).toEqual(['dir /data 755', 'opaque /data', 'file /data/new 2 644']);
    expect(r.layer.opaqueDirs).toEqual(['/data']);
  });
  it('BuildKit: one whiteout per lower child that is gone instead', async () => {
    const r = await runScript(script, { setup, opaqueDirs: false });
    expect(r.rows).toEqual(['dir /data 755', 'whiteout /data/a', 'file /data/new 2 644', 'whiteout /data/sub']);
  });
});

describe('cd, pwd, mktemp', () => {
  it('cd changes where relative paths go; a subshell keeps its own', async () => {
    const r = await runScript('cd /tmp && touch a && (cd /etc && touch b) && touch c');
    expect(r.rows).toEqual(['dir /etc 755', 'file /etc/b 0 644', 'dir /tmp 755', 'file /tmp/a 0 644', 'file /tmp/c 0 644']);
  });
  it('mktemp -d makes a directory under /tmp and prints it', async () => {
    const r = await runScript('d=$(mktemp -d) && touch "$d/x"');
    expect(r.rows.some((x) => /^file \/tmp\/tmp\.\d+\/x/.test(x))).toBe(true);
  });
});
