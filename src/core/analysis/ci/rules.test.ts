// dive's rule values and comparisons: go-humanize ParseBytes, strconv.ParseFloat, the .dive-ci
// reader, the 0..1 ranges, "disabled", and the PASS/FAIL edges (equal is a pass, as in rules.go).

import { describe, expect, it } from 'vitest';
import { buildRules, DEFAULT_RULES, evaluateRules, isRuleDisabled, verdict, type RuleKey, type RuleSetting } from '../ci-rules.ts';
import { ConfigError, parseDiveCi } from './dive-config.ts';
import { parseGoFloat, parseHumanizeBytes } from './go-parse.ts';
import { ruleSettings } from './settings.ts';

const ok = (v: number) => ({ ok: true, value: v });

describe('humanize.ParseBytes', () => {
  it.each([
    ['20MB', 20_000_000],
    ['2MiB', 2_097_152],
    ['20 mb', 20_000_000],
    ['1,000', 1000],
    ['1.5KiB', 1536],
    ['42', 42],
    ['0', 0],
    ['3k', 3000],
    ['1.9999b', 1], // uint64(f) truncates
  ])('%s = %d', (s, n) => expect(parseHumanizeBytes(s)).toEqual(ok(n)));

  it.each(['MB', '20 megabytes', '-1MB', ' 20MB', '1e3MB'])('refuses %s', (s) => expect(parseHumanizeBytes(s).ok).toBe(false));
});

describe('strconv.ParseFloat', () => {
  it.each([['0.9', 0.9], ['.9', 0.9], ['9e-1', 0.9], ['+0.90', 0.9], ['1', 1]])('%s', (s, n) => expect(parseGoFloat(s)).toEqual(ok(n)));
  it.each(['', ' 0.9', '0.9 ', '90%', 'abc', '0x1p-1', 'NaN'])('refuses %j', (s) => expect(parseGoFloat(s).ok).toBe(false));
});

describe('.dive-ci reader', () => {
  it("reads dive's documented file, comments and quotes", () => {
    const c = parseDiveCi(
      ['# gate', 'rules:', '  # the score', '  lowestEfficiency: 0.95 # at least', '  highestWastedBytes: "20MB"', "  highestUserWastedPercent: '0.20'", ''].join('\n'),
    );
    expect(c.values).toEqual({
      lowestEfficiency: { value: '0.95', line: 4 },
      highestWastedBytes: { value: '20MB', line: 5 },
      highestUserWastedPercent: { value: '0.20', line: 6 },
    });
    expect(c.warnings).toEqual([]);
  });

  it("reads dive v0.13's kebab-case keys, at the top level too, and CRLF", () => {
    const c = parseDiveCi('lowest-efficiency-threshold: 0.5\r\nhighest-wasted-bytes: disabled\r\n');
    expect(c.values.lowestEfficiency?.value).toBe('0.5');
    expect(c.values.highestWastedBytes?.value).toBe('disabled');
  });

  it('keeps the literal text of a number and reads an empty value as ""', () => {
    const c = parseDiveCi('rules:\n  lowestEfficiency: 0.90\n  highestUserWastedPercent:\n');
    expect(c.values.lowestEfficiency?.value).toBe('0.90');
    expect(c.values.highestUserWastedPercent?.value).toBe('');
  });

  it('warns about keys that are not rules', () => {
    const c = parseDiveCi('rules:\n  lowestEfficency: 0.9\nlog:\n  level: debug\n');
    expect(c.warnings).toEqual(['line 2: "lowestEfficency" is not a CI rule; ignored', 'line 3: "log" is not a CI rule; ignored']);
  });

  it.each([
    ['rules:\n\tlowestEfficiency: 0.9', 2, /tab/],
    ['rules:\n  lowestEfficiency: |\n    0.9', 2, /YAML form/],
    ['rules:\n  lowestEfficiency: "0.9', 2, /unterminated/],
    ['rules:\n  lowestEfficiency: 0.9\n    deeper: 1', 3, /indented/],
    ['rules: {lowestEfficiency: 0.9}', 1, /YAML form/],
  ])('refuses %j at line %d', (text, line, re) => {
    try {
      parseDiveCi(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).line).toBe(line);
      expect((e as ConfigError).problem).toMatch(re);
    }
  });
});

function settings(over: Partial<Record<RuleKey, string>>): Record<RuleKey, RuleSetting> {
  const s = {} as Record<RuleKey, RuleSetting>;
  for (const k of Object.keys(DEFAULT_RULES) as RuleKey[]) s[k] = { value: over[k] ?? DEFAULT_RULES[k], source: over[k] ? 'test' : 'default' };
  return s;
}

describe('rules', () => {
  it('disabled spellings of dive v0.13', () => {
    for (const v of ['', 'disabled', ' Disabled ', 'off', 'FALSE']) expect(isRuleDisabled(v)).toBe(true);
    expect(isRuleDisabled('0')).toBe(false);
  });

  it("dive's defaults: lowestEfficiency 0.9, highestWastedBytes disabled, highestUserWastedPercent 0.1", () => {
    const { rules, problems } = buildRules(settings({}));
    expect(problems).toEqual([]);
    expect(rules.map((r) => [r.key, r.threshold])).toEqual([
      ['lowestEfficiency', 0.9],
      ['highestWastedBytes', null],
      ['highestUserWastedPercent', 0.1],
    ]);
  });

  it('a value out of 0..1 or unparsable is a misconfiguration, per rule', () => {
    const { problems } = buildRules(settings({ lowestEfficiency: '1.5', highestWastedBytes: '20 zettabytes', highestUserWastedPercent: 'x' }));
    expect(problems.map((p) => p.key)).toEqual(['lowestEfficiency', 'highestWastedBytes', 'highestUserWastedPercent']);
    expect(problems[0].problem).toMatch(/outside allowed range \(0-1\)/);
    expect(problems[1].problem).toMatch(/unhandled size name: zettabytes/);
  });

  it('compares as dive: equal passes, the other figure set is judged too, results sorted by name', () => {
    const { rules } = buildRules(settings({ lowestEfficiency: '0.5', highestWastedBytes: '1KB', highestUserWastedPercent: '0.25' }));
    const mine = { efficiency: 0.5, wastedBytes: 1000, userWastedPercent: 0.25 };
    const theirs = { efficiency: 0.49, wastedBytes: 1001, userWastedPercent: 0.26 };
    const r = evaluateRules(rules, mine, theirs);
    expect(r.map((x) => `${x.key} ${x.status} ${x.otherStatus}`)).toEqual([
      'highestUserWastedPercent PASS FAIL',
      'highestWastedBytes PASS FAIL',
      'lowestEfficiency PASS FAIL',
    ]);
    expect(verdict(r)).toBe('PASS');
    const failed = evaluateRules(rules, theirs, mine);
    expect(verdict(failed)).toBe('FAIL');
    expect(failed.find((x) => x.key === 'lowestEfficiency')!.message).toBe('image efficiency is too low (efficiency=0.49 < threshold=0.5)');
  });

  it("reads Go's NaN and +Inf as dive does: NaN passes, +Inf fails", () => {
    const { rules } = buildRules(settings({}));
    const nan = evaluateRules(rules, { efficiency: 1, wastedBytes: 0, userWastedPercent: NaN }, { efficiency: 1, wastedBytes: 0, userWastedPercent: Infinity });
    const user = nan.find((x) => x.key === 'highestUserWastedPercent')!;
    expect([user.status, user.otherStatus]).toEqual(['PASS', 'FAIL']);
  });

  it('flags beat the file, the file beats the defaults', () => {
    const file = { path: '.dive-ci', config: parseDiveCi('rules:\n  lowestEfficiency: 0.8\n  highestWastedBytes: 1MB\n') };
    const s = ruleSettings(file, { lowestEfficiency: { value: '0.7', flag: '--lowest-efficiency' } });
    expect(s).toEqual({
      lowestEfficiency: { value: '0.7', source: '--lowest-efficiency' },
      highestWastedBytes: { value: '1MB', source: '.dive-ci line 3' },
      highestUserWastedPercent: { value: '0.1', source: 'default' },
    });
  });
});
