/**
 * Unit tests of the per-layer queries of the analysis: `layerFacts` (activation and
 * width of any layer, per path), `inputLayerOf` (the layer feeding a layer, per
 * placement and path) and `tfExpression` (a TF.js name written in the file's style).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { FileAnalysis, LayerFact } from '../../src/analysis/index.js';
import { analyze, PARSERS } from '../helpers/analyze.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

/** `activation/units` of every path of a layer (`?` unknown; `~` when the axis is not known to be the last). */
function facts(a: FileAnalysis, layer: LayerFact): string[] {
  return a
    .layerFacts(layer)
    .map((p) => `${p.value.activation ?? '?'}/${p.value.units ?? '?'}${p.value.overLastAxis ? '' : '~'}`);
}

/** The layer calls of a file, by factory and position (`dense#0` is the first dense call). */
function byName(a: FileAnalysis, name: string): LayerFact {
  const [factory, i] = name.split('#') as [string, string | undefined];
  const list = a.layerCalls.filter((l) => l.factory === factory);
  const layer = list[Number(i ?? 0)];
  if (!layer) throw new Error(`no layer ${name}`);
  return layer;
}

/** What feeds a layer: `factory(units)` per path, `?` for unknown. */
function inputs(a: FileAnalysis, layer: LayerFact): string[] {
  return a.inputLayerOf(layer).map((p) => {
    if (!p.value) return '?';
    const units = a.layerFacts(p.value).map((f) => f.value.units ?? '?');
    return `${p.value.factory}(${[...new Set(units)].join('|')})`;
  });
}

describe.each(PARSERS)('layer queries (%s parser)', (parser) => {
  const run = (code: string) => {
    const a = analyze(code, { parser });
    if (!a) throw new Error('no analysis');
    return a;
  };

  describe('layerFacts', () => {
    it('reads activation and units of hidden and output layers alike', () => {
      const a = run(
        TF +
          `
const m = tf.sequential();
m.add(tf.layers.dense({units: 8, activation: 'relu', inputShape: [3]}));
m.add(tf.layers.dense({units: 1}));
m.add(tf.layers.lstm({units: 4}));`,
      );
      expect(facts(a, byName(a, 'dense#0'))).toEqual(['relu/8']);
      expect(facts(a, byName(a, 'dense#1'))).toEqual(['linear/1']);
      expect(facts(a, byName(a, 'lstm'))).toEqual(['tanh/4']);
    });

    it('keeps guarded possibilities and unknowns', () => {
      const a = run(
        TF +
          `
export function f(isClf, n) {
  tf.layers.dense({units: isClf ? 1 : 3, activation: isClf ? 'sigmoid' : 'softmax'});
  tf.layers.dense({units: n, activation: 'softmax'});
}`,
      );
      // Units and activation chosen by the same condition: only the consistent combinations.
      expect(facts(a, byName(a, 'dense#0')).sort()).toEqual(['sigmoid/1', 'softmax/3']);
      expect(facts(a, byName(a, 'dense#1'))).toEqual(['softmax/?']);
    });

    it('reads conv filters only when channels are last', () => {
      const a = run(
        TF +
          `
tf.layers.conv2d({filters: 1, kernelSize: 3, activation: 'softmax'});
tf.layers.conv2d({filters: 1, kernelSize: 3, activation: 'softmax', dataFormat: 'channelsLast'});
tf.layers.conv2d({filters: 1, kernelSize: 3, activation: 'softmax', dataFormat: 'channelsFirst'});`,
      );
      expect(facts(a, byName(a, 'conv2d#0'))).toEqual(['softmax/1']);
      expect(facts(a, byName(a, 'conv2d#1'))).toEqual(['softmax/1']);
      expect(facts(a, byName(a, 'conv2d#2'))).toEqual(['softmax/?']);
    });

    it('knows the axis of tf.layers.softmax', () => {
      const a = run(
        TF +
          `
export function f(ax) {
  tf.layers.softmax();
  tf.layers.softmax({axis: -1});
  tf.layers.softmax({axis: 2});
  tf.layers.softmax({axis: ax});
  tf.layers.activation({activation: 'softmax'});
}`,
      );
      expect(
        ['softmax#0', 'softmax#1', 'softmax#2', 'softmax#3', 'activation'].map((n) => facts(a, byName(a, n))[0]),
      ).toEqual(['softmax/?', 'softmax/?', 'softmax/?~', 'softmax/?~', 'softmax/?']);
    });
  });

  describe('inputLayerOf', () => {
    it('follows model.add sequences through dropout and activation layers', () => {
      const a = run(
        TF +
          `
const m = tf.sequential();
m.add(tf.layers.dense({units: 1, inputShape: [3]}));
m.add(tf.layers.dropout({rate: 0.1}));
m.add(tf.layers.activation({activation: 'relu'}));
m.add(tf.layers.softmax());`,
      );
      expect(inputs(a, byName(a, 'softmax'))).toEqual(['dense(1)']);
      expect(inputs(a, byName(a, 'dense'))).toEqual(['?']);
    });

    it('follows layers arrays, then adds after them', () => {
      const a = run(
        TF +
          `
const m = tf.sequential({layers: [tf.layers.dense({units: 5, inputShape: [3]}), tf.layers.softmax()]});
m.add(tf.layers.dense({units: 1}));
m.add(tf.layers.activation({activation: 'softmax'}));`,
      );
      expect(inputs(a, byName(a, 'softmax'))).toEqual(['dense(5)']);
      expect(inputs(a, byName(a, 'activation'))).toEqual(['dense(1)']);
    });

    it('stops at layers that rearrange the axes and at the model input', () => {
      const a = run(
        TF +
          `
const m = tf.sequential({layers: [
  tf.layers.dense({units: 1, inputShape: [3]}),
  tf.layers.flatten(),
  tf.layers.softmax(),
]});
const n = tf.sequential({layers: [tf.layers.softmax({inputShape: [3]})]});`,
      );
      expect(inputs(a, byName(a, 'softmax#0'))).toEqual(['?']);
      expect(inputs(a, byName(a, 'softmax#1'))).toEqual(['?']);
    });

    it('looks into timeDistributed', () => {
      const a = run(
        TF +
          `
const m = tf.sequential();
m.add(tf.layers.timeDistributed({layer: tf.layers.dense({units: 1}), inputShape: [5, 3]}));
m.add(tf.layers.softmax({axis: -1}));`,
      );
      expect(inputs(a, byName(a, 'softmax'))).toEqual(['dense(1)']);
    });

    it('follows functional .apply chains, reassigned or inline', () => {
      const a = run(
        TF +
          `
const input = tf.input({shape: [4]});
let x = tf.layers.dense({units: 1}).apply(input);
x = tf.layers.dropout({rate: 0.2}).apply(x);
const sm = tf.layers.activation({activation: 'softmax'});
const out = sm.apply(x);
const first = tf.layers.softmax().apply(input);`,
      );
      expect(inputs(a, byName(a, 'activation'))).toEqual(['dense(1)']);
      expect(inputs(a, byName(a, 'softmax'))).toEqual(['?']);
    });

    it('keeps every path: a conditional add and each placement of a shared layer', () => {
      const a = run(
        TF +
          `
export function build(big) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 1, inputShape: [3]}));
  if (big) m.add(tf.layers.dense({units: 8}));
  m.add(tf.layers.softmax());
  return m;
}
const act = tf.layers.activation({activation: 'softmax'});
const a = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [2]}), act]});
const b = tf.sequential({layers: [tf.layers.dense({units: 4, inputShape: [2]}), act]});`,
      );
      expect(inputs(a, byName(a, 'softmax')).sort()).toEqual(['dense(1)', 'dense(8)']);
      expect(inputs(a, byName(a, 'activation')).sort()).toEqual(['dense(1)', 'dense(4)']);
    });

    it('does not pair an add with one from the other branch of an if/else', () => {
      const a = run(
        TF +
          `
export function build(binary) {
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
      );
      expect(inputs(a, byName(a, 'softmax'))).toEqual(['dense(4)']);
    });

    it('stops at the two branches of an if/else before it', () => {
      const a = run(
        TF +
          `
export function build(deep) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 7, inputShape: [3]})]});
  if (deep) m.add(tf.layers.dense({units: 1}));
  else m.add(tf.layers.dense({units: 2}));
  m.add(tf.layers.softmax());
  return m;
}`,
      );
      expect(inputs(a, byName(a, 'softmax')).sort()).toEqual(['dense(1)', 'dense(2)']);
    });

    it('reaches the layers array when an earlier add may not run', () => {
      const a = run(
        TF +
          `
export function build(deep) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 7, inputShape: [3]})]});
  if (deep) m.add(tf.layers.dense({units: 1}));
  m.add(tf.layers.softmax());
  return m;
}`,
      );
      expect(inputs(a, byName(a, 'softmax')).sort()).toEqual(['dense(1)', 'dense(7)']);
    });

    it('is empty for a layer placed nowhere in the file', () => {
      const a = run(TF + `export const sm = tf.layers.softmax();`);
      expect(inputs(a, byName(a, 'softmax'))).toEqual([]);
    });
  });

  describe('tfExpression', () => {
    const at = (a: FileAnalysis) => a.compileSites[0]!.call;
    const COMPILE = `\nconst m = tf.sequential();\nm.compile({loss: 'categoricalCrossentropy'});`;
    it.each([
      ['import * as tf', `import * as tf from '@tensorflow/tfjs';`, 'tf.losses.softmaxCrossEntropy'],
      ['tfjs-node default import', `import tf from '@tensorflow/tfjs-node';`, 'tf.losses.softmaxCrossEntropy'],
      ['require', `const tf = require('@tensorflow/tfjs');`, 'tf.losses.softmaxCrossEntropy'],
      [
        'named losses import',
        `import * as tf from '@tensorflow/tfjs';\nimport {losses} from '@tensorflow/tfjs';`,
        'losses.softmaxCrossEntropy',
      ],
      [
        'destructured losses',
        `import * as tf from '@tensorflow/tfjs';\nconst {losses: L} = tf;`,
        'L.softmaxCrossEntropy',
      ],
      ['page global', ``, 'tf.losses.softmaxCrossEntropy'],
      ['tfjs-layers root (no losses there)', `import * as tf from '@tensorflow/tfjs-layers';`, undefined],
    ])('%s', (_name, header, expected) => {
      const a = run(header + COMPILE);
      expect(a.tfExpression(['losses', 'softmaxCrossEntropy'], at(a))).toBe(expected);
    });

    it('skips a binding shadowed where the name would be written', () => {
      const a = run(
        TF +
          `
function train(tf) {
  const m = globalThis.build();
  return (model) => model.compile({loss: 'categoricalCrossentropy'});
}
const m = tf.sequential();
m.compile({loss: 'binaryCrossentropy'});`,
      );
      const fn = a.sourceCode.ast.body[1] as TSESTree.FunctionDeclaration;
      const inner = fn.body.body[1]!;
      expect(a.tfExpression(['losses', 'sigmoidCrossEntropy'], inner)).toBeUndefined();
      expect(a.tfExpression(['losses', 'sigmoidCrossEntropy'], a.compileSites[0]!.call)).toBe(
        'tf.losses.sigmoidCrossEntropy',
      );
    });
  });
});
