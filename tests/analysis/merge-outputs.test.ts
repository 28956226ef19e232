/**
 * Outputs that are merge layers (outputs.ts `mergedOutput`, knowledge/merges.ts): the
 * merged output reads as its inputs' activation when they all share one the merge
 * keeps, with their width only when the merge keeps it; mixed or unknown inputs, and
 * merges that change what the values are, give an unknown output. Checked on the
 * `activation/units` of each compile site's output.
 */
import { describe, expect, it } from 'vitest';
import { analyze, compiledOutputs, PARSERS } from '../helpers/analyze.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

/** A functional model whose output is `merge` of two dense heads with activations `a` and `b`. */
function merged(merge: string, a: string, b: string, units = 3): string {
  return (
    TF +
    `const input = tf.input({shape: [4]});
const h1 = tf.layers.dense({units: ${units}, activation: '${a}'}).apply(input);
const h2 = tf.layers.dense({units: ${units}, activation: '${b}'}).apply(input);
const out = tf.layers.${merge}().apply([h1, h2]);
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`
  );
}

/** The one output of the one compile site, as `activation/units`. */
function outputOf(code: string, parser: (typeof PARSERS)[number]): string {
  const sites = compiledOutputs(analyze(code, { parser })!);
  expect(sites).toHaveLength(1);
  expect(sites[0]).toHaveLength(1);
  return sites[0]![0]!.map((pair) => pair.replace(/ \+ .*$/, '')).join(' | ');
}

describe.each(PARSERS)('merge layers as outputs (%s)', (parser) => {
  it.each([
    // A mean keeps everything: a mean of distributions sums to 1, and the inputs' width.
    ['average', 'softmax', 'softmax/3'],
    ['average', 'sigmoid', 'sigmoid/3'],
    ['average', 'relu', 'relu/3'],
    // One input's value per place: ranges kept, row sums not (a maximum of softmaxes is no distribution).
    ['maximum', 'sigmoid', 'sigmoid/3'],
    ['minimum', 'tanh', 'tanh/3'],
    ['maximum', 'softmax', '?'],
    // Side by side: each value is an input's, the width is their total (not followed).
    ['concatenate', 'softmax', 'softmax/?'],
    ['concatenate', 'sigmoid', 'sigmoid/?'],
    ['concatenate', 'linear', 'linear/?'],
    // A mean of log-softmaxes is no log-distribution; a product is not followed.
    ['average', 'logSoftmax', '?'],
    ['multiply', 'sigmoid', '?'],
    // Sums of probabilities are no scores TF.js treats as raw (`categoricalCrossentropy` renormalises them).
    ['add', 'softmax', '?'],
    ['add', 'linear', 'linear/?'],
    ['subtract', 'relu', 'linear/?'],
  ])('%s of two %s heads: %s', (merge, activation, expected) => {
    expect(outputOf(merged(merge, activation, activation), parser)).toBe(expected);
  });

  it('inputs of mixed activations give an unknown output', () => {
    expect(outputOf(merged('concatenate', 'softmax', 'linear'), parser)).toBe('?');
    expect(outputOf(merged('average', 'sigmoid', 'hardSigmoid'), parser)).toBe('?');
  });

  it('an input chosen by a condition gives one output per path', () => {
    const code =
      TF +
      `export function build(wide) {
  const input = tf.input({shape: [4]});
  const h1 = tf.layers.dense({units: 3, activation: 'sigmoid'}).apply(input);
  const h2 = tf.layers.dense({units: 3, activation: wide ? 'sigmoid' : 'linear'}).apply(input);
  const model = tf.model({inputs: input, outputs: tf.layers.average().apply([h1, h2])});
  model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
}`;
    expect(outputOf(code, parser).split(' | ').sort()).toEqual(['?', 'sigmoid/3']);
  });

  it('an average of nested models (an ensemble) reads as their shared softmax', () => {
    const code =
      TF +
      `function member() {
  return tf.sequential({layers: [tf.layers.dense({units: 5, inputShape: [4], activation: 'softmax'})]});
}
const input = tf.input({shape: [4]});
const a = member();
const b = member();
const out = tf.layers.average().apply([a.apply(input), b.apply(input)]);
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`;
    expect(outputOf(code, parser)).toBe('softmax/5');
  });

  it('an activation layer after the merge decides the output', () => {
    const code =
      TF +
      `const input = tf.input({shape: [4]});
const h1 = tf.layers.dense({units: 3}).apply(input);
const h2 = tf.layers.dense({units: 3}).apply(input);
const out = tf.layers.activation({activation: 'softmax'}).apply(tf.layers.concatenate().apply([h1, h2]));
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`;
    expect(outputOf(code, parser)).toBe('softmax/?');
  });

  it('merges of merges are followed a few levels deep, then unknown', () => {
    const level = (n: number): string => {
      let code = `const input = tf.input({shape: [4]});\nlet x0 = tf.layers.dense({units: 3, activation: 'sigmoid'}).apply(input);\n`;
      for (let i = 1; i <= n; i++) code += `const x${i} = tf.layers.maximum().apply([x${i - 1}, x${i - 1}]);\n`;
      return (
        TF +
        code +
        `const model = tf.model({inputs: input, outputs: x${n}});\nmodel.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`
      );
    };
    expect(outputOf(level(3), parser)).toBe('sigmoid/3');
    expect(outputOf(level(4), parser)).toBe('?');
  });
});
