/**
 * docs/pre-commit.md promises that `eslint --fix` in a pre-commit hook applies only
 * the safe autofixes and never a suggestion: the suggestion-only findings stay, for
 * a person to decide in the editor.
 */
import { ESLint, Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFor, invalidCases, root } from './helpers.js';

const fixture = path.join(root, 'tests', 'fixtures', 'ecosystem', 'pre-commit.js');
const eslint = (fix: boolean) =>
  new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: configFor('x.js'), ignore: false, fix });

describe('eslint --fix (ESLint API) as a pre-commit hook runs it', () => {
  it('applies the autofix and leaves the suggestion-only finding as it was', async () => {
    const source = readFileSync(fixture, 'utf8');
    const [before] = await eslint(false).lintFiles([fixture]);
    // Line 5: the softmax whose loss is written in compile() (autofix);
    // line 13: the softmax whose loss goes through lossFn (suggestion only).
    expect(before!.messages.map((m) => [m.ruleId, m.line, m.fix !== undefined, m.suggestions?.length ?? 0])).toEqual([
      ['tfjs/no-activation-before-logits-loss', 5, true, 1],
      ['tfjs/no-activation-before-logits-loss', 13, false, 1],
    ]);

    const [fixed] = await eslint(true).lintFiles([fixture]);
    const lines = source.split('\n');
    const expected = [...lines];
    expected[5] = "classifier.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });";
    expect(fixed!.output!.split('\n')).toEqual(expected);
    // The suggestion-only finding remains (with its suggestion) after --fix.
    expect(
      fixed!.messages.map((m) => [m.ruleId, m.line, m.column, m.fix !== undefined, m.suggestions?.length ?? 0]),
    ).toEqual([['tfjs/no-activation-before-logits-loss', 13, 55, false, 1]]);
  });

  it('never applies a suggestion on any invalid case, and every fixed file parses', () => {
    const linter = new Linter({ configType: 'flat' });
    for (const c of invalidCases()) {
      const messages = linter.verify(c.code, configFor(c.filename), c.filename);
      const { output, messages: after } = linter.verifyAndFix(c.code, configFor(c.filename), c.filename);
      expect(
        after.filter((m) => m.fatal),
        c.where,
      ).toEqual([]);
      if (!messages.some((m) => m.fix)) {
        // Suggestions only: --fix leaves the file byte for byte.
        expect(output, c.where).toBe(c.code);
        expect(after.length, c.where).toBe(messages.length);
      }
    }
  });
});
