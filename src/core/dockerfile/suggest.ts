// "did you mean …?" for unknown instructions: BuildKit's util/suggest (Levenshtein distance
// below 3, case-insensitive, answer in the case the user typed).
// https://github.com/moby/buildkit/blob/master/util/suggest/error.go

export function levenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/** The closest option (distance < 3), or null; null also when val is itself an option. */
export function suggest(val: string, options: readonly string[]): string | null {
  const v = val.toLowerCase();
  if (v.length > 64) return null; // no instruction is that long; keeps this cheap on junk
  let match: string | null = null;
  let min = 3;
  for (const o of options) {
    const opt = o.toLowerCase();
    if (opt === v) return null;
    const d = levenshtein(v, opt);
    if (d < min) {
      match = opt;
      min = d;
    }
  }
  if (match === null) return null;
  if (val === val.toLowerCase()) return match;
  if (val === val.toUpperCase()) return match.toUpperCase();
  return match;
}
