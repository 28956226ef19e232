// Types for scripts/evidence-training-calls.mjs (plain JavaScript), so TypeScript tests can import it.

export declare const TRAINING_CALL_RULE_IDS: readonly [
  'no-accuracy-on-regression',
  'no-floating-fit',
  'no-ignored-options',
];

export interface AccuracyOnRegression {
  keys: string[];
  loss: number;
  acc: number;
  mae: number;
  binaryAccuracyFromPredict: number;
  loss3: number;
  acc3: number;
  mae3: number;
  categoricalAccuracyFromPredict: number;
}
export declare function accuracyOnRegression(): Promise<AccuracyOnRegression>;

export interface FloatingFit {
  floatingPrediction: number;
  afterTraining: number;
  awaitedPrediction: number;
  /** `predict(1)` of the model saved right after a dropped `fit().then()` chain. */
  savedPrediction: number;
  /** Had the chain settled when `save()` ran? */
  doneAtSave: boolean;
  /** kernel * 1 + bias read by `getLayer(name).getWeights()` right after a dropped fit. */
  layerWeightsPrediction: number;
  /** `predict(1)` after `await learn()`, an async helper whose fit floats. */
  helperPrediction: number;
  loopRejections: string[];
  loopCalls: number;
}
export declare function floatingFit(): Promise<FloatingFit>;

export interface IgnoredOptions {
  misspelled: { epochs: number; batches: number };
  fixed: { epochs: number; batches: number };
  misspelledKernelNonZero: number;
  kernelSize: number;
  fixedKernelNonZero: number;
  secondInput: (number | null)[];
  warnings: string[];
}
export declare function ignoredOptions(): Promise<IgnoredOptions>;

export interface TrainingCallResult {
  ruleId: string;
  title: string;
  figures: unknown;
  block: string;
}
export declare function runTrainingCallScenario(ruleId: string): Promise<TrainingCallResult>;
export declare function renderTrainingCallSections(results: readonly TrainingCallResult[]): string;
