/**
 * What every TF.js loss expects of the model output: the one table the rules read.
 *
 * Checked against the TF.js 4.22 source (tfjs-layers/src/losses.ts, metrics.ts;
 * tfjs-core/src/ops/losses/*) and by running the library (see docs/evidence.md).
 */

/** What a loss wants as `yPred`. */
export type LossInput =
  /** Raw scores; the loss applies the activation itself (fused, numerically stable). */
  | 'logits'
  /** Probabilities in [0, 1] (it clips and takes the log). */
  | 'probabilities'
  /** Any real value (regression, hinge, ...). */
  | 'raw';

/** Which class structure the loss assumes. */
export type LossClasses = 'exclusive' | 'independent' | 'none';

export interface LossInfo {
  /** Canonical key: the string name, or `losses.softmaxCrossEntropy` / `metrics.binaryCrossentropy`. */
  readonly key: string;
  /** How the loss is written in user code (for messages), e.g. `'categoricalCrossentropy'`. */
  readonly display: string;
  /** `string` for `compile({loss: 'name'})`, `function` for `tf.losses.*` / `tf.metrics.*`. */
  readonly form: 'string' | 'function';
  readonly input: LossInput;
  readonly classes: LossClasses;
  /** For logits losses: the activation the loss applies itself. */
  readonly fusedActivation?: 'softmax' | 'sigmoid';
  /** Labels are integer class ids (one unit of labels per example). */
  readonly sparse?: boolean;
  /** The probability loss with the same meaning, as a string accepted by `compile`. */
  readonly probabilityEquivalent?: string;
  /** The logits loss with the same meaning, as a `tf.losses` function. */
  readonly logitsEquivalent?: string;
  /**
   * A regression loss: the target is a number, not a class. `any` for any real
   * value (a linear output is the usual one); `positive` when it takes the log of it.
   */
  readonly regression?: 'any' | 'positive';
}

function entry(info: LossInfo): [string, LossInfo] {
  return [info.key, info];
}

const str = (name: string, input: LossInput, classes: LossClasses, extra: Partial<LossInfo> = {}): [string, LossInfo] =>
  entry({ key: name, display: `'${name}'`, form: 'string', input, classes, ...extra });

const fn = (
  ns: 'losses' | 'metrics',
  name: string,
  input: LossInput,
  classes: LossClasses,
  extra: Partial<LossInfo> = {},
): [string, LossInfo] =>
  entry({ key: `${ns}.${name}`, display: `tf.${ns}.${name}`, form: 'function', input, classes, ...extra });

/** Every loss the rules know, by key. */
export const LOSSES: ReadonlyMap<string, LossInfo> = new Map<string, LossInfo>([
  // `compile({loss: '...'})` strings (tfjs-layers lossesMap).
  str('categoricalCrossentropy', 'probabilities', 'exclusive', {
    logitsEquivalent: 'softmaxCrossEntropy',
  }),
  str('sparseCategoricalCrossentropy', 'probabilities', 'exclusive', { sparse: true }),
  str('binaryCrossentropy', 'probabilities', 'independent', {
    logitsEquivalent: 'sigmoidCrossEntropy',
  }),
  str('kullbackLeiblerDivergence', 'probabilities', 'none'),
  str('poisson', 'raw', 'none'),
  str('meanSquaredError', 'raw', 'none', { regression: 'any' }),
  str('meanAbsoluteError', 'raw', 'none', { regression: 'any' }),
  str('meanAbsolutePercentageError', 'raw', 'none', { regression: 'any' }),
  str('meanSquaredLogarithmicError', 'raw', 'none', { regression: 'positive' }),
  str('hinge', 'raw', 'none'),
  str('squaredHinge', 'raw', 'none'),
  str('categoricalHinge', 'raw', 'none'),
  str('logcosh', 'raw', 'none', { regression: 'any' }),
  str('cosineProximity', 'raw', 'none'),
  // tfjs-core `tf.losses.*`.
  fn('losses', 'softmaxCrossEntropy', 'logits', 'exclusive', {
    fusedActivation: 'softmax',
    probabilityEquivalent: 'categoricalCrossentropy',
  }),
  fn('losses', 'sigmoidCrossEntropy', 'logits', 'independent', {
    fusedActivation: 'sigmoid',
    probabilityEquivalent: 'binaryCrossentropy',
  }),
  fn('losses', 'logLoss', 'probabilities', 'independent', {
    logitsEquivalent: 'sigmoidCrossEntropy',
  }),
  fn('losses', 'meanSquaredError', 'raw', 'none', { regression: 'any' }),
  fn('losses', 'absoluteDifference', 'raw', 'none', { regression: 'any' }),
  fn('losses', 'huberLoss', 'raw', 'none', { regression: 'any' }),
  fn('losses', 'hingeLoss', 'raw', 'none'),
  fn('losses', 'cosineDistance', 'raw', 'none'),
  // tfjs-layers `tf.metrics.*` that are losses.
  fn('metrics', 'categoricalCrossentropy', 'probabilities', 'exclusive', {
    logitsEquivalent: 'softmaxCrossEntropy',
  }),
  fn('metrics', 'binaryCrossentropy', 'probabilities', 'independent', {
    logitsEquivalent: 'sigmoidCrossEntropy',
  }),
  fn('metrics', 'meanSquaredError', 'raw', 'none', { regression: 'any' }),
  fn('metrics', 'meanAbsoluteError', 'raw', 'none', { regression: 'any' }),
  fn('metrics', 'meanAbsolutePercentageError', 'raw', 'none', { regression: 'any' }),
  fn('metrics', 'cosineProximity', 'raw', 'none'),
]);

/** The loss for a `compile` string, or undefined when TF.js does not know the string. */
export function lossForString(name: string): LossInfo | undefined {
  const info = LOSSES.get(name);
  return info?.form === 'string' ? info : undefined;
}

/** The loss for a TF.js path such as `['losses', 'softmaxCrossEntropy']`. */
export function lossForPath(path: readonly string[]): LossInfo | undefined {
  if (path.length !== 2) return undefined;
  const info = LOSSES.get(`${path[0]}.${path[1]}`);
  return info?.form === 'function' ? info : undefined;
}

/** True for a loss that assumes one class per example (categorical). */
export const isCategorical = (loss: LossInfo): boolean => loss.classes === 'exclusive';

/**
 * What a categorical loss does on a 1-unit output (one class compared with itself),
 * run on TF.js 4.22 (see docs/evidence.md, no-categorical-loss-single-unit):
 * - `fit-throws-target-shape`: `fit` throws "You are passing a target array of shape
 *   N,1 while using a loss 'categorical_crossentropy'" (tfjs-layers
 *   `checkLossAndTargetCompatibility`, for the string loss only);
 * - `fit-throws-one-hot`: `fit` throws "Error in oneHot: depth must be >=2" (the
 *   sparse loss one-hot encodes the labels with depth = units);
 * - `zero-loss`: trains without an error at loss 0 (a softmax over one unit is 1;
 *   `tf.metrics.categoricalCrossentropy` divides the output by its own sum).
 */
export type SingleUnitEffect = 'fit-throws-target-shape' | 'fit-throws-one-hot' | 'zero-loss';

export const SINGLE_UNIT_EFFECT: ReadonlyMap<string, SingleUnitEffect> = new Map<string, SingleUnitEffect>([
  ['categoricalCrossentropy', 'fit-throws-target-shape'],
  ['sparseCategoricalCrossentropy', 'fit-throws-one-hot'],
  ['losses.softmaxCrossEntropy', 'zero-loss'],
  ['metrics.categoricalCrossentropy', 'zero-loss'],
]);
