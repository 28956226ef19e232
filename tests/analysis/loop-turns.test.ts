/**
 * Layers added in a loop over a known array (loop-turns.ts): the compiled output is
 * the last turn's layer, the layer before a loop's first add is the previous turn's
 * (unknown), and a call's own layer fact stays the one made without the turn's
 * bindings. Checked on the output facts of the compile site (`activation/units + loss`).
 */
import { describe, expect, it } from 'vitest';
import { analyze, compiledOutputs, PARSERS } from '../helpers/analyze.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

const outputs = (code: string, parser: (typeof PARSERS)[number]) => compiledOutputs(analyze(TF + code, { parser })!);

describe.each(PARSERS)('loop turns (%s)', (parser) => {
  it('for…of over configs: the last element', () => {
    const code = `const stack = [{units: 16, activation: 'relu'}, {units: 4, activation: 'softmax'}];
const m = tf.sequential();
for (const c of stack) m.add(tf.layers.dense(c));
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
    expect(outputs(code, parser)).toEqual([[['softmax/4 + categoricalCrossentropy']]]);
  });

  it('forEach with the index: the last index', () => {
    const code = `const sizes = [32, 3];
const m = tf.sequential();
sizes.forEach((units, i) => m.add(tf.layers.dense({units, activation: i === sizes.length - 1 ? 'sigmoid' : 'relu'})));
m.compile({optimizer: 'sgd', loss: 'binaryCrossentropy'});`;
    expect(outputs(code, parser)).toEqual([[['sigmoid/3 + binaryCrossentropy']]]);
  });

  it('an activation layer first in a turn: the layer before it is the previous turn’s, unknown', () => {
    const code = `const m = tf.sequential();
m.add(tf.layers.dense({units: 1, inputShape: [4]}));
for (const u of [8, 3]) {
  m.add(tf.layers.softmax());
  m.add(tf.layers.dense({units: u}));
}
m.add(tf.layers.softmax());
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
    // The last softmax follows the last turn's dense (3 units).
    expect(outputs(code, parser)).toEqual([[['softmax/3 + categoricalCrossentropy']]]);
  });

  it('one element: the layers before the loop are followed', () => {
    const code = `const m = tf.sequential();
m.add(tf.layers.dense({units: 5, inputShape: [4]}));
for (const act of ['softmax']) m.add(tf.layers.activation({activation: act}));
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
    expect(outputs(code, parser)).toEqual([[['softmax/5 + categoricalCrossentropy']]]);
  });

  it('two elements: the layer before the first add of the last turn is unknown', () => {
    const code = `const m = tf.sequential();
m.add(tf.layers.dense({units: 5, inputShape: [4]}));
for (const act of ['relu', 'softmax']) m.add(tf.layers.activation({activation: act}));
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
    expect(outputs(code, parser)).toEqual([[['softmax/? + categoricalCrossentropy']]]);
  });

  it('the call keeps its own fact; the turn’s fact is marked as made in a loop', () => {
    const analysis = analyze(
      TF +
        `const stack = [{units: 16, activation: 'relu'}, {units: 4, activation: 'softmax'}];
const m = tf.sequential();
stack.forEach((c) => m.add(tf.layers.dense(c)));
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`,
      { parser },
    )!;
    expect(analysis.layerCalls).toHaveLength(1);
    const own = analysis.layerCalls[0]!;
    expect(own.config.kind).toBe('unknown');
    expect(own.inLoopTurn).toBeUndefined();
    const output = analysis.pairsOf(analysis.compileSites[0]!)[0]![0]!.output!;
    expect(output.layer.call).toBe(own.call);
    expect(output.layer).not.toBe(own);
    expect(output.layer.inLoopTurn).toBe(true);
  });
});
