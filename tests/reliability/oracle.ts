/**
 * The oracle: for a generated program's specification, which rules must report.
 *
 * One entry per rule, in one place, written from the rule's specification (its doc
 * for rules that exist, the issue text for rules being written). `bug` judges one
 * path. A rule judged "on every path" reports when its bug holds on every path of
 * the program; a rule judged "on a real path" (`onPath`, docs/architecture.md) when
 * some buggy path's output or loss is a bug with everything it is paired with: the
 * other side certain, or chosen by the same condition. Two independent conditions
 * that would have to line up keep it silent.
 *
 * Entries for rules that are not registered yet are skipped (and counted), so they
 * light up when the rule is merged; adjust the entry then if its author decided an
 * overlap differently.
 */

export type Activation = 'softmax' | 'sigmoid' | 'linear' | 'relu';

/** Losses as the analysis keys them: compile strings, `losses.*`, `metrics.*`. */
export type LossKey =
  | 'categoricalCrossentropy'
  | 'sparseCategoricalCrossentropy'
  | 'binaryCrossentropy'
  | 'meanSquaredError'
  | 'losses.softmaxCrossEntropy'
  | 'losses.sigmoidCrossEntropy'
  | 'losses.logLoss'
  | 'losses.meanSquaredError'
  | 'metrics.categoricalCrossentropy'
  | 'metrics.binaryCrossentropy';

/** One path through the program: what the output is and what it is trained with. */
export interface PathFacts {
  readonly activation: Activation;
  readonly units: number;
  readonly loss: LossKey;
  /** The labels given to `fit` are provably `tf.oneHot(...)`. */
  readonly oneHotLabels: boolean;
  /** Trained by `compile` + `fit`, or by a custom loop calling the loss on `model.predict`. */
  readonly training: 'compile' | 'custom-loop';
  /** Which possibility of the output and of the loss this path takes (paths sharing one share that side). */
  readonly sides: readonly [number, number];
}

export interface OracleEntry {
  readonly rule: string;
  /** Is this path buggy by this rule? */
  readonly bug: (p: PathFacts) => boolean;
  /**
   * For a rule that defers to another one: false when the other rule owns the bug
   * (its bug holds on every path), even though `bug` holds.
   */
  readonly deferredTo?: (paths: readonly PathFacts[]) => boolean;
  /**
   * For a rule with two distinct bugs (and two messages): it reports when one of them
   * holds by its policy (on a path, or on every path).
   */
  readonly cases?: readonly ((p: PathFacts) => boolean)[];
  /**
   * Judged "on a real path" (the rule judges with `judgeOnPaths`): in `compile` pairs and in the
   * tensors a custom loop feeds its one loss call. With `cases`, it reports when one case holds on a path.
   */
  readonly onPath?: boolean;
}

const CATEGORICAL = new Set<LossKey>([
  'categoricalCrossentropy',
  'sparseCategoricalCrossentropy',
  'metrics.categoricalCrossentropy',
]);
const BINARY = new Set<LossKey>(['binaryCrossentropy', 'metrics.binaryCrossentropy']);
const PROBABILITY = new Set<LossKey>([...CATEGORICAL, ...BINARY, 'losses.logLoss']);
const LOGITS = new Set<LossKey>(['losses.softmaxCrossEntropy', 'losses.sigmoidCrossEntropy']);
const isProbability = (a: Activation) => a === 'softmax' || a === 'sigmoid';
/** Losses for mutually exclusive classes (the knowledge table's `classes: 'exclusive'`). */
const EXCLUSIVE = new Set<LossKey>([...CATEGORICAL, 'losses.softmaxCrossEntropy']);
/** no-binary-crossentropy-multiclass, first case: a softmax over more than 2 units. */
const softmaxBinary = (p: PathFacts) =>
  p.training === 'compile' &&
  (BINARY.has(p.loss) || p.loss === 'losses.logLoss') &&
  p.activation === 'softmax' &&
  p.units > 2;
/** Second case: a sigmoid over more than one unit, fit with one-hot labels. */
const oneHotSigmoidBinary = (p: PathFacts) =>
  p.training === 'compile' &&
  (BINARY.has(p.loss) || p.loss === 'losses.logLoss') &&
  p.activation === 'sigmoid' &&
  p.units > 1 &&
  p.oneHotLabels;
/** no-categorical-loss-single-unit's bug on one path. */
const singleUnitCategorical = (p: PathFacts) => p.units === 1 && EXCLUSIVE.has(p.loss);

export const ORACLE: readonly OracleEntry[] = [
  {
    // docs/rules/no-activation-before-logits-loss.md: softmax/sigmoid output (any units)
    // into tf.losses.softmaxCrossEntropy / sigmoidCrossEntropy, via compile or a custom loop.
    rule: 'no-activation-before-logits-loss',
    onPath: true,
    bug: (p) =>
      isProbability(p.activation) && LOGITS.has(p.loss) && !(p.training === 'compile' && singleUnitCategorical(p)),
  },
  {
    // Sigmoid output with more than one unit + a categorical loss (string, metrics, or wrapper).
    rule: 'no-sigmoid-with-categorical-loss',
    onPath: true,
    bug: (p) => p.training === 'compile' && p.activation === 'sigmoid' && p.units > 1 && CATEGORICAL.has(p.loss),
  },
  {
    // Softmax over more than 2 units + binary cross-entropy; or sigmoid over more than one
    // unit + binary cross-entropy when the fit labels are provably one-hot. Never on 2-unit softmax.
    rule: 'no-binary-crossentropy-multiclass',
    onPath: true,
    bug: (p) => softmaxBinary(p) || oneHotSigmoidBinary(p),
    cases: [softmaxBinary, oneHotSigmoidBinary],
  },
  {
    // Softmax over a single unit (dense activation or a softmax layer after it): always 1.
    // A compiled 1-unit output with a categorical loss on every path is reported once, at
    // the loss, by no-categorical-loss-single-unit (docs/rules/no-single-unit-softmax.md).
    rule: 'no-single-unit-softmax',
    onPath: true,
    bug: (p) => p.activation === 'softmax' && p.units === 1,
    deferredTo: (paths) => paths.every((p) => p.training === 'compile' && singleUnitCategorical(p)),
  },
  {
    // An output that is not a probability (linear or relu) + a loss that takes probabilities;
    // a 1-unit categorical case belongs to no-categorical-loss-single-unit.
    rule: 'no-missing-output-activation',
    onPath: true,
    // Compile and custom loops (a probability loss called on model.predict()).
    bug: (p) =>
      (p.activation === 'linear' || p.activation === 'relu') &&
      PROBABILITY.has(p.loss) &&
      !(p.units === 1 && CATEGORICAL.has(p.loss)),
  },
  {
    // A categorical loss on a single-unit output, in compile or called on model.predict().
    rule: 'no-categorical-loss-single-unit',
    onPath: true,
    bug: singleUnitCategorical,
  },
];

/**
 * "On a real path": some buggy path whose output possibility, or loss possibility, is
 * a bug on every path that takes it.
 */
function onSomePath(bug: (p: PathFacts) => boolean, paths: readonly PathFacts[]): boolean {
  const fixedBy = (side: 0 | 1, p: PathFacts) => paths.filter((q) => q.sides[side] === p.sides[side]).every(bug);
  return paths.some((p) => bug(p) && (fixedBy(0, p) || fixedBy(1, p)));
}

/** The oracle's verdict: the rule reports iff its bug holds by the rule's policy (and there is a path). */
export function mustReport(entry: OracleEntry, paths: readonly PathFacts[]): boolean {
  if (paths.length === 0) return false;
  const holds = (bug: (p: PathFacts) => boolean) => (entry.onPath ? onSomePath(bug, paths) : paths.every(bug));
  return (entry.cases ? entry.cases.some(holds) : holds(entry.bug)) && !entry.deferredTo?.(paths);
}
