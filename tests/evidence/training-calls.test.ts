// Seeded TF.js runs behind no-accuracy-on-regression, no-floating-fit and no-ignored-options,
// checked as inequalities; and each rule doc quotes its block of docs/evidence.md verbatim.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteEvidence, RULE_DOC_END, RULE_DOC_START } from '../../scripts/evidence-lib.mjs';
import {
  accuracyOnRegression,
  floatingFit,
  ignoredOptions,
  runTrainingCallScenario,
  TRAINING_CALL_RULE_IDS,
} from '../../scripts/evidence-training-calls.mjs';

const root = path.join(import.meta.dirname, '..', '..');

describe('no-accuracy-on-regression', () => {
  it("a regression that fits the line reports 'accuracy' near 0 (binaryAccuracy) while mae is small", async () => {
    const r = await accuracyOnRegression();
    expect(r.keys).toEqual(['acc', 'loss', 'mae']);
    expect(r.loss).toBeLessThan(0.01);
    expect(r.mae).toBeLessThan(0.05);
    expect(r.acc).toBeLessThan(0.05);
    // What TF.js reports is binaryAccuracy of the predictions.
    expect(Math.abs(r.binaryAccuracyFromPredict - r.acc)).toBeLessThan(0.05);
    // With 3 units it is categoricalAccuracy: an argmax comparison, whatever the error.
    expect(Math.abs(r.categoricalAccuracyFromPredict - r.acc3)).toBeLessThan(0.05);
  });
});

describe('no-floating-fit', () => {
  it('predict right after an unawaited fit gives the untrained value; a second fit in a loop is rejected', async () => {
    const r = await floatingFit();
    expect(Math.abs(r.awaitedPrediction - 2)).toBeLessThan(0.05);
    expect(Math.abs(r.afterTraining - 2)).toBeLessThan(0.05);
    expect(Math.abs(r.floatingPrediction - 2)).toBeGreaterThan(1);
    expect(r.loopRejections).toEqual(['Cannot start training because another fit() call is ongoing.']);
  });

  it('a dropped .then() chain, a layer read and an async helper all see the untrained model', async () => {
    const r = await floatingFit();
    // The saved weights are the initial ones: the chain had not settled when save ran.
    expect(r.doneAtSave).toBe(false);
    expect(r.savedPrediction).toBeCloseTo(r.floatingPrediction, 5);
    expect(r.layerWeightsPrediction).toBeCloseTo(r.floatingPrediction, 5);
    expect(r.helperPrediction).toBeCloseTo(r.floatingPrediction, 5);
    expect(Math.abs(r.helperPrediction - 2)).toBeGreaterThan(1);
  });
});

describe('no-ignored-options', () => {
  it('misspelled keys leave the defaults; inputShape on a second layer is ignored', async () => {
    const r = await ignoredOptions();
    expect(r.misspelled).toEqual({ epochs: 1, batches: 2 });
    expect(r.fixed).toEqual({ epochs: 60, batches: 480 });
    expect(r.misspelledKernelNonZero).toBe(r.kernelSize);
    expect(r.fixedKernelNonZero).toBe(0);
    expect(r.secondInput).toEqual([null, 16]);
  });
});

describe('rule docs quote docs/evidence.md', () => {
  const page = readFileSync(path.join(root, 'docs', 'evidence.md'), 'utf8');
  it.each(TRAINING_CALL_RULE_IDS)('%s', async (ruleId) => {
    const block = quoteEvidence(ruleId, page);
    expect(block, `docs/evidence.md has no block for ${ruleId}`).toBeTruthy();
    // The page holds what a run writes now (the runs are seeded).
    expect(block).toBe((await runTrainingCallScenario(ruleId)).block.trim());
    const doc = readFileSync(path.join(root, 'docs', 'rules', `${ruleId}.md`), 'utf8');
    const quoted = doc.slice(doc.indexOf(RULE_DOC_START) + RULE_DOC_START.length, doc.indexOf(RULE_DOC_END)).trim();
    expect(quoted.startsWith(block!)).toBe(true);
    expect(quoted.slice(block!.length)).toMatch(/^\s*_Measured by `npm run evidence`[^\n]*_$/);
  });
});
