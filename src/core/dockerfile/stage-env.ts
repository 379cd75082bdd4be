// The environment a build stage expands words against and RUN sees: the base image's Env, the
// default PATH when it has none, then each ENV and each ARG with a value, in order, a redefined
// name moving to the end (llb State.AddEnv). Plus the arguments BuildKit defines by itself:
// the platform ones (global scope only) and the proxy ones (RUN only).
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/dockerfile2llb/platform.go
// https://docs.docker.com/reference/dockerfile/#predefined-args
// https://docs.docker.com/reference/dockerfile/#automatic-platform-args-in-the-global-scope

import type { EnvGetter } from './shell/env.ts';

/** util/system DefaultPathEnv for Linux */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** An ordered KEY=value list with AddEnv semantics. */
export class EnvList implements EnvGetter {
  private readonly map = new Map<string, string>();

  constructor(entries: readonly string[] = []) {
    for (const e of entries) {
      const i = e.indexOf('=');
      this.set(i < 0 ? e : e.slice(0, i), i < 0 ? '' : e.slice(i + 1));
    }
  }

  /** AddEnv: set, moving the name to the end. */
  set(key: string, value: string): void {
    this.map.delete(key);
    this.map.set(key, value);
  }

  get(key: string): string | undefined {
    return this.map.get(key);
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  keys(): string[] {
    return [...this.map.keys()];
  }

  clone(): EnvList {
    const c = new EnvList();
    for (const [k, v] of this.map) c.map.set(k, v);
    return c;
  }

  toArray(): string[] {
    return [...this.map].map(([k, v]) => `${k}=${v}`);
  }
}

export interface Platform {
  os: string;
  architecture: string;
  variant: string;
}

/** "linux/arm/v7" → parts; arm64's v8 is dropped as containerd's normalization does. */
export function parsePlatform(s: string): Platform | null {
  const parts = s.toLowerCase().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '' || !/^[a-z0-9_.-]+$/.test(p))) return null;
  const [os, arch] = parts;
  let variant = parts[2] ?? '';
  if ((arch === 'arm64' || arch === 'aarch64') && variant === 'v8') variant = '';
  return { os, architecture: arch === 'aarch64' ? 'arm64' : arch, variant };
}

export const formatPlatform = (p: Platform) => `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;

export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64', variant: '' };

/** getPlatformArgs: the automatic global ARGs, then TARGETSTAGE; a build arg of the same name wins. */
export function platformArgs(build: Platform, target: Platform, targetStage: string, buildArgs: ReadonlyMap<string, string>): EnvList {
  const env = new EnvList();
  const put = (k: string, v: string) => env.set(k, buildArgs.get(k) ?? v);
  put('BUILDPLATFORM', formatPlatform(build));
  put('BUILDOS', build.os);
  put('BUILDARCH', build.architecture);
  put('BUILDVARIANT', build.variant);
  put('TARGETPLATFORM', formatPlatform(target));
  put('TARGETOS', target.os);
  put('TARGETARCH', target.architecture);
  put('TARGETVARIANT', target.variant);
  put('TARGETSTAGE', targetStage);
  return env;
}

/** The proxy build args every RUN gets without an ARG (either case). */
export const PROXY_ARGS = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'];

export function proxyEnv(buildArgs: ReadonlyMap<string, string>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of buildArgs) if (PROXY_ARGS.includes(k.toUpperCase())) out.push([k, v]);
  return out;
}
