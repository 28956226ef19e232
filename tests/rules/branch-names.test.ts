/**
 * A report that holds on some paths only names the branch that puts the bug on its
 * path (issue 21 §1): the `switch` case, the arm of an `if` or `?:`, the `catch`
 * block. A report that holds on every path names none.
 */
import { describe, expect, it } from 'vitest';
import { PARSERS_FOR_TEST, lint } from '../reliability/harness.js';

const TF = "import * as tf from '@tensorflow/tfjs';\n";

/** The messages of `rule` on `code`, under `parser`. */
function messages(code: string, rule: string, parser: (typeof PARSERS_FOR_TEST)[number]): string[] {
  return lint(TF + code, { parser })
    .filter((m) => m.ruleId === `tfjs/${rule}`)
    .map((m) => m.message);
}

const softmaxModel = `const model = tf.sequential();
model.add(tf.layers.dense({ units: 10, inputShape: [4], activation: 'softmax' }));
`;

interface Case {
  readonly name: string;
  readonly rule: string;
  readonly code: string;
  /** The branch the message names; null: a report naming no branch. */
  readonly branch: string | null;
}

const cases: Case[] = [
  {
    name: 'the loss returned by the `default` case of a switch',
    rule: 'no-activation-before-logits-loss',
    code: `function lossFor(kind) {
  switch (kind) {
    case 'mse':
      return tf.losses.meanSquaredError;
    default:
      return tf.losses.softmaxCrossEntropy;
  }
}
${softmaxModel}model.compile({ optimizer: 'adam', loss: lossFor(settings.loss) });`,
    branch: '(line 7, in the `default` case on line 6)',
  },
  {
    name: 'the loss returned by a named case',
    rule: 'no-activation-before-logits-loss',
    code: `function lossFor(kind) {
  switch (kind) {
    case 'logits': return tf.losses.softmaxCrossEntropy;
    default: return 'categoricalCrossentropy';
  }
}
${softmaxModel}model.compile({ optimizer: 'adam', loss: lossFor(settings.loss) });`,
    branch: "in `case 'logits'` on line 4)",
  },
  {
    name: 'the false arm of a ternary in a loss wrapper',
    rule: 'no-activation-before-logits-loss',
    code: `${softmaxModel}const loss = (y, p) => (useFocal ? focal(y, p) : tf.losses.softmaxCrossEntropy(y, p));
model.compile({ optimizer: 'adam', loss });`,
    branch: '(line 4, when `useFocal` is false)',
  },
  {
    name: 'the else arm of `if (kind === …)`: "is not"',
    rule: 'no-activation-before-logits-loss',
    code: `function train(kind) {
  ${softmaxModel}  let loss;
  if (kind === 'mse') loss = 'meanSquaredError';
  else loss = tf.losses.softmaxCrossEntropy;
  model.compile({ optimizer: 'adam', loss });
}
train(flags.kind);`,
    branch: "when `kind` is not `'mse'`)",
  },
  {
    name: 'a return after `if (kind !== …) return`: the arm where `kind` is the value',
    rule: 'no-missing-output-activation',
    code: `const model = tf.sequential();
model.add(tf.layers.dense({ units: 10, inputShape: [4] }));
function lossFor(kind) {
  if (kind !== 'ce') return 'meanSquaredError';
  return 'categoricalCrossentropy';
}
model.compile({ optimizer: 'adam', loss: lossFor(flags.kind) });`,
    branch: "(line 6, when `kind` is `'ce'`)",
  },
  {
    name: 'a negated condition names the variable "is false"',
    rule: 'no-missing-output-activation',
    code: `const model = tf.sequential();
model.add(tf.layers.dense({ units: 10, inputShape: [4] }));
model.compile({ optimizer: 'adam', loss: !regression ? 'categoricalCrossentropy' : 'meanSquaredError' });`,
    branch: '(line 4, when `regression` is false)',
  },
  {
    name: 'the output chosen by a condition, the loss certain',
    rule: 'no-sigmoid-with-categorical-loss',
    code: `const model = tf.sequential();
model.add(tf.layers.dense({ units: 10, inputShape: [4], activation: isClf ? 'sigmoid' : 'linear' }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });`,
    branch: 'This sigmoid (when `isClf`) scores',
  },
  {
    name: 'a long condition is named by its line',
    rule: 'no-activation-before-logits-loss',
    code: `${softmaxModel}model.compile({
  optimizer: 'adam',
  loss: settings.training.lossFunctionName === 'meanSquaredError' ? 'meanSquaredError' : tf.losses.softmaxCrossEntropy,
});`,
    branch: '(line 6, when the condition on line 6 is false)',
  },
  {
    name: 'both arms a bug: every path, no branch named',
    rule: 'no-activation-before-logits-loss',
    code: `${softmaxModel}model.compile({ optimizer: 'adam', loss: quick ? tf.losses.softmaxCrossEntropy : tf.losses.sigmoidCrossEntropy });`,
    branch: null,
  },
  {
    name: 'a branch around the compile call chooses the whole pairing: not named',
    rule: 'no-activation-before-logits-loss',
    code: `${softmaxModel}if (train) {
  model.compile({ optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy });
}`,
    branch: null,
  },
  {
    name: 'accuracy on the regression arm of a toggle',
    rule: 'no-accuracy-on-regression',
    code: `export function build(classify) {
  const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: classify ? 'softmax' : 'linear', inputShape: [4] })] });
  m.compile({ optimizer: 'adam', loss: classify ? 'categoricalCrossentropy' : 'meanSquaredError', metrics: ['accuracy'] });
}`,
    branch: "('meanSquaredError', linear on line 3, when `classify` is false)",
  },
  {
    name: 'a binary loss from the `default` case on a wide softmax',
    rule: 'no-binary-crossentropy-multiclass',
    code: `function lossFor(kind) {
  switch (kind) {
    case 'ce': return 'categoricalCrossentropy';
    default: return 'binaryCrossentropy';
  }
}
const m = tf.sequential();
m.add(tf.layers.dense({ units: 5, inputShape: [4], activation: 'softmax' }));
m.compile({ optimizer: 'adam', loss: lossFor(flags.kind) });`,
    branch: "The loss `'binaryCrossentropy'` (in the `default` case on line 5) scores",
  },
  {
    name: 'a width of 1 chosen by a condition, with a categorical loss',
    rule: 'no-categorical-loss-single-unit',
    code: `export function build(small) {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: small ? 1 : 3, inputShape: [4], activation: 'softmax' }));
  m.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
}`,
    branch: '(line 4, `units: 1`, when `small`)',
  },
  {
    name: 'a condition the bug pairs take both ways is not named (the width decides, not the activation)',
    rule: 'no-categorical-loss-single-unit',
    code: `export function build(binary, useSoftmax) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, inputShape: [4], activation: 'relu' }));
  model.add(tf.layers.dense({ units: binary ? 1 : 10, activation: useSoftmax ? 'softmax' : 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  return model;
}`,
    branch: '(line 5, `units: 1`, when `binary`)',
  },
  {
    name: 'a precondition before a call of a helper is not the branch (the loss comes from call sites)',
    rule: 'no-binary-crossentropy-multiclass',
    code: `function makeModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 10, inputShape: [4], activation: 'softmax' }));
  return model;
}
function train(model, loss) {
  model.compile({ optimizer: 'adam', loss });
}
export function main() {
  const m = makeModel();
  if (!m) return;
  train(m, 'categoricalCrossentropy');
  train(m, 'binaryCrossentropy');
}`,
    branch: null,
  },
  {
    name: 'cases that fall through to the bug case are named with it',
    rule: 'no-activation-before-logits-loss',
    code: `function lossFor(kind) {
  switch (kind) {
    case 'multi':
    case 'cat':
      return tf.losses.softmaxCrossEntropy;
    default:
      return 'categoricalCrossentropy';
  }
}
${softmaxModel}model.compile({ optimizer: 'adam', loss: lossFor(settings.loss) });`,
    branch: "in `case 'multi'` or `case 'cat'` on line 5)",
  },
  {
    name: 'custom loop: the softmax chosen by a ternary, fed to the logits loss',
    rule: 'no-activation-before-logits-loss',
    code: `const opt = tf.train.adam();
export function step(model, xs, ys, useSoftmax) {
  opt.minimize(() => {
    const logits = model.predict(xs);
    const probs = useSoftmax ? tf.softmax(logits) : logits;
    return tf.losses.softmaxCrossEntropy(ys, probs);
  });
}`,
    branch: 'The softmax output (when `useSoftmax`) is fed to `tf.losses.softmaxCrossEntropy` (line 7)',
  },
  {
    name: 'custom loop: the softmax assigned in the `default` case of a switch',
    rule: 'no-activation-before-logits-loss',
    code: `const opt = tf.train.adam();
export function step(model, xs, ys, kind) {
  opt.minimize(() => {
    let p;
    switch (kind) {
      case 'raw': p = model.predict(xs); break;
      default: p = tf.softmax(model.predict(xs));
    }
    return tf.losses.softmaxCrossEntropy(ys, p);
  });
}`,
    branch: '(in the `default` case on line 8)',
  },
  {
    name: "custom loop: a model's softmax output chosen by a setting",
    rule: 'no-activation-before-logits-loss',
    code: `const model = tf.sequential();
model.add(tf.layers.dense({ units: 10, inputShape: [4], activation: cfg.regression ? 'linear' : 'softmax' }));
const opt = tf.train.adam();
opt.minimize(() => tf.losses.softmaxCrossEntropy(ys, model.predict(xs)));`,
    branch: '(when `cfg.regression` is false)',
  },
  {
    name: 'custom loop: a linear output chosen by a setting, fed to a probability loss',
    rule: 'no-missing-output-activation',
    code: `const model = tf.sequential();
model.add(tf.layers.dense({ units: 3, inputShape: [4], activation: cfg.raw ? 'linear' : 'softmax' }));
const opt = tf.train.adam();
opt.minimize(() => tf.metrics.categoricalCrossentropy(ys, model.predict(xs)).mean());`,
    branch: 'The output layer (when `cfg.raw`) is linear',
  },
  {
    name: 'custom loop: a width of 1 chosen by a setting, fed to a categorical loss',
    rule: 'no-categorical-loss-single-unit',
    code: `const model = tf.sequential();
model.add(tf.layers.dense({ units: cfg.small ? 1 : 3, inputShape: [4], activation: 'softmax' }));
const opt = tf.train.adam();
opt.minimize(() => tf.losses.softmaxCrossEntropy(ys, model.predict(xs)));`,
    branch: '(line 3, `units: 1`, when `cfg.small`)',
  },
  {
    name: 'custom loop: a branch around both the softmax and the loss call chooses the pairing: not named',
    rule: 'no-activation-before-logits-loss',
    code: `const opt = tf.train.adam();
export function step(model, xs, ys, debug) {
  if (debug) {
    opt.minimize(() => tf.losses.softmaxCrossEntropy(ys, tf.softmax(model.predict(xs))));
  }
}`,
    branch: null,
  },
];

describe('reports on some paths name the branch', () => {
  for (const parser of PARSERS_FOR_TEST) {
    for (const c of cases) {
      it(`${c.name} (${parser})`, () => {
        const found = messages(c.code, c.rule, parser);
        expect(found).toHaveLength(1);
        if (c.branch === null) expect(found[0]).not.toMatch(/\b(when|case|catch)\b/);
        else expect(found[0]).toContain(c.branch);
      });
    }
  }
});
