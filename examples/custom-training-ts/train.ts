// expect: tfjs/no-activation-before-logits-loss
import * as tf from '@tensorflow/tfjs';

export class Classifier {
  private readonly w: tf.Variable;
  private readonly b: tf.Variable;
  private readonly optimizer = tf.train.sgd(0.1);

  constructor(inputs: number, classes: number) {
    this.w = tf.variable(tf.randomNormal([inputs, classes], 0, 0.1));
    this.b = tf.variable(tf.zeros([classes]));
  }

  logits(xs: tf.Tensor2D): tf.Tensor2D {
    return tf.add(tf.matMul(xs, this.w), this.b) as tf.Tensor2D;
  }

  step(xs: tf.Tensor2D, ys: tf.Tensor2D): void {
    this.optimizer.minimize(() => {
      const z = this.logits(xs);
      return tf.losses.softmaxCrossEntropy(ys, tf.softmax(z)) as tf.Scalar;
    });
  }
}
