// expect: tfjs/no-accuracy-on-regression
// A price regression reported with 'accuracy': TF.js computes binaryAccuracy, about 0 here.
import * as tf from '@tensorflow/tfjs-node';

const FEATURES = 13;

export function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['accuracy'] });
  return model;
}

export async function train(houses) {
  const model = buildModel();
  const xs = tf.tensor2d(houses.map((h) => h.features));
  const ys = tf.tensor2d(houses.map((h) => [h.price]));
  await model.fit(xs, ys, { epochs: 50, validationSplit: 0.2 });
  return model;
}
