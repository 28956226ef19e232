import rule from '../../src/rules/no-ignored-options.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const MODEL = `const model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});\n`;

runRule('no-ignored-options', rule, {
  valid: [
    // Every key is one TF.js reads.
    TF +
      MODEL +
      `export async function train(xs, ys) {
  await model.fit(xs, ys, {epochs: 10, batchSize: 8, validationSplit: 0.2, shuffle: true, callbacks: {onEpochEnd: () => {}}});
  model.evaluate(xs, ys, {batchSize: 8});
  model.predict(xs, {batchSize: 8});
}`,
    // Layer keys declared by the base LayerArgs (name, trainable, dtype, weights ...) are read by TF.js.
    TF +
      `const d = tf.layers.dense({units: 3, inputShape: [4], name: 'd', trainable: false, dtype: 'float32', batchSize: 2, useBias: false, kernelInitializer: 'heNormal'});`,
    // gru reads resetAfter (and throws when it is true): not ignored.
    TF + `const g = tf.layers.gru({units: 3, resetAfter: false});`,
    // fitDataset reads validationSplit to throw: not ignored.
    TF + MODEL + `export async function train(ds) { await model.fitDataset(ds, {epochs: 2, validationSplit: 0.1}); }`,
    // `fit` on something that is not a TF.js model: its own options.
    TF + `export function train(clf, xs, ys) { clf.fit(xs, ys, {epoch: 3}); }`,
    `const knn = makeClassifier(); knn.fit(xs, ys, {epoch: 3});`,
    // An options object shared with other code: its keys may be meant for that code.
    TF +
      MODEL +
      `const config = {epochs: 5, learningRate: 0.01};
export async function train(xs, ys) { await model.fit(xs, ys, config); return config.learningRate; }`,
    // Spreads and computed keys are not judged.
    TF + MODEL + `export async function train(xs, ys, extra, key) { await model.fit(xs, ys, {...extra, [key]: 1}); }`,
    // A key whose value is undefined might as well be absent.
    TF + MODEL + `export async function train(xs, ys) { await model.fit(xs, ys, {epochs: 2, epoch: undefined}); }`,
    // inputShape on the first layer, and on a layer whose predecessor may not be added.
    TF +
      `export function build(deep) {
  const m = tf.sequential();
  if (deep) m.add(tf.layers.dense({units: 8, inputShape: [4]}));
  m.add(tf.layers.dense({units: 1, inputShape: [4]}));
  return m;
}`,
    // inputShape chosen per layer position: undefined after the first.
    TF +
      `const m = tf.sequential();
for (let i = 0; i < 3; i++) m.add(tf.layers.dense({units: 4, inputShape: i === 0 ? [4] : undefined}));`,
    // A layer added in a loop with nothing before it: the first turn reads its inputShape.
    TF +
      `const m = tf.sequential();
for (let i = 0; i < 3; i++) m.add(tf.layers.dense({units: 4, inputShape: [4]}));`,
    // Embedding's inputDim is its vocabulary size, not an input shape.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 4, inputShape: [4]}), tf.layers.embedding({inputDim: 10, outputDim: 4})]});`,
  ],
  invalid: [
    {
      // Misspelled fit options: 1 epoch and batch size 32 run instead. Autofix: training configuration.
      code: TF + MODEL + `export async function train(xs, ys) { await model.fit(xs, ys, {epoch: 60, batchsize: 8}); }`,
      output:
        TF + MODEL + `export async function train(xs, ys) { await model.fit(xs, ys, {epochs: 60, batchSize: 8}); }`,
      errors: [
        { messageId: 'ignoredOptionMeant', data: { key: 'epoch', owner: 'fit()', meant: 'epochs' }, line: 4 },
        { messageId: 'ignoredOptionMeant', data: { key: 'batchsize', owner: 'fit()', meant: 'batchSize' }, line: 4 },
      ],
    },
    {
      // Python's snake_case, through a const used only here; a shorthand key keeps its value.
      code:
        TF +
        MODEL +
        `const validation_split = 0.2;
const opts = {epochs: 5, validation_split, 'batch_size': 16};
export async function train(xs, ys) { await model.fit(xs, ys, opts); }`,
      output:
        TF +
        MODEL +
        `const validation_split = 0.2;
const opts = {epochs: 5, validationSplit: validation_split, 'batchSize': 16};
export async function train(xs, ys) { await model.fit(xs, ys, opts); }`,
      errors: [
        {
          messageId: 'ignoredOptionMeant',
          data: { key: 'validation_split', owner: 'fit()', meant: 'validationSplit' },
        },
        { messageId: 'ignoredOptionMeant', data: { key: 'batch_size', owner: 'fit()', meant: 'batchSize' } },
      ],
    },
    {
      // The meant key is already there: no fix (which value was meant is not known).
      code: TF + MODEL + `export async function train(xs, ys) { await model.fit(xs, ys, {epochs: 5, epoch: 60}); }`,
      output: null,
      errors: [{ messageId: 'ignoredOptionMeant', data: { key: 'epoch', owner: 'fit()', meant: 'epochs' } }],
    },
    {
      // A learning rate in compile options is ignored: it is the optimizer's argument. The optimizer string
      // is in the same config, so one suggested edit makes the rate take effect (not an autofix: it changes
      // training, from the default rate to the one written).
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'meanSquaredError', learningRate: 0.001});`,
      output: null,
      errors: [
        {
          messageId: 'learningRateOption',
          data: {
            key: 'learningRate',
            owner: 'compile()',
            example: '`tf.train.adam(0.001)`',
            effect: "so `'adam'` trains at its default rate",
          },
          line: 3,
          suggestions: [
            {
              messageId: 'moveToOptimizer',
              data: { optimizer: 'tf.train.adam(0.001)' },
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
m.compile({optimizer: tf.train.adam(0.001), loss: 'meanSquaredError'});`,
            },
          ],
        },
      ],
    },
    {
      // Keras's \`lr\`, a named rate and TF.js's 'RMSProp' spelling (case-insensitive in compile); named imports.
      code: `import {sequential, layers, train} from '@tensorflow/tfjs';
const LR = 0.01;
const m = sequential({layers: [layers.dense({units: 1, inputShape: [4]})]});
m.compile({loss: 'meanSquaredError', optimizer: 'RMSProp', lr: LR});`,
      errors: [
        {
          messageId: 'learningRateOption',
          data: {
            key: 'lr',
            owner: 'compile()',
            example: '`train.rmsprop(LR)`',
            effect: "so `'RMSProp'` trains at its default rate",
          },
          line: 4,
          suggestions: [
            {
              messageId: 'moveToOptimizer',
              data: { optimizer: 'train.rmsprop(LR)' },
              output: `import {sequential, layers, train} from '@tensorflow/tfjs';
const LR = 0.01;
const m = sequential({layers: [layers.dense({units: 1, inputShape: [4]})]});
m.compile({loss: 'meanSquaredError', optimizer: train.rmsprop(LR)});`,
            },
          ],
        },
      ],
    },
    {
      // The rate in fit options (a StackOverflow question's code): the optimizer is in compile, elsewhere,
      // so the message shows where the rate goes and no edit is offered.
      code:
        TF +
        `async function train(m, xs, ys) {
  m.compile({optimizer: tf.train.adam(), loss: tf.losses.meanSquaredError});
  return m.fit(xs, ys, {batchSize: 2, epochs: 5, learningRate: 0.04});
}
train(tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]}), tf.ones([2, 1]), tf.ones([2, 1]));`,
      errors: [
        {
          messageId: 'learningRateOption',
          data: {
            key: 'learningRate',
            owner: 'fit()',
            example: '`tf.train.sgd(0.04)`, `tf.train.adam(0.04)` … given to `compile()`',
            effect: 'so this setting has no effect',
          },
          line: 4,
          suggestions: [],
        },
      ],
    },
    {
      // Named imports without \`train\`: no \`tf\` is in scope to write \`tf.train.adam\` with, so no edit is offered.
      code: `import {sequential, layers} from '@tensorflow/tfjs';
const m = sequential({layers: [layers.dense({units: 1, inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'meanSquaredError', learningRate: 0.01});`,
      errors: [
        {
          messageId: 'learningRateOption',
          data: {
            key: 'learningRate',
            owner: 'compile()',
            example: '`tf.train.adam(0.01)`',
            effect: "so `'adam'` trains at its default rate",
          },
          line: 3,
          suggestions: [],
        },
      ],
    },
    {
      // An optimizer object already made: it keeps its own rate, and the rate cannot be moved by one edit.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
m.compile({optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError', learning_rate: 0.001});`,
      errors: [
        {
          messageId: 'learningRateOption',
          data: {
            key: 'learning_rate',
            owner: 'compile()',
            example: '`tf.train.sgd(0.001)`, `tf.train.adam(0.001)` …',
            effect: 'so the optimizer keeps the rate it was made with',
          },
          line: 3,
          suggestions: [],
        },
      ],
    },
    {
      // A fit option given to compile (tensorflow/tfjs-examples intent-classifier does this): ignored.
      code:
        TF +
        `export function build(weights) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', classWeight: weights});
  return m;
}`,
      errors: [
        { messageId: 'optionOfOtherMethod', data: { key: 'classWeight', owner: 'compile()', other: 'fit()' }, line: 4 },
      ],
    },
    {
      // evaluate and predict options.
      code:
        TF +
        MODEL +
        `export function check(xs, ys) { model.evaluate(xs, ys, {batch_size: 8}); return model.predict(xs, {batch: 8}); }`,
      output:
        TF +
        MODEL +
        `export function check(xs, ys) { model.evaluate(xs, ys, {batchSize: 8}); return model.predict(xs, {batch: 8}); }`,
      errors: [
        { messageId: 'ignoredOptionMeant', data: { key: 'batch_size', owner: 'evaluate()', meant: 'batchSize' } },
        { messageId: 'ignoredOption', data: { key: 'batch', owner: 'predict()' } },
      ],
    },
    {
      // A misspelled layer key: the layer uses the default initializer. Renaming it changes
      // the model: a suggestion, not an autofix.
      code: TF + `const d = tf.layers.dense({units: 3, kernelInitialiser: 'heNormal', input_shape: [4]});`,
      output: null,
      errors: [
        {
          messageId: 'ignoredOptionMeant',
          data: { key: 'kernelInitialiser', owner: 'tf.layers.dense', meant: 'kernelInitializer' },
          suggestions: [
            {
              messageId: 'renameKey',
              data: { key: 'kernelInitialiser', owner: 'tf.layers.dense', meant: 'kernelInitializer' },
              output: TF + `const d = tf.layers.dense({units: 3, kernelInitializer: 'heNormal', input_shape: [4]});`,
            },
          ],
        },
        {
          messageId: 'ignoredOptionMeant',
          data: { key: 'input_shape', owner: 'tf.layers.dense', meant: 'inputShape' },
          suggestions: [
            {
              messageId: 'renameKey',
              data: { key: 'input_shape', owner: 'tf.layers.dense', meant: 'inputShape' },
              output: TF + `const d = tf.layers.dense({units: 3, kernelInitialiser: 'heNormal', inputShape: [4]});`,
            },
          ],
        },
      ],
    },
    {
      // inputShape on the second layer of a sequential model: ignored. Suggestion: remove it.
      code:
        TF +
        `const m = tf.sequential();
m.add(tf.layers.dense({units: 8, inputShape: [4]}));
m.add(tf.layers.dense({units: 1, inputShape: [8], activation: 'sigmoid'}));`,
      output: null,
      errors: [
        {
          messageId: 'inputShapeNotFirst',
          data: { key: 'inputShape' },
          line: 4,
          suggestions: [
            {
              messageId: 'removeKey',
              data: { key: 'inputShape' },
              output:
                TF +
                `const m = tf.sequential();
m.add(tf.layers.dense({units: 8, inputShape: [4]}));
m.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));`,
            },
          ],
        },
      ],
    },
    {
      // The same in a `layers` array, last key.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 8, inputShape: [4]}), tf.layers.dense({units: 1, batchInputShape: [null, 8]})]});`,
      output: null,
      errors: [
        {
          messageId: 'inputShapeNotFirst',
          data: { key: 'batchInputShape' },
          suggestions: [
            {
              messageId: 'removeKey',
              data: { key: 'batchInputShape' },
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 8, inputShape: [4]}), tf.layers.dense({units: 1})]});`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript: `as` casts around the options do not hide them.
      code:
        TF +
        MODEL +
        `export async function train(xs: tf.Tensor, ys: tf.Tensor) { await model.fit(xs, ys, {epoch: 3} as tf.ModelFitArgs); }`,
      output:
        TF +
        MODEL +
        `export async function train(xs: tf.Tensor, ys: tf.Tensor) { await model.fit(xs, ys, {epochs: 3} as tf.ModelFitArgs); }`,
      errors: [{ messageId: 'ignoredOptionMeant', data: { key: 'epoch', owner: 'fit()', meant: 'epochs' } }],
      tsOnly: true,
    },
  ],
});
