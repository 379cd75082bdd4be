// Making broken share links from real ones: the fragment of a stored sample link (made by the
// app, src/core/share/samples), its compressed bytes and its JSON, and ways to damage each: cut
// the text, flip bits in the DEFLATE stream, edit the JSON and pack it again as the app does
// (#v=1&s=base64url(deflate-raw(JSON)), src/core/share/link.ts). Used by link-cases.ts, the link
// fuzzer (src/core/share/link.test.ts) and e2e/hostile-links.spec.ts.

import { decodeBase64url, encodeBase64url } from '../share/base64url.ts';
import { deflateRaw, inflateRaw } from '../share/deflate.ts';

/** A stored sample: its file name ("image-seed-a-bloated.txt"), the whole URL it holds, its JSON. */
export interface LinkSample {
  name: string;
  url: string;
  json: unknown;
}

const enc = new TextEncoder();

/** The fragment of a link ("#v=1&s=…"). */
export function fragmentOf(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? '' : url.slice(i);
}

/** The compressed bytes a fragment carries in `s=` (the whole text after "s=", not URL-decoded). */
export function packedOf(fragment: string): Uint8Array {
  const m = /[#&]s=([^&]*)/.exec(fragment);
  const bytes = m ? decodeBase64url(m[1]) : null;
  if (!bytes) throw new Error(`not a share link: ${fragment.slice(0, 40)}`);
  return bytes;
}

/** A link of compressed bytes as they are (damaged or not). */
export function linkOfPacked(packed: Uint8Array, v = '1'): string {
  return `#v=${v}&s=${encodeBase64url(packed)}`;
}

/** A link of any text as its JSON, packed as the app packs it (the text need not be JSON). */
export async function linkOfText(text: string, v = '1'): Promise<string> {
  return linkOfPacked(await deflateRaw(enc.encode(text)), v);
}

export async function linkOfJson(json: unknown, v = '1'): Promise<string> {
  return linkOfText(JSON.stringify(json), v);
}

/** The JSON a sample carries, parsed. */
export async function jsonOf(fragment: string): Promise<unknown> {
  const r = await inflateRaw(packedOf(fragment), 64 << 20);
  if (!r.ok) throw new Error(`sample does not inflate: ${r.problem}`);
  return JSON.parse(new TextDecoder().decode(r.bytes)) as unknown;
}

/** A sample as the corpus takes it: the stored URL and the JSON it carries (inflating is async). */
export async function readSample(name: string, url: string): Promise<LinkSample> {
  return { name, url, json: await jsonOf(fragmentOf(url)) };
}

/** A copy of `bytes` with bit `bit` of byte `at` flipped. */
export function flipBit(bytes: Uint8Array, at: number, bit: number): Uint8Array {
  const out = bytes.slice();
  out[at % out.length] ^= 1 << (bit & 7);
  return out;
}

/** A copy of `bytes` with byte `at` replaced. */
export function setByte(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const out = bytes.slice();
  out[at % out.length] = value & 0xff;
  return out;
}

// ------------------------------------------------------------------ JSON paths

export type JsonPath = (string | number)[];

/** "summary.layers[0].tree[3]": a path as the link validator names it in its messages. */
export function pathText(path: JsonPath): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s === '' ? k : `.${k}`;
  return s;
}

export function getAt(json: unknown, path: JsonPath): unknown {
  let v = json;
  for (const k of path) v = (v as Record<string | number, unknown>)[k];
  return v;
}

/** A deep copy of `json` with the value at `path` replaced (path [] replaces the whole). */
export function setAt(json: unknown, path: JsonPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(json) as Record<string | number, unknown>;
  let v = copy;
  for (const k of path.slice(0, -1)) v = v[k] as Record<string | number, unknown>;
  v[path[path.length - 1]] = value;
  return copy;
}

/** The kind of a JSON value, as a validator tells them apart. */
export function jsonType(v: unknown): 'null' | 'array' | 'object' | 'number' | 'string' | 'boolean' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as 'object' | 'number' | 'string' | 'boolean';
}

/**
 * Every field of `json`, parents before children: each key of an object; each member of a tuple
 * (an array whose members differ in type, as a tree node [name, bytes, files, children]); the
 * first member only of a list (members alike: layers, history, children), to keep the count sane.
 */
export function fieldPaths(json: unknown, at: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = [];
  if (Array.isArray(json)) {
    const tuple = new Set(json.map(jsonType)).size > 1;
    const members = tuple ? json.map((_, i) => i) : json.length ? [0] : [];
    for (const i of members) out.push([...at, i], ...fieldPaths(json[i], [...at, i]));
  } else if (json !== null && typeof json === 'object') {
    for (const k of Object.keys(json)) out.push([...at, k], ...fieldPaths((json as Record<string, unknown>)[k], [...at, k]));
  }
  return out;
}

/** The stand-ins a field is replaced by, one of each JSON type. */
export const WRONG_TYPES: readonly [string, unknown][] = [
  ['null', null],
  ['number', 42],
  ['string', 'x'],
  ['array', []],
  ['object', {}],
  ['true', true],
];
