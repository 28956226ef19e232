import noActivationBeforeLogitsLoss from './no-activation-before-logits-loss.js';
import noCategoricalLossSingleUnit from './no-categorical-loss-single-unit.js';
import noMissingOutputActivation from './no-missing-output-activation.js';
import noSingleUnitSoftmax from './no-single-unit-softmax.js';

/** Every rule of the plugin, by id. Keep sorted. */
export const rules = {
  'no-activation-before-logits-loss': noActivationBeforeLogitsLoss,
  'no-categorical-loss-single-unit': noCategoricalLossSingleUnit,
  'no-missing-output-activation': noMissingOutputActivation,
  'no-single-unit-softmax': noSingleUnitSoftmax,
};
