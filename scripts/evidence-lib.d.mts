// Types for scripts/evidence-lib.mjs (plain JavaScript), so TypeScript tests can import it.

import type * as tfType from '@tensorflow/tfjs';

export declare const tf: typeof tfType;

export interface EvidenceOptions {
  seed?: number;
  numClasses?: number;
  inputDim?: number;
  trainPerClass?: number;
  testPerClass?: number;
  centerScale?: number;
  noise?: number;
  hiddenUnits?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
}

export declare const DEFAULTS: Readonly<Required<EvidenceOptions>>;

/**
 * A model output configuration, as plain data.
 * loss: a compile string ('categoricalCrossentropy', ...), 'tf.losses.X' / 'losses.X' /
 * 'tf.metrics.X' / 'metrics.X' (that TF.js function), 'custom:X' (CUSTOM_LOSSES[X]), or a function.
 */
export interface OutputConfig {
  loss: string | ((yTrue: tfType.Tensor, yPred: tfType.Tensor) => tfType.Tensor);
  /** output units; default 10 */
  units?: number;
  /** output activation; default 'linear' (like tf.layers.dense) */
  activation?: string;
  /** put the activation in a separate tf.layers.activation after a linear dense */
  activationLayer?: boolean;
  /** default: 'binary' when units === 1, else 'multiclass' */
  task?: 'multiclass' | 'binary';
  /** default: units (multiclass) or 2 (binary) */
  numClasses?: number;
  /** default: 'binary' (0/1 column) for 1 unit, 'int' for sparseCategoricalCrossentropy, else 'onehot' */
  labels?: 'onehot' | 'int' | 'binary' | 'regression';
  /** multiply the inputs (e.g. 30 for unnormalised data); default 1 */
  inputScale?: number;
  /** table label; default from describeConfig */
  label?: string;
  /** 'buggy' | 'fixed' | 'reference' in SCENARIOS */
  role?: string;
}

export interface NormalizedConfig extends OutputConfig {
  units: number;
  task: 'multiclass' | 'binary';
  numClasses: number;
  labels: 'onehot' | 'int' | 'binary' | 'regression';
  activation: string;
  activationLayer: boolean;
  label: string;
}

export interface PredictionStats {
  outputMin: number;
  outputMax: number;
  rowSumMin: number;
  rowSumMax: number;
  allOutputsExactlyOne: boolean;
  allFinite: boolean;
}

export type AccuracyMetric = 'binaryAccuracy' | 'categoricalAccuracy' | 'sparseCategoricalAccuracy';

export interface RunResult {
  config: NormalizedConfig;
  label: string;
  lossName: string;
  task: 'multiclass' | 'binary';
  numClasses: number;
  /** compile or fit threw; then the loss/accuracy fields from training are null */
  threw: boolean;
  stage: 'compile' | 'fit' | 'evaluate' | null;
  error: string | null;
  finalLoss: number | null;
  lossHistory: number[];
  /** argmax (or threshold) accuracy of predict() on the training set, computed by the harness */
  trueAccuracy: number | null;
  /** the same on the held-out split */
  testAccuracy: number | null;
  /** last epoch's history[reportedAccuracyKey] */
  reportedAccuracy: number | null;
  /** 'acc' in TF.js 4.22 */
  reportedAccuracyKey: string | null;
  /** model.evaluate on the training set, accuracy metric */
  evaluatedAccuracy: number | null;
  /** model.evaluate on the held-out split, accuracy metric */
  evaluatedTestAccuracy: number | null;
  accuracyMetric: AccuracyMetric;
  prediction: PredictionStats;
  epochs: number;
  millis: number;
  /** set by runScenario */
  role?: string;
}

export interface Split {
  x: number[][];
  yInt: number[];
  yOneHot: number[][];
}

export interface EvidenceData {
  numClasses: number;
  inputDim: number;
  seed: number;
  train: Split;
  test: Split;
  description: string;
}

export interface Scenario {
  ruleId: string;
  title: string;
  claim: string;
  configs: readonly OutputConfig[];
}

export interface ScenarioResult {
  ruleId: string;
  title: string;
  claim: string;
  rows: RunResult[];
  extras: Record<string, unknown>;
  notes: string[];
}

export interface LogSoftmaxComparison {
  logits: number[];
  logOfSoftmax: number[];
  logSoftmax: number[];
  gradLogOfSoftmax: number[];
  gradLogSoftmax: number[];
  sigmoidInput: number;
  logOfSigmoid: number;
  logSigmoid: number;
  gradLogOfSigmoid: number;
  gradLogSigmoid: number;
}

export interface ReferenceComparison {
  ok: boolean;
  reasons: string[];
  candidate: RunResult;
  reference: RunResult;
}

export declare function initTf(): Promise<{ version: string; backend: string }>;
export declare function mulberry32(seed: number): () => number;
export declare function gaussianSampler(rng: () => number): () => number;
export declare function makeData(options?: EvidenceOptions): EvidenceData;

export declare const CUSTOM_LOSSES: Readonly<
  Record<
    'logOfSoftmaxCrossEntropy' | 'logSoftmaxCrossEntropy',
    (yTrue: tfType.Tensor, logits: tfType.Tensor) => tfType.Tensor
  >
>;
export declare function resolveLoss(loss: OutputConfig['loss']): {
  fn: string | ((...a: never[]) => unknown);
  name: string;
};
export declare function normalizeConfig(config: OutputConfig, options?: EvidenceOptions): NormalizedConfig;
export declare function describeConfig(config: OutputConfig): string;
export declare function buildModel(config: OutputConfig, options?: EvidenceOptions): tfType.Sequential;
export declare function expectedAccuracyMetric(config: OutputConfig): AccuracyMetric;
export declare function runConfig(config: OutputConfig, options?: EvidenceOptions): Promise<RunResult>;
/** runConfig memoised per process (configs with a function loss are not cached). Treat results as read-only. */
export declare function runConfigCached(config: OutputConfig, options?: EvidenceOptions): Promise<RunResult>;

export declare function doubleSoftmaxLossFloor(numClasses: number): number;
export declare function measuredDoubleSoftmaxFloor(numClasses: number): Promise<number>;
export declare function constantBinaryAccuracy(value: number, options?: EvidenceOptions): Promise<number>;
export declare function singleUnitSoftmaxCrossEntropyGradient(
  labels?: number[],
  logits?: number[],
): Promise<{ labels: number[]; logits: number[]; loss: number; gradient: number[] }>;
export declare function metricsOf(
  yTrueRows: number[][],
  yPredRows: number[][],
): Promise<{ binaryAccuracy: number; categoricalAccuracy: number }>;
export declare function logSoftmaxComparison(logits?: number[], sigmoidInput?: number): Promise<LogSoftmaxComparison>;

export declare const SCENARIOS: readonly Scenario[];
export declare const RULE_IDS: readonly string[];
export declare function getScenario(ruleId: string): Scenario;
export declare function referenceConfig(task?: 'multiclass' | 'binary', numClasses?: number): OutputConfig;
export declare function runScenario(ruleId: string, options?: EvidenceOptions): Promise<ScenarioResult>;
export declare function trainsAsWellAsReference(
  configFromDoc: OutputConfig,
  options?: EvidenceOptions & { margin?: number },
): Promise<ReferenceComparison>;

export declare function formatNumber(x: number | boolean | null | undefined, digits?: number): string;
export declare function renderScenarioBlock(result: ScenarioResult): string;
export declare function startMarker(ruleId: string): string;
export declare function endMarker(ruleId: string): string;
export declare const RULE_DOC_START: string;
export declare const RULE_DOC_END: string;
export declare const EVIDENCE_PATH: URL;
export declare function renderEvidenceMarkdown(
  results: ScenarioResult[],
  meta: {
    version: string;
    backend: string;
    options?: EvidenceOptions;
    dataDescription: string;
    binaryDataDescription?: string;
    reportedAccuracyKey?: string | null;
  },
): string;
export declare function quoteEvidence(ruleId: string, evidenceMarkdown?: string): string | null;
export declare function replaceRuleDocEvidence(docText: string, ruleId: string, block: string): string | null;
