/**
 * Who else reads a model output than its loss: what decides whether an edit of the
 * output (removing its activation) or of the loss (a string that changes what
 * `'accuracy'` computes) is right. Shared by rules that offer such edits.
 */
import type { FileAnalysis } from '../analysis/index.js';
import type { KnownPair } from './judge-paths.js';

/**
 * Does something besides the loss read this output as probabilities, so that removing
 * the activation would break it? A wrapper function that reads its prediction more
 * than once (`pt = sum(yTrue * yPred)` in a focal loss), or a metric that is not an
 * argmax (`binaryAccuracy`, AUC, a custom function: all read the values).
 */
export function readsProbabilitiesElsewhere(analysis: FileAnalysis, pair: KnownPair): boolean {
  const wrapper = pair.loss.via === 'wrapper' ? pair.loss.wrapper : undefined;
  if (pair.loss.via === 'wrapper') {
    const param = wrapper?.params[1];
    if (!wrapper || param?.type !== 'Identifier') return true;
    const variable = analysis.sourceCode.getDeclaredVariables(wrapper).find((v) => v.name === param.name);
    if (!variable || variable.references.length !== 1) return true;
  }
  return analysis
    .metricsOf(pair.site, pair.output.name)
    .some((m) => !m.value.complete || m.value.names.some((name) => !isArgmaxMetric(name, pair.output.units)));
}

/** Metrics that only compare the argmax of the output (TF.js resolves 'accuracy' so for a logits loss on 2+ units). */
function isArgmaxMetric(name: string, units: number | undefined): boolean {
  if (name === 'categoricalAccuracy' || name === 'sparseCategoricalAccuracy') return true;
  return (name === 'accuracy' || name === 'acc') && units !== undefined && units > 1;
}

/** Could `metrics` hold `'accuracy'` for this output on some path? */
export function mayTrackAccuracy(analysis: FileAnalysis, pair: KnownPair): boolean {
  return analysis
    .metricsOf(pair.site, pair.output.name)
    .some((m) => !m.value.complete || m.value.names.some((name) => name === 'accuracy' || name === 'acc'));
}
