// expect: nothing
// Correct: a per-pixel sigmoid decoder trained with binary cross-entropy (each pixel
// is its own yes/no probability), and a regression head.
import * as tf from '@tensorflow/tfjs';

export function decoder(latentDim) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 256, activation: 'relu', inputShape: [latentDim] }));
  model.add(tf.layers.dense({ units: 784, activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  return model;
}

export function regressor(isClassification) {
  const model = tf.sequential();
  model.add(
    tf.layers.dense({ units: isClassification ? 3 : 1, activation: isClassification ? 'softmax' : 'linear', inputShape: [8] }),
  );
  model.compile({ optimizer: 'adam', loss: isClassification ? 'categoricalCrossentropy' : 'meanSquaredError' });
  return model;
}
