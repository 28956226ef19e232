// expect: nothing
// Built here, compiled in train.js: the mismatch is reported there, naming this file.
import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES } from './config.js';

export function createModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [10] }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  return model;
}
