import rule from '../../src/rules/prefer-log-softmax.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

/**
 * The report's data: the activation, the stable op(s) as shown, the line of the activation, and the
 * line reported at (default: the same line, which the message does not repeat).
 */
const data = (activation: string, replacement: string, line: number, at = line) => ({
  activation,
  replacement,
  where: line === at ? '' : ` (line ${line})`,
});
const softmax = (line: number, at?: number) => data('softmax', '`tf.logSoftmax`', line, at);
const sigmoid = (line: number, at?: number) => data('sigmoid', '`tf.logSigmoid`', line, at);

runRule('prefer-log-softmax', rule, {
  valid: [
    // The stable ops themselves.
    TF + `const a = tf.logSoftmax(z);\nconst b = z2.logSigmoid();`,
    // Temperature sampling: log of probabilities that come out of predict() is the intended pattern.
    TF +
      `const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [2]})]});
const probs = m.predict(tf.zeros([1, 2]));
const logits = tf.log(probs).div(0.7);`,
    // A hand-written class with softmax() and log() methods is not TF.js.
    TF + `class Net { softmax() { return this; } log() { return 0; } }\nnew Net().softmax().log();`,
    // A receiver of unknown origin (an untyped parameter nobody in this file passes).
    TF + `export function f(x) { return x.softmax().log(); }`,
    // Not TF.js at all.
    `import * as tf from './my-math';\ntf.log(tf.softmax(z));`,
    // log of something else: an epsilon added first, a clipped softmax, a relu.
    TF +
      `const a = tf.log(tf.softmax(z).add(1e-7));\nconst b = tf.log(tf.clipByValue(tf.softmax(z), 1e-7, 1));\nconst c = tf.log(tf.relu(z));`,
    // Policy "on a real path": the softmax branch is dead (a constant condition).
    TF + `const USE_SOFTMAX = false;\nconst p = USE_SOFTMAX ? tf.softmax(z) : z.abs();\nconst l = tf.log(p);`,
    // Which write of the module variable the log sees depends on call order, not on a path the code
    // chooses: judged on every path, and one write is no softmax.
    TF +
      `let probs;
export function a(z) { probs = tf.softmax(z); }
export function b(z) { probs = z.abs(); }
export function loss() { return tf.log(probs); }`,
    // The other branch is unknown, the softmax one not taken into the log.
    TF +
      `export function f(z, cfg, useSoftmax) {\n  const p = useSoftmax ? cfg.fn(z) : z.abs();\n  return tf.log(p);\n}`,
    // A softmax variable that is reassigned before the log.
    TF + `let p = tf.softmax(z);\np = p.add(1e-7);\nconst l = tf.log(p);`,
    // In comments and strings.
    TF + `// tf.log(tf.softmax(z))\nconst s = 'tf.log(tf.softmax(z))';`,
  ],
  invalid: [
    {
      // Policy "on a real path": the log is certain and its input is a softmax when \`useSoftmax\`. No edit:
      // the other branch reads the same log.
      code:
        TF +
        `export function f(z, useSoftmax) {\n  const p = useSoftmax ? tf.softmax(z) : z.abs();\n  return tf.log(p);\n}`,
      output: null,
      errors: [{ messageId: 'preferLogSoftmax', data: softmax(3, 4), line: 4, suggestions: [] }],
    },
    {
      // A helper called with a softmax at one call site and other values at another: the first call
      // takes the log of a softmax.
      code:
        TF +
        `function logOf(p) { return tf.log(p); }
export const a = logOf(tf.softmax(z));
export const b = logOf(z.abs());`,
      output: null,
      errors: [{ messageId: 'preferLogSoftmax', data: softmax(3, 2), line: 2, suggestions: [] }],
    },
    {
      // The canonical bug, function form: autofixed in the same form.
      code: TF + `const l = tf.log(tf.softmax(logits));`,
      output: TF + `const l = tf.logSoftmax(logits);`,
      errors: [{ messageId: 'preferLogSoftmax', data: softmax(2), line: 2, column: 11, endColumn: 37 }],
    },
    {
      // The axis argument is kept (softmax and logSoftmax both only support the last axis).
      code: TF + `const l = tf.log(tf.softmax(logits, -1));`,
      output: TF + `const l = tf.logSoftmax(logits, -1);`,
      errors: [{ messageId: 'preferLogSoftmax', data: softmax(2), line: 2, column: 11, endColumn: 41 }],
    },
    {
      // Function softmax, chained log: the function form of the softmax is kept.
      code: TF + `const l = tf.softmax(logits).log();`,
      output: TF + `const l = tf.logSoftmax(logits);`,
      errors: [{ messageId: 'preferLogSoftmax', data: softmax(2), line: 2, column: 11, endColumn: 35 }],
    },
    {
      // Sigmoid: tf.logSigmoid; the surrounding chain (.mean()) stays.
      code: TF + `const l = tf.log(tf.sigmoid(z)).mean();`,
      output: TF + `const l = tf.logSigmoid(z).mean();`,
      errors: [{ messageId: 'preferLogSoftmax', data: sigmoid(2), line: 2, column: 11, endColumn: 32 }],
    },
    {
      // Chain on a TF.js op: the chained form x.logSoftmax() exists and is kept.
      code: TF + `const l = tf.matMul(x, w).softmax().log();`,
      output: TF + `const l = tf.matMul(x, w).logSoftmax();`,
      errors: [{ messageId: 'preferLogSoftmax', data: softmax(2), line: 2, column: 11, endColumn: 42 }],
    },
    {
      // tf.log of a chained sigmoid on a model output: x.logSigmoid() exists too.
      code:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [2]})]});
const l = tf.log(m.predict(xs).sigmoid());`,
      output:
        TF +
        `const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [2]})]});
const l = m.predict(xs).logSigmoid();`,
      errors: [{ messageId: 'preferLogSoftmax', data: sigmoid(3), line: 3, column: 11, endColumn: 42 }],
    },
    {
      // A parameter annotated as a TF.js tensor (TypeScript).
      tsOnly: true,
      code:
        TF +
        `export function lossFn(labels: tf.Tensor, logits: tf.Tensor2D) {\n  return tf.neg(tf.sum(tf.mul(labels, logits.softmax().log())));\n}`,
      output:
        TF +
        `export function lossFn(labels: tf.Tensor, logits: tf.Tensor2D) {\n  return tf.neg(tf.sum(tf.mul(labels, logits.logSoftmax())));\n}`,
      errors: [{ messageId: 'preferLogSoftmax', data: softmax(3), line: 3, column: 39, endColumn: 61 }],
    },
    {
      // Tensor imported by name from a TF.js module (TypeScript).
      tsOnly: true,
      code: `import {Tensor} from '@tensorflow/tfjs-core';\nimport * as tf from '@tensorflow/tfjs-core';\nexport const f = (z: Tensor) => tf.log(z.sigmoid());`,
      output: `import {Tensor} from '@tensorflow/tfjs-core';\nimport * as tf from '@tensorflow/tfjs-core';\nexport const f = (z: Tensor) => z.logSigmoid();`,
      errors: [{ messageId: 'preferLogSoftmax', data: sigmoid(3), line: 3, column: 33, endColumn: 52 }],
    },
    {
      // Through a variable: a suggestion only (the softmax may be used elsewhere).
      code: TF + `const probs = tf.softmax(logits);\nconst entropy = tf.sum(tf.mul(probs, tf.log(probs)));`,
      output: null,
      errors: [
        {
          messageId: 'preferLogSoftmax',
          data: softmax(2, 3),
          line: 3,
          column: 38,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useStableOp',
              data: { text: 'tf.logSoftmax(logits)' },
              output:
                TF + `const probs = tf.softmax(logits);\nconst entropy = tf.sum(tf.mul(probs, tf.logSoftmax(logits)));`,
            },
          ],
        },
      ],
    },
    {
      // Through a variable whose softmax argument is shadowed at the log: reported, nothing offered.
      code: TF + `const p = tf.softmax(z);\nfunction f(z) { return tf.log(p); }`,
      output: null,
      errors: [
        { messageId: 'preferLogSoftmax', data: softmax(2, 3), line: 3, column: 24, endColumn: 33, suggestions: [] },
      ],
    },
    {
      // Returned by a helper: reported at the log, no edit (the softmax is elsewhere).
      code: TF + `function probs(z) { return tf.softmax(z); }\nconst l = tf.log(probs(x));`,
      output: null,
      errors: [
        { messageId: 'preferLogSoftmax', data: softmax(2, 3), line: 3, column: 11, endColumn: 27, suggestions: [] },
      ],
    },
    {
      // Softmax or sigmoid by a condition: a bug on every path, no single edit.
      code:
        TF +
        `export function f(z, multi) {\n  const p = multi ? tf.softmax(z) : tf.sigmoid(z);\n  return tf.log(p);\n}`,
      output: null,
      errors: [
        {
          messageId: 'preferLogSoftmax',
          data: {
            activation: 'softmax or sigmoid',
            replacement: '`tf.logSoftmax` or `tf.logSigmoid`',
            where: ' (line 3)',
          },
          line: 4,
          column: 10,
          endColumn: 19,
          suggestions: [],
        },
      ],
    },
    {
      // Named imports: the fix goes through the namespace import in scope.
      code: `import * as tf from '@tensorflow/tfjs';\nimport {log, softmax} from '@tensorflow/tfjs';\nconst l = log(softmax(z, 1));`,
      output: `import * as tf from '@tensorflow/tfjs';\nimport {log, softmax} from '@tensorflow/tfjs';\nconst l = tf.logSoftmax(z, 1);`,
      errors: [{ messageId: 'preferLogSoftmax', data: softmax(3), line: 3, column: 11, endColumn: 29 }],
    },
    {
      // Named imports only: no namespace to write tf.logSoftmax with, so no fix.
      code: `import {log, softmax} from '@tensorflow/tfjs';\nconst l = log(softmax(z));`,
      output: null,
      errors: [{ messageId: 'preferLogSoftmax', data: softmax(2), line: 2, column: 11, endColumn: 26 }],
    },
    {
      // A comment between the log and the softmax would be lost: no autofix.
      code: TF + `const l = tf.log(/* probs */ tf.softmax(z));`,
      output: null,
      errors: [{ messageId: 'preferLogSoftmax', data: softmax(2), line: 2, column: 11, endColumn: 44 }],
    },
    {
      // A comment inside the softmax call is kept.
      code: TF + `const l = tf.log(tf.softmax(z /* logits */));`,
      output: TF + `const l = tf.logSoftmax(z /* logits */);`,
      errors: [{ messageId: 'preferLogSoftmax', data: softmax(2), line: 2, column: 11, endColumn: 45 }],
    },
    {
      // The page-global tf (script tag build).
      code: `const l = tf.log(tf.softmax(z));`,
      output: `const l = tf.logSoftmax(z);`,
      errors: [{ messageId: 'preferLogSoftmax', data: softmax(1), line: 1, column: 11, endColumn: 32 }],
    },
  ],
});
