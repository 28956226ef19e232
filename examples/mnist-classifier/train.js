// expect: tfjs/no-activation-before-logits-loss
import * as tf from '@tensorflow/tfjs-node';

const NUM_CLASSES = 10;

function createModel() {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  return model;
}

export async function train(xs, ys) {
  const model = createModel();
  model.compile({
    optimizer: tf.train.adam(1e-3),
    loss: tf.losses.softmaxCrossEntropy,
    metrics: ['accuracy'],
  });
  await model.fit(xs, ys, { epochs: 5, batchSize: 64 });
  return model;
}
