// .dockerignore exactly as Docker and BuildKit read it: a port of moby/patternmatcher
// (patternmatcher.go: New, MatchesOrParentMatches, Pattern.compile/match) and its
// ignorefile/ignorefile.go (ReadAll). Rules:
// - lines starting with "#" are comments; blank lines are skipped; a UTF-8 BOM is dropped;
// - each pattern is trimmed, cleaned like Go's filepath.Clean, and a leading "/" removed;
//   "!" makes it an exception (re-include);
// - "**" matches any number of directories, "*" and "?" never match "/", "[…]" as in
//   filepath.Match, "\" escapes;
// - a path is excluded when the LAST pattern that matches it (or one of its parent directories)
//   is not an exception.
// https://github.com/moby/patternmatcher/blob/main/patternmatcher.go
// https://github.com/moby/patternmatcher/blob/main/ignorefile/ignorefile.go

/** Go's path.Clean for '/'-separated paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

/** ignorefile.ReadAll: the patterns of a .dockerignore file. */
export function readIgnoreFile(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    let line = raw.replace(/\r$/, '');
    if (i === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    if (line.startsWith('#')) return;
    let pattern = line.trim();
    if (pattern === '') return;
    const invert = pattern[0] === '!';
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern[0] === '/') pattern = pattern.slice(1);
    }
    out.push(invert ? `!${pattern}` : pattern);
  });
  return out;
}

type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

interface Pattern {
  cleaned: string;
  exclusion: boolean;
  type: MatchType;
  regexp: RegExp | null;
}

/** Characters escaped in the regex that are not filepath pattern characters (shouldEscape). */
const ESCAPE = new Set('.+()|{}$');

function compile(cleaned: string): { type: MatchType; regexp: RegExp | null } {
  let reg = '^';
  let type: MatchType = 'exact';
  const chars = Array.from(cleaned);
  // `iter` is the Go loop's counter: one per scanner step, so "**" at the very start is iter 0.
  for (let i = 0, iter = 0; i < chars.length; i++, iter++) {
    const ch = chars[i];
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) {
          if (type === 'exact') type = 'prefix';
          else {
            reg += '.*';
            type = 'regexp';
          }
        } else {
          reg += '(.*/)?';
          type = 'regexp';
        }
        if (iter === 0) type = 'suffix';
      } else {
        reg += '[^/]*';
        type = 'regexp';
      }
    } else if (ch === '?') {
      reg += '[^/]';
      type = 'regexp';
    } else if (ESCAPE.has(ch)) {
      reg += `\\${ch}`;
    } else if (ch === '\\') {
      if (i + 1 < chars.length) {
        reg += `\\${chars[++i]}`;
        type = 'regexp';
      } else reg += '\\\\';
    } else if (ch === '[' || ch === ']') {
      reg += ch;
      type = 'regexp';
    } else {
      reg += ch;
    }
  }
  if (type !== 'regexp') return { type, regexp: null };
  return { type, regexp: new RegExp(`${reg}$`) };
}

function matchOne(p: Pattern, path: string): boolean {
  switch (p.type) {
    case 'exact':
      return path === p.cleaned;
    case 'prefix':
      return path.startsWith(p.cleaned.slice(0, -2));
    case 'suffix': {
      const suffix = p.cleaned.slice(2);
      if (path.endsWith(suffix)) return true;
      return suffix[0] === '/' && path === suffix.slice(1);
    }
    case 'regexp':
      return p.regexp!.test(path);
  }
}

export class IgnoreMatcher {
  private readonly patterns: Pattern[] = [];

  /** Throws when a pattern is malformed, as Docker refuses the build then. */
  constructor(patterns: readonly string[]) {
    for (let raw of patterns) {
      raw = raw.trim();
      if (raw === '') continue;
      raw = cleanPath(raw);
      let exclusion = false;
      if (raw[0] === '!') {
        if (raw.length === 1) throw new Error('illegal exclusion pattern: "!"');
        exclusion = true;
        raw = raw.slice(1);
      }
      let compiled;
      try {
        compiled = compile(raw);
      } catch {
        throw new Error(`syntax error in pattern: ${raw}`);
      }
      this.patterns.push({ cleaned: raw, exclusion, ...compiled });
    }
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** Is this context path (relative, '/'-separated) excluded? The root never is. */
  excludes(file: string): boolean {
    file = cleanPath(file);
    return file !== '.' && this.matchesOrParentMatches(file);
  }

  /** MatchesOrParentMatches, as written in patternmatcher.go (the path is not cleaned). */
  matchesOrParentMatches(file: string): boolean {
    let matched = false;
    const i = file.lastIndexOf('/');
    const parentPath = i < 0 ? '.' : file.slice(0, i);
    const parentDirs = parentPath.split('/');
    for (const p of this.patterns) {
      if (p.exclusion !== matched) continue;
      let match = matchOne(p, file);
      if (!match && parentPath !== '.') {
        for (let k = 0; k < parentDirs.length && !match; k++) match = matchOne(p, parentDirs.slice(0, k + 1).join('/'));
      }
      if (match) matched = !p.exclusion;
    }
    return matched;
  }
}
