// A small schema validator for data that arrives from outside (a share link someone pasted): each
// check walks an `unknown`, returns the typed value or the first problem with the path to it
// ("summary.layers[2].fileBytes: expected a whole number from 0"). Never throws.
//
// Why not zod: the same schema (schema-v1.ts) written with zod 4.6 bundles to 98.6 KB minified /
// 28.6 KB gzip (zod/mini: 28.0 / 9.1 KB); this file with the schema is 4.7 KB / 2.0 KB (esbuild
// --bundle --minify; README.md in this folder), and gives the same path-named messages.

export type Check<T> = (value: unknown, path: string) => Result<T>;
export type Result<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (path: string, want: string, got: unknown): Result<never> => ({
  ok: false,
  problem: `${path || 'the link'}: expected ${want}, found ${describe(got)}`,
});

/**
 * Text from a link as a message shows it: on one line, with control, invisible and bidi
 * characters (line separators, zero-width marks, right-to-left overrides) as \uXXXX escapes, so
 * a crafted value cannot break or reorder the sentence around it.
 */
export function shown(s: string): string {
  return s.replace(/[^\x20-\x7e\u00a0-\u200a\u2010-\u2027\u2030-\u205f\u2070-\ud7ff\ue000-\ufefe\uff00-\ufffd]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'string') return v.length > 24 ? `a text of ${v.length} characters` : `"${shown(v.replace(/["\\]/g, (c) => `\\${c}`))}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

export function str(opts: { max: number; pattern?: RegExp }): Check<string> {
  return (v, path) => {
    if (typeof v !== 'string') return fail(path, 'a text', v);
    if (v.length > opts.max) return fail(path, `a text of at most ${opts.max} characters`, v);
    if (opts.pattern && !opts.pattern.test(v)) return fail(path, `a text matching ${opts.pattern}`, v);
    return ok(v);
  };
}

/** A finite number in [min, max]; `int` for whole numbers. */
export function num(opts: { min?: number; max?: number; int?: boolean } = {}): Check<number> {
  const min = opts.min ?? -Number.MAX_VALUE;
  const max = opts.max ?? Number.MAX_VALUE;
  const want = `${opts.int ? 'a whole number' : 'a number'}${opts.min !== undefined ? ` from ${opts.min}` : ''}${opts.max !== undefined ? ` up to ${opts.max}` : ''}`;
  return (v, path) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (opts.int && !Number.isInteger(v))) return fail(path, want, v);
    return ok(v);
  };
}

export const bool: Check<boolean> = (v, path) => (typeof v === 'boolean' ? ok(v) : fail(path, 'true or false', v));

export function literal<T extends string | number>(...values: T[]): Check<T> {
  return (v, path) => ((values as unknown[]).includes(v) ? ok(v as T) : fail(path, values.map((x) => JSON.stringify(x)).join(' or '), v));
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v, path) => (v === null ? ok(null) : check(v, path));
}

export function arr<T>(item: Check<T>, max: number): Check<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) return fail(path, 'a list', v);
    if (v.length > max) return fail(path, `a list of at most ${max}`, v);
    const out: T[] = [];
    for (let i = 0; i < v.length; i++) {
      const r = item(v[i], `${path}[${i}]`);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  };
}

type Shape = Record<string, Check<unknown>>;
type Out<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };
type OptionalOut<S extends Shape> = { [K in keyof S]?: S[K] extends Check<infer T> ? T : never };

/**
 * An object with `required` keys and `optional` ones (absent, or undefined after JSON: left out).
 * Unknown keys are dropped, not kept: what comes out is only what the schema names.
 */
export function obj<R extends Shape, O extends Shape = Record<never, Check<unknown>>>(required: R, optional?: O): Check<Out<R> & OptionalOut<O>> {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'an object', v);
    const src = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, check] of Object.entries(required)) {
      if (!Object.hasOwn(src, k)) return { ok: false, problem: `${path ? `${path}.` : ''}${k}: missing` };
      const r = check(src[k], path ? `${path}.${k}` : k);
      if (!r.ok) return r;
      out[k] = r.value;
    }
    for (const [k, check] of Object.entries(optional ?? {})) {
      if (!Object.hasOwn(src, k) || src[k] === undefined) continue;
      const r = check(src[k], path ? `${path}.${k}` : k);
      if (!r.ok) return r;
      out[k] = r.value;
    }
    return ok(out as Out<R> & OptionalOut<O>);
  };
}

/** The first check whose discriminant `key` matches. */
export function tagged<T>(key: string, cases: Record<string, Check<T>>): Check<T> {
  return (v, path) => {
    const tag = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
    const check = typeof tag === 'string' && Object.hasOwn(cases, tag) ? cases[tag] : undefined;
    if (!check) return fail(path ? `${path}.${key}` : key, Object.keys(cases).map((c) => JSON.stringify(c)).join(' or '), tag);
    return check(v, path);
  };
}
