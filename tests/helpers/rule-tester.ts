/**
 * Run a rule's cases under both parsers users have: ESLint's default (espree, on
 * .js) and @typescript-eslint/parser (on .ts). Cases marked `tsOnly` use TS syntax
 * and run under the TS parser only.
 *
 * Every rule test also gets the reliability checks (tests/reliability/harness.ts),
 * with every rule of the plugin enabled: each invalid case's fixes (ESLint's fix
 * loop) and suggestions parse, keep every comment, are stable, and the fixed report
 * is gone; each valid case lints without a crash and this rule stays silent.
 */
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { checkFixes, lint, writeSummary, type ParserName } from '../reliability/harness.js';

type Only = { tsOnly?: boolean };
export type Valid = (ValidTestCase<[]> & Only) | string;
export type Invalid<M extends string> = InvalidTestCase<M, []> & Only;

const ts = new RuleTester();
const js = new RuleTester({
  languageOptions: { parser: espree as never, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
  defaultFilenames: { ts: 'file.js', tsx: 'file.jsx' },
});

export function runRule<M extends string>(
  name: string,
  rule: TSESLint.RuleModule<M, []>,
  tests: { valid: Valid[]; invalid: Invalid<M>[] },
): void {
  const strip = <T extends Only>(t: T | string) => {
    if (typeof t === 'string') return t;
    const { tsOnly: _t, ...rest } = t;
    return rest;
  };
  describe('@typescript-eslint/parser', () =>
    ts.run(name, rule as never, {
      valid: tests.valid.map(strip) as ValidTestCase<[]>[],
      invalid: tests.invalid.map(strip) as InvalidTestCase<M, []>[],
    }));
  describe('espree', () =>
    js.run(name, rule as never, {
      valid: tests.valid.filter((t) => typeof t === 'string' || !t.tsOnly).map(strip) as ValidTestCase<[]>[],
      invalid: tests.invalid.filter((t) => typeof t === 'string' || !t.tsOnly).map(strip) as InvalidTestCase<M, []>[],
    }));

  // One reliability check per rule, over every case and parser; a failure names the case.
  it('reliability with every rule: fixes and suggestions are safe, valid cases silent', { timeout: 300_000 }, () => {
    const figures = { invalidCases: 0, validCases: 0, fixesApplied: 0, suggestionsApplied: 0 };
    const settingsOf = (t: { settings?: unknown } | string) =>
      typeof t === 'string' ? undefined : (t.settings as Record<string, unknown> | undefined);
    const parsersOf = (t: Only | string): ParserName[] =>
      typeof t !== 'string' && t.tsOnly ? ['typescript'] : ['espree', 'typescript'];
    const problems: string[] = [];
    tests.invalid.forEach((t, i) => {
      for (const parser of parsersOf(t)) {
        const result = checkFixes(t.code, { parser, settings: settingsOf(t) });
        problems.push(...result.problems.map((p) => `invalid #${i} (${parser}): ${p}`));
        figures.invalidCases += 1;
        figures.fixesApplied += result.fixesApplied;
        figures.suggestionsApplied += result.suggestionsApplied;
      }
    });
    tests.valid.forEach((t, i) => {
      const code = typeof t === 'string' ? t : t.code;
      for (const parser of parsersOf(t)) {
        const messages = lint(code, { parser, settings: settingsOf(t) });
        figures.validCases += 1;
        for (const m of messages.filter((m) => m.fatal || !m.ruleId || m.ruleId === `tfjs/${name}`))
          problems.push(`valid #${i} (${parser}): ${m.ruleId ?? 'fatal'} ${m.message}`);
      }
    });
    writeSummary(`rule-${name}`, figures);
    expect(problems).toEqual([]);
  });
}
