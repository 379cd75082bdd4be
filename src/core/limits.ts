// The limits every read of untrusted input stays within: explicit, named, adjustable. Defaults
// leave real images alone (multi-GB layers, 500k files, a few hundred layers) and stop hostile
// ones quickly: decompression bombs, millions of entries, absurd names, giant or deeply nested
// JSON. Exceeding one throws a LimitError (an InputError) that names the limit, its value and
// how to raise it, so the CLI and the page show the same message.

import { InputError } from './errors.ts';

export interface Limits {
  /** tar entries in one layer, and in the outer archive's own tar (meta headers not counted) */
  maxEntries: number;
  /** tar entries over every layer of the image */
  maxTotalEntries: number;
  /** layers one image may list */
  maxLayers: number;
  /** images one archive may list (manifest.json entries, index manifests) */
  maxImages: number;
  /** bytes one layer, or a compressed archive, may decompress to; also the sum of its entries' declared sizes */
  maxDecompressedBytes: number;
  /** decompressed ÷ compressed bytes of one stream, checked once it is past ratioFloorBytes */
  maxRatio: number;
  /** decompressed bytes a stream may reach before maxRatio applies (small, very compressible layers are fine) */
  ratioFloorBytes: number;
  /** UTF-8 bytes of an entry's path or link target (Linux PATH_MAX is 4096) */
  maxPathBytes: number;
  /** components of an entry's path */
  maxPathDepth: number;
  /** bytes of one PAX extended header or GNU long name/link (Go's archive/tar allows 1 MiB) */
  maxMetaBytes: number;
  /** bytes of one JSON member (manifest, index, config) */
  maxJsonBytes: number;
  /** all the JSON members an archive holds, together */
  maxJsonTotalBytes: number;
  /** nesting of arrays and objects in one JSON member */
  maxJsonDepth: number;
  /** image indexes nested in indexes (OCI image-index.md allows nesting) */
  maxIndexDepth: number;
  /** instructions of a Dockerfile that is resolved or simulated (each keeps its environment: work grows with the square) */
  maxInstructions: number;
  /** characters of one RUN script the simulator interprets; longer ones are left unsimulated, with a warning */
  maxScriptBytes: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxEntries: 1_000_000,
  maxTotalEntries: 4_000_000,
  maxLayers: 1_000,
  maxImages: 1_000,
  maxDecompressedBytes: 64 * GiB,
  // gzip cannot pass ≈ 1030× (deflate's longest match), so 200× past 512 MiB catches gzip and
  // zstd bombs within a second or two, while real layers compress 2–10×. A layer that is mostly
  // one giant run of zeros (a `dd if=/dev/zero` demo of ≥ 512 MiB) trips it too: the message
  // says how to raise it.
  maxRatio: 200,
  ratioFloorBytes: 512 * MiB,
  maxPathBytes: 4096,
  maxPathDepth: 512,
  maxMetaBytes: 1 * MiB,
  maxJsonBytes: 16 * MiB,
  maxJsonTotalBytes: 256 * MiB,
  maxJsonDepth: 64,
  maxIndexDepth: 8,
  // Real Dockerfiles hold tens to a few hundred instructions; 2,000 ENV lines resolve and
  // simulate in ≈ 1.3 s here, 8,000 in ≈ 25 s (each instruction keeps a copy of the environment).
  maxInstructions: 2_000,
  // The simulator interprets ≈ 40 KB of shell a second at worst (mvdan-sh's AST, then the
  // interpreter): a 64 KiB RUN stays under 2 s; BuildKit caps a physical line at 64 KiB too.
  maxScriptBytes: 64 * KiB,
});

export type LimitName = keyof Limits;

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as LimitName[];

/** Limits counted in bytes: shown and parsed with units ("64 GiB", "512M"). */
const BYTE_LIMITS = new Set<LimitName>(['maxDecompressedBytes', 'ratioFloorBytes', 'maxPathBytes', 'maxMetaBytes', 'maxJsonBytes', 'maxJsonTotalBytes', 'maxScriptBytes']);

/** The CLI's short flags; every limit also takes `--limit NAME=VALUE`. */
export const LIMIT_FLAGS: Partial<Record<LimitName, string>> = {
  maxEntries: '--max-entries',
  maxTotalEntries: '--max-total-entries',
  maxLayers: '--max-layers',
  maxDecompressedBytes: '--max-bytes',
  maxRatio: '--max-ratio',
  maxPathBytes: '--max-path',
  maxJsonBytes: '--max-json',
  maxInstructions: '--max-instructions',
};

/** The defaults with some limits changed; unknown keys and bad values are refused. */
export function withLimits(overrides: Partial<Limits> | undefined): Limits {
  const out: Limits = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(overrides ?? {})) {
    if (!(k in DEFAULT_LIMITS)) throw new RangeError(`unknown limit "${k}"`);
    if (typeof v !== 'number' || !(v > 0)) throw new RangeError(`limit ${k} must be a positive number, got ${String(v)}`);
    out[k as LimitName] = v;
  }
  return out;
}

export function formatLimit(name: LimitName, value: number): string {
  if (!BYTE_LIMITS.has(name)) return value.toLocaleString('en-US');
  for (const [unit, size] of [['GiB', GiB], ['MiB', MiB], ['KiB', KiB]] as const) {
    if (value >= size && value % size === 0) return `${value / size} ${unit}`;
  }
  return `${value.toLocaleString('en-US')} bytes`;
}

/** How a person raises a limit, in words the page and the CLI both show. */
export function raiseHint(name: LimitName): string {
  const flag = LIMIT_FLAGS[name];
  return flag ? `the CLI's ${flag} raises it` : `the CLI's --limit ${name}=N raises it`;
}

/**
 * "64G", "512MiB", "1,000,000", "1e6", "200": a limit value as a person types it. Byte units are
 * binary (K = 1024). Returns null when the text is not a positive number.
 */
export function parseLimitValue(text: string): number | null {
  const m = /^\s*([0-9][0-9_,]*(?:\.[0-9]+)?(?:e[0-9]+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1].replace(/[_,]/g, ''));
  const scale = { '': 1, k: KiB, m: MiB, g: GiB, t: 1024 * GiB }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  const v = scale === 1 ? n : Math.floor(n * scale);
  return Number.isFinite(v) && v > 0 ? v : null;
}

/** "WHAT: over the limit NAME = VALUE (HOW TO RAISE IT)": every limit message has this shape. */
export function limitProblem(what: string, limit: LimitName, value: number): string {
  return `${what}: over the limit ${limit} = ${formatLimit(limit, value)} (${raiseHint(limit)})`;
}

/** An input went past one of the Limits. An InputError, so every reader reports it the same way. */
export class LimitError extends InputError {
  constructor(
    file: string,
    entry: string | null,
    /** what the input does, e.g. "holds more than 1,000,000 entries" */
    what: string,
    readonly limit: LimitName,
    readonly value: number,
  ) {
    super(file, entry, limitProblem(what, limit, value));
  }
}
