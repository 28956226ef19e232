import noActivationBeforeLogitsLoss from './no-activation-before-logits-loss.js';
import preferLogSoftmax from './prefer-log-softmax.js';
import validIdentifiers from './valid-identifiers.js';

/** Every rule of the plugin, by id. Keep sorted. */
export const rules = {
  'no-activation-before-logits-loss': noActivationBeforeLogitsLoss,
  'prefer-log-softmax': preferLogSoftmax,
  'valid-identifiers': validIdentifiers,
};
