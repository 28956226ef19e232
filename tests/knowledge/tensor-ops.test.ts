/**
 * src/knowledge/tensor-ops.ts against the running TF.js: every op and method it
 * lists is called again on small tensors (scripts/tensor-ops-probe.mjs) and must
 * still return what the table says, with `tf.memory().numTensors` growing by the
 * tensors it returns; nothing the library has is missing from the table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as table from '../../src/knowledge/tensor-ops.js';
import { initTf, probeAll, tf, type Kind } from '../../scripts/tensor-ops-probe.mjs';

let probed: Awaited<ReturnType<typeof probeAll>>;

beforeAll(async () => {
  const { version, backend } = await initTf();
  expect(version).toMatch(/^4\.22\./);
  expect(backend).toBe('cpu');
  probed = await probeAll();
}, 120_000);

const names = (t: Record<string, Kind>, ...kinds: Kind[]) =>
  Object.keys(t)
    .filter((k) => kinds.includes(t[k]!))
    .sort();

describe('the table is what the library does', () => {
  it('ops', () => {
    expect([...table.TENSOR_OPS]).toEqual(names(probed.ops, 'tensor'));
    expect([...table.ASYNC_TENSOR_OPS]).toEqual(names(probed.ops, 'async-tensor'));
    expect([...table.TENSOR_LIST_OPS]).toEqual(names(probed.ops, 'tensors', 'async-tensors'));
    expect([...table.PLAIN_OPS]).toEqual(names(probed.ops, 'plain', 'async-plain'));
    expect([...table.ASYNC_PLAIN_OPS]).toEqual(names(probed.ops, 'async-plain'));
  });

  it('tensor methods and fields', () => {
    expect([...table.TENSOR_METHODS]).toEqual(names(probed.methods, 'tensor'));
    expect([...table.TENSOR_LIST_METHODS]).toEqual(names(probed.methods, 'tensors', 'async-tensors'));
    expect([...table.PLAIN_METHODS]).toEqual(names(probed.methods, 'plain', 'async-plain'));
    expect([...table.ASYNC_PLAIN_METHODS]).toEqual(names(probed.methods, 'async-plain'));
    expect([...table.TENSOR_FIELDS]).toEqual(probed.fields);
  });

  it('model methods', () => {
    expect([...table.MODEL_TENSOR_METHODS]).toEqual(names(probed.modelMethods, 'tensor'));
  });

  it('optimizers', () => {
    expect([...table.OPTIMIZER_FACTORIES]).toEqual(probed.optimizers);
    expect(Object.fromEntries(table.OPTIMIZER_FLAG_TENSOR_METHODS)).toEqual(probed.optimizerFlagMethods);
  });

  it('calls that free what the function they run makes', () => {
    expect([...table.SCOPED_CALLBACK_OPS]).toEqual(probed.scopedOps);
    expect([...table.SCOPED_CALLBACK_OPTIMIZER_METHODS]).toEqual(probed.scopedOptimizerMethods);
  });
});

describe('the calls the rule relies on most', () => {
  it('make tensors', () => {
    for (const op of ['tensor', 'tensor2d', 'zeros', 'oneHot', 'matMul', 'browser.fromPixels', 'image.resizeBilinear'])
      expect(table.TENSOR_OPS.has(op), op).toBe(true);
    for (const m of ['add', 'div', 'toFloat', 'expandDims', 'argMax', 'reshape', 'squeeze', 'cast', 'clone'])
      expect(table.TENSOR_METHODS.has(m), m).toBe(true);
    expect(table.MODEL_TENSOR_METHODS.has('predict')).toBe(true);
    // `minimize(f, true)` returns the cost; `minimize(f)` returns null.
    expect(table.OPTIMIZER_FLAG_TENSOR_METHODS.get('minimize')).toBe(1);
    for (const f of ['train.sgd', 'train.adam']) expect(table.OPTIMIZER_FACTORIES.has(f), f).toBe(true);
  });

  it('run a function in a scope: tidy, the gradient functions, minimize', () => {
    for (const op of ['tidy', 'grad', 'grads', 'valueAndGrad', 'valueAndGrads', 'variableGrads'])
      expect(table.SCOPED_CALLBACK_OPS.has(op), op).toBe(true);
    expect(table.SCOPED_CALLBACK_OPTIMIZER_METHODS.has('minimize')).toBe(true);
  });

  it('minimize frees every tensor its function makes, the loop of a helper included', () => {
    const w = tf.variable(tf.ones([3, 1]));
    const xs = tf.ones([4, 3]);
    const optimizer = tf.train.adam(0.01);
    const rows = () => {
      const picked = [];
      for (let i = 0; i < 4; i++) picked.push(xs.matMul(w).gather([i]));
      return tf.concat(picked);
    };
    optimizer.minimize(() => rows().square().mean()); // the optimizer's slots
    const before = tf.memory().numTensors;
    for (let step = 0; step < 5; step++) optimizer.minimize(() => rows().square().mean());
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
    tf.dispose([w, xs]);
  });

  it('read tensors without making one', () => {
    for (const m of ['dataSync', 'data', 'array', 'arraySync', 'print', 'dispose', 'toString'])
      expect(table.PLAIN_METHODS.has(m), m).toBe(true);
    for (const f of ['shape', 'dtype', 'size', 'rank']) expect(table.TENSOR_FIELDS.has(f), f).toBe(true);
    expect(table.PLAIN_OPS.has('browser.toPixels')).toBe(true);
  });

  it('a chain leaks every intermediate, and tf.tidy frees them (the rule`s premise)', () => {
    const before = tf.memory().numTensors;
    const score = tf
      .tensor2d([[1, 2, 3]])
      .toFloat()
      .div(255)
      .argMax(1)
      .dataSync()[0];
    expect(score).toBe(2);
    expect(tf.memory().numTensors - before).toBe(4);
    const mid = tf.memory().numTensors;
    tf.tidy(
      () =>
        tf
          .tensor2d([[1, 2, 3]])
          .toFloat()
          .div(255)
          .argMax(1)
          .dataSync()[0],
    );
    expect(tf.memory().numTensors).toBe(mid);
  });
});
