// dive's three CI rules, with dive's defaults, parsing and comparisons, so a `.dive-ci` written
// for `dive --ci` gives the same verdict on the same figures. Ported from
// github.com/wagoodman/dive:
//   cmd/dive/cli/internal/command/ci/rules.go    (v0.13; runtime/ci/rule.go before it)
//     lowestEfficiency          ParseFloat, must be 0..1;  FAIL when threshold > efficiency
//     highestWastedBytes        humanize.ParseBytes;       FAIL when wastedBytes > threshold
//     highestUserWastedPercent  ParseFloat, must be 0..1;  FAIL when userWastedPercent > threshold
//     a value that is "", "disabled", "off" or "false" (trimmed, any case) disables the rule: SKIP
//   cmd/dive/cli/internal/options/ci_rules.go    defaults "0.9", "disabled", "0.1"
//   cmd/dive/cli/internal/command/ci/evaluator.go  a rule whose value does not parse makes the
//     whole run "CI Misconfigured" (nothing is judged); results are listed sorted by rule name.
// The figures a rule is judged on are computed elsewhere (ci/figures.ts): dive's own, or
// layerscope's (the default), and each result carries the other set's verdict too.

import { parseGoFloat, parseHumanizeBytes } from './ci/go-parse.ts';

export const RULE_KEYS = ['lowestEfficiency', 'highestWastedBytes', 'highestUserWastedPercent'] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

export const DEFAULT_RULES: Readonly<Record<RuleKey, string>> = {
  lowestEfficiency: '0.9',
  highestWastedBytes: 'disabled',
  highestUserWastedPercent: '0.1',
};

/** A rule's value and where it came from: "default", a config file path, or the flag. */
export interface RuleSetting {
  value: string;
  source: string;
}

export interface Rule {
  key: RuleKey;
  value: string;
  source: string;
  /** null when the rule is disabled */
  threshold: number | null;
}

export interface RuleProblem {
  key: RuleKey;
  source: string;
  problem: string;
}

/** The figures a rule compares: dive's definitions, whichever way they were computed. */
export interface JudgedFigures {
  /** 0..1 */
  efficiency: number;
  wastedBytes: number;
  /** a ratio (0.1 = 10%); may exceed 1, or be NaN/Infinity for dive on a one-layer image */
  userWastedPercent: number;
}

export type RuleStatus = 'PASS' | 'FAIL' | 'SKIP';

export interface RuleResult {
  key: RuleKey;
  status: RuleStatus;
  value: string;
  source: string;
  threshold: number | null;
  /** the figure the rule compared */
  figure: number;
  /** dive's message for a failure ("image efficiency is too low (…)"), "" otherwise */
  message: string;
  /** the verdict the other figure set would give */
  otherStatus: RuleStatus;
  otherFigure: number;
}

export function isRuleDisabled(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v === '' || v === 'disabled' || v === 'off' || v === 'false';
}

/** Turns settings into rules; every value that dive would refuse is a problem (dive: "CI Misconfigured"). */
export function buildRules(settings: Record<RuleKey, RuleSetting>): { rules: Rule[]; problems: RuleProblem[] } {
  const rules: Rule[] = [];
  const problems: RuleProblem[] = [];
  for (const key of RULE_KEYS) {
    const { value, source } = settings[key];
    if (isRuleDisabled(value)) {
      rules.push({ key, value, source, threshold: null });
      continue;
    }
    const parsed = key === 'highestWastedBytes' ? parseHumanizeBytes(value) : parseGoFloat(value);
    if (!parsed.ok) {
      problems.push({ key, source, problem: `invalid ${key} config value, given ${JSON.stringify(value)}: ${parsed.problem}` });
      continue;
    }
    if (key !== 'highestWastedBytes' && (parsed.value < 0 || parsed.value > 1)) {
      problems.push({ key, source, problem: `${key} config value is outside allowed range (0-1), given '${value}'` });
      continue;
    }
    rules.push({ key, value, source, threshold: parsed.value });
  }
  return { rules, problems };
}

function judge(key: RuleKey, threshold: number, f: JudgedFigures): { failed: boolean; figure: number } {
  switch (key) {
    case 'lowestEfficiency':
      return { failed: threshold > f.efficiency, figure: f.efficiency };
    case 'highestWastedBytes':
      return { failed: f.wastedBytes > threshold, figure: f.wastedBytes };
    case 'highestUserWastedPercent':
      // Go compares float64s: NaN > t is false (PASS), +Inf > t is true (FAIL), as dive does.
      return { failed: f.userWastedPercent > threshold, figure: f.userWastedPercent };
  }
}

function figureOf(key: RuleKey, f: JudgedFigures): number {
  return key === 'lowestEfficiency' ? f.efficiency : key === 'highestWastedBytes' ? f.wastedBytes : f.userWastedPercent;
}

/** dive's failure messages (rules.go), with the figure and threshold as dive prints them. */
function failMessage(key: RuleKey, figure: number, threshold: number): string {
  switch (key) {
    case 'lowestEfficiency':
      return `image efficiency is too low (efficiency=${figure.toFixed(2)} < threshold=${threshold})`;
    case 'highestWastedBytes':
      return `too many bytes wasted (wasted-bytes=${figure} > threshold=${threshold})`;
    case 'highestUserWastedPercent':
      return `too many bytes wasted, relative to the user bytes added (%-user-wasted-bytes=${figure.toFixed(2)} > threshold=${threshold})`;
  }
}

/** Judges every rule on `judged`, noting what `other` would say; sorted by rule name as dive lists them. */
export function evaluateRules(rules: Rule[], judged: JudgedFigures, other: JudgedFigures): RuleResult[] {
  const out = rules.map((r): RuleResult => {
    if (r.threshold === null) {
      const figure = figureOf(r.key, judged);
      return { key: r.key, status: 'SKIP', value: r.value, source: r.source, threshold: null, figure, message: '', otherStatus: 'SKIP', otherFigure: figureOf(r.key, other) };
    }
    const mine = judge(r.key, r.threshold, judged);
    const theirs = judge(r.key, r.threshold, other);
    return {
      key: r.key,
      status: mine.failed ? 'FAIL' : 'PASS',
      value: r.value,
      source: r.source,
      threshold: r.threshold,
      figure: mine.figure,
      message: mine.failed ? failMessage(r.key, mine.figure, r.threshold) : '',
      otherStatus: theirs.failed ? 'FAIL' : 'PASS',
      otherFigure: theirs.figure,
    };
  });
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function verdict(results: RuleResult[]): 'PASS' | 'FAIL' {
  return results.some((r) => r.status === 'FAIL') ? 'FAIL' : 'PASS';
}
