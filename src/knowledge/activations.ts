/**
 * What each activation produces: the table the rules read to know whether an output
 * is a probability, a logit or something else. Names come from the verified
 * registry in `names.ts`.
 */
import {
  ACTIVATION_ALSO_ACCEPTED_EQUIVALENT,
  isActivationString,
  isAlsoAcceptedActivation,
  type ActivationString,
} from './names.js';

export type ActivationOutput =
  /** A distribution over the last axis: rows sum to 1. */
  | 'distribution'
  /** Each unit independently in [0, 1] (sigmoid, hardSigmoid): a probability per unit. */
  | 'independent-probability'
  /** Log-probabilities (<= 0). */
  | 'log-probability'
  /** Unbounded real values: logits when a classifier ends with them. */
  | 'unbounded'
  /** Neither probabilities nor logits (relu, tanh, softplus ...): see `range`. */
  | 'other';

/** The values an activation can output, as [low, high] (bounds approximate where irrational). */
export type Range = readonly [low: number, high: number];

interface Row {
  readonly output: ActivationOutput;
  readonly range: Range;
}

const ALL: Range = [-Infinity, Infinity];

/**
 * Every activation string, and the activation-only layers no string equals
 * (`tf.layers.leakyReLU` ...; `fixedActivation` in layers.ts), by what they output.
 * Checked on TF.js 4.22 (elu and selu with their fixed alpha; gelu, swish and mish
 * dip below 0 near -1).
 */
const TABLE = {
  softmax: { output: 'distribution', range: [0, 1] },
  sigmoid: { output: 'independent-probability', range: [0, 1] },
  // Piecewise-linear sigmoid: [0, 1] per unit, a probability for binaryCrossentropy.
  hardSigmoid: { output: 'independent-probability', range: [0, 1] },
  logSoftmax: { output: 'log-probability', range: [-Infinity, 0] },
  linear: { output: 'unbounded', range: ALL },
  leakyReLU: { output: 'other', range: ALL },
  prelu: { output: 'other', range: ALL },
  relu: { output: 'other', range: [0, Infinity] },
  relu6: { output: 'other', range: [0, 6] },
  softplus: { output: 'other', range: [0, Infinity] },
  thresholdedReLU: { output: 'other', range: [0, Infinity] },
  elu: { output: 'other', range: [-1, Infinity] },
  selu: { output: 'other', range: [-1.76, Infinity] },
  gelu: { output: 'other', range: [-0.17, Infinity] },
  gelu_new: { output: 'other', range: [-0.17, Infinity] },
  swish: { output: 'other', range: [-0.28, Infinity] },
  mish: { output: 'other', range: [-0.31, Infinity] },
  tanh: { output: 'other', range: [-1, 1] },
  softsign: { output: 'other', range: [-1, 1] },
} as const satisfies Record<ActivationString | 'leakyReLU' | 'prelu' | 'thresholdedReLU', Row>;

export interface ActivationInfo {
  /** An activation string, or the factory name of an activation-only layer without one. */
  readonly name: string;
  readonly output: ActivationOutput;
  readonly range: Range;
}

export const ACTIVATIONS: ReadonlyMap<string, ActivationInfo> = new Map(
  Object.entries(TABLE).map(([name, row]: [string, Row]) => [name, { name, ...row }] as const),
);

/** True for an activation whose output is a probability per unit or per row. */
export function isProbabilityOutput(activation: string): boolean {
  const output = ACTIVATIONS.get(activation)?.output;
  return output === 'distribution' || output === 'independent-probability';
}

/**
 * True for a known activation whose values are neither probabilities nor
 * log-probabilities: linear logits, relu, tanh ... (undefined or unknown names: false).
 */
export function isNonProbabilityOutput(activation: string | undefined): boolean {
  const output = activation === undefined ? undefined : ACTIVATIONS.get(activation)?.output;
  return output === 'unbounded' || output === 'other';
}

/** The range as a message shows it: `values in [-1, 1]`, `values >= 0`, `any real values`. */
export function describeRange([low, high]: Range): string {
  if (low === -Infinity && high === Infinity) return 'any real values';
  if (high === Infinity) return `values >= ${low}`;
  if (low === -Infinity) return `values <= ${high}`;
  return `values in [${low}, ${high}]`;
}

/**
 * The canonical activation a config string gives, or undefined when TF.js rejects
 * it or it equals no activation string. TF.js also accepts some layer class names
 * ('Softmax', 'ReLU', 'ELU' ...; see names.ts for why): they map to the string they
 * equal on rank-2 outputs.
 */
export function canonicalActivation(name: string): string | undefined {
  if (isActivationString(name)) return name;
  if (isAlsoAcceptedActivation(name)) return ACTIVATION_ALSO_ACCEPTED_EQUIVALENT[name] ?? undefined;
  return undefined;
}
