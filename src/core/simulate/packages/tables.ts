// Sizes the package-manager simulation uses, each with where it comes from. Installed sizes are
// regular-file bytes a package adds; caches are what the manager leaves behind unless told not
// to. Figures marked "rough" are estimates without a published source, said as such in the
// step's explanation.

import { APT_SOURCE, APT_TABLE } from './apt-table.ts';

export interface SizeFigure {
  bytes: number;
  source: string;
  /** true when the figure is a stand-in (another distribution's package, a rule of thumb) */
  rough: boolean;
}

/** `apt-get update` lists under /var/lib/apt/lists (lz4-compressed, as docker's debian images keep them). */
export const APT_LISTS: SizeFigure = {
  bytes: 19_885_580,
  source: 'measured: du -sb /var/lib/apt/lists after apt-get update on a Debian 12 machine with docker-gzip-indexes (bookworm, bookworm-updates, bookworm-security main amd64), 2026-12-04',
  rough: false,
};

/** apk's index cache in /var/cache/apk (main + community APKINDEX) when --no-cache is not given. */
export const APK_INDEX: SizeFigure = { bytes: 2_600_000, source: 'rough estimate: two APKINDEX.tar.gz files of an Alpine 3.x release, about 1 MB (main) and 1.5 MB (community)', rough: true };

/** dnf/yum metadata cache under /var/cache/{dnf,yum} until `dnf clean all`. */
export const DNF_CACHE: SizeFigure = { bytes: 60_000_000, source: 'rough estimate of a Fedora/RHEL repository metadata cache (tens of MB)', rough: true };

/** pip's wheel cache (~/.cache/pip) relative to the installed size when --no-cache-dir is not given. */
export const PIP_CACHE_RATIO = { ratio: 0.4, source: 'rough estimate: wheels are zip files, about 40% of their installed size' };

/** npm's cache (~/.npm/_cacache) relative to node_modules when the cache is not cleaned. */
export const NPM_CACHE_RATIO = { ratio: 0.3, source: 'rough estimate: npm tarballs are gzip, about 30% of the unpacked size' };

/**
 * Alpine packages with a published installed size: the ones alpine:3.22 holds, from
 * docker-library/repo-info repos/alpine/local/3.22.md (apk "installed size", 2026-09-17).
 */
const APK_PUBLISHED: Record<string, number> = {
  busybox: 798 * 1024,
  'ca-certificates-bundle': 177 * 1024,
  libcrypto3: 5103 * 1024,
  libssl3: 823 * 1024,
  musl: 646 * 1024,
  'musl-utils': 54 * 1024,
  zlib: 101 * 1024,
  'apk-tools': 68 * 1024,
  libapk2: 179 * 1024,
  scanelf: 65 * 1024,
  ssl_client: 14 * 1024,
};
const APK_SOURCE = 'docker-library/repo-info repos/alpine/local/3.22.md (apk installed size, alpine:3.22.6, 2026-09-17)';

/** Debian names for packages other managers call differently, used as rough stand-ins. */
const DEBIAN_NAME: Record<string, string> = {
  'build-base': 'build-essential',
  'openssh-client': 'openssh-client',
  py3_pip: 'python3-pip',
  'py3-pip': 'python3-pip',
  nodejs: 'npm',
  openjdk17: 'openjdk-17-jdk-headless',
  'openjdk17-jre': 'openjdk-17-jre-headless',
  'postgresql-dev': 'libpq-dev',
  'libpq-dev': 'libpq-dev',
  'openssl-dev': 'libssl-dev',
  'libffi-dev': 'libffi-dev',
  'zlib-dev': 'zlib1g-dev',
  go: 'golang-go',
  rust: 'rustc',
  'gcc-c++': 'g++',
  'python3-devel': 'python3-dev',
  requests: 'python3-requests',
  numpy: 'python3-numpy',
  pyyaml: 'python3-yaml',
  setuptools: 'python3-setuptools',
  wheel: 'python3-wheel',
};

export function aptSize(name: string): SizeFigure | null {
  const row = APT_TABLE[name];
  if (!row) return null;
  return { bytes: row.totalKiB * 1024, source: `${APT_SOURCE}: ${name} ${row.version} with ${row.deps} dependencies not in debian:bookworm`, rough: false };
}

/** Another manager's package sized by its Debian counterpart (rough: builds and dependencies differ). */
export function roughFromDebian(name: string, manager: string): SizeFigure | null {
  const deb = DEBIAN_NAME[name] ?? (manager === 'pip' ? `python3-${name.toLowerCase()}` : name);
  const row = APT_TABLE[deb];
  if (!row) return null;
  return { bytes: row.totalKiB * 1024, source: `rough: the Debian 12 package ${deb} (${row.totalKiB} KiB with dependencies) stands in for ${manager} package ${name}`, rough: true };
}

export function apkSize(name: string): SizeFigure | null {
  if (name in APK_PUBLISHED) return { bytes: APK_PUBLISHED[name], source: APK_SOURCE, rough: false };
  return roughFromDebian(name, 'apk');
}
