/**
 * The constructs real TF.js code uses to build, hold and train models (issue 21 §2,
 * §4), each as a bug the rules report and a correct twin they stay silent on, under
 * both parsers. Every rule of the plugin runs (`configs.all`): a bug case names the
 * report it must give, a twin must give none at all. Reports are checked by rule and
 * line, not by message (messages belong to the rules' tests); every bug case's fixes
 * and suggestions also go through the reliability checks.
 */
import { describe, expect, it } from 'vitest';
import { checkFixes, lint, type ParserName } from '../reliability/harness.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;

interface Case {
  /** What the case shows. */
  name: string;
  code: string;
  /** `rule@line` of each report expected (rules without the `tfjs/` prefix); none: every rule stays silent. */
  reports: string[];
}

/** A softmax (or `act`) output layer and a compile with `loss`, for cases about where the model comes from. */
const denseOut = (act: string) => `tf.layers.dense({units: 10, inputShape: [4], activation: '${act}'})`;

const cases: Case[] = [
  // ---------------------------------------------------------------------------
  // Models nested as layers: the outer output is the last nested model's output.
  {
    name: 'GAN: gan.add(generator); gan.add(discriminator) with a sigmoid discriminator and a sigmoid logits loss',
    code:
      TF +
      `function makeGenerator() {
  const g = tf.sequential();
  g.add(tf.layers.dense({units: 16, inputShape: [8], activation: 'relu'}));
  return g;
}
function makeDiscriminator() {
  const d = tf.sequential();
  d.add(tf.layers.dense({units: 16, inputShape: [16], activation: 'relu'}));
  d.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  return d;
}
const discriminator = makeDiscriminator();
const gan = tf.sequential();
gan.add(makeGenerator());
gan.add(discriminator);
gan.compile({optimizer: 'adam', loss: tf.losses.sigmoidCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@10'],
  },
  {
    name: 'GAN twin: sigmoid discriminator trained with binaryCrossentropy, alone and inside the GAN',
    code:
      TF +
      `function makeDiscriminator() {
  const d = tf.sequential();
  d.add(tf.layers.dense({units: 16, inputShape: [16], activation: 'relu'}));
  d.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  return d;
}
const generator = tf.sequential({layers: [tf.layers.dense({units: 16, inputShape: [8], activation: 'relu'})]});
const discriminator = makeDiscriminator();
discriminator.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
const gan = tf.sequential();
gan.add(generator);
gan.add(discriminator);
gan.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
    reports: [],
  },
  {
    name: 'GAN: a 1-unit softmax discriminator inside the GAN compiled with a categorical loss',
    code:
      TF +
      `const d = tf.sequential();
d.add(tf.layers.dense({units: 16, inputShape: [16], activation: 'relu'}));
d.add(tf.layers.dense({units: 1, activation: 'softmax'}));
const gan = tf.sequential();
gan.add(tf.sequential({layers: [tf.layers.dense({units: 16, inputShape: [8]})]}));
gan.add(d);
gan.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    reports: ['no-categorical-loss-single-unit@8'],
  },
  {
    name: 'transfer learning: tf.sequential({layers: [base, head]}) with a softmax head and a logits loss',
    code:
      TF +
      `const base = tf.sequential({layers: [tf.layers.dense({units: 16, inputShape: [8], activation: 'relu'})]});
const head = tf.sequential({layers: [tf.layers.dense({units: 10, inputShape: [16], activation: 'softmax'})]});
const model = tf.sequential({layers: [base, head]});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@3'],
  },
  {
    name: 'transfer learning twin: a linear head with the logits loss',
    code:
      TF +
      `const base = tf.sequential({layers: [tf.layers.dense({units: 16, inputShape: [8], activation: 'relu'})]});
const head = tf.sequential({layers: [tf.layers.dense({units: 10, inputShape: [16]})]});
const model = tf.sequential({layers: [base, head]});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'functional API: a softmax model applied to an input is the output',
    code:
      TF +
      `const classifier = tf.sequential({layers: [${denseOut('softmax')}]});
const input = tf.input({shape: [4]});
const model = tf.model({inputs: input, outputs: classifier.apply(input)});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@2'],
  },
  {
    name: 'functional twin: a linear layer after the nested softmax model decides the output',
    code:
      TF +
      `const features = tf.sequential({layers: [${denseOut('softmax')}]});
const input = tf.input({shape: [4]});
const logits = tf.layers.dense({units: 3}).apply(features.apply(input));
const model = tf.model({inputs: input, outputs: logits});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'a loaded model nested as the last layer: its output is unknown, silent',
    code:
      TF +
      `const base = await tf.loadLayersModel('model.json');
const model = tf.sequential();
model.add(base);
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },

  // ---------------------------------------------------------------------------
  // Mutable storage.
  {
    name: 'this.model in an object assigned to X.prototype',
    code:
      TF +
      `function Net() {}
Net.prototype = {
  init() {
    this.model = tf.sequential();
    this.model.add(${denseOut('softmax')});
  },
  train() {
    this.model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
  },
};`,
    reports: ['no-activation-before-logits-loss@6'],
  },
  {
    name: 'this.model in a function constructor, compiled in a prototype method',
    code:
      TF +
      `function Net() {
  this.model = tf.sequential();
  this.model.add(${denseOut('softmax')});
}
Net.prototype.train = function () {
  this.model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
};`,
    reports: ['no-activation-before-logits-loss@4'],
  },
  {
    name: 'function constructor twin: a linear output with the logits loss',
    code:
      TF +
      `function Net() {
  this.model = tf.sequential();
  this.model.add(${denseOut('linear')});
}
Net.prototype.train = function () {
  this.model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
};`,
    reports: [],
  },
  {
    name: 'a plain function that is no constructor: its this is unknown, silent',
    code:
      TF +
      `function setup() {
  this.model = tf.sequential();
  this.model.add(${denseOut('softmax')});
  this.model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
}
setup.call(globalThis);`,
    reports: [],
  },
  {
    name: 'React: a model kept in useRef().current by an effect, compiled in a handler',
    code:
      TF +
      `import { useEffect, useRef } from 'react';
export function App() {
  const modelRef = useRef(null);
  useEffect(() => {
    const m = tf.sequential();
    m.add(${denseOut('softmax')});
    modelRef.current = m;
  }, []);
  return () => modelRef.current.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
}`,
    reports: ['no-activation-before-logits-loss@7'],
  },
  {
    name: 'useRef twin: a linear output with the logits loss',
    code:
      TF +
      `import { useEffect, useRef } from 'react';
export function App() {
  const modelRef = useRef(null);
  useEffect(() => {
    const m = tf.sequential();
    m.add(${denseOut('linear')});
    modelRef.current = m;
  }, []);
  return () => modelRef.current.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
}`,
    reports: [],
  },
  {
    name: 'let out = null assigned in both arms of if/else: both softmax',
    code:
      TF +
      `const input = tf.input({shape: [4]});
const h = tf.layers.dense({units: 8}).apply(input);
let out = null;
if (globalThis.big) {
  out = tf.layers.dense({units: 10, activation: 'softmax'}).apply(h);
} else {
  out = tf.layers.dense({units: 5, activation: 'softmax'}).apply(h);
}
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@6', 'no-activation-before-logits-loss@8'],
  },
  {
    name: 'if/else twin: both arms linear',
    code:
      TF +
      `const input = tf.input({shape: [4]});
let out;
if (globalThis.big) {
  out = tf.layers.dense({units: 10}).apply(input);
} else {
  out = tf.layers.dense({units: 5}).apply(input);
}
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'if/else twin: the arms and the loss chosen by the same condition pair up',
    code:
      TF +
      `const input = tf.input({shape: [4]});
const big = globalThis.big;
let out;
if (big) {
  out = tf.layers.dense({units: 10, activation: 'softmax'}).apply(input);
} else {
  out = tf.layers.dense({units: 5}).apply(input);
}
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: big ? 'categoricalCrossentropy' : tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },

  {
    name: 'let out assigned in every case of a switch with a throwing default',
    code:
      TF +
      `export function build(task) {
  const input = tf.input({shape: [4]});
  let out;
  switch (task) {
    case 'animals':
      out = tf.layers.dense({units: 10, activation: 'softmax'}).apply(input);
      break;
    case 'plants':
      out = tf.layers.dense({units: 5, activation: 'softmax'}).apply(input);
      break;
    default:
      throw new Error('unknown task');
  }
  const model = tf.model({inputs: input, outputs: out});
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
}`,
    reports: ['no-activation-before-logits-loss@7', 'no-activation-before-logits-loss@10'],
  },
  {
    name: 'switch twin: every case softmax with categoricalCrossentropy',
    code:
      TF +
      `export function build(task) {
  const input = tf.input({shape: [4]});
  let out;
  switch (task) {
    case 'animals':
      out = tf.layers.dense({units: 10, activation: 'softmax'}).apply(input);
      break;
    default:
      out = tf.layers.dense({units: 5, activation: 'softmax'}).apply(input);
      break;
  }
  const model = tf.model({inputs: input, outputs: out});
  model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
}`,
    reports: [],
  },

  // ---------------------------------------------------------------------------
  // Helpers called as methods.
  {
    name: 'this.prepare(model) in a class',
    code:
      TF +
      `class Trainer {
  prepare(model) {
    model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
  }
  run() {
    const model = tf.sequential();
    model.add(${denseOut('softmax')});
    this.prepare(model);
  }
}`,
    reports: ['no-activation-before-logits-loss@8'],
  },
  {
    name: 'precision: the method is also called on a receiver of unknown kind, so its parameter is unknown: silent',
    code:
      TF +
      `class Trainer {
  prepare(model) {
    model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
  }
  run() {
    const model = tf.sequential();
    model.add(${denseOut('softmax')});
    this.prepare(model);
  }
}
export function other(t, m) {
  t.prepare(m);
}`,
    reports: [],
  },
  {
    name: 'trainer.prepare(model) on an instance of the class, and this.compileModel(m) in a prototype method',
    code:
      TF +
      `class Trainer {
  prepare(model) {
    model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
  }
}
const model = tf.sequential();
model.add(${denseOut('softmax')});
new Trainer().prepare(model);
function Net() {
  this.model = tf.sequential({layers: [${denseOut('sigmoid')}]});
  this.compileModel(this.model);
}
Net.prototype.compileModel = function (m) {
  m.compile({optimizer: 'adam', loss: tf.losses.sigmoidCrossEntropy});
};`,
    reports: ['no-activation-before-logits-loss@8', 'no-activation-before-logits-loss@11'],
  },
  {
    name: 'instance and prototype method twin: linear outputs',
    code:
      TF +
      `class Trainer {
  prepare(model) {
    model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
  }
}
const model = tf.sequential();
model.add(${denseOut('linear')});
new Trainer().prepare(model);
function Net() {
  this.model = tf.sequential({layers: [${denseOut('linear')}]});
  this.compileModel(this.model);
}
Net.prototype.compileModel = function (m) {
  m.compile({optimizer: 'adam', loss: tf.losses.sigmoidCrossEntropy});
};`,
    reports: [],
  },
  {
    name: 'obj.compileWith(model) on an object literal',
    code:
      TF +
      `const helpers = {
  compileWith(model) {
    model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
  },
};
const model = tf.sequential();
model.add(${denseOut('softmax')});
helpers.compileWith(model);`,
    reports: ['no-activation-before-logits-loss@8'],
  },
  {
    name: 'object method twin: a linear model',
    code:
      TF +
      `const helpers = {
  compileWith: function (model) {
    model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
  },
};
const model = tf.sequential();
model.add(${denseOut('linear')});
helpers.compileWith(model);`,
    reports: [],
  },

  // ---------------------------------------------------------------------------
  // TF.js bound in other ways.
  {
    name: 'let tf; try { tf = require(gpu) } catch { tf = require(cpu) }',
    code: `let tf;
try { tf = require('@tensorflow/tfjs-node-gpu'); } catch (e) { tf = require('@tensorflow/tfjs-node'); }
const model = tf.sequential();
model.add(${denseOut('softmax')});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@4'],
  },
  {
    name: 'try/require twin: a linear output',
    code: `let tf;
try { tf = require('@tensorflow/tfjs-node-gpu'); } catch (e) { tf = require('@tensorflow/tfjs-node'); }
const model = tf.sequential();
model.add(${denseOut('linear')});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'a relative path into node_modules/@tensorflow/tfjs',
    code: `import * as tf from '../node_modules/@tensorflow/tfjs/dist/index.js';
const model = tf.sequential();
model.add(${denseOut('softmax')});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@3'],
  },
  {
    name: 'node_modules twin: a path into another package (@tensorflow/tfjs-vis) is not TF.js',
    code: `import * as tf from '../node_modules/@tensorflow/tfjs-vis/dist/index.js';
const model = tf.sequential();
model.add(${denseOut('softmax')});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'module let tf = await import() in an init function, read by another',
    code: `let tf;
async function init() { tf = await import('@tensorflow/tfjs'); }
async function train() {
  const model = tf.sequential();
  model.add(${denseOut('softmax')});
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
}
init().then(train);`,
    reports: ['no-activation-before-logits-loss@5'],
  },
  {
    name: 'const tf = await import() and its twin in one file: only the softmax one is reported',
    code: `export async function main() {
  const tf = await import('@tensorflow/tfjs');
  const a = tf.sequential();
  a.add(${denseOut('softmax')});
  a.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
  const b = tf.sequential();
  b.add(${denseOut('linear')});
  b.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
}`,
    reports: ['no-activation-before-logits-loss@4'],
  },
  {
    name: "import('@tensorflow/tfjs').then(tf => ...), and a destructured callback",
    code: `import('@tensorflow/tfjs').then((tf) => {
  const model = tf.sequential();
  model.add(${denseOut('softmax')});
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
});
import('@tensorflow/tfjs').then(({ sequential, layers, losses }) => {
  const model = sequential();
  model.add(layers.dense({units: 10, inputShape: [4]}));
  model.compile({optimizer: 'adam', loss: losses.softmaxCrossEntropy});
});`,
    reports: ['no-activation-before-logits-loss@3'],
  },
  {
    name: "the promise of import('@tensorflow/tfjs') kept in a const and read with .then(tf => ...)",
    code: `const tfReady = import('@tensorflow/tfjs');
tfReady.then((tf) => {
  const model = tf.sequential();
  model.add(${denseOut('softmax')});
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
});`,
    reports: ['no-activation-before-logits-loss@4'],
  },
  {
    name: 'promise twin: a linear output through the same kept promise',
    code: `const tfReady = import('@tensorflow/tfjs');
tfReady.then((tf) => {
  const model = tf.sequential();
  model.add(${denseOut('linear')});
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
});`,
    reports: [],
  },
  {
    name: "a module let holding import('@tensorflow/tfjs'), awaited in a function and in a class field",
    code: `let tfPromise = import('@tensorflow/tfjs');
export async function train() {
  const tf = await tfPromise;
  const model = tf.sequential();
  model.add(${denseOut('softmax')});
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
}
export class App {
  constructor() { this.ready = import('@tensorflow/tfjs'); }
  async train() {
    const { sequential, layers, losses } = await this.ready;
    const model = sequential();
    model.add(layers.dense({units: 10, inputShape: [4], activation: 'sigmoid'}));
    model.compile({optimizer: 'adam', loss: losses.softmaxCrossEntropy});
  }
}`,
    reports: ['no-activation-before-logits-loss@5', 'no-activation-before-logits-loss@13'],
  },
  {
    name: 'promise twin: the kept promise is of another module, so its callback parameter is not TF.js',
    code: `const ready = import('./my-tf-wrapper.js');
ready.then((tf) => {
  const model = tf.sequential();
  model.add(${denseOut('softmax')});
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
});
let other = import('@tensorflow/tfjs');
other = import('./elsewhere.js');
other.then((tf) => {
  const model = tf.sequential();
  model.add(${denseOut('softmax')});
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
});`,
    reports: [],
  },
  {
    name: "Promise.all([import('@tensorflow/tfjs'), ...]): destructured after await, and in .then(([tf]) => ...)",
    code: `export async function main() {
  const [tf, data] = await Promise.all([import('@tensorflow/tfjs'), fetch('/data.json')]);
  const model = tf.sequential();
  model.add(${denseOut('softmax')});
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
}
const ready = Promise.all([import('./ui.js'), import('@tensorflow/tfjs')]);
ready.then(([ui, tf]) => {
  const model = tf.sequential();
  model.add(${denseOut('sigmoid')});
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
});`,
    reports: ['no-activation-before-logits-loss@4', 'no-activation-before-logits-loss@10'],
  },
  {
    name: 'Promise.all twin: the element at the destructured position is another module (or unknown), not TF.js',
    code: `export async function main() {
  const [data, tf] = await Promise.all([import('@tensorflow/tfjs'), import('./my-tf-wrapper.js')]);
  const model = tf.sequential();
  model.add(${denseOut('softmax')});
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
}
Promise.all([...loaders, import('@tensorflow/tfjs')]).then(([tf]) => {
  const model = tf.sequential();
  model.add(${denseOut('softmax')});
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
});`,
    reports: [],
  },

  // ---------------------------------------------------------------------------
  // Early exits: a path that takes a `throw` (or a `return` of no model) shows no model to any caller.
  {
    name: 'a factory that throws for an unknown kind before its last add: the final softmax is reported where the loss applies softmax',
    code:
      TF +
      `function build(kind, probs) {
  const model = tf.sequential();
  if (kind === 'dense') {
    model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));
  } else if (kind === 'lstm') {
    model.add(tf.layers.lstm({units: 32, inputShape: [4, 8]}));
  } else {
    throw new Error('unknown kind');
  }
  model.add(tf.layers.dense({units: 10, activation: probs ? 'softmax' : 'linear'}));
  return model;
}
export function train(kind, probs) {
  const model = build(kind, probs);
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
}`,
    reports: ['no-activation-before-logits-loss@11'],
  },
  {
    name: 'exit twin: the same factory with a linear final layer; its relu and lstm branches are no outputs',
    code:
      TF +
      `function build(kind, probs) {
  const model = tf.sequential();
  if (kind === 'dense') {
    model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));
  } else if (kind === 'lstm') {
    model.add(tf.layers.lstm({units: 32, inputShape: [4, 8]}));
  } else {
    throw new Error('unknown kind');
  }
  model.add(tf.layers.dense({units: 10, activation: 'linear'}));
  return model;
}
export function train(kind, probs) {
  const model = build(kind, probs);
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
}`,
    reports: [],
  },
  {
    name: 'a factory that returns null early: the sigmoid added after it is the only output',
    code:
      TF +
      `function build(kind) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));
  if (!kind) return null;
  model.add(tf.layers.dense({units: 10, activation: 'sigmoid'}));
  return model;
}
export function train(kind) {
  const model = build(kind);
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
}`,
    reports: ['no-activation-before-logits-loss@6'],
  },
  {
    name: 'a factory that returns the model early: the model returned there is an output too',
    code:
      TF +
      `function build(simple) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));
  if (simple) {
    model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
    return model;
  }
  model.add(tf.layers.dense({units: 64, activation: 'relu'}));
  model.add(tf.layers.dense({units: 10}));
  return model;
}
export function train(simple) {
  const model = build(simple);
  model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
}`,
    reports: ['no-activation-before-logits-loss@6'],
  },
  {
    name: 'exit twin: both returned models correct; a throw then an if/else of two correct adds; `return;` from an init that keeps the model in this.model',
    code:
      TF +
      `function build(simple) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));
  if (simple) {
    model.add(tf.layers.dense({units: 10, activation: 'sigmoid'}));
    return model;
  }
  model.add(tf.layers.dense({units: 64, activation: 'relu'}));
  model.add(tf.layers.dense({units: 10, activation: 'sigmoid'}));
  return model;
}
export function train(simple) {
  const model = build(simple);
  model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
}
// this.model with return; in init: the early path leaves an empty model (unknown), final sigmoid + softmaxCE?
export class T {
  init(kind) {
    this.model = tf.sequential();
    if (kind === 'a') this.model.add(tf.layers.dense({units: 4, inputShape: [3], activation: 'relu'}));
    else if (kind === 'b') this.model.add(tf.layers.dense({units: 4, inputShape: [3], activation: 'tanh'}));
    else return;
    this.model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  }
  train() { this.model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'}); }
}
function buildClassifier(kind, clf) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [8]}));
  if (!kind) throw new Error('no kind');
  if (clf) model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
  else model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
  return model;
}
export function trainClassifier(kind, clf) {
  buildClassifier(kind, clf).compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
}`,
    reports: [],
  },

  // ---------------------------------------------------------------------------
  // Element-preserving ops between the activation and the loss.
  {
    name: 'softmax().squeeze() / reshape / expandDims fed to softmaxCrossEntropy',
    code:
      TF +
      `export function loss(yTrue, logits) {
  const probs = tf.softmax(logits).squeeze();
  return tf.losses.softmaxCrossEntropy(yTrue, tf.reshape(probs, [-1, 10]).expandDims(0));
}`,
    reports: ['no-activation-before-logits-loss@3'],
  },
  {
    name: 'squeeze twin: logits squeezed into softmaxCrossEntropy, probabilities into categoricalCrossentropy',
    code:
      TF +
      `export function loss(yTrue, logits) {
  const a = tf.losses.softmaxCrossEntropy(yTrue, logits.squeeze());
  const b = tf.metrics.categoricalCrossentropy(yTrue, tf.softmax(logits).squeeze());
  return a.add(b.mean());
}`,
    reports: [],
  },

  // ---------------------------------------------------------------------------
  // Merge layers as outputs.
  {
    name: 'skip-gram: a dot of two embeddings trained with binaryCrossentropy',
    code:
      TF +
      `const target = tf.input({shape: [1]});
const context = tf.input({shape: [1]});
const emb = tf.layers.embedding({inputDim: 1000, outputDim: 32});
const t = tf.layers.flatten().apply(emb.apply(target));
const c = tf.layers.flatten().apply(emb.apply(context));
const dot = tf.layers.dot({axes: 1}).apply([t, c]);
const model = tf.model({inputs: [target, context], outputs: dot});
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
    reports: ['no-missing-output-activation@7'],
  },
  {
    name: 'dot twin: a sigmoid activation layer after the dot',
    code:
      TF +
      `const target = tf.input({shape: [1]});
const context = tf.input({shape: [1]});
const emb = tf.layers.embedding({inputDim: 1000, outputDim: 32});
const t = tf.layers.flatten().apply(emb.apply(target));
const c = tf.layers.flatten().apply(emb.apply(context));
const dot = tf.layers.dot({axes: 1}).apply([t, c]);
const prob = tf.layers.activation({activation: 'sigmoid'}).apply(dot);
const model = tf.model({inputs: [target, context], outputs: prob});
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
    reports: [],
  },
  {
    name: 'concatenate of two softmax heads fed to softmaxCrossEntropy: softmax applied twice',
    code:
      TF +
      `const input = tf.input({shape: [4]});
const h1 = tf.layers.dense({units: 3, activation: 'softmax'}).apply(input);
const h2 = tf.layers.dense({units: 3, activation: 'softmax'}).apply(input);
const out = tf.layers.concatenate().apply([h1, h2]);
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: ['no-activation-before-logits-loss@5'],
  },
  {
    name: 'concatenate twin: two linear heads into softmaxCrossEntropy, and two softmax heads into categoricalCrossentropy',
    code:
      TF +
      `const input = tf.input({shape: [4]});
const h1 = tf.layers.dense({units: 3, activation: 'linear'}).apply(input);
const h2 = tf.layers.dense({units: 3, activation: 'linear'}).apply(input);
const out = tf.layers.concatenate().apply([h1, h2]);
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
const m2 = tf.model({inputs: input, outputs: tf.layers.concatenate().apply([
  tf.layers.dense({units: 3, activation: 'softmax'}).apply(input),
  tf.layers.dense({units: 3, activation: 'softmax'}).apply(input),
])});
m2.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    reports: [],
  },
  {
    name: 'concatenate of two sigmoid heads trained with categoricalCrossentropy',
    code:
      TF +
      `const input = tf.input({shape: [4]});
const h1 = tf.layers.dense({units: 3, activation: 'sigmoid'}).apply(input);
const h2 = tf.layers.dense({units: 3, activation: 'sigmoid'}).apply(input);
const out = tf.layers.concatenate().apply([h1, h2]);
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    reports: ['no-sigmoid-with-categorical-loss@5'],
  },
  {
    name: 'concatenate twin: sigmoid heads with binaryCrossentropy; mixed softmax and linear heads stay unknown',
    code:
      TF +
      `const input = tf.input({shape: [4]});
const h1 = tf.layers.dense({units: 3, activation: 'sigmoid'}).apply(input);
const h2 = tf.layers.dense({units: 3, activation: 'sigmoid'}).apply(input);
const out = tf.layers.concatenate().apply([h1, h2]);
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
const mixed = tf.layers.concatenate().apply([
  tf.layers.dense({units: 3, activation: 'softmax'}).apply(input),
  tf.layers.dense({units: 3}).apply(input),
]);
const m2 = tf.model({inputs: input, outputs: mixed});
m2.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`,
    reports: [],
  },
  {
    name: 'average of softmax models (an ensemble) over 10 classes trained with binaryCrossentropy',
    code:
      TF +
      `function member() {
  return tf.sequential({layers: [tf.layers.dense({units: 10, inputShape: [4], activation: 'softmax'})]});
}
const input = tf.input({shape: [4]});
const members = [member(), member()];
const out = tf.layers.average().apply([members[0].apply(input), members[1].apply(input)]);
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
    reports: ['no-binary-crossentropy-multiclass@9'],
  },
  {
    name: 'average twin: the softmax ensemble trained with categoricalCrossentropy',
    code:
      TF +
      `function member() {
  return tf.sequential({layers: [tf.layers.dense({units: 10, inputShape: [4], activation: 'softmax'})]});
}
const input = tf.input({shape: [4]});
const members = [member(), member()];
const out = tf.layers.average().apply([members[0].apply(input), members[1].apply(input)]);
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
    reports: [],
  },
  {
    name: 'maximum of two sigmoid heads fed to sigmoidCrossEntropy; concatenate of relu heads trained with binaryCrossentropy',
    code:
      TF +
      `const input = tf.input({shape: [4]});
const h1 = tf.layers.dense({units: 3, activation: 'sigmoid'}).apply(input);
const h2 = tf.layers.dense({units: 3, activation: 'sigmoid'}).apply(input);
const out = tf.layers.maximum().apply([h1, h2]);
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: tf.losses.sigmoidCrossEntropy});
const r = tf.layers.concatenate().apply([
  tf.layers.dense({units: 3, activation: 'relu'}).apply(input),
  tf.layers.dense({units: 3, activation: 'relu'}).apply(input),
]);
const m2 = tf.model({inputs: input, outputs: r});
m2.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
    reports: ['no-activation-before-logits-loss@5', 'no-missing-output-activation@8'],
  },
  {
    name: 'maximum twin: a maximum of softmaxes is no distribution (unknown); a sum of softmaxes is no raw score',
    code:
      TF +
      `const input = tf.input({shape: [4]});
const h1 = tf.layers.dense({units: 3, activation: 'softmax'}).apply(input);
const h2 = tf.layers.dense({units: 3, activation: 'softmax'}).apply(input);
const out = tf.layers.maximum().apply([h1, h2]);
const model = tf.model({inputs: input, outputs: out});
model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
const sum = tf.layers.add().apply([
  tf.layers.dense({units: 3, activation: 'softmax'}).apply(input),
  tf.layers.dense({units: 3, activation: 'softmax'}).apply(input),
]);
const m2 = tf.model({inputs: input, outputs: sum});
m2.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
    reports: [],
  },
  {
    name: 'multiply twin: a product of two sigmoid outputs is a probability, silent',
    code:
      TF +
      `const input = tf.input({shape: [4]});
const a = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(input);
const b = tf.layers.dense({units: 1, activation: 'sigmoid'}).apply(input);
const both = tf.layers.multiply().apply([a, b]);
const model = tf.model({inputs: input, outputs: both});
model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
    reports: [],
  },

  // ---------------------------------------------------------------------------
  // Values built by small functions and callbacks.
  {
    name: 'metrics: selected.map(toTfMetric), the switch default returning an unknown metric',
    code:
      TF +
      `function toTfMetric(m) {
  switch (m) {
    case 'acc': return 'accuracy';
    default: return 'recall';
  }
}
const selected = ['acc', 'rec'];
const model = tf.sequential();
model.add(${denseOut('softmax')});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: selected.map(toTfMetric)});`,
    reports: ['valid-identifiers@5'],
  },
  {
    name: "metrics map twin: no selected name reaches the switch's default",
    code:
      TF +
      `function toTfMetric(m) {
  switch (m) {
    case 'acc': return 'accuracy';
    default: return 'recall';
  }
}
const selected = ['acc'];
const model = tf.sequential();
model.add(${denseOut('softmax')});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: Array.from(selected, toTfMetric)});`,
    reports: [],
  },
  {
    name: 'metrics: a spread of a constant array',
    code:
      TF +
      `const BASE = ['accuracy'];
const model = tf.sequential();
model.add(${denseOut('softmax')});
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: [...BASE, 'recal']});`,
    reports: ['valid-identifiers@5'],
  },

  // ---------------------------------------------------------------------------
  // Width from the labels: fit throws unless the output is as wide as the one-hot depth.
  {
    name: 'softmax units a parameter, binaryCrossentropy, fit on tf.oneHot(labels, 9)',
    code:
      TF +
      `function build(n) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: n, inputShape: [4], activation: 'softmax'}));
  model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
  return model;
}
export async function train(xs, labels, n) {
  const model = build(n);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 9);
  await model.fit(xs, ys, {epochs: 5});
}`,
    reports: ['no-binary-crossentropy-multiclass@5'],
  },
  {
    name: 'width twin: the same model also trained on labels of unknown shape, silent',
    code:
      TF +
      `function build(n) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: n, inputShape: [4], activation: 'softmax'}));
  model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
  return model;
}
export async function train(xs, labels, ys2, n) {
  const model = build(n);
  await model.fit(xs, tf.oneHot(tf.tensor1d(labels, 'int32'), 9));
  await model.fit(xs, ys2);
}`,
    reports: [],
  },
  {
    name: 'width twin: two one-hot classes (binaryCrossentropy equals the categorical loss on two)',
    code:
      TF +
      `export async function train(xs, labels, n) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: n, inputShape: [4], activation: 'softmax'}));
  model.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
  await model.fit(xs, tf.oneHot(tf.tensor1d(labels, 'int32'), 2));
}`,
    reports: [],
  },

  // ---------------------------------------------------------------------------
  // §4: an activation of a tensor literal is a constant, not a training value.
  {
    name: 'tf.log(tf.sigmoid(x)) of a tensor literal in a unit test: silent',
    code:
      TF +
      `const x = tf.tensor2d([[1, 2], [3, -4]]);
const expected = tf.log(tf.sigmoid(x));
const alsoExpected = tf.log(tf.scalar(2).softmax());
expected.print();
alsoExpected.print();`,
    reports: [],
  },
  {
    name: 'tensor literal twin: the same of a tensor made from data is reported',
    code:
      TF +
      `export function f(data) {
  const x = tf.tensor2d(data);
  return tf.log(tf.sigmoid(x));
}`,
    reports: ['prefer-log-softmax@4'],
  },
];

const PARSERS: ParserName[] = ['espree', 'typescript'];

describe('real-world constructs', () => {
  for (const c of cases) {
    for (const parser of PARSERS) {
      it(`${c.name} (${parser})`, () => {
        const messages = lint(c.code, { parser });
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        const got = messages.map((m) => `${(m.ruleId ?? '').replace(/^tfjs\//, '')}@${m.line}`).sort();
        expect(got).toEqual([...c.reports].sort());
        if (c.reports.length > 0) expect(checkFixes(c.code, { parser }, messages).problems).toEqual([]);
      });
    }
  }
});
