// expect: tfjs/no-ignored-options
// `epoch` is not a fit option: TF.js trains one epoch and says nothing (--fix renames it).
import * as tf from '@tensorflow/tfjs-node';

const model = tf.sequential();
model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [6] }));
model.add(tf.layers.dense({ units: 1 }));
model.compile({ optimizer: 'adam', loss: 'meanAbsoluteError', metrics: ['mse'] });

export async function train(readings, targets) {
  return model.fit(readings, targets, { epoch: 40, batchSize: 16, validationSplit: 0.1 });
}
