// Hostile share links (issue 6 "Links: truncated, tampered, oversized, wrong version, valid JSON
// with wrong types"), made from the real links the app made (src/core/share/samples) and by
// hand. Each input is a URL fragment; run-case.ts opens it as the page does (open-link.ts). A
// refused link must say so in one line starting "This share link cannot be opened", naming what
// is wrong where the case knows it; a link that opens must go through the page's next steps.
// Here: cuts, damaged DEFLATE bytes, versions, and every field of a real link's JSON given the
// wrong type; link-content-cases.ts: edited contents and oversized links.

import { errorCase, eitherCase, resultCase, slug, type CaseGroup, type HostileCase } from './case.ts';
import { linkContentCases } from './link-content-cases.ts';
import { fieldPaths, flipBit, fragmentOf, getAt, jsonType, linkOfJson, linkOfPacked, packedOf, pathText, setAt, setByte, WRONG_TYPES, type LinkSample } from './link-make.ts';

export { readSample, type LinkSample } from './link-make.ts';

const enc = new TextEncoder();

/** A link case: its input is the fragment, read under the name "share link". */
export function linkCase(name: string, group: CaseGroup, fragment: () => string | Promise<string>): Omit<HostileCase, 'expect'> {
  return { name: `link-${slug(name)}`, group, kind: 'link', fileName: 'share link', bytes: async () => enc.encode(await fragment()) };
}

/** What a refused cut or damaged link says. */
const CUT = /does not unpack|not valid base64url|not the JSON/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A point `f` of a length: a fraction of it (0 < f < 1), or a count from the start (f ≥ 1) or from the end (f < 0). */
function at(length: number, f: number): number {
  const i = f < 0 ? length + f : f < 1 ? Math.floor(length * f) : f;
  return Math.max(1, Math.min(length - 1, i));
}

function truncated(samples: LinkSample[]): HostileCase[] {
  const out: HostileCase[] = [];
  // Cut inside `v=` and `s=`: the same for every link the app makes.
  for (const cut of ['#', '#v', '#v=', '#v=1', '#v=1&', '#v=1&s', '#v=1&s=']) {
    out.push(errorCase(linkCase(`truncated-prefix-${cut.length}`, 'link-truncated', () => cut), /holds no shared state|not valid base64url/));
  }
  for (const s of samples) {
    const base = s.name.replace(/\.txt$/, '');
    const fragment = fragmentOf(s.url);
    const start = fragment.indexOf('s=') + 2;
    const payload = fragment.length - start;
    // Mid-base64: the text cut as a chat app or a copy cuts it.
    for (const f of [1, 2, 3, 0.1, 0.25, 0.5, 0.75, 0.9, -1, -2, -3]) {
      const n = at(payload, f);
      out.push(errorCase(linkCase(`truncated-${base}-chars-${n}-of-${payload}`, 'link-truncated', () => fragment.slice(0, start + n)), CUT));
    }
    // Mid-DEFLATE: whole bytes cut from the stream, then encoded again (valid base64url).
    const packed = packedOf(fragment);
    for (const f of [1, 0.1, 0.5, 0.9, -1]) {
      const n = at(packed.length, f);
      out.push(errorCase(linkCase(`truncated-${base}-bytes-${n}-of-${packed.length}`, 'link-truncated', () => linkOfPacked(packed.subarray(0, n))), /does not unpack/));
    }
  }
  return out;
}

function tamperedBytes(samples: LinkSample[]): HostileCase[] {
  const out: HostileCase[] = [];
  for (const s of samples) {
    const base = s.name.replace(/\.txt$/, '');
    const packed = packedOf(fragmentOf(s.url));
    // Byte 0 holds the first block's header (BFINAL, BTYPE): flipping bit 1 or 2 changes its type.
    const flips: [number, number][] = [[0, 1], [0, 2], ...[0.1, 0.3, 0.5, 0.7, 0.9].map((f, i) => [at(packed.length, f), i + 3] as [number, number]), [packed.length - 1, 0]];
    for (const [i, bit] of flips) out.push(eitherCase(linkCase(`tampered-${base}-bit-${i}.${bit}`, 'link-tampered', () => linkOfPacked(flipBit(packed, i, bit)))));
    for (const [f, v] of [[0.33, 0x00], [0.66, 0xff]] as const) {
      const i = at(packed.length, f);
      out.push(eitherCase(linkCase(`tampered-${base}-byte-${i}-${v}`, 'link-tampered', () => linkOfPacked(setByte(packed, i, v)))));
    }
  }
  return out;
}

function versions(sample: LinkSample): HostileCase[] {
  const p = fragmentOf(sample.url).slice(fragmentOf(sample.url).indexOf('s=') + 2);
  const notNumber = /version "v=.*" is not a number/;
  const table: [string, string, 'error' | 'result', RegExp?][] = [
    ['v0', `#v=0&s=${p}`, 'error', /older than any layerscope release/],
    ['v2', `#v=2&s=${p}`, 'error', /newer layerscope \(link version 2; this one reads up to 1\)/],
    ['v999999', `#v=999999&s=${p}`, 'error', /newer layerscope \(link version 999999/],
    ['v9999999', `#v=9999999&s=${p}`, 'error', notNumber],
    ['v-1', `#v=-1&s=${p}`, 'error', notNumber],
    ['v1.5', `#v=1.5&s=${p}`, 'error', notNumber],
    ['vabc', `#v=abc&s=${p}`, 'error', notNumber],
    ['v1e0', `#v=1e0&s=${p}`, 'error', notNumber],
    ['vplus1', `#v=+1&s=${p}`, 'error', notNumber],
    ['vspace1', `#v=%201&s=${p}`, 'error', notNumber],
    ['vfullwidth1', `#v=%EF%BC%91&s=${p}`, 'error', notNumber],
    ['vnewline', `#v=1%0A&s=${p}`, 'error', /version "v=1\\u000a" is not a number/],
    ['vlineseparator', `#v=%E2%80%A81&s=${p}`, 'error', /version "v=\\u20281" is not a number/],
    ['vrtl-override', `#v=%E2%80%AE1&s=${p}`, 'error', /version "v=\\u202e1" is not a number/],
    ['vnul', `#v=1%00&s=${p}`, 'error', notNumber],
    ['missing', `#s=${p}`, 'error', notNumber],
    ['uppercase-V', `#V=1&s=${p}`, 'error', notNumber],
    ['two-v-1-2', `#v=1&v=2&s=${p}`, 'error', /holds 2 versions/],
    ['two-v-2-1', `#v=2&v=1&s=${p}`, 'error', /holds 2 versions/],
    ['two-s', `#v=1&s=${p}&s=${p}`, 'error', /and 2 data parts/],
    ['s-before-v', `#s=${p}&v=1`, 'result'],
    ['extra-params', `#v=1&s=${p}&x=%3Cscript%3E&v2=9`, 'result'],
    ['leading-zero', `#v=01&s=${p}`, 'result'],
  ];
  return table.map(([name, fragment, outcome, says]) => {
    const c = linkCase(`version-${name}`, 'link-version', () => fragment);
    return outcome === 'error' ? errorCase(c, says) : resultCase(c, says);
  });
}

/**
 * Every field of a real link's JSON in turn replaced by a value of each JSON type: a type that
 * differs from the real one must be refused, naming the field; the same type, or null (some
 * fields may be null), may be read.
 */
function wrongTypes(sample: LinkSample): HostileCase[] {
  const { json } = sample;
  const base = sample.name.replace(/\.txt$/, '');
  const out: HostileCase[] = [];
  for (const path of fieldPaths(json)) {
    const real = getAt(json, path);
    for (const [typeName, value] of WRONG_TYPES) {
      const c = linkCase(`types-${base}-${pathText(path)}-${typeName}`, 'link-types', () => linkOfJson(setAt(json, path, value)));
      const wrong = value !== null && jsonType(value) !== jsonType(real);
      out.push(wrong ? errorCase(c, new RegExp(`\\(${escape(pathText(path))}[.[:]`)) : eitherCase(c));
    }
  }
  return out;
}

function topLevelTypes(): HostileCase[] {
  const values: [string, unknown][] = [...WRONG_TYPES, ['false', false], ['array-of-a-state', [{ kind: 'dockerfile', name: 'D', text: 'FROM scratch', view: {} }]]];
  return values.map(([name, value]) => errorCase(linkCase(`types-top-level-${name}`, 'link-types', () => linkOfJson(value)), /\(kind: expected "dockerfile" or "image"/));
}

/** The samples by file name; the corpus needs an image and a Dockerfile sample. */
function pick(samples: LinkSample[], name: string): LinkSample {
  const s = samples.find((x) => x.name === name);
  if (!s) throw new Error(`link sample ${name} is missing (src/core/share/samples)`);
  return s;
}

/** Every link case; `samples` are the stored links (src/core/share/samples/*.txt, readSample). */
export function linkCases(samples: LinkSample[]): HostileCase[] {
  if (samples.length === 0) return [];
  const image = pick(samples, 'image-seed-a-bloated.txt');
  const dockerfile = pick(samples, 'dockerfile-seed-a-bloated.txt');
  return [
    ...truncated(samples),
    ...tamperedBytes(samples),
    ...linkContentCases(image.json, dockerfile.json),
    ...versions(dockerfile),
    ...wrongTypes(image),
    ...wrongTypes(dockerfile),
    ...topLevelTypes(),
  ];
}
