// Reading untrusted JSON (manifests, indexes, configs) field by field: each accessor names the
// file and the field in its error, so a broken archive says exactly what is wrong where.

import { InputError } from '../errors.ts';
import { DEFAULT_LIMITS, LimitError, type Limits } from '../limits.ts';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

/**
 * Nesting depth of a JSON text (arrays and objects), counted on the bytes outside strings; stops
 * counting once past `max`. JSON.parse copes with deep nesting, but code that walks or
 * re-serializes the value recurses (JSON.stringify overflows its stack near 10,000 levels).
 */
export function jsonDepth(bytes: Uint8Array, max: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Parses one archive member as JSON, within the size and depth limits; the error names the member. */
export function parseJson(file: string, entry: string, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): Json {
  if (bytes.length > limits.maxJsonBytes) {
    throw new LimitError(file, entry, `is ${bytes.length.toLocaleString('en-US')} bytes, too large for the JSON it should be`, 'maxJsonBytes', limits.maxJsonBytes);
  }
  if (jsonDepth(bytes, limits.maxJsonDepth) > limits.maxJsonDepth) {
    throw new LimitError(file, entry, `nests JSON arrays and objects more than ${limits.maxJsonDepth} deep`, 'maxJsonDepth', limits.maxJsonDepth);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(file, entry, 'is not valid UTF-8 text, so it cannot be the JSON it should be');
  }
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    throw new InputError(file, entry, `is not valid JSON (${(e as Error).message})`);
  }
}

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class Fields {
  constructor(
    readonly file: string,
    readonly entry: string,
  ) {}

  fail(problem: string): never {
    throw new InputError(this.file, this.entry, problem);
  }

  object(v: Json | undefined, what: string): JsonObject {
    if (!isObject(v)) this.fail(`${what} should be a JSON object`);
    return v;
  }

  array(v: Json | undefined, what: string): Json[] {
    if (!Array.isArray(v)) this.fail(`${what} should be a JSON array`);
    return v;
  }

  string(v: Json | undefined, what: string): string {
    if (typeof v !== 'string') this.fail(`${what} should be a string`);
    return v;
  }

  optString(v: Json | undefined): string | null {
    return typeof v === 'string' ? v : null;
  }

  optNumber(v: Json | undefined): number | null {
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }

  stringList(v: Json | undefined): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  /** A content digest `alg:hex`, checked so it can never name a path outside blobs/. */
  digest(v: Json | undefined, what: string): string {
    const d = this.string(v, what);
    if (!/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(d)) this.fail(`${what} "${d}" is not a valid digest`);
    return d;
  }
}

/** OCI image layout: a blob's path is blobs/<alg>/<encoded> (image-layout.md). */
export function blobPath(digest: string): string {
  const i = digest.indexOf(':');
  return `blobs/${digest.slice(0, i)}/${digest.slice(i + 1)}`;
}
