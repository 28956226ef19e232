/**
 * Run a rule's cases under both parsers users have: ESLint's default (espree, on
 * .js) and @typescript-eslint/parser (on .ts). Cases marked `tsOnly` use TS syntax
 * and run under the TS parser only.
 */
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import * as espree from 'espree';
import { describe } from 'vitest';

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
  describe('@typescript-eslint/parser', () => ts.run(name, rule as never, {
    valid: tests.valid.map(strip) as ValidTestCase<[]>[],
    invalid: tests.invalid.map(strip) as InvalidTestCase<M, []>[],
  }));
  describe('espree', () => js.run(name, rule as never, {
    valid: tests.valid.filter((t) => typeof t === 'string' || !t.tsOnly).map(strip) as ValidTestCase<[]>[],
    invalid: tests.invalid.filter((t) => typeof t === 'string' || !t.tsOnly).map(strip) as InvalidTestCase<M, []>[],
  }));
}
