// Shell pattern matching (POSIX "Pattern Matching Notation", XCU 2.13): `*`, `?`, bracket
// expressions with `!`/`^` negation and ranges, backslash to quote. Used for pathname expansion
// (glob.ts), `case`, `[[ == ]]` and the `${v#p}` family. Expansion marks quoted characters by
// escaping them with a backslash, so a quoted `*` stays literal.

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

function escapeRe(s: string): string {
  return s.replace(SPECIAL, '\\$&');
}

/** Regex source for a shell pattern (no anchors). `slashLiteral`: `*` and `?` do not match `/`. */
export function patternSource(pattern: string, slashLiteral = false): string {
  const any = slashLiteral ? '[^/]' : '[\\s\\S]';
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      out += escapeRe(pattern[++i]);
    } else if (c === '*') {
      out += `${any}*`;
    } else if (c === '?') {
      out += any;
    } else if (c === '[') {
      const end = bracketEnd(pattern, i);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      let neg = false;
      if (body[0] === '!' || body[0] === '^') {
        neg = true;
        body = body.slice(1);
      }
      let cls = '';
      for (let k = 0; k < body.length; k++) {
        const ch = body[k];
        if (ch === '\\' && k + 1 < body.length) cls += escapeRe(body[++k]);
        else if (ch === '-' && k > 0 && k < body.length - 1) cls += '-';
        else if (ch === '[' && body[k + 1] === ':') {
          const close = body.indexOf(':]', k + 2);
          const name = close > 0 ? body.slice(k + 2, close) : '';
          const classes: Record<string, string> = { alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', xdigit: '0-9a-fA-F', punct: '!-\\/:-@\\[-`{-~' };
          if (close > 0 && classes[name]) {
            cls += classes[name];
            k = close + 1;
          } else cls += '\\[';
        } else cls += escapeRe(ch);
      }
      out += neg ? `[^${cls}${slashLiteral ? '/' : ''}]` : `[${cls}]`;
      i = end;
    } else {
      out += escapeRe(c);
    }
  }
  return out;
}

function bracketEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '!' || p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === ']') return i;
  }
  return -1;
}

export function matchPattern(pattern: string, text: string): boolean {
  return new RegExp(`^${patternSource(pattern)}$`).test(text);
}

/** Does the (escaped) pattern hold an unquoted glob character? */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Removes the backslash quoting that expansion added. */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\([\s\S])/g, '$1');
}

/** `${v#p}`, `${v##p}`, `${v%p}`, `${v%%p}`: remove the shortest/longest matching prefix/suffix. */
export function removeAffix(value: string, pattern: string, suffix: boolean, longest: boolean): string {
  const re = new RegExp(`^${patternSource(pattern)}$`);
  const n = value.length;
  if (!suffix) {
    for (let k = longest ? n : 0; longest ? k >= 0 : k <= n; k += longest ? -1 : 1) if (re.test(value.slice(0, k))) return value.slice(k);
  } else {
    for (let k = longest ? 0 : n; longest ? k <= n : k >= 0; k += longest ? 1 : -1) if (re.test(value.slice(k))) return value.slice(0, k);
  }
  return value;
}

/** `${v/p/r}` and `${v//p/r}` (bash): longest match at each position. */
export function replacePattern(value: string, pattern: string, repl: string, all: boolean): string {
  let anchor = '';
  if (pattern.startsWith('#') || pattern.startsWith('%')) {
    anchor = pattern[0];
    pattern = pattern.slice(1);
  }
  const src = patternSource(pattern);
  if (anchor === '#') return value.replace(new RegExp(`^(?:${src})`), repl);
  if (anchor === '%') return value.replace(new RegExp(`(?:${src})$`), repl);
  if (!src) return value;
  return value.replace(new RegExp(src, all ? 'g' : ''), () => repl);
}
