// expect: tfjs/no-categorical-loss-single-unit
// A yes/no spam filter with one output unit and a categorical loss: fit() throws far from here.
import * as tf from '@tensorflow/tfjs';

export function spamClassifier(features: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [features] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}
