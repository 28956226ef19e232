import noActivationBeforeLogitsLoss from './no-activation-before-logits-loss.js';

/** Every rule of the plugin, by id. Keep sorted. */
export const rules = {
  'no-activation-before-logits-loss': noActivationBeforeLogitsLoss,
};
