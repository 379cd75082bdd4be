// Per-instruction argument parsing: a port of BuildKit's line_parsers.go. Each function takes the
// text after the keyword and its flags and returns the Next chain (as a list of values) and
// whether it was the JSON form. No variable expansion happens here; quotes are kept for the
// expander, except in the JSON form where they are decoded.
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/parser/line_parsers.go

import type { EscapeToken } from './directives.ts';
import { decodeJsonArray } from './go-json.ts';
import { goQuote, isGoSpace, splitReWhitespace, trimLeftSpace, utf8Decode, utf8Encode } from './go-text.ts';

export interface Chain {
  args: string[];
  json: boolean;
}

/** A line parser's error; the parser adds the file and line. */
export class LineError extends Error {}

export const errNotStringArray = 'when using JSON array syntax, arrays must be comprised of strings only';

const NONE: Chain = { args: [], json: false };

/**
 * parseWords: split on whitespace, keeping quotes and escapes in the words ("foo bar 'a b'" →
 * [foo, bar, 'a b']); the escape token keeps the next character in the word, even a quote.
 */
export function parseWords(rest: string, escape: EscapeToken): string[] {
  const IN_SPACES = 0;
  const IN_WORD = 1;
  const IN_QUOTE = 2;
  const esc = escape.charCodeAt(0);
  const words: string[] = [];
  let phase = IN_SPACES;
  let word = '';
  let quote = 0;
  let blankOK = false;
  let ch = 0;
  let w = 1;
  const len = rest.length;
  for (let pos = 0; pos <= len; pos += w) {
    if (pos !== len) {
      ch = rest.codePointAt(pos)!;
      w = ch > 0xffff ? 2 : 1;
    }
    if (phase === IN_SPACES) {
      if (pos === len) break;
      if (isGoSpace(ch)) continue;
      phase = IN_WORD;
    }
    if ((phase === IN_WORD || phase === IN_QUOTE) && pos === len) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === IN_WORD) {
      if (isGoSpace(ch)) {
        phase = IN_SPACES;
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        blankOK = true;
        phase = IN_QUOTE;
      }
      if (ch === esc) {
        if (pos + w === len) continue; // an escape token at the end of the line is dropped
        // outside quotes the escape token and the next character both stay, even a quote
        word += String.fromCodePoint(ch);
        pos += w;
        ch = rest.codePointAt(pos)!;
        w = ch > 0xffff ? 2 : 1;
      }
      word += String.fromCodePoint(ch);
      continue;
    }
    // IN_QUOTE
    if (ch === quote) phase = IN_WORD;
    // the escape token works in "…" but not in '…'
    if (ch === esc && quote !== 0x27) {
      if (pos + w === len) {
        phase = IN_WORD;
        continue;
      }
      pos += w;
      word += String.fromCodePoint(ch);
      ch = rest.codePointAt(pos)!;
      w = ch > 0xffff ? 2 : 1;
    }
    word += String.fromCodePoint(ch);
  }
  return words;
}

/** ENV and LABEL: `k=v k2="v 2"` (each pair gets "=") or the legacy `k v…` (one pair, ""). */
export function parseNameVal(rest: string, key: 'ENV' | 'LABEL', escape: EscapeToken): Chain {
  const words = parseWords(rest, escape);
  if (words.length === 0) return NONE;
  if (!words[0].includes('=')) {
    const parts = splitReWhitespace(rest, 2);
    if (parts.length < 2) throw new LineError(`${key} must have two arguments`);
    return { args: [parts[0], parts[1], ''], json: false };
  }
  const args: string[] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq < 0) throw new LineError(`Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`);
    args.push(word.slice(0, eq), word.slice(eq + 1), '=');
  }
  return { args, json: false };
}

/** ARG: words, each `name` or `name=value`. */
export function parseNameOrNameVal(rest: string, escape: EscapeToken): Chain {
  return { args: parseWords(rest, escape), json: false };
}

/** FROM, EXPOSE and the shell form of COPY/ADD/VOLUME: split on blanks and tabs. */
export function parseStringsWhitespaceDelimited(rest: string): Chain {
  if (rest === '') return NONE;
  return { args: splitReWhitespace(rest, -1), json: false };
}

/** WORKDIR, USER, STOPSIGNAL, MAINTAINER: the whole rest, one value. */
export function parseString(rest: string): Chain {
  return rest === '' ? NONE : { args: [rest], json: false };
}

type JsonOutcome = { ok: true; chain: Chain } | { ok: false; notStrings: boolean };

/** parseJSON: a JSON array of strings, or why not. */
function parseJSON(rest: string): JsonOutcome {
  rest = trimLeftSpace(rest);
  if (!rest.startsWith('[')) return { ok: false, notStrings: false };
  const r = decodeJsonArray(rest);
  if (r.kind === 'strings') return { ok: true, chain: { args: r.values, json: true } };
  return { ok: false, notStrings: r.kind === 'not-strings' };
}

/** RUN, CMD, ENTRYPOINT, SHELL: JSON array, else the whole rest as one shell-form value. */
export function parseMaybeJSON(rest: string): Chain {
  if (rest === '') return NONE;
  const j = parseJSON(rest);
  if (j.ok) return j.chain;
  if (j.notStrings) throw new LineError(errNotStringArray);
  return { args: [rest], json: false };
}

/** COPY, ADD, VOLUME: JSON array, else whitespace-delimited values. */
export function parseMaybeJSONToList(rest: string): Chain {
  const j = parseJSON(rest);
  if (j.ok) return j.chain;
  if (j.notStrings) throw new LineError(errNotStringArray);
  return parseStringsWhitespaceDelimited(rest);
}

/**
 * HEALTHCHECK: the type word (CMD, NONE, …) then parseMaybeJSON. The Go code scans bytes with
 * unicode.IsSpace(rune(b)), so this does too (a byte 0x85 or 0xA0 inside a UTF-8 character ends
 * the type word there, as in BuildKit).
 */
export function parseHealthConfig(rest: string): Chain {
  const bytes = utf8Encode(rest);
  let sep = 0;
  while (sep < bytes.length && !isGoSpace(bytes[sep])) sep++;
  let next = sep;
  while (next < bytes.length && isGoSpace(bytes[next])) next++;
  if (sep === 0) return NONE;
  const typ = utf8Decode(bytes.subarray(0, sep));
  const cmd = parseMaybeJSON(utf8Decode(bytes.subarray(next)));
  return { args: [typ, ...cmd.args], json: cmd.json };
}
