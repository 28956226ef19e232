/**
 * What the output of a merge layer (`tf.layers.concatenate`, `average` ...) is, from
 * what its inputs are: the table the output resolver reads when a model's output is
 * a merge. Checked on TF.js 4.22 (CPU) with two 3-unit outputs: an `average` of
 * softmaxes sums to 1 per row; a `concatenate` of softmaxes sums to 2 (one
 * distribution per input, side by side); a `maximum` / `minimum` of softmaxes sums to
 * neither; a `maximum`, `concatenate` or `average` of sigmoids stays in [0, 1].
 */
import { ACTIVATIONS, type ActivationOutput } from './activations.js';

export type MergeValues =
  /** The mean of the inputs (`average`): within every input's range; a mean of distributions is one. */
  | 'mean'
  /** Each value is one input's value at that place (`maximum`, `minimum`): within its range; rows no longer sum to 1. */
  | 'select'
  /** The inputs side by side (`concatenate`): each value is an input's; a row holds one distribution per input. */
  | 'join'
  /** Sums, differences, dot products (`add`, `subtract`, `dot`): scores, unbounded (a `dot` of embeddings is a logit). */
  | 'score';

export interface MergeInfo {
  readonly values: MergeValues;
  /** The inputs all have the output's shape, so the output's width is theirs. */
  readonly keepsWidth: boolean;
}

/**
 * The merge layers the analysis follows. Not `multiply`: a product keeps [0, 1]
 * (two sigmoids: a probability) but not other ranges (tanh · tanh, elu · elu), and as
 * an output it is mostly a gate of mixed inputs; its output stays unknown.
 */
export const MERGES: ReadonlyMap<string, MergeInfo> = new Map<string, MergeInfo>([
  ['average', { values: 'mean', keepsWidth: true }],
  ['maximum', { values: 'select', keepsWidth: true }],
  ['minimum', { values: 'select', keepsWidth: true }],
  ['concatenate', { values: 'join', keepsWidth: false }],
  ['add', { values: 'score', keepsWidth: false }],
  ['subtract', { values: 'score', keepsWidth: false }],
  ['dot', { values: 'score', keepsWidth: false }],
]);

/**
 * The kinds of activation output a merge keeps when every input has the same
 * activation: the merged output then reads as that activation. A `join` of softmaxes
 * keeps "probabilities that a softmax made" (a logits loss still applies softmax to
 * them) but is no distribution over its whole width: its width is never known
 * (`keepsWidth`), so no rule counts classes on it. A mean of log-softmaxes is no
 * log-distribution.
 */
const KEEPS: Readonly<Record<Exclude<MergeValues, 'score'>, ReadonlySet<ActivationOutput>>> = {
  mean: new Set(['distribution', 'independent-probability', 'unbounded', 'other']),
  select: new Set(['independent-probability', 'unbounded', 'other']),
  join: new Set(['distribution', 'independent-probability', 'unbounded', 'other']),
};

/** Activation kinds whose values a sum or product of scores no longer is (probabilities, log-probabilities). */
const NOT_SCORES: ReadonlySet<ActivationOutput> = new Set([
  'distribution',
  'independent-probability',
  'log-probability',
]);

/**
 * The activation the output of `merge` reads as, given its inputs' activations
 * (undefined where an input is unknown), or undefined when it is not known: inputs
 * of different activations, an unknown input, or a merge that changes what they are.
 * A `score` merge is `linear` unless an input is known to be a probability (a sum of
 * two softmaxes is 2 per row, which `categoricalCrossentropy` renormalises).
 */
export function mergedActivation(merge: MergeInfo, inputs: readonly (string | undefined)[]): string | undefined {
  if (merge.values === 'score') {
    const kept = inputs.some((a) => {
      const kind = a === undefined ? undefined : ACTIVATIONS.get(a)?.output;
      return kind !== undefined && NOT_SCORES.has(kind);
    });
    return kept ? undefined : 'linear';
  }
  const first = inputs[0];
  if (first === undefined || inputs.length < 2 || inputs.some((a) => a !== first)) return undefined;
  const kind = ACTIVATIONS.get(first)?.output;
  return kind !== undefined && KEEPS[merge.values].has(kind) ? first : undefined;
}
