// expect: tfjs/no-single-unit-softmax
// Attention pooling over time steps, written with a 1-unit softmax: every weight is 1.
import * as tf from '@tensorflow/tfjs';

export function attentionModel(steps, features) {
  const input = tf.input({ shape: [steps, features] });
  const hidden = tf.layers.lstm({ units: 32, returnSequences: true }).apply(input);
  const scores = tf.layers.dense({ units: 1, activation: 'softmax' }).apply(hidden);
  const weighted = tf.layers.multiply().apply([hidden, scores]);
  const pooled = tf.layers.globalAveragePooling1d().apply(weighted);
  const output = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(pooled);
  const model = tf.model({ inputs: input, outputs: output });
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  return model;
}
