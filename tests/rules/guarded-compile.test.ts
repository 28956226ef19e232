/**
 * A `compile` written under a condition in its model's creation function meets only
 * the outputs of the paths where that condition holds (real code: `if (!useDefaultModel)
 * { model.add(softmax head); model.compile(...) }`): the path that skips the head
 * compiles nothing, so its earlier layer is no output of this compile.
 */
import rule from '../../src/rules/no-missing-output-activation.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

runRule('no-missing-output-activation', rule, {
  valid: [
    // The head and the compile under one condition (a parameter): softmax on every compiled path.
    TF +
      `export function createModel(fail) {
  const model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [784], units: 128, activation: 'relu'}));
  if (!fail) {
    model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
    model.compile({optimizer: 'rmsprop', loss: 'categoricalCrossentropy'});
  }
  return model;
}`,
    // The same under a flag set in an if: one condition key, read twice.
    TF +
      `export function createModel(cfg) {
  const custom = cfg.custom === true;
  const model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [4], units: 8, activation: 'relu'}));
  if (custom) model.add(tf.layers.dense({units: 3, activation: 'softmax'}));
  if (custom) model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
  return model;
}`,
  ],
  invalid: [
    {
      // The compile is not under the head's condition: without the head the relu layer is the output.
      // No edit of it: with the head it is a hidden layer.
      code:
        TF +
        `export function createModel(withHead) {
  const model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [784], units: 10, activation: 'relu'}));
  if (withHead) model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
  model.compile({optimizer: 'rmsprop', loss: 'categoricalCrossentropy'});
  return model;
}`,
      errors: [{ messageId: 'notProbabilities', line: 4, suggestions: [] }],
    },
    {
      // Under the condition, the last add is the relu layer itself: a bug on every compiled path.
      code:
        TF +
        `export function createModel(fail) {
  const model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [784], units: 128, activation: 'softmax'}));
  if (!fail) {
    model.add(tf.layers.dense({units: 10, activation: 'relu'}));
    model.compile({optimizer: 'rmsprop', loss: 'categoricalCrossentropy'});
  }
  return model;
}`,
      errors: [
        {
          messageId: 'notProbabilities',
          line: 6,
          suggestions: [
            {
              messageId: 'addActivation',
              data: { activation: 'softmax' },
              output:
                TF +
                `export function createModel(fail) {
  const model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [784], units: 128, activation: 'softmax'}));
  if (!fail) {
    model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
    model.compile({optimizer: 'rmsprop', loss: 'categoricalCrossentropy'});
  }
  return model;
}`,
            },
          ],
        },
      ],
    },
  ],
});
