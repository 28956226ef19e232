// expect: tfjs/no-floating-fit
// The fit is not awaited: the prediction shown comes from the untrained model.
import * as tf from '@tensorflow/tfjs';

const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });

export async function run(output) {
  const xs = tf.tensor2d([0, 1, 2, 3], [4, 1]);
  const ys = tf.tensor2d([1, 3, 5, 7], [4, 1]);
  model.fit(xs, ys, { epochs: 250 });
  const prediction = model.predict(tf.tensor2d([4], [1, 1]));
  output.textContent = (await prediction.data())[0].toFixed(2);
}
