import rule from '../../src/rules/no-binary-crossentropy-multiclass.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

/** Report data, softmax case: the loss as shown, the width, the activation's line, and the binaryAccuracy floor when it applies. */
const softmax = (loss: string, units: string, line: number, floor?: string) => ({
  loss,
  units,
  where: ` (line ${line})`,
  ...(floor ? { floor } : {}),
});

/** Report data, one-hot case: as above plus the fit call's line. */
const oneHot = (loss: string, units: string, line: number, fitLine: number, floor?: string) => ({
  ...softmax(loss, units, line, floor),
  fit: `line ${fitLine}`,
});

const BCE = "`'binaryCrossentropy'`";

runRule('no-binary-crossentropy-multiclass', rule, {
  valid: [
    // Softmax over 2 units: binary cross-entropy over a 2-way softmax equals the categorical loss.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 2, activation: 'softmax', inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});`,
    // The Teachable Machine codelab: the number of classes is only known at run time, and the loss
    // follows it (binary for 2 classes). Width unknown: silent.
    TF +
      `const CLASS_NAMES = [];
let model;
export function addClass(name) { CLASS_NAMES.push(name); }
export function buildModel() {
  model = tf.sequential();
  model.add(tf.layers.dense({inputShape: [1024], units: 128, activation: 'relu'}));
  model.add(tf.layers.dense({units: CLASS_NAMES.length, activation: 'softmax'}));
  model.compile({
    optimizer: 'adam',
    loss: (CLASS_NAMES.length === 2) ? 'binaryCrossentropy' : 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
}`,
    // The same with a constant: it folds to 2 units and the binary loss, which is fine.
    TF +
      `const NUM_CLASSES = 2;
const model = tf.sequential();
model.add(tf.layers.dense({units: NUM_CLASSES, activation: 'softmax', inputShape: [1024]}));
model.compile({optimizer: 'adam', loss: NUM_CLASSES === 2 ? 'binaryCrossentropy' : 'categoricalCrossentropy'});`,
    // A class count given by the caller: unknown width, silent.
    TF +
      `export function head(numClasses) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: numClasses, activation: 'softmax', inputShape: [64]}));
  m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
  return m;
}`,
    // A denoising autoencoder: sigmoid per pixel with binaryCrossentropy, labels are the images.
    TF +
      `const model = tf.sequential();
model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [784]}));
model.add(tf.layers.dense({units: 784, activation: 'sigmoid'}));
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
export async function train(images) {
  const noisy = images.add(tf.randomNormal(images.shape, 0, 0.1)).clipByValue(0, 1);
  await model.fit(noisy, images, {epochs: 20, batchSize: 128});
}`,
    // Multi-label tagging: sigmoid over 5 tags, multi-hot labels built from arrays.
    TF +
      `const model = tf.sequential({layers: [
  tf.layers.dense({units: 64, activation: 'relu', inputShape: [300]}),
  tf.layers.dense({units: 5, activation: 'sigmoid'}),
]});
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});
export async function train(xs, tags) {
  const ys = tf.tensor2d(tags, [tags.length, 5]);
  await model.fit(xs, ys, {epochs: 10});
}`,
    // Two heads matched by position: softmax with the categorical loss, sigmoid tags with the binary one,
    // even though the class labels are one-hot.
    TF +
      `const input = tf.input({shape: [64]});
const digit = tf.layers.dense({units: 10, activation: 'softmax'}).apply(input);
const tags = tf.layers.dense({units: 4, activation: 'sigmoid'}).apply(input);
const model = tf.model({inputs: input, outputs: [digit, tags]});
model.compile({optimizer: 'adam', loss: ['categoricalCrossentropy', 'binaryCrossentropy'], metrics: ['accuracy']});
export async function train(xs, ids, tagRows) {
  await model.fit(xs, [tf.oneHot(ids, 10), tf.tensor2d(tagRows)], {epochs: 5});
}`,
    // Labels are one-hot on one path only (multi-hot when multiLabel is set): not exclusive on every path.
    TF +
      `const model = tf.sequential();
model.add(tf.layers.dense({units: 6, activation: 'sigmoid', inputShape: [12]}));
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
export async function train(xs, rows, ids, multiLabel) {
  const ys = multiLabel ? tf.tensor2d(rows) : tf.oneHot(tf.tensor1d(ids, 'int32'), 6);
  await model.fit(xs, ys);
}`,
    // The model is also trained on labels of unknown origin (a second fit): not provably one-hot.
    TF +
      `const model = tf.sequential();
model.add(tf.layers.dense({units: 6, activation: 'sigmoid', inputShape: [12]}));
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
export async function train(xs, ids, moreXs, moreYs) {
  await model.fit(xs, tf.oneHot(tf.tensor1d(ids, 'int32'), 6));
  await model.fit(moreXs, moreYs);
}`,
    // One-hot labels train a different model; this sigmoid model is trained from a dataset.
    TF +
      `const tagger = tf.sequential({layers: [tf.layers.dense({units: 6, activation: 'sigmoid', inputShape: [12]})]});
tagger.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
const classifier = tf.sequential({layers: [tf.layers.dense({units: 6, activation: 'softmax', inputShape: [12]})]});
classifier.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
export async function train(xs, ids, dataset) {
  await classifier.fit(xs, tf.oneHot(tf.tensor1d(ids, 'int32'), 6));
  await tagger.fitDataset(dataset, {epochs: 3});
}`,
    // Softmax with the categorical loss on one-hot labels: right.
    TF +
      `const model = tf.sequential({layers: [tf.layers.dense({units: 10, activation: 'softmax', inputShape: [784]})]});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});
export const train = (xs, ids) => model.fit(xs, tf.oneHot(ids, 10));`,
    // A compile helper used for a 2-unit softmax and a 1-unit sigmoid: both fine.
    TF +
      `function compileBinary(model) { model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'}); }
compileBinary(tf.sequential({layers: [tf.layers.dense({units: 2, activation: 'softmax', inputShape: [3]})]}));
compileBinary(tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [3]})]}));`,
    // Loss chosen together with the activation: softmax pairs with the categorical loss only.
    TF +
      `export function build(multiLabel) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 8, activation: multiLabel ? 'sigmoid' : 'softmax', inputShape: [4]}));
  m.compile({optimizer: 'adam', loss: multiLabel ? 'binaryCrossentropy' : 'categoricalCrossentropy'});
  return m;
}`,
    // Loaded model: topology unknown.
    TF +
      `export async function load() {
  const m = await tf.loadLayersModel('indexeddb://classifier');
  m.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});
  return m;
}`,
    // Policy "on a real path": the activation by one setting, the loss by another, independent one.
    TF +
      `export function build(probs, kind) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 10, activation: probs ? 'softmax' : 'sigmoid', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: kind === 'bce' ? 'binaryCrossentropy' : 'categoricalCrossentropy'});
}`,
    // The width is unknown on the binary-loss path (a config object).
    TF +
      `export function build(useBce, cfg) {
  const m = tf.sequential({layers: [tf.layers.dense({units: useBce ? cfg.classes : 10, activation: 'softmax', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: useBce ? 'binaryCrossentropy' : 'categoricalCrossentropy'});
}`,
    // Which write of the module variable compile sees depends on call order, not on a path the code
    // chooses: judged on every path, and one write is the categorical loss.
    TF +
      `let loss = 'categoricalCrossentropy';
export function multiLabel() { loss = 'binaryCrossentropy'; }
export function build() {
  const m = tf.sequential({layers: [tf.layers.dense({units: 10, activation: 'softmax', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss});
}`,
  ],
  invalid: [
    {
      // One loss string for two outputs, the second unknown (a model passed in): the loss is not edited
      // (it also trains that output); the softmax is this output's own, so the sigmoid stays offered.
      code:
        TF +
        `export function build(base) {
  const input = tf.input({shape: [4]});
  const a = tf.layers.dense({units: 10, activation: 'softmax'}).apply(input);
  const m = tf.model({inputs: input, outputs: [a, base.apply(input)]});
  m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
}`,
      output: null,
      errors: [
        {
          messageId: 'binaryLossOnSoftmax',
          data: softmax(BCE, '10', 4),
          line: 6,
          suggestions: [
            {
              messageId: 'useSigmoid',
              output:
                TF +
                `export function build(base) {
  const input = tf.input({shape: [4]});
  const a = tf.layers.dense({units: 10, activation: 'sigmoid'}).apply(input);
  const m = tf.model({inputs: input, outputs: [a, base.apply(input)]});
  m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
}`,
            },
          ],
        },
      ],
    },
    {
      // Policy "on a real path": the output is always a 10-way softmax, the loss picked by a setting; on
      // the \`useBce\` branch the binary loss meets it. That branch's loss is its own: autofix. Metrics by
      // the same condition: accuracy is binaryAccuracy on that path.
      code:
        TF +
        `export function build(useBce) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 10, activation: 'softmax', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: useBce ? 'binaryCrossentropy' : 'categoricalCrossentropy', metrics: useBce ? ['accuracy'] : []});
}`,
      output:
        TF +
        `export function build(useBce) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 10, activation: 'softmax', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: useBce ? 'categoricalCrossentropy' : 'categoricalCrossentropy', metrics: useBce ? ['accuracy'] : []});
}`,
      // The message names the branch of the loss.
      errors: [
        {
          messageId: 'binaryLossOnSoftmaxAccuracy',
          data: softmax(`${BCE} (when \`useBce\`)`, '10', 3, '0.900'),
          line: 4,
        },
      ],
    },
    {
      // The metrics follow an independent setting: accuracy is not certain on the buggy path, so the
      // plain message.
      code:
        TF +
        `export function build(useBce, track) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 10, activation: 'softmax', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: useBce ? 'binaryCrossentropy' : 'categoricalCrossentropy', metrics: track ? ['accuracy'] : []});
}`,
      output:
        TF +
        `export function build(useBce, track) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 10, activation: 'softmax', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: useBce ? 'categoricalCrossentropy' : 'categoricalCrossentropy', metrics: track ? ['accuracy'] : []});
}`,
      errors: [{ messageId: 'binaryLossOnSoftmax', data: softmax(`${BCE} (when \`useBce\`)`, '10', 3), line: 4 }],
    },
    {
      // The loss is certain, the width chosen by a setting: 10 exclusive classes when \`big\`. The loss
      // and the softmax also serve the 2-unit path (fine): no edit.
      code:
        TF +
        `export function build(big) {
  const m = tf.sequential({layers: [tf.layers.dense({units: big ? 10 : 2, activation: 'softmax', inputShape: [4]})]});
  m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
}`,
      output: null,
      // The message names the branch of the width.
      errors: [
        {
          messageId: 'binaryLossOnSoftmax',
          data: { ...softmax(BCE, '10', 3), where: ' (line 3, when `big`)' },
          line: 4,
          suggestions: [],
        },
      ],
    },
    {
      // One-hot labels (certain) and a 6-unit sigmoid; the loss is picked by a switch whose default is
      // the binary loss.
      code:
        TF +
        `function lossFor(kind) {
  switch (kind) {
    case 'ce':
      return 'categoricalCrossentropy';
    default:
      return 'binaryCrossentropy';
  }
}
const model = tf.sequential({layers: [tf.layers.dense({units: 6, activation: 'sigmoid', inputShape: [4]})]});
export async function train(kind, xs, ids) {
  model.compile({optimizer: 'adam', loss: lossFor(kind)});
  await model.fit(xs, tf.oneHot(tf.tensor1d(ids, 'int32'), 6));
}`,
      output: null,
      errors: [
        {
          messageId: 'binaryLossOnOneHot',
          data: oneHot(`${BCE} (in the \`default\` case on line 6)`, '6', 10, 13),
          line: 12,
          suggestions: [],
        },
      ],
    },
    {
      // One loss string for two softmax outputs: one report at the loss naming both
      // (widths and lines), with the accuracy floor of each; two outputs, so the
      // categorical loss is a suggestion, not an autofix.
      code:
        TF +
        `const input = tf.input({shape: [4]});
const a = tf.layers.dense({units: 3, activation: 'softmax'}).apply(input);
const b = tf.layers.dense({units: 5, activation: 'softmax'}).apply(input);
const m = tf.model({inputs: input, outputs: [a, b]});
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});`,
      output: null,
      errors: [
        {
          messageId: 'binaryLossOnSoftmaxAccuracy',
          data: { loss: BCE, units: '3 or 5', where: ' (lines 3, 4)', floor: '0.667 or 0.800' },
          line: 6,
          column: 37,
          suggestions: [
            {
              messageId: 'useCategoricalLoss',
              output:
                TF +
                `const input = tf.input({shape: [4]});
const a = tf.layers.dense({units: 3, activation: 'softmax'}).apply(input);
const b = tf.layers.dense({units: 5, activation: 'softmax'}).apply(input);
const m = tf.model({inputs: input, outputs: [a, b]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
            },
          ],
        },
      ],
    },
    {
      // The canonical bug with metrics: ['accuracy']: binaryAccuracy inflates the accuracy.
      // Autofix: the categorical loss; suggestion: sigmoid, if the classes are independent.
      code:
        TF +
        `const model = tf.sequential();
model.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [784]}));
model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});`,
      output:
        TF +
        `const model = tf.sequential();
model.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [784]}));
model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
      errors: [
        {
          messageId: 'binaryLossOnSoftmaxAccuracy',
          data: softmax(BCE, '10', 4, '0.900'),
          line: 5,
          column: 41,
          endLine: 5,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useSigmoid',
              output:
                TF +
                `const model = tf.sequential();
model.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [784]}));
model.add(tf.layers.dense({units: 10, activation: 'sigmoid'}));
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});`,
            },
          ],
        },
      ],
    },
    {
      // tf.metrics.binaryCrossentropy as a function: TF.js gives categoricalAccuracy then, so the
      // message does not claim inflated accuracy.
      code:
        TF +
        `const m = tf.sequential();
m.add(tf.layers.dense({units: 4, activation: 'softmax', inputShape: [8]}));
m.compile({optimizer: 'adam', loss: tf.metrics.binaryCrossentropy, metrics: ['accuracy']});`,
      output:
        TF +
        `const m = tf.sequential();
m.add(tf.layers.dense({units: 4, activation: 'softmax', inputShape: [8]}));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
      errors: [
        {
          messageId: 'binaryLossOnSoftmax',
          data: softmax('`tf.metrics.binaryCrossentropy`', '4', 3),
          line: 4,
          column: 37,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'useSigmoid',
              output:
                TF +
                `const m = tf.sequential();
m.add(tf.layers.dense({units: 4, activation: 'sigmoid', inputShape: [8]}));
m.compile({optimizer: 'adam', loss: tf.metrics.binaryCrossentropy, metrics: ['accuracy']});`,
            },
          ],
        },
      ],
    },
    {
      // Units from LABELS.length of a constant array; metrics: ['acc'] is the same metric.
      code:
        TF +
        `const LABELS = ['rock', 'paper', 'scissors'];
const model = tf.sequential();
model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [5]}));
model.add(tf.layers.dense({units: LABELS.length, activation: 'softmax'}));
model.compile({optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['acc']});`,
      output:
        TF +
        `const LABELS = ['rock', 'paper', 'scissors'];
const model = tf.sequential();
model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [5]}));
model.add(tf.layers.dense({units: LABELS.length, activation: 'softmax'}));
model.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['acc']});`,
      errors: [
        {
          messageId: 'binaryLossOnSoftmaxAccuracy',
          data: softmax(BCE, '3', 5, '0.667'),
          line: 6,
          column: 40,
          suggestions: [
            {
              messageId: 'useSigmoid',
              output:
                TF +
                `const LABELS = ['rock', 'paper', 'scissors'];
const model = tf.sequential();
model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [5]}));
model.add(tf.layers.dense({units: LABELS.length, activation: 'sigmoid'}));
model.compile({optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['acc']});`,
            },
          ],
        },
      ],
    },
    {
      // A softmax layer after a linear dense; named imports, double quotes kept. No metrics: the plain
      // message. The softmax layer has no activation literal, so no sigmoid suggestion.
      code: `import {sequential, layers} from "@tensorflow/tfjs";
const m = sequential();
m.add(layers.dense({units: 10, inputShape: [4]}));
m.add(layers.softmax());
m.compile({optimizer: "adam", loss: "binaryCrossentropy"});`,
      output: `import {sequential, layers} from "@tensorflow/tfjs";
const m = sequential();
m.add(layers.dense({units: 10, inputShape: [4]}));
m.add(layers.softmax());
m.compile({optimizer: "adam", loss: "categoricalCrossentropy"});`,
      errors: [
        {
          messageId: 'binaryLossOnSoftmax',
          data: softmax(BCE, '10', 4),
          line: 5,
          column: 37,
          suggestions: [],
        },
      ],
    },
    {
      // The loss is held in a constant: reported where compile reads it; the constant is not edited.
      code:
        TF +
        `const LOSS = 'binaryCrossentropy';
const m = tf.sequential({layers: [tf.layers.dense({units: 5, activation: 'softmax', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: LOSS});`,
      output: null,
      errors: [
        {
          messageId: 'binaryLossOnSoftmax',
          data: softmax(BCE, '5', 3),
          line: 4,
          column: 37,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useSigmoid',
              output:
                TF +
                `const LOSS = 'binaryCrossentropy';
const m = tf.sequential({layers: [tf.layers.dense({units: 5, activation: 'sigmoid', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: LOSS});`,
            },
          ],
        },
      ],
    },
    {
      // Two heads by position: the sigmoid tags head is fine with the binary loss, the softmax digit
      // head is not. Multi-output: suggestions only.
      code:
        TF +
        `const input = tf.input({shape: [64]});
const tags = tf.layers.dense({units: 4, activation: 'sigmoid'}).apply(input);
const digit = tf.layers.dense({units: 10, activation: 'softmax'}).apply(input);
const model = tf.model({inputs: input, outputs: [tags, digit]});
model.compile({optimizer: 'adam', loss: ['binaryCrossentropy', 'binaryCrossentropy'], metrics: ['accuracy']});`,
      output: null,
      errors: [
        {
          messageId: 'binaryLossOnSoftmaxAccuracy',
          data: softmax(BCE, '10', 4, '0.900'),
          line: 6,
          column: 64,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'useCategoricalLoss',
              output:
                TF +
                `const input = tf.input({shape: [64]});
const tags = tf.layers.dense({units: 4, activation: 'sigmoid'}).apply(input);
const digit = tf.layers.dense({units: 10, activation: 'softmax'}).apply(input);
const model = tf.model({inputs: input, outputs: [tags, digit]});
model.compile({optimizer: 'adam', loss: ['binaryCrossentropy', 'categoricalCrossentropy'], metrics: ['accuracy']});`,
            },
            {
              messageId: 'useSigmoid',
              output:
                TF +
                `const input = tf.input({shape: [64]});
const tags = tf.layers.dense({units: 4, activation: 'sigmoid'}).apply(input);
const digit = tf.layers.dense({units: 10, activation: 'sigmoid'}).apply(input);
const model = tf.model({inputs: input, outputs: [tags, digit]});
model.compile({optimizer: 'adam', loss: ['binaryCrossentropy', 'binaryCrossentropy'], metrics: ['accuracy']});`,
            },
          ],
        },
      ],
    },
    {
      // Width chosen by a condition, both choices above 2: reported on every path; not unconditional,
      // so the loss change is a suggestion.
      code:
        TF +
        `export function build(big) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: big ? 100 : 10, activation: 'softmax', inputShape: [8]}));
  m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
  return m;
}`,
      output: null,
      errors: [
        {
          messageId: 'binaryLossOnSoftmax',
          data: softmax(BCE, '10 or 100', 4),
          line: 5,
          column: 39,
          suggestions: [
            {
              messageId: 'useCategoricalLoss',
              output:
                TF +
                `export function build(big) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: big ? 100 : 10, activation: 'softmax', inputShape: [8]}));
  m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
  return m;
}`,
            },
            {
              messageId: 'useSigmoid',
              output:
                TF +
                `export function build(big) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: big ? 100 : 10, activation: 'sigmoid', inputShape: [8]}));
  m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
  return m;
}`,
            },
          ],
        },
      ],
    },
    {
      // A wrapper around tf.metrics.binaryCrossentropy: reported at its name in compile; a function
      // loss gives categoricalAccuracy, so no accuracy claim.
      code:
        TF +
        `const bce = (yTrue, yPred) => tf.metrics.binaryCrossentropy(yTrue, yPred).mean();
const m = tf.sequential({layers: [tf.layers.dense({units: 6, activation: 'softmax', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: bce, metrics: ['accuracy']});`,
      output: null,
      errors: [
        {
          messageId: 'binaryLossOnSoftmax',
          data: softmax('`tf.metrics.binaryCrossentropy`', '6', 3),
          line: 4,
          column: 37,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useSigmoid',
              output:
                TF +
                `const bce = (yTrue, yPred) => tf.metrics.binaryCrossentropy(yTrue, yPred).mean();
const m = tf.sequential({layers: [tf.layers.dense({units: 6, activation: 'sigmoid', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: bce, metrics: ['accuracy']});`,
            },
          ],
        },
      ],
    },
    {
      // Sigmoid over 10 units trained on one-hot labels (tf.oneHot inside tf.tidy, then toFloat):
      // exclusive classes trained as multi-label, with binaryAccuracy. Suggestion only: both edits.
      code:
        TF +
        `const NUM_CLASSES = 10;
const model = tf.sequential();
model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [16]}));
model.add(tf.layers.dense({units: NUM_CLASSES, activation: 'sigmoid'}));
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['acc']});
export async function train(xs, labelIds) {
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labelIds, 'int32'), NUM_CLASSES).toFloat());
  await model.fit(xs, ys, {epochs: 10});
}`,
      output: null,
      errors: [
        {
          messageId: 'binaryLossOnOneHotAccuracy',
          data: oneHot(BCE, '10', 5, 9, '0.900'),
          line: 6,
          column: 41,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useSoftmaxAndCategoricalLoss',
              output:
                TF +
                `const NUM_CLASSES = 10;
const model = tf.sequential();
model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [16]}));
model.add(tf.layers.dense({units: NUM_CLASSES, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc']});
export async function train(xs, labelIds) {
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labelIds, 'int32'), NUM_CLASSES).toFloat());
  await model.fit(xs, ys, {epochs: 10});
}`,
            },
          ],
        },
      ],
    },
    {
      // The model comes from a factory and is trained by a helper; the labels are tf.cast(tf.oneHot(...))
      // reshaped, passed through a variable and a parameter. No metrics: the plain message.
      code:
        TF +
        `function buildModel() {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 3, activation: 'sigmoid', inputShape: [4]}));
  m.compile({optimizer: 'sgd', loss: 'binaryCrossentropy'});
  return m;
}
async function train(model, xs, ys) {
  return model.fit(xs, ys, {epochs: 50, shuffle: true});
}
const model = buildModel();
const labels = tf.cast(tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3), 'float32').reshape([4, 3]);
train(model, tf.tensor2d([[1, 2, 3, 4], [2, 3, 4, 5], [3, 4, 5, 6], [4, 5, 6, 7]]), labels);`,
      output: null,
      errors: [
        {
          messageId: 'binaryLossOnOneHot',
          data: oneHot(BCE, '3', 4, 9),
          line: 5,
          column: 38,
          suggestions: [
            {
              messageId: 'useSoftmaxAndCategoricalLoss',
              output:
                TF +
                `function buildModel() {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 3, activation: 'softmax', inputShape: [4]}));
  m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
  return m;
}
async function train(model, xs, ys) {
  return model.fit(xs, ys, {epochs: 50, shuffle: true});
}
const model = buildModel();
const labels = tf.cast(tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3), 'float32').reshape([4, 3]);
train(model, tf.tensor2d([[1, 2, 3, 4], [2, 3, 4, 5], [3, 4, 5, 6], [4, 5, 6, 7]]), labels);`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript: the compile config cast to its type; the fix keeps the cast.
      tsOnly: true,
      code:
        TF +
        `const m: tf.Sequential = tf.sequential();
m.add(tf.layers.dense({units: 7, activation: 'softmax', inputShape: [3]}));
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']} as tf.ModelCompileArgs);`,
      output:
        TF +
        `const m: tf.Sequential = tf.sequential();
m.add(tf.layers.dense({units: 7, activation: 'softmax', inputShape: [3]}));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']} as tf.ModelCompileArgs);`,
      errors: [
        {
          messageId: 'binaryLossOnSoftmaxAccuracy',
          data: softmax(BCE, '7', 3, '0.857'),
          line: 4,
          column: 37,
          suggestions: [
            {
              messageId: 'useSigmoid',
              output:
                TF +
                `const m: tf.Sequential = tf.sequential();
m.add(tf.layers.dense({units: 7, activation: 'sigmoid', inputShape: [3]}));
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']} as tf.ModelCompileArgs);`,
            },
          ],
        },
      ],
    },
  ],
});
