// The JSON form of RUN/CMD/COPY…: BuildKit decodes the arguments with
// json.NewDecoder(strings.NewReader(rest)).Decode(&[]interface{}) (line_parsers.go parseJSON).
// A Decoder reads the FIRST JSON value and ignores what follows it (`CMD ["a"] junk` is JSON
// form), nests at most 10000 deep, and fails the whole decode when a number overflows float64.
// This module reproduces that, iteratively (no recursion, so deep input cannot blow the stack).
// https://pkg.go.dev/encoding/json#Decoder.Decode

export type JsonArrayResult =
  | { kind: 'strings'; values: string[] }
  /** syntax error, unexpected end, too deep, or a number out of float64 range: not JSON form */
  | { kind: 'invalid' }
  /** valid JSON whose top-level array holds something other than a string: a parse error */
  | { kind: 'not-strings' };

const MAX_DEPTH = 10000; // encoding/json scanner maxNestingDepth

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** Index after the closing quote of the string starting at i, or -1. */
function scanString(s: string, i: number): number {
  i++;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -1;
    if (c === 0x5c) {
      const e = s.charCodeAt(i + 1);
      if (e === 0x75) {
        for (let k = 2; k < 6; k++) if (!isHex(s.charCodeAt(i + k))) return -1;
        i += 6;
        continue;
      }
      if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        i += 2;
        continue;
      }
      return -1;
    }
    i++;
  }
  return -1;
}

/** Index after the number starting at i, or -1. Grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
function scanNumber(s: string, i: number): number {
  if (s.charCodeAt(i) === 0x2d) i++;
  if (s.charCodeAt(i) === 0x30) i++;
  else if (isDigit(s.charCodeAt(i))) while (isDigit(s.charCodeAt(i))) i++;
  else return -1;
  if (s.charCodeAt(i) === 0x2e) {
    i++;
    if (!isDigit(s.charCodeAt(i))) return -1;
    while (isDigit(s.charCodeAt(i))) i++;
  }
  const e = s.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = s.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(s.charCodeAt(i))) return -1;
    while (isDigit(s.charCodeAt(i))) i++;
  }
  return i;
}

/** Go's unquote turns a lone surrogate (from a \u escape) into U+FFFD. */
function decodeString(token: string): string {
  const v = JSON.parse(token) as string;
  return v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * Decode the first JSON value of `rest` (which starts with '[') the way parseJSON does.
 */
export function decodeJsonArray(rest: string): JsonArrayResult {
  const stack: number[] = []; // 0x5b '[' or 0x7b '{'
  const top: { string: boolean; start: number; end: number }[] = [];
  let i = 0;
  let notStrings = false;
  // states: expect a value; after a value; expect an object key
  let expect: 'value' | 'value-or-close' | 'after' | 'key' | 'key-or-close' = 'value';
  for (;;) {
    while (i < rest.length && isWs(rest.charCodeAt(i))) i++;
    if (i >= rest.length) return { kind: 'invalid' };
    const c = rest.charCodeAt(i);
    if (expect === 'value' || expect === 'value-or-close') {
      if (expect === 'value-or-close' && c === 0x5d) {
        stack.pop();
        i++;
        if (stack.length === 0) break;
        expect = 'after';
        continue;
      }
      const start = i;
      if (c === 0x5b || c === 0x7b) {
        if (stack.length >= MAX_DEPTH) return { kind: 'invalid' };
        if (stack.length === 1) {
          top.push({ string: false, start, end: start });
          notStrings = true;
        }
        stack.push(c);
        i++;
        expect = c === 0x5b ? 'value-or-close' : 'key-or-close';
        continue;
      }
      if (stack.length === 0) return { kind: 'invalid' }; // cannot happen: rest starts with '['
      if (c === 0x22) {
        i = scanString(rest, i);
      } else if (c === 0x2d || isDigit(c)) {
        i = scanNumber(rest, i);
        // json.Unmarshal into interface{} uses strconv.ParseFloat: out of range fails the decode
        if (i >= 0 && !Number.isFinite(Number(rest.slice(start, i)))) return { kind: 'invalid' };
      } else {
        const lit = c === 0x74 ? 'true' : c === 0x66 ? 'false' : c === 0x6e ? 'null' : '';
        i = lit && rest.startsWith(lit, i) ? i + lit.length : -1;
      }
      if (i < 0) return { kind: 'invalid' };
      if (stack.length === 1) {
        top.push({ string: c === 0x22, start, end: i });
        if (c !== 0x22) notStrings = true;
      }
      expect = 'after';
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (expect === 'key-or-close' && c === 0x7d) {
        stack.pop();
        i++;
        if (stack.length === 0) break;
        expect = 'after';
        continue;
      }
      if (c !== 0x22) return { kind: 'invalid' };
      i = scanString(rest, i);
      if (i < 0) return { kind: 'invalid' };
      while (i < rest.length && isWs(rest.charCodeAt(i))) i++;
      if (rest.charCodeAt(i) !== 0x3a) return { kind: 'invalid' };
      i++;
      expect = 'value';
      continue;
    }
    // after a value: ',' or the container's closer
    const open = stack[stack.length - 1];
    if (c === 0x2c) {
      i++;
      expect = open === 0x5b ? 'value' : 'key';
      continue;
    }
    if ((open === 0x5b && c === 0x5d) || (open === 0x7b && c === 0x7d)) {
      stack.pop();
      i++;
      if (stack.length === 0) break;
      expect = 'after';
      continue;
    }
    return { kind: 'invalid' };
  }
  if (notStrings) return { kind: 'not-strings' };
  return { kind: 'strings', values: top.map((t) => decodeString(rest.slice(t.start, t.end))) };
}
