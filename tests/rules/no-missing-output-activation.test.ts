import rule from '../../src/rules/no-missing-output-activation.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

/**
 * The report's data: the loss as shown, its line, the activation it needs, the output's line, and the
 * line reported at (default: the output's); the message does not repeat the line reported at.
 */
const data = (loss: string, line: number, activation: string, outputLine: number, at = outputLine) => ({
  output: outputLine === at ? '' : ` (line ${outputLine})`,
  loss,
  where: line === at ? '' : ` (line ${line})`,
  activation,
});

runRule('no-missing-output-activation', rule, {
  valid: [
    // Softmax output with the categorical loss: correct.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 10, activation: 'softmax', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    // Logits with the loss that takes logits: correct.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 10, inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    // Regression: a linear output is what MSE wants.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'linear', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'meanSquaredError'});`,
    // 'poisson' takes positive values, not probabilities: not this rule.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'poisson'});`,
    // The softmax is a separate layer after the linear dense.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 10, inputShape: [4]}));
m.add(tf.layers.softmax());
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    // Another activation (relu) is not a missing one.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 10, activation: 'relu', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    // Activation from a parameter, and from a spread config: unknown.
    TF +
      `export function build(act, cfg) {
  const a = tf.sequential({layers: [tf.layers.dense({units: 10, activation: act, inputShape: [4]})]});
  a.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
  const b = tf.sequential({layers: [tf.layers.dense({...cfg, units: 10})]});
  b.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
}`,
    // A loss from a parameter: unknown.
    TF +
      `export function train(loss) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 10, inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss});
}`,
    // A loaded model: the topology is unknown.
    TF +
      `export async function train() {
  const m = await tf.loadLayersModel('file://model.json');
  m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
}`,
    // Activation and loss chosen by the same condition: linear only with MSE.
    TF +
      `export function build(isClf) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: isClf ? 'softmax' : 'linear', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: isClf ? 'categoricalCrossentropy' : 'meanSquaredError'});
}`,
    // A categorical loss on a 1-unit output: no-categorical-loss-single-unit reports it.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    // Custom training: logits into the loss that takes logits; and a 1-unit model with a
    // categorical loss (no-categorical-loss-single-unit's case).
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]})]});
const n = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
export const lossM = (xs, ys) => tf.losses.softmaxCrossEntropy(ys, m.predict(xs));
export const lossN = (xs, ys) => tf.metrics.categoricalCrossentropy(ys, n.predict(xs));`,
  ],
  invalid: [
    {
      // The canonical bug: a linear output with the categorical loss. No autofix (`--fix` never edits a
      // layer): softmax and the logits loss are suggested.
      code:
        TF +
        `const model = tf.sequential();
model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [4]}));
model.add(tf.layers.dense({units: 10}));
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          data: data("`'categoricalCrossentropy'`", 5, 'softmax', 4),
          line: 4,
          column: 11,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'addActivation',
              output:
                TF +
                `const model = tf.sequential();
model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [4]}));
model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
            },
            {
              messageId: 'useLogitsLoss',
              data: { replacement: 'tf.losses.softmaxCrossEntropy', fused: 'softmax' },
              output:
                TF +
                `const model = tf.sequential();
model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [4]}));
model.add(tf.layers.dense({units: 10}));
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy, metrics: ['accuracy']});`,
            },
          ],
        },
      ],
    },
    {
      // `activation: 'linear'` written on a 1-unit output with the binary loss: the literal becomes 'sigmoid'.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'linear', inputShape: [4]})]});
m.compile({optimizer: 'sgd', loss: 'binaryCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          data: data("`'binaryCrossentropy'`", 3, 'sigmoid', 2),
          line: 2,
          column: 74,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'addActivation',
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]})]});
m.compile({optimizer: 'sgd', loss: 'binaryCrossentropy'});`,
            },
            {
              messageId: 'useLogitsLoss',
              data: { replacement: 'tf.losses.sigmoidCrossEntropy', fused: 'sigmoid' },
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'linear', inputShape: [4]})]});
m.compile({optimizer: 'sgd', loss: tf.losses.sigmoidCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // A multi-line config with a trailing comma and comments: the property goes on its own
      // line after the comments. Sparse labels: no logits loss to suggest (TF.js has none).
      code:
        TF +
        `const model = tf.sequential();
model.add(tf.layers.dense({
  units: 3, // three classes
  inputShape: [4], // features
}));
model.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          data: data("`'sparseCategoricalCrossentropy'`", 7, 'softmax', 3),
          line: 3,
          column: 11,
          suggestions: [
            {
              messageId: 'addActivation',
              output:
                TF +
                `const model = tf.sequential();
model.add(tf.layers.dense({
  units: 3, // three classes
  inputShape: [4], // features
  activation: 'softmax',
}));
model.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // A multi-line config without a trailing comma: a comma is added after the last property.
      code:
        TF +
        `const layer = tf.layers.dense({
  units: 3,
  inputShape: [4]
});
const m = tf.sequential({layers: [layer]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          data: data("`'categoricalCrossentropy'`", 7, 'softmax', 2),
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'addActivation',
              output:
                TF +
                `const layer = tf.layers.dense({
  units: 3,
  inputShape: [4],
  activation: 'softmax'
});
const m = tf.sequential({layers: [layer]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
            },
            {
              messageId: 'useLogitsLoss',
              output:
                TF +
                `const layer = tf.layers.dense({
  units: 3,
  inputShape: [4]
});
const m = tf.sequential({layers: [layer]});
m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // KL divergence compares distributions: softmax is the likely fix, but only suggested.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 4, inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'kullbackLeiblerDivergence'});`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          data: data("`'kullbackLeiblerDivergence'`", 3, 'softmax', 2),
          line: 2,
          column: 35,
          suggestions: [
            {
              messageId: 'addActivation',
              data: { activation: 'softmax' },
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 4, inputShape: [4], activation: 'softmax'})]});
m.compile({optimizer: 'adam', loss: 'kullbackLeiblerDivergence'});`,
            },
          ],
        },
      ],
    },
    {
      // tf.metrics.categoricalCrossentropy with named imports: the logits loss is written
      // with the file's own \`losses\` binding.
      code: `import {sequential, layers, losses, metrics} from '@tensorflow/tfjs';
const m = sequential();
m.add(layers.dense({units: 5, inputShape: [2]}));
m.compile({optimizer: 'adam', loss: metrics.categoricalCrossentropy});`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          data: data('`tf.metrics.categoricalCrossentropy`', 4, 'softmax', 3),
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'addActivation',
              output: `import {sequential, layers, losses, metrics} from '@tensorflow/tfjs';
const m = sequential();
m.add(layers.dense({units: 5, inputShape: [2], activation: 'softmax'}));
m.compile({optimizer: 'adam', loss: metrics.categoricalCrossentropy});`,
            },
            {
              messageId: 'useLogitsLoss',
              data: { replacement: 'losses.softmaxCrossEntropy', fused: 'softmax' },
              output: `import {sequential, layers, losses, metrics} from '@tensorflow/tfjs';
const m = sequential();
m.add(layers.dense({units: 5, inputShape: [2]}));
m.compile({optimizer: 'adam', loss: losses.softmaxCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // Named imports without \`losses\`: no expression reaches tf.losses, so no logits suggestion.
      code: `import {sequential, layers} from '@tensorflow/tfjs';
const m = sequential({layers: [layers.dense({units: 5, inputShape: [2]})]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          line: 2,
          column: 32,
          suggestions: [
            {
              messageId: 'addActivation',
              output: `import {sequential, layers} from '@tensorflow/tfjs';
const m = sequential({layers: [layers.dense({units: 5, inputShape: [2], activation: 'softmax'})]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // tf.losses.logLoss takes probabilities (on logits it goes NaN); require() import.
      code: `const tf = require('@tensorflow/tfjs');
const m = tf.sequential();
m.add(tf.layers.dense({units: 1, inputShape: [2]}));
m.compile({optimizer: 'adam', loss: tf.losses.logLoss});`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          data: data('`tf.losses.logLoss`', 4, 'sigmoid', 3),
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'addActivation',
              output: `const tf = require('@tensorflow/tfjs');
const m = tf.sequential();
m.add(tf.layers.dense({units: 1, inputShape: [2], activation: 'sigmoid'}));
m.compile({optimizer: 'adam', loss: tf.losses.logLoss});`,
            },
            {
              messageId: 'useLogitsLoss',
              data: { replacement: 'tf.losses.sigmoidCrossEntropy', fused: 'sigmoid' },
              output: `const tf = require('@tensorflow/tfjs');
const m = tf.sequential();
m.add(tf.layers.dense({units: 1, inputShape: [2]}));
m.compile({optimizer: 'adam', loss: tf.losses.sigmoidCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // Built in a factory, compiled elsewhere: suggestions, as everywhere in this rule.
      code:
        TF +
        `function createModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 10, inputShape: [8]}));
  return model;
}
const model = createModel();
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          data: data("`'categoricalCrossentropy'`", 8, 'softmax', 4),
          line: 4,
          column: 13,
          suggestions: [
            {
              messageId: 'addActivation',
              data: { activation: 'softmax' },
              output:
                TF +
                `function createModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 10, inputShape: [8], activation: 'softmax'}));
  return model;
}
const model = createModel();
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
            },
            {
              messageId: 'useLogitsLoss',
              output:
                TF +
                `function createModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 10, inputShape: [8]}));
  return model;
}
const model = createModel();
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // The loss is chosen by a condition, both want probabilities, but different activations: no edit.
      code:
        TF +
        `export function build(multiLabel) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 5, inputShape: [3]})]});
  m.compile({optimizer: 'adam', loss: multiLabel ? 'binaryCrossentropy' : 'categoricalCrossentropy'});
}`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          data: data("`'binaryCrossentropy'` or `'categoricalCrossentropy'`", 4, 'sigmoid or softmax', 3),
          line: 3,
          column: 37,
        },
      ],
    },
    {
      // Functional model ending in an activation layer set to 'linear': that literal is replaced.
      code:
        TF +
        `const input = tf.input({shape: [4]});
let x = tf.layers.dense({units: 3}).apply(input);
x = tf.layers.activation({activation: 'linear'}).apply(x);
const model = tf.model({inputs: input, outputs: x});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          data: data("`'categoricalCrossentropy'`", 6, 'softmax', 4),
          line: 4,
          column: 39,
          suggestions: [
            {
              messageId: 'addActivation',
              output:
                TF +
                `const input = tf.input({shape: [4]});
let x = tf.layers.dense({units: 3}).apply(input);
x = tf.layers.activation({activation: 'softmax'}).apply(x);
const model = tf.model({inputs: input, outputs: x});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
            },
            {
              messageId: 'useLogitsLoss',
              output:
                TF +
                `const input = tf.input({shape: [4]});
let x = tf.layers.dense({units: 3}).apply(input);
x = tf.layers.activation({activation: 'linear'}).apply(x);
const model = tf.model({inputs: input, outputs: x});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // Custom training: a probability loss on a linear model's predictions. Suggestion only.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]})]});
export function lossFn(xs, ys) {
  return tf.metrics.categoricalCrossentropy(ys, m.predict(xs)).mean();
}`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          data: data('`tf.metrics.categoricalCrossentropy`', 4, 'softmax', 2),
          line: 2,
          column: 35,
          suggestions: [
            {
              messageId: 'addActivation',
              data: { activation: 'softmax' },
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4], activation: 'softmax'})]});
export function lossFn(xs, ys) {
  return tf.metrics.categoricalCrossentropy(ys, m.predict(xs)).mean();
}`,
            },
          ],
        },
      ],
    },
    {
      // An activation layer with an empty config is linear: the property is added to `{}`.
      // No import: the page global tf, which the file uses, names the logits loss.
      code: `const m = tf.sequential({layers: [tf.layers.dense({units: 4, inputShape: [2]}), tf.layers.activation({})]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          line: 1,
          column: 81,
          suggestions: [
            {
              messageId: 'addActivation',
              output: `const m = tf.sequential({layers: [tf.layers.dense({units: 4, inputShape: [2]}), tf.layers.activation({activation: 'softmax'})]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
            },
            {
              messageId: 'useLogitsLoss',
              data: { replacement: 'tf.losses.softmaxCrossEntropy', fused: 'softmax' },
              output: `const m = tf.sequential({layers: [tf.layers.dense({units: 4, inputShape: [2]}), tf.layers.activation({})]});
m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript: the config object under a cast is still the layer's own.
      tsOnly: true,
      code:
        TF +
        `const m: tf.Sequential = tf.sequential();
m.add(tf.layers.dense({units: 10, inputShape: [4]} as tf.layers.DenseLayerArgs));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'addActivation',
              output:
                TF +
                `const m: tf.Sequential = tf.sequential();
m.add(tf.layers.dense({units: 10, inputShape: [4], activation: 'softmax'} as tf.layers.DenseLayerArgs));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
            },
            {
              messageId: 'useLogitsLoss',
              output:
                TF +
                `const m: tf.Sequential = tf.sequential();
m.add(tf.layers.dense({units: 10, inputShape: [4]} as tf.layers.DenseLayerArgs));
m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
            },
          ],
        },
      ],
    },
  ],
});
