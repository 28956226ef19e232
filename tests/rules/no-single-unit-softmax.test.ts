import rule from '../../src/rules/no-single-unit-softmax.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

runRule('no-single-unit-softmax', rule, {
  valid: [
    // The 1-unit softmax reaches a categorical loss through an average with itself: one mistake,
    // reported at the loss by no-categorical-loss-single-unit (deferred through the merge).
    TF +
      `const inputs = tf.input({shape: [8]});
const out = tf.layers.dense({units: 1, activation: 'softmax'}).apply(inputs);
const model = tf.model({inputs, outputs: tf.layers.average().apply([out, out])});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    // Softmax over 2 units is a real distribution (two exclusive classes).
    TF + `const m = tf.sequential({layers: [tf.layers.dense({units: 2, activation: 'softmax', inputShape: [4]})]});`,
    // One sigmoid unit: the right binary output.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 1, activation: 'sigmoid', inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
    // Units from a parameter nobody in this file passes: unknown.
    TF + `export function head(n) { return tf.layers.dense({units: n, activation: 'softmax'}); }`,
    // Units and activation chosen by the same condition: 1 unit only with sigmoid.
    TF +
      `export function head(binary, n) { return tf.layers.dense({units: binary ? 1 : n, activation: binary ? 'sigmoid' : 'softmax'}); }`,
    // Policy "on a real path": units by one setting, activation by another, independent one; the
    // softmax meets 1 unit only if both line up.
    TF +
      `export function head(small, probs) { return tf.layers.dense({units: small ? 1 : 3, activation: probs ? 'softmax' : 'sigmoid'}); }`,
    // The 1-unit path's activation is unknown (a config object): silent on that path.
    TF +
      `export function head(small, cfg) { return tf.layers.dense({units: small ? 1 : 3, activation: small ? cfg.activation : 'softmax'}); }`,
    // Which write of the module variable the layer sees depends on call order, not on a path the code
    // chooses: judged on every path, and 3 units is fine.
    TF +
      `let units = 3;
export function binary() { units = 1; }
export function head() { return tf.layers.dense({units, activation: 'softmax'}); }`,
    // A softmax layer after a dense whose width is chosen by an independent setting.
    TF +
      `export function head(small, probs) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: small ? 1 : 3, inputShape: [4]}));
  m.add(tf.layers.activation({activation: probs ? 'softmax' : 'sigmoid'}));
  return m;
}`,
    // Spreads: the activation or the units may come from the spread object.
    TF +
      `export function head(cfg) { return [tf.layers.dense({...cfg, units: 1}), tf.layers.dense({activation: 'softmax', units: 1, ...cfg})]; }`,
    // Channels first: the softmax runs over the last (spatial) axis, not over the single filter.
    TF + `tf.layers.conv2d({filters: 1, kernelSize: 3, activation: 'softmax', dataFormat: 'channelsFirst'});`,
    // Attention done right: the scores are flattened to one per timestep before the softmax.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 1, inputShape: [20, 8]}));
m.add(tf.layers.flatten());
m.add(tf.layers.softmax());`,
    // A softmax layer after a base model from a parameter: what feeds it is unknown.
    TF + `export function withHead(base) { return tf.sequential({layers: [base, tf.layers.softmax()]}); }`,
    // The softmax layer's axis is not the last one on every input: silent.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 1, inputShape: [20, 8]}));
m.add(tf.layers.softmax({axis: 2}));`,
    // A softmax layer placed nowhere in this file.
    TF + `export const head = tf.layers.softmax();`,
    // if/else: the softmax branch has 4 units, the 1-unit branch uses sigmoid.
    TF +
      `export function build(binary) {
  const m = tf.sequential();
  if (binary) {
    m.add(tf.layers.dense({units: 1, inputShape: [3]}));
    m.add(tf.layers.activation({activation: 'sigmoid'}));
  } else {
    m.add(tf.layers.dense({units: 4, inputShape: [3]}));
    m.add(tf.layers.softmax());
  }
  return m;
}`,
    // A 1-unit softmax output trained with a categorical loss: one mistake, reported at
    // the loss by no-categorical-loss-single-unit, not twice.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 1, activation: 'softmax', inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    // A tf that is not TF.js.
    `import * as tf from './my-tf';
tf.layers.dense({units: 1, activation: 'softmax'});`,
  ],
  invalid: [
    {
      // Policy "on a real path": the activation is certain, the width chosen by a setting; when `small`,
      // the softmax is over 1 unit. No edit: the activation also serves the 3-unit path.
      code:
        TF + `export function head(small) { return tf.layers.dense({units: small ? 1 : 3, activation: 'softmax'}); }`,
      output: null,
      errors: [{ messageId: 'singleUnitSoftmax', data: { key: 'units' }, line: 2, suggestions: [] }],
    },
    {
      // The width is certain, the activation chosen by a setting: softmax over 1 unit when \`probs\`.
      code:
        TF +
        `export function head(probs) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 1, inputShape: [4]}));
  m.add(tf.layers.activation({activation: probs ? 'softmax' : 'sigmoid'}));
  return m;
}`,
      output: null,
      errors: [{ messageId: 'singleUnitSoftmaxAfter', line: 5, suggestions: [] }],
    },
    {
      // Width and activation chosen by the same condition, the wrong way round: 1 unit goes with softmax.
      code:
        TF +
        `export function head(binary) { return tf.layers.dense({units: binary ? 1 : 5, activation: binary ? 'softmax' : 'sigmoid'}); }`,
      output: null,
      errors: [{ messageId: 'singleUnitSoftmax', line: 2, suggestions: [] }],
    },
    {
      // The canonical bug: a 1-unit softmax output trained as binary. The loss says a yes/no probability is
      // meant: sigmoid is suggested (`--fix` never edits a layer; the architecture stays as written).
      code:
        TF +
        `const model = tf.sequential();
model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));
model.add(tf.layers.dense({units: 1, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});`,
      output: null,
      errors: [
        {
          messageId: 'singleUnitSoftmax',
          data: { key: 'units' },
          line: 4,
          column: 50,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useSigmoid',
              data: { loss: "`'binaryCrossentropy'`" },
              output:
                TF +
                `const model = tf.sequential();
model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));
model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});`,
            },
          ],
        },
      ],
    },
    {
      // Hidden: an attention gate with softmax over its single unit (3-D input, the softmax is still
      // over the last axis). `multiply` by the constant 1 passes the input through, so nothing after it is
      // constant; what was meant (sigmoid gate, softmax over timesteps) is not known: no edit.
      code:
        TF +
        `const input = tf.input({shape: [20, 8]});
const scores = tf.layers.timeDistributed({layer: tf.layers.dense({units: 1, activation: 'softmax'})}).apply(input);
const weighted = tf.layers.multiply().apply([input, scores]);
const out = tf.layers.dense({units: 1}).apply(tf.layers.flatten().apply(weighted));
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: 'meanSquaredError'});`,
      output: null,
      errors: [{ messageId: 'singleUnitSoftmax', data: { key: 'units' }, line: 3, column: 89, suggestions: [] }],
    },
    {
      // A softmax layer right after a 1-unit dense, binary loss: a sigmoid activation layer is suggested.
      code:
        TF +
        `const m = tf.sequential();
m.add(tf.layers.dense({units: 1, inputShape: [4]}));
m.add(tf.layers.softmax());
m.compile({optimizer: 'sgd', loss: 'binaryCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'singleUnitSoftmaxAfter',
          data: { where: 'line 3, `units: 1`' },
          line: 4,
          column: 7,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useSigmoid',
              output:
                TF +
                `const m = tf.sequential();
m.add(tf.layers.dense({units: 1, inputShape: [4]}));
m.add(tf.layers.activation({activation: 'sigmoid'}));
m.compile({optimizer: 'sgd', loss: 'binaryCrossentropy'});`,
            },
          ],
        },
      ],
    },
    {
      // Through dropout in a layers array; the page global tf; a regression loss: sigmoid would cap the
      // output at 1, so the softmax layer is removed (a linear output), as a suggestion.
      code: `const m = tf.sequential({layers: [
  tf.layers.dense({units: 1, inputShape: [4]}),
  tf.layers.dropout({rate: 0.2}),
  tf.layers.activation({activation: 'softmax'}),
]});
m.compile({optimizer: 'sgd', loss: 'meanSquaredError'});`,
      output: null,
      errors: [
        {
          messageId: 'singleUnitSoftmaxAfter',
          data: { where: 'line 2, `units: 1`' },
          line: 4,
          column: 37,
          suggestions: [
            {
              messageId: 'useLinear',
              data: { loss: "`'meanSquaredError'`" },
              output: `const m = tf.sequential({layers: [
  tf.layers.dense({units: 1, inputShape: [4]}),
  tf.layers.dropout({rate: 0.2}),
]});
m.compile({optimizer: 'sgd', loss: 'meanSquaredError'});`,
            },
          ],
        },
      ],
    },
    {
      // A percentage-error regression is a regression on any real value too (the loss table's
      // \`regression: 'any'\`): the linear output is suggested, not sigmoid.
      code: `const m = tf.sequential({layers: [
  tf.layers.dense({units: 1, inputShape: [4]}),
  tf.layers.activation({activation: 'softmax'}),
]});
m.compile({optimizer: 'sgd', loss: 'meanAbsolutePercentageError'});`,
      output: null,
      errors: [
        {
          messageId: 'singleUnitSoftmaxAfter',
          data: { where: 'line 2, `units: 1`' },
          line: 3,
          column: 37,
          suggestions: [
            {
              messageId: 'useLinear',
              data: { loss: "`'meanAbsolutePercentageError'`" },
              output: `const m = tf.sequential({layers: [
  tf.layers.dense({units: 1, inputShape: [4]}),
]});
m.compile({optimizer: 'sgd', loss: 'meanAbsolutePercentageError'});`,
            },
          ],
        },
      ],
    },
    {
      // Functional chain with a reassigned let; require() import; no compile: what the output is for is
      // unknown, so no edit.
      code: `const tf = require('@tensorflow/tfjs');
const input = tf.input({shape: [6]});
let x = tf.layers.dense({units: 1}).apply(input);
x = tf.layers.activation({activation: "softmax"}).apply(x);`,
      output: null,
      errors: [
        {
          messageId: 'singleUnitSoftmaxAfter',
          data: { where: 'line 3, `units: 1`' },
          line: 4,
          column: 39,
          suggestions: [],
        },
      ],
    },
    {
      // Both branches of an if/else feed it a 1-unit layer: a bug on every path; both lines named. Not
      // compiled here: no edit.
      code:
        TF +
        `export function build(deep) {
  const m = tf.sequential();
  if (deep) m.add(tf.layers.dense({units: 1, activation: 'relu', inputShape: [4]}));
  else m.add(tf.layers.dense({units: 1, inputShape: [4]}));
  m.add(tf.layers.softmax());
  return m;
}`,
      output: null,
      errors: [
        {
          messageId: 'singleUnitSoftmaxAfter',
          data: { where: 'line 4, `units: 1`; line 5, `units: 1`' },
          line: 6,
          column: 9,
          suggestions: [],
        },
      ],
    },
    {
      // Conv with one filter (channels last by default): `filters: 1` named. Not compiled: no edit.
      code: TF + `const seg = tf.layers.conv2d({filters: 1, kernelSize: 1, activation: 'softmax'});`,
      output: null,
      errors: [{ messageId: 'singleUnitSoftmax', data: { key: 'filters' }, line: 2, column: 70, suggestions: [] }],
    },
    {
      // Constants folded; the activation lives in a shared constant: reported, no edit offered.
      code:
        TF +
        `const CLASSES = ['spam'];
const OUT = 'softmax';
const m = tf.sequential({layers: [tf.layers.dense({units: CLASSES.length, activation: OUT, inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
      output: null,
      errors: [{ messageId: 'singleUnitSoftmax', data: { key: 'units' }, line: 4, column: 87, endColumn: 90 }],
    },
    {
      // A 1-unit softmax output with a regression loss (targets beyond [0, 1]): sigmoid would stay wrong;
      // a linear output is suggested (issue 26, finding 1).
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.lstm({units: 1, activation: 'softmax', inputShape: [10, 2]})]});
m.compile({optimizer: 'adam', loss: 'meanSquaredError'});`,
      output: null,
      errors: [
        {
          messageId: 'singleUnitSoftmax',
          line: 2,
          column: 73,
          suggestions: [
            {
              messageId: 'useLinear',
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.lstm({units: 1, activation: 'linear', inputShape: [10, 2]})]});
m.compile({optimizer: 'adam', loss: 'meanSquaredError'});`,
            },
          ],
        },
      ],
    },
    {
      // A loss that is neither binary nor a plain regression (`'poisson'` wants positive rates): no edit.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 1, activation: 'softmax', inputShape: [4]})]});
m.compile({optimizer: 'adam', loss: 'poisson'});`,
      output: null,
      errors: [{ messageId: 'singleUnitSoftmax', line: 2, column: 74, suggestions: [] }],
    },
    {
      // TypeScript: a cast on the literal is kept.
      tsOnly: true,
      code:
        TF +
        `const m: tf.Sequential = tf.sequential();
m.add(tf.layers.dense({units: 1, activation: 'softmax' as const, inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
      output: null,
      errors: [
        {
          messageId: 'singleUnitSoftmax',
          data: { key: 'units' },
          line: 3,
          column: 46,
          suggestions: [
            {
              messageId: 'useSigmoid',
              output:
                TF +
                `const m: tf.Sequential = tf.sequential();
m.add(tf.layers.dense({units: 1, activation: 'sigmoid' as const, inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
            },
          ],
        },
      ],
    },
  ],
});
