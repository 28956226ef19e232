// Evidence for the rules about training calls (no-accuracy-on-regression, no-floating-fit,
// no-ignored-options): seeded TF.js runs on the CPU backend that measure what each rule's
// message says. Used by scripts/evidence.mjs (a section per rule in docs/evidence.md,
// quoted in the rule's doc) and tests/evidence/training-calls.test.ts.

import { endMarker, initTf, mulberry32, startMarker, tf } from './evidence-lib.mjs';

export const TRAINING_CALL_RULE_IDS = Object.freeze([
  'no-accuracy-on-regression',
  'no-floating-fit',
  'no-ignored-options',
]);

const TITLES = {
  'no-accuracy-on-regression':
    "'accuracy' on a regression output: TF.js resolves it to binaryAccuracy (1 unit) or categoricalAccuracy, " +
    'which compare classes, not distances.',
  'no-floating-fit':
    '`fit()` not awaited: the model is used before it is trained, and a second `fit()` on it is rejected.',
  'no-ignored-options': 'Option keys TF.js does not read are ignored without a word: the defaults apply.',
};

/** y = 3x + 0.5 on 64 seeded points x in [0, 1): a regression with continuous targets. */
function regressionData(seed = 1234, n = 64) {
  const rng = mulberry32(seed);
  const x = Array.from({ length: n }, () => rng());
  return { x, y: x.map((v) => 3 * v + 0.5) };
}

function linearModel(units = 1, seed = 1234) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units, inputShape: [1], kernelInitializer: tf.initializers.glorotUniform({ seed }) }));
  return model;
}

/** no-accuracy-on-regression: the metrics TF.js reports while a linear regression fits perfectly. */
export async function accuracyOnRegression() {
  await initTf();
  const { x, y } = regressionData();
  const xs = tf.tensor2d(x, [x.length, 1]);
  const ys = tf.tensor2d(y, [y.length, 1]);
  const model = linearModel(1);
  model.compile({ optimizer: tf.train.adam(0.1), loss: 'meanSquaredError', metrics: ['accuracy', 'mae'] });
  const h = await model.fit(xs, ys, { epochs: 200, batchSize: 64, shuffle: false, verbose: 0 });
  const last = (k) => h.history[k][h.history[k].length - 1];
  const pred = model.predict(xs);
  const binaryAccuracy = tf.metrics.binaryAccuracy(ys, pred).mean().dataSync()[0];
  // Three regression targets (y, 2y, -y): 'accuracy' becomes categoricalAccuracy (argmax).
  const ys3 = tf.tensor2d(
    y.flatMap((v) => [v, 2 * v, -v]),
    [y.length, 3],
  );
  const model3 = linearModel(3);
  model3.compile({ optimizer: tf.train.adam(0.1), loss: 'meanSquaredError', metrics: ['accuracy', 'mae'] });
  const h3 = await model3.fit(xs, ys3, { epochs: 200, batchSize: 64, shuffle: false, verbose: 0 });
  const last3 = (k) => h3.history[k][h3.history[k].length - 1];
  const pred3 = model3.predict(xs);
  const categoricalAccuracy = tf.metrics.categoricalAccuracy(ys3, pred3).mean().dataSync()[0];
  return {
    keys: Object.keys(h.history).sort(),
    loss: last('loss'),
    acc: last('acc'),
    mae: last('mae'),
    binaryAccuracyFromPredict: binaryAccuracy,
    loss3: last3('loss'),
    acc3: last3('acc'),
    mae3: last3('mae'),
    categoricalAccuracyFromPredict: categoricalAccuracy,
  };
}

/**
 * no-floating-fit: predict right after a fit that is not awaited, a second fit while one
 * runs, and the model read after a dropped `.then()` chain, through a layer, and after
 * an async helper whose fit floats.
 */
export async function floatingFit() {
  await initTf();
  const xs = tf.tensor2d([0, 1, 2, 3], [4, 1]);
  const ys = tf.tensor2d([0, 2, 4, 6], [4, 1]);
  const probe = tf.tensor2d([1], [1, 1]);
  const make = () => {
    const m = linearModel(1);
    m.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
    return m;
  };
  const fitOptions = { epochs: 200, verbose: 0 };
  const floating = make();
  const pending = floating.fit(xs, ys, fitOptions);
  const floatingPrediction = floating.predict(probe).dataSync()[0];
  await pending;
  const afterTraining = floating.predict(probe).dataSync()[0];

  const awaited = make();
  await awaited.fit(xs, ys, fitOptions);
  const awaitedPrediction = awaited.predict(probe).dataSync()[0];

  // `model.fit(...).then(cb)` dropped, then `await model.save(...)`: what was saved.
  const chained = make();
  let chainDone = false;
  const chain = chained.fit(xs, ys, fitOptions).then(() => {
    chainDone = true;
  });
  let artifacts;
  await chained.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const doneAtSave = chainDone;
  await chain;
  const reloaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  const savedPrediction = reloaded.predict(probe).dataSync()[0];

  // `model.getLayer(name).getWeights()` right after a dropped fit: kernel * 1 + bias.
  const layered = make();
  const layerPending = layered.fit(xs, ys, fitOptions);
  const [kernel, bias] = layered.getLayer(layered.layers[0].name).getWeights();
  const layerWeightsPrediction = kernel.dataSync()[0] + bias.dataSync()[0];
  await layerPending;

  // An async helper whose fit floats: `await learn()`, then predict.
  const helped = make();
  let helperPending;
  async function learn() {
    helperPending = helped.fit(xs, ys, fitOptions);
  }
  await learn();
  const helperPrediction = helped.predict(probe).dataSync()[0];
  await helperPending;

  const looped = make();
  const promises = [];
  for (let i = 0; i < 2; i++) promises.push(looped.fit(xs, ys, { epochs: 5, verbose: 0 }));
  const settled = await Promise.allSettled(promises);
  const rejected = settled.filter((s) => s.status === 'rejected').map((s) => String(s.reason?.message ?? s.reason));
  return {
    floatingPrediction,
    afterTraining,
    awaitedPrediction,
    savedPrediction,
    doneAtSave,
    layerWeightsPrediction,
    helperPrediction,
    loopRejections: rejected,
    loopCalls: promises.length,
  };
}

/** no-ignored-options: misspelled fit and layer keys, and inputShape on a second layer. */
export async function ignoredOptions() {
  await initTf();
  const xs = tf.ones([64, 2]);
  const ys = tf.ones([64, 1]);
  const fitWith = async (options) => {
    const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    let batches = 0;
    const h = await m.fit(xs, ys, {
      ...options,
      verbose: 0,
      callbacks: {
        onBatchEnd: () => {
          batches += 1;
        },
      },
    });
    return { epochs: h.epoch.length, batches };
  };
  const misspelled = await fitWith({ epoch: 60, batchsize: 8 });
  const fixed = await fitWith({ epochs: 60, batchSize: 8 });

  const kernelOf = (config) =>
    tf
      .sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], ...config })] })
      .getWeights()[0]
      .dataSync();
  const misspelledKernel = kernelOf({ kernelInitialiser: 'zeros' });
  const fixedKernel = kernelOf({ kernelInitializer: 'zeros' });

  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(args.join(' '));
  let secondInput;
  try {
    const m = tf.sequential();
    m.add(tf.layers.dense({ units: 16, inputShape: [4] }));
    m.add(tf.layers.dense({ units: 1, inputShape: [99] }));
    secondInput = m.layers[1].input.shape;
  } finally {
    console.warn = warn;
  }
  // Layer names carry a process-wide counter (dense_Dense11): left out so runs compare equal.
  const stableWarnings = warnings.map((w) => w.replace(/layer \w+?_\w+?\d+:/, 'layer <name>:'));
  return {
    misspelled,
    fixed,
    misspelledKernelNonZero: [...misspelledKernel].filter((v) => v !== 0).length,
    kernelSize: misspelledKernel.length,
    fixedKernelNonZero: [...fixedKernel].filter((v) => v !== 0).length,
    secondInput,
    warnings: stableWarnings,
  };
}

const fmt = (x, d = 4) => (typeof x === 'number' ? x.toFixed(d) : String(x));

/** Run one rule's measurements and render its block (markdown, without markers). */
export async function runTrainingCallScenario(ruleId) {
  let figures;
  let lines;
  if (ruleId === 'no-accuracy-on-regression') {
    const r = (figures = await accuracyOnRegression());
    lines = [
      '| output (y = 3x + 0.5, 64 points, Adam 0.1, 200 epochs) | final MSE loss | `acc` reported by TF.js | `mae` | accuracy recomputed from predict() |',
      '|---|---|---|---|---|',
      `| dense(1, linear) + 'meanSquaredError', metrics ['accuracy', 'mae'] | ${fmt(r.loss, 5)} | ${fmt(r.acc, 3)} | ${fmt(r.mae, 4)} | binaryAccuracy ${fmt(r.binaryAccuracyFromPredict, 3)} |`,
      `| dense(3, linear), targets (y, 2y, −y), same metrics | ${fmt(r.loss3, 5)} | ${fmt(r.acc3, 3)} | ${fmt(r.mae3, 4)} | categoricalAccuracy ${fmt(r.categoricalAccuracyFromPredict, 3)} |`,
      '',
      `- History keys: ${r.keys.map((k) => `\`${k}\``).join(', ')}. The 1-unit model fits the line almost exactly while its \`acc\` is ${fmt(r.acc, 3)}: ` +
        'binaryAccuracy rounds each prediction at 0.5 and compares it with the continuous target, which is never exactly 0 or 1.',
      `- The 3-unit model's \`acc\` (${fmt(r.acc3, 3)}) only says which of the three outputs is largest (always the 2y one here), not how far the predictions are.`,
    ];
  } else if (ruleId === 'no-floating-fit') {
    const r = (figures = await floatingFit());
    lines = [
      '| code (dense(1) on y = 2x, SGD 0.05, 200 epochs) | `predict(1)` |',
      '|---|---|',
      `| \`model.fit(...)\` not awaited, then \`model.predict(x)\` | ${fmt(r.floatingPrediction, 3)} (untrained) |`,
      `| the same model once its fit has ended | ${fmt(r.afterTraining, 3)} |`,
      `| \`await model.fit(...)\`, then \`model.predict(x)\` | ${fmt(r.awaitedPrediction, 3)} |`,
      `| \`model.fit(...).then(cb)\` not awaited, then \`await model.save(...)\`: the saved model | ${fmt(r.savedPrediction, 3)} (untrained) |`,
      `| \`model.fit(...)\` not awaited, then \`model.getLayer(name).getWeights()\` (kernel · 1 + bias) | ${fmt(r.layerWeightsPrediction, 3)} (untrained) |`,
      `| \`async function learn() { model.fit(...); }\`, then \`await learn(); model.predict(x)\` | ${fmt(r.helperPrediction, 3)} (untrained) |`,
      '',
      `- ${r.loopCalls} \`fit()\` calls on one model in a loop without \`await\`: ${r.loopRejections.length} rejected with "${r.loopRejections[0] ?? '(none)'}".`,
    ];
  } else if (ruleId === 'no-ignored-options') {
    const r = (figures = await ignoredOptions());
    lines = [
      '| code | what TF.js did |',
      '|---|---|',
      `| \`fit(xs, ys, {epoch: 60, batchsize: 8})\`, 64 samples | ${r.misspelled.epochs} epoch(s), ${r.misspelled.batches} batch(es): the defaults (1 epoch, batch size 32) |`,
      `| \`fit(xs, ys, {epochs: 60, batchSize: 8})\` | ${r.fixed.epochs} epochs, ${r.fixed.batches} batches |`,
      `| \`tf.layers.dense({units: 3, kernelInitialiser: 'zeros'})\` | ${r.misspelledKernelNonZero} of ${r.kernelSize} kernel weights non-zero: the default glorotUniform |`,
      `| \`tf.layers.dense({units: 3, kernelInitializer: 'zeros'})\` | ${r.fixedKernelNonZero} of ${r.kernelSize} non-zero |`,
      `| \`inputShape: [99]\` on the second layer after \`dense({units: 16, inputShape: [4]})\` | built; its input shape is [${r.secondInput.map(String).join(', ')}]; ${r.warnings.length} console warning(s)${r.warnings.length ? `: "${r.warnings[0].slice(0, 160)}"` : ''} |`,
    ];
  } else {
    throw new Error(`no training-call evidence for ${ruleId}`);
  }
  return { ruleId, title: TITLES[ruleId], figures, block: lines.join('\n') };
}

/** The sections of docs/evidence.md for these rules, in the page's format. */
export function renderTrainingCallSections(results) {
  const out = [];
  for (const r of results) {
    out.push(`## ${r.ruleId}`, '', r.title, '', startMarker(r.ruleId), r.block, endMarker(r.ruleId), '');
  }
  return out.join('\n');
}
