/**
 * Docs as tests: every ```js block under "#### ❌ Incorrect" in a rule's doc must be
 * reported by that rule alone, and every block under "#### ✅ Correct" must not.
 */
import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = path.join(import.meta.dirname, '..', '..');

/** The ```js blocks of each "#### ❌ Incorrect" / "#### ✅ Correct" section. */
function examples(markdown: string): { incorrect: string[]; correct: string[] } {
  const out = { incorrect: [] as string[], correct: [] as string[] };
  let section: 'incorrect' | 'correct' | undefined;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,4} /.test(line)) {
      section = line.startsWith('#### ❌') ? 'incorrect' : line.startsWith('#### ✅') ? 'correct' : undefined;
    } else if (section && line.startsWith('```js')) {
      const end = lines.indexOf('```', i + 1);
      out[section].push(lines.slice(i + 1, end).join('\n'));
      i = end;
    }
  }
  return out;
}

describe.each(Object.keys(plugin.rules))('docs/rules/%s.md examples', (id) => {
  const doc = examples(readFileSync(path.join(root, 'docs', 'rules', `${id}.md`), 'utf8'));
  const lint = (code: string) =>
    new Linter({ configType: 'flat' }).verify(
      code,
      [{ files: ['**/*.js'], plugins: { tfjs: plugin as never }, rules: { [`tfjs/${id}`]: 'error' }, languageOptions: { sourceType: 'module' } }],
      'example.js',
    );

  it('has incorrect and correct examples', () => {
    expect(doc.incorrect.length).toBeGreaterThan(0);
    expect(doc.correct.length).toBeGreaterThan(0);
  });
  it.each(doc.incorrect.map((c, i) => [i, c]))('❌ example %i is reported', (_i, code) => {
    const messages = lint(code as string);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(messages.filter((m) => m.ruleId === `tfjs/${id}`).length).toBeGreaterThan(0);
  });
  it.each(doc.correct.map((c, i) => [i, c]))('✅ example %i is not reported', (_i, code) => {
    expect(lint(code as string)).toEqual([]);
  });
});
