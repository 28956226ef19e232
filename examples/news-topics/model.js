// expect: tfjs/no-sigmoid-with-categorical-loss
// Topic classifier: one topic per article, but the output scores topics independently.
import * as tf from '@tensorflow/tfjs';

const TOPICS = ['world', 'sports', 'business', 'science'];

export function buildTopicModel(vocabSize) {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: 32, inputLength: 100 }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: TOPICS.length, activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}
