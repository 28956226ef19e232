// expect: tfjs/no-missing-output-activation
// The last dense layer has no activation: raw scores fed to a loss that wants probabilities.
import * as tf from '@tensorflow/tfjs';

const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [20] }));
model.add(tf.layers.dense({ units: 5 }));
model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

export default model;
