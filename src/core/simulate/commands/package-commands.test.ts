// Package managers, downloads and archives: table sizes with their source, caches counted unless
// removed in the same RUN, and unknown sizes said plainly.

import { describe, expect, it } from 'vitest';
import { runScript } from '../testing/run-script.ts';
import { APT_TABLE } from '../packages/apt-table.ts';
import { PACKAGES_ROOT } from './package-commands.ts';
import { writeTar } from '../../tar/testing/write-tar.ts';

const listsBytes = (r: Awaited<ReturnType<typeof runScript>>) =>
  [...r.vfs.walk('/var/lib/apt/lists')].reduce((n, p) => n + (r.vfs.lstat(p)?.content?.size ?? 0), 0);

describe('apt-get', () => {
  it('install adds the table size of the package with its dependencies, citing the Debian index', async () => {
    const r = await runScript('apt-get update && apt-get install -y --no-install-recommends curl');
    expect(r.file(`${PACKAGES_ROOT}/apt/curl`)!.size).toBe(APT_TABLE.curl.totalKiB * 1024);
    expect(r.file(`${PACKAGES_ROOT}/apt/curl`)!.reason).toMatch(/Debian 12/);
    expect(listsBytes(r)).toBeGreaterThan(10_000_000);
  });
  it('the package lists stay unless the same RUN removes them', async () => {
    const kept = await runScript('apt-get update && apt-get install -y jq');
    const removed = await runScript('apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*');
    expect(kept.layer.fileBytes - removed.layer.fileBytes).toBe(listsBytes(kept));
    expect(listsBytes(removed)).toBe(0);
    expect(kept.notes.join()).toMatch(/lists/);
  });
  it('removing the lists in a later RUN only hides them (a whiteout, the bytes stay below)', async () => {
    const r = await runScript('rm -rf /var/lib/apt/lists/*', { setup: 'apt-get update' });
    expect(r.layer.whiteouts.length).toBe(1);
    expect(r.layer.fileBytes).toBe(0);
  });
  it('keeps downloaded .deb files without docker-clean, until apt-get clean', async () => {
    const r = await runScript('apt-get install -y git');
    expect(r.file('/var/cache/apt/archives/packages.deb')!.size).toBeGreaterThan(0);
    const cleaned = await runScript('apt-get install -y git && apt-get clean');
    expect(cleaned.file('/var/cache/apt/archives/packages.deb')).toBeUndefined();
    const docker = await runScript('apt-get install -y git', { setup: 'mkdir -p /etc/apt/apt.conf.d && touch /etc/apt/apt.conf.d/docker-clean' });
    expect(docker.file('/var/cache/apt/archives/packages.deb')).toBeUndefined();
  });
  it('an unknown package has an unknown size, with the reason', async () => {
    const r = await runScript('apt-get install -y some-package-nobody-has');
    expect(r.unknowns.map((u) => u.reason).join()).toMatch(/not in the size table/);
    expect(r.layer.estimated).toBe(true);
  });
  it('remove/purge takes the package away', async () => {
    const r = await runScript('apt-get purge -y curl', { setup: 'apt-get install -y curl' });
    expect(r.layer.whiteouts).toEqual([`${PACKAGES_ROOT}/apt/curl`]);
  });
});

describe('apk, pip, npm, dnf', () => {
  it('apk add keeps its index cache unless --no-cache', async () => {
    const cached = await runScript('apk add curl');
    const clean = await runScript('apk add --no-cache curl');
    expect(cached.file('/var/cache/apk/APKINDEX.tar.gz')!.size).toBeGreaterThan(0);
    expect(clean.file('/var/cache/apk/APKINDEX.tar.gz')).toBeUndefined();
  });
  it('apk: published sizes for Alpine base packages, the Debian package as a rough stand-in otherwise', async () => {
    const r = await runScript('apk add --no-cache libssl3 git');
    expect(r.file(`${PACKAGES_ROOT}/apk/libssl3`)!.size).toBe(823 * 1024);
    expect(r.file(`${PACKAGES_ROOT}/apk/git`)!.reason).toMatch(/rough/);
  });
  it('apk --virtual groups packages that apk del removes together', async () => {
    const r = await runScript('apk add --no-cache --virtual .build gcc make && apk del .build');
    expect(r.file(`${PACKAGES_ROOT}/apk/gcc`)).toBeUndefined();
    expect(r.file(`${PACKAGES_ROOT}/apk/make`)).toBeUndefined();
  });
  it('pip keeps a wheel cache unless --no-cache-dir or PIP_NO_CACHE_DIR', async () => {
    expect((await runScript('pip install requests')).file('/root/.cache/pip/wheels')!.size).toBeGreaterThan(0);
    expect((await runScript('pip install --no-cache-dir requests')).file('/root/.cache/pip/wheels')).toBeUndefined();
    expect((await runScript('pip install requests', { env: { PIP_NO_CACHE_DIR: '1' } })).file('/root/.cache/pip/wheels')).toBeUndefined();
    expect((await runScript('python3 -m pip install requests && pip cache purge')).file('/root/.cache/pip/wheels')).toBeUndefined();
  });
  it('pip -r reads a known requirements file', async () => {
    const r = await runScript('pip install --no-cache-dir -r /req.txt', { setup: "printf 'numpy==1.26\\n# c\\nrequests>=2\\n' > /req.txt" });
    expect(r.file(`${PACKAGES_ROOT}/pip/numpy`)).toBeDefined();
    expect(r.file(`${PACKAGES_ROOT}/pip/requests`)).toBeDefined();
  });
  it('npm install: node_modules of unknown size; its cache goes with npm cache clean', async () => {
    const r = await runScript('cd /app && npm ci', { setup: 'mkdir /app' });
    expect(r.file('/app/node_modules/.layerscope-unknown-size')!.exact).toBe(false);
    expect(r.file('/root/.npm/_cacache/content')).toBeDefined();
    expect((await runScript('npm install -g pnpm && npm cache clean --force')).file('/root/.npm/_cacache/content')).toBeUndefined();
  });
  it('dnf keeps its metadata cache until dnf clean all', async () => {
    expect((await runScript('dnf install -y curl')).file('/var/cache/dnf/metadata')).toBeDefined();
    expect((await runScript('dnf install -y curl && dnf clean all')).file('/var/cache/dnf/metadata')).toBeUndefined();
  });
});

describe('curl and wget', () => {
  it('the file lands where the options say, size unknown with the URL as the reason', async () => {
    const r = await runScript('curl -fsSL -o /tmp/a.tgz https://example.invalid/a.tgz && cd /opt && curl -O https://example.invalid/b.bin && wget -q https://example.invalid/dir/c.zip -P /srv && wget -O /d https://example.invalid/d', { setup: 'mkdir /opt /srv' });
    for (const p of ['/tmp/a.tgz', '/opt/b.bin', '/srv/c.zip', '/d']) expect(r.file(p)!.exact, p).toBe(false);
    expect(r.unknowns.map((u) => u.path)).toEqual(['/tmp/a.tgz', '/opt/b.bin', '/srv/c.zip', '/d']);
    expect(r.file('/d')!.reason).toMatch(/example\.invalid\/d.*layerscope: size/);
  });
  it('curl | sh: the script is not known, so its effect is not either', async () => {
    const r = await runScript('curl -fsSL https://example.invalid/install.sh | sh');
    expect(r.unknowns.length).toBeGreaterThan(0);
  });
});

describe('tar -x', () => {
  it('extracts an archive whose bytes are known', async () => {
    const tar = writeTar([{ path: 'pkg/', type: 'dir' }, { path: 'pkg/a.txt', data: 'hello' }]);
    const r = await runScript('mkdir -p /opt/x && tar -xf /tmp/p.tar -C /opt/x --strip-components=1', { setup: (fs) => fs.writeFile('/tmp/p.tar', { size: tar.length, bytes: tar, exact: true, reason: null, fill: null, load: null }) });
    expect(r.text('/opt/x/a.txt')).toBe('hello');
  });
  it('a downloaded archive is not known: tar -x says so', async () => {
    const r = await runScript('curl -o /tmp/x.tgz https://example.invalid/x.tgz && tar -xzf /tmp/x.tgz -C /opt');
    expect(r.unknowns.some((u) => /tar -x/.test(u.reason))).toBe(true);
  });
});

describe('useradd and groupadd', () => {
  it('append their lines to /etc/passwd and /etc/group and make the home directory', async () => {
    const r = await runScript('groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node', { setup: "printf 'root:x:0:0:root:/root:/bin/sh\\n' > /etc/passwd && printf 'root:x:0:\\n' > /etc/group" });
    expect(r.text('/etc/passwd')).toBe('root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/bash\n');
    expect(r.text('/etc/group')).toBe('root:x:0:\nnode:x:1000:\n');
    expect(r.vfs.lstat('/home/node')!.uid).toBe(1000);
  });
});
