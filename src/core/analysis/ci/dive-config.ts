// Reads dive's CI rules file (`.dive-ci`, YAML). Its shape is flat, so a small reader does it
// instead of a YAML library:
//
//   rules:
//     lowestEfficiency: 0.95          # numbers, quoted strings, "disabled"
//     highestWastedBytes: 20MB
//     highestUserWastedPercent: "0.20"
//
// Keys: dive's documented camelCase names, and the kebab-case ones dive v0.13 reads
// (cmd/dive/cli/internal/options/ci_rules.go: lowest-efficiency-threshold, highest-wasted-bytes,
// highest-user-wasted-percent; its legacy test also maps lowest-efficiency), under `rules:` or at
// the top level. A value is kept as the text written (YAML decodes a number into dive's string
// field as its literal), so `0.90` stays "0.90" and parses as dive parses it (go-parse.ts).
// An empty value (`key:` or `key: ~`) is "", which dive v0.13 treats as disabled.
// Anything this reader does not understand (block scalars, flow maps, tabs, deeper nesting) is an
// error with its line, never a silent default.

import type { RuleKey } from '../ci-rules.ts';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

export interface ConfigValue {
  value: string;
  line: number;
}

export interface DiveCiConfig {
  values: Partial<Record<RuleKey, ConfigValue>>;
  /** keys that are not rules, ignored (as dive ignores them) */
  warnings: string[];
}

const KEY_ALIASES: Record<string, RuleKey> = {
  lowestEfficiency: 'lowestEfficiency',
  'lowest-efficiency': 'lowestEfficiency',
  'lowest-efficiency-threshold': 'lowestEfficiency',
  highestWastedBytes: 'highestWastedBytes',
  'highest-wasted-bytes': 'highestWastedBytes',
  highestUserWastedPercent: 'highestUserWastedPercent',
  'highest-user-wasted-percent': 'highestUserWastedPercent',
};

export function parseDiveCi(text: string): DiveCiConfig {
  const values: DiveCiConfig['values'] = {};
  const warnings: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let section: 'top' | 'rules' | 'ignored' = 'top';
  let nestedIndent = -1;
  lines.forEach((raw, i) => {
    const n = i + 1;
    const body = stripComment(raw, n);
    if (body.trim() === '' || /^(---|\.\.\.)\s*$/.test(body)) return;
    const indent = body.length - body.trimStart().length;
    if (/^ *\t/.test(body)) throw new ConfigError(n, 'a tab in the indentation (YAML allows only spaces)');
    const { key, value } = splitKey(body.trim(), n);
    if (indent === 0) {
      nestedIndent = -1;
      if (value === null && !KEY_ALIASES[key]) {
        section = key === 'rules' ? 'rules' : 'ignored';
        if (section === 'ignored') warnings.push(`line ${n}: "${key}" is not a CI rule; ignored`);
        return;
      }
      section = 'top';
      put(key, value ?? '', n);
      return;
    }
    if (section === 'top') throw new ConfigError(n, `"${key}" is indented under a key that has a value`);
    if (nestedIndent < 0) nestedIndent = indent;
    else if (indent !== nestedIndent) throw new ConfigError(n, `"${key}" is indented ${indent} spaces, its siblings ${nestedIndent}: deeper nesting is not part of a .dive-ci`);
    if (section === 'ignored') return;
    // `key:` alone is YAML null: "" for dive's string field, which v0.13 reads as disabled
    put(key, value ?? '', n);
  });
  return { values, warnings };

  function put(key: string, value: string, line: number): void {
    const rule = KEY_ALIASES[key];
    if (!rule) {
      warnings.push(`line ${line}: "${key}" is not a CI rule; ignored`);
      return;
    }
    values[rule] = { value, line };
  }
}

/** Drops a `#` comment: at the line start or after a space, outside quotes. */
function stripComment(line: string, n: number): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      // a quote opens a scalar only at its start (after "key: "); inside a plain scalar it is text
      const before = line.slice(0, i).trimEnd();
      if (before.endsWith(':') || before === '' || before.endsWith('-')) quote = c;
    } else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      return line.slice(0, i);
    }
  }
  if (quote) throw new ConfigError(n, `unterminated ${quote === '"' ? 'double' : 'single'}-quoted string`);
  return line;
}

/** "key: value" → key and the scalar's text; value null for "key:" that opens a block. */
function splitKey(s: string, n: number): { key: string; value: string | null } {
  if (s.startsWith('- ')) throw new ConfigError(n, 'a list item: the rules are a mapping of names to values');
  let key: string;
  let rest: string;
  if (s[0] === '"' || s[0] === "'") {
    const end = s.indexOf(s[0], 1);
    if (end < 0) throw new ConfigError(n, 'unterminated quoted key');
    key = s.slice(1, end);
    rest = s.slice(end + 1).trimStart();
    if (!rest.startsWith(':')) throw new ConfigError(n, `expected ":" after the key "${key}"`);
    rest = rest.slice(1);
  } else {
    const m = /^([^:\s][^:]*?)\s*:(\s|$)/.exec(s);
    if (!m) throw new ConfigError(n, `expected "key: value", got ${JSON.stringify(s)}`);
    key = m[1];
    rest = s.slice(m[0].length);
  }
  rest = rest.trim();
  if (rest === '') return { key, value: null };
  return { key, value: scalar(rest, n) };
}

function scalar(s: string, n: number): string {
  if (s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return '';
  if (s[0] === "'") {
    if (!s.endsWith("'") || s.length < 2) throw new ConfigError(n, `bad single-quoted value ${s}`);
    return s.slice(1, -1).replaceAll("''", "'");
  }
  if (s[0] === '"') {
    try {
      return JSON.parse(s) as string;
    } catch {
      throw new ConfigError(n, `bad double-quoted value ${s}`);
    }
  }
  if ('|>{[&*!%@`'.includes(s[0])) throw new ConfigError(n, `the value ${s} is a YAML form a .dive-ci does not use; write a plain or quoted scalar`);
  return s;
}
