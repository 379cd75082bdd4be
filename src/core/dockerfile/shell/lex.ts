// Variable expansion and word splitting of Dockerfile arguments: a port of BuildKit's shell lexer
// (frontend/dockerfile/shell/lex.go, Lex / shellWord), kept in the same shape so each function
// can be read against its Go counterpart. Quotes: '…' literal, "…" expands $ and lets the escape
// token escape only " $ and itself; outside quotes the escape token escapes anything.
// Expansions: $v ${v} ${v:-w} ${v-w} ${v:+w} ${v+w} ${v?m} ${v:?m} ${v#p} ${v##p} ${v%p}
// ${v%%p} ${v/p/r} ${v//p/r}. Errors are thrown as ShellError (never anything else).
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/shell/lex.go

import { goQuote, isGoDigit, isGoLetter } from '../go-text.ts';
import type { EnvGetter } from './env.ts';
import { compileGlob, findLeftmost, PatternError, trimPrefix, trimSuffix } from './glob.ts';
import { replaceAllGo } from './replace.ts';
import { EOF, isSpecialParam, Scanner, str, Words } from './words.ts';

/** A word that cannot be expanded; the message reads like BuildKit's. */
export class ShellError extends Error {
  override readonly name = 'ShellError';
}

export interface LexOptions {
  /** '\\' (default) or '`', from the `# escape=` directive */
  escapeToken?: string;
  /** keep the quote characters in the result (heredoc detection) */
  rawQuotes?: boolean;
  /** keep the escape characters in the result (heredoc detection) */
  rawEscapes?: boolean;
  /** treat quotes as ordinary characters (heredoc bodies of COPY/ADD) */
  skipProcessQuotes?: boolean;
  /** leave references to unset variables as written */
  skipUnsetEnv?: boolean;
}

export interface ProcessWordResult {
  result: string;
  words: string[];
  /** variables that were set when referenced */
  matched: Set<string>;
  /** variables that were referenced while unset */
  unmatched: Set<string>;
}

/**
 * `${a:-${b:-${c…}}}` nesting: BuildKit (Go, growable stacks) has no limit, but each level costs
 * this recursive reader four stack frames, and a JavaScript stack is small: a Chromium worker's
 * holds ≈ 4,900 frames of a trivial function (its main thread and Node ≈ 10,000–12,500), and 1,000
 * levels overflowed it (RangeError in simulate.worker.ts, e2e/hostile-worker.spec.ts). 200 levels
 * stay well inside a worker's stack; real Dockerfiles nest a handful.
 */
const MAX_NESTING = 200;

class ShellWord {
  private nesting = 0;
  private readonly scanner: Scanner;
  private readonly escape: number;
  private rawEscapes: boolean;
  /** lex.go shellWord.wordsBuffer: one buffer for all nested word lists */
  private readonly wordsBuffer = { s: '' };
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();

  constructor(
    word: string,
    private readonly env: EnvGetter,
    private readonly opts: Required<LexOptions>,
  ) {
    this.scanner = new Scanner(word);
    this.escape = opts.escapeToken.codePointAt(0)!;
    this.rawEscapes = opts.rawEscapes;
  }

  process(): { word: string; words: string[] } {
    return this.processStopOn(EOF, this.rawEscapes);
  }

  private processStopOn(stopChar: number, rawEscapes: boolean): { word: string; words: string[] } {
    if (++this.nesting > MAX_NESTING) throw new ShellError(`variables nested more than ${MAX_NESTING} deep`);
    try {
      return this.processStopOnInner(stopChar, rawEscapes);
    } finally {
      this.nesting--;
    }
  }

  private processStopOnInner(stopChar: number, rawEscapes: boolean): { word: string; words: string[] } {
    let result = '';
    this.wordsBuffer.s = '';
    const words = new Words(this.wordsBuffer);
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      while (this.scanner.peek() !== EOF) {
        let ch = this.scanner.peek();
        if (stopChar !== EOF && ch === stopChar) {
          this.scanner.next();
          return { word: result, words: words.getWords() };
        }
        if (ch === 0x24 || (!this.opts.skipProcessQuotes && (ch === 0x27 || ch === 0x22))) {
          const tmp = ch === 0x24 ? this.processDollar() : ch === 0x27 ? this.processSingleQuote() : this.processDoubleQuote();
          result += tmp;
          if (ch === 0x24) words.addString(tmp);
          else words.addRawString(tmp);
          continue;
        }
        ch = this.scanner.next();
        if (ch === this.escape) {
          if (this.rawEscapes) {
            words.addRawChar(ch);
            result += str(ch);
          }
          // the escape token escapes the next character, except at the end
          ch = this.scanner.next();
          if (ch === EOF) break;
          words.addRawChar(ch);
        } else words.addChar(ch);
        result += str(ch);
      }
      if (stopChar !== EOF) throw new ShellError(`unexpected end of statement while looking for matching ${str(stopChar)}`);
      return { word: result, words: words.getWords() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  private processSingleQuote(): string {
    // All characters between single quotes are taken as they are; ' cannot be escaped.
    let result = '';
    let ch = this.scanner.next();
    if (this.opts.rawQuotes) result += str(ch);
    for (;;) {
      ch = this.scanner.next();
      if (ch === EOF) throw new ShellError('unexpected end of statement while looking for matching single-quote');
      if (ch === 0x27) {
        if (this.opts.rawQuotes) result += str(ch);
        return result;
      }
      result += str(ch);
    }
  }

  private processDoubleQuote(): string {
    // Literal except $, and the escape token before " $ or itself.
    let result = '';
    const open = this.scanner.next();
    if (this.opts.rawQuotes) result += str(open);
    for (;;) {
      const p = this.scanner.peek();
      if (p === EOF) throw new ShellError('unexpected end of statement while looking for matching double-quote');
      if (p === 0x22) {
        const ch = this.scanner.next();
        if (this.opts.rawQuotes) result += str(ch);
        return result;
      }
      if (p === 0x24) {
        result += this.processDollar();
        continue;
      }
      let ch = this.scanner.next();
      if (ch === this.escape) {
        if (this.rawEscapes) result += str(ch);
        const q = this.scanner.peek();
        if (q === EOF) continue; // ignore the escape at the end of the word
        if (q === 0x22 || q === 0x24 || q === this.escape) ch = this.scanner.next();
      }
      result += str(ch);
    }
  }

  private processDollar(): string {
    this.scanner.next();
    if (this.scanner.peek() !== 0x7b) {
      // $xxx
      const name = this.processName();
      if (name === '') return '$';
      const value = this.getEnv(name);
      if (value === undefined && this.opts.skipUnsetEnv) return `$${name}`;
      return value ?? '';
    }
    this.scanner.next();
    const first = this.scanner.peek();
    if (first === EOF) throw new ShellError("syntax error: missing '}'");
    if (first === 0x7b || first === 0x7d || first === 0x3a) throw new ShellError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.scanner.next();
    let chs = ch === EOF ? '\ufffd' : str(ch);
    switch (ch) {
      case 0x7d: {
        // ${xx}
        const value = this.getEnv(name);
        if (value === undefined && this.opts.skipUnsetEnv) return `\${${name}}`;
        return value ?? '';
      }
      case 0x3a:
      case 0x2b:
      case 0x2d:
      case 0x3f:
      case 0x23:
      case 0x25: {
        let nullIsUnset = false;
        if (ch === 0x3a) {
          nullIsUnset = true;
          ch = this.scanner.next();
          chs += ch === EOF ? '\ufffd' : str(ch);
        }
        const raw = ch === 0x23 || ch === 0x25;
        if (nullIsUnset && raw) throw new ShellError(`unsupported modifier (${chs}) in substitution`);
        let word = this.stopOnBrace(raw);
        const value = this.getEnv(name);
        if (this.opts.skipUnsetEnv && value === undefined) return `\${${name}${chs}${word}}`;
        const empty = value === undefined || (nullIsUnset && value === '');
        switch (ch) {
          case 0x2d:
            return empty ? word : value!;
          case 0x2b:
            return empty ? '' : word;
          case 0x3f:
            if (value === undefined) throw new ShellError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
            if (nullIsUnset && value === '') throw new ShellError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
            return value;
          case 0x25:
          case 0x23: {
            // %/# the shortest match, %%/## the longest
            let greedy = false;
            if (word.length > 0 && word.codePointAt(0) === ch) {
              greedy = true;
              word = word.slice(1);
            }
            try {
              return ch === 0x25 ? trimSuffix(word, value ?? '', greedy) : trimPrefix(word, value ?? '', greedy);
            } catch (e) {
              if (e instanceof PatternError) throw new ShellError(e.message);
              throw e;
            }
          }
          default:
            throw new ShellError(`unsupported modifier (${chs}) in substitution`);
        }
      }
      case 0x2f:
        return this.processReplace(name);
      default:
        throw new ShellError(`unsupported modifier (${chs}) in substitution`);
    }
  }

  /** processStopOn('}') with lex.go's error wording when the word runs out. */
  private stopOnBrace(rawEscapes: boolean): string {
    try {
      return this.processStopOn(0x7d, rawEscapes).word;
    } catch (e) {
      if (e instanceof ShellError && this.scanner.peek() === EOF) throw new ShellError("syntax error: missing '}'");
      throw e;
    }
  }

  /** ${v/p/r} and ${v//p/r}: the first / every match of the pattern (greedy) replaced. */
  private processReplace(name: string): string {
    const replaceAll = this.scanner.peek() === 0x2f;
    if (replaceAll) this.scanner.next();
    let pattern: string;
    try {
      pattern = this.processStopOn(0x2f, true).word;
    } catch (e) {
      if (e instanceof ShellError && this.scanner.peek() === EOF) throw new ShellError("syntax error: missing '/' in ${}");
      throw e;
    }
    const replacement = this.stopOnBrace(true);
    const value = this.getEnv(name);
    if (this.opts.skipUnsetEnv && value === undefined) return `\${${name}/${pattern}/${replacement}}`;
    let glob;
    try {
      glob = compileGlob(pattern);
    } catch (e) {
      if (e instanceof PatternError) throw new ShellError(`invalid pattern (${pattern}) in substitution: ${e.message}`);
      throw e;
    }
    const v = value ?? '';
    if (!replaceAll) {
      const m = findLeftmost(glob, v, 0);
      return m ? v.slice(0, m[0]) + replacement + v.slice(m[1]) : v;
    }
    return replaceAllGo(glob, v, replacement);
  }

  private processName(): string {
    // A name: letters, digits and _; a leading digit run is a positional parameter ($1, $10);
    // a special parameter ($@ $* $# $? $- $$ $! $0) is one character.
    let name = '';
    while (this.scanner.peek() !== EOF) {
      const ch = this.scanner.peek();
      if (name.length === 0 && isGoDigit(ch)) {
        while (this.scanner.peek() !== EOF && isGoDigit(this.scanner.peek())) name += str(this.scanner.next());
        return name;
      }
      if (name.length === 0 && isSpecialParam(ch)) return str(this.scanner.next());
      if (!isGoLetter(ch) && !isGoDigit(ch) && ch !== 0x5f) break;
      name += str(this.scanner.next());
    }
    return name;
  }

  private getEnv(name: string): string | undefined {
    const v = this.env.get(name);
    if (v !== undefined) this.matched.add(name);
    else this.unmatched.add(name);
    return v;
  }
}

/** shell.Lex: expands words against an environment. */
export class ShellLex {
  private readonly opts: Required<LexOptions>;
  constructor(options: LexOptions = {}) {
    this.opts = {
      escapeToken: options.escapeToken ?? '\\',
      rawQuotes: options.rawQuotes ?? false,
      rawEscapes: options.rawEscapes ?? false,
      skipProcessQuotes: options.skipProcessQuotes ?? false,
      skipUnsetEnv: options.skipUnsetEnv ?? false,
    };
  }

  /** Expand a word, keeping it one word (ProcessWordWithMatches). Throws ShellError. */
  processWordWithMatches(word: string, env: EnvGetter): ProcessWordResult {
    const sw = new ShellWord(word, env, this.opts);
    try {
      const r = sw.process();
      return { result: r.word, words: r.words, matched: sw.matched, unmatched: sw.unmatched };
    } catch (e) {
      if (e instanceof ShellError) throw new ShellError(`failed to process ${goQuote(word)}: ${e.message}`);
      throw e;
    }
  }

  /** ProcessWord: the expanded word. */
  processWord(word: string, env: EnvGetter): string {
    return this.processWordWithMatches(word, env).result;
  }

  /** ProcessWords: expanded, then split on unquoted whitespace. */
  processWords(word: string, env: EnvGetter): string[] {
    return this.processWordWithMatches(word, env).words;
  }
}
