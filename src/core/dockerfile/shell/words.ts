// The character-level pieces of BuildKit's shell lexer (shell/lex.go): a text/scanner over code
// points (Peek/Next; a leading byte-order mark is skipped, as text/scanner does) and wordsStruct,
// which splits expanded text into words on unquoted whitespace.
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/shell/lex.go
// https://pkg.go.dev/text/scanner#Scanner.Next

import { isGoSpace } from '../go-text.ts';

export const EOF = -1;

/** text/scanner over code points: Peek/Next, and a leading BOM is skipped as Scanner does. */
export class Scanner {
  private i: number;
  constructor(private readonly s: string) {
    this.i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  }
  peek(): number {
    return this.i < this.s.length ? this.s.codePointAt(this.i)! : EOF;
  }
  next(): number {
    if (this.i >= this.s.length) return EOF;
    const cp = this.s.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }
}

export const str = (cp: number) => String.fromCodePoint(cp);

/** wordsStruct. The buffer is shared by every nested processStopOn of one word, as in lex.go. */
export class Words {
  words: string[] = [];
  inWord = false;
  constructor(private readonly buf: { s: string }) {}
  addChar(ch: number): void {
    if (isGoSpace(ch) && this.inWord) {
      if (this.buf.s.length !== 0) {
        this.words.push(this.buf.s);
        this.buf.s = '';
        this.inWord = false;
      }
    } else if (!isGoSpace(ch)) this.addRawChar(ch);
  }
  addRawChar(ch: number): void {
    this.buf.s += str(ch);
    this.inWord = true;
  }
  /** addChar for each character, with runs of non-space appended at once. */
  addString(s: string): void {
    let run = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (!isGoSpace(c)) continue; // no Go space is outside the BMP
      if (i > run) this.addRawString(s.slice(run, i));
      this.addChar(c);
      run = i + 1;
    }
    if (s.length > run) this.addRawString(run === 0 ? s : s.slice(run));
  }
  addRawString(s: string): void {
    this.buf.s += s;
    this.inWord = true;
  }
  getWords(): string[] {
    if (this.buf.s.length > 0) {
      this.words.push(this.buf.s);
      this.buf.s = '';
      this.inWord = false;
    }
    return this.words;
  }
}

export function isSpecialParam(ch: number): boolean {
  return ch === 0x40 || ch === 0x2a || ch === 0x23 || ch === 0x3f || ch === 0x2d || ch === 0x24 || ch === 0x21 || ch === 0x30;
}

