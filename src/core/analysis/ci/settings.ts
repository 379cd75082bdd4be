// Where each rule's value comes from: dive's defaults, then the `.dive-ci` file, then a flag
// (flags win, so one CI job can tighten a shared file). Each setting names its source so the
// report can say "0.95 from .dive-ci line 3" and a bad value points at the line to fix.

import { InputError } from '../../errors.ts';
import { buildRules, DEFAULT_RULES, RULE_KEYS, type Rule, type RuleKey, type RuleSetting } from '../ci-rules.ts';
import { ConfigError, parseDiveCi, type DiveCiConfig } from './dive-config.ts';

export interface RuleFlag {
  value: string;
  /** the flag as written, e.g. "--lowest-efficiency" */
  flag: string;
}

export function ruleSettings(file: { path: string; config: DiveCiConfig } | null, flags: Partial<Record<RuleKey, RuleFlag>>): Record<RuleKey, RuleSetting> {
  const out = {} as Record<RuleKey, RuleSetting>;
  for (const key of RULE_KEYS) {
    const flag = flags[key];
    const fromFile = file?.config.values[key];
    if (flag) out[key] = { value: flag.value, source: flag.flag };
    else if (file && fromFile) out[key] = { value: fromFile.value, source: `${file.path} line ${fromFile.line}` };
    else out[key] = { value: DEFAULT_RULES[key], source: 'default' };
  }
  return out;
}

/** Parses a `.dive-ci` text; a line it cannot read is an InputError naming the file and line. */
export function readDiveCi(path: string, text: string): DiveCiConfig {
  try {
    return parseDiveCi(text);
  } catch (e) {
    if (e instanceof ConfigError) throw new InputError(path, `line ${e.line}`, e.problem);
    throw e;
  }
}

/** The rules, or an InputError listing every value dive would refuse ("CI Misconfigured"). */
export function rulesOrThrow(settings: Record<RuleKey, RuleSetting>): Rule[] {
  const { rules, problems } = buildRules(settings);
  if (problems.length) {
    const first = problems[0];
    const more = problems.slice(1).map((p) => `; ${p.source}: ${p.problem}`).join('');
    throw new InputError(first.source, null, `CI misconfigured: ${first.problem}${more}`);
  }
  return rules;
}
