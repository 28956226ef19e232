/**
 * no-leaked-tensor's evidence: each ❌ example of its doc, run as written, leaves
 * `tf.memory().numTensors` growing by exactly as many tensors per run as the rule's
 * reports count, its ✅ twin stays flat, and the doc quotes these figures.
 */
import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  docExamples,
  LEAK_DOC,
  LEAK_END,
  LEAK_START,
  measureLeaks,
  renderLeakEvidence,
  withLeakEvidence,
  type LeakEvidence,
} from '../../scripts/evidence-leaks.mjs';
import plugin from '../../src/index.js';

const doc = readFileSync(LEAK_DOC, 'utf8');
const examples = docExamples(doc);
let evidence: LeakEvidence;

beforeAll(async () => {
  evidence = await measureLeaks(doc);
}, 120_000);

/** The tensors per run the rule counts in its reports on `code`. */
function reportedPerRun(code: string): number {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        plugins: { tfjs: plugin as never },
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
        rules: { 'tfjs/no-leaked-tensor': 'error' },
      },
    ],
    'example.js',
  );
  return messages.reduce((sum, m) => sum + Number(/ make(?:s)? (\d+) tensors? /.exec(m.message)?.[1] ?? NaN), 0);
}

describe('no-leaked-tensor doc examples, run', () => {
  it('pairs every ❌ example with a ✅ one, three kinds of repetition', () => {
    expect(examples.invalid.length).toBe(5);
    expect(examples.valid.length).toBe(5);
    expect(evidence.rows.map((r) => r.driver)).toEqual(['frames', 'loop', 'epochs', 'loop', 'loop']);
  });

  it.each([0, 1, 2, 3, 4])('example %i: ❌ grows by what the rule counts per run, ✅ stays flat', (i) => {
    const row = evidence.rows[i]!;
    expect(row.buggy.runs).toBeGreaterThanOrEqual(50);
    expect(row.fixed.runs).toBe(row.buggy.runs);
    expect(row.buggy.perRun).toBeGreaterThan(0);
    expect(row.buggy.growth).toBe(row.buggy.perRun * (row.buggy.runs - 1));
    expect(row.buggy.perRun).toBe(reportedPerRun(examples.invalid[i]!));
    expect(row.fixed.growth).toBe(0);
    expect(reportedPerRun(examples.valid[i]!)).toBe(0);
  });

  it('the doc quotes the measurement', () => {
    expect(doc).toContain(LEAK_START);
    expect(doc).toContain(LEAK_END);
    expect(withLeakEvidence(doc, renderLeakEvidence(evidence))).toBe(doc);
  });
});
