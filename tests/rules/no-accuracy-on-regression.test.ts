import rule from '../../src/rules/no-accuracy-on-regression.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const REGRESSION = `const model = tf.sequential();
model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [4]}));
model.add(tf.layers.dense({units: 1}));\n`;
const BINARY =
  "TF.js's `binaryAccuracy`: predictions rounded at 0.5 must equal the targets, so it reads about 0 on continuous targets";
/**
 * An invalid case: REGRESSION and `tail`, reported on `line`, with the three edits of its one
 * `metrics: ['accuracy']`: use 'mae', use 'mse', remove it.
 */
function onRegression(tail: string, line: number) {
  const code = TF + REGRESSION + tail;
  const suggestions = ['mae', 'mse', null].map((replacement) => ({
    messageId: replacement ? ('useMetric' as const) : ('removeMetric' as const),
    data: replacement ? { replacement } : { metric: "'accuracy'" },
    output: code.replace("metrics: ['accuracy']", `metrics: [${replacement ? `'${replacement}'` : ''}]`),
  }));
  return { code, errors: [{ messageId: 'accuracyOnRegression' as const, line, suggestions }] };
}
/** A 3-unit regression made and compiled by an exported factory, trained by an importer. */
const FACTORY_3 =
  TF +
  `export function createModel() {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [3]}));
  m.add(tf.layers.dense({units: 3}));
  m.compile({optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['accuracy']});
  return m;
}`;
const CATEGORICAL = "TF.js's `categoricalAccuracy`: an argmax match, which says nothing about the regression error";

runRule('no-accuracy-on-regression', rule, {
  valid: [
    // A regression metric.
    TF + REGRESSION + `model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['mae']});`,
    // Sigmoid output with MSE: a classifier trained on 0/1 labels, where accuracy means something.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['accuracy']});`,
    // A classification loss.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
    // A loaded model: its output is unknown.
    TF +
      `export async function run() {
  const m = await tf.loadLayersModel('file://m.json');
  m.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['accuracy']});
}`,
    // Loss, output and metrics chosen by the same condition: accuracy only with the classifier.
    TF +
      `export function build(classify) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: classify ? 'softmax' : 'linear', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: classify ? 'categoricalCrossentropy' : 'meanSquaredError', metrics: classify ? ['accuracy'] : ['mae']});
}`,
    // Policy "on a real path": the regression is chosen by one setting, the accuracy metric by another,
    // independent one; the bug needs both to line up.
    TF +
      `export function build(classify, track) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: classify ? 'softmax' : 'linear', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: classify ? 'categoricalCrossentropy' : 'meanSquaredError', metrics: track ? ['accuracy'] : ['mae']});
}`,
    // Output and loss chosen by independent settings: a linear output meets MSE only if both line up.
    TF +
      `export function build(probs, regress) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: probs ? 'softmax' : 'linear', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: regress ? 'meanSquaredError' : 'categoricalCrossentropy', metrics: ['accuracy']});
}`,
    // Which write of the module variable compile sees depends on call order, not on a path the code
    // chooses: judged on every path, and one write is a classification loss.
    TF +
      `let loss = 'categoricalCrossentropy';
export function useRegression() { loss = 'meanSquaredError'; }
export function build() {
  const m = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss, metrics: ['accuracy']});
}`,
    // Linear outputs trained with MSE on one-hot labels: argmax accuracy is meaningful.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]})]});
m.compile({optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['accuracy']});
export async function train(xs, labels) { await m.fit(xs, tf.oneHot(labels, 3)); }`,
    // Linear output and MSE on 0/1 targets written in the code (XOR): rounded accuracy is meaningful.
    TF +
      REGRESSION +
      `model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['accuracy']});
const ys = [[0], [1], [1], [0]];
await model.fit(tf.tensor2d([[0, 0], [0, 1], [1, 0], [1, 1]]), tf.tensor2d(ys), {epochs: 300});`,
    // 0/1 targets collected at run time (a recorder pushes `flag ? 1 : 0`): a classifier trained with MSE.
    TF +
      REGRESSION +
      `model.compile({optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['accuracy']});
const inputs = [];
const labels = [];
let recording = false;
export function record(features) {
  const hit = recording ? 1 : 0;
  inputs.push(features);
  labels.push(hit);
  console.log(labels.length);
}
export async function train() { await model.fit(tf.tensor2d(inputs), tf.tensor1d(labels), {epochs: 50}); }`,
    // 0/1 targets mapped from records, the callback returning 0 or 1 on each branch.
    TF +
      REGRESSION +
      `model.compile({optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['accuracy']});
export async function train(rows) {
  const ys = rows.map((r) => { if (r.label === 'spam') return 1; return 0; });
  await model.fit(tf.tensor2d(rows.map((r) => r.x)), tf.tensor1d(ys));
}`,
    // A 1-unit model made by an exported factory and trained by an importer: its labels are out of sight,
    // and 0/1 targets would make the rounded accuracy meaningful (a squat detector trained on `squat ? 1 : 0`).
    TF +
      `export function createModel() {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [66]}));
  m.add(tf.layers.dense({units: 1}));
  m.compile({optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError', metrics: ['accuracy']});
  return m;
}`,
    // The same when the model is handed to a trainer of another module.
    TF +
      `import { train } from './trainer';
export class Exercise {
  constructor() {
    const input = tf.input({shape: [1]});
    const out = tf.layers.dense({units: 1}).apply(tf.layers.dense({units: 4, activation: 'softsign'}).apply(input));
    this.model = tf.model({inputs: input, outputs: out});
    this.model.compile({loss: 'meanSquaredError', optimizer: 'sgd', metrics: ['accuracy']});
  }
  start() { train({model: this.model, data: (i) => [[i], [i < 10 ? 0 : 1]]}); }
}`,
    // 0/1 targets pushed as one-element rows, into a tensor made by a named import.
    `import {sequential, layers, tensor2d} from '@tensorflow/tfjs';
const model = sequential({layers: [layers.dense({units: 1, inputShape: [2]})]});
model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['accuracy']});
const ys = [];
export async function train(data, xs) {
  for (const d of data) ys.push([d.ok ? 1 : 0]);
  await model.fit(xs, tensor2d(ys));
}`,
    // The accuracy metric is for another output of a two-output model.
    TF +
      `const input = tf.input({shape: [4]});
const price = tf.layers.dense({units: 1, name: 'price'}).apply(input);
const kind = tf.layers.dense({units: 3, activation: 'softmax', name: 'kind'}).apply(input);
const m = tf.model({inputs: input, outputs: [price, kind]});
m.compile({optimizer: 'adam', loss: ['meanSquaredError', 'categoricalCrossentropy'], metrics: {kind: 'accuracy', price: 'mae'}});`,
  ],
  invalid: [
    // \`export {}\` exports nothing: no importer can train the model, so it is not trained out of sight.
    onRegression(
      `model.compile({optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['accuracy']});
export {};`,
      5,
    ),
    // A trainer exported and called here with the model: the file trains, so the labels are not out of sight
    // (the analysis cannot bind an exported function's parameter, but the file's \`fit\` call shows training).
    onRegression(
      `model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['accuracy']});
export function train(m, xs, ys) { return m.fit(xs, ys); }
train(model, tf.ones([2, 4]), tf.tensor2d([[120000], [98000]]));`,
      5,
    ),
    // Mapped to 0/1, then a measurement pushed: not 0/1 labels.
    onRegression(
      `model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['accuracy']});
export async function train(rows, xs, extra) {
  const ys = rows.map((r) => (r.ok ? 1 : 0));
  ys.push(extra.price);
  await model.fit(xs, tf.tensor1d(ys));
}`,
      5,
    ),
    {
      // The twin of the exported factory with 3 outputs: 'accuracy' is an argmax match, and three
      // regression targets are no classes (the one-hot case needs labels the rule would see).
      code: FACTORY_3,
      errors: [
        {
          messageId: 'accuracyOnRegression',
          data: {
            metric: "'accuracy'",
            loss: "'meanSquaredError'",
            activation: 'linear',
            line: 'line 5',
            meaning: CATEGORICAL,
          },
          line: 6,
          suggestions: ['mae', 'mse', null].map((replacement) => ({
            messageId: replacement ? 'useMetric' : 'removeMetric',
            data: replacement ? { replacement } : { metric: "'accuracy'" },
            output: FACTORY_3.replace("metrics: ['accuracy']", `metrics: [${replacement ? `'${replacement}'` : ''}]`),
          })),
        },
      ],
    },
    // The twin of the exported factory trained in the same file: the fit is in sight, its labels are not 0/1.
    onRegression(
      `export async function train(xs, prices) {
  model.compile({optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['accuracy']});
  await model.fit(xs, tf.tensor1d(prices));
}`,
      6,
    ),
    {
      // The twin of the recorder: pushed targets that are not known to be 0/1 are regression targets.
      ...onRegression(
        `model.compile({optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['accuracy']});
const labels = [];
export function record(price) { labels.push(price); }
export async function train(xs) { await model.fit(xs, tf.tensor1d(labels)); }`,
        5,
      ),
    },
    {
      // 0/1 pushes, but the array is also handed to code the analysis does not read: its values are unknown.
      ...onRegression(
        `model.compile({optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['accuracy']});
const labels = [];
export function record(hit, more) { labels.push(hit ? 1 : 0); more(labels); }
export async function train(xs) { await model.fit(xs, tf.tensor1d(labels)); }`,
        5,
      ),
    },
    {
      // The twin of the mapped labels: the callback returns a measurement.
      ...onRegression(
        `model.compile({optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['accuracy']});
export async function train(rows) {
  const ys = rows.map((r) => r.price);
  await model.fit(tf.tensor2d(rows.map((r) => r.x)), tf.tensor1d(ys));
}`,
        5,
      ),
    },
    {
      // The twin: targets written in the code that are not 0/1 are regression targets.
      code:
        TF +
        REGRESSION +
        `model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['accuracy']});
await model.fit(tf.tensor2d([[0, 0], [0, 1]]), tf.tensor2d([[0.5], [1.7]]), {epochs: 300});`,
      errors: [
        {
          messageId: 'accuracyOnRegression',
          line: 5,
          suggestions: ['mae', 'mse', null].map((replacement) => ({
            messageId: replacement ? 'useMetric' : 'removeMetric',
            data: replacement ? { replacement } : { metric: "'accuracy'" },
            output:
              TF +
              REGRESSION +
              `model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: [${replacement ? `'${replacement}'` : ''}]});
await model.fit(tf.tensor2d([[0, 0], [0, 1]]), tf.tensor2d([[0.5], [1.7]]), {epochs: 300});`,
          })),
        },
      ],
    },
    {
      // Policy "on a real path": the metric is certain, output and loss are chosen by one condition; when
      // \`classify\` is false the model is a regression with 'accuracy'. No edit: the classifier uses it too.
      code:
        TF +
        `export function build(classify) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: classify ? 'softmax' : 'linear', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: classify ? 'categoricalCrossentropy' : 'meanSquaredError', metrics: ['accuracy']});
}`,
      errors: [
        {
          messageId: 'accuracyOnRegression',
          data: {
            metric: "'accuracy'",
            loss: "'meanSquaredError'",
            activation: 'linear',
            // The branch that makes it a regression.
            line: 'line 3, when `classify` is false',
            meaning: CATEGORICAL,
          },
          line: 4,
          suggestions: [],
        },
      ],
    },
    {
      // The regression is certain, the accuracy metric chosen by a setting: a bug when \`verbose\`. Only that
      // branch's metric is edited.
      code:
        TF +
        REGRESSION +
        `export function train(verbose, xs, ys) { model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: verbose ? ['mae', 'accuracy'] : ['mae']}); return model.fit(xs, ys); }`,
      errors: [
        {
          messageId: 'accuracyOnRegression',
          line: 5,
          suggestions: [
            {
              messageId: 'useMetric',
              data: { replacement: 'mse' },
              output:
                TF +
                REGRESSION +
                `export function train(verbose, xs, ys) { model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: verbose ? ['mae', 'mse'] : ['mae']}); return model.fit(xs, ys); }`,
            },
            {
              messageId: 'removeMetric',
              data: { metric: "'accuracy'" },
              output:
                TF +
                REGRESSION +
                `export function train(verbose, xs, ys) { model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: verbose ? ['mae'] : ['mae']}); return model.fit(xs, ys); }`,
            },
          ],
        },
      ],
    },
    {
      // The issue's case: a 1-unit linear regression with 'accuracy'; it reads 0.
      code: TF + REGRESSION + `model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['accuracy']});`,
      errors: [
        {
          messageId: 'accuracyOnRegression',
          data: {
            metric: "'accuracy'",
            loss: "'meanSquaredError'",
            activation: 'linear',
            line: 'line 4',
            meaning: BINARY,
          },
          line: 5,
          suggestions: [
            {
              messageId: 'useMetric',
              data: { replacement: 'mae' },
              output:
                TF + REGRESSION + `model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['mae']});`,
            },
            {
              messageId: 'useMetric',
              data: { replacement: 'mse' },
              output:
                TF + REGRESSION + `model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['mse']});`,
            },
            {
              messageId: 'removeMetric',
              data: { metric: "'accuracy'" },
              output: TF + REGRESSION + `model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: []});`,
            },
          ],
        },
      ],
    },
    {
      // 'acc' next to 'mae': only 'mse' is offered as a replacement; several relu outputs: categoricalAccuracy.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'relu', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: tf.losses.huberLoss, metrics: ['mae', 'acc']});`,
      errors: [
        {
          messageId: 'accuracyOnRegression',
          data: {
            metric: "'acc'",
            loss: 'tf.losses.huberLoss',
            activation: 'relu',
            line: 'line 2',
            meaning: CATEGORICAL,
          },
          suggestions: [
            {
              messageId: 'useMetric',
              data: { replacement: 'mse' },
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'relu', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: tf.losses.huberLoss, metrics: ['mae', 'mse']});`,
            },
            {
              messageId: 'removeMetric',
              data: { metric: "'acc'" },
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'relu', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: tf.losses.huberLoss, metrics: ['mae']});`,
            },
          ],
        },
      ],
    },
    {
      // A leakyReLU layer as the output, functional API, model kept in this.model.
      code:
        TF +
        `export class Trainer {
  build() {
    const input = tf.input({shape: [8]});
    const dense = tf.layers.dense({units: 4}).apply(input);
    const out = tf.layers.leakyReLU().apply(dense);
    this.model = tf.model({inputs: input, outputs: out});
  }
  train() {
    this.build();
    this.model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['accuracy']});
  }
}`,
      errors: [
        {
          messageId: 'accuracyOnRegression',
          data: {
            metric: "'accuracy'",
            loss: "'meanSquaredError'",
            activation: 'leakyReLU',
            line: 'line 6',
            meaning: CATEGORICAL,
          },
          suggestions: [
            {
              messageId: 'useMetric',
              data: { replacement: 'mae' },
              output:
                TF +
                `export class Trainer {
  build() {
    const input = tf.input({shape: [8]});
    const dense = tf.layers.dense({units: 4}).apply(input);
    const out = tf.layers.leakyReLU().apply(dense);
    this.model = tf.model({inputs: input, outputs: out});
  }
  train() {
    this.build();
    this.model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['mae']});
  }
}`,
            },
            {
              messageId: 'useMetric',
              data: { replacement: 'mse' },
              output:
                TF +
                `export class Trainer {
  build() {
    const input = tf.input({shape: [8]});
    const dense = tf.layers.dense({units: 4}).apply(input);
    const out = tf.layers.leakyReLU().apply(dense);
    this.model = tf.model({inputs: input, outputs: out});
  }
  train() {
    this.build();
    this.model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['mse']});
  }
}`,
            },
            {
              messageId: 'removeMetric',
              data: { metric: "'accuracy'" },
              output:
                TF +
                `export class Trainer {
  build() {
    const input = tf.input({shape: [8]});
    const dense = tf.layers.dense({units: 4}).apply(input);
    const out = tf.layers.leakyReLU().apply(dense);
    this.model = tf.model({inputs: input, outputs: out});
  }
  train() {
    this.build();
    this.model.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: []});
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // tf.metrics.binaryAccuracy passed as a function, in a per-output object.
      code:
        TF +
        `const input = tf.input({shape: [4]});
const price = tf.layers.dense({units: 1, name: 'price'}).apply(input);
const m = tf.model({inputs: input, outputs: price});
m.compile({optimizer: 'adam', loss: 'meanAbsoluteError', metrics: {price: tf.metrics.binaryAccuracy}});`,
      errors: [
        {
          messageId: 'accuracyOnRegression',
          data: {
            metric: '`tf.metrics.binaryAccuracy`',
            loss: "'meanAbsoluteError'",
            activation: 'linear',
            line: 'line 3',
            meaning:
              'a classification metric, `binaryAccuracy`: predictions rounded at 0.5 must equal the targets, so it reads about 0 on continuous targets',
          },
          suggestions: [
            {
              messageId: 'useMetric',
              data: { replacement: 'mae' },
              output:
                TF +
                `const input = tf.input({shape: [4]});
const price = tf.layers.dense({units: 1, name: 'price'}).apply(input);
const m = tf.model({inputs: input, outputs: price});
m.compile({optimizer: 'adam', loss: 'meanAbsoluteError', metrics: {price: 'mae'}});`,
            },
            {
              messageId: 'useMetric',
              data: { replacement: 'mse' },
              output:
                TF +
                `const input = tf.input({shape: [4]});
const price = tf.layers.dense({units: 1, name: 'price'}).apply(input);
const m = tf.model({inputs: input, outputs: price});
m.compile({optimizer: 'adam', loss: 'meanAbsoluteError', metrics: {price: 'mse'}});`,
            },
          ],
        },
      ],
    },
    {
      // A metrics constant shared by two compile calls: reported at the constant, no edit offered.
      code:
        TF +
        `const METRICS = ['accuracy'];
const a = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
a.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: METRICS});
const b = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});
b.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: METRICS});`,
      errors: [
        {
          messageId: 'accuracyOnRegression',
          data: {
            metric: "'accuracy'",
            loss: "'meanSquaredError'",
            activation: 'linear',
            line: 'line 3',
            meaning: BINARY,
          },
          line: 2,
          suggestions: [],
        },
      ],
    },
  ],
});
