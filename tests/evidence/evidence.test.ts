// Seeded training runs that check, as inequalities with margins, what each rule claims.
// Numbers come from scripts/evidence-lib.mjs (the same harness that writes docs/evidence.md).

import { beforeAll, describe, expect, it } from 'vitest';
import {
  constantBinaryAccuracy,
  doubleSoftmaxLossFloor,
  initTf,
  logSoftmaxComparison,
  measuredDoubleSoftmaxFloor,
  quoteEvidence,
  referenceConfig,
  renderScenarioBlock,
  replaceRuleDocEvidence,
  runConfigCached,
  singleUnitSoftmaxCrossEntropyGradient,
  trainsAsWellAsReference,
  type OutputConfig,
  type RunResult,
} from '../../scripts/evidence-lib.mjs';

/** Each configuration is trained once per test file (shared with trainsAsWellAsReference). */
function run(config: OutputConfig): Promise<RunResult> {
  return runConfigCached(config);
}

const SOFTMAX_CCE: OutputConfig = { units: 10, activation: 'softmax', loss: 'categoricalCrossentropy' };
const SIGMOID_BCE_1: OutputConfig = { units: 1, activation: 'sigmoid', loss: 'binaryCrossentropy' };

beforeAll(async () => {
  const { version, backend } = await initTf();
  expect(backend).toBe('cpu');
  expect(version).toMatch(/^4\./);
});

describe('reference runs train', () => {
  it('softmax + categoricalCrossentropy learns the 10 classes', async () => {
    const ref = await run(SOFTMAX_CCE);
    expect(ref.threw).toBe(false);
    expect(ref.finalLoss!).toBeLessThan(0.7);
    expect(ref.trueAccuracy).toBeGreaterThan(0.85);
    expect(ref.reportedAccuracyKey).toBe('acc');
    expect(ref.accuracyMetric).toBe('categoricalAccuracy');
    // categoricalAccuracy from evaluate agrees with our own argmax on the same weights
    expect(Math.abs(ref.evaluatedAccuracy! - ref.trueAccuracy!)).toBeLessThan(1e-6);
  });

  it('1-unit sigmoid + binaryCrossentropy learns the binary task', async () => {
    const ref = await run(SIGMOID_BCE_1);
    expect(ref.trueAccuracy).toBeGreaterThan(0.9);
    expect(ref.accuracyMetric).toBe('binaryAccuracy');
  });
});

describe('no-activation-before-logits-loss', () => {
  it('the analytic floor log(1 + 9/e) matches tf.losses.softmaxCrossEntropy(onehot, onehot)', async () => {
    const floor = doubleSoftmaxLossFloor(10);
    expect(floor).toBeCloseTo(1.4612, 3);
    expect(await measuredDoubleSoftmaxFloor(10)).toBeCloseTo(floor, 4);
  });

  it('softmax twice keeps the loss above the floor while the reference goes well below', async () => {
    const buggy = await run({ units: 10, activation: 'softmax', loss: 'tf.losses.softmaxCrossEntropy' });
    const ref = await run(SOFTMAX_CCE);
    expect(buggy.finalLoss!).toBeGreaterThan(1.4);
    expect(Math.min(...buggy.lossHistory)).toBeGreaterThanOrEqual(doubleSoftmaxLossFloor(10) - 1e-3);
    expect(ref.finalLoss!).toBeLessThan(buggy.finalLoss! - 0.8);
  });

  it('linear + tf.losses.softmaxCrossEntropy trains like softmax + categoricalCrossentropy', async () => {
    const fixed = await run({ units: 10, activation: 'linear', loss: 'tf.losses.softmaxCrossEntropy' });
    const ref = await run(SOFTMAX_CCE);
    expect(fixed.finalLoss!).toBeLessThan(0.7);
    expect(Math.abs(fixed.trueAccuracy! - ref.trueAccuracy!)).toBeLessThan(0.03);
  });
});

describe('no-activation-before-logits-loss: the sigmoid edit', () => {
  it("'binaryCrossentropy' makes TF.js report 'accuracy' as binaryAccuracy where the loss function gave categoricalAccuracy", async () => {
    const fn = await run({ units: 10, activation: 'sigmoid', loss: 'tf.losses.sigmoidCrossEntropy' });
    const str = await run({ units: 10, activation: 'sigmoid', loss: 'binaryCrossentropy' });
    // The metric each resolves to, checked against what TF.js evaluates on the same weights.
    expect(fn.accuracyMetric).toBe('categoricalAccuracy');
    expect(Math.abs(fn.evaluatedAccuracy! - fn.trueAccuracy!)).toBeLessThan(1e-6);
    expect(str.accuracyMetric).toBe('binaryAccuracy');
    expect(str.evaluatedAccuracy!).toBeGreaterThan(str.trueAccuracy! + 0.05);
  });
});

describe('no-sigmoid-with-categorical-loss', () => {
  it('sigmoid + categoricalCrossentropy gives predict() rows that do not sum to 1', async () => {
    const buggy = await run({ units: 10, activation: 'sigmoid', loss: 'categoricalCrossentropy' });
    const ref = await run(SOFTMAX_CCE);
    const p = buggy.prediction;
    expect(Math.max(Math.abs(p.rowSumMin - 1), Math.abs(p.rowSumMax - 1))).toBeGreaterThan(0.2);
    expect(p.rowSumMax - p.rowSumMin).toBeGreaterThan(0.2);
    expect(Math.abs(ref.prediction.rowSumMin - 1)).toBeLessThan(1e-3);
    expect(Math.abs(ref.prediction.rowSumMax - 1)).toBeLessThan(1e-3);
  });
});

describe('no-binary-crossentropy-multiclass', () => {
  it('reported accuracy (binaryAccuracy) exceeds the true argmax accuracy', async () => {
    const buggy = await run({ units: 10, activation: 'softmax', loss: 'binaryCrossentropy' });
    expect(buggy.accuracyMetric).toBe('binaryAccuracy');
    expect(buggy.reportedAccuracy!).toBeGreaterThan(buggy.trueAccuracy! + 0.01);
    expect(buggy.evaluatedAccuracy!).toBeGreaterThan(buggy.trueAccuracy! + 0.01);
    // on held-out data the gap is large
    expect(buggy.evaluatedTestAccuracy!).toBeGreaterThan(buggy.testAccuracy! + 0.1);
  });

  it('sigmoid + binaryCrossentropy on exclusive classes also overstates accuracy', async () => {
    const buggy = await run({ units: 10, activation: 'sigmoid', loss: 'binaryCrossentropy' });
    expect(buggy.reportedAccuracy!).toBeGreaterThan(buggy.trueAccuracy! + 0.03);
  });

  it('predicting all zeros scores binaryAccuracy >= 0.9 on 10 one-hot classes', async () => {
    expect(await constantBinaryAccuracy(0)).toBeGreaterThanOrEqual(0.9 - 1e-6);
    expect(await constantBinaryAccuracy(0.1)).toBeGreaterThanOrEqual(0.9 - 1e-6);
  });
});

describe('no-single-unit-softmax', () => {
  it('a 1-unit softmax output is exactly 1 for every input and learns nothing', async () => {
    const buggy = await run({ units: 1, activation: 'softmax', loss: 'binaryCrossentropy' });
    const ref = await run(SIGMOID_BCE_1);
    expect(buggy.prediction.allOutputsExactlyOne).toBe(true);
    expect(buggy.prediction.outputMin).toBe(1);
    expect(buggy.prediction.outputMax).toBe(1);
    expect(buggy.trueAccuracy).toBeLessThan(0.6);
    expect(ref.trueAccuracy).toBeGreaterThan(buggy.trueAccuracy! + 0.3);
  });

  it('on a regression (targets 1-9) sigmoid stays capped like the softmax; a linear output fits: the suggestion there', async () => {
    const regression = (activation: string) =>
      run({ units: 1, activation, loss: 'meanSquaredError', task: 'multiclass', numClasses: 9, labels: 'regression' });
    const [softmax, sigmoid, linear] = [
      await regression('softmax'),
      await regression('sigmoid'),
      await regression('linear'),
    ];
    expect(sigmoid.prediction.outputMax).toBeLessThanOrEqual(1);
    expect(sigmoid.finalLoss!).toBeGreaterThan(0.9 * softmax.finalLoss!);
    expect(linear.finalLoss!).toBeLessThan(sigmoid.finalLoss! / 3);
  });
});

describe('no-missing-output-activation', () => {
  it('linear + categoricalCrossentropy is far below softmax + categoricalCrossentropy', async () => {
    const buggy = await run({ units: 10, activation: 'linear', loss: 'categoricalCrossentropy' });
    const ref = await run(SOFTMAX_CCE);
    expect(buggy.trueAccuracy).toBeLessThan(ref.trueAccuracy! - 0.4);
    expect(buggy.testAccuracy).toBeLessThan(ref.testAccuracy! - 0.25);
    expect(buggy.finalLoss!).toBeGreaterThan(ref.finalLoss! + 2);
  });
});

describe('no-categorical-loss-single-unit', () => {
  it("'binaryCrossentropy' on sparse class ids 0-4 (the edit no longer offered) reads them as probabilities: the loss goes negative", async () => {
    const r = await run({
      units: 1,
      activation: 'sigmoid',
      loss: 'binaryCrossentropy',
      task: 'multiclass',
      numClasses: 5,
      labels: 'int',
    });
    expect(r.threw).toBe(false);
    expect(r.finalLoss!).toBeLessThan(0);
  });

  it("'categoricalCrossentropy' on a 1-unit output makes fit throw", async () => {
    const r = await run({ units: 1, activation: 'sigmoid', loss: 'categoricalCrossentropy' });
    expect(r.threw).toBe(true);
    expect(r.stage).toBe('fit');
    expect(r.error).toMatch(/categorical_crossentropy/);
  });

  it("'sparseCategoricalCrossentropy' on a 1-unit output makes fit throw", async () => {
    const r = await run({ units: 1, activation: 'sigmoid', loss: 'sparseCategoricalCrossentropy' });
    expect(r.threw).toBe(true);
    expect(r.stage).toBe('fit');
    expect(r.error).toMatch(/depth must be >=2/);
  });

  it('tf.losses.softmaxCrossEntropy on a 1-unit output reports loss 0 and learns nothing', async () => {
    const r = await run({ units: 1, activation: 'linear', loss: 'tf.losses.softmaxCrossEntropy' });
    const ref = await run(SIGMOID_BCE_1);
    expect(r.threw).toBe(false);
    for (const l of r.lossHistory) expect(Math.abs(l)).toBeLessThan(1e-6);
    expect(r.trueAccuracy).toBeLessThan(0.6);
    expect(ref.trueAccuracy).toBeGreaterThan(r.trueAccuracy! + 0.3);
    // zero loss, non-zero gradient: (1 - label) / batch
    const g = await singleUnitSoftmaxCrossEntropyGradient([0, 1, 0], [0.5, -1, 2]);
    expect(g.loss).toBe(0);
    expect(g.gradient[0]).toBeCloseTo(1 / 3, 5);
    expect(g.gradient[1]).toBeCloseTo(0, 6);
  });
});

describe('prefer-log-softmax', () => {
  it('log(softmax) and log(sigmoid) are -Infinity where logSoftmax / logSigmoid are finite', async () => {
    const c = await logSoftmaxComparison([0, 200], -200);
    expect(c.logOfSoftmax[0]).toBe(-Infinity);
    expect(c.logSoftmax.every(Number.isFinite)).toBe(true);
    expect(c.logSoftmax[0]).toBeCloseTo(-200, 3);
    expect(c.gradLogOfSoftmax.some(Number.isNaN)).toBe(true);
    expect(c.gradLogSoftmax.every(Number.isFinite)).toBe(true);
    expect(c.logOfSigmoid).toBe(-Infinity);
    expect(c.logSigmoid).toBeCloseTo(-200, 3);
    expect(Number.isNaN(c.gradLogOfSigmoid)).toBe(true);
    expect(Number.isFinite(c.gradLogSigmoid)).toBe(true);
  });

  it('with large logits a log(softmax) loss turns NaN while a logSoftmax loss trains', async () => {
    const buggy = await run({
      units: 10,
      activation: 'linear',
      loss: 'custom:logOfSoftmaxCrossEntropy',
      inputScale: 30,
    });
    const fixed = await run({ units: 10, activation: 'linear', loss: 'custom:logSoftmaxCrossEntropy', inputScale: 30 });
    expect(Number.isNaN(buggy.finalLoss)).toBe(true);
    expect(buggy.prediction.allFinite).toBe(false);
    expect(Number.isFinite(fixed.finalLoss)).toBe(true);
    expect(fixed.trueAccuracy).toBeGreaterThan(0.85);
  });
});

describe('trainsAsWellAsReference: the configurations the fixes produce', () => {
  const fixes: Array<[string, OutputConfig]> = [
    ["softmax + 'categoricalCrossentropy' (several rules)", SOFTMAX_CCE],
    [
      'separate activation layer: linear dense + activation(softmax) + categoricalCrossentropy',
      { units: 10, activation: 'softmax', activationLayer: true, loss: 'categoricalCrossentropy' },
    ],
    [
      'no-activation-before-logits-loss / no-missing-output-activation: linear + tf.losses.softmaxCrossEntropy',
      { units: 10, activation: 'linear', loss: 'tf.losses.softmaxCrossEntropy' },
    ],
    ["no-single-unit-softmax / no-categorical-loss-single-unit: 1-unit sigmoid + 'binaryCrossentropy'", SIGMOID_BCE_1],
    [
      "correct code that looks wrong: softmax over 2 units + 'binaryCrossentropy'",
      { units: 2, activation: 'softmax', loss: 'binaryCrossentropy' },
    ],
    [
      'prefer-log-softmax: custom loss with tf.logSoftmax',
      { units: 10, activation: 'linear', loss: 'custom:logSoftmaxCrossEntropy' },
    ],
    [
      'prefer-log-softmax: custom loss with tf.logSoftmax, unnormalised inputs',
      { units: 10, activation: 'linear', loss: 'custom:logSoftmaxCrossEntropy', inputScale: 30 },
    ],
  ];

  it.each(fixes)('%s', async (_name, config) => {
    const res = await trainsAsWellAsReference(config);
    expect(res.reasons).toEqual([]);
    expect(res.ok).toBe(true);
  });

  const broken: Array<[string, OutputConfig]> = [
    ["linear + 'categoricalCrossentropy'", { units: 10, activation: 'linear', loss: 'categoricalCrossentropy' }],
    ["1-unit softmax + 'binaryCrossentropy'", { units: 1, activation: 'softmax', loss: 'binaryCrossentropy' }],
    ["1-unit + 'categoricalCrossentropy'", { units: 1, activation: 'sigmoid', loss: 'categoricalCrossentropy' }],
    ['unknown loss string', { units: 10, activation: 'softmax', loss: 'categorical_crossentropy' }],
  ];

  it.each(broken)('rejects %s', async (_name, config) => {
    const res = await trainsAsWellAsReference(config);
    expect(res.ok).toBe(false);
    expect(res.reasons.length).toBeGreaterThan(0);
  });

  it('uses the task reference: softmax + CCE for several units, sigmoid + BCE for one', () => {
    expect(referenceConfig('multiclass', 10)).toMatchObject(SOFTMAX_CCE);
    expect(referenceConfig('binary')).toMatchObject(SIGMOID_BCE_1);
  });
});

describe('doc quoting', () => {
  it('quotes a rule block from evidence.md and replaces the block of a rule doc', async () => {
    const ruleId = 'no-single-unit-softmax';
    const res = {
      ruleId,
      title: 't',
      claim: 'c',
      rows: [await run({ units: 1, activation: 'softmax', loss: 'binaryCrossentropy' })].map((r) => ({
        ...r,
        role: 'buggy',
      })),
      extras: {},
      notes: ['a note'],
    };
    const block = renderScenarioBlock(res);
    const page = `# x\n\n<!-- evidence:${ruleId}:start -->\n${block}\n<!-- evidence:${ruleId}:end -->\n`;
    expect(quoteEvidence(ruleId, page)).toBe(block);
    expect(quoteEvidence('other-rule', page)).toBeNull();

    const doc = '# rule\n\nintro\n\n<!-- evidence:start -->\nold table\n<!-- evidence:end -->\n\nafter\n';
    const updated = replaceRuleDocEvidence(doc, ruleId, block)!;
    expect(updated).toContain(block);
    expect(updated).not.toContain('old table');
    expect(updated.startsWith('# rule\n\nintro\n\n<!-- evidence:start -->')).toBe(true);
    expect(updated.endsWith('<!-- evidence:end -->\n\nafter\n')).toBe(true);
    // idempotent
    expect(replaceRuleDocEvidence(updated, ruleId, block)).toBe(updated);
    expect(replaceRuleDocEvidence('# no markers\n', ruleId, block)).toBeNull();
  });
});
