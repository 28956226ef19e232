import noActivationBeforeLogitsLoss from './no-activation-before-logits-loss.js';
import noBinaryCrossentropyMulticlass from './no-binary-crossentropy-multiclass.js';
import noSigmoidWithCategoricalLoss from './no-sigmoid-with-categorical-loss.js';
import preferLogSoftmax from './prefer-log-softmax.js';
import validIdentifiers from './valid-identifiers.js';

/** Every rule of the plugin, by id. Keep sorted. */
export const rules = {
  'no-activation-before-logits-loss': noActivationBeforeLogitsLoss,
  'no-binary-crossentropy-multiclass': noBinaryCrossentropyMulticlass,
  'no-sigmoid-with-categorical-loss': noSigmoidWithCategoricalLoss,
  'prefer-log-softmax': preferLogSoftmax,
  'valid-identifiers': validIdentifiers,
};
