// expect: tfjs/no-leaked-tensor
// expect: tfjs/no-leaked-tensor
// expect: tfjs/no-leaked-tensor
// A webcam classifier whose render loop leaks: the preprocessing chain, the scores and
// their argMax are never disposed, so 7 tensors pile up on every animation frame. `showTopClass`
// is the fixed version (everything inside tf.tidy, which returns a plain number).
import * as tf from '@tensorflow/tfjs';

const CLASSES = ['rock', 'paper', 'scissors'];
const model = await tf.loadLayersModel('model/model.json');
const video = document.getElementById('webcam');
const label = document.getElementById('label');

function classifyFrame() {
  const frame = tf.browser.fromPixels(video).resizeBilinear([224, 224]).toFloat().div(255).expandDims();
  const scores = model.predict(frame);
  label.textContent = CLASSES[scores.argMax(1).dataSync()[0]];
  requestAnimationFrame(classifyFrame);
}

function showTopClass() {
  const top = tf.tidy(() => {
    const frame = tf.browser.fromPixels(video).resizeBilinear([224, 224]).toFloat().div(255).expandDims();
    return model.predict(frame).argMax(1).dataSync()[0];
  });
  label.textContent = CLASSES[top];
  requestAnimationFrame(showTopClass);
}

requestAnimationFrame(document.body.dataset.fixed ? showTopClass : classifyFrame);
