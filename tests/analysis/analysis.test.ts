/**
 * Unit tests of the shared analysis: for each import style, build style and
 * cross-function path, what the analysis says the compiled model's output is
 * (activation/units) and which loss it is trained with. `?` is unknown.
 */
import { describe, expect, it } from 'vitest';
import { analyze, compiledOutputs, PARSERS } from '../helpers/analyze.js';

const MODEL = `
const model = tf.sequential();
model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [4]}));
model.add(tf.layers.dense({units: 10, activation: 'softmax'}));
model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
`;

describe.each(PARSERS)('analysis (%s parser)', (parser) => {
  const outputs = (code: string, settings?: Record<string, unknown>) => {
    const a = analyze(code, { parser, settings });
    return a ? compiledOutputs(a) : null;
  };

  describe('TF.js names', () => {
    it.each([
      ['import * as tf', `import * as tf from '@tensorflow/tfjs';`],
      ['default import', `import tf from '@tensorflow/tfjs';`],
      ['tfjs-node', `import * as tf from '@tensorflow/tfjs-node';`],
      ['tfjs-node-gpu', `import * as tf from '@tensorflow/tfjs-node-gpu';`],
      ['require', `const tf = require('@tensorflow/tfjs');`],
      ['page global', ``],
    ])('resolves %s', (_name, header) => {
      expect(outputs(header + MODEL)).toEqual([[['softmax/10 + categoricalCrossentropy']]]);
    });

    it('resolves named imports and aliases', () => {
      const code = `
import {sequential, layers as L} from '@tensorflow/tfjs-layers';
const m = sequential();
m.add(L.dense({units: 3, activation: 'sigmoid', inputShape: [2]}));
m.compile({optimizer: 'sgd', loss: 'binaryCrossentropy'});`;
      expect(outputs(code)).toEqual([[['sigmoid/3 + binaryCrossentropy']]]);
    });

    it('resolves destructuring of tf and require', () => {
      const code = `
const tfl = require('@tensorflow/tfjs');
const {layers, sequential} = tfl;
const {dense} = layers;
const m = sequential({layers: [dense({units: 5, inputShape: [3]})]});
m.compile({optimizer: 'sgd', loss: 'meanSquaredError'});`;
      expect(outputs(code)).toEqual([[['linear/5 + meanSquaredError']]]);
    });

    it('resolves computed members with constant keys', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
const m = tf['sequential']();
m.add(tf['layers'].dense({units: 4, activation: 'softmax', inputShape: [2]}));
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
      expect(outputs(code)).toEqual([[['softmax/4 + categoricalCrossentropy']]]);
    });

    it('ignores a local tf that is not TF.js', () => {
      // (With a relative import and a compile call the file is analysed, for models of other files.)
      expect(outputs(`import * as tf from './my-tf';` + MODEL) ?? []).toEqual([]);
      expect(outputs(`function f(tf) {${MODEL}}`)).toBeNull();
      // A file that does use TF.js, with a local tf from elsewhere in one function.
      expect(outputs(`import '@tensorflow/tfjs';\nfunction f(tf) {${MODEL}}`)).toEqual([]);
    });

    it('bails out on files without TF.js', () => {
      expect(outputs(`const model = build(); model.compile({loss: 'x'});`)).toBeNull();
    });

    it('turns the page global off with settings.tfjs.globals: []', () => {
      expect(outputs(MODEL, { tfjs: { globals: [] } })).toBeNull();
    });

    it('accepts extra modules from settings.tfjs.modules', () => {
      expect(outputs(`import * as tf from 'my-tf';` + MODEL, { tfjs: { modules: ['my-tf'] } })).toEqual([
        [['softmax/10 + categoricalCrossentropy']],
      ]);
    });

    it('does not read TF.js names from comments or strings', () => {
      expect(outputs(`// import * as tf from '@tensorflow/tfjs'\nconst s = "tf.sequential()";`)).toEqual([]);
    });
  });

  describe('values', () => {
    it('folds constants, template literals, arithmetic and LABELS.length', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
const LABELS = ['a', 'b', 'c', 'd'];
const ACT = 'soft' + 'max';
let hidden = 8;
const m = tf.sequential();
m.add(tf.layers.dense({units: hidden * 2, inputShape: [3]}));
m.add(tf.layers.dense({units: LABELS.length, activation: \`\${ACT}\`}));
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
      expect(outputs(code)).toEqual([[['softmax/4 + categoricalCrossentropy']]]);
    });

    it('does not fold the length of arrays changed after their initializer; objects see the writes before the read', () => {
      // `cfg.activation = 'sigmoid'` runs before the read; `cfg2` is handed to unknown code first.
      const code = `
import * as tf from '@tensorflow/tfjs';
const CLASSES = [];
for (const c of loadClasses()) CLASSES.push(c);
const cfg = {units: 3, activation: 'softmax'};
cfg.activation = 'sigmoid';
const cfg2 = {units: 3, activation: 'softmax'};
adjust(cfg2);
const m = tf.sequential();
m.add(tf.layers.dense({units: CLASSES.length, activation: 'softmax', inputShape: [3]}));
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
const m2 = tf.sequential();
m2.add(tf.layers.dense(cfg));
m2.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
const m3 = tf.sequential();
m3.add(tf.layers.dense(cfg2));
m3.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
      expect(outputs(code)).toEqual([
        [['softmax/? + categoricalCrossentropy']],
        [['sigmoid/3 + categoricalCrossentropy']],
        [['?/? + categoricalCrossentropy']],
      ]);
    });

    it('reads a const as its initializer, also where code assigns it (the assignment throws)', () => {
      // `ACT = 'sigmoid'` throws a TypeError: no read of ACT ever sees 'sigmoid'.
      // A `let` assigned the same way is the last write before the read.
      const code = `
import * as tf from '@tensorflow/tfjs';
const ACT = 'softmax';
let act = 'softmax';
function change() { ACT = 'sigmoid'; }
act = 'sigmoid';
const m = tf.sequential();
m.add(tf.layers.dense({units: 3, activation: ACT, inputShape: [3]}));
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
const m2 = tf.sequential();
m2.add(tf.layers.dense({units: 3, activation: act, inputShape: [3]}));
m2.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
      expect(outputs(code)).toEqual([
        [['softmax/3 + categoricalCrossentropy']],
        [['sigmoid/3 + categoricalCrossentropy']],
      ]);
    });

    it('reads a variable set in another function as that value or the one it had before', () => {
      // \`useSigmoid\` may never run: ACT is 'softmax' or 'sigmoid'. A placeholder
      // (\`let model;\`, \`= null\`) is not an alternative: compiling it would throw.
      const code = `
import * as tf from '@tensorflow/tfjs';
let ACT = 'softmax';
let model = null;
function useSigmoid() { ACT = 'sigmoid'; }
function build() {
  model = tf.sequential();
  model.add(tf.layers.dense({units: 3, activation: 'softmax', inputShape: [3]}));
}
build();
model.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
const m2 = tf.sequential();
m2.add(tf.layers.dense({units: 3, activation: ACT, inputShape: [3]}));
m2.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
      expect(outputs(code)).toEqual([
        [['softmax/3 + categoricalCrossentropy']],
        [['softmax/3 + categoricalCrossentropy', 'sigmoid/3 + categoricalCrossentropy']],
      ]);
    });

    it('drops null and undefined models set by other functions: compiling one would throw', () => {
      // model is null until build() (or after reset()): only the built model reaches compile.
      const code = `
import * as tf from '@tensorflow/tfjs';
let model = null;
function reset() { model = null; }
function build() {
  model = tf.sequential();
  model.add(tf.layers.dense({units: 3, activation: 'softmax', inputShape: [3]}));
  model.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
}
build();
model.compile({optimizer: 'sgd', loss: 'binaryCrossentropy'});`;
      expect(outputs(code)).toEqual([[['softmax/3 + categoricalCrossentropy']], [['softmax/3 + binaryCrossentropy']]]);
    });

    it('folds ternaries with constant conditions', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
const N = 2;
const m = tf.sequential();
m.add(tf.layers.dense({units: N, activation: N > 1 ? 'softmax' : 'sigmoid', inputShape: [3]}));
m.compile({optimizer: 'sgd', loss: N === 2 ? 'binaryCrossentropy' : 'categoricalCrossentropy'});`;
      expect(outputs(code)).toEqual([[['softmax/2 + binaryCrossentropy']]]);
    });

    it('treats parameters without call sites as unknown', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
export function build(units, act) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units, activation: act, inputShape: [3]}));
  m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
}`;
      expect(outputs(code)).toEqual([[['?/? + categoricalCrossentropy']]]);
    });

    it('reads a variable written under conditions as a choice of its writes', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
export function build(a, b) {
  let act = 'linear';
  if (a) act = 'softmax';
  if (b) act = 'sigmoid';
  const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: act, inputShape: [2]})]});
  m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
}`;
      expect(outputs(code)).toEqual([
        [
          [
            'sigmoid/3 + categoricalCrossentropy',
            'softmax/3 + categoricalCrossentropy',
            'linear/3 + categoricalCrossentropy',
          ],
        ],
      ]);
    });

    it('treats spreads as unknown unless the property is written after them', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
export function build(cfg) {
  const m = tf.sequential();
  m.add(tf.layers.dense({...cfg, units: 3}));
  m.add(tf.layers.dense({activation: 'softmax', ...cfg, units: 3}));
  m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
}`;
      expect(outputs(code)).toEqual([[['?/3 + categoricalCrossentropy']]]);
    });
  });

  describe('build styles', () => {
    it('reads tf.sequential({layers}) followed by model.add in order', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
const m = tf.sequential({layers: [tf.layers.dense({units: 8, inputShape: [2], activation: 'relu'})]});
m.add(tf.layers.dense({units: 3, activation: 'softmax'}));
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
      expect(outputs(code)).toEqual([[['softmax/3 + categoricalCrossentropy']]]);
    });

    it('looks through activation layers, dropout, flatten and timeDistributed', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
const m = tf.sequential();
m.add(tf.layers.timeDistributed({layer: tf.layers.dense({units: 7})}));
m.add(tf.layers.activation({activation: 'softmax'}));
m.add(tf.layers.dropout({rate: 0.1}));
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
const m2 = tf.sequential();
m2.add(tf.layers.dense({units: 5, inputShape: [3]}));
m2.add(tf.layers.softmax());
m2.add(tf.layers.flatten());
m2.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
      // A flatten after the softmax keeps its values (still a softmax output), but may
      // change the last axis's width (it is unknown without shapes).
      expect(outputs(code)).toEqual([
        [['softmax/7 + categoricalCrossentropy']],
        [['softmax/? + categoricalCrossentropy']],
      ]);
    });

    it('reads the functional API with a reassigned let and outputs arrays', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
const input = tf.input({shape: [4]});
let x = tf.layers.dense({units: 8, activation: 'relu'}).apply(input);
x = tf.layers.dense({units: 3}).apply(x);
x = tf.layers.activation({activation: 'softmax'}).apply(x);
const reg = tf.layers.dense({units: 1}).apply(input);
const model = tf.model({inputs: input, outputs: [x, reg]});
model.compile({optimizer: 'adam', loss: ['categoricalCrossentropy', 'meanSquaredError']});`;
      expect(outputs(code)).toEqual([[['softmax/3 + categoricalCrossentropy'], ['linear/1 + meanSquaredError']]]);
    });

    it('reads models made with the classes behind tf.sequential and tf.model (new tf.Sequential, new tf.LayersModel)', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
import {Sequential} from '@tensorflow/tfjs-layers';
const s = new tf.Sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [4]})]});
s.add(tf.layers.dense({units: 2, activation: 'sigmoid'}));
s.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});
const input = tf.input({shape: [4]});
const out = tf.layers.dense({units: 5}).apply(input);
const f = new tf.LayersModel({inputs: input, outputs: out});
f.compile({optimizer: 'adam', loss: 'meanSquaredError'});
const t = new Sequential();
t.add(tf.layers.dense({units: 4, activation: 'softmax', inputShape: [4]}));
t.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
// Other TF.js classes are not models.
const o = new tf.Variable(tf.zeros([2]));
o.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`;
      expect(outputs(code)).toEqual([
        [['sigmoid/2 + binaryCrossentropy']],
        [['linear/5 + meanSquaredError']],
        [['softmax/4 + categoricalCrossentropy']],
      ]);
    });

    it('places the layers of new tf.Sequential({layers}) like those of tf.sequential({layers}), used or not', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
export function f() { return new tf.Sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]}), tf.layers.softmax()]}); }
export function g() { return tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]}), tf.layers.softmax()]}); }
export function h() { return new tf['Sequential']({layers: [tf.layers.dense({units: 1, inputShape: [4]}), tf.layers.softmax()]}); }`;
      const a = analyze(code, { parser })!;
      // Each softmax layer's input is the 1-unit dense before it.
      const widths = a.layerCalls
        .filter((l) => l.factory === 'softmax')
        .map((l) => a.inputLayerOf(l).map((p) => p.value?.call.loc.start.column));
      expect(widths).toEqual([[57], [53], [60]]);
    });

    it('matches loss objects to outputs by layer name', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
const input = tf.input({shape: [4]});
const a = tf.layers.dense({units: 3, activation: 'softmax', name: 'cls'}).apply(input);
const b = tf.layers.dense({units: 1, name: 'reg'}).apply(input);
const model = tf.model({inputs: input, outputs: [a, b]});
model.compile({optimizer: 'adam', loss: {reg: 'meanSquaredError', cls: 'categoricalCrossentropy'}});`;
      expect(outputs(code)).toEqual([[['softmax/3 + categoricalCrossentropy'], ['linear/1 + meanSquaredError']]]);
    });

    it('treats adds in loops as maybe-run and keeps the unconditional last add', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
const m = tf.sequential();
for (let i = 0; i < 3; i++) m.add(tf.layers.dense({units: 8, activation: 'relu', inputShape: [2]}));
m.add(tf.layers.dense({units: 4, activation: 'softmax'}));
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
      expect(outputs(code)).toEqual([[['softmax/4 + categoricalCrossentropy']]]);
    });

    it('keeps both branches of an if/else around the output add', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
export function build(isClf) {
  const m = tf.sequential();
  m.add(tf.layers.dense({units: 8, activation: 'relu', inputShape: [2]}));
  if (isClf) {
    m.add(tf.layers.dense({units: 4, activation: 'softmax'}));
  } else {
    m.add(tf.layers.dense({units: 1}));
  }
  m.compile({optimizer: 'sgd', loss: isClf ? 'categoricalCrossentropy' : 'meanSquaredError'});
}`;
      // Only consistent pairs: the crossed ones are never formed.
      expect(outputs(code)).toEqual(
        [[['linear/1 + meanSquaredError', 'softmax/4 + categoricalCrossentropy']]].map((s) => s.map((o) => o.sort())),
      );
    });

    it('treats loaded models as unknown', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
async function main() {
  const m = await tf.loadLayersModel('file://model.json');
  m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});
}`;
      expect(outputs(code)).toEqual([[['? + losses.softmaxCrossEntropy']]]);
    });
  });

  describe('control flow and time', () => {
    it('pairs a compile only with the adds that ran before it in the same function', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
export function build(useLogits) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 10, inputShape: [784]}));
  if (useLogits) {
    model.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});
    return model;
  }
  model.add(tf.layers.softmax());
  model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
  return model;
}
const m = tf.sequential();
m.add(tf.layers.dense({units: 4, inputShape: [2]}));
m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});
m.add(tf.layers.softmax());
m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
      expect(outputs(code)).toEqual([
        [['linear/10 + losses.softmaxCrossEntropy']],
        [['softmax/10 + categoricalCrossentropy']],
        [['linear/4 + losses.softmaxCrossEntropy']],
        [['softmax/4 + categoricalCrossentropy']],
      ]);
    });

    it('treats an add after an early return as one that may not run', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
function createModel(logits) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 10, inputShape: [8]}));
  if (logits) return model;
  model.add(tf.layers.softmax());
  return model;
}
createModel(true).compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`;
      expect(outputs(code)![0]![0]!.sort()).toEqual([
        'linear/10 + losses.softmaxCrossEntropy',
        'softmax/10 + losses.softmaxCrossEntropy',
      ]);
    });

    it('does not follow models whose layers change through pop() or a named helper', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
function addHead(m) {
  m.add(tf.layers.activation({activation: 'softmax'}));
}
const a = tf.sequential();
a.add(tf.layers.dense({units: 10, inputShape: [8]}));
addHead(a);
a.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
const b = tf.sequential();
b.add(tf.layers.dense({units: 10, inputShape: [8]}));
b.add(tf.layers.dense({units: 10, activation: 'softmax'}));
b.pop();
b.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});`;
      expect(outputs(code)).toEqual([[['? + categoricalCrossentropy']], [['? + losses.softmaxCrossEntropy']]]);
    });

    it('orders a factory caller after the factory, wherever each is written', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
function main() {
  const model = createBase();
  model.add(tf.layers.dense({units: 3, activation: 'softmax'}));
  model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
}
function createBase() {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 16, activation: 'relu', inputShape: [4]}));
  return model;
}`;
      expect(outputs(code)).toEqual([[['softmax/3 + categoricalCrossentropy']]]);
    });

    it('does not count reshape, flatten or a bidirectional wrapper as keeping the width', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
const a = tf.sequential();
a.add(tf.layers.dense({units: 1, inputShape: [20, 8]}));
a.add(tf.layers.reshape({targetShape: [20]}));
a.add(tf.layers.softmax());
a.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
const b = tf.sequential();
b.add(tf.layers.bidirectional({layer: tf.layers.lstm({units: 1}), inputShape: [5, 3]}));
b.add(tf.layers.softmax());
b.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`;
      expect(outputs(code)).toEqual([
        [['softmax/? + categoricalCrossentropy']],
        [['softmax/? + categoricalCrossentropy']],
      ]);
    });
  });

  describe('across functions', () => {
    it('follows a model returned by a factory', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
function createModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 10, activation: 'softmax', inputShape: [4]}));
  return model;
}
const model = createModel();
model.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});`;
      expect(outputs(code)).toEqual([[['softmax/10 + categoricalCrossentropy']]]);
    });

    it('follows a model returned inside an object, by an arrow and a class method', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
const build = () => {
  const model = tf.sequential({layers: [tf.layers.dense({units: 6, activation: 'sigmoid', inputShape: [2]})]});
  return {model, name: 'x'};
};
const {model} = build();
model.compile({optimizer: 'sgd', loss: 'binaryCrossentropy'});
class Trainer {
  makeModel() {
    return tf.sequential({layers: [tf.layers.dense({units: 2, activation: 'softmax', inputShape: [2]})]});
  }
  train() {
    const m = this.makeModel();
    m.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
  }
}`;
      expect(outputs(code)).toEqual([[['sigmoid/6 + binaryCrossentropy']], [['softmax/2 + categoricalCrossentropy']]]);
    });

    it('follows a model passed to a compile helper when all call sites agree', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
function compileModel(model) {
  model.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
}
const a = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [2]})]});
compileModel(a);`;
      expect(outputs(code)).toEqual([[['softmax/3 + categoricalCrossentropy']]]);
    });

    it('keeps every call site of a compile helper as an alternative', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
function compileModel(model) {
  model.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
}
compileModel(tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [2]})]}));
compileModel(tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [2]})]}));`;
      expect(outputs(code)![0]![0]!.sort()).toEqual([
        'linear/3 + categoricalCrossentropy',
        'softmax/3 + categoricalCrossentropy',
      ]);
    });

    it('follows this.model and module variables', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
let shared;
function init() {
  shared = tf.sequential();
  shared.add(tf.layers.dense({units: 4, activation: 'softmax', inputShape: [2]}));
}
function train() {
  shared.compile({optimizer: 'sgd', loss: 'categoricalCrossentropy'});
}
class Agent {
  constructor() {
    this.model = tf.sequential();
    this.model.add(tf.layers.dense({units: 2, activation: 'sigmoid', inputShape: [2]}));
  }
  train() {
    this.model.compile({optimizer: 'sgd', loss: 'binaryCrossentropy'});
  }
}`;
      expect(outputs(code)).toEqual([[['softmax/4 + categoricalCrossentropy']], [['sigmoid/2 + binaryCrossentropy']]]);
    });
  });

  describe('losses', () => {
    it('resolves tf.losses / tf.metrics references and wrappers', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
const m = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [2]})]});
m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});
m.compile({optimizer: 'sgd', loss: tf.metrics.categoricalCrossentropy});
m.compile({optimizer: 'sgd', loss: (y, p) => tf.losses.sigmoidCrossEntropy(y, p).mean()});
function myLoss(yTrue, yPred) {
  return tf.losses.softmaxCrossEntropy(yTrue, yPred, undefined, 0.1)${parser === 'typescript' ? ' as any' : ''};
}
m.compile({optimizer: 'sgd', loss: myLoss});
m.compile({optimizer: 'sgd', loss: (y, p) => tf.losses.softmaxCrossEntropy(p, y)});`;
      expect(outputs(code)).toEqual([
        [['linear/3 + losses.softmaxCrossEntropy']],
        [['linear/3 + metrics.categoricalCrossentropy']],
        [['linear/3 + losses.sigmoidCrossEntropy']],
        [['linear/3 + losses.softmaxCrossEntropy']],
        // Arguments swapped: not a wrapper of yPred.
        [['linear/3 + ?']],
      ]);
    });
  });

  describe('tensors in custom code', () => {
    it('knows where a prediction fed to a loss comes from', () => {
      const code = `
import * as tf from '@tensorflow/tfjs';
const model = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [2]})]});
const probs = (z) => tf.softmax(z);
class Fake { softmax() { return 1; } }
function step(xs, ys, z) {
  tf.losses.softmaxCrossEntropy(ys, model.predict(xs));
  tf.losses.softmaxCrossEntropy(ys, probs(z));
  tf.losses.softmaxCrossEntropy(ys, z.sigmoid());
  tf.losses.softmaxCrossEntropy(ys, tf.matMul(xs, z).softmax());
  tf.losses.softmaxCrossEntropy(ys, new Fake().softmax());
}`;
      const a = analyze(code, { parser })!;
      const kinds = a.lossCalls.map((c) =>
        a
          .tensorPossibilities(c.prediction)
          .map((t) =>
            t.tensor
              ? t.tensor.origin === 'model-output'
                ? `model:${t.output?.activation}`
                : `${t.tensor.origin}:${t.tensor.op ?? ''}`
              : '?',
          ),
      );
      expect(kinds).toEqual([['model:softmax'], ['activation-op:softmax'], ['?'], ['activation-op:softmax'], ['?']]);
    });

    it('follows a prediction of a model set by another function, not the undefined before it', () => {
      // \`let model;\` is undefined until build() runs; predict() on undefined throws, so
      // only the built model's output can reach the loss. ACT, read the same way, is
      // either undefined (the default) or 'sigmoid'.
      const code = `
import * as tf from '@tensorflow/tfjs';
let model;
let ACT;
function build() {
  model = tf.sequential();
  model.add(tf.layers.dense({units: 10, activation: 'softmax', inputShape: [4]}));
}
function useSigmoid() { ACT = 'sigmoid'; }
function train(x, y) {
  tf.losses.softmaxCrossEntropy(y, model.predict(x));
  tf.losses.sigmoidCrossEntropy(y, tf.layers.dense({units: 1, activation: ACT}).apply(x));
}`;
      const a = analyze(code, { parser })!;
      const prediction = a.tensorPossibilities(a.lossCalls[0]!.prediction);
      expect(
        prediction.map((t) => (t.tensor?.origin === 'model-output' ? `model:${t.output?.activation}` : '?')),
      ).toEqual(['model:softmax']);
      const act = a.valueOf(a.sourceCode.getNodeByRangeIndex(code.lastIndexOf('ACT}'))! as never);
      expect(
        act.kind === 'choice'
          ? act.options.map((o) => (o.value.kind === 'const' ? String(o.value.value) : '?'))
          : act.kind,
      ).toEqual(['undefined', 'sigmoid']);
    });
  });
});

// Very large inputs, under one parser (they test the evaluator, not the parser).
describe('analysis of very large files', () => {
  const outputsOf = (code: string) => {
    const a = analyze(code);
    return a ? compiledOutputs(a) : null;
  };

  it('gives up (unknown, no stack overflow) on thousands of conditional writes', () => {
    // Each write used to nest the choice one level deeper: 10,000 overflowed the stack.
    const code = `
import * as tf from '@tensorflow/tfjs';
let m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [2]})]});
${'if (Math.random() > 0.5) m = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [2]})]});\n'.repeat(10_000)}
m.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});`;
    // m is unknown, so the compile call is not a known model's compile site.
    expect(outputsOf(code)).toEqual([]);
  });

  it('reads a 10,000-long reassignment chain in linear time', () => {
    // Every read used to scan every write of the variable: quadratic in the chain length
    // (12 s for this file where ESLint alone takes 2 s).
    const code = `
import * as tf from '@tensorflow/tfjs';
function grow(m) { m.add(tf.layers.dense({units: 3, activation: 'softmax'})); return m; }
let x = tf.sequential();
${'x = grow(x);\n'.repeat(10_000)}
x.compile({optimizer: 'sgd', loss: tf.losses.softmaxCrossEntropy});`;
    const started = performance.now();
    expect(analyze(code)).not.toBeNull();
    const ms = performance.now() - started;
    const baseline = performance.now();
    analyze(code.replace('@tensorflow/tfjs', 'not-tfjs'));
    // Parsing and scope analysis dominate; the analysis may not add more than twice as much again.
    expect(ms).toBeLessThan(3 * (performance.now() - baseline) + 1000);
  });
});

describe('analysis (TypeScript only)', () => {
  it('resolves TypeScript import-equals require', () => {
    const a = analyze(`import tf = require('@tensorflow/tfjs');` + MODEL, { parser: 'typescript' });
    expect(compiledOutputs(a!)).toEqual([[['softmax/10 + categoricalCrossentropy']]]);
  });
});
