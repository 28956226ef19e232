/**
 * Verifies src/knowledge/names.ts against the installed @tensorflow/tfjs 4.22 twice:
 * by re-reading the registries from the tfjs-layers sources in node_modules, and by
 * running the library (CPU backend): compile, build, predict and fit tiny models.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCEPTED,
  ACTIVATION_ALSO_ACCEPTED_EQUIVALENT,
  ACTIVATION_STRINGS,
  ACTIVATION_STRINGS_ACCEPTED_BY_ACCIDENT,
  ACTIVATION_STRINGS_ALSO_ACCEPTED,
  ACTIVATION_STRINGS_MISSING_FROM_TS_TYPE,
  ALIASES,
  FUNCTION_INSTEAD_OF_STRING,
  LAYER_FACTORIES,
  type LayerGroup,
  LOSS_STRINGS,
  METRIC_STRINGS,
  METRIC_STRINGS_FROM_MAP,
  METRIC_STRINGS_RESOLVED_BY_COMPILE,
  type NameKind,
  OPTIMIZER_STRINGS,
  TF_LAYERS_NON_FACTORY_EXPORTS,
  TF_LOSSES_FUNCTIONS,
  TF_LOSSES_NOT_TRAINABLE_AS_LOSS,
  TF_METRICS_FUNCTIONS,
  TF_METRICS_NOT_TRAINABLE_AS_LOSS,
  TF_TRAIN_FUNCTIONS,
  layerFactory,
} from '../../src/knowledge/names.js';
import { isAcceptedName, levenshtein, lookupName, nearestName, normalizeName } from '../../src/analysis/name-lookup.js';

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

type Fn = (...args: unknown[]) => unknown;
type LayerFactoryFn = (args?: object) => tf.layers.Layer;
interface Named {
  getClassName(): string;
}
interface WithActivations {
  activation?: Named;
  recurrentActivation?: Named;
  cell?: WithActivations;
}

const layers = tf.layers as unknown as Record<string, LayerFactoryFn>;

const layersDist = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-layers/package.json')),
  'dist',
);
const source = (file: string): string => readFileSync(path.join(layersDist, file), 'utf8');
const objectKeys = (src: string, decl: string): string[] => {
  const m = new RegExp(`${decl} = \\{([^}]*)\\}`).exec(src);
  if (!m) throw new Error(`${decl} not found`);
  return m[1]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
};
const sorted = (xs: readonly string[]): string[] => [...xs].sort();

let x: tf.Tensor2D;
let yOneHot: tf.Tensor2D;
let ySparse: tf.Tensor2D;

beforeAll(async () => {
  await tf.setBackend('cpu');
  x = tf.randomNormal([8, 3], 0, 1, 'float32', 1) as tf.Tensor2D;
  yOneHot = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32'), 3).toFloat() as tf.Tensor2D;
  ySparse = tf.tensor2d([0, 1, 2, 0, 1, 2, 0, 1], [8, 1]);
});
afterAll(() => {
  tf.dispose([x, yOneHot, ySparse]);
});

function tinyModel(activation: string = 'softmax', units = 3): tf.Sequential {
  return tf.sequential({
    layers: [tf.layers.dense({ units, inputShape: [3], activation: activation as 'softmax' })],
  });
}

type CompileArgs = Parameters<tf.LayersModel['compile']>[0];

/** Compile a fresh tiny model; returns it (caller disposes) or throws what compile threw. */
function compiled(args: Partial<CompileArgs>, activation = 'softmax'): tf.Sequential {
  const m = tinyModel(activation);
  try {
    m.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', ...args } as CompileArgs);
  } catch (e) {
    m.dispose();
    throw e;
  }
  return m;
}

const compileError = (args: Partial<CompileArgs>): string | undefined => {
  try {
    compiled(args).dispose();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
};

async function fitOnce(m: tf.Sequential, y: tf.Tensor): Promise<Record<string, number>> {
  const h = await m.fit(x, y, { epochs: 1, verbose: 0 });
  return Object.fromEntries(Object.entries(h.history).map(([k, v]) => [k, v[0] as number]));
}

/** Dense layer with `activation`, built in a model and predicted on a rank-2 tensor. */
function predictWithActivation(activation: string, kernelSeed = 7): tf.Tensor {
  const m = tf.sequential({
    layers: [
      tf.layers.dense({
        units: 4,
        inputShape: [3],
        activation: activation as 'linear',
        kernelInitializer: tf.initializers.randomNormal({ seed: kernelSeed }),
        biasInitializer: 'zeros',
      }),
    ],
  });
  try {
    return m.predict(x) as tf.Tensor;
  } finally {
    m.dispose();
  }
}

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor): number => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);

const resolvePath = (p: string): unknown =>
  p
    .replace(/^tf\./, '')
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], tf);

// ---------------------------------------------------------------------------
// Losses
// ---------------------------------------------------------------------------

describe('LOSS_STRINGS', () => {
  it('equals the keys of lossesMap in tfjs-layers/dist/losses.js', () => {
    const src = source('losses.js');
    expect(objectKeys(src, 'export const lossesMap')).toEqual([...LOSS_STRINGS]);
    // get() looks strings up in lossesMap and nowhere else.
    expect(src).toContain('if (identifierOrFn in lossesMap)');
  });

  it.each(LOSS_STRINGS)('compile and fit accept loss %s', async (loss) => {
    const m = compiled({ loss });
    const h = await fitOnce(m, loss === 'sparseCategoricalCrossentropy' ? ySparse : yOneHot);
    m.dispose();
    expect(Number.isFinite(h.loss)).toBe(true);
  });

  const rejected = [
    'categorical_crossentropy',
    'mse',
    'MSE',
    'mae',
    'msle',
    'kld',
    'cosine',
    'softmaxCrossEntropy',
    'sigmoidCrossEntropy',
    'CategoricalCrossentropy',
    'categoricalCrossEntropy',
    'logCosh',
    'huber',
    'accuracy',
    ...Object.keys(ALIASES.loss),
    ...Object.keys(FUNCTION_INSTEAD_OF_STRING.loss),
  ];
  it.each([...new Set(rejected)])('compile rejects loss %s', (loss) => {
    expect(compileError({ loss })).toMatch(new RegExp(`^Unknown loss ${loss}`));
  });

  it('adds the categoricalCrossentropy hint to any name containing softmaxcrossentropy', () => {
    expect(compileError({ loss: 'SoftmaxCrossEntropy' })).toContain(
      'Use "categoricalCrossentropy" as the string name for tf.losses.softmaxCrossEntropy',
    );
    expect(compileError({ loss: 'softmax_cross_entropy' })).toBe('Unknown loss softmax_cross_entropy');
  });

  it('lets Object.prototype keys through compile; they fail in fit', async () => {
    const m = compiled({ loss: 'toString' });
    await expect(fitOnce(m, yOneHot)).rejects.toThrow();
    m.dispose();
  });
});

// ---------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------

describe('METRIC_STRINGS', () => {
  it('equals metricsMap keys plus the four names compile() resolves itself', () => {
    expect(objectKeys(source('metrics.js'), 'export const metricsMap')).toEqual([...METRIC_STRINGS_FROM_MAP]);
    expect(source('engine/training.js')).toContain("['accuracy', 'acc', 'crossentropy', 'ce'].indexOf(metric)");
    expect([...METRIC_STRINGS]).toEqual([...METRIC_STRINGS_RESOLVED_BY_COMPILE, ...METRIC_STRINGS_FROM_MAP]);
  });

  it.each(METRIC_STRINGS)('compile and fit accept metric %s', async (metric) => {
    const sparse = metric === 'sparseCategoricalCrossentropy';
    const m = compiled({
      metrics: [metric],
      loss: sparse ? 'sparseCategoricalCrossentropy' : 'categoricalCrossentropy',
    });
    const h = await fitOnce(m, sparse ? ySparse : yOneHot);
    m.dispose();
    const key = ['accuracy', 'acc'].includes(metric) ? 'acc' : ['crossentropy', 'ce'].includes(metric) ? 'ce' : metric;
    expect(Object.keys(h)).toEqual(['loss', key]);
    expect(Number.isFinite(h[key])).toBe(true);
  });

  const rejected = [
    'recall',
    'auc',
    'binary_accuracy',
    'categorical_accuracy',
    'sparseCategoricalAccuracy',
    'meanSquaredError',
    'meanAbsoluteError',
    'binaryCrossentropy',
    'cosineProximity',
    'r2Score',
    'msle',
    'Accuracy',
    'ACC',
    ...Object.keys(ALIASES.metric),
    ...Object.keys(FUNCTION_INSTEAD_OF_STRING.metric),
  ];
  it.each([...new Set(rejected)])('compile (not fit) rejects metric %s', (metric) => {
    expect(compileError({ metrics: [metric] })).toBe(`Unknown metric ${metric}`);
  });

  it('sparseCategoricalCrossentropy passes compile but fails in fit with one-hot targets', async () => {
    const m = compiled({ metrics: ['sparseCategoricalCrossentropy'] });
    await expect(fitOnce(m, yOneHot)).rejects.toThrow();
    m.dispose();
  });

  it('lets Object.prototype keys through compile; they fail in fit', async () => {
    const m = compiled({ metrics: ['valueOf'] });
    await expect(fitOnce(m, yOneHot)).rejects.toThrow();
    m.dispose();
  });
});

// ---------------------------------------------------------------------------
// Activations
// ---------------------------------------------------------------------------

describe('ACTIVATION_STRINGS', () => {
  it('equals the classNames registered in tfjs-layers/dist/activations.js', () => {
    const names = [...source('activations.js').matchAll(/\.className = '([^']+)'/g)].map((m) => m[1]);
    expect(names).toEqual([...ACTIVATION_STRINGS]);
  });

  it.each(ACTIVATION_STRINGS)('a dense layer accepts activation %s and applies it', (activation) => {
    // `as 'linear'`: TF.js' own ActivationIdentifier type lacks 'logSoftmax' (see names.ts).
    const layer = tf.layers.dense({ units: 4, inputShape: [3], activation: activation as 'linear' });
    const y = layer.apply(x) as tf.Tensor;
    expect(y.shape).toEqual([8, 4]);
    expect((layer as unknown as WithActivations).activation?.getClassName()).toBe(activation);
    expect(Array.from(y.dataSync()).every(Number.isFinite)).toBe(true);
    tf.dispose([y]);
    layer.dispose();
  });

  const rejected = [
    'log_softmax',
    'hard_sigmoid',
    'leaky_relu',
    'Sigmoid',
    'SIGMOID',
    'Tanh',
    'Relu',
    'RELU',
    'ReLU6',
    'Linear',
    'LogSoftmax',
    'HardSigmoid',
    'Elu',
    'Selu',
    'Gelu',
    'Swish',
    'toString',
    'constructor',
    '',
    ...Object.keys(ALIASES.activation),
    ...Object.keys(FUNCTION_INSTEAD_OF_STRING.activation),
  ];
  it.each([...new Set(rejected)])('dense rejects activation %j', (activation) => {
    expect(() => tf.layers.dense({ units: 2, activation: activation as 'linear' })).toThrow(
      `Unknown activation: ${activation}.`,
    );
  });
});

describe('ActivationIdentifier (the TypeScript type of `activation`)', () => {
  it('lists every activation string except those in ACTIVATION_STRINGS_MISSING_FROM_TS_TYPE', () => {
    const dts = source('keras_format/activation_config.d.ts');
    const m = /export type ActivationIdentifier = ([^;]+);/.exec(dts);
    const typed = [...m![1]!.matchAll(/'([^']+)'/g)].map((g) => g[1]!);
    expect(sorted(typed)).toEqual(
      sorted(
        ACTIVATION_STRINGS.filter((a) => !(ACTIVATION_STRINGS_MISSING_FROM_TS_TYPE as readonly string[]).includes(a)),
      ),
    );
  });
});

describe('activations accepted through the global serialization registry', () => {
  it('is exactly ACTIVATION_STRINGS + ALSO_ACCEPTED + ACCEPTED_BY_ACCIDENT for a dense on 2-D input', () => {
    const registry = tf.serialization.SerializationMap.getMap().classNameMap;
    const works = Object.keys(registry).filter((name) => {
      try {
        tf.dispose(predictWithActivation(name));
        return true;
      } catch {
        return false;
      }
    });
    expect(sorted(works)).toEqual(
      sorted([...ACTIVATION_STRINGS, ...ACTIVATION_STRINGS_ALSO_ACCEPTED, ...ACTIVATION_STRINGS_ACCEPTED_BY_ACCIDENT]),
    );
  });

  it.each(Object.entries(ACTIVATION_ALSO_ACCEPTED_EQUIVALENT))(
    '%s equals activation %s on a rank-2 output',
    (name, equivalent) => {
      const a = predictWithActivation(name);
      const b = predictWithActivation(equivalent ?? 'linear');
      if (equivalent === null) expect(maxAbsDiff(a, b)).toBeGreaterThan(1e-3);
      else expect(maxAbsDiff(a, b)).toBeLessThan(1e-6);
      tf.dispose([a, b]);
    },
  );

  it("'LeakyReLU' has alpha 0.3 and 'ThresholdedReLU' theta 1", () => {
    const leaky = tf.layers.dense({
      units: 1,
      activation: 'LeakyReLU' as 'linear',
      kernelInitializer: 'ones',
      useBias: false,
    });
    const thr = tf.layers.dense({
      units: 1,
      activation: 'ThresholdedReLU' as 'linear',
      kernelInitializer: 'ones',
      useBias: false,
    });
    const inp = tf.tensor2d([[-1], [0.9], [1.1]]);
    const l = leaky.apply(inp) as tf.Tensor;
    const t = thr.apply(inp) as tf.Tensor;
    expect(Array.from(l.dataSync())).toEqual([expect.closeTo(-0.3, 6), expect.closeTo(0.9, 6), expect.closeTo(1.1, 6)]);
    expect(Array.from(t.dataSync()).map((v) => v + 0)).toEqual([0, 0, expect.closeTo(1.1, 6)]); // + 0 turns -0 into 0
    tf.dispose([inp, l, t]);
  });

  it("'Softmax' is the Softmax layer (axis 1): it throws on rank >= 3 outputs where 'softmax' works", () => {
    const img = tf.ones([1, 2, 2, 1]);
    const conv = (activation: string): tf.Sequential =>
      tf.sequential({
        layers: [
          tf.layers.conv2d({ filters: 2, kernelSize: 1, inputShape: [2, 2, 1], activation: activation as 'linear' }),
        ],
      });
    const lower = conv('softmax');
    const upper = conv('Softmax');
    tf.dispose(lower.predict(img) as tf.Tensor);
    expect(() => upper.predict(img)).toThrow('Softmax along a non-last dimension is not yet supported');
    const dense3d = tf.sequential({
      layers: [tf.layers.dense({ units: 3, inputShape: [4, 3], activation: 'Softmax' as 'softmax' })],
    });
    expect(() => dense3d.predict(tf.ones([1, 4, 3]))).toThrow('non-last dimension');
    [lower, upper, dense3d].forEach((m) => m.dispose());
    img.dispose();
  });

  it("'PReLU' as an activation is never trained; 'ThresholdedReLU' cannot be trained through", async () => {
    const prelu = compiled({ loss: 'meanSquaredError' }, 'PReLU');
    expect(prelu.trainableWeights.length).toBe(2); // kernel and bias only, no alpha
    prelu.dispose();
    const thr = compiled({ loss: 'meanSquaredError' }, 'ThresholdedReLU');
    await expect(fitOnce(thr, yOneHot)).rejects.toThrow('gradient function not found for Greater');
    thr.dispose();
  });

  it("saved models reload with 'Softmax'/'ELU' (serialised as softmax/elu) but not with 'ReLU'", async () => {
    const round = async (activation: string): Promise<string> => {
      const m = tinyModel(activation);
      const json = m.toJSON(null, false) as unknown as { config: { layers: { config: { activation: string } }[] } };
      const serialised = json.config.layers[0]!.config.activation;
      m.dispose();
      try {
        (await tf.models.modelFromJSON(json as unknown as tf.io.ModelJSON)).dispose();
        return `${serialised} ok`;
      } catch {
        return `${serialised} fails`;
      }
    };
    expect(await round('Softmax')).toBe('softmax ok');
    expect(await round('ELU')).toBe('elu ok');
    expect(await round('ReLU')).toBe('re_lu fails');
    expect(await round('LeakyReLU')).toBe('leaky_re_lu fails');
  });
});

// ---------------------------------------------------------------------------
// Optimizers
// ---------------------------------------------------------------------------

describe('OPTIMIZER_STRINGS', () => {
  it('equals the keys of optimizerMap in tfjs-layers/dist/optimizers.js', () => {
    const src = source('optimizers.js');
    const keys = [
      ...[...src.matchAll(/'(\w+)': \(\) =>/g)].map((m) => m[1]!),
      ...[...src.matchAll(/optimizerMap\['(\w+)'\] =/g)].map((m) => m[1]!),
    ];
    expect(sorted(keys)).toEqual(sorted(OPTIMIZER_STRINGS));
  });

  it.each(OPTIMIZER_STRINGS)('compile accepts optimizer %s', (optimizer) => {
    expect(compileError({ optimizer })).toBeUndefined();
  });

  const rejected = [
    'momentum',
    'Momentum',
    'RMSprop',
    'rmsProp',
    'nadam',
    'ftrl',
    'ADAM',
    ...Object.keys(ALIASES.optimizer),
  ];
  it.each([...new Set(rejected)])('compile rejects optimizer %s', (optimizer) => {
    expect(compileError({ optimizer })).toBe(`Unknown Optimizer ${optimizer}`);
  });

  it('TF_TRAIN_FUNCTIONS are the keys of tf.train', () => {
    expect(sorted(Object.keys(tf.train))).toEqual(sorted(TF_TRAIN_FUNCTIONS));
  });
});

// ---------------------------------------------------------------------------
// tf.losses / tf.metrics
// ---------------------------------------------------------------------------

describe('tf.losses and tf.metrics', () => {
  it('TF_LOSSES_FUNCTIONS are exactly the functions under tf.losses', () => {
    expect(sorted(Object.keys(tf.losses))).toEqual(sorted(TF_LOSSES_FUNCTIONS));
    for (const k of TF_LOSSES_FUNCTIONS) expect(typeof tf.losses[k]).toBe('function');
  });

  it('TF_METRICS_FUNCTIONS are exactly the functions under tf.metrics', () => {
    expect(sorted(Object.keys(tf.metrics))).toEqual(sorted(TF_METRICS_FUNCTIONS));
    for (const k of TF_METRICS_FUNCTIONS) expect(typeof tf.metrics[k]).toBe('function');
  });

  it.each(TF_LOSSES_FUNCTIONS)('tf.losses.%s as compile({loss}) trains unless listed as not trainable', async (k) => {
    const logits = k === 'softmaxCrossEntropy' || k === 'sigmoidCrossEntropy';
    const m = compiled({ loss: tf.losses[k] as unknown as Fn as CompileArgs['loss'] }, logits ? 'linear' : 'softmax');
    if ((TF_LOSSES_NOT_TRAINABLE_AS_LOSS as readonly string[]).includes(k)) {
      await expect(fitOnce(m, yOneHot)).rejects.toThrow();
    } else {
      expect(Number.isFinite((await fitOnce(m, yOneHot)).loss)).toBe(true);
    }
    m.dispose();
  });

  it.each(TF_METRICS_FUNCTIONS)('tf.metrics.%s works as a metric; as a loss unless listed', async (k) => {
    const fn = tf.metrics[k] as unknown as Fn;
    const sparse = k === 'sparseCategoricalAccuracy';
    const asMetric = compiled({
      metrics: [fn as never],
      loss: sparse ? 'sparseCategoricalCrossentropy' : 'categoricalCrossentropy',
    });
    expect(Number.isFinite((await fitOnce(asMetric, sparse ? ySparse : yOneHot))[k])).toBe(true);
    asMetric.dispose();
    const asLoss = compiled({ loss: fn as CompileArgs['loss'] });
    if ((TF_METRICS_NOT_TRAINABLE_AS_LOSS as readonly string[]).includes(k)) {
      await expect(fitOnce(asLoss, yOneHot)).rejects.toThrow();
    } else {
      expect(Number.isFinite((await fitOnce(asLoss, yOneHot)).loss)).toBe(true);
    }
    asLoss.dispose();
  });
});

// ---------------------------------------------------------------------------
// Layer factories
// ---------------------------------------------------------------------------

describe('LAYER_FACTORIES', () => {
  const groups = Object.keys(LAYER_FACTORIES) as LayerGroup[];
  const all = groups.flatMap((g) => LAYER_FACTORIES[g].map((f) => f.name));

  it('covers every key of tf.layers exactly once', () => {
    expect(new Set(all).size).toBe(all.length);
    expect(sorted([...all, ...TF_LAYERS_NON_FACTORY_EXPORTS])).toEqual(sorted(Object.keys(tf.layers)));
    for (const name of all) expect(typeof layers[name]).toBe('function');
    expect(layerFactory('dense')?.group).toBe('dense-like');
    expect(layerFactory('batchNormalization')?.group).toBe('other');
    expect(layerFactory('nope')).toBeUndefined();
  });

  const minimalConfig = (name: string, sizeKey?: 'units' | 'filters'): object => {
    if (sizeKey === 'units') return { units: 2 };
    if (sizeKey === 'filters') return { filters: 2, kernelSize: 1 };
    if (name === 'depthwiseConv2d') return { kernelSize: 1 };
    return {};
  };
  const withDefaults = groups.flatMap((g) => LAYER_FACTORIES[g].filter((f) => f.defaultActivation !== undefined));

  it.each(withDefaults.map((f) => [f.name, f] as const))('%s: default activation as listed', (name, f) => {
    const layer = layers[name]!(minimalConfig(name, f.sizeKey)) as unknown as WithActivations;
    const holder = layer.activation !== undefined ? layer : layer.cell!;
    expect(holder.activation?.getClassName()).toBe(f.defaultActivation);
    expect(holder.recurrentActivation?.getClassName()).toBe(f.defaultRecurrentActivation);
  });

  it('null activation: linear in lstm/gru, tanh in simpleRNN', () => {
    const act = (name: string): string | undefined =>
      (layers[name]!({ units: 2, activation: null }) as unknown as WithActivations).cell?.activation?.getClassName();
    expect([act('lstm'), act('gru'), act('simpleRNN')]).toEqual(['linear', 'linear', 'tanh']);
  });

  const aliases = groups.flatMap((g) => LAYER_FACTORIES[g].filter((f) => f.aliasOf !== undefined));
  it.each(aliases.map((f) => [f.name, f.aliasOf!] as const))('%s builds the same class as %s', (name, target) => {
    expect(layers[name]!({}).getClassName()).toBe(layers[target]!({}).getClassName());
  });

  const fixed = LAYER_FACTORIES['activation-only'].filter((f) => f.fixedActivation !== undefined);
  it.each(fixed.map((f) => [f.name, f.fixedActivation!] as const))(
    'tf.layers.%s() equals activation %s',
    (name, act) => {
      const a = layers[name]!().apply(x) as tf.Tensor;
      const b = tf.layers.activation({ activation: act as 'linear' }).apply(x) as tf.Tensor;
      expect(maxAbsDiff(a, b)).toBeLessThan(1e-6);
      tf.dispose([a, b]);
    },
  );

  it('tf.layers.softmax() defaults to axis 1: throws on rank 3 unless axis -1', () => {
    const x3 = tf.randomNormal([2, 4, 3]);
    expect(() => tf.layers.softmax().apply(x3)).toThrow('non-last dimension');
    tf.dispose([x3, tf.layers.softmax({ axis: -1 }).apply(x3) as tf.Tensor]);
  });

  // Inference-time check of the pass-through classification: every output value is an input value.
  const passConfigs: Record<string, [object, number[]]> = {
    dropout: [{ rate: 0.5 }, [4, 3]],
    spatialDropout1d: [{ rate: 0.5 }, [2, 3, 4]],
    gaussianDropout: [{ rate: 0.5 }, [4, 3]],
    gaussianNoise: [{ stddev: 1 }, [4, 3]],
    alphaDropout: [{ rate: 0.5 }, [4, 3]],
    reshape: [{ targetShape: [6] }, [2, 3, 2]],
    flatten: [{}, [2, 3, 2]],
    permute: [{ dims: [2, 1] }, [2, 3, 2]],
    repeatVector: [{ n: 3 }, [2, 3]],
    cropping2D: [{ cropping: 1 }, [1, 4, 4, 2]],
    masking: [{}, [2, 3, 2]],
  };

  it('has a check for every pass-through layer', () => {
    expect(sorted(Object.keys(passConfigs))).toEqual(sorted(LAYER_FACTORIES['pass-through'].map((f) => f.name)));
  });

  it.each(LAYER_FACTORIES['pass-through'].map((f) => [f.name, f] as const))(
    '%s is pass-through at predict time',
    (name, f) => {
      const [cfg, shape] = passConfigs[name]!;
      const input = tf.randomUniform(shape, 0.01, 1, 'float32', 3);
      const layer = layers[name]!(cfg);
      const out = layer.apply(input) as tf.Tensor;
      const inValues = new Set(input.dataSync());
      expect(Array.from(out.dataSync()).every((v) => inValues.has(v))).toBe(true);
      if (f.trainingOnlyNoise) {
        expect(maxAbsDiff(out, input)).toBe(0);
        const noisy = layer.apply(input, { training: true }) as tf.Tensor;
        expect(maxAbsDiff(noisy, input)).toBeGreaterThan(0);
        noisy.dispose();
      }
      tf.dispose([input, out]);
    },
  );

  it.each([
    ['batchNormalization', {}, [4, 3]],
    ['layerNormalization', {}, [4, 3]],
    ['rescaling', { scale: 2 }, [4, 3]],
    ['zeroPadding2d', {}, [1, 2, 2, 1]],
    ['averagePooling1d', {}, [1, 4, 1]],
  ] as const)('%s (group other) computes new values', (name, cfg, shape) => {
    expect(layerFactory(name)?.group).toBe('other');
    const input = tf.randomUniform([...shape], 0.01, 1, 'float32', 3);
    const out = layers[name]!(cfg).apply(input) as tf.Tensor;
    const inValues = new Set(input.dataSync());
    expect(Array.from(out.dataSync()).some((v) => !inValues.has(v))).toBe(true);
    tf.dispose([input, out]);
  });
});

// ---------------------------------------------------------------------------
// Aliases and "did you mean"
// ---------------------------------------------------------------------------

/** Does TF.js accept `name` as a string of this kind? (runs the library) */
function acceptedAt(kind: NameKind, name: string): boolean {
  try {
    if (kind === 'loss') compiled({ loss: name }).dispose();
    else if (kind === 'metric') compiled({ metrics: [name] }).dispose();
    else if (kind === 'optimizer') compiled({ optimizer: name }).dispose();
    else tf.layers.dense({ units: 2, activation: name as 'linear' }); // unbuilt: nothing to dispose
    return true;
  } catch {
    return false;
  }
}

describe('ALIASES', () => {
  const rows = (Object.keys(ALIASES) as NameKind[]).flatMap((kind) =>
    Object.entries(ALIASES[kind]).map(([from, to]) => [kind, from, to] as const),
  );
  it.each(rows)('%s alias %s -> %s: the alias is rejected, the target accepted', (kind, from, to) => {
    expect(acceptedAt(kind, from)).toBe(false);
    expect(acceptedAt(kind, to)).toBe(true);
    expect(ACCEPTED[kind]).toContain(to);
  });

  it("'silu' -> 'swish': TF.js swish is x * sigmoid(x)", () => {
    const a = predictWithActivation('swish');
    const lin = predictWithActivation('linear');
    const b = tf.mul(lin, tf.sigmoid(lin));
    expect(maxAbsDiff(a, b)).toBeLessThan(1e-5);
    tf.dispose([a, lin, b]);
  });

  it("'hard_sigmoid' -> 'hardSigmoid' is clip(0.2x + 0.5, 0, 1)", () => {
    const a = predictWithActivation('hardSigmoid');
    const lin = predictWithActivation('linear');
    const b = tf.clipByValue(tf.add(tf.mul(lin, 0.2), 0.5), 0, 1);
    expect(maxAbsDiff(a, b)).toBeLessThan(1e-6);
    tf.dispose([a, lin, b]);
  });

  const fnRows = (Object.keys(FUNCTION_INSTEAD_OF_STRING) as NameKind[]).flatMap((kind) =>
    Object.entries(FUNCTION_INSTEAD_OF_STRING[kind]).map(([from, to]) => [kind, from, to] as const),
  );
  it.each(fnRows)('%s %s is rejected as a string; %s is a function', (kind, from, to) => {
    expect(acceptedAt(kind, from)).toBe(false);
    expect(typeof resolvePath(to)).toBe('function');
  });
});

describe('nearestName / lookupName', () => {
  it('normalises case, _, - and spaces', () => {
    expect(normalizeName('Categorical_Cross-entropy x')).toBe('categoricalcrossentropyx');
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
  });

  it("maps 'categorical_crossentropy' uniquely to 'categoricalCrossentropy'", () => {
    const s = nearestName('categorical_crossentropy', LOSS_STRINGS);
    expect(s.match).toBe('categoricalCrossentropy');
    expect(s.normalizedMatches).toEqual(['categoricalCrossentropy']);
    expect(s.nearMisses).toEqual([]);
  });

  it('breaks case-only ties by case-sensitive distance', () => {
    expect(nearestName('rmsProp', OPTIMIZER_STRINGS).match).toBe('rmsprop');
    expect(nearestName('RMSprop', OPTIMIZER_STRINGS).match).toBe('RMSProp');
    expect(nearestName('RmsProp', OPTIMIZER_STRINGS).match).toBeUndefined(); // 2 edits to both
    expect(nearestName('Mse', METRIC_STRINGS).match).toBe('mse');
    expect(nearestName('Mse', METRIC_STRINGS).normalizedMatches).toEqual(['mse', 'MSE']);
    expect(nearestName('aB', ['ab', 'AB']).match).toBeUndefined(); // distance 1 to both
  });

  it('lists near misses within distance 2, closest first', () => {
    const s = nearestName('binaryCrossentropi', LOSS_STRINGS);
    expect(s.match).toBeUndefined();
    expect(s.nearMisses).toEqual(['binaryCrossentropy']);
    expect(nearestName('relu5', ACTIVATION_STRINGS).nearMisses).toEqual(['relu', 'relu6', 'elu', 'gelu', 'selu']);
    expect(nearestName('sigmoid', ACTIVATION_STRINGS).match).toBe('sigmoid');
  });

  it('lookupName combines acceptance, aliases, functions and suggestions', () => {
    expect(lookupName('loss', 'mse')).toMatchObject({ accepted: false, alias: 'meanSquaredError' });
    expect(lookupName('metric', 'mse')).toMatchObject({ accepted: true, alias: undefined });
    expect(lookupName('loss', 'softmaxCrossEntropy')).toMatchObject({
      accepted: false,
      functionInstead: 'tf.losses.softmaxCrossEntropy',
    });
    expect(lookupName('activation', 'Softmax').suggestion.match).toBe('softmax');
    expect(lookupName('loss', 'toString').alias).toBeUndefined();
  });

  it('isAcceptedName answers like lookupName(...).accepted (rules check every name with it)', () => {
    const kinds = ['loss', 'metric', 'activation', 'optimizer'] as const;
    const candidates = [
      ...LOSS_STRINGS,
      ...METRIC_STRINGS,
      ...ACTIVATION_STRINGS,
      ...OPTIMIZER_STRINGS,
      'mse',
      'Softmax',
      'RMSprop',
      'toString',
      'softmaxCrossEntropy',
      '',
    ];
    for (const kind of kinds) {
      for (const name of candidates)
        expect(isAcceptedName(kind, name), `${kind} '${name}'`).toBe(lookupName(kind, name).accepted);
    }
  });
});
