// Shell patterns of ${v#p} ${v%p} ${v/p/r}: BuildKit converts them to Go regexps
// (convertShellPatternToRegex in shell/lex.go: `*` → `.*` or `.*?`, `?` → `.`, `\*` `\?` `\\`
// literal, `\}` `\/` drop the backslash, any other escape is an error). Go's regexp engine is
// linear-time; a JS regex of `a.*a.*a.*…` backtracks exponentially, so this module matches the
// same language with an NFA walk instead, O(text × pattern). Go's `.` never matches '\n', so
// neither `*` nor `?` crosses a newline here either. For these star-only patterns Go's
// leftmost-first match with greedy stars is the longest match at the leftmost start, and with
// lazy stars the shortest one — which is what the NFA computes.
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/shell/lex.go
// https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_13

/** A pattern item: a literal code point, ANY (one code point but '\n') or STAR. */
export type Glob = number[];
const ANY = -1;
const STAR = -2;
const NL = 0x0a;

export class PatternError extends Error {}

/** Parse a pattern the way convertShellPatternToRegex reads it (rune by rune). */
export function compileGlob(pattern: string): Glob {
  const cps = Array.from(pattern, (c) => c.codePointAt(0)!);
  const out: Glob = [];
  for (let i = 0; i < cps.length; i++) {
    const tok = cps[i];
    if (tok === 0x2a) out.push(STAR);
    else if (tok === 0x3f) out.push(ANY);
    else if (tok === 0x5c) {
      const next = cps[i + 1];
      if (next === 0x7d || next === 0x2f) continue; // `\}` `\/`: the escape is not part of the pattern
      i++;
      if (next !== 0x2a && next !== 0x3f && next !== 0x5c) {
        throw new PatternError(`invalid escape '\\${next === undefined ? '\ufffd' : String.fromCodePoint(next)}'`);
      }
      out.push(next);
    } else out.push(tok);
  }
  return out;
}

/**
 * One NFA walk over `text` from `from`. Each live state carries the smallest start offset of the
 * threads that reached it (lists stay sorted by start, so the first to arrive is the best).
 * anchored: only a thread starting at `from`; otherwise a new thread starts at every offset
 * until a match is known (leftmost). greedy: keep extending the match of the best start
 * (longest); lazy: stop at its first end (shortest; only used anchored).
 */
function walk(glob: Glob, text: string, from: number, anchored: boolean, greedy: boolean): [number, number] | null {
  const m = glob.length;
  let cur = new Float64Array(m + 1).fill(-1);
  let nxt = new Float64Array(m + 1).fill(-1);
  let curList: number[] = [];
  let nxtList: number[] = [];
  let bestStart = -1;
  let bestEnd = -1;
  for (let pos = from; ; ) {
    if (bestStart < 0 && (!anchored || pos === from)) addState(glob, cur, curList, 0, pos);
    const s = cur[m];
    if (s >= 0 && (bestStart < 0 || s < bestStart || (s === bestStart && pos > bestEnd))) {
      bestStart = s;
      bestEnd = pos;
      if (anchored && !greedy) break;
    }
    if (pos >= text.length) break;
    const cp = text.codePointAt(pos)!;
    for (let i = 0; i < curList.length; i++) {
      const k = curList[i];
      const start = cur[k];
      cur[k] = -1;
      if (k === m || (bestStart >= 0 && start > bestStart)) continue;
      const item = glob[k];
      if (item === STAR) {
        if (cp !== NL) addState(glob, nxt, nxtList, k, start);
      } else if (item === ANY ? cp !== NL : item === cp) addState(glob, nxt, nxtList, k + 1, start);
    }
    curList.length = 0;
    [cur, nxt] = [nxt, cur];
    [curList, nxtList] = [nxtList, curList];
    if (curList.length === 0 && (bestStart >= 0 || anchored)) break;
    pos += cp > 0xffff ? 2 : 1;
  }
  return bestStart < 0 ? null : [bestStart, bestEnd];
}

/** Mark state k live with this start, and the states after it that a star lets through. */
function addState(glob: Glob, tags: Float64Array, list: number[], k: number, start: number): void {
  for (;;) {
    if (tags[k] >= 0) return;
    tags[k] = start;
    list.push(k);
    if (k < glob.length && glob[k] === STAR) k++;
    else return;
  }
}

/** End offset of the shortest (lazy) or longest (greedy) match anchored at `start`, or -1. */
export function matchAt(glob: Glob, text: string, start: number, greedy: boolean): number {
  const r = walk(glob, text, start, true, greedy);
  return r ? r[1] : -1;
}

/** Leftmost match at or after `from`, the longest at that start: [start, end] or null. */
export function findLeftmost(glob: Glob, text: string, from: number): [number, number] | null {
  if (glob.length > 0 && glob.every((c) => c >= 0)) {
    // a literal: its first occurrence (code points compare as their UTF-16 text)
    let lit = '';
    for (const c of glob) lit += String.fromCodePoint(c);
    const i = text.indexOf(lit, from);
    return i < 0 ? null : [i, i + lit.length];
  }
  return walk(glob, text, from, false, true);
}

/** Reverse a pattern without reversing its escapes (`a\*c` → `c\*a`); lex.go reversePattern. */
export function reversePattern(pattern: string): string {
  const runes = Array.from(pattern);
  const out: string[] = new Array(runes.length);
  const last = runes.length - 1;
  for (let i = 0; i <= last; ) {
    const tok = runes[i];
    const o = last - i;
    if (tok === '\\' && i !== last) {
      out[o - 1] = tok;
      out[o] = runes[i + 1];
      i += 2;
    } else {
      out[o] = tok;
      i++;
    }
  }
  return out.join('');
}

export const reverseString = (s: string): string => Array.from(s).reverse().join('');

/**
 * ${v#p} / ${v##p}: drop the shortest / longest prefix of value matching pattern. A bad pattern
 * throws PatternError worded as lex.go's trimPrefix (so for % it names the reversed pattern).
 */
export function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  let glob: Glob;
  try {
    glob = compileGlob(pattern);
  } catch (e) {
    if (e instanceof PatternError) throw new PatternError(`invalid pattern (${pattern}) in substitution: ${e.message}`);
    throw e;
  }
  const end = matchAt(glob, value, 0, greedy);
  return end >= 0 ? value.slice(end) : value;
}

/** ${v%p} / ${v%%p}: reverse both and trim the prefix, as lex.go trimSuffix does. */
export function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}
