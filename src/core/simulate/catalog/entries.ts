// The built-in catalog of common base images (linux/amd64). Every figure is an estimate of what
// the tag holds today and says where it comes from:
// - compressed layer sizes, layer count and history: docker-library/repo-info, the file
//   repos/<image>/remote/<tag>.md (the "Layers" and "dockerfile" sections of the linux; amd64
//   manifest), at the commit named in `source`;
// - uncompressed size: repos/<image>/local/<tag>.md "Virtual Size (total size of all layers
//   on-disk)" where it was read; otherwise the compressed size × 2.40, the ratio of
//   debian:bookworm's two published figures (116.57 MB on disk / 48.5 MB compressed): a rough
//   estimate, marked `rough`.
// File lists are the paths most Dockerfiles touch (shell, passwd, package-manager paths), not
// the image's real listing; the rest of each layer's bytes is one entry under UNLISTED_ROOT.

export const UNLISTED_ROOT = '/.layerscope-unlisted';
export const ROUGH_RATIO = 116.57e6 / 48_497_091;

/** [path, kind, target for symlinks] — directories, symlinks and files of unknown size. */
export type CatalogPath = [string, 'dir' | 'file' | 'symlink', string?];

export interface CatalogLayer {
  createdBy: string;
  compressed: number;
  /** on-disk bytes; null: compressed × ROUGH_RATIO */
  uncompressed: number | null;
  files: CatalogPath[];
}

export interface CatalogImage {
  repo: string;
  tags: string[];
  /** what the tag is as of the source (version, distribution) */
  describes: string;
  source: string;
  uncompressedSource: string | null;
  layers: CatalogLayer[];
  /** history entries without a layer (ENV, CMD, …) after each layer: index → entries */
  emptyAfter: Record<number, string[]>;
  env: string[];
  cmd: string[] | null;
  entrypoint: string[] | null;
  workdir: string | null;
  exposedPorts: string[];
  shell: 'ash' | 'dash' | 'bash';
}

const REPO_INFO = 'docker-library/repo-info';

const PATH_DEBIAN = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The root filesystem paths a debian-based image (usrmerge) has. */
const DEBIAN_ROOT: CatalogPath[] = [
  ['/bin', 'symlink', 'usr/bin'], ['/lib', 'symlink', 'usr/lib'], ['/lib64', 'symlink', 'usr/lib64'], ['/sbin', 'symlink', 'usr/sbin'],
  ['/usr', 'dir'], ['/usr/bin', 'dir'], ['/usr/bin/dash', 'file'], ['/usr/bin/bash', 'file'], ['/usr/bin/sh', 'symlink', 'dash'],
  ['/usr/lib', 'dir'], ['/usr/lib/x86_64-linux-gnu', 'dir'], ['/usr/lib64', 'dir'], ['/usr/sbin', 'dir'], ['/usr/share', 'dir'], ['/usr/share/doc', 'dir'],
  ['/usr/local', 'dir'], ['/usr/local/bin', 'dir'], ['/usr/local/lib', 'dir'], ['/usr/local/sbin', 'dir'], ['/usr/local/share', 'dir'],
  ['/etc', 'dir'], ['/etc/passwd', 'file'], ['/etc/group', 'file'], ['/etc/shadow', 'file'], ['/etc/os-release', 'symlink', '../usr/lib/os-release'],
  ['/usr/lib/os-release', 'file'], ['/etc/apt', 'dir'], ['/etc/apt/apt.conf.d', 'dir'], ['/etc/apt/apt.conf.d/docker-clean', 'file'],
  ['/etc/apt/sources.list.d', 'dir'], ['/var', 'dir'], ['/var/lib', 'dir'], ['/var/lib/apt', 'dir'], ['/var/lib/apt/lists', 'dir'], ['/var/lib/dpkg', 'dir'],
  ['/var/lib/dpkg/status', 'file'], ['/var/cache', 'dir'], ['/var/cache/apt', 'dir'], ['/var/log', 'dir'], ['/var/tmp', 'dir'],
  ['/tmp', 'dir'], ['/root', 'dir'], ['/home', 'dir'], ['/run', 'dir'], ['/opt', 'dir'], ['/srv', 'dir'], ['/mnt', 'dir'], ['/media', 'dir'],
  ['/dev', 'dir'], ['/proc', 'dir'], ['/sys', 'dir'], ['/boot', 'dir'],
];

const DEBIAN_BOOKWORM_LAYER = (compressed: number, uncompressed: number | null): CatalogLayer => ({
  createdBy: "RUN # debian.sh --arch 'amd64' out/ 'bookworm' (debuerreotype rootfs)",
  compressed,
  uncompressed,
  files: DEBIAN_ROOT,
});

export const CATALOG: CatalogImage[] = [
  {
    repo: 'busybox',
    tags: ['1.37', '1.37.0', 'latest', '1', 'stable'],
    describes: 'BusyBox 1.37.0 (glibc), from Debian 13',
    source: `${REPO_INFO} repos/busybox/remote/1.37.md @01a7054 (layer of 2026-05-22)`,
    uncompressedSource: `${REPO_INFO} repos/busybox/local/1.37.0.md @8bb997f: Virtual Size ~ 4.42 MB`,
    layers: [
      {
        createdBy: 'RUN BusyBox 1.37.0 (glibc), Debian 13',
        compressed: 2_211_507,
        uncompressed: 4_420_000,
        files: [
          ['/bin', 'dir'], ['/bin/busybox', 'file'], ['/bin/sh', 'symlink', 'busybox'], ['/etc', 'dir'], ['/etc/passwd', 'file'], ['/etc/group', 'file'],
          ['/etc/shadow', 'file'], ['/home', 'dir'], ['/root', 'dir'], ['/tmp', 'dir'], ['/usr', 'dir'], ['/usr/sbin', 'dir'], ['/var', 'dir'], ['/var/spool', 'dir'],
          ['/var/www', 'dir'], ['/dev', 'dir'], ['/proc', 'dir'], ['/sys', 'dir'], ['/lib', 'dir'],
        ],
      },
    ],
    emptyAfter: { 0: ['CMD ["sh"]'] },
    env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    cmd: ['sh'],
    entrypoint: null,
    workdir: null,
    exposedPorts: [],
    shell: 'ash',
  },
  {
    repo: 'alpine',
    tags: ['3.22', '3.22.6'],
    describes: 'Alpine Linux 3.22.6 (alpine-minirootfs)',
    source: `${REPO_INFO} repos/alpine/remote/3.22.md @1746b58 (layer of 2026-09-17)`,
    uncompressedSource: `${REPO_INFO} repos/alpine/local/3.22.md @7859ce4: Virtual Size ~ 8.3 MB`,
    layers: [
      {
        createdBy: 'ADD alpine-minirootfs-3.22.6-x86_64.tar.gz / # buildkit',
        compressed: 3_792_075,
        uncompressed: 8_300_000,
        files: [
          ['/bin', 'dir'], ['/bin/busybox', 'file'], ['/bin/sh', 'symlink', '/bin/busybox'], ['/etc', 'dir'], ['/etc/passwd', 'file'], ['/etc/group', 'file'],
          ['/etc/shadow', 'file'], ['/etc/os-release', 'symlink', '../usr/lib/os-release'], ['/etc/apk', 'dir'], ['/etc/apk/repositories', 'file'], ['/etc/apk/world', 'file'],
          ['/lib', 'dir'], ['/lib/ld-musl-x86_64.so.1', 'file'], ['/lib/apk', 'dir'], ['/lib/apk/db', 'dir'], ['/lib/apk/db/installed', 'file'],
          ['/usr', 'dir'], ['/usr/bin', 'dir'], ['/usr/lib', 'dir'], ['/usr/lib/os-release', 'file'], ['/usr/lib/libcrypto.so.3', 'file'], ['/usr/lib/libssl.so.3', 'file'],
          ['/usr/local', 'dir'], ['/usr/local/bin', 'dir'], ['/usr/sbin', 'dir'], ['/usr/share', 'dir'], ['/var', 'dir'], ['/var/cache', 'dir'], ['/var/cache/apk', 'dir'],
          ['/var/lib', 'dir'], ['/var/log', 'dir'], ['/tmp', 'dir'], ['/root', 'dir'], ['/home', 'dir'], ['/run', 'dir'], ['/opt', 'dir'], ['/srv', 'dir'],
          ['/mnt', 'dir'], ['/media', 'dir'], ['/dev', 'dir'], ['/proc', 'dir'], ['/sys', 'dir'], ['/sbin', 'dir'],
        ],
      },
    ],
    emptyAfter: { 0: ['CMD ["/bin/sh"]'] },
    env: [PATH_DEBIAN],
    cmd: ['/bin/sh'],
    entrypoint: null,
    workdir: null,
    exposedPorts: [],
    shell: 'ash',
  },
  {
    repo: 'debian',
    tags: ['bookworm', '12'],
    describes: 'Debian 12 (bookworm), debuerreotype minbase',
    source: `${REPO_INFO} repos/debian/remote/bookworm.md @05f354f (layer of 2026-08-04)`,
    uncompressedSource: `${REPO_INFO} repos/debian/local/bookworm.md @857995d: Virtual Size ~ 116.57 MB (the 2026-07-13 build)`,
    layers: [DEBIAN_BOOKWORM_LAYER(48_497_091, 116_570_000)],
    emptyAfter: {},
    env: [PATH_DEBIAN],
    cmd: ['bash'],
    entrypoint: null,
    workdir: null,
    exposedPorts: [],
    shell: 'dash',
  },
  {
    repo: 'ubuntu',
    tags: ['24.04', 'noble'],
    describes: 'Ubuntu 24.04 LTS (noble)',
    source: `${REPO_INFO} repos/ubuntu/remote/24.04.md @1c2b9d9 (layer of 2026-09-11)`,
    uncompressedSource: null,
    layers: [{ createdBy: 'ADD file:43d479b270bbaf47965cfc86b37f4c517bda83ddefda6f708f98c3b2b7d15396 in / ', compressed: 29_764_116, uncompressed: null, files: DEBIAN_ROOT }],
    emptyAfter: { 0: ['CMD ["/bin/bash"]'] },
    env: [PATH_DEBIAN],
    cmd: ['/bin/bash'],
    entrypoint: null,
    workdir: null,
    exposedPorts: [],
    shell: 'dash',
  },
  {
    repo: 'node',
    tags: ['22-bookworm-slim', '22.23.2-bookworm-slim'],
    describes: 'Node.js 22.23.2 and Yarn 1.22.22 on Debian 12 slim',
    source: `${REPO_INFO} repos/node/remote/22-bookworm-slim.md @3179cb4 (layers of 2026-09-19)`,
    uncompressedSource: null,
    layers: [
      { createdBy: "RUN # debian.sh --arch 'amd64' out/ 'bookworm' (slim)", compressed: 28_238_443, uncompressed: null, files: DEBIAN_ROOT },
      { createdBy: 'RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit', compressed: 3_311, uncompressed: null, files: [['/home/node', 'dir']] },
      { createdBy: 'RUN … node-v$NODE_VERSION-linux-$ARCH.tar.xz … # buildkit', compressed: 49_938_232, uncompressed: null, files: [['/usr/local/bin/node', 'file'], ['/usr/local/bin/npm', 'symlink', '../lib/node_modules/npm/bin/npm-cli.js'], ['/usr/local/bin/npx', 'symlink', '../lib/node_modules/npm/bin/npx-cli.js'], ['/usr/local/lib/node_modules', 'dir'], ['/usr/local/lib/node_modules/npm', 'dir'], ['/usr/local/include/node', 'dir']] },
      { createdBy: 'RUN … yarn-v$YARN_VERSION.tar.gz … # buildkit', compressed: 1_713_012, uncompressed: null, files: [['/opt/yarn-v1.22.22', 'dir'], ['/usr/local/bin/yarn', 'symlink', '/opt/yarn-v1.22.22/bin/yarn']] },
      { createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', compressed: 447, uncompressed: null, files: [['/usr/local/bin/docker-entrypoint.sh', 'file']] },
    ],
    emptyAfter: { 1: ['ENV NODE_VERSION=22.23.2'], 3: ['ENV YARN_VERSION=1.22.22'], 4: ['ENTRYPOINT ["docker-entrypoint.sh"]', 'CMD ["node"]'] },
    env: [PATH_DEBIAN, 'NODE_VERSION=22.23.2', 'YARN_VERSION=1.22.22'],
    cmd: ['node'],
    entrypoint: ['docker-entrypoint.sh'],
    workdir: null,
    exposedPorts: [],
    shell: 'dash',
  },
  {
    repo: 'python',
    tags: ['3.12-slim-bookworm', '3.12.14-slim-bookworm'],
    describes: 'CPython 3.12.14 on Debian 12 slim',
    source: `${REPO_INFO} repos/python/remote/3.12-slim-bookworm.md @33a22f4 (layers of 2026-08-25)`,
    uncompressedSource: null,
    layers: [
      { createdBy: "RUN # debian.sh --arch 'amd64' out/ 'bookworm' (slim)", compressed: 28_232_655, uncompressed: null, files: DEBIAN_ROOT },
      { createdBy: 'RUN set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates netbase tzdata; rm -rf /var/lib/apt/lists/* # buildkit', compressed: 3_533_361, uncompressed: null, files: [['/etc/ssl/certs', 'dir'], ['/usr/share/zoneinfo', 'dir']] },
      { createdBy: 'RUN set -eux; … ./configure … make install … # buildkit', compressed: 13_671_299, uncompressed: null, files: [['/usr/local/bin/python3.12', 'file'], ['/usr/local/bin/python3', 'symlink', 'python3.12'], ['/usr/local/bin/pip3', 'file'], ['/usr/local/lib/python3.12', 'dir'], ['/usr/local/lib/python3.12/site-packages', 'dir'], ['/usr/local/lib/libpython3.12.so.1.0', 'file']] },
      { createdBy: 'RUN set -eux; for src in idle3 pip3 pydoc3 python3 python3-config; do … ln -svT "$src" "/usr/local/bin/$dst"; done # buildkit', compressed: 250, uncompressed: null, files: [['/usr/local/bin/python', 'symlink', 'python3'], ['/usr/local/bin/pip', 'symlink', 'pip3']] },
    ],
    emptyAfter: { 0: ['ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'ENV LANG=C.UTF-8'], 1: ['ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305', 'ENV PYTHON_VERSION=3.12.14'], 3: ['CMD ["python3"]'] },
    env: ['PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', 'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305', 'PYTHON_VERSION=3.12.14'],
    cmd: ['python3'],
    entrypoint: null,
    workdir: null,
    exposedPorts: [],
    shell: 'dash',
  },
  {
    repo: 'golang',
    tags: ['1.26-bookworm', '1.26.5-bookworm'],
    describes: 'Go 1.26.5 on Debian 12 with buildpack-deps (curl, scm) and gcc',
    source: `${REPO_INFO} repos/golang/remote/1.26-bookworm.md @21d295b (layers of 2026-07-14)`,
    uncompressedSource: null,
    layers: [
      DEBIAN_BOOKWORM_LAYER(48_497_403, null),
      { createdBy: 'RUN set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates curl gnupg netbase sq wget; rm -rf /var/lib/apt/lists/* # buildkit', compressed: 24_044_100, uncompressed: null, files: [['/usr/bin/curl', 'file'], ['/usr/bin/wget', 'file']] },
      { createdBy: 'RUN set -eux; apt-get update; apt-get install -y --no-install-recommends git mercurial openssh-client subversion procps; rm -rf /var/lib/apt/lists/* # buildkit', compressed: 64_408_455, uncompressed: null, files: [['/usr/bin/git', 'file']] },
      { createdBy: 'RUN set -eux; apt-get update; apt-get install -y --no-install-recommends g++ gcc libc6-dev make pkg-config; … rm -rf /var/lib/apt/lists/* # buildkit', compressed: 92_512_821, uncompressed: null, files: [['/usr/bin/gcc', 'symlink', 'gcc-12'], ['/usr/bin/make', 'file']] },
      { createdBy: 'COPY /target/ / # buildkit', compressed: 67_288_392, uncompressed: null, files: [['/usr/local/go', 'dir'], ['/usr/local/go/bin', 'dir'], ['/usr/local/go/bin/go', 'file'], ['/usr/local/go/bin/gofmt', 'file']] },
      { createdBy: 'RUN mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH" # buildkit', compressed: 125, uncompressed: null, files: [['/go', 'dir'], ['/go/src', 'dir'], ['/go/bin', 'dir']] },
      { createdBy: 'WORKDIR /go', compressed: 32, uncompressed: null, files: [] },
    ],
    emptyAfter: { 3: ['ENV GOLANG_VERSION=1.26.5', 'ENV GOTOOLCHAIN=local', 'ENV GOPATH=/go', 'ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] },
    env: ['PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'GOLANG_VERSION=1.26.5', 'GOTOOLCHAIN=local', 'GOPATH=/go'],
    cmd: ['bash'],
    entrypoint: null,
    workdir: '/go',
    exposedPorts: [],
    shell: 'dash',
  },
  {
    repo: 'nginx',
    tags: ['1.30', '1.30.4'],
    describes: 'nginx 1.30.4 on Debian 13 (trixie)',
    source: `${REPO_INFO} repos/nginx/remote/1.30.md @0844135 (layers of 2026-09-02)`,
    uncompressedSource: null,
    layers: [
      { createdBy: "RUN # debian.sh --arch 'amd64' out/ 'trixie'", compressed: 29_792_658, uncompressed: null, files: DEBIAN_ROOT },
      { createdBy: 'RUN set -x && groupadd --system --gid 101 nginx && useradd … && apt-get install … nginx … && rm -rf /var/lib/apt/lists/* … # buildkit', compressed: 36_286_911, uncompressed: null, files: [['/usr/sbin/nginx', 'file'], ['/etc/nginx', 'dir'], ['/etc/nginx/nginx.conf', 'file'], ['/etc/nginx/conf.d', 'dir'], ['/etc/nginx/conf.d/default.conf', 'file'], ['/usr/share/nginx/html', 'dir'], ['/usr/share/nginx/html/index.html', 'file'], ['/var/log/nginx', 'dir'], ['/docker-entrypoint.d', 'dir']] },
      { createdBy: 'COPY docker-entrypoint.sh / # buildkit', compressed: 629, uncompressed: null, files: [['/docker-entrypoint.sh', 'file']] },
      { createdBy: 'COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit', compressed: 956, uncompressed: null, files: [['/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', 'file']] },
      { createdBy: 'COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit', compressed: 404, uncompressed: null, files: [['/docker-entrypoint.d/15-local-resolvers.envsh', 'file']] },
      { createdBy: 'COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit', compressed: 1_211, uncompressed: null, files: [['/docker-entrypoint.d/20-envsubst-on-templates.sh', 'file']] },
      { createdBy: 'COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit', compressed: 1_400, uncompressed: null, files: [['/docker-entrypoint.d/30-tune-worker-processes.sh', 'file']] },
    ],
    emptyAfter: { 0: ['LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>', 'ENV NGINX_VERSION=1.30.4'], 6: ['ENTRYPOINT ["/docker-entrypoint.sh"]', 'EXPOSE map[80/tcp:{}]', 'STOPSIGNAL SIGQUIT', 'CMD ["nginx" "-g" "daemon off;"]'] },
    env: [PATH_DEBIAN, 'NGINX_VERSION=1.30.4'],
    cmd: ['nginx', '-g', 'daemon off;'],
    entrypoint: ['/docker-entrypoint.sh'],
    workdir: null,
    exposedPorts: ['80/tcp'],
    shell: 'dash',
  },
];
