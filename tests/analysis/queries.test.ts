/**
 * Unit tests of the analysis additions used by prefer-log-softmax and
 * valid-identifiers: tensor-typed parameters, name uses, the TF.js namespace in
 * scope, and the outputs of a compile site under guards.
 */
import { describe, expect, it } from 'vitest';
import type { FileAnalysis } from '../../src/analysis/index.js';
import { analyze, PARSERS } from '../helpers/analyze.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

/** What every activation op of the file was applied to: `op(argument kind/origin/op)`. */
function ops(a: FileAnalysis): string[] {
  return a.activationOps.map((t) => {
    const arg = t.argument;
    const inner = !arg ? '-' : arg.kind === 'tensor' ? `${arg.origin}${arg.op ? ':' + arg.op : ''}` : arg.kind;
    return `${t.op}(${inner})`;
  });
}

describe('tensor-typed parameters (typescript parser)', () => {
  const run = (code: string) => ops(analyze(code, { parser: 'typescript' })!);

  it.each([
    ['tf.Tensor', `${TF}export function f(x: tf.Tensor) { return x.softmax(); }`],
    ['tf.Tensor2D', `${TF}export function f(x: tf.Tensor2D) { return x.softmax(); }`],
    ['tf.Tensor<tf.Rank.R2>', `${TF}export function f(x: tf.Tensor<tf.Rank.R2>) { return x.softmax(); }`],
    ['tf.Variable', `${TF}export function f(x: tf.Variable) { return x.softmax(); }`],
    [
      'named import',
      `import {Tensor} from '@tensorflow/tfjs-core';\nexport function f(x: Tensor) { return x.softmax(); }`,
    ],
    [
      'type-only import',
      `import type {Tensor3D} from '@tensorflow/tfjs';\nexport function f(x: Tensor3D) { return x.softmax(); }`,
    ],
    ['page global', `export function f(x: tf.Scalar) { return x.softmax(); }`],
    ['default value', `${TF}export const f = (x: tf.Tensor = tf.zeros([2])) => x.softmax();`],
    ['class method', `${TF}export class M { call(x: tf.Tensor) { return x.softmax(); } }`],
  ])('is a tensor when annotated with %s', (_name, code) => {
    expect(run(code)).toEqual(['softmax(op)']);
  });

  it.each([
    ['no annotation', `${TF}export function f(x) { return x.softmax(); }`],
    [
      'a local Tensor type',
      `${TF}interface Tensor { softmax(): Tensor }\nexport function f(x: Tensor) { return x.softmax(); }`,
    ],
    [
      'a Tensor from another module',
      `${TF}import {Tensor} from './my-math';\nexport function f(x: Tensor) { return x.softmax(); }`,
    ],
    ['TensorLike (arrays are accepted)', `${TF}export function f(x: tf.TensorLike) { return x.softmax(); }`],
    ['a union type', `${TF}export function f(x: tf.Tensor | null) { return x.softmax(); }`],
  ])('is unknown with %s', (_name, code) => {
    expect(run(code)).toEqual([]);
  });

  it('keeps what the call sites pass when they are known', () => {
    const code = `${TF}const m = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [2]})]});
function f(x: tf.Tensor) { return tf.log(x); }
f(m.predict(tf.zeros([1, 2])));`;
    expect(run(code)).toEqual(['log(model-output)']);
  });

  it('fills in unknown call-site values', () => {
    const code = `${TF}function f(x: tf.Tensor) { return x.softmax().log(); }
f(load());`;
    expect(run(code)).toEqual(['log(activation-op:softmax)', 'softmax(op)']);
  });
});

describe.each(PARSERS)('queries (%s parser)', (parser) => {
  const run = (code: string) => analyze(code, { parser })!;

  describe('nameUses', () => {
    const uses = (code: string) =>
      run(code)
        .nameUses()
        .map(
          (u) =>
            `${u.kind}:${u.name}@${u.literal.loc.start.line}:${u.literal.loc.start.column}${u.local ? '' : ' shared'}${u.outputIndex === undefined ? '' : ' #' + u.outputIndex}`,
        );

    it('finds loss, metrics and optimizer strings of a compile call, then layer activations', () => {
      const code = `${TF}const m = tf.sequential();
m.add(tf.layers.lstm({units: 3, activation: 'tanh', recurrentActivation: 'sigmoid', inputShape: [2, 2]}));
m.compile({optimizer: 'adam', loss: 'mse', metrics: ['acc', tf.metrics.recall, 'mse']});`;
      expect(uses(code)).toEqual([
        'loss:mse@4:36 #all',
        'metric:acc@4:53',
        'metric:mse@4:79',
        'optimizer:adam@4:22',
        'activation:tanh@3:44',
        'activation:sigmoid@3:73',
      ]);
    });

    it('follows constants, per-output arrays and objects, and conditions', () => {
      const code = `${TF}const LOSS = 'mse';
export function build(clf) {
  const m = tf.model({inputs: [], outputs: []});
  m.compile({optimizer: 'sgd', loss: [LOSS, clf ? 'a' : 'b'], metrics: {out: ['x', 'y'], aux: 'z'}});
}`;
      expect(uses(code)).toEqual([
        'loss:mse@2:13 shared #0',
        'loss:a@5:50 #1',
        'loss:b@5:56 #1',
        'metric:x@5:78',
        'metric:y@5:83',
        'metric:z@5:94',
        'optimizer:sgd@5:24',
      ]);
    });

    it("ignores layers without an activation config and simpleRNN's recurrentActivation", () => {
      const code = `${TF}tf.layers.dropout({rate: 0.5, activation: 'x'});
tf.layers.simpleRNN({units: 2, recurrentActivation: 'y'});`;
      expect(uses(code)).toEqual([]);
    });

    it('ignores compile calls on things that may not be TF.js models, and computed strings', () => {
      const code = `${TF}const other = {compile() {}};
other.compile({loss: 'mse'});
function train(x) { x.compile({loss: 'mse'}); }
train(tf.sequential()); train(other);
const m = tf.sequential();
m.compile({loss: 'mean' + 'SquaredError', optimizer: tf.train.adam()});`;
      expect(uses(code)).toEqual([]);
    });

    it('accepts a model that is null on some path (this.model = null)', () => {
      const code = `${TF}class T {
  constructor() { this.model = null; }
  build() { this.model = tf.sequential(); }
  train() { this.model.compile({loss: 'mse'}); }
}`;
      expect(uses(code)).toEqual(['loss:mse@5:38 #all']);
    });
  });

  describe('tfExpression', () => {
    const at = (code: string, path: string[]) => {
      const a = run(code);
      // The expression is asked for at the last statement of the file.
      const body = a.sourceCode.ast.body;
      return a.tfExpression(path, body[body.length - 1]!);
    };

    it.each([
      ['import * as', `import * as tf from '@tensorflow/tfjs';\nx;`, ['losses', 'logLoss'], 'tf.losses.logLoss'],
      ['default import', `import tfx from '@tensorflow/tfjs-node';\nx;`, ['metrics', 'mse'], 'tfx.metrics.mse'],
      ['require', `const tf = require('@tensorflow/tfjs');\nx;`, ['train', 'adam'], 'tf.train.adam'],
      [
        'core has losses',
        `import * as tfc from '@tensorflow/tfjs-core';\nx;`,
        ['losses', 'logLoss'],
        'tfc.losses.logLoss',
      ],
      ['core has ops', `import * as tfc from '@tensorflow/tfjs-core';\nx;`, ['logSoftmax'], 'tfc.logSoftmax'],
      ['core has no metrics', `import * as tfc from '@tensorflow/tfjs-core';\nx;`, ['metrics', 'mse'], undefined],
      [
        'layers has metrics',
        `import * as tfl from '@tensorflow/tfjs-layers';\nx;`,
        ['metrics', 'mse'],
        'tfl.metrics.mse',
      ],
      ['layers has no losses', `import * as tfl from '@tensorflow/tfjs-layers';\nx;`, ['losses', 'logLoss'], undefined],
      ['layers has no ops', `import * as tfl from '@tensorflow/tfjs-layers';\nx;`, ['logSoftmax'], undefined],
      [
        'a named import of the sub-namespace',
        `import {losses} from '@tensorflow/tfjs';\nx;`,
        ['losses', 'logLoss'],
        'losses.logLoss',
      ],
      [
        'named imports of something else only',
        `import {sequential} from '@tensorflow/tfjs';\nx;`,
        ['losses', 'logLoss'],
        undefined,
      ],
      ['page global in use', `tf.sequential();\nx;`, ['losses', 'logLoss'], 'tf.losses.logLoss'],
      [
        'a reassigned require',
        `let tf = require('@tensorflow/tfjs');\ntf = null;\nx;`,
        ['losses', 'logLoss'],
        undefined,
      ],
      [
        'a local require',
        `function require() {}\nconst tf = require('@tensorflow/tfjs');\nx;`,
        ['losses', 'logLoss'],
        undefined,
      ],
    ])('%s', (_name, code, path, expected) => {
      expect(at(code, path as string[])).toBe(expected);
    });

    it('is undefined where the name is shadowed', () => {
      const a = run(`import * as tf from '@tensorflow/tfjs';\nfunction f(tf) { return 'mse'; }`);
      const fn = a.sourceCode.ast.body[1]! as import('@typescript-eslint/utils').TSESTree.FunctionDeclaration;
      expect(a.tfExpression(['losses', 'logLoss'], fn.body.body[0]!)).toBeUndefined();
      expect(a.tfExpression(['losses', 'logLoss'], a.sourceCode.ast.body[0]!)).toBe('tf.losses.logLoss');
    });
  });

  describe('outputsAtSite', () => {
    it('pairs the outputs with the guards of a loss chosen by the same condition', () => {
      const code = `${TF}export function build(clf) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 3, activation: clf ? 'softmax' : 'linear', inputShape: [2]}));
  m.compile({optimizer: 'sgd', loss: clf ? 'x' : 'y'});
}`;
      const a = run(code);
      const site = a.compileSites[0]!;
      const [x, y] = a.nameUses().filter((u) => u.kind === 'loss');
      const activations = (u: typeof x) => a.outputsAtSite(site, 0, u!.guards).map((p) => p.value?.activation);
      expect(activations(x)).toEqual(['softmax']);
      expect(activations(y)).toEqual(['linear']);
      expect(a.outputCountAtSite(site)).toBe(1);
    });

    it('is null for a loaded model', () => {
      const a = run(
        `${TF}async function f() { const m = await tf.loadLayersModel('m.json'); m.compile({loss: 'x'}); }`,
      );
      const site = a.compileSites[0]!;
      expect(a.outputsAtSite(site, 0, new Map()).map((p) => p.value)).toEqual([null]);
      expect(a.outputCountAtSite(site)).toBeUndefined();
    });
  });
});
