// One case of the hostile-input corpus: an input a stranger might drop on the page, and what
// layerscope must answer. Every case ends in a typed InputError naming the input and what is
// wrong, or a result (with warnings where something was odd): never another exception, never a
// hang. Some cases pin the answer further (the limit named, the warning given).

import type { Limits } from '../limits.ts';

export type CaseGroup =
  | 'truncated'
  | 'checksum'
  | 'sizes'
  | 'compression'
  | 'bomb'
  | 'entries'
  | 'names'
  | 'links'
  | 'manifest'
  | 'digest'
  | 'json'
  | 'nesting'
  | 'garbage'
  | 'dockerfile'
  // share links (link-cases.ts); tar hard and symbolic links are 'links' above
  | 'link-truncated'
  | 'link-tampered'
  | 'link-oversized'
  | 'link-version'
  | 'link-types';

export interface Expectation {
  /** 'error': must be refused; 'result': must be read; 'either': only never crash or hang */
  outcome: 'error' | 'result' | 'either';
  /** the error's problem, or one of the result's warnings, must match */
  says?: RegExp;
}

export interface HostileCase {
  /** unique and file-name safe: "truncated-busybox.docker.tar-in-header-2" */
  name: string;
  group: CaseGroup;
  /** 'link': the input is a share link's URL fragment ("#v=1&s=…"), UTF-8 */
  kind: 'archive' | 'dockerfile' | 'link';
  /** the name the input is read under (what a person dropped) */
  fileName: string;
  /** built when the case runs, so a corpus of hundreds costs nothing until used */
  bytes(): Promise<Uint8Array>;
  /** limits to change from the defaults (the CLI's --limit / --max-* flags) */
  limits?: Partial<Limits>;
  expect: Expectation;
  /** worth running through the CLI too (the CLI corpus takes a sample) */
  cli?: boolean;
}

const either: Expectation = { outcome: 'either' };

export function errorCase(c: Omit<HostileCase, 'expect'>, says?: RegExp): HostileCase {
  return { ...c, expect: { outcome: 'error', says } };
}

export function resultCase(c: Omit<HostileCase, 'expect'>, says?: RegExp): HostileCase {
  return { ...c, expect: { outcome: 'result', says } };
}

export function eitherCase(c: Omit<HostileCase, 'expect'>, says?: RegExp): HostileCase {
  return { ...c, expect: says ? { outcome: 'either', says } : either };
}

/** Turns any text into a file-name-safe case name part. */
export function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
}
