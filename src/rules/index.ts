import noAccuracyOnRegression from './no-accuracy-on-regression.js';
import noActivationBeforeLogitsLoss from './no-activation-before-logits-loss.js';
import noBinaryCrossentropyMulticlass from './no-binary-crossentropy-multiclass.js';
import noCategoricalLossSingleUnit from './no-categorical-loss-single-unit.js';
import noFloatingFit from './no-floating-fit.js';
import noIgnoredOptions from './no-ignored-options.js';
import noLeakedTensor from './no-leaked-tensor.js';
import noMissingOutputActivation from './no-missing-output-activation.js';
import noSigmoidWithCategoricalLoss from './no-sigmoid-with-categorical-loss.js';
import noSingleUnitSoftmax from './no-single-unit-softmax.js';
import preferLogSoftmax from './prefer-log-softmax.js';
import validIdentifiers from './valid-identifiers.js';

/** Every rule of the plugin, by id. Keep sorted. */
export const rules = {
  'no-accuracy-on-regression': noAccuracyOnRegression,
  'no-activation-before-logits-loss': noActivationBeforeLogitsLoss,
  'no-binary-crossentropy-multiclass': noBinaryCrossentropyMulticlass,
  'no-categorical-loss-single-unit': noCategoricalLossSingleUnit,
  'no-floating-fit': noFloatingFit,
  'no-ignored-options': noIgnoredOptions,
  'no-leaked-tensor': noLeakedTensor,
  'no-missing-output-activation': noMissingOutputActivation,
  'no-sigmoid-with-categorical-loss': noSigmoidWithCategoricalLoss,
  'no-single-unit-softmax': noSingleUnitSoftmax,
  'prefer-log-softmax': preferLogSoftmax,
  'valid-identifiers': validIdentifiers,
};
