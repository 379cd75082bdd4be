// The two number parsers dive's CI rules use, ported so a `.dive-ci` value means here what it
// means to dive:
//   strconv.ParseFloat(value, 64)   for lowestEfficiency and highestUserWastedPercent
//   humanize.ParseBytes(value)      for highestWastedBytes (github.com/dustin/go-humanize bytes.go)
// (github.com/wagoodman/dive cmd/dive/cli/internal/command/ci/rules.go, and runtime/ci/rule.go
// before v0.13). Each returns the number or a message saying what is wrong, never throws.

export type Parsed = { ok: true; value: number } | { ok: false; problem: string };

// Go's decimal float syntax (no surrounding spaces; "inf"/"nan" are accepted by Go but are no use
// as a threshold, so they are refused here with a message rather than silently never failing).
// Digit-separating underscores (legal in Go literals) are refused too: nobody writes them here.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** strconv.ParseFloat for the decimal forms a person writes: "0.9", ".9", "9e-1", "+0.90". */
export function parseGoFloat(s: string): Parsed {
  if (!DECIMAL.test(s)) {
    return { ok: false, problem: `strconv.ParseFloat: parsing ${JSON.stringify(s)}: invalid syntax` };
  }
  return { ok: true, value: Number(s) };
}

const KB = 1000;
const KIB = 1024;
/** go-humanize bytesSizeTable: SI and IEC names, with and without the trailing "b". */
const SIZE_TABLE: Record<string, number> = {
  b: 1,
  kib: KIB, kb: KB, mib: KIB ** 2, mb: KB ** 2, gib: KIB ** 3, gb: KB ** 3,
  tib: KIB ** 4, tb: KB ** 4, pib: KIB ** 5, pb: KB ** 5, eib: KIB ** 6, eb: KB ** 6,
  '': 1,
  ki: KIB, k: KB, mi: KIB ** 2, m: KB ** 2, gi: KIB ** 3, g: KB ** 3,
  ti: KIB ** 4, t: KB ** 4, pi: KIB ** 5, p: KB ** 5, ei: KIB ** 6, e: KB ** 6,
};
const MAX_UINT64 = 2 ** 64;

/**
 * humanize.ParseBytes: leading digits, dots and commas (commas dropped) as a float, then a unit
 * name after optional spaces, case-insensitive: "20MB" = 20,000,000, "2MiB" = 2,097,152,
 * "1,000" = 1000, "20 mb" too. The result is truncated to a whole number, as Go's uint64(f).
 */
export function parseHumanizeBytes(s: string): Parsed {
  let last = 0;
  let comma = false;
  for (const ch of s) {
    if (!((ch >= '0' && ch <= '9') || ch === '.' || ch === ',')) break;
    if (ch === ',') comma = true;
    last += ch.length;
  }
  let num = s.slice(0, last);
  if (comma) num = num.replaceAll(',', '');
  const f = parseGoFloat(num);
  if (!f.ok) return f;
  const unit = s.slice(last).trim().toLowerCase();
  const m = SIZE_TABLE[unit];
  if (m === undefined) return { ok: false, problem: `unhandled size name: ${unit}` };
  const v = f.value * m;
  if (v >= MAX_UINT64) return { ok: false, problem: `too large: ${s}` };
  return { ok: true, value: Math.trunc(v) };
}
