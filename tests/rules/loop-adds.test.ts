/**
 * Layers added in a loop over a known array, or in a counting loop with constant
 * bounds (issue 21 §2): the model's output is the last turn's layer. Each bug has a correct twin, and each way the last turn stops
 * being known (an array parameter, a push, a `break`, an empty array ...) is silent.
 * Every rule runs (`configs.all`), under both parsers; reports are checked by rule
 * and line, and every bug case's fixes and suggestions go through the reliability
 * checks (see real-world-constructs.test.ts, the model of this file).
 */
import { describe, expect, it } from 'vitest';
import { checkFixes, lint, type ParserName } from '../reliability/harness.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

interface Case {
  name: string;
  code: string;
  /** `rule@line` of each report expected; none: every rule stays silent. */
  reports: string[];
}

/** The configs of a 6-feature classifier whose last layer is `last`. */
const stack = (last: string) => `const stack = [
  {units: 16, activation: 'relu', inputShape: [6]},
  ${last},
];\n`;

const cases: Case[] = [
  // ---------------------------------------------------------------------------
  // The last element decides the output.
  {
    name: 'forEach over configs: the last is a softmax, fed to softmaxCrossEntropy',
    code:
      TF +
      stack(`{units: 4, activation: 'softmax'}`) +
      `const net = tf.sequential();
stack.forEach((opts) => net.add(tf.layers.dense(opts)));
net.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@4'],
  },
  {
    name: 'forEach twin: the last softmax trained with categoricalCrossentropy',
    code:
      TF +
      stack(`{units: 4, activation: 'softmax'}`) +
      `const net = tf.sequential();
stack.forEach((opts) => net.add(tf.layers.dense(opts)));
net.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    reports: [],
  },
  {
    name: 'for…of over configs: a 1-unit sigmoid last, trained with categoricalCrossentropy',
    code:
      TF +
      stack(`{units: 1, activation: 'sigmoid'}`) +
      `const net = tf.sequential();
for (const c of stack) net.add(tf.layers.dense(c));
net.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    reports: ['no-categorical-loss-single-unit@8'],
  },
  {
    name: 'for…of twin: the 1-unit sigmoid last trained with binaryCrossentropy',
    code:
      TF +
      stack(`{units: 1, activation: 'sigmoid'}`) +
      `const net = tf.sequential();
for (const c of stack) {
  net.add(tf.layers.dense(c));
}
net.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
    reports: [],
  },
  {
    name: 'for…of twin: the relu first element is no output (only the last is)',
    code:
      TF +
      stack(`{units: 1}`) +
      `const net = tf.sequential();
for (const c of stack) net.add(tf.layers.dense(c));
net.compile({optimizer: 'sgd', loss: 'meanSquaredError'});`,
    reports: [],
  },
  {
    name: 'for…of over layer objects: the last a 3-unit sigmoid with categoricalCrossentropy',
    code:
      TF +
      `const layers = [
  tf.layers.dense({units: 8, inputShape: [4], activation: 'relu'}),
  tf.layers.dense({units: 3, activation: 'sigmoid'}),
];
const model = tf.sequential();
for (const layer of layers) model.add(layer);
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    reports: ['no-sigmoid-with-categorical-loss@4'],
  },
  {
    name: 'forEach with the index choosing the last activation: softmax over 10 units, binaryCrossentropy',
    code:
      TF +
      `const sizes = [64, 10];
const model = tf.sequential();
sizes.forEach((units, i) => {
  model.add(tf.layers.dense({units, inputShape: i === 0 ? [8] : undefined, activation: i === sizes.length - 1 ? 'softmax' : 'relu'}));
});
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
    reports: ['no-binary-crossentropy-multiclass@7'],
  },
  {
    name: 'index twin: sigmoid over one unit last, binaryCrossentropy',
    code:
      TF +
      `const sizes = [64, 1];
const model = tf.sequential();
sizes.forEach((units, i) => {
  model.add(tf.layers.dense({units, inputShape: i === 0 ? [8] : undefined, activation: i === sizes.length - 1 ? 'sigmoid' : 'relu'}));
});
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
    reports: [],
  },
  {
    name: 'map whose result is dropped runs like forEach',
    code:
      TF +
      stack(`{units: 4, activation: 'softmax'}`) +
      `const net = tf.sequential();
stack.map((opts) => net.add(tf.layers.dense(opts)));
net.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@4'],
  },
  {
    name: 'two adds a turn: the last turn ends with a dropout after the softmax',
    code:
      TF +
      stack(`{units: 4, activation: 'softmax'}`) +
      `const net = tf.sequential();
for (const c of stack) {
  net.add(tf.layers.dense(c));
  net.add(tf.layers.dropout({rate: 0.1}));
}
net.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@4'],
  },
  {
    name: 'the literal in the loop body is every turn’s: reported, but no edit of it (only the loss)',
    code:
      TF +
      `const model = tf.sequential();
for (const units of [16, 4]) model.add(tf.layers.dense({units, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@3'],
  },

  // ---------------------------------------------------------------------------
  // Hidden layers from a loop, the output added after it: the output stays the last add.
  {
    name: 'hidden layers from a loop, a softmax output after it with sigmoidCrossEntropy',
    code:
      TF +
      `const hidden = [32, 16];
const model = tf.sequential();
model.add(tf.layers.dense({units: 64, inputShape: [10], activation: 'relu'}));
for (const u of hidden) model.add(tf.layers.dense({units: u, activation: 'relu'}));
model.add(tf.layers.dense({units: 3, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: tf.losses.sigmoidCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@6'],
  },
  {
    name: 'hidden-loop twin: the softmax output with categoricalCrossentropy',
    code:
      TF +
      `const hidden = [32, 16];
const model = tf.sequential();
model.add(tf.layers.dense({units: 64, inputShape: [10], activation: 'relu'}));
hidden.forEach((u) => model.add(tf.layers.dense({units: u, activation: 'relu'})));
model.add(tf.layers.dense({units: 3, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    reports: [],
  },
  {
    name: 'a softmax layer after the loop takes its width from the last turn: one unit, categorical loss',
    code:
      TF +
      `const model = tf.sequential();
for (const u of [32, 1]) model.add(tf.layers.dense({units: u, inputShape: [4]}));
model.add(tf.layers.softmax());
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    reports: ['no-categorical-loss-single-unit@5'],
  },
  {
    name: 'softmax-after twin: the last turn gives 3 units',
    code:
      TF +
      `const model = tf.sequential();
for (const u of [32, 3]) model.add(tf.layers.dense({units: u, inputShape: [4]}));
model.add(tf.layers.softmax());
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    reports: [],
  },

  // ---------------------------------------------------------------------------
  // The last turn is not known: silent.
  {
    name: 'the array is a parameter',
    code:
      TF +
      `export function build(stack) {
  const net = tf.sequential();
  stack.forEach((opts) => net.add(tf.layers.dense(opts)));
  net.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
  return net;
}`,
    reports: [],
  },
  {
    name: 'the array is pushed to after it is made',
    code:
      TF +
      stack(`{units: 4, activation: 'softmax'}`) +
      `stack.push({units: 4});
const net = tf.sequential();
for (const c of stack) net.add(tf.layers.dense(c));
net.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'an element is written through the array',
    code:
      TF +
      stack(`{units: 4, activation: 'softmax'}`) +
      `stack[1].activation = 'linear';
const net = tf.sequential();
for (const c of stack) net.add(tf.layers.dense(c));
net.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'the element is written through the loop variable',
    code:
      TF +
      stack(`{units: 4, activation: 'softmax'}`) +
      `const net = tf.sequential();
for (const c of stack) {
  c.activation = c.units > 4 ? 'relu' : 'linear';
  net.add(tf.layers.dense(c));
}
net.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'the array is handed to a function that may reorder it',
    code:
      TF +
      stack(`{units: 4, activation: 'softmax'}`) +
      `shuffle(stack);
const net = tf.sequential();
stack.forEach((opts) => net.add(tf.layers.dense(opts)));
net.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'a break may end the loop before the last element',
    code:
      TF +
      stack(`{units: 4, activation: 'softmax'}`) +
      `const net = tf.sequential();
for (const c of stack) {
  net.add(tf.layers.dense(c));
  if (c.units < 8) break;
}
net.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'a return in the callback skips the add on some turns',
    code:
      TF +
      stack(`{units: 4, activation: 'softmax'}`) +
      `const net = tf.sequential();
stack.forEach((opts) => {
  if (opts.skip) return;
  net.add(tf.layers.dense(opts));
});
net.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'the add is under a condition in the body',
    code:
      TF +
      stack(`{units: 4, activation: 'softmax'}`) +
      `const net = tf.sequential();
for (const c of stack) {
  if (c.units > 8) net.add(tf.layers.dense(c));
}
net.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'an empty array: the loop adds nothing',
    code:
      TF +
      `const extra = [];
const net = tf.sequential();
net.add(tf.layers.dense({units: 4, inputShape: [6]}));
extra.forEach((opts) => net.add(tf.layers.dense(opts)));
net.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'a destructured loop variable is not bound',
    code:
      TF +
      stack(`{units: 4, activation: 'softmax'}`) +
      `const net = tf.sequential();
for (const {units, activation} of stack) net.add(tf.layers.dense({units, activation}));
net.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'forEach on an array of unknown length (a spread of a parameter)',
    code:
      TF +
      `export function build(more) {
  const all = [{units: 16, activation: 'relu', inputShape: [6]}, ...more, {units: 4, activation: 'softmax'}];
  const net = tf.sequential();
  all.forEach((opts) => net.add(tf.layers.dense(opts)));
  net.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
  return net;
}`,
    reports: [],
  },
  {
    name: 'a model made in each turn is not one model built by the loop',
    code:
      TF +
      stack(`{units: 4, activation: 'softmax'}`) +
      `for (const c of stack) {
  const m = tf.sequential();
  m.add(tf.layers.dense(c));
  m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
}`,
    reports: [],
  },

  // ---------------------------------------------------------------------------
  // Counting loops: `for (let i = A; i < B; i++)` with constant bounds makes B - A turns, the last with i = B - 1.
  {
    name: 'hidden layers from a counting loop, the softmax output after it with softmaxCrossEntropy',
    code:
      TF +
      `const model = tf.sequential();
model.add(tf.layers.dense({units: 64, inputShape: [4], activation: 'relu'}));
for (let i = 0; i < 3; i++) model.add(tf.layers.dense({units: 64, activation: 'relu'}));
model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@5'],
  },
  {
    name: 'counting-loop twin: the softmax output after the loop with categoricalCrossentropy (the relus are hidden)',
    code:
      TF +
      `const model = tf.sequential();
model.add(tf.layers.dense({units: 64, inputShape: [4], activation: 'relu'}));
for (let i = 0; i < 3; i++) model.add(tf.layers.dense({units: 64, activation: 'relu'}));
model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    reports: [],
  },
  {
    name: 'a counting loop whose last turn is the output: i === N - 1 folds to the softmax config',
    code:
      TF +
      `const N = 3;
const model = tf.sequential();
for (let i = 0; i < N; i++) {
  model.add(tf.layers.dense(i === N - 1 ? {units: 10, activation: 'softmax'} : {units: 64, activation: 'relu', inputShape: [4]}));
}
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@5'],
  },
  {
    name: 'last-turn twin: the folded softmax last turn with categoricalCrossentropy; the relu turns are hidden',
    code:
      TF +
      `const N = 3;
const model = tf.sequential();
for (let i = 0; i < N; i++) {
  model.add(tf.layers.dense({units: i === N - 1 ? 10 : 64, activation: i === N - 1 ? 'softmax' : 'relu', inputShape: [4]}));
}
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    reports: [],
  },
  {
    name: 'an inclusive bound (i <= 2, ++i): the last turn has i = 2, a linear output with a probability loss',
    code:
      TF +
      `const model = tf.sequential();
for (let i = 0; i <= 2; ++i) {
  model.add(tf.layers.dense({units: 8, inputShape: [4], activation: i < 2 ? 'relu' : 'linear'}));
}
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    reports: ['no-missing-output-activation@4'],
  },
  {
    name: 'the bound is a parameter: the last turn is unknown, and the add may be the output',
    code:
      TF +
      `export function build(n) {
  const model = tf.sequential();
  for (let i = 0; i < n; i++) {
    model.add(tf.layers.dense(i === n - 1 ? {units: 10, activation: 'softmax'} : {units: 64, activation: 'relu', inputShape: [4]}));
  }
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
  return model;
}`,
    reports: [],
  },
  {
    name: 'the counter is also changed in the body: no known last turn',
    code:
      TF +
      `const model = tf.sequential();
for (let i = 0; i < 4; i++) {
  model.add(tf.layers.dense(i === 3 ? {units: 10, activation: 'softmax'} : {units: 64, activation: 'relu', inputShape: [4]}));
  i += skip;
}
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'the add is under a condition in a counting loop: the last turn may add nothing',
    code:
      TF +
      `const model = tf.sequential();
model.add(tf.layers.dense({units: 10, inputShape: [4]}));
for (let i = 0; i < 3; i++) {
  if (flags[i]) model.add(tf.layers.dense(i === 2 ? {units: 10, activation: 'softmax'} : {units: 64, activation: 'relu'}));
}
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
];

const PARSERS: ParserName[] = ['espree', 'typescript'];

describe('layers added in a loop over a known array or a constant count', () => {
  for (const c of cases) {
    for (const parser of PARSERS) {
      it(`${c.name} (${parser})`, () => {
        const messages = lint(c.code, { parser });
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        const got = messages.map((m) => `${(m.ruleId ?? '').replace(/^tfjs\//, '')}@${m.line}`).sort();
        expect(got).toEqual([...c.reports].sort());
        if (c.reports.length > 0) expect(checkFixes(c.code, { parser }, messages).problems).toEqual([]);
      });
    }
  }

  it('edits nothing in a loop body: its layer call makes every turn’s layer', () => {
    const code = cases.find((c) => c.name.startsWith('the literal in the loop body'))!.code;
    const body = code.indexOf('model.add(');
    const bodyEnd = code.indexOf('\n', body);
    for (const parser of PARSERS) {
      const messages = lint(code, { parser });
      expect(messages).toHaveLength(1);
      const edits = [messages[0]!.fix, ...(messages[0]!.suggestions ?? []).map((s) => s.fix)].filter((f) => !!f);
      expect(edits.length).toBeGreaterThan(0); // the loss edit
      for (const e of edits) expect(e.range[1] <= body || e.range[0] >= bodyEnd).toBe(true);
    }
  });
});
