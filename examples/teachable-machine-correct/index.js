// expect: nothing
// Correct code that looks wrong: binary cross-entropy over a 2-way softmax equals the
// categorical loss (the Teachable Machine codelab does exactly this).
import * as tf from '@tensorflow/tfjs';

export function buildHead(numClasses, truncatedMobileNet) {
  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: truncatedMobileNet.outputs[0].shape.slice(1) }),
      tf.layers.dense({ units: 100, activation: 'relu' }),
      tf.layers.dense({ units: numClasses, activation: 'softmax' }),
    ],
  });
  const loss = numClasses === 2 ? 'binaryCrossentropy' : 'categoricalCrossentropy';
  model.compile({ optimizer: tf.train.adam(0.0001), loss });
  return model;
}

export const twoClass = () => {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 2, activation: 'softmax', inputShape: [4] }));
  model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
};
