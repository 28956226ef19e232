// expect: nothing
const tf = require('@tensorflow/tfjs');

const IRIS_CLASSES = ['setosa', 'versicolor', 'virginica'];

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 10, activation: 'sigmoid', inputShape: [4] }));
  model.add(tf.layers.dense({ units: IRIS_CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

async function main(xTrain, yTrain, sample) {
  const model = buildModel();
  await model.fit(xTrain, yTrain, { epochs: 40 });
  // The output is already a distribution; argMax picks the class.
  const probs = model.predict(sample);
  return IRIS_CLASSES[probs.argMax(-1).dataSync()[0]];
}

module.exports = { main };
