import rule from '../../src/rules/no-floating-fit.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const MODEL = `const model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});\n`;
const AWAIT_IT = 'Await it';
const TOP_LEVEL = 'Await it, or continue in `.then()` (no fix is offered at module level)';
const NOT_ASYNC = 'Await it in an async function (this one is not, so no fix is offered), or continue in `.then()`';
const NOT_ASYNC_CHAIN =
  'Await it in an async function (this one is not, so no fix is offered), or use the model inside the callback';
const DROPPED = 'returns a promise that is dropped here';
const CHAIN_DROPPED = 'is neither awaited nor returned here';
const CALL = (method: string) => `\`${method}()\` call`;

runRule('no-floating-fit', rule, {
  valid: [
    // Awaited, returned, assigned, chained, or explicitly discarded with `void`.
    TF + MODEL + `export async function run(xs, ys) { await model.fit(xs, ys, {epochs: 5}); model.predict(xs); }`,
    TF + MODEL + `export function run(xs, ys) { return model.fit(xs, ys).then(() => model.predict(xs)); }`,
    TF + MODEL + `export function run(xs, ys) { const h = model.fit(xs, ys); model.predict(xs); return h; }`,
    TF + MODEL + `export function run(xs, ys) { void model.fit(xs, ys); model.predict(xs); }`,
    // Fire and forget: results reach the app through callbacks; nothing uses the model after it here.
    TF +
      MODEL +
      `export function run(xs, ys, show) { model.fit(xs, ys, {epochs: 50, callbacks: {onEpochEnd: (e, logs) => show(logs.loss)}}); }`,
    // A later use inside a callback, which runs when training has ended or at any time.
    TF + MODEL + `export function run(xs, ys, button) { model.fit(xs, ys); button.onclick = () => model.predict(xs); }`,
    // `summary()` only reads the architecture, which training does not change.
    TF + MODEL + `export function run(xs, ys) { model.fit(xs, ys); model.summary(); }`,
    // The model handed to a function, which may only keep it (a UI shows it when training ends).
    TF + MODEL + `export function run(xs, ys, show) { model.fit(xs, ys); show(model); return model; }`,
    // Not a TF.js model: a classifier of another library with its own fit.
    `export function run(clf, xs, ys) { clf.fit(xs, ys); clf.predict(xs); }`,
    TF + `export function run(clf, xs, ys) { clf.fit(xs, ys); return clf.predict(xs); }`,
    // A new model each turn of the loop: no fit overlaps another on the same model.
    TF +
      `export function run(xs, ys) {
  for (let i = 0; i < 3; i++) {
    const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
    m.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
    m.fit(xs, ys);
  }
}`,
    // A `.then()` chain that is awaited: the save runs after training.
    TF +
      MODEL +
      `export async function run(xs, ys) { await model.fit(xs, ys).then(() => console.log('done')); await model.save('file://m'); }`,
    // A dropped chain with nothing after it: the model is used only in the callback, once trained.
    TF + MODEL + `export function run(xs, ys) { model.fit(xs, ys).then(() => model.save('file://m')); }`,
    // A dropped chain, then only the architecture is read.
    TF + MODEL + `export function run(xs, ys) { model.fit(xs, ys).catch(console.error); model.summary(); }`,
    // A layer taken from the model without reading its weights (its name, its config).
    TF + MODEL + `export function run(xs, ys) { model.fit(xs, ys); const l = model.getLayer('d'); return l.name; }`,
    // A layer's weights read in a callback that runs later, not right after the fit.
    TF +
      MODEL +
      `export function run(xs, ys, b) { model.fit(xs, ys); const l = model.layers[0]; b.onclick = () => l.getWeights(); }`,
    // An async helper that awaits its fit: \`await learn()\` ends after training.
    TF +
      MODEL +
      `async function learn(xs, ys) { await model.fit(xs, ys); }
export async function run(xs, ys) { await learn(xs, ys); return model.predict(xs); }`,
    // An async helper whose fit floats, but the caller does not use the model after it.
    TF +
      MODEL +
      `async function learn(xs, ys) { model.fit(xs, ys); }
export async function run(xs, ys, show) { await learn(xs, ys); show('started'); }`,
    // The helper's promise is neither awaited nor chained: the caller's own missing await, not the helper's.
    TF +
      MODEL +
      `async function learn(xs, ys) { model.fit(xs, ys); }
export function run(xs, ys) { learn(xs, ys); return model.predict(xs); }`,
    // The helper awaits something after the fit: it may be waiting for training in its own way.
    TF +
      MODEL +
      `let done = false;
async function learn(xs, ys) {
  model.fit(xs, ys, {callbacks: {onTrainEnd: () => { done = true; }}});
  while (!done) await new Promise((r) => setTimeout(r, 100));
}
export async function run(xs, ys) { await learn(xs, ys); return model.predict(xs); }`,
    // The helper returns a promise resolved in onTrainEnd: \`await learn()\` ends after training (not async).
    TF +
      MODEL +
      `function learn(xs, ys) {
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  model.fit(xs, ys, {epochs: 50, callbacks: {onTrainEnd: () => finish()}});
  return done;
}
export async function run(xs, ys) { await learn(xs, ys); return model.predict(xs); }`,
    // The same in an async helper, which returns the promise without awaiting it.
    TF +
      MODEL +
      `async function learn(xs, ys) {
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  model.fit(xs, ys, {callbacks: {onTrainEnd: () => finish()}});
  return done;
}
export async function run(xs, ys) { await learn(xs, ys); return model.predict(xs); }`,
    // The fit promise goes on through another variable and a \`.then()\` chain the helper returns.
    TF +
      MODEL +
      `function learn(xs, ys) {
  const h = model.fit(xs, ys);
  model.fit(xs, ys, {epochs: 1});
  return h.then(() => 'done');
}
export function run(xs, ys) { return learn(xs, ys).then(() => model.predict(xs)); }`,
    // \`Promise.all\` of the fit kept in an array: the caller waits for every element.
    TF +
      MODEL +
      `async function learn(xs, ys, jobs) {
  model.fit(xs, ys);
  return Promise.all(jobs);
}
export async function run(xs, ys, jobs) { await learn(xs, ys, jobs); model.predict(xs); }`,
    // A \`new Promise\` made in the helper and stored for the caller: a fit callback may resolve it.
    TF +
      `export class T {
  constructor() {
    this.model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
    this.model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
  }
  train(xs, ys) {
    this.ready = new Promise((r) => { this.model.fit(xs, ys); this.finish = r; });
    this.model.fit(xs, ys, {callbacks: {onTrainEnd: () => this.finish()}});
  }
  async run(xs, ys) { await this.train(xs, ys); return this.model.predict(xs); }
}`,
    // An async helper that awaits something else after the fit (a promise its callback resolves).
    TF +
      MODEL +
      `let finish;
const trained = new Promise((r) => (finish = r));
async function learn(xs, ys) {
  model.fit(xs, ys, {callbacks: {onTrainEnd: () => finish()}});
  await trained;
}
export async function run(xs, ys) { await learn(xs, ys); return model.predict(xs); }`,
    // The caller awaits something else between the helper's call and the use: it may be training's end.
    TF +
      MODEL +
      `let finish;
const trained = new Promise((r) => (finish = r));
function learn(xs, ys) { model.fit(xs, ys, {callbacks: {onTrainEnd: () => finish()}}); }
export async function run(xs, ys) { learn(xs, ys); await trained; return model.predict(xs); }`,
    // The same wait inside the \`.then()\` callback on an async helper's call.
    TF +
      MODEL +
      `let finish;
const trained = new Promise((r) => (finish = r));
async function learn(xs, ys) { model.fit(xs, ys, {callbacks: {onTrainEnd: () => finish()}}); }
export function run(xs, ys) { return learn(xs, ys).then(async () => { await trained; model.predict(xs); }); }`,
    // The caller's use is inside a callback that runs later (a click), not when the helper is done.
    TF +
      MODEL +
      `async function learn(xs, ys) { model.fit(xs, ys); }
export async function run(xs, ys, b) { await learn(xs, ys); b.onclick = () => model.predict(xs); }`,
    // The helper trains a model of its own: the caller's model is another one.
    TF +
      MODEL +
      `async function learn(xs, ys) {
  const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
  m.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
  m.fit(xs, ys);
}
export async function run(xs, ys) { await learn(xs, ys); return model.predict(xs); }`,
    // The variable is given another model before it is used again.
    TF +
      `export function run(xs, ys) {
  let m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
  m.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
  m.fit(xs, ys);
  m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
  m.summary();
}`,
  ],
  invalid: [
    {
      // Not awaited, then predict: the prediction comes from the untrained model.
      code:
        TF +
        MODEL +
        `export async function run(xs, ys) {\n  model.fit(xs, ys, {epochs: 60});\n  return model.predict(xs);\n}`,
      errors: [
        {
          messageId: 'usedWhileTraining',
          data: { call: 'fit()', dropped: DROPPED, use: 'model.predict()', line: 'line 6', remedy: AWAIT_IT },
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { what: CALL('fit') },
              output:
                TF +
                MODEL +
                `export async function run(xs, ys) {\n  await model.fit(xs, ys, {epochs: 60});\n  return model.predict(xs);\n}`,
            },
          ],
        },
      ],
    },
    {
      // Not async: no suggestion; the message says why.
      code: TF + MODEL + `export function run(xs, ys) {\n  model.fit(xs, ys);\n  return model.getWeights();\n}`,
      errors: [
        {
          messageId: 'usedWhileTraining',
          data: { call: 'fit()', dropped: DROPPED, use: 'model.getWeights()', line: 'line 6', remedy: NOT_ASYNC },
          suggestions: [],
        },
      ],
    },
    {
      // In a loop over epochs: the second fit starts while the first runs and is rejected.
      code:
        TF +
        MODEL +
        `export async function run(xs, ys) {\n  for (let e = 0; e < 10; e++) {\n    model.fit(xs, ys, {epochs: 1});\n  }\n}`,
      errors: [
        {
          messageId: 'concurrentFit',
          data: { call: 'fit()', dropped: DROPPED, remedy: AWAIT_IT },
          line: 6,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { what: CALL('fit') },
              output:
                TF +
                MODEL +
                `export async function run(xs, ys) {\n  for (let e = 0; e < 10; e++) {\n    await model.fit(xs, ys, {epochs: 1});\n  }\n}`,
            },
          ],
        },
      ],
    },
    {
      // fitDataset and a model kept in `this.model`, then saved.
      code:
        TF +
        `export class Trainer {
  constructor() {
    this.model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
    this.model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
  }
  async train(ds) {
    this.model.fitDataset(ds, {epochs: 3});
    await this.model.save('file://m');
  }
}`,
      errors: [
        {
          messageId: 'usedWhileTraining',
          data: { call: 'fitDataset()', dropped: DROPPED, use: 'this.model.save()', line: 'line 9', remedy: AWAIT_IT },
          suggestions: [
            {
              messageId: 'addAwait',
              data: { what: CALL('fitDataset') },
              output:
                TF +
                `export class Trainer {
  constructor() {
    this.model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
    this.model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
  }
  async train(ds) {
    await this.model.fitDataset(ds, {epochs: 3});
    await this.model.save('file://m');
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A `.then()` chain that nobody awaits, then save: the saved weights are the untrained ones.
      code:
        TF +
        MODEL +
        `export async function run(xs, ys) {\n  model.fit(xs, ys, {epochs: 50}).then(() => console.log('done'));\n  await model.save('localstorage://m');\n}`,
      errors: [
        {
          messageId: 'usedWhileTraining',
          data: {
            call: 'fit().then()',
            dropped: CHAIN_DROPPED,
            use: 'model.save()',
            line: 'line 6',
            remedy: AWAIT_IT,
          },
          line: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { what: '`fit().then()` chain' },
              output:
                TF +
                MODEL +
                `export async function run(xs, ys) {\n  await model.fit(xs, ys, {epochs: 50}).then(() => console.log('done'));\n  await model.save('localstorage://m');\n}`,
            },
          ],
        },
      ],
    },
    {
      // A chain with `.catch()` in a function that is not async, then predict.
      code:
        TF +
        MODEL +
        `export function run(xs, ys) {\n  model.fit(xs, ys).then(show).catch(console.error);\n  return model.predict(xs);\n}\nfunction show() {}`,
      errors: [
        {
          messageId: 'usedWhileTraining',
          data: {
            call: 'fit().then().catch()',
            dropped: CHAIN_DROPPED,
            use: 'model.predict()',
            line: 'line 6',
            remedy: NOT_ASYNC_CHAIN,
          },
          suggestions: [],
        },
      ],
    },
    {
      // Weights read through a layer of the model right after the dropped fit.
      code:
        TF +
        MODEL +
        `export function embeddings(xs, ys) {\n  model.fit(xs, ys, {epochs: 10});\n  return model.getLayer('vec').getWeights()[0].arraySync();\n}`,
      errors: [
        {
          messageId: 'usedWhileTraining',
          data: {
            call: 'fit()',
            dropped: DROPPED,
            use: "model.getLayer('vec').getWeights()",
            line: 'line 6',
            remedy: NOT_ASYNC,
          },
        },
      ],
    },
    {
      // The layer kept in a variable, its weights read a statement later (a class method, CommonJS style).
      code: `const tf = require('@tensorflow/tfjs-node');
class Controller {
  train(x, y) {
    const model = tf.sequential();
    model.add(tf.layers.dense({units: 2, inputShape: [30], name: 'embedding'}));
    model.compile({optimizer: 'adam', loss: 'meanSquaredError'});
    model.fit(x, y, {shuffle: true});
    let layer = model.getLayer('embedding');
    let weights = layer.getWeights();
    return weights;
  }
}
module.exports = new Controller();`,
      errors: [
        {
          messageId: 'usedWhileTraining',
          data: { call: 'fit()', dropped: DROPPED, use: 'layer.getWeights()', line: 'line 9', remedy: NOT_ASYNC },
          line: 7,
        },
      ],
    },
    {
      // \`this.model.layers[0].getWeights()\` after a dropped fit of \`this.model\`.
      code:
        TF +
        `export class Trainer {
  constructor() {
    this.model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
    this.model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
  }
  train(xs, ys) {
    this.model.fit(xs, ys);
    return this.model.layers[0].getWeights();
  }
}`,
      errors: [
        {
          messageId: 'usedWhileTraining',
          data: {
            call: 'fit()',
            dropped: DROPPED,
            use: 'this.model.layers[0].getWeights()',
            line: 'line 9',
            remedy: NOT_ASYNC,
          },
        },
      ],
    },
    {
      // A dropped chain in a loop: the next turn's fit is rejected all the same.
      code:
        TF +
        MODEL +
        `export function run(xs, ys) {\n  for (let e = 0; e < 3; e++) model.fit(xs, ys).then(() => console.log(e));\n}`,
      errors: [
        {
          messageId: 'concurrentFit',
          data: {
            call: 'fit().then()',
            dropped: CHAIN_DROPPED,
            remedy: 'Await it in an async function (this one is not, so no fix is offered)',
          },
        },
      ],
    },
    {
      // An async helper whose fit floats; the caller predicts once the helper's promise settles.
      code:
        TF +
        MODEL +
        `async function learn(xs, ys) {\n  model.fit(xs, ys, {epochs: 200});\n}\nlearn(tf.ones([2, 1]), tf.ones([2, 1])).then(() => {\n  model.predict(tf.ones([1, 1])).print();\n});`,
      errors: [
        {
          messageId: 'usedAfterHelper',
          data: {
            call: 'fit()',
            dropped: DROPPED,
            helper: 'learn',
            use: 'model.predict()',
            line: 'line 8',
            viaLine: 'line 7',
            remedy: AWAIT_IT,
          },
          line: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { what: CALL('fit') },
              output:
                TF +
                MODEL +
                `async function learn(xs, ys) {\n  await model.fit(xs, ys, {epochs: 200});\n}\nlearn(tf.ones([2, 1]), tf.ones([2, 1])).then(() => {\n  model.predict(tf.ones([1, 1])).print();\n});`,
            },
          ],
        },
      ],
    },
    {
      // \`await learn()\`, then evaluate: the helper is done, training is not.
      code:
        TF +
        MODEL +
        `const learn = async (xs, ys) => {\n  model.fit(xs, ys);\n};\nexport async function run(xs, ys) {\n  await learn(xs, ys);\n  return model.evaluate(xs, ys);\n}`,
      errors: [
        {
          messageId: 'usedAfterHelper',
          data: {
            call: 'fit()',
            dropped: DROPPED,
            helper: 'learn',
            use: 'model.evaluate()',
            line: 'line 9',
            viaLine: 'line 8',
            remedy: AWAIT_IT,
          },
          suggestions: [
            {
              messageId: 'addAwait',
              data: { what: CALL('fit') },
              output:
                TF +
                MODEL +
                `const learn = async (xs, ys) => {\n  await model.fit(xs, ys);\n};\nexport async function run(xs, ys) {\n  await learn(xs, ys);\n  return model.evaluate(xs, ys);\n}`,
            },
          ],
        },
      ],
    },
    {
      // A class: \`await this.train()\` then \`this.model.predict()\`.
      code:
        TF +
        `export class Trainer {
  constructor() {
    this.model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
    this.model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
  }
  async train(xs, ys) {
    this.model.fit(xs, ys, {epochs: 20});
  }
  async run(xs, ys) {
    await this.train(xs, ys);
    return this.model.predict(xs);
  }
}`,
      errors: [
        {
          messageId: 'usedAfterHelper',
          data: {
            call: 'fit()',
            dropped: DROPPED,
            helper: 'this.train',
            use: 'this.model.predict()',
            line: 'line 12',
            viaLine: 'line 11',
            remedy: AWAIT_IT,
          },
          suggestions: [
            {
              messageId: 'addAwait',
              data: { what: CALL('fit') },
              output:
                TF +
                `export class Trainer {
  constructor() {
    this.model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
    this.model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
  }
  async train(xs, ys) {
    await this.model.fit(xs, ys, {epochs: 20});
  }
  async run(xs, ys) {
    await this.train(xs, ys);
    return this.model.predict(xs);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A helper that is not async returns at once: the use right after the call sees the untrained model.
      code:
        TF +
        MODEL +
        `function learn(xs, ys) {\n  model.fit(xs, ys);\n}\nexport function run(xs, ys) {\n  learn(xs, ys);\n  return model.predict(xs);\n}`,
      errors: [
        {
          messageId: 'usedAfterHelper',
          data: {
            call: 'fit()',
            dropped: DROPPED,
            helper: 'learn',
            use: 'model.predict()',
            line: 'line 9',
            viaLine: 'line 8',
            remedy: NOT_ASYNC,
          },
          suggestions: [],
        },
      ],
    },
    {
      // A helper that returns a constant and logs progress from a callback (donnie3237/DOSE-TensorflowJS
      // MyModel.tsx): nothing it returns waits for training, so the \`.then()\` callback predicts too early.
      code:
        TF +
        MODEL +
        `async function doTraining(xs, ys) {\n  model.fit(xs, ys, {epochs: 500, callbacks: {onEpochEnd: async (e, logs) => console.log(e, logs.loss)}});\n  return 'started';\n}\ndoTraining(tf.ones([2, 1]), tf.ones([2, 1])).then(() => {\n  alert(model.predict(tf.ones([1, 1])));\n});`,
      errors: [
        {
          messageId: 'usedAfterHelper',
          data: {
            call: 'fit()',
            dropped: DROPPED,
            helper: 'doTraining',
            use: 'model.predict()',
            line: 'line 9',
            viaLine: 'line 8',
            remedy: AWAIT_IT,
          },
          line: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              data: { what: CALL('fit') },
              output:
                TF +
                MODEL +
                `async function doTraining(xs, ys) {\n  await model.fit(xs, ys, {epochs: 500, callbacks: {onEpochEnd: async (e, logs) => console.log(e, logs.loss)}});\n  return 'started';\n}\ndoTraining(tf.ones([2, 1]), tf.ones([2, 1])).then(() => {\n  alert(model.predict(tf.ones([1, 1])));\n});`,
            },
          ],
        },
      ],
    },
    {
      // trainOnBatch at the top level of a module, then evaluate.
      code: TF + MODEL + `const xs = tf.ones([4, 1]);\nmodel.trainOnBatch(xs, xs);\nmodel.evaluate(xs, xs);`,
      errors: [
        {
          messageId: 'usedWhileTraining',
          data: {
            call: 'trainOnBatch()',
            dropped: DROPPED,
            use: 'model.evaluate()',
            line: 'line 6',
            remedy: TOP_LEVEL,
          },
        },
      ],
    },
  ],
});
