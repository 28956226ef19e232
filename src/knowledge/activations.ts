/**
 * What each activation produces: the table the rules read to know whether an output
 * is a probability, a logit or something else.
 */

export type ActivationOutput =
  /** A distribution over the last axis: rows sum to 1. */
  | 'distribution'
  /** Each unit independently in (0, 1). */
  | 'independent-probability'
  /** Log-probabilities (<= 0). */
  | 'log-probability'
  /** Unbounded real values: logits when a classifier ends with them. */
  | 'unbounded'
  /** Bounded but not probabilities (tanh, softsign, hardSigmoid ...). */
  | 'other';

export interface ActivationInfo {
  /** Canonical TF.js name. */
  readonly name: string;
  readonly output: ActivationOutput;
}

const table: readonly ActivationInfo[] = [
  { name: 'softmax', output: 'distribution' },
  { name: 'sigmoid', output: 'independent-probability' },
  { name: 'logSoftmax', output: 'log-probability' },
  { name: 'linear', output: 'unbounded' },
  { name: 'relu', output: 'other' },
  { name: 'relu6', output: 'other' },
  { name: 'elu', output: 'other' },
  { name: 'selu', output: 'other' },
  { name: 'softplus', output: 'other' },
  { name: 'softsign', output: 'other' },
  { name: 'tanh', output: 'other' },
  { name: 'hardSigmoid', output: 'other' },
  { name: 'gelu', output: 'other' },
  { name: 'gelu_new', output: 'other' },
  { name: 'mish', output: 'other' },
  { name: 'swish', output: 'other' },
];

export const ACTIVATIONS: ReadonlyMap<string, ActivationInfo> = new Map(
  table.map((a) => [a.name, a]),
);

/**
 * The canonical activation for a config string as TF.js resolves it, or undefined
 * when TF.js would reject it. TF.js looks identifiers up after converting
 * snake_case to camelCase only for its serialization names, and accepts the
 * class names of its activations ('Softmax', 'ReLU', ...) as well; the rules only
 * need the canonical names, so capitalised class names map onto them.
 */
export function canonicalActivation(name: string): string | undefined {
  if (ACTIVATIONS.has(name)) return name;
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  if (ACTIVATIONS.has(lower)) return lower;
  if (name === 'ReLU') return 'relu';
  if (name === 'ReLU6') return 'relu6';
  return undefined;
}
