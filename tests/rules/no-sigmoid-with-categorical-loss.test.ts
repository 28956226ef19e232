import rule from '../../src/rules/no-sigmoid-with-categorical-loss.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

/** TypeScript: a type alias named like the constant that holds the activation. */
const TYPE_NAMED_LIKE_CONSTANT =
  TF +
  `const act = 'sigmoid';
function build() {
  type act = string;
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 3, activation: act, inputShape: [4]}));
  m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
  return m;
}
build();`;

/** The report's data: the loss as shown, and where it is named (not repeated when on the line reported at). */
const data = (loss: string, line: number | string, at?: number) => ({
  loss,
  where: line === at ? '' : typeof line === 'number' ? ` (line ${line})` : ` (${line})`,
  output: '',
});

/** A model compiled with `first`, trained, compiled again with the categorical loss and trained again (fine-tuning). */
const fineTuned = (activation: string, first: string) =>
  TF +
  `const model = tf.sequential();
model.add(tf.layers.dense({units: 10, inputShape: [4], activation: 'relu'}));
model.add(tf.layers.dense({units: 3, activation: '${activation}'}));
model.compile({optimizer: 'adam', loss: '${first}'});
await model.fit(xs, ys);
model.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
await model.fit(xs, ys);`;

runRule('no-sigmoid-with-categorical-loss', rule, {
  valid: [
    // A helper's parameter is another condition at each call: \`isA\` and \`isB\` are independent.
    TF +
      `function pick(c, a, b) {
  return c ? a : b;
}
export function build(isA, isB) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 10, inputShape: [4], activation: pick(isA, 'softmax', 'sigmoid')}));
  model.compile({optimizer: 'adam', loss: pick(isB, 'binaryCrossentropy', 'categoricalCrossentropy')});
  return model;
}`,
    // Two draws of \`Math.random()\` are two conditions, whatever their text.
    TF +
      `const model = tf.sequential();
model.add(tf.layers.dense({units: 10, inputShape: [4], activation: Math.random() > 0.5 ? 'softmax' : 'sigmoid'}));
model.compile({optimizer: 'adam', loss: Math.random() > 0.5 ? 'binaryCrossentropy' : 'categoricalCrossentropy'});`,
    // Softmax with the categorical loss: the intended pairing.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 10, activation: 'softmax', inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
    // Sigmoid with binaryCrossentropy: multi-label, each unit its own yes/no.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [300]}));
m.add(tf.layers.dense({units: 6, activation: 'sigmoid'}));
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});`,
    // One sigmoid unit with a categorical loss: no-categorical-loss-single-unit owns it.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    // A sigmoid hidden layer; the output is a softmax.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 16, activation: 'sigmoid', inputShape: [4]}));
m.add(tf.layers.activation({activation: 'sigmoid'}));
m.add(tf.layers.dense({units: 3, activation: 'softmax'}));
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`,
    // The activation is 'softmax' unless useSigmoid() runs, which this file never shows:
    // not sigmoid on every path (was reported as if the function's write always ran).
    TF +
      `let ACT = 'softmax';
function useSigmoid() { ACT = 'sigmoid'; }
const m = tf.sequential();
m.add(tf.layers.dense({units: 10, activation: ACT, inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    // Unset (the default, linear) unless useSigmoid() runs: not sigmoid on every path.
    TF +
      `let ACT;
function useSigmoid() { ACT = 'sigmoid'; }
const m = tf.sequential();
m.add(tf.layers.dense({units: 10, activation: ACT, inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    // The same, read in a third function: useSigmoid() may not have run before build().
    TF +
      `let ACT;
function useSigmoid() { ACT = 'sigmoid'; }
function build() {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 10, activation: ACT, inputShape: [4]}));
  m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
}
build();`,
    // Read in a loop whose later turn sees 'softmax' (written after the read in the loop).
    TF +
      `let act = 'sigmoid';
function build() {
  act = 'sigmoid';
  for (let i = 0; i < 2; i++) {
    if (i === 1) {
      const m = tf.sequential();
      m.add(tf.layers.dense({units: 3, activation: act, inputShape: [3]}));
      m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
    }
    act = 'softmax';
  }
}
build();`,
    // Activation from a parameter no call in this file passes: unknown.
    TF +
      `export function build(activation) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 3, activation, inputShape: [2]}));
  m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
}`,
    // Activation and loss chosen by the same condition: sigmoid pairs only with binaryCrossentropy.
    TF +
      `export function build(multiLabel, numClasses) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [10]}));
  m.add(tf.layers.dense({units: numClasses, activation: multiLabel ? 'sigmoid' : 'softmax'}));
  m.compile({optimizer: 'adam', loss: multiLabel ? 'binaryCrossentropy' : 'categoricalCrossentropy'});
  return m;
}`,
    // Sigmoid into a logits loss: no-activation-before-logits-loss's business, not this rule's.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 4, activation: 'sigmoid', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    // Sigmoid with a regression loss.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 4, activation: 'sigmoid', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: 'meanSquaredError'});`,
    // Loaded model: topology unknown.
    TF +
      `async function f() {
  const m = await tf.loadLayersModel('file://m.json');
  m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
}`,
    // Two heads matched by position: the sigmoid head has the binary loss, the softmax head the categorical one.
    TF +
      `const input = tf.input({shape: [32]});
const h = tf.layers.dense({units: 16, activation: 'relu'}).apply(input);
const tags = tf.layers.dense({units: 5, activation: 'sigmoid'}).apply(h);
const kind = tf.layers.dense({units: 3, activation: 'softmax'}).apply(h);
const model = tf.model({inputs: input, outputs: [tags, kind]});
model.compile({optimizer: 'adam', loss: ['binaryCrossentropy', 'categoricalCrossentropy']});`,
    // The same heads matched by name through a loss object.
    TF +
      `const input = tf.input({shape: [32]});
const tags = tf.layers.dense({units: 5, activation: 'sigmoid', name: 'tags'}).apply(input);
const kind = tf.layers.dense({units: 3, activation: 'softmax', name: 'kind'}).apply(input);
const model = tf.model({inputs: input, outputs: [tags, kind]});
model.compile({optimizer: 'adam', loss: {kind: 'categoricalCrossentropy', tags: 'binaryCrossentropy'}});`,
    // Sigmoid applied after predict() for display; the model itself is a softmax classifier.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [2]})]});
m.compile({optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy'});
export const scores = (x) => tf.sigmoid(m.predict(x));`,
  ],
  invalid: [
    {
      // One loss string for a sigmoid head and a softmax head: the string is right for the softmax
      // head, so no edit of it is offered (only the sigmoid's).
      code:
        TF +
        `const input = tf.input({shape: [8]});
const h = tf.layers.dense({units: 16, activation: 'relu'}).apply(input);
const tags = tf.layers.dense({units: 5, activation: 'sigmoid', name: 'tags'}).apply(h);
const kind = tf.layers.dense({units: 3, activation: 'softmax', name: 'kind'}).apply(h);
const model = tf.model({inputs: input, outputs: [tags, kind]});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'categoricalCrossentropy'`", 7),
          line: 4,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output:
                TF +
                `const input = tf.input({shape: [8]});
const h = tf.layers.dense({units: 16, activation: 'relu'}).apply(input);
const tags = tf.layers.dense({units: 5, activation: 'softmax', name: 'tags'}).apply(h);
const kind = tf.layers.dense({units: 3, activation: 'softmax', name: 'kind'}).apply(h);
const model = tf.model({inputs: input, outputs: [tags, kind]});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // Policy "on a real path": a compile helper called for a softmax model and a sigmoid model; the loss
      // is certain, so the sigmoid call site is the bug. The loss is shared with the softmax model (no
      // loss edit); softmax for this model's own layer is right.
      code:
        TF +
        `function train(model) { model.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'}); }
train(tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [2]})]}));
train(tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'sigmoid', inputShape: [2]})]}));`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          line: 4,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output:
                TF +
                `function train(model) { model.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'}); }
train(tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [2]})]}));
train(tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [2]})]}));`,
            },
          ],
        },
      ],
    },
    {
      // Units 1 when `binary`, 4 otherwise, with a certain categorical loss: 4 sigmoid units on the
      // other path. The sigmoid and the loss are shared with the 1-unit path: no edit offered.
      code:
        TF +
        `export function build(binary) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: binary ? 1 : 4, activation: 'sigmoid', inputShape: [2]}));
  m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
}`,
      output: null,
      errors: [{ messageId: 'sigmoidWithCategoricalLoss', line: 4, suggestions: [] }],
    },
    {
      // Compiled twice with the same mistake (fine-tuning): one report at the sigmoid,
      // and softmax is suggested (right for both compile calls; `--fix` never edits a layer).
      code: fineTuned('sigmoid', 'categoricalCrossentropy'),
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'categoricalCrossentropy'`", 5),
          line: 4,
          column: 50,
          suggestions: [
            { messageId: 'useSoftmax', output: fineTuned('softmax', 'categoricalCrossentropy') },
            { messageId: 'useBinaryCrossentropy', output: fineTuned('sigmoid', 'binaryCrossentropy') },
          ],
        },
      ],
    },
    {
      // The canonical bug: 10 sigmoid units with categoricalCrossentropy. No autofix (the fix is in the
      // model); suggestions: softmax, and the binary loss for multi-label data.
      code:
        TF +
        `const model = tf.sequential();
model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [4]}));
model.add(tf.layers.dense({units: 10, activation: 'sigmoid'}));
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'categoricalCrossentropy'`", 5),
          line: 4,
          column: 51,
          endLine: 4,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output:
                TF +
                `const model = tf.sequential();
model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [4]}));
model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
            },
            {
              messageId: 'useBinaryCrossentropy',
              output:
                TF +
                `const model = tf.sequential();
model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [4]}));
model.add(tf.layers.dense({units: 10, activation: 'sigmoid'}));
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});`,
            },
          ],
        },
      ],
    },
    {
      // Sparse labels are class ids, exclusive by construction: softmax suggested, no binary loss.
      // Named imports, double quotes kept.
      code: `import {sequential, layers} from "@tensorflow/tfjs";
const m = sequential({layers: [layers.dense({units: 3, activation: "sigmoid", inputShape: [4]})]});
m.compile({optimizer: "adam", loss: "sparseCategoricalCrossentropy"});`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'sparseCategoricalCrossentropy'`", 3),
          line: 2,
          column: 68,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output: `import {sequential, layers} from "@tensorflow/tfjs";
const m = sequential({layers: [layers.dense({units: 3, activation: "softmax", inputShape: [4]})]});
m.compile({optimizer: "adam", loss: "sparseCategoricalCrossentropy"});`,
            },
          ],
        },
      ],
    },
    {
      // An activation layer after a linear dense (functional API, require): the layer's own literal is fixed.
      code: `const tf = require('@tensorflow/tfjs');
const input = tf.input({shape: [8]});
let x = tf.layers.dense({units: 4}).apply(input);
x = tf.layers.activation({activation: 'sigmoid'}).apply(x);
const model = tf.model({inputs: input, outputs: x});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'categoricalCrossentropy'`", 6),
          line: 4,
          column: 39,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output: `const tf = require('@tensorflow/tfjs');
const input = tf.input({shape: [8]});
let x = tf.layers.dense({units: 4}).apply(input);
x = tf.layers.activation({activation: 'softmax'}).apply(x);
const model = tf.model({inputs: input, outputs: x});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
            },
            {
              messageId: 'useBinaryCrossentropy',
              output: `const tf = require('@tensorflow/tfjs');
const input = tf.input({shape: [8]});
let x = tf.layers.dense({units: 4}).apply(input);
x = tf.layers.activation({activation: 'sigmoid'}).apply(x);
const model = tf.model({inputs: input, outputs: x});
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // tf.metrics.categoricalCrossentropy passed as the loss function; page global tf.
      code: `const m = tf.sequential();
m.add(tf.layers.dense({units: 5, activation: 'sigmoid', inputShape: [3]}));
m.compile({optimizer: 'sgd', loss: tf.metrics.categoricalCrossentropy});`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data('`tf.metrics.categoricalCrossentropy`', 3),
          line: 2,
          column: 46,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output: `const m = tf.sequential();
m.add(tf.layers.dense({units: 5, activation: 'softmax', inputShape: [3]}));
m.compile({optimizer: 'sgd', loss: tf.metrics.categoricalCrossentropy});`,
            },
            {
              messageId: 'useBinaryCrossentropy',
              output: `const m = tf.sequential();
m.add(tf.layers.dense({units: 5, activation: 'sigmoid', inputShape: [3]}));
m.compile({optimizer: 'sgd', loss: 'binaryCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // A wrapper around the categorical loss, model built by a factory: the activation is still
      // the layer's own literal and the pairing unconditional: softmax is suggested.
      code:
        TF +
        `function createModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 8, activation: 'sigmoid', inputShape: [4]}));
  return model;
}
const weighted = (yTrue, yPred) => tf.metrics.categoricalCrossentropy(yTrue, yPred).mul(2);
const model = createModel();
model.compile({optimizer: 'adam', loss: weighted});`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data('`tf.metrics.categoricalCrossentropy`', 7),
          line: 4,
          column: 52,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output:
                TF +
                `function createModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 8, activation: 'softmax', inputShape: [4]}));
  return model;
}
const weighted = (yTrue, yPred) => tf.metrics.categoricalCrossentropy(yTrue, yPred).mul(2);
const model = createModel();
model.compile({optimizer: 'adam', loss: weighted});`,
            },
          ],
        },
      ],
    },
    {
      // Width unknown (a parameter): sigmoid with a categorical loss is wrong at any width, so it is
      // reported; softmax is a suggestion (the categorical loss needs 2+ units to run at all).
      code:
        TF +
        `export function build(numClasses) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: numClasses, activation: 'sigmoid', inputShape: [4]}));
  m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
  return m;
}`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'categoricalCrossentropy'`", 5),
          line: 4,
          column: 57,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output:
                TF +
                `export function build(numClasses) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: numClasses, activation: 'softmax', inputShape: [4]}));
  m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
  return m;
}`,
            },
            {
              messageId: 'useBinaryCrossentropy',
              output:
                TF +
                `export function build(numClasses) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: numClasses, activation: 'sigmoid', inputShape: [4]}));
  m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
  return m;
}`,
            },
          ],
        },
      ],
    },
    {
      // The activation comes from a constant the hidden layer also reads: the suggestion edits this
      // layer only, the constant stays. Units from LABELS.length; loss held in a constant (no loss edit).
      code:
        TF +
        `const ACT = 'sigmoid';
const LABELS = ['cat', 'dog', 'bird'];
const LOSS = 'categoricalCrossentropy';
const m = tf.sequential();
m.add(tf.layers.dense({units: 8, activation: ACT, inputShape: [4]}));
m.add(tf.layers.dense({units: LABELS.length, activation: ACT}));
m.compile({optimizer: 'adam', loss: LOSS});`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'categoricalCrossentropy'`", 4),
          line: 7,
          column: 58,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output:
                TF +
                `const ACT = 'sigmoid';
const LABELS = ['cat', 'dog', 'bird'];
const LOSS = 'categoricalCrossentropy';
const m = tf.sequential();
m.add(tf.layers.dense({units: 8, activation: ACT, inputShape: [4]}));
m.add(tf.layers.dense({units: LABELS.length, activation: 'softmax'}));
m.compile({optimizer: 'adam', loss: LOSS});`,
            },
          ],
        },
      ],
    },
    {
      // Shorthand `{activation}` from a local constant: the suggestion writes the key out.
      code:
        TF +
        `const activation = 'sigmoid';
const m = tf.sequential({layers: [tf.layers.dense({units: 4, activation, inputShape: [2]})]});
m.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'sparseCategoricalCrossentropy'`", 4),
          line: 3,
          column: 62,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output:
                TF +
                `const activation = 'sigmoid';
const m = tf.sequential({layers: [tf.layers.dense({units: 4, activation: 'softmax', inputShape: [2]})]});
m.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // Multi-output, by name: only the class head (sigmoid + categorical) is reported; the tags head
      // (sigmoid + binary) is right. Softmax on the class head is suggested.
      code:
        TF +
        `const input = tf.input({shape: [32]});
const tags = tf.layers.dense({units: 5, activation: 'sigmoid', name: 'tags'}).apply(input);
const kind = tf.layers.dense({units: 3, activation: 'sigmoid', name: 'kind'}).apply(input);
const model = tf.model({inputs: input, outputs: [tags, kind]});
model.compile({optimizer: 'adam', loss: {tags: 'binaryCrossentropy', kind: 'categoricalCrossentropy'}});`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'categoricalCrossentropy'`", 6),
          line: 4,
          column: 53,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output:
                TF +
                `const input = tf.input({shape: [32]});
const tags = tf.layers.dense({units: 5, activation: 'sigmoid', name: 'tags'}).apply(input);
const kind = tf.layers.dense({units: 3, activation: 'softmax', name: 'kind'}).apply(input);
const model = tf.model({inputs: input, outputs: [tags, kind]});
model.compile({optimizer: 'adam', loss: {tags: 'binaryCrossentropy', kind: 'categoricalCrossentropy'}});`,
            },
            {
              messageId: 'useBinaryCrossentropy',
              output:
                TF +
                `const input = tf.input({shape: [32]});
const tags = tf.layers.dense({units: 5, activation: 'sigmoid', name: 'tags'}).apply(input);
const kind = tf.layers.dense({units: 3, activation: 'sigmoid', name: 'kind'}).apply(input);
const model = tf.model({inputs: input, outputs: [tags, kind]});
model.compile({optimizer: 'adam', loss: {tags: 'binaryCrossentropy', kind: 'binaryCrossentropy'}});`,
            },
          ],
        },
      ],
    },
    {
      // The loss is chosen by a condition, but both choices are categorical: reported; the pairing is
      // not unconditional, so softmax is a suggestion.
      code:
        TF +
        `export function build(sparse) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 4, activation: 'sigmoid', inputShape: [2]}));
  m.compile({optimizer: 'adam', loss: sparse ? 'sparseCategoricalCrossentropy' : 'categoricalCrossentropy'});
}`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'sparseCategoricalCrossentropy'` or `'categoricalCrossentropy'`", 5),
          line: 4,
          column: 48,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output:
                TF +
                `export function build(sparse) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 4, activation: 'softmax', inputShape: [2]}));
  m.compile({optimizer: 'adam', loss: sparse ? 'sparseCategoricalCrossentropy' : 'categoricalCrossentropy'});
}`,
            },
          ],
        },
      ],
    },
    {
      // One factory's model compiled twice in this file: with binaryCrossentropy (fine) and with
      // categoricalCrossentropy (the bug). Softmax on the shared layer would break the fine one: only
      // the loss edit, which matches the other compile, is offered.
      code:
        TF +
        `function makeModel() {
  return tf.sequential({layers: [tf.layers.dense({units: 6, activation: 'sigmoid', inputShape: [3]})]});
}
const tagger = makeModel();
tagger.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
const classifier = makeModel();
classifier.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'categoricalCrossentropy'`", 8),
          line: 3,
          column: 73,
          suggestions: [
            {
              messageId: 'useBinaryCrossentropy',
              output:
                TF +
                `function makeModel() {
  return tf.sequential({layers: [tf.layers.dense({units: 6, activation: 'sigmoid', inputShape: [3]})]});
}
const tagger = makeModel();
tagger.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
const classifier = makeModel();
classifier.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // A class that keeps this.model, compiled in another method.
      code:
        TF +
        `class Classifier {
  constructor(labels) {
    this.model = tf.sequential();
    this.model.add(tf.layers.dense({units: 12, activation: 'sigmoid', inputShape: [20]}));
  }
  compile() {
    this.model.compile({optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy'});
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'categoricalCrossentropy'`", 8),
          line: 5,
          column: 60,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output:
                TF +
                `class Classifier {
  constructor(labels) {
    this.model = tf.sequential();
    this.model.add(tf.layers.dense({units: 12, activation: 'softmax', inputShape: [20]}));
  }
  compile() {
    this.model.compile({optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy'});
  }
}`,
            },
            {
              messageId: 'useBinaryCrossentropy',
              output:
                TF +
                `class Classifier {
  constructor(labels) {
    this.model = tf.sequential();
    this.model.add(tf.layers.dense({units: 12, activation: 'sigmoid', inputShape: [20]}));
  }
  compile() {
    this.model.compile({optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy'});
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // The labels are one-hot (tf.oneHot in every fit): the classes are exclusive, so the binary
      // loss is not suggested; softmax is.
      code:
        TF +
        `const model = tf.sequential({layers: [tf.layers.dense({units: 4, activation: 'sigmoid', inputShape: [2]})]});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
export const train = (xs, ids) => model.fit(xs, tf.oneHot(ids, 4));`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'categoricalCrossentropy'`", 3),
          line: 2,
          column: 78,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output:
                TF +
                `const model = tf.sequential({layers: [tf.layers.dense({units: 4, activation: 'softmax', inputShape: [2]})]});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
export const train = (xs, ids) => model.fit(xs, tf.oneHot(ids, 4));`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript: `as const` on the activation stays; casts on the model.
      tsOnly: true,
      code:
        TF +
        `const m = tf.sequential() as tf.Sequential;
m.add(tf.layers.dense({units: 10, activation: 'sigmoid' as const, inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'sparseCategoricalCrossentropy'`", 4),
          line: 3,
          column: 47,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output:
                TF +
                `const m = tf.sequential() as tf.Sequential;
m.add(tf.layers.dense({units: 10, activation: 'softmax' as const, inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript: a type named like the constant does not hide it (the activation is
      // the constant's, and the edit of its use is offered as for any constant).
      tsOnly: true,
      code: TYPE_NAMED_LIKE_CONSTANT,
      errors: [
        {
          messageId: 'sigmoidWithCategoricalLoss',
          data: data("`'categoricalCrossentropy'`", 7),
          line: 6,
          suggestions: [
            {
              messageId: 'useSoftmax',
              output: TYPE_NAMED_LIKE_CONSTANT.replace('activation: act,', "activation: 'softmax',"),
            },
            {
              messageId: 'useBinaryCrossentropy',
              output: TYPE_NAMED_LIKE_CONSTANT.replace("loss: 'categoricalCrossentropy'", "loss: 'binaryCrossentropy'"),
            },
          ],
        },
      ],
    },
  ],
});
