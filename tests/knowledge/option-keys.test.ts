/**
 * Verifies the option tables (src/knowledge/option-keys.ts, generated from the type
 * declarations, and the corrections in options.ts) against the installed
 * @tensorflow/tfjs 4.22 on the CPU backend: every key TF.js reads from a layer config
 * or a model method's options (seen through a Proxy) is listed, so the rule is
 * silent on it; unlisted keys really are ignored; the generator's output is current.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYER_CONFIG_KEYS, MODEL_METHOD_OPTION_KEYS } from '../../src/knowledge/option-keys.js';
import { meantKey } from '../../src/analysis/option-lookup.js';
import { layerConfigKeys, methodOptionKeys, type ModelMethod } from '../../src/knowledge/options.js';

const root = path.join(import.meta.dirname, '..', '..');

/** A config seen through a Proxy that records every key read (`get`, `in`). */
function recording<T extends object>(config: T): { proxy: T; read: Set<string> } {
  const read = new Set<string>();
  const proxy = new Proxy(config, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.has(target, key);
    },
  });
  return { proxy, read };
}

/** Values for the keys a factory requires (each used only when the factory declares the key). */
const REQUIRED: Record<string, unknown> = {
  units: 2,
  filters: 2,
  kernelSize: 2,
  rate: 0.5,
  targetShape: [2],
  dims: [1],
  n: 2,
  inputDim: 3,
  outputDim: 2,
  cropping: 1,
  axes: 1,
  stddev: 1,
  height: 2,
  width: 2,
  numTokens: 3,
  factor: 0.1,
  scale: 1,
  poolSize: 2,
};

function minimalConfig(factory: string): Record<string, unknown> {
  if (factory === 'timeDistributed' || factory === 'bidirectional') return { layer: tf.layers.lstm({ units: 2 }) };
  if (factory === 'rnn') return { cell: tf.layers.simpleRNNCell({ units: 2 }) };
  if (factory === 'stackedRNNCells') return { cells: [tf.layers.simpleRNNCell({ units: 2 })] };
  if (factory === 'inputLayer') return { inputShape: [2] };
  const keys = layerConfigKeys(factory)!;
  return Object.fromEntries(Object.entries(REQUIRED).filter(([k]) => keys.has(k)));
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('the generated table', () => {
  it('is what scripts/gen-option-keys.mjs writes from the installed declarations', () => {
    // Throws (exit code 1) when the file differs from what the script would write.
    execFileSync(process.execPath, [path.join(root, 'scripts', 'gen-option-keys.mjs'), '--check'], { cwd: root });
  });

  it('lists every tf.layers factory that takes a config, and the model methods', () => {
    for (const name of ['dense', 'conv2d', 'lstm', 'dropout', 'embedding', 'batchNormalization', 'timeDistributed'])
      expect(LAYER_CONFIG_KEYS[name], name).toBeDefined();
    expect(Object.keys(MODEL_METHOD_OPTION_KEYS).sort()).toEqual(
      ['compile', 'evaluate', 'evaluateDataset', 'fit', 'fitDataset', 'predict'].sort(),
    );
  });
});

describe('every key TF.js reads is listed', () => {
  it.each(Object.keys(LAYER_CONFIG_KEYS))('tf.layers.%s', (factory) => {
    const { proxy, read } = recording(minimalConfig(factory));
    (tf.layers as unknown as Record<string, (c: unknown) => unknown>)[factory]!(proxy);
    const keys = layerConfigKeys(factory)!;
    expect([...read].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('compile, fit, evaluate, predict, fitDataset, evaluateDataset', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    const unlisted = (method: ModelMethod, read: Set<string>) =>
      [...read].filter((k) => !methodOptionKeys(method).has(k));
    const c = recording({ optimizer: 'sgd', loss: 'meanSquaredError' });
    model.compile(c.proxy);
    expect(unlisted('compile', c.read)).toEqual([]);
    const xs = tf.ones([4, 2]);
    const ys = tf.ones([4, 1]);
    const f = recording({ epochs: 1, verbose: 0 });
    await model.fit(xs, ys, f.proxy);
    expect(unlisted('fit', f.read)).toEqual([]);
    expect(f.read.has('epochs') && f.read.has('batchSize') && f.read.has('validationSplit')).toBe(true);
    const e = recording({ batchSize: 2 });
    model.evaluate(xs, ys, e.proxy);
    expect(unlisted('evaluate', e.read)).toEqual([]);
    const p = recording({ batchSize: 2 });
    model.predict(xs, p.proxy);
    expect(unlisted('predict', p.read)).toEqual([]);
    const ds = tf.data
      .zip({
        xs: tf.data.array([
          [1, 2],
          [3, 4],
        ]),
        ys: tf.data.array([[1], [2]]),
      })
      .batch(2);
    const fd = recording({ epochs: 1, verbose: 0 });
    await model.fitDataset(ds as never, fd.proxy);
    // Read only to throw "`validationSplit` is not supported by `fitDataset()`": listed as read.
    expect(fd.read.has('validationSplit')).toBe(true);
    expect(unlisted('fitDataset', fd.read)).toEqual([]);
    const ed = recording({ verbose: 0 });
    await model.evaluateDataset(ds as never, ed.proxy);
    expect(unlisted('evaluateDataset', ed.read)).toEqual([]);
  });

  it('spatialDropout1d reads the camelCase keys of dropout, not the snake_case ones it is declared with', () => {
    expect(LAYER_CONFIG_KEYS.spatialDropout1d).toContain('input_shape');
    const { proxy, read } = recording({ rate: 0.5, inputShape: [3, 2] });
    const layer = tf.layers.spatialDropout1d(proxy as never);
    expect(read.has('inputShape')).toBe(true);
    expect(read.has('input_shape')).toBe(false);
    expect(layer.batchInputShape).toEqual([null, 3, 2]);
    expect(layerConfigKeys('spatialDropout1d')!.has('input_shape')).toBe(false);
  });
});

describe('unlisted keys are ignored', () => {
  it('a misspelled layer key builds the layer with the default', () => {
    const layer = tf.layers.dense({ units: 3, inputShape: [2], kernelInitialiser: 'zeros' } as never);
    const model = tf.sequential({ layers: [layer] });
    const kernel = model.getWeights()[0]!.dataSync();
    expect([...kernel].some((v) => v !== 0)).toBe(true);
    const fixed = tf.sequential({
      layers: [tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: 'zeros' })],
    });
    expect([...fixed.getWeights()[0]!.dataSync()].every((v) => v === 0)).toBe(true);
  });

  it('misspelled fit keys run 1 epoch', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const h = await model.fit(tf.ones([4, 2]), tf.ones([4, 1]), { epoch: 5, verbose: 0 } as never);
    expect(h.epoch.length).toBe(1);
  });

  it('snake_case input_shape is ignored: the layer has no input shape', () => {
    const layer = tf.layers.dense({ units: 3, input_shape: [2] } as never);
    expect(layer.batchInputShape).toBeUndefined();
  });
});

describe('meantKey', () => {
  const fit = methodOptionKeys('fit');
  it.each([
    ['epoch', 'epochs'],
    ['batchsize', 'batchSize'],
    ['batch_size', 'batchSize'],
    ['validation_split', 'validationSplit'],
    ['Epochs', 'epochs'],
  ])('%s -> %s', (key, meant) => expect(meantKey(key, fit)).toBe(meant));
  it('kernelInitialiser -> kernelInitializer, input_shape -> inputShape', () => {
    const dense = layerConfigKeys('dense')!;
    expect(meantKey('kernelInitialiser', dense)).toBe('kernelInitializer');
    expect(meantKey('input_shape', dense)).toBe('inputShape');
  });
  it('nothing for a key near no option, or near two', () => {
    expect(meantKey('learningRate', fit)).toBeUndefined();
    expect(meantKey('lr', methodOptionKeys('compile'))).toBeUndefined();
  });
});
