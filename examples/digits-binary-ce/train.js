// expect: tfjs/no-binary-crossentropy-multiclass
// Ten exclusive digit classes trained with binary cross-entropy: 'accuracy' reports ~0.99.
import * as tf from '@tensorflow/tfjs-node';

const NUM_CLASSES = 10;

const model = tf.sequential({
  layers: [
    tf.layers.flatten({ inputShape: [28, 28, 1] }),
    tf.layers.dense({ units: 128, activation: 'relu' }),
    tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }),
  ],
});
model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });

export async function train(images, labels) {
  return model.fit(images, tf.oneHot(labels, NUM_CLASSES), { epochs: 3 });
}
