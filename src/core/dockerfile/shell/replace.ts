// ${v//p/r}: BuildKit calls regexp.ReplaceAllString. After an empty match it moves on one rune, an
// empty match right after a match does not count, and the replacement string has its
// `$name` / `${name}` references expanded (regexp.Expand). The pattern regexp has no groups, so `$0` and `${0}`
// are the matched text, every other well-formed reference is empty, `$$` is `$`, and a `$` that
// starts no reference stays as it is. (The single ${v/p/r} form inserts r verbatim.)
// https://pkg.go.dev/regexp#Regexp.Expand  https://pkg.go.dev/regexp#Regexp.ReplaceAllString

import { isGoDigit, isGoLetter } from '../go-text.ts';
import { findLeftmost, type Glob } from './glob.ts';

export function expandTemplate(template: string, match: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const d = template.indexOf('$', i);
    if (d < 0) break;
    out += template.slice(i, d);
    i = d + 1;
    if (template[i] === '$') {
      out += '$';
      i++;
      continue;
    }
    const ref = extract(template, i);
    if (!ref) {
      out += '$';
      continue;
    }
    i = ref.rest;
    if (ref.name === '0') out += match; // group 0; no other group exists
  }
  return out + template.slice(i);
}

/** regexp.extract: a name of letters, digits and _, optionally in braces. */
function extract(s: string, i: number): { name: string; rest: number } | null {
  let brace = false;
  if (s[i] === '{') {
    brace = true;
    i++;
  }
  const start = i;
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    if (!isGoLetter(cp) && !isGoDigit(cp) && cp !== 0x5f) break;
    i += cp > 0xffff ? 2 : 1;
  }
  if (i === start) return null;
  const name = s.slice(start, i);
  if (brace) {
    if (s[i] !== '}') return null;
    i++;
  }
  return { name, rest: i };
}

/** regexp.ReplaceAllString: empty matches advance one rune; `$0`/`${0}` in the replacement is the match. */
export function replaceAllGo(glob: Glob, src: string, repl: string): string {
  let out = '';
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= src.length) {
    const a = findLeftmost(glob, src, searchPos);
    if (!a) break;
    out += src.slice(lastMatchEnd, a[0]);
    if (a[1] > lastMatchEnd || a[0] === 0) out += expandTemplate(repl, src.slice(a[0], a[1]));
    lastMatchEnd = a[1];
    const width = searchPos < src.length ? (src.codePointAt(searchPos)! > 0xffff ? 2 : 1) : 0;
    if (searchPos + width > a[1]) searchPos += width;
    else if (searchPos + 1 > a[1]) searchPos++;
    else searchPos = a[1];
  }
  return out + src.slice(lastMatchEnd);
}
