// Splitting an instruction line into keyword, builder flags and the rest: a port of BuildKit's
// split_command.go. Flags are the leading words that start with "--" (`--from=x`, `--link`); a
// bare `--` ends them. The Go code walks BYTES and appends each as a rune, so a non-ASCII
// character inside a flag comes out Latin-1-decoded (`--chown=ü` → "--chown=Ã¼") and a byte
// 0x85/0xA0 inside one counts as a space: reproduced here on the UTF-8 bytes.
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/parser/split_command.go

import { isGoSpace, isReWhitespace, trimSpace, utf8Decode, utf8Encode } from './go-text.ts';

export interface SplitCommand {
  /** the keyword as written */
  cmd: string;
  flags: string[];
  /** what follows the flags, trimmed */
  args: string;
}

export function splitCommand(line: string): SplitCommand {
  const t = trimSpace(line);
  let i = 0;
  while (i < t.length && !isReWhitespace(t.charCodeAt(i))) i++;
  const cmd = t.slice(0, i);
  if (i === t.length) return { cmd, flags: [], args: '' };
  let j = i;
  while (j < t.length && isReWhitespace(t.charCodeAt(j))) j++;
  const { rest, flags } = extractBuilderFlags(t.slice(j));
  return { cmd, flags, args: trimSpace(rest) };
}

export function extractBuilderFlags(line: string): { rest: string; flags: string[] } {
  // fast path: no flag at all (the usual case) needs no byte walk
  if (!line.startsWith('--')) return { rest: line, flags: [] };
  const IN_SPACES = 0;
  const IN_WORD = 1;
  const IN_QUOTE = 2;
  const b = utf8Encode(line);
  const words: string[] = [];
  let phase = IN_SPACES;
  let word = '';
  let quote = 0;
  let blankOK = false;
  let ch = 0;
  const rest = (pos: number) => utf8Decode(b.subarray(pos));
  for (let pos = 0; pos <= b.length; pos++) {
    if (pos !== b.length) ch = b[pos];
    if (phase === IN_SPACES) {
      if (pos === b.length) break;
      if (isGoSpace(ch)) continue;
      // only a word that starts with "--" is a flag
      if (ch !== 0x2d || pos + 1 === b.length || b[pos + 1] !== 0x2d) return { rest: rest(pos), flags: words };
      phase = IN_WORD;
    }
    if ((phase === IN_WORD || phase === IN_QUOTE) && pos === b.length) {
      if (word !== '--' && (blankOK || word.length > 0)) words.push(word);
      break;
    }
    if (phase === IN_WORD) {
      if (isGoSpace(ch)) {
        phase = IN_SPACES;
        if (word === '--') return { rest: rest(pos), flags: words };
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        blankOK = true;
        phase = IN_QUOTE;
        continue;
      }
      if (ch === 0x5c) {
        if (pos + 1 === b.length) continue; // a \ at the end is dropped
        pos++;
        ch = b[pos];
      }
      word += String.fromCharCode(ch);
      continue;
    }
    // IN_QUOTE
    if (ch === quote) {
      phase = IN_WORD;
      continue;
    }
    if (ch === 0x5c) {
      if (pos + 1 === b.length) {
        phase = IN_WORD;
        continue;
      }
      pos++;
      ch = b[pos];
    }
    word += String.fromCharCode(ch);
  }
  return { rest: '', flags: words };
}
