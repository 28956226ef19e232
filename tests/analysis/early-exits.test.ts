/**
 * Outputs of a `model.add` sequence whose function may leave early (outputs.ts
 * `sequentialOutput`, sites.ts `isDeadEnd`): with no exit taken, the adds after the
 * exits run; an exit that hands the model out (`return model`, a `return;` while the
 * model is kept in `this.model`) is a path of its own, with the adds before it; a
 * `throw`, or a `return` of no model from a function that keeps the model in a local
 * variable, is no path any caller trains. Checked on the `activation/units` outputs
 * of the compile site (`?` for an unknown output).
 */
import { describe, expect, it } from 'vitest';
import { analyze, compiledOutputs, PARSERS } from '../helpers/analyze.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

/** The outputs of the one compile site's one output, sorted. */
function outputsOf(code: string, parser: (typeof PARSERS)[number]): string[] {
  const sites = compiledOutputs(analyze(TF + code, { parser })!);
  expect(sites).toHaveLength(1);
  return sites[0]![0]!.map((pair) => pair.replace(/ \+ .*$/, '')).sort();
}

const dense = (units: number, act: string) => `tf.layers.dense({units: ${units}, activation: '${act}'})`;

/** A factory with `exit` in the last branch of a kind switch, then a final add, compiled by its caller. */
const factory = (exit: string, holder = 'const model') => `export function build(kind) {
  ${holder} = tf.sequential();
  if (kind === 'a') {
    model.add(${dense(16, 'relu')});
  } else if (kind === 'b') {
    model.add(tf.layers.lstm({units: 8}));
  } else {
    ${exit};
  }
  model.add(${dense(1, 'sigmoid')});
  return model;
}
build(process.argv[2]).compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`;

describe.each(PARSERS)('early exits before the last add (%s)', (parser) => {
  it('a throw for an unknown kind: only the final add is an output (tfjs-examples sentiment)', () => {
    expect(outputsOf(factory(`throw new Error('unknown kind')`), parser)).toEqual(['sigmoid/1']);
  });

  it('a return of null or of nothing from a factory holding the model locally: the same', () => {
    expect(outputsOf(factory('return null'), parser)).toEqual(['sigmoid/1']);
    expect(outputsOf(factory('return'), parser)).toEqual(['sigmoid/1']);
  });

  it('a throw inside a try of the function may go on: the adds before it are outputs too', () => {
    const code = `export function build(kind) {
  const model = tf.sequential();
  model.add(${dense(16, 'relu')});
  try {
    if (!kind) throw new Error('no kind');
    model.add(${dense(1, 'sigmoid')});
  } catch (e) {
    console.warn(e);
  }
  return model;
}
build(process.argv[2]).compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`;
    expect(outputsOf(code, parser)).toEqual(['relu/16', 'sigmoid/1']);
  });

  it('a model returned early is an output of that path, with the adds before the return', () => {
    const code = `export function build(simple) {
  const model = tf.sequential();
  model.add(${dense(16, 'relu')});
  if (simple) {
    model.add(${dense(10, 'softmax')});
    return model;
  }
  model.add(${dense(64, 'relu')});
  model.add(${dense(10, 'sigmoid')});
  return model;
}
build(process.argv[2]).compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`;
    expect(outputsOf(code, parser)).toEqual(['sigmoid/10', 'softmax/10']);
  });

  it('a `return;` while the model is stored elsewhere (this.model) leaves a model someone may train', () => {
    const code = `export class Net {
  init(kind) {
    this.model = tf.sequential();
    this.model.add(${dense(16, 'relu')});
    if (!kind) return;
    this.model.add(${dense(1, 'sigmoid')});
  }
  train() { this.model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'}); }
}`;
    expect(outputsOf(code, parser)).toEqual(['relu/16', 'sigmoid/1']);
  });

  it('a local model passed to a function before the exit may be trained there: not a dead end', () => {
    const code = `const registry = [];
export function build(kind) {
  const model = tf.sequential();
  registry.push(model);
  model.add(${dense(16, 'relu')});
  if (!kind) return null;
  model.add(${dense(1, 'sigmoid')});
  return model;
}
build(process.argv[2]).compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`;
    expect(outputsOf(code, parser)).toEqual(['relu/16', 'sigmoid/1']);
  });

  it('a compile in the factory after the exit sees the adds that ran', () => {
    const code = `export function build(kind) {
  const model = tf.sequential();
  model.add(${dense(16, 'relu')});
  if (!kind) throw new Error('no kind');
  model.add(${dense(64, 'relu')});
  model.add(${dense(1, 'sigmoid')});
  model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
  return model;
}`;
    expect(outputsOf(code, parser)).toEqual(['sigmoid/1']);
  });
});
