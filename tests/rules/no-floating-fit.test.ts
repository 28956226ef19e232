import rule from '../../src/rules/no-floating-fit.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const MODEL = `const model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});\n`;
const AWAIT_IT = 'Await it';
const TOP_LEVEL = 'Await it, or continue in `.then()` (no fix is offered at module level)';
const NOT_ASYNC = 'Await it in an async function (this one is not, so no fix is offered), or continue in `.then()`';

runRule('no-floating-fit', rule, {
  valid: [
    // Awaited, returned, assigned, chained, or explicitly discarded with `void`.
    TF + MODEL + `export async function run(xs, ys) { await model.fit(xs, ys, {epochs: 5}); model.predict(xs); }`,
    TF + MODEL + `export function run(xs, ys) { return model.fit(xs, ys).then(() => model.predict(xs)); }`,
    TF + MODEL + `export function run(xs, ys) { const h = model.fit(xs, ys); model.predict(xs); return h; }`,
    TF + MODEL + `export function run(xs, ys) { void model.fit(xs, ys); model.predict(xs); }`,
    // Fire and forget: results reach the app through callbacks; nothing uses the model after it here.
    TF +
      MODEL +
      `export function run(xs, ys, show) { model.fit(xs, ys, {epochs: 50, callbacks: {onEpochEnd: (e, logs) => show(logs.loss)}}); }`,
    // A later use inside a callback, which runs when training has ended or at any time.
    TF + MODEL + `export function run(xs, ys, button) { model.fit(xs, ys); button.onclick = () => model.predict(xs); }`,
    // `summary()` only reads the architecture, which training does not change.
    TF + MODEL + `export function run(xs, ys) { model.fit(xs, ys); model.summary(); }`,
    // The model handed to a function, which may only keep it (a UI shows it when training ends).
    TF + MODEL + `export function run(xs, ys, show) { model.fit(xs, ys); show(model); return model; }`,
    // Not a TF.js model: a classifier of another library with its own fit.
    `export function run(clf, xs, ys) { clf.fit(xs, ys); clf.predict(xs); }`,
    TF + `export function run(clf, xs, ys) { clf.fit(xs, ys); return clf.predict(xs); }`,
    // A new model each turn of the loop: no fit overlaps another on the same model.
    TF +
      `export function run(xs, ys) {
  for (let i = 0; i < 3; i++) {
    const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
    m.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
    m.fit(xs, ys);
  }
}`,
    // The variable is given another model before it is used again.
    TF +
      `export function run(xs, ys) {
  let m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
  m.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
  m.fit(xs, ys);
  m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
  m.summary();
}`,
  ],
  invalid: [
    {
      // Not awaited, then predict: the prediction comes from the untrained model.
      code:
        TF +
        MODEL +
        `export async function run(xs, ys) {\n  model.fit(xs, ys, {epochs: 60});\n  return model.predict(xs);\n}`,
      errors: [
        {
          messageId: 'usedWhileTraining',
          data: { method: 'fit', use: 'model.predict()', line: 'line 6', remedy: AWAIT_IT },
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { method: 'fit' },
              output:
                TF +
                MODEL +
                `export async function run(xs, ys) {\n  await model.fit(xs, ys, {epochs: 60});\n  return model.predict(xs);\n}`,
            },
          ],
        },
      ],
    },
    {
      // Not async: no suggestion; the message says why.
      code: TF + MODEL + `export function run(xs, ys) {\n  model.fit(xs, ys);\n  return model.getWeights();\n}`,
      errors: [
        {
          messageId: 'usedWhileTraining',
          data: { method: 'fit', use: 'model.getWeights()', line: 'line 6', remedy: NOT_ASYNC },
          suggestions: [],
        },
      ],
    },
    {
      // In a loop over epochs: the second fit starts while the first runs and is rejected.
      code:
        TF +
        MODEL +
        `export async function run(xs, ys) {\n  for (let e = 0; e < 10; e++) {\n    model.fit(xs, ys, {epochs: 1});\n  }\n}`,
      errors: [
        {
          messageId: 'concurrentFit',
          data: { method: 'fit', remedy: AWAIT_IT },
          line: 6,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { method: 'fit' },
              output:
                TF +
                MODEL +
                `export async function run(xs, ys) {\n  for (let e = 0; e < 10; e++) {\n    await model.fit(xs, ys, {epochs: 1});\n  }\n}`,
            },
          ],
        },
      ],
    },
    {
      // fitDataset and a model kept in `this.model`, then saved.
      code:
        TF +
        `export class Trainer {
  constructor() {
    this.model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
    this.model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
  }
  async train(ds) {
    this.model.fitDataset(ds, {epochs: 3});
    await this.model.save('file://m');
  }
}`,
      errors: [
        {
          messageId: 'usedWhileTraining',
          data: { method: 'fitDataset', use: 'this.model.save()', line: 'line 9', remedy: AWAIT_IT },
          suggestions: [
            {
              messageId: 'addAwait',
              data: { method: 'fitDataset' },
              output:
                TF +
                `export class Trainer {
  constructor() {
    this.model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
    this.model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
  }
  async train(ds) {
    await this.model.fitDataset(ds, {epochs: 3});
    await this.model.save('file://m');
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // trainOnBatch at the top level of a module, then evaluate.
      code: TF + MODEL + `const xs = tf.ones([4, 1]);\nmodel.trainOnBatch(xs, xs);\nmodel.evaluate(xs, xs);`,
      errors: [
        {
          messageId: 'usedWhileTraining',
          data: { method: 'trainOnBatch', use: 'model.evaluate()', line: 'line 6', remedy: TOP_LEVEL },
        },
      ],
    },
  ],
});
