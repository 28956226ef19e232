/**
 * Unit tests of the training facts: which fit calls may train a model, whether its
 * labels are one-hot on every path, and which metrics compile gives an output.
 */
import { describe, expect, it } from 'vitest';
import type { FileAnalysis, MetricList, ModelFact } from '../../src/analysis/index.js';
import { analyze, PARSERS } from '../helpers/analyze.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

/** The model compiled by the first compile site. */
function compiledModel(a: FileAnalysis): ModelFact {
  const m = a.modelsOf(a.compileSites[0]!.target)[0]!.value;
  if (!m) throw new Error('no model');
  return m;
}

/** For the first compiled model: the lines of the fits that may train it, and of their one-hot labels (null: not one-hot). */
function oneHot(a: FileAnalysis): { fits: number[]; oneHot: number[][] | null } {
  const model = compiledModel(a);
  const fits = a.fitSitesOf(model).map((f) => f.call.loc.start.line);
  const oh = a.oneHotFitsOf(model);
  return { fits, oneHot: oh && oh.map((f) => f.oneHot.map((t) => t.node.loc.start.line)) };
}

const MODEL = `const model = tf.sequential({layers: [tf.layers.dense({units: 4, activation: 'sigmoid', inputShape: [2]})]});
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
`;

describe.each(PARSERS)('training facts (%s parser)', (parser) => {
  const run = (code: string) => {
    const a = analyze(code, { parser });
    if (!a) throw new Error('no analysis');
    return a;
  };

  describe('one-hot labels', () => {
    it('follows tf.oneHot through variables, tf.tidy, casts and reshapes', () => {
      const code =
        TF +
        MODEL +
        `const a = tf.oneHot(tf.tensor1d([0, 1], 'int32'), 4);
const b = tf.tidy(() => a.toFloat());
const c = tf.tidy(() => { return tf.cast(b, 'float32').reshape([2, 4]); });
model.fit(tf.zeros([2, 2]), c);`;
      expect(oneHot(run(code))).toEqual({ fits: [7], oneHot: [[4]] });
    });

    it('knows the chained form and labels passed to a train helper', () => {
      const code =
        TF +
        MODEL +
        `async function train(m, xs, ys) { await m.fit(xs, ys); }
train(model, tf.zeros([2, 2]), tf.tensor1d([0, 3], 'int32').oneHot(4).asType('float32'));`;
      expect(oneHot(run(code))).toEqual({ fits: [4], oneHot: [[5]] });
    });

    it('stops at values that change the labels, unknown labels, other paths and fitDataset', () => {
      const cases = [
        // Label smoothing changes the values.
        `model.fit(xs, tf.oneHot(ids, 4).mul(0.9).add(0.025));`,
        // A parameter nobody in this file passes.
        `export function train(ys) { return model.fit(xs, ys); }`,
        // One-hot on one path only.
        `export function train(multi, rows) { return model.fit(xs, multi ? tf.tensor2d(rows) : tf.oneHot(ids, 4)); }`,
        // A second fit on other labels.
        `model.fit(xs, tf.oneHot(ids, 4));\nmodel.fit(xs, tf.tensor2d(rows));`,
        // A dataset: labels unknown.
        `model.fitDataset(ds, {epochs: 1});`,
      ];
      for (const c of cases) expect(oneHot(run(TF + MODEL + c)).oneHot, c).toBeNull();
    });

    it('has no answer without a fit in the file, and ignores fits of other models', () => {
      expect(oneHot(run(TF + MODEL))).toEqual({ fits: [], oneHot: null });
      const other = `const other = tf.sequential({layers: [tf.layers.dense({units: 4, inputShape: [2]})]});
other.fit(xs, tf.oneHot(ids, 4));`;
      expect(oneHot(run(TF + MODEL + other))).toEqual({ fits: [], oneHot: null });
    });

    it('counts a fit helper called for two models as a fit of each', () => {
      const code =
        TF +
        MODEL +
        `const other = tf.sequential({layers: [tf.layers.dense({units: 4, inputShape: [2]})]});
function train(m, ys) { return m.fit(xs, ys); }
train(model, tf.oneHot(ids, 4));
train(other, tf.tensor2d(rows));`;
      // The helper may train `model` with either call's labels: not one-hot on every path.
      expect(oneHot(run(code))).toEqual({ fits: [5], oneHot: null });
    });
  });

  describe('metrics', () => {
    const metrics = (metricsCode: string, outputName?: string): MetricList[] => {
      const a = run(
        TF + `const m = tf.sequential();\nm.compile({optimizer: 'sgd', loss: 'meanSquaredError'${metricsCode}});`,
      );
      return a.metricsOf(a.compileSites[0]!, outputName).map((p) => p.value);
    };

    it('reads strings, arrays and absent metrics', () => {
      expect(metrics(`, metrics: ['accuracy', 'mse']`)).toEqual([{ names: ['accuracy', 'mse'], complete: true }]);
      expect(metrics(`, metrics: 'acc'`)).toEqual([{ names: ['acc'], complete: true }]);
      expect(metrics(``)).toEqual([{ names: [], complete: true }]);
    });

    it('keeps only certain strings, and says when some metric is unknown', () => {
      expect(metrics(`, metrics: ['accuracy', tf.metrics.precision, ...more]`)).toEqual([
        { names: ['accuracy'], complete: false },
      ]);
      expect(metrics(`, metrics: [pick ? 'accuracy' : 'acc']`)).toEqual([{ names: [], complete: false }]);
    });

    it('gives one list per path of a conditional metrics value', () => {
      expect(metrics(`, metrics: clf ? ['accuracy'] : ['mse']`)).toEqual([
        { names: ['accuracy'], complete: true },
        { names: ['mse'], complete: true },
      ]);
    });

    it('reads a metrics object by output name', () => {
      expect(metrics(`, metrics: {digit: 'accuracy', tags: ['mse']}`, 'tags')).toEqual([
        { names: ['mse'], complete: true },
      ]);
      expect(metrics(`, metrics: {digit: 'accuracy'}`, 'tags')).toEqual([{ names: [], complete: true }]);
      expect(metrics(`, metrics: {digit: 'accuracy'}`, undefined)).toEqual([{ names: [], complete: false }]);
    });
  });
});
