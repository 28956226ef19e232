// Evidence harness: seeded training runs that check what each lint rule claims.
//
// Plain ESM JavaScript on the pure-JS CPU backend of @tensorflow/tfjs, so the numbers are
// the same on every machine that runs the same TF.js version. Nothing here uses
// Math.random: data comes from a seeded PRNG, kernels from seeded initializers, and
// `fit` runs with `shuffle: false` (TF.js shuffles with Math.random).
//
// Used by scripts/evidence.mjs (writes docs/evidence.md) and tests/evidence/*.test.ts.

import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';

export { tf };

/** Defaults for data, model and training. Every run can override any of them. */
export const DEFAULTS = Object.freeze({
  seed: 1234,
  numClasses: 10,
  inputDim: 16,
  trainPerClass: 60,
  testPerClass: 30,
  /** standard deviation of the class centres (per coordinate) */
  centerScale: 0.7,
  /** standard deviation of the points around their centre (per coordinate) */
  noise: 1,
  hiddenUnits: 32,
  epochs: 15,
  batchSize: 32,
  learningRate: 0.01,
});

let readyPromise;

/** Select the pure-JS CPU backend (idempotent). Call (and await) before any run. */
export function initTf() {
  readyPromise ??= (async () => {
    await tf.setBackend('cpu');
    await tf.ready();
    return { version: tf.version.tfjs, backend: tf.getBackend() };
  })();
  return readyPromise;
}

// ---------------------------------------------------------------------------
// Seeded data
// ---------------------------------------------------------------------------

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples from a uniform PRNG (Box-Muller). */
export function gaussianSampler(rng) {
  let spare = null;
  return function gaussian() {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = rng();
    const v = rng();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

function shuffleInPlace(items, rng) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function oneHotRow(label, numClasses) {
  const row = new Array(numClasses).fill(0);
  row[label] = 1;
  return row;
}

/**
 * Gaussian blobs: `numClasses` mutually exclusive classes, one centre per class drawn from
 * N(0, centerScale²) in each of `inputDim` coordinates, points drawn from N(centre, noise²).
 * Returns plain arrays (no tensors): x, integer labels and one-hot labels, for a training
 * and a held-out test split, both in a seeded shuffled order.
 */
export function makeData(options = {}) {
  const o = { ...DEFAULTS, ...options };
  const rng = mulberry32(o.seed);
  const gaussian = gaussianSampler(rng);
  const centers = [];
  for (let c = 0; c < o.numClasses; c++) {
    centers.push(Array.from({ length: o.inputDim }, () => gaussian() * o.centerScale));
  }
  const split = (perClass) => {
    const rows = [];
    for (let c = 0; c < o.numClasses; c++) {
      for (let i = 0; i < perClass; i++) {
        rows.push({ x: centers[c].map((m) => m + gaussian() * o.noise), y: c });
      }
    }
    shuffleInPlace(rows, rng);
    return {
      x: rows.map((r) => r.x),
      yInt: rows.map((r) => r.y),
      yOneHot: rows.map((r) => oneHotRow(r.y, o.numClasses)),
    };
  };
  const train = split(o.trainPerClass);
  const test = split(o.testPerClass);
  return {
    numClasses: o.numClasses,
    inputDim: o.inputDim,
    seed: o.seed,
    train,
    test,
    description:
      `${o.numClasses} mutually exclusive classes, gaussian blobs in ${o.inputDim} dimensions ` +
      `(centres ~ N(0, ${o.centerScale}²), points ~ N(centre, ${o.noise}²)), ` +
      `${o.trainPerClass * o.numClasses} training / ${o.testPerClass * o.numClasses} held-out samples`,
  };
}

const dataCache = new Map();
function cachedData(options) {
  const key = JSON.stringify(options);
  if (!dataCache.has(key)) dataCache.set(key, makeData(options));
  return dataCache.get(key);
}

// ---------------------------------------------------------------------------
// Configurations (data objects) -> models
// ---------------------------------------------------------------------------

/**
 * Custom losses that a configuration can name as `loss: 'custom:<name>'`, so configurations
 * stay plain data. Both take one-hot labels and logits (use them with a linear output).
 */
export const CUSTOM_LOSSES = Object.freeze({
  /** -Σ y·log(softmax(logits)), written the unstable way. */
  logOfSoftmaxCrossEntropy: (yTrue, logits) =>
    tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(yTrue, tf.log(tf.softmax(logits))), -1)))),
  /** -Σ y·logSoftmax(logits), the stable way. */
  logSoftmaxCrossEntropy: (yTrue, logits) =>
    tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(yTrue, tf.logSoftmax(logits)), -1)))),
});

/**
 * Turn a configuration's `loss` into what `model.compile` takes, plus a display name.
 * - a compile string ('categoricalCrossentropy', ...) is passed through unchanged;
 * - 'tf.losses.X' / 'losses.X' / 'tf.metrics.X' / 'metrics.X' become that TF.js function;
 * - 'custom:X' becomes CUSTOM_LOSSES[X];
 * - a function is passed through.
 */
export function resolveLoss(loss) {
  if (typeof loss === 'function') return { fn: loss, name: loss.name || '(function)' };
  if (typeof loss !== 'string') throw new TypeError(`loss must be a string or function, got ${typeof loss}`);
  const ns = /^(?:tf\.)?(losses|metrics)\.(\w+)$/.exec(loss);
  if (ns) {
    const fn = tf[ns[1]][ns[2]];
    if (typeof fn !== 'function') throw new Error(`tf.${ns[1]}.${ns[2]} is not a function`);
    return { fn, name: `tf.${ns[1]}.${ns[2]}` };
  }
  const custom = /^custom:(\w+)$/.exec(loss);
  if (custom) {
    const fn = CUSTOM_LOSSES[custom[1]];
    if (!fn) throw new Error(`unknown custom loss ${custom[1]}`);
    return { fn, name: `custom:${custom[1]}` };
  }
  return { fn: loss, name: `'${loss}'` };
}

/**
 * Fill in the defaults of a configuration.
 * task: 'binary' when units === 1, else 'multiclass' with numClasses = units.
 * labels: 'binary' (0/1 column) for a 1-unit output, 'int' (class index column) for
 * 'sparseCategoricalCrossentropy', else 'onehot'.
 */
export function normalizeConfig(config, options = {}) {
  if (!config || config.loss === undefined) throw new TypeError('a configuration needs a loss');
  const units = config.units ?? options.numClasses ?? DEFAULTS.numClasses;
  const task = config.task ?? (units === 1 ? 'binary' : 'multiclass');
  const numClasses = task === 'binary' ? 2 : (config.numClasses ?? units);
  const labels =
    config.labels ?? (units === 1 ? 'binary' : config.loss === 'sparseCategoricalCrossentropy' ? 'int' : 'onehot');
  const activation = config.activation ?? 'linear';
  return {
    ...config,
    units,
    task,
    numClasses,
    labels,
    activation,
    activationLayer: Boolean(config.activationLayer),
    label: config.label ?? describeConfig({ ...config, units, activation }),
  };
}

/** "dense(10, softmax) + 'categoricalCrossentropy'" */
export function describeConfig(config) {
  const units = config.units ?? DEFAULTS.numClasses;
  const act = config.activation ?? 'linear';
  const out = config.activationLayer ? `dense(${units}) → activation(${act})` : `dense(${units}, ${act})`;
  return `${out} + ${resolveLoss(config.loss).name}`;
}

/**
 * Two-layer MLP: inputDim → dense(hiddenUnits, relu) → dense(units, activation), with
 * seeded glorotUniform kernels (biases start at zero). With `activationLayer: true` the
 * output dense is linear and the activation is a separate tf.layers.activation layer.
 */
export function buildModel(config, options = {}) {
  const o = { ...DEFAULTS, ...options };
  const c = normalizeConfig(config, o);
  const model = tf.sequential();
  model.add(
    tf.layers.dense({
      inputShape: [o.inputDim],
      units: o.hiddenUnits,
      activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: o.seed + 1 }),
    }),
  );
  model.add(
    tf.layers.dense({
      units: c.units,
      activation: c.activationLayer ? 'linear' : c.activation,
      kernelInitializer: tf.initializers.glorotUniform({ seed: o.seed + 2 }),
    }),
  );
  if (c.activationLayer) model.add(tf.layers.activation({ activation: c.activation }));
  return model;
}

/** Which metric `metrics: ['accuracy']` resolves to (mirrors tfjs-layers engine/training.js). */
export function expectedAccuracyMetric(config) {
  const c = normalizeConfig(config);
  if (c.units === 1 || c.loss === 'binaryCrossentropy') return 'binaryAccuracy';
  if (c.loss === 'sparseCategoricalCrossentropy') return 'sparseCategoricalAccuracy';
  return 'categoricalAccuracy';
}

function targetsFor(split, c) {
  if (c.labels === 'binary' || c.labels === 'int') return split.yInt.map((y) => [y]);
  if (c.labels === 'onehot') return split.yOneHot;
  // A regression target: the class index plus one (1..K), a number a sigmoid or softmax cannot reach.
  if (c.labels === 'regression') return split.yInt.map((y) => [y + 1]);
  throw new Error(`unknown labels kind ${c.labels}`);
}

/** Predicted class per row: argmax for several units; threshold for one unit. */
function predictedClasses(predRows, c) {
  if (c.units === 1) {
    // 0.5 for probabilities; 0 for a linear output (a logit).
    const threshold = c.activation === 'linear' ? 0 : 0.5;
    return predRows.map((r) => (r[0] > threshold ? 1 : 0));
  }
  return predRows.map((r) => r.indexOf(Math.max(...r)));
}

function accuracyOf(predRows, yInt, c) {
  const pred = predictedClasses(predRows, c);
  let right = 0;
  for (let i = 0; i < pred.length; i++) if (pred[i] === yInt[i]) right++;
  return right / pred.length;
}

function predictionStats(rows) {
  let outputMin = Infinity;
  let outputMax = -Infinity;
  let rowSumMin = Infinity;
  let rowSumMax = -Infinity;
  let allOnes = true;
  let finite = true;
  for (const r of rows) {
    let s = 0;
    for (const v of r) {
      if (v < outputMin) outputMin = v;
      if (v > outputMax) outputMax = v;
      if (v !== 1) allOnes = false;
      if (!Number.isFinite(v)) finite = false;
      s += v;
    }
    if (s < rowSumMin) rowSumMin = s;
    if (s > rowSumMax) rowSumMax = s;
  }
  return { outputMin, outputMax, rowSumMin, rowSumMax, allOutputsExactlyOne: allOnes, allFinite: finite };
}

/**
 * Build, compile (given loss, metrics ['accuracy'], Adam) and train one configuration on
 * the seeded data, then measure it. Never throws for a TF.js error: compile/fit errors are
 * returned as { threw: true, stage, error }.
 *
 * Returned numbers (training set unless said otherwise):
 *   finalLoss          loss of the last epoch as reported by fit (history.loss)
 *   lossHistory        per-epoch losses
 *   trueAccuracy       argmax accuracy of predict() on the training set, computed here
 *   testAccuracy       the same on the held-out split
 *   reportedAccuracy   history[reportedAccuracyKey] of the last epoch (what fit logs)
 *   reportedAccuracyKey the history key TF.js uses for metrics: ['accuracy'] ('acc' in 4.22)
 *   evaluatedAccuracy  the same metric from model.evaluate on the training set after training
 *   evaluatedTestAccuracy  the same metric from model.evaluate on the held-out split
 *   accuracyMetric     which metric 'accuracy' resolves to for this configuration
 *   prediction         stats of predict() on the training set (min/max output, row sums, ...)
 */
export async function runConfig(config, options = {}) {
  await initTf();
  const o = { ...DEFAULTS, ...options };
  const c = normalizeConfig(config, o);
  const data = cachedData({
    seed: o.seed,
    numClasses: c.numClasses,
    inputDim: o.inputDim,
    trainPerClass: o.trainPerClass,
    testPerClass: o.testPerClass,
    centerScale: o.centerScale,
    noise: o.noise,
  });
  const { fn: lossFn, name: lossName } = resolveLoss(c.loss);
  const result = {
    config: c,
    label: c.label,
    lossName,
    task: c.task,
    numClasses: c.numClasses,
    threw: false,
    stage: null,
    error: null,
    finalLoss: null,
    lossHistory: [],
    trueAccuracy: null,
    testAccuracy: null,
    reportedAccuracy: null,
    reportedAccuracyKey: null,
    evaluatedAccuracy: null,
    evaluatedTestAccuracy: null,
    accuracyMetric: expectedAccuracyMetric(c),
    prediction: null,
    epochs: o.epochs,
    millis: 0,
  };
  const started = performance.now();
  const tensors = [];
  const keep = (t) => {
    tensors.push(t);
    return t;
  };
  const model = buildModel(c, o);
  try {
    const scale = c.inputScale ?? 1;
    const scaled = (rows) => (scale === 1 ? rows : rows.map((r) => r.map((v) => v * scale)));
    const xTrain = keep(tf.tensor2d(scaled(data.train.x)));
    const yTrain = keep(tf.tensor2d(targetsFor(data.train, c)));
    const xTest = keep(tf.tensor2d(scaled(data.test.x)));
    const yTest = keep(tf.tensor2d(targetsFor(data.test, c)));
    let stage = 'compile';
    try {
      model.compile({ optimizer: tf.train.adam(o.learningRate), loss: lossFn, metrics: ['accuracy'] });
      stage = 'fit';
      const history = await model.fit(xTrain, yTrain, {
        epochs: o.epochs,
        batchSize: o.batchSize,
        shuffle: false,
        verbose: 0,
      });
      stage = 'evaluate';
      const h = history.history;
      result.lossHistory = h.loss.map(Number);
      result.finalLoss = result.lossHistory[result.lossHistory.length - 1];
      const accKey = ['acc', 'accuracy'].find((k) => k in h) ?? null;
      result.reportedAccuracyKey = accKey;
      if (accKey) result.reportedAccuracy = Number(h[accKey][h[accKey].length - 1]);
      const evaluated = model.evaluate(xTrain, yTrain, { batchSize: o.batchSize });
      const evalList = Array.isArray(evaluated) ? evaluated : [evaluated];
      for (const t of evalList) keep(t);
      if (evalList.length > 1) result.evaluatedAccuracy = evalList[1].dataSync()[0];
      const evaluatedTest = model.evaluate(xTest, yTest, { batchSize: o.batchSize });
      const evalTestList = Array.isArray(evaluatedTest) ? evaluatedTest : [evaluatedTest];
      for (const t of evalTestList) keep(t);
      if (evalTestList.length > 1) result.evaluatedTestAccuracy = evalTestList[1].dataSync()[0];
    } catch (err) {
      result.threw = true;
      result.stage = stage;
      result.error = err instanceof Error ? err.message : String(err);
    }
    // Predictions are measured even when fit threw (the untrained model's outputs).
    const predTrain = keep(model.predict(xTrain));
    const rows = predTrain.arraySync();
    result.prediction = predictionStats(rows);
    // No argmax accuracy for a regression, nor for one unit trained on K > 2 class ids.
    const classified = c.labels !== 'regression' && !(c.units === 1 && c.numClasses > 2);
    result.trueAccuracy = classified ? accuracyOf(rows, data.train.yInt, c) : null;
    const predTest = keep(model.predict(xTest));
    result.testAccuracy = classified ? accuracyOf(predTest.arraySync(), data.test.yInt, c) : null;
  } finally {
    for (const t of tensors) t.dispose();
    model.dispose();
  }
  result.millis = performance.now() - started;
  return result;
}

// ---------------------------------------------------------------------------
// Scenario-specific measurements
// ---------------------------------------------------------------------------

/**
 * Lower bound of softmax cross-entropy applied to a softmax output (softmax twice), for K
 * classes: the inner softmax of a probability vector is largest at the true class when the
 * vector is exactly one-hot, giving e/(e + K - 1); so loss ≥ log(1 + (K - 1)/e).
 */
export function doubleSoftmaxLossFloor(numClasses) {
  return Math.log(1 + (numClasses - 1) / Math.E);
}

/** What TF.js computes for the floor: tf.losses.softmaxCrossEntropy(onehot, onehot). */
export async function measuredDoubleSoftmaxFloor(numClasses) {
  await initTf();
  return tf.tidy(() => {
    const y = tf.oneHot(tf.tensor1d([0, numClasses - 1], 'int32'), numClasses).toFloat();
    return tf.losses.softmaxCrossEntropy(y, y).dataSync()[0];
  });
}

/**
 * tf.metrics.binaryAccuracy of constant predictions against one-hot labels of `numClasses`
 * classes (seeded data): e.g. value 0 (all zeros) or 1/numClasses.
 */
export async function constantBinaryAccuracy(value, options = {}) {
  await initTf();
  const o = { ...DEFAULTS, ...options };
  const data = makeData(o);
  return tf.tidy(() => {
    const y = tf.tensor2d(data.train.yOneHot);
    const pred = tf.fill(y.shape, value);
    return tf.mean(tf.metrics.binaryAccuracy(y, pred)).dataSync()[0];
  });
}

/**
 * Value and gradient of tf.losses.softmaxCrossEntropy on a 1-unit output: the value is 0
 * (softmax over one unit is 1), the gradient is (1 − label) / batch size.
 */
export async function singleUnitSoftmaxCrossEntropyGradient(labels = [0, 1, 0], logits = [0.5, -1, 2]) {
  await initTf();
  return tf.tidy(() => {
    const y = tf.tensor2d(labels.map((v) => [v]));
    const l = tf.tensor2d(logits.map((v) => [v]));
    const f = (z) => tf.losses.softmaxCrossEntropy(y, z);
    return {
      labels,
      logits,
      loss: f(l).dataSync()[0],
      gradient: Array.from(tf.grad(f)(l).dataSync()),
    };
  });
}

/** tf.metrics.binaryAccuracy and categoricalAccuracy of a given predictions array. */
export async function metricsOf(yTrueRows, yPredRows) {
  await initTf();
  return tf.tidy(() => {
    const y = tf.tensor2d(yTrueRows);
    const p = tf.tensor2d(yPredRows);
    return {
      binaryAccuracy: tf.mean(tf.metrics.binaryAccuracy(y, p)).dataSync()[0],
      categoricalAccuracy: tf.mean(tf.metrics.categoricalAccuracy(y, p)).dataSync()[0],
    };
  });
}

/**
 * log(softmax) and log(sigmoid) against logSoftmax / logSigmoid on large logits, values and
 * gradients. Arrays are plain numbers (-Infinity / NaN included).
 */
export async function logSoftmaxComparison(logits = [0, 200], sigmoidInput = -200) {
  await initTf();
  return tf.tidy(() => {
    const x = tf.tensor1d(logits);
    const s = tf.tensor1d([sigmoidInput]);
    const grad = (f, at) => Array.from(tf.grad(f)(at).dataSync());
    return {
      logits,
      logOfSoftmax: Array.from(tf.log(tf.softmax(x)).dataSync()),
      logSoftmax: Array.from(tf.logSoftmax(x).dataSync()),
      // d/dx of the first component (log-probability of class 0)
      gradLogOfSoftmax: grad((v) => tf.sum(tf.slice(tf.log(tf.softmax(v)), [0], [1])), x),
      gradLogSoftmax: grad((v) => tf.sum(tf.slice(tf.logSoftmax(v), [0], [1])), x),
      sigmoidInput,
      logOfSigmoid: tf.log(tf.sigmoid(s)).dataSync()[0],
      logSigmoid: tf.logSigmoid(s).dataSync()[0],
      gradLogOfSigmoid: grad((v) => tf.sum(tf.log(tf.sigmoid(v))), s)[0],
      gradLogSigmoid: grad((v) => tf.sum(tf.logSigmoid(v)), s)[0],
    };
  });
}

// ---------------------------------------------------------------------------
// Scenarios: one per rule, buggy configurations next to their fixes (plain data)
// ---------------------------------------------------------------------------

const SOFTMAX_CCE = { units: 10, activation: 'softmax', loss: 'categoricalCrossentropy' };
const SIGMOID_BCE_1 = { units: 1, activation: 'sigmoid', loss: 'binaryCrossentropy' };

/**
 * role: 'buggy' (what the rule reports), 'fixed' (what its fix / suggestion produces),
 * 'reference' (the textbook configuration for the task).
 */
export const SCENARIOS = Object.freeze([
  {
    ruleId: 'no-activation-before-logits-loss',
    title: 'softmax output fed to a loss that applies softmax itself',
    claim:
      '`tf.losses.softmaxCrossEntropy` expects logits; after a softmax layer the softmax is applied twice, ' +
      'so the loss cannot go below log(1 + (K-1)/e) however well the model separates the classes.',
    configs: [
      { role: 'buggy', units: 10, activation: 'softmax', loss: 'tf.losses.softmaxCrossEntropy' },
      { role: 'fixed', units: 10, activation: 'linear', loss: 'tf.losses.softmaxCrossEntropy' },
      { role: 'fixed', ...SOFTMAX_CCE },
      // The sigmoid twin: the string loss is right for the sigmoid, but it switches 'accuracy' to binaryAccuracy.
      { role: 'buggy', units: 10, activation: 'sigmoid', loss: 'tf.losses.sigmoidCrossEntropy' },
      { role: 'suggested (accuracy changes meaning)', units: 10, activation: 'sigmoid', loss: 'binaryCrossentropy' },
      // Crossed: removing the softmax alone leaves a sigmoid loss on exclusive classes.
      { role: 'buggy', units: 10, activation: 'softmax', loss: 'tf.losses.sigmoidCrossEntropy' },
      { role: 'wrong edit, no longer offered', units: 10, activation: 'linear', loss: 'tf.losses.sigmoidCrossEntropy' },
    ],
  },
  {
    ruleId: 'no-sigmoid-with-categorical-loss',
    title: 'sigmoid output with a categorical loss',
    claim:
      "sigmoid outputs are independent, so they are not a distribution over exclusive classes: 'categoricalCrossentropy' " +
      'silently renormalises them during training, and predict() rows do not sum to 1.',
    configs: [
      { role: 'buggy', units: 10, activation: 'sigmoid', loss: 'categoricalCrossentropy' },
      { role: 'fixed', ...SOFTMAX_CCE },
    ],
  },
  {
    ruleId: 'no-binary-crossentropy-multiclass',
    title: "'binaryCrossentropy' on mutually exclusive classes",
    claim:
      "with 'binaryCrossentropy', metrics ['accuracy'] resolves to binaryAccuracy (element-wise), which " +
      'overstates accuracy on 10 classes: predicting all zeros already scores 0.9.',
    configs: [
      { role: 'buggy', units: 10, activation: 'softmax', loss: 'binaryCrossentropy' },
      { role: 'buggy', units: 10, activation: 'sigmoid', loss: 'binaryCrossentropy' },
      { role: 'fixed', ...SOFTMAX_CCE },
    ],
  },
  {
    ruleId: 'no-single-unit-softmax',
    title: 'softmax over a single unit',
    claim:
      'softmax over one unit is the constant 1: predict() returns exactly 1 for every input and nothing is learned.',
    configs: [
      { role: 'buggy', units: 1, activation: 'softmax', loss: 'binaryCrossentropy' },
      { role: 'fixed', ...SIGMOID_BCE_1 },
      // A regression output: sigmoid (the edit once always offered) is still capped at 1; linear is the fix.
      ...['softmax', 'sigmoid', 'linear'].map((activation) => ({
        role: { softmax: 'buggy', sigmoid: 'wrong edit, no longer offered', linear: 'fixed' }[activation],
        label: `dense(1, ${activation}) + 'meanSquaredError', targets 1–9`,
        units: 1,
        activation,
        loss: 'meanSquaredError',
        task: 'multiclass',
        numClasses: 9,
        labels: 'regression',
      })),
    ],
  },
  {
    ruleId: 'no-missing-output-activation',
    title: 'linear output with a loss that expects probabilities',
    claim:
      "'categoricalCrossentropy' expects probabilities; on raw (linear) outputs it divides by a sum that can be " +
      'near zero or negative and clips, so training goes wrong.',
    configs: [
      { role: 'buggy', units: 10, activation: 'linear', loss: 'categoricalCrossentropy' },
      { role: 'fixed', ...SOFTMAX_CCE },
      { role: 'fixed', units: 10, activation: 'linear', loss: 'tf.losses.softmaxCrossEntropy' },
    ],
  },
  {
    ruleId: 'no-categorical-loss-single-unit',
    title: 'categorical loss on a one-unit output',
    claim:
      "a categorical loss needs one unit per class: on a 1-unit output 'categoricalCrossentropy' and " +
      "'sparseCategoricalCrossentropy' make fit throw, and tf.losses.softmaxCrossEntropy trains silently at loss 0.",
    configs: [
      { role: 'buggy', units: 1, activation: 'sigmoid', loss: 'categoricalCrossentropy' },
      { role: 'buggy', units: 1, activation: 'sigmoid', loss: 'sparseCategoricalCrossentropy' },
      { role: 'buggy', units: 1, activation: 'linear', loss: 'tf.losses.softmaxCrossEntropy' },
      { role: 'fixed', ...SIGMOID_BCE_1 },
      // Sparse labels are class ids: the binary loss once suggested for them reads 0..4 as probabilities.
      {
        role: 'wrong edit, no longer offered',
        label: "dense(1, sigmoid) + 'binaryCrossentropy' on class ids 0–4",
        units: 1,
        activation: 'sigmoid',
        loss: 'binaryCrossentropy',
        task: 'multiclass',
        numClasses: 5,
        labels: 'int',
      },
    ],
  },
  {
    ruleId: 'prefer-log-softmax',
    title: 'tf.log(tf.softmax(x)) instead of tf.logSoftmax(x)',
    claim:
      'log(softmax(x)) underflows to -Infinity (and its gradient to NaN) on large logits where logSoftmax stays finite; ' +
      'the same holds for log(sigmoid(x)) and logSigmoid.',
    configs: [
      {
        role: 'buggy',
        label: 'dense(10, linear) + custom loss −Σ y·tf.log(tf.softmax(logits))',
        units: 10,
        activation: 'linear',
        loss: 'custom:logOfSoftmaxCrossEntropy',
      },
      {
        role: 'fixed',
        label: 'dense(10, linear) + custom loss −Σ y·tf.logSoftmax(logits)',
        units: 10,
        activation: 'linear',
        loss: 'custom:logSoftmaxCrossEntropy',
      },
      {
        role: 'buggy',
        label: 'same, tf.log(tf.softmax(logits)), inputs ×30 (unnormalised)',
        units: 10,
        activation: 'linear',
        loss: 'custom:logOfSoftmaxCrossEntropy',
        inputScale: 30,
      },
      {
        role: 'fixed',
        label: 'same, tf.logSoftmax(logits), inputs ×30 (unnormalised)',
        units: 10,
        activation: 'linear',
        loss: 'custom:logSoftmaxCrossEntropy',
        inputScale: 30,
      },
    ],
  },
]);

export const RULE_IDS = Object.freeze(SCENARIOS.map((s) => s.ruleId));

export function getScenario(ruleId) {
  const s = SCENARIOS.find((x) => x.ruleId === ruleId);
  if (!s) throw new Error(`no evidence scenario for rule ${ruleId}`);
  return s;
}

/** The reference configuration for a task: softmax + CCE, or 1-unit sigmoid + BCE. */
export function referenceConfig(task = 'multiclass', numClasses = DEFAULTS.numClasses) {
  return task === 'binary'
    ? { ...SIGMOID_BCE_1, role: 'reference' }
    : { units: numClasses, activation: 'softmax', loss: 'categoricalCrossentropy', role: 'reference' };
}

/**
 * Run every configuration of a scenario (plus its scenario-specific measurements).
 * Returns { ruleId, title, claim, rows: RunResult[] (with .role), extras, notes: string[] }.
 */
export async function runScenario(ruleId, options = {}) {
  const scenario = getScenario(ruleId);
  const rows = [];
  for (const cfg of scenario.configs) {
    const r = await runConfig(cfg, options);
    r.role = cfg.role;
    rows.push(r);
  }
  const o = { ...DEFAULTS, ...options };
  const extras = {};
  const notes = [];
  const fmt = (x, d = 4) => formatNumber(x, d);
  switch (ruleId) {
    case 'no-activation-before-logits-loss': {
      extras.floorAnalytic = doubleSoftmaxLossFloor(o.numClasses);
      extras.floorMeasured = await measuredDoubleSoftmaxFloor(o.numClasses);
      extras.minBuggyLoss = Math.min(...rows[0].lossHistory);
      notes.push(
        `Floor for ${o.numClasses} classes: log(1 + ${o.numClasses - 1}/e) = ${fmt(extras.floorAnalytic)} ` +
          `(tf.losses.softmaxCrossEntropy of a perfect one-hot prediction: ${fmt(extras.floorMeasured)}); ` +
          `lowest epoch loss of the softmax-twice run: ${fmt(extras.minBuggyLoss)}.`,
      );
      const sig = rows.find(
        (r) => r.config.activation === 'sigmoid' && r.config.loss === 'tf.losses.sigmoidCrossEntropy',
      );
      const bce = rows.find((r) => r.config.activation === 'sigmoid' && r.config.loss === 'binaryCrossentropy');
      if (sig && bce)
        notes.push(
          `Same sigmoid output, same labels: with tf.losses.sigmoidCrossEntropy 'accuracy' is ${sig.accuracyMetric} ` +
            `(${fmt(sig.reportedAccuracy, 3)}); with 'binaryCrossentropy' it is ${bce.accuracyMetric} ` +
            `(${fmt(bce.reportedAccuracy, 3)}, argmax ${fmt(bce.trueAccuracy, 3)}): why that edit is a suggestion on outputs wider than one unit.`,
        );
      break;
    }
    case 'no-sigmoid-with-categorical-loss': {
      const p = rows[0].prediction;
      extras.rowSumMin = p.rowSumMin;
      extras.rowSumMax = p.rowSumMax;
      notes.push(
        `predict() row sums of the sigmoid model range over [${fmt(p.rowSumMin, 3)}, ${fmt(p.rowSumMax, 3)}] ` +
          `(softmax model: [${fmt(rows[1].prediction.rowSumMin, 3)}, ${fmt(rows[1].prediction.rowSumMax, 3)}]).`,
        `Argmax accuracy is close to the softmax model's here (${fmt(rows[0].trueAccuracy, 3)} vs ${fmt(rows[1].trueAccuracy, 3)}), ` +
          "because 'categoricalCrossentropy' divides each row by its sum before the log; what breaks is every use of " +
          'predict() as probabilities (thresholds, confidences, top-k scores).',
      );
      break;
    }
    case 'no-binary-crossentropy-multiclass': {
      extras.allZerosBinaryAccuracy = await constantBinaryAccuracy(0, o);
      extras.uniformBinaryAccuracy = await constantBinaryAccuracy(1 / o.numClasses, o);
      notes.push(
        `A model that predicts all zeros scores binaryAccuracy ${fmt(extras.allZerosBinaryAccuracy, 3)} ` +
          `(constant ${fmt(1 / o.numClasses, 2)}: ${fmt(extras.uniformBinaryAccuracy, 3)}) while its argmax accuracy is chance (${fmt(1 / o.numClasses, 2)}).`,
      );
      break;
    }
    case 'no-single-unit-softmax': {
      const p = rows[0].prediction;
      extras.allOutputsExactlyOne = p.allOutputsExactlyOne;
      notes.push(
        `predict() of the 1-unit softmax model: min ${p.outputMin}, max ${p.outputMax} over all training inputs ` +
          `(${p.allOutputsExactlyOne ? 'exactly 1 everywhere' : 'not constant'}).`,
      );
      const mse = rows.filter((r) => r.config.labels === 'regression');
      if (mse.length === 3)
        notes.push(
          `On a regression (targets 1–9, 'meanSquaredError') the final loss is ${mse.map((r) => `${fmt(r.finalLoss)} (${r.config.activation})`).join(', ')}: ` +
            'sigmoid stays below 1 like the softmax, so the suggestion there is a linear output.',
        );
      break;
    }
    case 'no-categorical-loss-single-unit': {
      extras.errors = rows.filter((r) => r.threw).map((r) => ({ label: r.label, stage: r.stage, error: r.error }));
      for (const e of extras.errors) notes.push(`${e.label}: \`${e.stage}\` throws "${oneLine(e.error, 400)}".`);
      extras.softmaxCrossEntropyGradient = await singleUnitSoftmaxCrossEntropyGradient();
      const lin = rows.find((r) => r.config.loss === 'tf.losses.softmaxCrossEntropy');
      if (lin) {
        const g = extras.softmaxCrossEntropyGradient;
        notes.push(
          `${lin.label}: the loss is exactly 0 for every input, yet its gradient is not: for labels [${g.labels}] and ` +
            `logits [${g.logits}] it is [${g.gradient.map((v) => formatNumber(v, 4)).join(', ')}] (softmax − label, over the batch), ` +
            `so the logits of class-0 examples are pushed down without bound (after training predict() spans ` +
            `[${formatNumber(lin.prediction.outputMin, 1)}, ${formatNumber(lin.prediction.outputMax, 1)}]) and every input is put in class 0.`,
        );
      }
      break;
    }
    case 'prefer-log-softmax': {
      const c = await logSoftmaxComparison();
      extras.comparison = c;
      notes.push(
        `tf.log(tf.softmax([${c.logits}])) = [${c.logOfSoftmax.join(', ')}], gradient of its first entry ` +
          `[${c.gradLogOfSoftmax.join(', ')}]; tf.logSoftmax = [${c.logSoftmax.join(', ')}], gradient [${c.gradLogSoftmax.join(', ')}].`,
        `tf.log(tf.sigmoid(${c.sigmoidInput})) = ${c.logOfSigmoid} (gradient ${c.gradLogOfSigmoid}); ` +
          `tf.logSigmoid(${c.sigmoidInput}) = ${c.logSigmoid} (gradient ${c.gradLogSigmoid}).`,
        'With normalised inputs the logits stay small and both custom losses train identically; with inputs ×30 ' +
          `the log(softmax) loss is ${formatNumber(rows[2].lossHistory[0])} from the first epoch on and the weights turn NaN, ` +
          `while logSoftmax trains (final loss ${formatNumber(rows[3].finalLoss)}).`,
      );
      break;
    }
    default:
      break;
  }
  return { ruleId, title: scenario.title, claim: scenario.claim, rows, extras, notes };
}

/**
 * Does a configuration (e.g. the fixed code of a rule's doc example, as
 * { units, activation, loss, activationLayer? }) train as well as the reference for its task?
 * ok when it neither throws nor gives a non-finite loss, and its training and held-out argmax
 * accuracy are at least the reference's minus `margin` (default 0.05).
 * Returns { ok, reasons: string[], candidate: RunResult, reference: RunResult }.
 */
export async function trainsAsWellAsReference(configFromDoc, options = {}) {
  const { margin = 0.05, ...runOptions } = options;
  const candidateCfg = normalizeConfig(configFromDoc, { ...DEFAULTS, ...runOptions });
  const refCfg = referenceConfig(candidateCfg.task, candidateCfg.numClasses);
  if (candidateCfg.inputScale !== undefined) refCfg.inputScale = candidateCfg.inputScale;
  const candidate = await runConfigCached(configFromDoc, runOptions);
  const reference = await runConfigCached(refCfg, runOptions);
  const reasons = [];
  if (candidate.threw) reasons.push(`${candidate.stage} threw: ${candidate.error}`);
  else {
    if (!Number.isFinite(candidate.finalLoss)) reasons.push(`final loss is ${candidate.finalLoss}`);
    if (candidate.trueAccuracy < reference.trueAccuracy - margin)
      reasons.push(`training accuracy ${candidate.trueAccuracy} < reference ${reference.trueAccuracy} - ${margin}`);
    if (candidate.testAccuracy < reference.testAccuracy - margin)
      reasons.push(`held-out accuracy ${candidate.testAccuracy} < reference ${reference.testAccuracy} - ${margin}`);
  }
  return { ok: reasons.length === 0, reasons, candidate, reference };
}

const runCache = new Map();
/**
 * runConfig, memoised per process on (config without label/role, options): runs are
 * deterministic, so tests can share them. Configurations with a function loss are not cached.
 */
export function runConfigCached(config, options = {}) {
  if (typeof config.loss === 'function') return runConfig(config, options);
  const rest = { ...config };
  delete rest.label;
  delete rest.role;
  const key = JSON.stringify([rest, options]);
  if (!runCache.has(key)) runCache.set(key, runConfig(config, options));
  return runCache.get(key);
}

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

export function formatNumber(x, digits = 4) {
  if (x === null || x === undefined) return '–';
  if (typeof x === 'boolean') return String(x);
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '-∞';
  return x.toFixed(digits);
}

function oneLine(text, max) {
  const s = String(text).replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function escapeCell(text) {
  return String(text).replace(/\|/g, '\\|');
}

function rowNotes(r) {
  const parts = [r.role];
  if (r.threw) {
    parts.push(`\`${r.stage}\` throws (message below)`);
    return parts.join('; ');
  }
  if (r.config.labels === 'regression' || r.trueAccuracy === null) {
    parts.push(`predict() spans ${formatNumber(r.prediction.outputMin, 3)}–${formatNumber(r.prediction.outputMax, 3)}`);
    return parts.join('; ');
  }
  parts.push(`reported metric: ${r.accuracyMetric}`);
  parts.push(
    `held-out: argmax ${formatNumber(r.testAccuracy, 3)}, reported ${formatNumber(r.evaluatedTestAccuracy, 3)}`,
  );
  const p = r.prediction;
  if (!p.allFinite) parts.push("predict() returns NaN (counted wrong here; TF.js's argMax picks class 0)");
  else if (p.allOutputsExactlyOne) parts.push('predict() is exactly 1 everywhere');
  else if (r.config.units > 1 && r.config.activation !== 'linear')
    parts.push(`predict() row sums ${formatNumber(p.rowSumMin, 3)}–${formatNumber(p.rowSumMax, 3)}`);
  return parts.join('; ');
}

/** The table (plus notes) of one scenario result, without markers. */
export function renderScenarioBlock(scenarioResult) {
  const lines = [
    '| configuration | final loss | true argmax accuracy | accuracy reported by TF.js | notes |',
    '|---|---|---|---|---|',
  ];
  for (const r of scenarioResult.rows) {
    lines.push(
      `| ${escapeCell(r.label)} | ${r.threw ? '–' : formatNumber(r.finalLoss)} | ` +
        `${r.threw ? '–' : formatNumber(r.trueAccuracy, 3)} | ${r.threw ? '–' : formatNumber(r.reportedAccuracy, 3)} | ` +
        `${escapeCell(rowNotes(r))} |`,
    );
  }
  if (scenarioResult.notes.length) {
    lines.push('');
    for (const n of scenarioResult.notes) lines.push(`- ${n}`);
  }
  return lines.join('\n');
}

export const startMarker = (ruleId) => `<!-- evidence:${ruleId}:start -->`;
export const endMarker = (ruleId) => `<!-- evidence:${ruleId}:end -->`;
export const RULE_DOC_START = '<!-- evidence:start -->';
export const RULE_DOC_END = '<!-- evidence:end -->';

/** Render the whole docs/evidence.md from scenario results and run metadata. */
export function renderEvidenceMarkdown(results, meta) {
  const o = { ...DEFAULTS, ...meta.options };
  const out = [
    '# Evidence: training runs behind the rules',
    '',
    'Generated by `npm run evidence` — do not edit by hand.',
    '',
    `- TF.js version: ${meta.version} (\`tf.version.tfjs\`), backend: \`${meta.backend}\``,
    `- Seed: ${o.seed} (data from a mulberry32 PRNG; kernels from \`tf.initializers.glorotUniform({seed})\`; \`fit\` with \`shuffle: false\`)`,
    `- Epochs: ${o.epochs}, batch size ${o.batchSize}, optimizer Adam (learning rate ${o.learningRate}), metrics \`['accuracy']\``,
    `- Model: input ${o.inputDim} → dense(${o.hiddenUnits}, relu) → output layer as in each row`,
    `- Data: ${meta.dataDescription}`,
    `- Binary tasks (1-unit outputs): ${meta.binaryDataDescription ?? '2 such classes'}, 0/1 labels`,
    '',
    "Columns: *final loss* is the last epoch's `loss` from `fit`; *true argmax accuracy* is computed here from `predict()` " +
      'on the training set (threshold 0.5, or 0 for a linear unit, on 1-unit outputs); *accuracy reported by TF.js* is the ' +
      `last epoch's \`history.${meta.reportedAccuracyKey ?? 'acc'}\` (the key TF.js ${meta.version} uses for \`metrics: ['accuracy']\`), ` +
      "i.e. whatever metric `'accuracy'` resolved to (named in the notes), averaged over that epoch's batches while the " +
      'weights were still moving, so it can trail the accuracy measured after training. *held-out* in the notes: argmax ' +
      'accuracy and `model.evaluate` accuracy on the held-out split. ' +
      'Rows marked *buggy* are what the rule reports; *fixed* rows are what its fix or suggestions produce.',
    '',
  ];
  for (const res of results) {
    out.push(`## ${res.ruleId}`, '', `${res.title}: ${res.claim}`, '');
    out.push(startMarker(res.ruleId), renderScenarioBlock(res), endMarker(res.ruleId), '');
  }
  return out.join('\n');
}

/** Where scripts/evidence.mjs writes the evidence page. */
export const EVIDENCE_PATH = new URL('../docs/evidence.md', import.meta.url);

/**
 * The block of one rule from docs/evidence.md (between its markers), or null when absent.
 * Pass the page's text, or omit it to read docs/evidence.md.
 */
export function quoteEvidence(ruleId, evidenceMarkdown = readFileSync(EVIDENCE_PATH, 'utf8')) {
  const start = evidenceMarkdown.indexOf(startMarker(ruleId));
  const end = evidenceMarkdown.indexOf(endMarker(ruleId));
  if (start < 0 || end < 0 || end < start) return null;
  return evidenceMarkdown.slice(start + startMarker(ruleId).length, end).trim();
}

/**
 * Replace what lies between `<!-- evidence:start -->` and `<!-- evidence:end -->` in a rule
 * doc. Returns the new text, or null when the doc has no (well-ordered) markers.
 */
export function replaceRuleDocEvidence(docText, ruleId, block) {
  const start = docText.indexOf(RULE_DOC_START);
  const end = docText.indexOf(RULE_DOC_END, start + 1);
  if (start < 0 || end < 0) return null;
  const body = [
    '',
    block,
    '',
    `_Measured by \`npm run evidence\`; see [docs/evidence.md](../evidence.md#${ruleId}) for the setup. Regenerate, do not edit by hand._`,
    '',
  ].join('\n');
  return docText.slice(0, start + RULE_DOC_START.length) + body + docText.slice(end);
}
