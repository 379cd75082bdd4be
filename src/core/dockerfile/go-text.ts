// Go's text primitives that BuildKit's parser and shell lexer lean on, ported so the TypeScript
// port splits, trims and quotes exactly where the Go code does: unicode.IsSpace (not JS \s: Go
// counts U+0085 and not U+FEFF), strings.TrimSpace, unicode.IsLetter/IsDigit, strconv.Quote
// (used by Node.Dump) and UTF-8 byte lengths (bufio.Scanner's line limit is in bytes).
// https://pkg.go.dev/unicode#IsSpace  https://pkg.go.dev/strconv#Quote

/** unicode.IsSpace: '\t' '\n' '\v' '\f' '\r' ' ' U+0085 U+00A0 and categories Zs/Zl/Zp. */
export function isGoSpace(cp: number): boolean {
  if (cp <= 0xff) return (cp >= 0x09 && cp <= 0x0d) || cp === 0x20 || cp === 0x85 || cp === 0xa0;
  return cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const PRINT = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

/** unicode.IsLetter */
export function isGoLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return LETTER.test(String.fromCodePoint(cp));
}

/** unicode.IsDigit (decimal digits, any script) */
export function isGoDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return DIGIT.test(String.fromCodePoint(cp));
}

/** strings.TrimLeftFunc(s, unicode.IsSpace) */
export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    if (!isGoSpace(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i === 0 ? s : s.slice(i);
}

/** strings.TrimRightFunc(s, unicode.IsSpace); no Go space is outside the BMP. */
export function trimRightSpace(s: string): string {
  let j = s.length;
  while (j > 0 && isGoSpace(s.charCodeAt(j - 1))) j--;
  return j === s.length ? s : s.slice(0, j);
}

/** strings.TrimSpace */
export function trimSpace(s: string): string {
  return trimRightSpace(trimLeftSpace(s));
}

/** Bytes of the UTF-8 encoding (a lone surrogate encodes as U+FFFD, 3 bytes, as TextEncoder does). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The regexp `[\t\v\f\r ]` of parser.go's reWhitespace (ASCII only, no newline). */
export function isReWhitespace(c: number): boolean {
  return c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d || c === 0x20;
}

/**
 * regexp.MustCompile(`[\t\v\f\r ]+`).Split(s, n) for n = 2 or n = -1, with Go's semantics
 * (a leading or a trailing separator yields a "" piece, as in Go).
 * https://pkg.go.dev/regexp#Regexp.Split
 */
export function splitReWhitespace(s: string, n: number): string[] {
  if (s.length === 0) return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  let i = 0;
  while (i < s.length) {
    if (!isReWhitespace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const m0 = i;
    while (i < s.length && isReWhitespace(s.charCodeAt(i))) i++;
    if (n > 0 && out.length === n - 1) break;
    end = m0;
    if (i !== 0) out.push(s.slice(beg, end));
    beg = i;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** strconv.Quote: Go string literal with escapes for non-printable runes. */
export function goQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      if (c === 0x22) out += '\\"';
      else if (c === 0x5c) out += '\\\\';
      else out += s[i];
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    switch (cp) {
      case 0x07: out += '\\a'; continue;
      case 0x08: out += '\\b'; continue;
      case 0x0c: out += '\\f'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
      case 0x0b: out += '\\v'; continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\ufffd'; // a lone surrogate: Go would have seen U+FFFD
    else if (PRINT.test(String.fromCodePoint(cp))) out += String.fromCodePoint(cp);
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** fmt.Sprintf("%q", []string{...}): `["a" "b"]`. */
export function goQuoteList(list: readonly string[]): string {
  return `[${list.map(goQuote).join(' ')}]`;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
export const utf8Encode = (s: string): Uint8Array => encoder.encode(s);
export const utf8Decode = (b: Uint8Array): string => decoder.decode(b);
