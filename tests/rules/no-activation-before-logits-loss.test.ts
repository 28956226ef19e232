import rule from '../../src/rules/no-activation-before-logits-loss.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

/**
 * The report's data: the activation, the loss (as shown), the activation the loss applies, the loss line,
 * the activation line, and the line reported at (default: the activation's), which the message does not repeat.
 */
const data = (
  activation: string,
  loss: string,
  fused: string,
  lossLine: number,
  activationLine: number,
  at = activationLine,
) => ({
  activation,
  activationWhere: activationLine === at ? '' : ` (line ${activationLine})`,
  loss: `\`${loss}\``,
  lossWhere: lossLine === at ? '' : ` (line ${lossLine})`,
  fused,
});

/** A model compiled, trained, compiled again and trained again (fine-tuning), with these losses. */
const fineTuned = (activation: string, first: string, second: string) =>
  TF +
  `const model = tf.sequential();
model.add(tf.layers.dense({units: 10, inputShape: [4], activation: 'relu'}));
model.add(tf.layers.dense({units: 3, activation: '${activation}'}));
model.compile({optimizer: 'adam', loss: ${first}});
await model.fit(xs, ys);
model.compile({optimizer: 'sgd', loss: ${second}});
await model.fit(xs, ys);`;

/**
 * A parameter whose default names a constant that the function body declares again:
 * the default is evaluated before the body, so it reads the outer constant.
 */
const shadowedDefault = (outer: string, inner: string) =>
  TF +
  `const ACT = '${outer}';
function build(activation = ACT) {
  const ACT = '${inner}';
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 3, activation: activation, inputShape: [4]}));
  m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
  return m;
}
build();`;

runRule('no-activation-before-logits-loss', rule, {
  valid: [
    // The default is the outer 'relu', not the body's 'softmax' (reported before 74b8480).
    shadowedDefault('relu', 'softmax'),
    // Linear output (dense defaults to linear) with the fused loss: the intended use.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 10, inputShape: [4]}));
m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    // Softmax with the probability loss: correct.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 10, activation: 'softmax', inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    // Softmax applied only after predict(), for inference; the loss gets raw logits.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [2]})]});
function step(xs, ys) {
  const logits = m.predict(xs);
  const loss = tf.losses.softmaxCrossEntropy(ys, logits);
  const probs = tf.softmax(logits);
  return [loss, probs];
}`,
    // Loaded model: topology unknown.
    TF +
      `async function f() {
  const m = await tf.loadLayersModel('file://m.json');
  m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});
}`,
    // Activation from a parameter nobody in this file passes: unknown.
    TF +
      `export function build(act) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 3, activation: act, inputShape: [2]}));
  m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});
}`,
    // Code in comments and strings is not code.
    TF +
      `// m.add(tf.layers.dense({units: 3, activation: 'softmax'})); loss: tf.losses.softmaxCrossEntropy
const s = "tf.losses.softmaxCrossEntropy(ys, tf.softmax(z))";`,
    // A tf that is not TF.js, and a hand-written class with a softmax method.
    `import * as tf from './my-math';
tf.losses.softmaxCrossEntropy(ys, tf.softmax(z));`,
    TF +
      `class Net { softmax() { return this; } }
tf.losses.softmaxCrossEntropy(ys, new Net().softmax());`,
    // Activation and loss chosen by the same condition: only consistent pairs are formed.
    TF +
      `export function build(isClf) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 3, activation: isClf ? 'linear' : 'sigmoid', inputShape: [2]}));
  m.compile({optimizer: 'sgd', loss: isClf ? tf.losses.softmaxCrossEntropy : 'binaryCrossentropy'});
}`,
    // Policy "on a real path": the output is chosen by one setting, the loss by another,
    // independent one; the bug needs both to line up, which the app may never do.
    TF +
      `const settings = JSON.parse(localStorage.getItem('s'));
const model = tf.sequential();
model.add(tf.layers.dense({units: 10, inputShape: [4], activation: settings.probs ? 'softmax' : 'linear'}));
model.compile({optimizer: 'adam', loss: settings.logits ? tf.losses.softmaxCrossEntropy : 'categoricalCrossentropy'});`,
    // The buggy branch is dead: its condition is a constant.
    TF +
      `const USE_LOGITS = false;
const model = tf.sequential();
model.add(tf.layers.dense({units: 10, inputShape: [4], activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: USE_LOGITS ? tf.losses.softmaxCrossEntropy : 'categoricalCrossentropy'});`,
    // The switch's default is the logits loss, but the helper is only called with 'ce': dead branch.
    TF +
      `function lossFor(kind) {
  switch (kind) {
    case 'ce':
      return 'categoricalCrossentropy';
    default:
      return tf.losses.softmaxCrossEntropy;
  }
}
const model = tf.sequential();
model.add(tf.layers.dense({units: 10, inputShape: [4], activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: lossFor('ce')});`,
    // An unknown fact on the buggy path: the output's activation comes from a config object.
    TF +
      `const settings = JSON.parse(localStorage.getItem('s'));
function lossFor(kind) {
  switch (kind) {
    case 'mse':
      return tf.losses.meanSquaredError;
    default:
      return tf.losses.softmaxCrossEntropy;
  }
}
const model = tf.sequential();
model.add(tf.layers.dense({units: 10, inputShape: [4], activation: settings.activation}));
model.compile({optimizer: 'adam', loss: lossFor(settings.loss)});`,
    // Custom loop, policy "on a real path": the softmax branch is dead (a constant condition).
    TF +
      `const PROBS = false;
export const lossFn = (ys, z) => tf.losses.softmaxCrossEntropy(ys, PROBS ? tf.softmax(z) : z);`,
    // Custom loop: which model a module variable holds depends on call order, not on a path the code
    // chooses: judged on every path, and one write is a linear model.
    TF +
      `let model = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]})]});
export function withProbs() { model = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [4]})]}); }
export const lossFn = (xs, ys) => tf.losses.softmaxCrossEntropy(ys, model.predict(xs));`,
    // A sigmoid hidden layer is not the output.
    TF +
      `const m = tf.sequential();
m.add(tf.layers.dense({units: 8, activation: 'sigmoid', inputShape: [2]}));
m.add(tf.layers.dense({units: 1}));
m.compile({optimizer: 'sgd', loss: tf.losses.sigmoidCrossEntropy});`,
    // Custom loop: the loss call chosen by the condition that chooses the softmax: the logits loss only
    // ever meets the logits (the ternary's false arm; then the statement after an exiting `if`).
    TF +
      `const opt = tf.train.adam();
export function step(model, xs, ys, useSoftmax) {
  opt.minimize(() => {
    const logits = model.predict(xs);
    const probs = useSoftmax ? tf.softmax(logits) : logits;
    return useSoftmax ? tf.metrics.categoricalCrossentropy(ys, probs).mean() : tf.losses.softmaxCrossEntropy(ys, probs);
  });
}
export function step2(model, xs, ys, useSoftmax) {
  opt.minimize(() => {
    const logits = model.predict(xs);
    const probs = useSoftmax ? tf.softmax(logits) : logits;
    if (useSoftmax) return tf.metrics.categoricalCrossentropy(ys, probs).mean();
    return tf.losses.softmaxCrossEntropy(ys, probs);
  });
}`,
    // The same written with statements: the softmax written in an \`if\` arm and the losses assigned in the arms
    // of an \`if\` on the same flag. A write in an arm is that arm's side of the condition, so the logits loss
    // only meets the logits.
    TF +
      `export function lossOf(useSoftmax, y, z) {
  let p = z;
  if (useSoftmax) p = tf.softmax(z);
  let loss;
  if (useSoftmax) loss = tf.metrics.categoricalCrossentropy(y, p);
  else loss = tf.losses.softmaxCrossEntropy(y, p);
  return loss;
}`,
    // The loss chosen by a \`switch\` on the flag a ternary chose the softmax with: \`case 'prob':\` is
    // \`mode === 'prob'\`, \`default:\` every case false, so the logits loss only meets the logits.
    TF +
      `export function lossOf(mode, y, z) {
  const p = mode === 'prob' ? tf.softmax(z) : z;
  switch (mode) {
    case 'prob':
      return tf.metrics.categoricalCrossentropy(y, p);
    default:
      return tf.losses.softmaxCrossEntropy(y, p);
  }
}`,
    // A hoisted function runs where it is called: its one call follows \`if (!raw) return\`, so the logits loss
    // inside it only meets \`z\` (\`raw\` true). The twin of the invalid case after \`lossFn\` below.
    TF +
      `export function lossFor(raw, y, z) {
  const p = raw ? z : tf.softmax(z);
  if (!raw) return tf.metrics.categoricalCrossentropy(y, p);
  return logitsLoss();
  function logitsLoss() {
    return tf.losses.softmaxCrossEntropy(y, p);
  }
}`,
    // A function expression is created where it stands, after \`if (raw) return\`: it only meets the logits.
    TF +
      `export function lossFor(raw, y, z) {
  const p = raw ? tf.softmax(z) : z;
  if (raw) return tf.metrics.categoricalCrossentropy(y, p);
  const logitsLoss = () => tf.losses.softmaxCrossEntropy(y, p);
  return logitsLoss();
}`,
  ],
  invalid: [
    {
      // The twin: the logits loss in \`case 'prob':\`, the arm that chose the softmax.
      code:
        TF +
        `export function lossOf(mode, y, z) {
  const p = mode === 'prob' ? tf.softmax(z) : z;
  switch (mode) {
    case 'prob':
      return tf.losses.softmaxCrossEntropy(y, p);
    default:
      return tf.metrics.categoricalCrossentropy(y, p);
  }
}`,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 3,
          data: data('softmax', 'tf.losses.softmaxCrossEntropy', 'softmax', 6, 3),
          suggestions: [],
        },
      ],
    },
    {
      // The twin: the softmax is written in an arm of \`if (useSoftmax)\`, and the logits loss runs on that arm.
      code:
        TF +
        `export function lossOf(useSoftmax, y, z) {
  let p = z;
  if (useSoftmax) p = tf.softmax(z);
  if (useSoftmax) return tf.losses.softmaxCrossEntropy(y, p);
  return tf.metrics.categoricalCrossentropy(y, p);
}`,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 4,
          // The loss's own arm is the only way to it: no branch to name.
          data: data('softmax', 'tf.losses.softmaxCrossEntropy', 'softmax', 5, 4),
          // \`p\` is a \`let\` another loss reads too: no edit of its softmax.
          suggestions: [],
        },
      ],
    },
    {
      // Custom loop, policy "on a real path": the loss call is certain, its input a softmax when \`probs\`
      // (the message names that arm). No edit: the loss call also serves the logits branch.
      code:
        TF +
        `export function lossFn(ys, z, probs) {
  const p = probs ? tf.softmax(z) : z;
  return tf.losses.softmaxCrossEntropy(ys, p);
}`,
      output: null,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          data: {
            ...data('softmax', 'tf.losses.softmaxCrossEntropy', 'softmax', 4, 3),
            activationWhere: ' (when `probs`)',
          },
          line: 3,
          suggestions: [],
        },
      ],
    },
    {
      // The early return before a hoisted function is not its body's condition: \`logitsLoss\` is called only
      // when \`raw\` (its one call), so its logits loss meets only the softmax. Every use of \`p\` is that loss:
      // passing the logits is right.
      code:
        TF +
        `export function lossFor(raw, y, z) {
  const p = raw ? tf.softmax(z) : z;
  if (raw) return logitsLoss();
  return tf.losses.softmaxCrossEntropy(y, p);
  function logitsLoss() {
    return tf.losses.softmaxCrossEntropy(y, p);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          data: data('softmax', 'tf.losses.softmaxCrossEntropy', 'softmax', 7, 3),
          line: 3,
          suggestions: [
            {
              messageId: 'passLogits',
              data: { activation: 'softmax' },
              output:
                TF +
                `export function lossFor(raw, y, z) {
  const p = raw ? z : z;
  if (raw) return logitsLoss();
  return tf.losses.softmaxCrossEntropy(y, p);
  function logitsLoss() {
    return tf.losses.softmaxCrossEntropy(y, p);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A hoisted function called on both arms runs under neither: its loss meets the softmax when \`raw\`.
      code:
        TF +
        `export function lossFor(raw, y, z) {
  const p = raw ? tf.softmax(z) : z;
  if (raw) return logitsLoss().mul(2);
  return logitsLoss();
  function logitsLoss() {
    return tf.losses.softmaxCrossEntropy(y, p);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          data: {
            ...data('softmax', 'tf.losses.softmaxCrossEntropy', 'softmax', 7, 3),
            activationWhere: ' (when `raw`)',
          },
          line: 3,
          suggestions: [],
        },
      ],
    },
    {
      // Custom loop: the predictions come from the softmax model when \`useA\`; removing that model's own
      // softmax is right for it (the other model is linear).
      code:
        TF +
        `const a = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [4]})]});
const b = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]})]});
export const lossFn = (xs, ys, useA) => tf.losses.softmaxCrossEntropy(ys, (useA ? a : b).predict(xs));`,
      output: null,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          data: data('softmax', 'tf.losses.softmaxCrossEntropy', 'softmax', 4, 2),
          line: 2,
          suggestions: [
            {
              messageId: 'removeActivation',
              output:
                TF +
                `const a = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'linear', inputShape: [4]})]});
const b = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]})]});
export const lossFn = (xs, ys, useA) => tf.losses.softmaxCrossEntropy(ys, (useA ? a : b).predict(xs));`,
            },
          ],
        },
      ],
    },
    {
      // Policy "on a real path": a compile helper called with a softmax model and a linear one. The loss
      // is certain, so the softmax call site trains softmax twice. The loss is shared with the linear
      // model (no loss edit); removing this model's own softmax is right for it.
      code:
        TF +
        `function train(model) { model.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy}); }
train(tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [2]})]}));
train(tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [2]})]}));`,
      output: null,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 3,
          suggestions: [
            {
              messageId: 'removeActivation',
              output:
                TF +
                `function train(model) { model.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy}); }
train(tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'linear', inputShape: [2]})]}));
train(tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [2]})]}));`,
            },
          ],
        },
      ],
    },
    {
      // The loss is certain and the output is softmax when `useSoftmax`: a bug on that path. The loss is
      // also the linear path's, so it is not edited.
      code:
        TF +
        `export function build(useSoftmax) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 3, activation: useSoftmax ? 'softmax' : 'linear', inputShape: [2]}));
  m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});
}`,
      output: null,
      errors: [{ messageId: 'activationBeforeLogitsLoss', line: 4, suggestions: [] }],
    },
    {
      // Issue 21: the loss is picked by a switch on a setting, its default branch the logits loss; the
      // output is always softmax. The softmax is shared with the MSE branch: no edit offered.
      code:
        TF +
        `const settings = JSON.parse(localStorage.getItem('s'));
function lossFor(kind) {
  switch (kind) {
    case 'mse':
      return tf.losses.meanSquaredError;
    default:
      return tf.losses.softmaxCrossEntropy;
  }
}
const model = tf.sequential();
model.add(tf.layers.dense({units: 10, inputShape: [4], activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: lossFor(settings.loss)});`,
      output: null,
      errors: [{ messageId: 'activationBeforeLogitsLoss', line: 12, suggestions: [] }],
    },
    {
      // Issue 21: a wrapper loss choosing between an unknown-to-us focal loss and the logits loss, on a
      // certain sigmoid output. The other branch being another loss does not make this one right.
      code:
        TF +
        `const useFocal = window.location.hash === '#focal';
function focal(y, p) { return tf.losses.logLoss(y, p); }
const loss = (y, p) => (useFocal ? focal(y, p) : tf.losses.softmaxCrossEntropy(y, p));
const model = tf.sequential();
model.add(tf.layers.dense({units: 10, inputShape: [4], activation: 'sigmoid'}));
model.compile({optimizer: 'adam', loss});`,
      output: null,
      errors: [{ messageId: 'activationBeforeLogitsLoss', line: 6, suggestions: [] }],
    },
    {
      // Output and loss chosen by the same condition: softmax twice when `isClf`. Replacing the loss of
      // that one branch is right on every path it touches, so it is the autofix.
      code:
        TF +
        `const isClf = process.argv[2] === 'clf';
const model = tf.sequential();
model.add(tf.layers.dense({units: 10, inputShape: [4], activation: isClf ? 'softmax' : 'linear'}));
model.compile({optimizer: 'adam', loss: isClf ? tf.losses.softmaxCrossEntropy : 'meanSquaredError'});`,
      output:
        TF +
        `const isClf = process.argv[2] === 'clf';
const model = tf.sequential();
model.add(tf.layers.dense({units: 10, inputShape: [4], activation: isClf ? 'softmax' : 'linear'}));
model.compile({optimizer: 'adam', loss: isClf ? 'categoricalCrossentropy' : 'meanSquaredError'});`,
      errors: [{ messageId: 'activationBeforeLogitsLoss', line: 4 }],
    },
    {
      // Issue 26, finding 3: a wrapper loss that also reads the prediction as probabilities (focal loss:
      // weights from pt = sum(yTrue * yPred)). Removing the softmax would break that term, so only the loss edit is offered.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 5, activation: 'softmax', inputShape: [3]})]});
function focal(yTrue, yPred) {
  const pt = tf.sum(tf.mul(yTrue, yPred), -1);
  return tf.losses.softmaxCrossEntropy(yTrue, yPred, tf.square(tf.sub(1, pt)));
}
m.compile({optimizer: 'adam', loss: focal});`,
      output: null,
      errors: [{ messageId: 'activationBeforeLogitsLoss', line: 2, suggestions: [] }],
    },
    {
      // Finding 3: a wrapper that reads its prediction only to pass it to the loss: removal is still right.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 5, activation: 'softmax', inputShape: [3]})]});
const loss = (yTrue, yPred) => tf.losses.softmaxCrossEntropy(yTrue, yPred).mean();
m.compile({optimizer: 'adam', loss});`,
      output: null,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 2,
          suggestions: [
            {
              messageId: 'removeActivation',
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 5, activation: 'linear', inputShape: [3]})]});
const loss = (yTrue, yPred) => tf.losses.softmaxCrossEntropy(yTrue, yPred).mean();
m.compile({optimizer: 'adam', loss});`,
            },
          ],
        },
      ],
    },
    {
      // Finding 3: a metric that thresholds the output (binaryAccuracy at 0.5) reads it as probabilities:
      // no removal; the loss edit stays the autofix (it keeps the probabilities every reader expects).
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 5, activation: 'softmax', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy, metrics: ['binaryAccuracy']});`,
      output:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 5, activation: 'softmax', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['binaryAccuracy']});`,
      errors: [{ messageId: 'activationBeforeLogitsLoss', line: 2, suggestions: [] }],
    },
    {
      // Issue 26, finding 5: tf.losses.sigmoidCrossEntropy -> 'binaryCrossentropy' on a 2-unit output with
      // metrics ['accuracy']: TF.js then computes 'accuracy' as binaryAccuracy instead of categoricalAccuracy
      // (measured on TF.js 4.22: 0.75 vs 0.5 on the same predictions). A suggestion that says so, not an autofix.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 2, activation: 'sigmoid', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: tf.losses.sigmoidCrossEntropy, metrics: ['accuracy']});`,
      output: null,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 2,
          suggestions: [
            {
              messageId: 'useProbabilityLossAccuracy',
              data: { replacement: 'binaryCrossentropy', activation: 'sigmoid' },
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 2, activation: 'sigmoid', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy']});`,
            },
            {
              messageId: 'removeActivation',
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 2, activation: 'linear', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: tf.losses.sigmoidCrossEntropy, metrics: ['accuracy']});`,
            },
          ],
        },
      ],
    },
    {
      // Finding 5's twin: the same 2-unit output without an accuracy metric: nothing changes meaning, so
      // the loss edit is the autofix; the layer is left as written.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 2, activation: 'sigmoid', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: tf.losses.sigmoidCrossEntropy});`,
      output:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 2, activation: 'sigmoid', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 2,
          suggestions: [
            {
              messageId: 'removeActivation',
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 2, activation: 'linear', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: tf.losses.sigmoidCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // The default is the outer 'softmax', not the body's 'relu' (missed before 74b8480).
      code: shadowedDefault('softmax', 'relu'),
      output: shadowedDefault('softmax', 'relu').replace(
        'loss: tf.losses.softmaxCrossEntropy',
        "loss: 'categoricalCrossentropy'",
      ),
      errors: [{ messageId: 'activationBeforeLogitsLoss', line: 6, suggestions: null }],
    },
    {
      // Compiled twice with the same mistake (fine-tuning): one report at the softmax,
      // and the first call's loss is still autofixed (the next pass fixes the second,
      // reported then).
      code: fineTuned('softmax', 'tf.losses.softmaxCrossEntropy', 'tf.losses.softmaxCrossEntropy'),
      output: [
        fineTuned('softmax', "'categoricalCrossentropy'", 'tf.losses.softmaxCrossEntropy'),
        fineTuned('softmax', "'categoricalCrossentropy'", "'categoricalCrossentropy'"),
      ],
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          data: data('softmax', 'tf.losses.softmaxCrossEntropy', 'softmax', 5, 4),
          line: 4,
          column: 50,
          suggestions: [
            {
              messageId: 'removeActivation',
              data: { activation: 'softmax' },
              output: fineTuned('linear', 'tf.losses.softmaxCrossEntropy', 'tf.losses.softmaxCrossEntropy'),
            },
          ],
        },
      ],
    },
    {
      // The canonical bug: softmax output, fused softmax loss. Unique local fix: the string loss.
      code:
        TF +
        `const model = tf.sequential();
model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [4]}));
model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy, metrics: ['accuracy']});`,
      output:
        TF +
        `const model = tf.sequential();
model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [4]}));
model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 4,
          column: 51,
          endColumn: 60,
          data: data('softmax', 'tf.losses.softmaxCrossEntropy', 'softmax', 5, 4),
          suggestions: [
            {
              messageId: 'removeActivation',
              data: { activation: 'softmax' },
              output:
                TF +
                `const model = tf.sequential();
model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [4]}));
model.add(tf.layers.dense({units: 10, activation: 'linear'}));
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy, metrics: ['accuracy']});`,
            },
          ],
        },
      ],
    },
    {
      // Sigmoid output with the fused sigmoid loss, named imports, double quotes kept.
      code: `import {sequential, layers, losses} from "@tensorflow/tfjs";
const m = sequential({layers: [layers.dense({units: 1, activation: "sigmoid", inputShape: [3]})]});
m.compile({optimizer: "adam", loss: losses.sigmoidCrossEntropy});`,
      output: `import {sequential, layers, losses} from "@tensorflow/tfjs";
const m = sequential({layers: [layers.dense({units: 1, activation: "sigmoid", inputShape: [3]})]});
m.compile({optimizer: "adam", loss: "binaryCrossentropy"});`,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 2,
          column: 68,
          data: data('sigmoid', 'tf.losses.sigmoidCrossEntropy', 'sigmoid', 3, 2),
          suggestions: [
            {
              messageId: 'removeActivation',
              output: `import {sequential, layers, losses} from "@tensorflow/tfjs";
const m = sequential({layers: [layers.dense({units: 1, activation: "linear", inputShape: [3]})]});
m.compile({optimizer: "adam", loss: losses.sigmoidCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // Crossed: a softmax output into the sigmoid loss. Suggestions only. Removing the softmax alone would
      // leave a sigmoid loss on exclusive classes (issue 26, finding 4): the pairs offered are
      // 'categoricalCrossentropy' (keep the softmax) or logits with tf.losses.softmaxCrossEntropy.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 4, activation: 'softmax', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: tf.losses.sigmoidCrossEntropy});`,
      output: null,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 2,
          data: data('softmax', 'tf.losses.sigmoidCrossEntropy', 'sigmoid', 3, 2),
          suggestions: [
            {
              messageId: 'useProbabilityLoss',
              data: { replacement: 'categoricalCrossentropy', activation: 'softmax' },
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 4, activation: 'softmax', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
            },
            {
              messageId: 'removeActivationUseLogitsLoss',
              data: { activation: 'softmax', replacement: 'tf.losses.softmaxCrossEntropy' },
              output:
                TF +
                `const m = tf.sequential({layers: [tf.layers.dense({units: 4, activation: 'linear', inputShape: [3]})]});
m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // A classic <script> (sourceType script): its top-level names are global variables.
      code: `var units = 5;
var m = tf.sequential();
m.add(tf.layers.dense({units: units, activation: 'softmax', inputShape: [3]}));
m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});`,
      output: `var units = 5;
var m = tf.sequential();
m.add(tf.layers.dense({units: units, activation: 'softmax', inputShape: [3]}));
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 3,
          suggestions: [
            {
              messageId: 'removeActivation',
              output: `var units = 5;
var m = tf.sequential();
m.add(tf.layers.dense({units: units, activation: 'linear', inputShape: [3]}));
m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // A softmax layer after a linear dense; page global tf; reported at the layer call.
      code: `const m = tf.sequential();
m.add(tf.layers.dense({units: 5, inputShape: [3]}));
m.add(tf.layers.softmax());
m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});`,
      output: `const m = tf.sequential();
m.add(tf.layers.dense({units: 5, inputShape: [3]}));
m.add(tf.layers.softmax());
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 3,
          column: 7,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'removeActivation',
              output: `const m = tf.sequential();
m.add(tf.layers.dense({units: 5, inputShape: [3]}));

m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});`,
            },
          ],
        },
      ],
    },
    {
      // Functional API: an activation layer applied last; require() import.
      code: `const tf = require('@tensorflow/tfjs');
const input = tf.input({shape: [4]});
let x = tf.layers.dense({units: 3}).apply(input);
x = tf.layers.activation({activation: 'softmax'}).apply(x);
const model = tf.model({inputs: input, outputs: x});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
      output: `const tf = require('@tensorflow/tfjs');
const input = tf.input({shape: [4]});
let x = tf.layers.dense({units: 3}).apply(input);
x = tf.layers.activation({activation: 'softmax'}).apply(x);
const model = tf.model({inputs: input, outputs: x});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 4,
          column: 39,
          suggestions: [
            {
              messageId: 'removeActivation',
              output: `const tf = require('@tensorflow/tfjs');
const input = tf.input({shape: [4]});
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
      // Built in a factory, compiled elsewhere with a wrapper loss (extra arguments): suggestions only.
      code:
        TF +
        `function createModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 10, activation: 'softmax', inputShape: [8]}));
  return model;
}
const smoothLoss = (yTrue, yPred) => tf.losses.softmaxCrossEntropy(yTrue, yPred, undefined, 0.1).mean();
const model = createModel();
model.compile({optimizer: 'adam', loss: smoothLoss});`,
      output: null,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 4,
          data: data('softmax', 'tf.losses.softmaxCrossEntropy', 'softmax', 7, 4),
          suggestions: [
            {
              messageId: 'removeActivation',
              output:
                TF +
                `function createModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 10, activation: 'linear', inputShape: [8]}));
  return model;
}
const smoothLoss = (yTrue, yPred) => tf.losses.softmaxCrossEntropy(yTrue, yPred, undefined, 0.1).mean();
const model = createModel();
model.compile({optimizer: 'adam', loss: smoothLoss});`,
            },
          ],
        },
      ],
    },
    {
      // Custom training: softmax written right in the loss call. Autofix: pass the logits.
      code:
        TF +
        `function lossFn(labels, z) {
  return tf.losses.softmaxCrossEntropy(labels, tf.softmax(z));
}`,
      output:
        TF +
        `function lossFn(labels, z) {
  return tf.losses.softmaxCrossEntropy(labels, z);
}`,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 3,
          column: 48,
          endColumn: 61,
          data: data('softmax', 'tf.losses.softmaxCrossEntropy', 'softmax', 3, 3),
        },
      ],
    },
    {
      // Chained form inside optimizer.minimize.
      code:
        TF +
        `const opt = tf.train.adam();
opt.minimize(() => tf.losses.sigmoidCrossEntropy(ys, tf.matMul(xs, w).sigmoid()));`,
      output:
        TF +
        `const opt = tf.train.adam();
opt.minimize(() => tf.losses.sigmoidCrossEntropy(ys, tf.matMul(xs, w)));`,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 3,
          column: 54,
          data: data('sigmoid', 'tf.losses.sigmoidCrossEntropy', 'sigmoid', 3, 3),
        },
      ],
    },
    {
      // Through a variable: the softmax may be used elsewhere, so a suggestion only.
      code:
        TF +
        `const probs = tf.softmax(logits);
const loss = tf.losses.softmaxCrossEntropy(labels, probs);`,
      output: null,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 2,
          column: 15,
          suggestions: [
            {
              messageId: 'passLogits',
              output:
                TF +
                `const probs = logits;
const loss = tf.losses.softmaxCrossEntropy(labels, probs);`,
            },
          ],
        },
      ],
    },
    {
      // The softmax held in a const that a probability loss also reads (correctly): dropping it would feed that
      // loss logits, so no edit of the shared softmax is offered.
      code:
        TF +
        `const probs = tf.softmax(logits);
const l1 = tf.losses.softmaxCrossEntropy(labels, probs);
const l2 = tf.metrics.categoricalCrossentropy(labels, probs);`,
      output: null,
      errors: [{ messageId: 'activationBeforeLogitsLoss', line: 2, column: 15, suggestions: [] }],
    },
    {
      // The same through a helper another caller uses for probabilities.
      code:
        TF +
        `const toProbs = (z) => tf.softmax(z);
const loss = tf.losses.softmaxCrossEntropy(labels, toProbs(logits));
const shown = toProbs(logits).dataSync();`,
      output: null,
      errors: [{ messageId: 'activationBeforeLogitsLoss', line: 2, column: 24, suggestions: [] }],
    },
    {
      // Through a small helper function.
      code:
        TF +
        `const toProbs = (z) => tf.softmax(z);
const loss = tf.losses.softmaxCrossEntropy(labels, toProbs(logits));`,
      output: null,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 2,
          column: 24,
          suggestions: [
            {
              messageId: 'passLogits',
              output:
                TF +
                `const toProbs = (z) => z;
const loss = tf.losses.softmaxCrossEntropy(labels, toProbs(logits));`,
            },
          ],
        },
      ],
    },
    {
      // Crossed in custom code: a sigmoid into the softmax loss. Suggestion only.
      code: TF + `const loss = tf.losses.softmaxCrossEntropy(labels, tf.sigmoid(z));`,
      output: null,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          data: data('sigmoid', 'tf.losses.softmaxCrossEntropy', 'softmax', 2, 2),
          // Finding 4 in custom code: the logits go to the loss that applies the sigmoid, not the softmax one.
          suggestions: [
            {
              messageId: 'passLogitsTo',
              data: { activation: 'sigmoid', replacement: 'tf.losses.sigmoidCrossEntropy' },
              output: TF + `const loss = tf.losses.sigmoidCrossEntropy(labels, z);`,
            },
          ],
        },
      ],
    },
    {
      // model.predict of a softmax model, in a class that keeps this.model.
      code:
        TF +
        `class Trainer {
  constructor() {
    this.model = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [2]})]});
  }
  loss(xs, ys) {
    return tf.losses.softmaxCrossEntropy(ys, this.model.predict(xs));
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 4,
          data: data('softmax', 'tf.losses.softmaxCrossEntropy', 'softmax', 7, 4),
          suggestions: [
            {
              messageId: 'removeActivation',
              output:
                TF +
                `class Trainer {
  constructor() {
    this.model = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'linear', inputShape: [2]})]});
  }
  loss(xs, ys) {
    return tf.losses.softmaxCrossEntropy(ys, this.model.predict(xs));
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Both branches are buggy (each pairs with its own fused loss): reported, no fix.
      code:
        TF +
        `export function build(multiLabel) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 3, activation: multiLabel ? 'sigmoid' : 'softmax', inputShape: [2]}));
  m.compile({optimizer: 'sgd', loss: multiLabel ? tf.losses.sigmoidCrossEntropy : tf.losses.softmaxCrossEntropy});
}`,
      output: null,
      errors: [{ messageId: 'activationBeforeLogitsLoss', line: 4, column: 48 }],
    },
    {
      // TypeScript: casts around the loss and the model.
      tsOnly: true,
      code:
        TF +
        `const m = tf.sequential() as tf.Sequential;
m.add(tf.layers.dense({units: 10, activation: 'softmax' as const, inputShape: [4]}));
m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy as any});`,
      output:
        TF +
        `const m = tf.sequential() as tf.Sequential;
m.add(tf.layers.dense({units: 10, activation: 'softmax' as const, inputShape: [4]}));
m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy' as any});`,
      errors: [
        {
          messageId: 'activationBeforeLogitsLoss',
          line: 3,
          column: 47,
          suggestions: [
            {
              messageId: 'removeActivation',
              output:
                TF +
                `const m = tf.sequential() as tf.Sequential;
m.add(tf.layers.dense({units: 10, activation: 'linear' as const, inputShape: [4]}));
m.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy as any});`,
            },
          ],
        },
      ],
    },
  ],
});
