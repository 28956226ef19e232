/**
 * The fix-safety promise "`--fix` never changes the model" (harness.ts `autofixesOfModel`): an autofix
 * whose range touches a layer call or a layer's activation/units is a problem; one that edits only the
 * compile call is not. Checked on hand-made messages, so the check itself is known to bite.
 */
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { autofixesOfModel, modelSpans, PARSERS_FOR_TEST } from './harness.js';

const CODE = `import * as tf from '@tensorflow/tfjs';
const cfg = {units: 3, activation: 'softmax'};
const m = tf.sequential({layers: [tf.layers.dense({units: 4, inputShape: [2]}), tf.layers.dense(cfg)]});
m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
`;

const at = (needle: string, text = needle): [number, number] => {
  const start = CODE.indexOf(needle);
  return [start, start + text.length];
};
const message = (range: [number, number], text: string): Linter.LintMessage =>
  ({ ruleId: 'tfjs/x', message: '', line: 1, column: 1, severity: 2, fix: { range, text } }) as Linter.LintMessage;

describe.each(PARSERS_FOR_TEST)('autofix scope (%s)', (parser) => {
  it('finds every layer call and every activation/units property', () => {
    const spans = modelSpans(CODE, parser).map((s) => CODE.slice(s.range[0], s.range[1]));
    expect(spans).toEqual([
      'units: 3',
      "activation: 'softmax'",
      'tf.layers.dense({units: 4, inputShape: [2]})',
      'units: 4',
      'tf.layers.dense(cfg)',
    ]);
  });
  it('flags an autofix inside a layer config, also one held in a variable, and an insertion into a layer call', () => {
    expect(autofixesOfModel(CODE, parser, [message(at("'softmax'"), "'linear'")])).toHaveLength(1);
    expect(autofixesOfModel(CODE, parser, [message(at('units: 4'), 'units: 5')])).toHaveLength(1);
    const inside = CODE.indexOf('inputShape: [2]}') + 'inputShape: [2]'.length;
    expect(autofixesOfModel(CODE, parser, [message([inside, inside], ", activation: 'softmax'")])).toHaveLength(1);
  });
  it('lets an autofix of the compile call through', () => {
    expect(
      autofixesOfModel(CODE, parser, [message(at('tf.losses.softmaxCrossEntropy'), "'categoricalCrossentropy'")]),
    ).toEqual([]);
  });
});
