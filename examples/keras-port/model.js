// expect: tfjs/valid-identifiers
// expect: tfjs/valid-identifiers
// Ported from Keras: snake_case names that TF.js rejects at run time.
import * as tf from '@tensorflow/tfjs';

const model = tf.sequential();
model.add(tf.layers.dense({ units: 32, activation: 'hard_sigmoid', inputShape: [12] }));
model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });

export default model;
