/**
 * What `metrics: ['accuracy']` means on a regression output, from tfjs-layers 4.22
 * engine/training.js `compile()` (checked by running it, see docs/evidence.md):
 * 'accuracy' and 'acc' become, per output, `binaryAccuracy` when the output's last
 * axis has 1 unit or the loss is the `binaryCrossentropy` function, else
 * `sparseCategoricalAccuracy` for `sparseCategoricalCrossentropy`, else
 * `categoricalAccuracy`. A regression loss has neither, so the output's width decides.
 */
import { ACTIVATIONS } from './activations.js';

/** Metric strings `compile()` turns into an accuracy. */
export const ACCURACY_STRINGS: ReadonlySet<string> = new Set(['accuracy', 'acc']);

/** `tf.metrics` accuracy functions (`tf.metrics.binaryAccuracy`) that measure classification. */
export const ACCURACY_FUNCTIONS: ReadonlySet<string> = new Set(['binaryAccuracy', 'categoricalAccuracy']);

/** The accuracy TF.js computes for 'accuracy' on a regression output with `units` units (undefined: unknown). */
export function resolvedAccuracy(units: number | undefined): 'binaryAccuracy' | 'categoricalAccuracy' | undefined {
  if (units === undefined) return undefined;
  return units === 1 ? 'binaryAccuracy' : 'categoricalAccuracy';
}

/**
 * Activations whose outputs are unbounded above (canonical names): the output of a
 * regression. Sigmoid, softmax, tanh and the like are left out: with them an MSE
 * model is often a classifier trained on 0/1 labels, where accuracy means something.
 */
export const UNBOUNDED_ACTIVATIONS: ReadonlySet<string> = new Set(
  [...ACTIVATIONS.values()].filter((a) => a.range[1] === Infinity).map((a) => a.name),
);
