// expect: tfjs/prefer-log-softmax
// A hand-written loss takes log(softmax(x)), which is -Infinity for large logits;
// the temperature sampling below (log of predicted probabilities) is correct.
import * as tf from '@tensorflow/tfjs';

export function sequenceLoss(labels, logits) {
  return tf.neg(tf.sum(tf.mul(labels, tf.log(tf.softmax(logits))), -1)).mean();
}

export function sample(model, input, temperature) {
  return tf.tidy(() => {
    const probs = model.predict(input);
    const scaled = tf.div(tf.log(probs), temperature);
    return tf.multinomial(scaled, 1, null, false);
  });
}
