import rule from '../../src/rules/no-categorical-loss-single-unit.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

const SHAPE = '`fit` throws a target-shape error that does not point here.';
const ONE_HOT = '`fit` throws "depth must be >=2".';
const ZERO = 'The loss is 0 for every input, so nothing useful is learned.';
const SOFTMAX = ' Its softmax also outputs a constant 1.';

/** The report's data: the loss as shown, where the single unit is, what happens. */
const data = (loss: string, where: string, effect: string) => ({ loss: `\`${loss}\``, where, effect });

runRule('no-categorical-loss-single-unit', rule, {
  valid: [
    // One unit per class: the intended use.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 10, activation: 'softmax', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    // Two exclusive classes: fine.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 2, activation: 'softmax', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});`,
    // One sigmoid unit with the binary loss: the right binary classifier.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
    // Units from a parameter nobody in this file passes: unknown.
    TF +
      `export function build(numClasses) {
  const m = tf.sequential({layers: [tf.layers.dense({units: numClasses, activation: 'softmax', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
}`,
    // Units and loss chosen by the same condition: 1 unit only with the binary loss.
    TF +
      `export function build(binary) {
  const m = tf.sequential({layers: [tf.layers.dense({units: binary ? 1 : 10, activation: binary ? 'sigmoid' : 'softmax', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: binary ? 'binaryCrossentropy' : 'categoricalCrossentropy'});
}`,
    // Policy "on a real path": units by one setting, the loss by another, independent one.
    TF +
      `export function build(binary, kind) {
  const m = tf.sequential({layers: [tf.layers.dense({units: binary ? 1 : 10, activation: 'sigmoid', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: kind === 'ce' ? 'categoricalCrossentropy' : 'binaryCrossentropy'});
}`,
    // On the categorical path the width is unknown (a config object): silent.
    TF +
      `export function build(kind, cfg) {
  const m = tf.sequential({layers: [tf.layers.dense({units: kind === 'ce' ? cfg.classes : 1, activation: 'softmax', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: kind === 'ce' ? 'categoricalCrossentropy' : 'meanSquaredError'});
}`,
    // Which write of the module variable compile sees depends on call order, not on a path the code
    // chooses: judged on every path, and one write is the binary loss.
    TF +
      `let loss = 'binaryCrossentropy';
export function multiclass() { loss = 'categoricalCrossentropy'; }
export function build() {
  const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss});
}`,
    // Custom loop: which model a module variable holds depends on call order: judged on every path.
    TF +
      `let model = tf.sequential({layers: [tf.layers.dense({units: 10, inputShape: [4]})]});
export function binary() { model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]}); }
export const loss = (xs, ys) => tf.losses.softmaxCrossEntropy(ys, model.predict(xs));`,
    // Channels first: the last axis is spatial, not the single filter; unknown width.
    TF +
      `const m = tf.sequential({layers: [tf.layers.conv2d({filters: 1, kernelSize: 3, dataFormat: 'channelsFirst', inputShape: [3, 8, 8]})]});
m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    // Custom training on a 10-unit model.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 10, inputShape: [4]})]});
const loss = (xs, ys) => tf.losses.softmaxCrossEntropy(ys, m.predict(xs));`,
    // A loaded model: the topology is unknown.
    TF +
      `export async function train() {
  const m = await tf.loadLayersModel('file://model.json');
  m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
}`,
    // Custom loop: the width and the loss call are chosen by the same setting; the categorical loss only
    // ever meets the 3-unit output.
    TF +
      `const model = tf.sequential();
model.add(tf.layers.dense({units: cfg.small ? 1 : 3, inputShape: [4], activation: 'softmax'}));
const opt = tf.train.adam();
opt.minimize(() =>
  cfg.small
    ? tf.losses.sigmoidCrossEntropy(ys, model.predict(xs))
    : tf.losses.softmaxCrossEntropy(ys, model.predict(xs)),
);`,
  ],
  invalid: [
    {
      // Policy "on a real path" (issue 21): the loss is picked by a switch on a setting, its default the
      // categorical loss; the output is always one sigmoid unit.
      code:
        TF +
        `const settings = JSON.parse(localStorage.getItem('s'));
function lossFor(kind) {
  switch (kind) {
    case 'mse':
      return 'meanSquaredError';
    default:
      return 'categoricalCrossentropy';
  }
}
const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: lossFor(settings.loss)});`,
      output: null,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: {
            ...data("'categoricalCrossentropy'", 'line 11, `units: 1`', SHAPE),
            loss: "`'categoricalCrossentropy'` (in the `default` case on line 7)",
          },
          line: 8,
        },
      ],
    },
    {
      // The loss is certain, the width chosen by a setting: one unit when \`binary\`. The loss and the
      // activation also serve the 10-unit path: no edit.
      code:
        TF +
        `export function build(binary) {
  const m = tf.sequential({layers: [tf.layers.dense({units: binary ? 1 : 10, activation: 'softmax', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
}`,
      output: null,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data("'categoricalCrossentropy'", 'line 3, `units: 1`, when `binary`', SHAPE + SOFTMAX),
          line: 4,
          suggestions: [],
        },
      ],
    },
    {
      // Custom loop: the prediction is the 1-unit model's when \`small\`; the loss call is certain.
      code:
        TF +
        `const small = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
const big = tf.sequential({layers: [tf.layers.dense({units: 10, inputShape: [4]})]});
export const loss = (xs, ys, useSmall) => tf.losses.softmaxCrossEntropy(ys, (useSmall ? small : big).predict(xs));`,
      output: null,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data('tf.losses.softmaxCrossEntropy', 'line 2, `units: 1`', ZERO),
          line: 4,
        },
      ],
    },
    {
      // A binary classifier compiled with the categorical loss. Sigmoid output: autofix.
      code:
        TF +
        `const model = tf.sequential();
model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));
model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
      output:
        TF +
        `const model = tf.sequential();
model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));
model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});`,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data("'categoricalCrossentropy'", 'line 4, `units: 1`', SHAPE),
          line: 5,
          column: 41,
          endColumn: 66,
        },
      ],
    },
    {
      // The sparse loss on one sigmoid unit: the labels are class ids (0..K-1), so 'binaryCrossentropy'
      // would train on them as probabilities (loss -15.9 on 5 classes, TF.js 4.22; issue 26, finding 2).
      // The number of classes is unknown here: no edit, the message explains.
      code: `import {sequential, layers} from "@tensorflow/tfjs";
const m = sequential({layers: [layers.dense({units: 1, activation: "sigmoid", inputShape: [3]})]});
m.compile({optimizer: "adam", loss: "sparseCategoricalCrossentropy"});`,
      output: null,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data("'sparseCategoricalCrossentropy'", 'line 2, `units: 1`', ONE_HOT),
          line: 3,
          column: 37,
          suggestions: [],
        },
      ],
    },
    {
      // A 1-unit softmax with the categorical loss: one report (here), both edits in one suggestion.
      code:
        TF +
        `const m = tf.sequential();
m.add(tf.layers.dense({units: 1, activation: 'softmax', inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data("'categoricalCrossentropy'", 'line 3, `units: 1`', SHAPE + SOFTMAX),
          line: 4,
          column: 37,
          suggestions: [
            {
              messageId: 'useSigmoidBinaryCrossentropy',
              output:
                TF +
                `const m = tf.sequential();
m.add(tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // The fused softmax loss on one logit: trains at loss 0. Two suggestions: a sigmoid
      // output with the binary loss, or keep the logit with the fused sigmoid loss.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
      output: null,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data('tf.losses.softmaxCrossEntropy', 'line 2, `units: 1`', ZERO),
          line: 3,
          column: 37,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useSigmoidBinaryCrossentropy',
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4], activation: 'sigmoid'})]});
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
            },
            {
              messageId: 'useSigmoidCrossEntropy',
              data: { replacement: 'tf.losses.sigmoidCrossEntropy' },
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: tf.losses.sigmoidCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // tf.metrics.categoricalCrossentropy on one sigmoid unit: loss 0 (the output divided by itself). Autofix.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: tf.metrics.categoricalCrossentropy});`,
      output:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data('tf.metrics.categoricalCrossentropy', 'line 2, `units: 1`', ZERO),
          line: 3,
          column: 37,
        },
      ],
    },
    {
      // The loss in a shared constant: reported where it is named, nothing edited.
      code:
        TF +
        `const LOSS = 'categoricalCrossentropy';
const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: LOSS});`,
      output: null,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data("'categoricalCrossentropy'", 'line 3, `units: 1`', SHAPE),
          line: 2,
          column: 14,
        },
      ],
    },
    {
      // Two outputs, the first one 1-unit: reported, but with a loss array only a suggestion.
      code:
        TF +
        `const input = tf.input({shape: [4]});
const isCat = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(input);
const size = tf.layers.dense({units: 1}).apply(input);
const m = tf.model({inputs: input, outputs: [isCat, size]});
m.compile({optimizer: 'adam', loss: ['categoricalCrossentropy', 'meanSquaredError']});`,
      output: null,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data("'categoricalCrossentropy'", 'line 3, `units: 1`', SHAPE),
          line: 6,
          column: 38,
          suggestions: [
            {
              messageId: 'useBinaryCrossentropy',
              output:
                TF +
                `const input = tf.input({shape: [4]});
const isCat = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(input);
const size = tf.layers.dense({units: 1}).apply(input);
const m = tf.model({inputs: input, outputs: [isCat, size]});
m.compile({optimizer: 'adam', loss: ['binaryCrossentropy', 'meanSquaredError']});`,
            },
          ],
        },
      ],
    },
    {
      // One loss string for two 1-unit outputs: one report at the loss naming both
      // outputs (not the first one only); the binary loss suits both sigmoid units,
      // as a suggestion (two outputs: not an autofix).
      code:
        TF +
        `const input = tf.input({shape: [4]});
const a = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(input);
const b = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(input);
const m = tf.model({inputs: input, outputs: [a, b]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data("'categoricalCrossentropy'", 'line 3, `units: 1`; line 4, `units: 1`', SHAPE),
          line: 6,
          column: 37,
          suggestions: [
            {
              messageId: 'useBinaryCrossentropy',
              output:
                TF +
                `const input = tf.input({shape: [4]});
const a = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(input);
const b = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(input);
const m = tf.model({inputs: input, outputs: [a, b]});
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // A wrapper loss, compiled in a helper: reported at the loss inside the wrapper, no edit.
      code:
        TF +
        `const smooth = (yTrue, yPred) => tf.losses.softmaxCrossEntropy(yTrue, yPred, undefined, 0.1).mean();
function train(model) {
  model.compile({optimizer: 'adam', loss: smooth});
}
train(tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]}));`,
      output: null,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data('tf.losses.softmaxCrossEntropy', 'line 6, `units: 1`', ZERO),
          line: 2,
          column: 34,
        },
      ],
    },
    {
      // Custom training: the fused softmax loss on a 1-unit model's predictions.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
const optimizer = tf.train.adam();
export function step(xs, ys) {
  optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, m.predict(xs)));
}`,
      output: null,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data('tf.losses.softmaxCrossEntropy', 'line 2, `units: 1`', ZERO),
          line: 5,
          column: 28,
        },
      ],
    },
    {
      // A softmax layer after a 1-unit timeDistributed dense, output of the model: both edits suggested.
      code:
        TF +
        `const m = tf.sequential();
m.add(tf.layers.timeDistributed({layer: tf.layers.dense({units: 1}), inputShape: [5, 3]}));
m.add(tf.layers.softmax());
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data("'categoricalCrossentropy'", 'line 3, `units: 1`', SHAPE + SOFTMAX),
          line: 5,
          column: 37,
          suggestions: [
            {
              messageId: 'useSigmoidBinaryCrossentropy',
              output:
                TF +
                `const m = tf.sequential();
m.add(tf.layers.timeDistributed({layer: tf.layers.dense({units: 1}), inputShape: [5, 3]}));
m.add(tf.layers.activation({activation: 'sigmoid'}));
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript: a cast around the loss is kept.
      tsOnly: true,
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]})]}) as tf.Sequential;
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy' as string});`,
      output:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]})]}) as tf.Sequential;
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy' as string});`,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data("'categoricalCrossentropy'", 'line 2, `units: 1`', SHAPE),
          line: 3,
          column: 37,
        },
      ],
    },
    {
      // Custom loop: one unit when \`cfg.small\` (a setting), the categorical loss certain; the message
      // names the arm.
      code:
        TF +
        `const model = tf.sequential();
model.add(tf.layers.dense({units: cfg.small ? 1 : 3, inputShape: [4], activation: 'softmax'}));
const opt = tf.train.adam();
opt.minimize(() => tf.losses.softmaxCrossEntropy(ys, model.predict(xs)));`,
      output: null,
      errors: [
        {
          messageId: 'categoricalLossSingleUnit',
          data: data('tf.losses.softmaxCrossEntropy', 'line 3, `units: 1`, when `cfg.small`', ZERO + SOFTMAX),
          line: 5,
        },
      ],
    },
  ],
});
