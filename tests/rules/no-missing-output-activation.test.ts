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

/** The same for an output that is not linear: what it is (`` `tanh` output ``) and its range. */
const dataOf = (what: string, range: string, loss: string, line: number, activation: string, outputLine: number) => ({
  ...data(loss, line, activation, outputLine),
  what,
  range,
});

/** Each non-probability activation string, its range as the message shows it, and a probability loss. */
const NOT_PROBABILITIES: readonly [string, string, string, string][] = [
  ['relu', 'values >= 0', 'categoricalCrossentropy', 'softmax'],
  ['relu6', 'values in [0, 6]', 'sparseCategoricalCrossentropy', 'softmax'],
  ['elu', 'values >= -1', 'binaryCrossentropy', 'sigmoid'],
  ['selu', 'values >= -1.76', 'categoricalCrossentropy', 'softmax'],
  ['tanh', 'values in [-1, 1]', 'binaryCrossentropy', 'sigmoid'],
  ['softplus', 'values >= 0', 'kullbackLeiblerDivergence', 'softmax'],
  ['softsign', 'values in [-1, 1]', 'categoricalCrossentropy', 'softmax'],
  ['gelu', 'values >= -0.17', 'sparseCategoricalCrossentropy', 'softmax'],
  ['swish', 'values >= -0.28', 'binaryCrossentropy', 'sigmoid'],
  ['mish', 'values >= -0.31', 'categoricalCrossentropy', 'softmax'],
];

runRule('no-missing-output-activation', rule, {
  valid: [
    // Custom loop, policy "on a real path": which model a module variable holds depends on call order,
    // not on a path the code chooses: judged on every path, and one write has a softmax.
    TF +
      `let model = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [4]})]});
export function withLogits() { model = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]})]}); }
export const lossFn = (xs, ys) => tf.metrics.categoricalCrossentropy(ys, model.predict(xs)).mean();`,
    // A factory that throws for an unknown kind before its final sigmoid add (tfjs-examples
    // sentiment): the path that skips the add throws, so no relu or tanh output reaches the loss.
    TF +
      `function build(kind) {
  const model = tf.sequential();
  if (kind === 'dense') {
    model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));
  } else if (kind === 'lstm') {
    model.add(tf.layers.lstm({units: 32, inputShape: [4, 8]}));
  } else {
    throw new Error('unknown kind');
  }
  model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  return model;
}
function train(kind) {
  const model = build(kind);
  model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
}
train(process.argv[2]);`,
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
    // Outputs that are not probabilities, with losses that take any value: regression.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'relu', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'meanSquaredError'});
const t = tf.sequential({layers: [tf.layers.dense({units: 2, activation: 'tanh', inputShape: [4]})]});
t.compile({optimizer: 'adam', loss: 'meanSquaredError'});
const l = tf.sequential({layers: [tf.layers.dense({units: 2, inputShape: [4]}), tf.layers.leakyReLU()]});
l.compile({optimizer: 'adam', loss: tf.losses.huberLoss});`,
    // 'poisson' wants non-negative rates: softplus (and relu) are what it takes.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'softplus', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'poisson'});
const r = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]}), tf.layers.reLU()]});
r.compile({optimizer: 'adam', loss: 'poisson'});`,
    // relu (and a reLU layer) in hidden layers, softmax at the output: correct.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [4]}));
m.add(tf.layers.reLU());
m.add(tf.layers.dense({units: 10, activation: 'softmax'}));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    // hardSigmoid outputs [0, 1] per unit: a probability for binaryCrossentropy, like sigmoid.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'hardSigmoid', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
    // A tanh output and a probability loss chosen by the same condition: tanh only with MSE.
    TF +
      `export function build(isClf) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: isClf ? 'softmax' : 'tanh', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: isClf ? 'categoricalCrossentropy' : 'meanSquaredError'});
}`,
    // Custom training: a relu model's predictions into a regression loss.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'relu', inputShape: [4]})]});
export const loss = (xs, ys) => tf.losses.meanSquaredError(ys, m.predict(xs));`,
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
    // Custom loop: the probability loss is called only when the softmax is taken (the same condition),
    // the logits loss on the raw scores: no linear output ever meets a probability loss.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]})]});
const opt = tf.train.adam();
export function step(xs, ys, useSoftmax) {
  opt.minimize(() => {
    const logits = m.predict(xs);
    const p = useSoftmax ? tf.softmax(logits) : logits;
    return useSoftmax ? tf.losses.logLoss(ys, p) : tf.losses.softmaxCrossEntropy(ys, p);
  });
}`,
  ],
  invalid: [
    // Every non-probability activation string on the output, with a loss that wants probabilities:
    // the literal is reported; replacing it with the activation the loss needs is a suggestion only.
    ...NOT_PROBABILITIES.map(([act, range, loss, fix]) => ({
      code:
        TF +
        `const m = tf.sequential();
m.add(tf.layers.dense({units: 8, activation: 'relu', inputShape: [4]}));
m.add(tf.layers.dense({units: 3, activation: '${act}'}));
m.compile({optimizer: 'adam', loss: '${loss}'});`,
      output: null,
      errors: [
        {
          messageId: 'notProbabilities' as const,
          data: dataOf(`\`${act}\` output`, range, `\`'${loss}'\``, 5, fix, 4),
          line: 4,
          suggestions: [
            {
              messageId: 'addActivation' as const,
              data: { activation: fix },
              output:
                TF +
                `const m = tf.sequential();
m.add(tf.layers.dense({units: 8, activation: 'relu', inputShape: [4]}));
m.add(tf.layers.dense({units: 3, activation: '${fix}'}));
m.compile({optimizer: 'adam', loss: '${loss}'});`,
            },
          ],
        },
      ],
    })),
    {
      // A config-less `tf.layers.reLU()` last: rows can be all zero (0/0 in the loss). The layer is
      // reported and may become a softmax activation layer (suggestion); no logits loss is offered.
      code:
        TF +
        `const m = tf.sequential();
m.add(tf.layers.dense({units: 3, inputShape: [4]}));
m.add(tf.layers.reLU());
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'notProbabilities',
          data: dataOf('`reLU` layer', 'values >= 0', "`'categoricalCrossentropy'`", 5, 'softmax', 4),
          line: 4,
          suggestions: [
            {
              messageId: 'addActivation',
              output:
                TF +
                `const m = tf.sequential();
m.add(tf.layers.dense({units: 3, inputShape: [4]}));
m.add(tf.layers.activation({activation: 'softmax'}));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // leakyReLU (with a config: no rewrite offered), prelu, thresholdedReLU and elu layers last in
      // the functional API and in `layers` arrays, each with a probability loss.
      code:
        TF +
        `const input = tf.input({shape: [4]});
const out = tf.layers.leakyReLU({alpha: 0.1}).apply(tf.layers.dense({units: 1}).apply(input));
const a = tf.model({inputs: input, outputs: out});
a.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
const b = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]}), tf.layers.prelu({})]});
b.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
const c = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]}), tf.layers.thresholdedReLU()]});
c.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});
const d = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]}), tf.layers.elu()]});
d.compile({optimizer: 'adam', loss: tf.losses.logLoss});`,
      output: null,
      errors: [
        {
          messageId: 'notProbabilities',
          data: dataOf('`leakyReLU` layer', 'any real values', "`'binaryCrossentropy'`", 5, 'sigmoid', 3),
          line: 3,
          suggestions: [],
        },
        {
          messageId: 'notProbabilities',
          data: dataOf('`prelu` layer', 'any real values', "`'categoricalCrossentropy'`", 7, 'softmax', 6),
          line: 6,
          suggestions: [],
        },
        {
          messageId: 'notProbabilities',
          data: dataOf('`thresholdedReLU` layer', 'values >= 0', "`'sparseCategoricalCrossentropy'`", 9, 'softmax', 8),
          line: 8,
          suggestions: [
            {
              messageId: 'addActivation',
              output:
                TF +
                `const input = tf.input({shape: [4]});
const out = tf.layers.leakyReLU({alpha: 0.1}).apply(tf.layers.dense({units: 1}).apply(input));
const a = tf.model({inputs: input, outputs: out});
a.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
const b = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]}), tf.layers.prelu({})]});
b.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
const c = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]}), tf.layers.activation({activation: 'softmax'})]});
c.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});
const d = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]}), tf.layers.elu()]});
d.compile({optimizer: 'adam', loss: tf.losses.logLoss});`,
            },
          ],
        },
        {
          messageId: 'notProbabilities',
          data: dataOf('`elu` layer', 'values >= -1', '`tf.losses.logLoss`', 11, 'sigmoid', 10),
          line: 10,
          suggestions: [
            {
              messageId: 'addActivation',
              output:
                TF +
                `const input = tf.input({shape: [4]});
const out = tf.layers.leakyReLU({alpha: 0.1}).apply(tf.layers.dense({units: 1}).apply(input));
const a = tf.model({inputs: input, outputs: out});
a.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
const b = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]}), tf.layers.prelu({})]});
b.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
const c = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]}), tf.layers.thresholdedReLU()]});
c.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});
const d = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]}), tf.layers.activation({activation: 'sigmoid'})]});
d.compile({optimizer: 'adam', loss: tf.losses.logLoss});`,
            },
          ],
        },
      ],
    },
    {
      // A relu output looked through a dropout, with the loss in a constant: the literal is reported,
      // naming the loss's line.
      code:
        TF +
        `const LOSS = 'binaryCrossentropy';
const m = tf.sequential();
m.add(tf.layers.dense({units: 1, activation: 'tanh', inputShape: [4]}));
m.add(tf.layers.dropout({rate: 0.2}));
m.compile({optimizer: 'adam', loss: LOSS});`,
      output: null,
      errors: [
        {
          messageId: 'notProbabilities',
          data: dataOf('`tanh` output', 'values in [-1, 1]', "`'binaryCrossentropy'`", 2, 'sigmoid', 4),
          line: 4,
          suggestions: [
            {
              messageId: 'addActivation',
              output:
                TF +
                `const LOSS = 'binaryCrossentropy';
const m = tf.sequential();
m.add(tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]}));
m.add(tf.layers.dropout({rate: 0.2}));
m.compile({optimizer: 'adam', loss: LOSS});`,
            },
          ],
        },
      ],
    },
    {
      // Custom training: a tanh model's predictions into `tf.losses.logLoss` (log of a negative: NaN).
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'tanh', inputShape: [4]})]});
export const loss = (xs, ys) => tf.losses.logLoss(ys, m.predict(xs));`,
      output: null,
      errors: [
        {
          messageId: 'notProbabilities',
          data: dataOf('`tanh` output', 'values in [-1, 1]', '`tf.losses.logLoss`', 3, 'sigmoid', 2),
          line: 2,
          suggestions: [
            {
              messageId: 'addActivation',
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]})]});
export const loss = (xs, ys) => tf.losses.logLoss(ys, m.predict(xs));`,
            },
          ],
        },
      ],
    },
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
      // Custom loop, policy "on a real path": the predictions come from the linear model when \`useA\`; the
      // loss call is certain. Adding a softmax to that model is right for it (the other one has one).
      code:
        TF +
        `const a = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]})]});
const b = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [4]})]});
export const lossFn = (xs, ys, useA) => tf.metrics.categoricalCrossentropy(ys, (useA ? a : b).predict(xs)).mean();`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          data: data('`tf.metrics.categoricalCrossentropy`', 4, 'softmax', 2),
          line: 2,
          suggestions: [
            {
              messageId: 'addActivation',
              data: { activation: 'softmax' },
              output:
                TF +
                `const a = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4], activation: 'softmax'})]});
const b = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [4]})]});
export const lossFn = (xs, ys, useA) => tf.metrics.categoricalCrossentropy(ys, (useA ? a : b).predict(xs)).mean();`,
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
    {
      // Custom loop: the output is linear when \`cfg.raw\` (a setting), and the probability loss is certain.
      code:
        TF +
        `const model = tf.sequential();
model.add(tf.layers.dense({units: 3, inputShape: [4], activation: cfg.raw ? 'linear' : 'softmax'}));
const opt = tf.train.adam();
opt.minimize(() => tf.metrics.categoricalCrossentropy(ys, model.predict(xs)).mean());`,
      output: null,
      errors: [
        {
          messageId: 'missingOutputActivation',
          line: 3,
          data: { ...data('`tf.metrics.categoricalCrossentropy`', 5, 'softmax', 3), output: ' (when `cfg.raw`)' },
        },
      ],
    },
  ],
});
