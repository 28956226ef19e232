/**
 * What each activation produces: the table the rules read to know whether an output
 * is a probability, a logit or something else. Names come from the verified
 * registry in `names.ts`.
 */
import {
  ACTIVATION_ALSO_ACCEPTED_EQUIVALENT,
  ACTIVATION_STRINGS,
  isActivationString,
  isAlsoAcceptedActivation,
  type ActivationString,
} from './names.js';

export type ActivationOutput =
  /** A distribution over the last axis: rows sum to 1. */
  | 'distribution'
  /** Each unit independently in (0, 1). */
  | 'independent-probability'
  /** Log-probabilities (<= 0). */
  | 'log-probability'
  /** Unbounded real values: logits when a classifier ends with them. */
  | 'unbounded'
  /** Anything else (relu, tanh, hardSigmoid ...): neither probabilities nor logits. */
  | 'other';

const OUTPUT: Readonly<Partial<Record<ActivationString, ActivationOutput>>> = {
  softmax: 'distribution',
  sigmoid: 'independent-probability',
  logSoftmax: 'log-probability',
  linear: 'unbounded',
};

export interface ActivationInfo {
  readonly name: ActivationString;
  readonly output: ActivationOutput;
}

export const ACTIVATIONS: ReadonlyMap<string, ActivationInfo> = new Map(
  ACTIVATION_STRINGS.map((name) => [name, { name, output: OUTPUT[name] ?? 'other' }] as const),
);

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
