import rule from '../../src/rules/no-leaked-tensor.js';
import { runRule } from '../helpers/rule-tester.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const MODEL = `const model = tf.sequential({layers: [tf.layers.dense({units: 2, inputShape: [2]})]});\n`;

/** The report's data: the calls as listed, how many tensors, how often, and the helper call's line when reached through one. */
function data(list: string, count: number | string, frequency: string, viaLine?: number) {
  const n = typeof count === 'number' ? count : Number(count.replace('up to ', ''));
  return {
    list,
    make: n === 1 ? 'makes' : 'make',
    count: String(count),
    tensors: n === 1 ? 'tensor' : 'tensors',
    leak: n === 1 ? 'leaks' : 'leak',
    frequency,
    via: viaLine ? ` (through the call on line ${viaLine})` : '',
  };
}
const OPT = `const w = tf.variable(tf.zeros([3, 1]));\nconst sgd = tf.train.sgd(0.05);\n`;
const LOOP = 'on every iteration of the loop';
const FRAME = 'on every animation frame';

runRule('no-leaked-tensor', rule, {
  valid: [
    // The same render loop with its work in a synchronous tf.tidy that returns a plain number.
    TF +
      MODEL +
      `function loop() {
  const cls = tf.tidy(() => model.predict(tf.zeros([1, 2])).argMax(1).dataSync()[0]);
  console.log(cls);
  requestAnimationFrame(loop);
}`,
    // Disposed: .dispose(), tf.dispose(x), tf.dispose([a, b]).
    TF +
      `for (let i = 0; i < 3; i++) {
  const a = tf.scalar(i);
  a.print();
  a.dispose();
  const b = tf.scalar(i);
  tf.dispose(b);
  const c = tf.scalar(i);
  const d = c.square();
  tf.dispose([c, d]);
}`,
    // Kept, stored outside the loop (push, a property, a Map), returned by a map callback.
    TF +
      `const kept = [];
const byKey = new Map();
const holder = {};
for (let i = 0; i < 3; i++) {
  const k = tf.keep(tf.scalar(i));
  kept.push(tf.scalar(i));
  byKey.set(i, tf.scalar(i));
  holder.last = tf.scalar(i);
}
const squares = [1, 2].map((v) => tf.scalar(v));`,
    // Handed to a function the analysis does not see into (it may take ownership).
    TF + `for (const v of [1, 2]) {\n  const t = tf.scalar(v);\n  consume(t);\n}`,
    // The old value disposed before the variable is written again.
    TF +
      `let x = tf.zeros([2]);
for (let i = 0; i < 3; i++) {
  const next = x.add(1);
  x.dispose();
  x = next;
}
x.print();`,
    // Disposed at the top of the next iteration.
    TF +
      `let last;
for (let i = 0; i < 3; i++) {
  if (last) last.dispose();
  last = tf.scalar(i);
}`,
    // A helper called only inside tf.tidy.
    TF +
      `function features(v) {
  const a = tf.scalar(v).mul(2);
  return a.add(1);
}
for (const v of [1, 2]) {
  const s = tf.tidy(() => features(v).dataSync()[0]);
  console.log(s);
}`,
    // A whole loop inside tf.tidy.
    TF +
      `const total = tf.tidy(() => {\n  let x = tf.zeros([2]);\n  for (let i = 0; i < 3; i++) x = x.add(1);\n  return x;\n});`,
    // Run once: top-level code, a setTimeout that does not reschedule itself, a load listener.
    TF + `tf.ones([2]).print();`,
    TF + `setTimeout(() => {\n  tf.ones([2]).print();\n}, 100);`,
    TF + `window.addEventListener('load', () => {\n  tf.ones([2]).print();\n});`,
    TF + `document.addEventListener('click', () => {\n  tf.ones([2]).print();\n}, {once: true});`,
    // A click method that is not jQuery's event shorthand (a test driver's \`click()\` takes a selector, not a handler).
    TF + `page.click(() => {\n  tf.ones([2]).print();\n});`,
    // The input of a graph model's executeAsync, disposed after the call: nothing leaks.
    TF +
      `const model = await tf.loadGraphModel('model.json');\nfor (let i = 0; i < 10; i++) {\n  const input = tf.ones([1, 3]);\n  const res = await model.executeAsync(input);\n  tf.dispose([res, input]);\n}`,
    // A tf.data map runs its callback inside tf.tidy: a receiver not known to be an array is left alone.
    TF + `const ds = tf.data.array([1, 2]).map((v) => tf.scalar(v).add(1));`,
    TF + `export function f(dataset) {\n  return dataset.map((v) => tf.scalar(v).add(1).mul(2));\n}`,
    // A method called through an instance, but once: nothing repeats.
    TF +
      MODEL +
      `class Bot {\n  choose(obs) {\n    return model.predict(tf.tensor2d([obs])).argMax(1).dataSync()[0];\n  }\n}\nconst bot = new Bot();\nexport const first = bot.choose([1, 2]);`,
    // Called through an instance in a loop, with its work in a tidy.
    TF +
      MODEL +
      `class Bot {\n  choose(obs) {\n    return tf.tidy(() => model.predict(tf.tensor2d([obs])).argMax(1).dataSync()[0]);\n  }\n}\nconst bot = new Bot();\nexport function play(env) {\n  while (!env.done) env.step(bot.choose(env.observe()));\n}`,
    // The receiver may be an object of another class with a method of the same name: not followed.
    TF +
      MODEL +
      `class Bot {\n  choose(obs) {\n    return model.predict(tf.tensor2d([obs])).argMax(1).dataSync()[0];\n  }\n}\nclass Human {\n  choose(obs) {\n    return obs[0];\n  }\n}\nexport function play(env, auto) {\n  const p = auto ? new Bot() : new Human();\n  while (!env.done) env.step(p.choose(env.observe()));\n}`,
    // `minimize(f)` and `minimize(f, false)` return null: no cost tensor (the loss closure runs in a tidy of TF.js).
    TF +
      OPT +
      `export function fit(xs, ys, n) {\n  for (let s = 0; s < n; s++) sgd.minimize(() => xs.matMul(w).sub(ys).square().mean());\n}`,
    TF +
      OPT +
      `export function fit(xs, ys, n) {\n  for (let s = 0; s < n; s++) sgd.minimize(() => xs.matMul(w).sub(ys).square().mean(), false);\n}`,
    // The cost is disposed after it is read.
    TF +
      OPT +
      `export function fit(xs, ys, n) {\n  for (let s = 0; s < n; s++) {\n    const cost = sgd.minimize(() => xs.matMul(w).sub(ys).square().mean(), true);\n    console.log(cost.dataSync()[0]);\n    cost.dispose();\n  }\n}`,
    // The cost read inside a tidy, which frees it.
    TF +
      OPT +
      `export function fit(xs, ys, n) {\n  for (let s = 0; s < n; s++) tf.tidy(() => console.log(sgd.minimize(() => xs.matMul(w).sub(ys).square().mean(), true).dataSync()[0]));\n}`,
    // returnCost not known (a parameter), or an optimizer not made by tf.train here: not followed.
    TF + OPT + `export function fit(f, n, returnCost) {\n  for (let s = 0; s < n; s++) sgd.minimize(f, returnCost);\n}`,
    TF + `export function fit(opt, f, n) {\n  for (let s = 0; s < n; s++) opt.minimize(f, true).print();\n}`,
    // A method that makes tensors in a loop, called only inside \`minimize\`'s function: minimize frees
    // every tensor its function makes but the cost (the DQN \`q(s, a)\` gather loop).
    TF +
      MODEL +
      `const optimizer = tf.train.adam(0.01);\nexport class Agent {\n  qOfActions(states, actions) {\n    const picked = [];\n    for (let i = 0; i < actions.length; i++) {\n      const q = model.predict(states).gather([i]);\n      picked.push(q.gather([actions[i]], 1));\n    }\n    return tf.concat(picked);\n  }\n  train(states, actions, targets) {\n    optimizer.minimize(() => tf.losses.meanSquaredError(targets, this.qOfActions(states, actions)));\n  }\n}`,
    // The same with the optimizer in a field, and also called inside a tf.tidy.
    TF +
      MODEL +
      `export class Agent {\n  constructor() {\n    this.optimizer = tf.train.adam(0.01);\n  }\n  qOfActions(states, actions) {\n    const picked = [];\n    for (let i = 0; i < actions.length; i++) picked.push(model.predict(states).gather([i]).gather([actions[i]], 1));\n    return tf.concat(picked);\n  }\n  learn(states, actions, targets) {\n    tf.tidy(() => this.qOfActions(states, actions).print());\n    this.optimizer.minimize(() => tf.losses.meanSquaredError(targets, this.qOfActions(states, actions)));\n  }\n}`,
    // A loop inside the function of \`minimize\` (an optimizer given as a parameter, or \`model.optimizer\`).
    TF +
      MODEL +
      `export function step(optimizer, xs, ys) {\n  optimizer.minimize(() => {\n    let loss = tf.scalar(0);\n    for (let i = 0; i < 4; i++) loss = loss.add(model.predict(xs.gather([i])).sub(ys.gather([i])).square().mean());\n    return loss;\n  });\n}`,
    TF +
      MODEL +
      `export function step(xs, ys) {\n  model.optimizer.minimize(() => {\n    let loss = tf.scalar(0);\n    for (let i = 0; i < 4; i++) loss = loss.add(model.predict(xs.gather([i])).square().mean());\n    return loss;\n  });\n}`,
    // The gradient functions free what their function makes too: tf.grad, tf.valueAndGrads, tf.variableGrads.
    TF +
      `const scale = tf.tensor1d([1, 2, 3]);\nfunction loss(x) {\n  for (let i = 0; i < 3; i++) scale.mul(i).square().print();\n  return x.mul(scale).sum();\n}\nexport const dloss = tf.grad(loss);`,
    TF +
      `const scale = tf.tensor1d([1, 2, 3]);\nexport const g = tf.valueAndGrads((a, b) => {\n  for (let i = 0; i < 3; i++) scale.mul(i).square().print();\n  return a.mul(b).sum();\n});`,
    TF +
      OPT +
      `const xs = tf.ones([4, 3]);\nexport function grads() {\n  return tf.variableGrads(() => {\n    for (let i = 0; i < 3; i++) xs.matMul(w).mul(i).print();\n    return xs.matMul(w).mean();\n  });\n}`,
    // tf.customGrad runs its function like a tidy (probed on TF.js 4.22: 200 intermediates a call, 0 left after
    // five calls and after a gradient): the tensors the loop makes are freed when the forward pass returns.
    TF +
      `export const scaled = tf.customGrad((x, save) => {\n  let acc = tf.zeros([2]);\n  for (let i = 0; i < 100; i++) {\n    const t = x.add(i);\n    acc = acc.add(t);\n  }\n  save([x]);\n  return { value: acc, gradFunc: (dy) => [dy] };\n});`,
    // The cost kept in an array: the array's owner releases it.
    TF +
      OPT +
      `export function fit(f, n, costs) {\n  for (let s = 0; s < n; s++) costs.push(sgd.minimize(f, true));\n}`,
    // A method parameter fed from a field that holds whatever the caller gave (\`slice\` is also an array method): not followed.
    TF +
      `export class Gan {\n  constructor() {\n    this.x = null;\n  }\n  setData(images) {\n    this.x = images;\n  }\n  step(x, start, size) {\n    const batch = x.slice(start, size);\n    tf.concat([batch, batch]).dispose();\n  }\n  train() {\n    for (let b = 0; b < 10; b++) this.step(this.x, b * 10, 10);\n  }\n}`,
    // Receivers not known to be tensors: a parameter, a class of one's own.
    TF + `export function f(xs) {\n  for (const x of xs) x.add(1).print();\n}`,
    TF + `class Vec { add() { return this; } print() {} }\nfor (let i = 0; i < 3; i++) new Vec().add(1).print();`,
    // A model of unknown kind: `predict` of something not known to be a model.
    TF + `for (let i = 0; i < 3; i++) {\n  const p = thing.predict(tf.zeros([1, 2]));\n  p.dispose();\n}`,
    // Not TF.js.
    `import * as tf from './my-math';\nfor (let i = 0; i < 3; i++) tf.ones([2]).print();`,
    // A helper that also stores the tensor it returns: the caller does not own it.
    TF +
      `const cache = [];
function cached(v) {
  const t = tf.scalar(v);
  cache.push(t);
  return t;
}
for (const v of [1, 2]) {
  const a = cached(v);
  a.print();
}`,
    // tidy imported under another name (bundles), and a named function passed to tf.tidy.
    `import {tidy as tidy$1, add, zeros} from '@tensorflow/tfjs';
const total = tidy$1(() => {
  let x = zeros([2]);
  for (let i = 0; i < 3; i++) x = add(x, 1);
  return x;
});`,
    TF +
      `function step() {
  tf.ones([2]).square().print();
}
setInterval(() => tf.tidy(step), 100);`,
    // A manual engine scope frees what is made inside it.
    TF +
      `for (let i = 0; i < 3; i++) {
  tf.engine().startScope();
  tf.ones([2]).square().print();
  tf.engine().endScope();
}`,
    // A retry from a catch clause is not a loop.
    TF +
      `async function load(url) {
  const warm = tf.zeros([1, 2]);
  warm.print();
  try {
    return await tf.loadLayersModel(url);
  } catch {
    setTimeout(() => load(url), 1000);
  }
}`,
    // An inline requestAnimationFrame callback runs once.
    TF + `requestAnimationFrame(() => {\n  tf.ones([2]).print();\n});`,
    // A variable also released in another function (a stop handler may run between frames).
    TF +
      MODEL +
      `const input = tf.ones([1, 2]);
let pred;
setInterval(() => {
  pred = model.predict(input);
}, 100);
stop.onclick = () => pred.dispose();`,
    // fit reads its x and y and leaves them to the caller: disposed when the fit settles, or in a finally.
    TF +
      MODEL +
      `export async function train(rows) {
  for (const r of rows) {
    const xs = tf.tensor2d([r]);
    const ys = tf.tensor2d([r]);
    await model.fit(xs, ys).then(() => {
      xs.dispose();
      ys.dispose();
    });
  }
}`,
    TF +
      MODEL +
      `export async function train(rows) {
  for (const r of rows) {
    const xs = tf.tensor2d([r]);
    const ys = tf.tensor2d([r]);
    try {
      await model.fit(xs, ys, { epochs: 1 });
    } finally {
      tf.dispose([xs, ys]);
    }
  }
}`,
    // \`fit\` of something not known to be a model (a parameter): it may be any function, which may take the tensor.
    TF +
      `export async function train(m, rows) {
  for (const r of rows) {
    const xs = tf.tensor2d([r]);
    await m.fit(xs, xs);
  }
}`,
    // A call of itself from \`.catch\` is a retry, not a loop; \`.then\` of another function is no reschedule.
    TF +
      `function poll(url) {
  const t = tf.ones([2]);
  t.print();
  fetch(url).catch(() => poll(url));
}
function draw() {
  tf.ones([2]).print();
}
export function once() {
  tf.nextFrame().then(() => draw());
}`,
    // A parameter written again only on some paths (\`if (...) d = tf.tensor(d)\`) may still be the caller's
    // array: the field is not known to be a tensor.
    TF +
      `export class Lr {
  constructor(x) {
    this.x = this.prep(x);
  }
  prep(d) {
    if (!(d instanceof tf.Tensor)) d = tf.tensor(d);
    return d;
  }
  train() {
    for (let i = 0; i < 10; i++) this.x.square().print();
  }
}`,
    // A \`var\` hoisted out of a loop body keeps the last value after the loop; it is disposed there.
    TF +
      `export function last() {
  for (let i = 0; i < 3; i++) {
    var t = tf.scalar(i);
    if (i < 2) t.dispose();
  }
  t.dispose();
}`,
  ],
  invalid: [
    {
      // The customGrad twin: the same loop in a function no TF.js scope runs leaks what each turn makes.
      code:
        TF +
        `export function scaled(x) {\n  let acc = tf.zeros([2]);\n  for (let i = 0; i < 100; i++) {\n    const t = x.add(i);\n    acc = acc.add(t);\n  }\n  return acc;\n}`,
      errors: [{ messageId: 'leak', line: 6, data: data('`add()` (in `acc`, overwritten first)', 1, LOOP) }],
    },
    {
      // The webcam loop: preprocessing chain, predict and argMax every animation frame.
      code:
        TF +
        MODEL +
        `function loop() {
  const input = tf.tensor2d([[1, 2]]).toFloat().div(255);
  const scores = model.predict(input);
  const cls = scores.argMax(1).dataSync()[0];
  console.log(cls);
  requestAnimationFrame(loop);
}
requestAnimationFrame(loop);`,
      errors: [
        {
          messageId: 'leak',
          line: 4,
          data: data('`tensor2d()`, `toFloat()` and `div()` (in `input`)', 3, FRAME),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                MODEL +
                `function loop() {
  const input = tf.tidy(() => tf.tensor2d([[1, 2]]).toFloat().div(255));
  const scores = model.predict(input);
  const cls = scores.argMax(1).dataSync()[0];
  console.log(cls);
  requestAnimationFrame(loop);
}
requestAnimationFrame(loop);`,
            },
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                MODEL +
                `function loop() {
  const input = tf.tensor2d([[1, 2]]).toFloat().div(255);
  const scores = model.predict(input);
  input.dispose();
  const cls = scores.argMax(1).dataSync()[0];
  console.log(cls);
  requestAnimationFrame(loop);
}
requestAnimationFrame(loop);`,
            },
          ],
        },
        {
          messageId: 'leak',
          line: 5,
          data: data('`predict()` (in `scores`)', 1, FRAME),
          suggestions: [
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                MODEL +
                `function loop() {
  const input = tf.tensor2d([[1, 2]]).toFloat().div(255);
  const scores = model.predict(input);
  const cls = scores.argMax(1).dataSync()[0];
  scores.dispose();
  console.log(cls);
  requestAnimationFrame(loop);
}
requestAnimationFrame(loop);`,
            },
          ],
        },
        {
          messageId: 'leak',
          line: 6,
          data: data('`argMax()`', 1, FRAME),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                MODEL +
                `function loop() {
  const input = tf.tensor2d([[1, 2]]).toFloat().div(255);
  const scores = model.predict(input);
  const cls = tf.tidy(() => scores.argMax(1).dataSync()[0]);
  console.log(cls);
  requestAnimationFrame(loop);
}
requestAnimationFrame(loop);`,
            },
          ],
        },
      ],
    },
    {
      // x = x.add(1) in a loop: the old x is lost every iteration. No suggestion (a tidy keeps x).
      code: TF + `let x = tf.zeros([2]);\nfor (let i = 0; i < 3; i++) {\n  x = x.add(1);\n}\nx.print();`,
      errors: [{ messageId: 'leak', line: 4, data: data('`add()` (in `x`, overwritten first)', 1, LOOP) }],
    },
    {
      // Chained reassignment inside one iteration: each earlier value is lost; the last is disposed.
      code:
        TF +
        `for (const v of [1, 2]) {
  let img = tf.tensor1d([v]);
  img = img.toFloat();
  img = img.div(255);
  img.print();
  img.dispose();
}`,
      errors: [
        { messageId: 'leak', line: 3, data: data('`tensor1d()` (in `img`, overwritten first)', 1, LOOP) },
        { messageId: 'leak', line: 4, data: data('`toFloat()` (in `img`, overwritten first)', 1, LOOP) },
      ],
    },
    {
      // while and do-while loops; a result dropped after print().
      code: TF + `let i = 0;\nwhile (i < 3) {\n  tf.ones([2]).print();\n  i++;\n}`,
      errors: [
        {
          messageId: 'leak',
          line: 4,
          data: data('`ones()`', 1, LOOP),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF + `let i = 0;\nwhile (i < 3) {\n  tf.tidy(() => {\n    tf.ones([2]).print();\n  });\n  i++;\n}`,
            },
          ],
        },
      ],
    },
    {
      code: TF + `do {\n  console.log(tf.ones([2]).sum().dataSync());\n} while (Math.random() > 0.5);`,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          data: data('`ones()` and `sum()`', 2, LOOP),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `do {\n  tf.tidy(() => {\n    console.log(tf.ones([2]).sum().dataSync());\n  });\n} while (Math.random() > 0.5);`,
            },
          ],
        },
      ],
    },
    {
      // forEach callback; a conditional leak counts "up to".
      code: TF + `[1, 2, 3].forEach((v) => {\n  if (v > 1) tf.scalar(v).square().print();\n});`,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          data: data('`scalar()` and `square()`', 'up to 2', 'for every element `forEach` visits'),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `[1, 2, 3].forEach((v) => {\n  if (v > 1) tf.tidy(() => {\n    tf.scalar(v).square().print();\n  });\n});`,
            },
          ],
        },
      ],
    },
    {
      // map over an array with an expression body: the tidy goes around the body.
      code: TF + `const values = [1, 2].map((v) => tf.scalar(v).add(1).dataSync()[0]);`,
      errors: [
        {
          messageId: 'leak',
          line: 2,
          data: data('`scalar()` and `add()`', 2, 'for every element `map` visits'),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output: TF + `const values = [1, 2].map((v) => tf.tidy(() => tf.scalar(v).add(1).dataSync()[0]));`,
            },
          ],
        },
      ],
    },
    {
      // setInterval, with an await in the statement: no tidy offered (a tidy callback must be synchronous).
      code: TF + `setInterval(async () => {\n  const v = await tf.ones([2]).sum().data();\n  console.log(v);\n}, 100);`,
      errors: [{ messageId: 'leak', line: 3, data: data('`ones()` and `sum()`', 2, 'on every `setInterval` tick') }],
    },
    {
      // Self-rescheduling setTimeout.
      code: TF + `function tick() {\n  tf.ones([2]).print();\n  setTimeout(tick, 100);\n}\ntick();`,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          data: data('`ones()`', 1, 'on every `setTimeout` round'),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `function tick() {\n  tf.tidy(() => {\n    tf.ones([2]).print();\n  });\n  setTimeout(tick, 100);\n}\ntick();`,
            },
          ],
        },
      ],
    },
    {
      // jQuery's event shorthand and its delegated \`on\` (tensorflow/tfjs#5713's page): handlers run on every event.
      code:
        TF +
        `$('#go').click(function () {\n  tf.ones([2]).add(1).print();\n});\n$(document).on('keydown', '#field', () => {\n  tf.ones([2]).print();\n});`,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          data: data('`ones()` and `add()`', 2, 'on every `click` event'),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `$('#go').click(function () {\n  tf.tidy(() => {\n    tf.ones([2]).add(1).print();\n  });\n});\n$(document).on('keydown', '#field', () => {\n  tf.ones([2]).print();\n});`,
            },
          ],
        },
        {
          messageId: 'leak',
          line: 6,
          data: data('`ones()`', 1, 'on every `keydown` event'),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `$('#go').click(function () {\n  tf.ones([2]).add(1).print();\n});\n$(document).on('keydown', '#field', () => {\n  tf.tidy(() => {\n    tf.ones([2]).print();\n  });\n});`,
            },
          ],
        },
      ],
    },
    {
      // A graph model's executeAsync keeps its input (tfjs-converter's executor keeps input ids; tensorflow/tfjs#6174):
      // the input made on every turn leaks.
      code:
        TF +
        `const model = await tf.loadGraphModel('model.json');\nfor (let i = 0; i < 10; i++) {\n  const input = tf.ones([1, 3]);\n  const res = await model.executeAsync(input);\n  tf.dispose(res);\n}`,
      errors: [
        {
          messageId: 'leak',
          line: 4,
          data: data('`ones()` (in `input`)', 1, LOOP),
          suggestions: [
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                `const model = await tf.loadGraphModel('model.json');\nfor (let i = 0; i < 10; i++) {\n  const input = tf.ones([1, 3]);\n  const res = await model.executeAsync(input);\n  input.dispose();\n  tf.dispose(res);\n}`,
            },
          ],
        },
      ],
    },
    {
      // Event listeners: addEventListener and an on<event> property.
      code:
        TF +
        `canvas.addEventListener('mousemove', (e) => {\n  const p = tf.tensor1d([e.x, e.y]);\n  console.log(p.dataSync());\n});`,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          data: data('`tensor1d()` (in `p`)', 1, 'on every `mousemove` event'),
          suggestions: [
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                `canvas.addEventListener('mousemove', (e) => {\n  const p = tf.tensor1d([e.x, e.y]);\n  console.log(p.dataSync());\n  p.dispose();\n});`,
            },
          ],
        },
      ],
    },
    {
      code: TF + `button.onclick = () => {\n  tf.randomNormal([2]).print();\n};`,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          data: data('`randomNormal()`', 1, 'on every `click` event'),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output: TF + `button.onclick = () => {\n  tf.tidy(() => {\n    tf.randomNormal([2]).print();\n  });\n};`,
            },
          ],
        },
      ],
    },
    {
      // fit callbacks: onEpochEnd as a property, onBatchEnd as a method of a callback class.
      code:
        TF +
        MODEL +
        `await model.fit(tf.ones([4, 2]), tf.ones([4, 2]), {
  callbacks: {
    onEpochEnd: async (epoch) => {
      const out = model.predict(tf.ones([1, 2]));
      console.log(epoch, out.dataSync());
    },
  },
});`,
      errors: [
        {
          messageId: 'leak',
          line: 6,
          data: data('`ones()` and `predict()` (in `out`)', 2, 'at the end of every epoch'),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                MODEL +
                `await model.fit(tf.ones([4, 2]), tf.ones([4, 2]), {
  callbacks: {
    onEpochEnd: async (epoch) => {
      const out = tf.tidy(() => model.predict(tf.ones([1, 2])));
      console.log(epoch, out.dataSync());
    },
  },
});`,
            },
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                MODEL +
                `await model.fit(tf.ones([4, 2]), tf.ones([4, 2]), {
  callbacks: {
    onEpochEnd: async (epoch) => {
      const out = model.predict(tf.ones([1, 2]));
      console.log(epoch, out.dataSync());
      out.dispose();
    },
  },
});`,
            },
          ],
        },
      ],
    },
    {
      code:
        TF + `class Logger extends tf.Callback {\n  async onBatchEnd(batch) {\n    tf.scalar(batch).print();\n  }\n}`,
      errors: [
        {
          messageId: 'leak',
          line: 4,
          data: data('`scalar()`', 1, 'at the end of every batch'),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `class Logger extends tf.Callback {\n  async onBatchEnd(batch) {\n    tf.tidy(() => {\n      tf.scalar(batch).print();\n    });\n  }\n}`,
            },
          ],
        },
      ],
    },
    {
      // tf.data forEachAsync.
      code: TF + `await tf.data.array([1, 2]).forEachAsync((e) => {\n  tf.scalar(e).print();\n});`,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          data: data('`scalar()`', 1, 'for every element of the dataset'),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `await tf.data.array([1, 2]).forEachAsync((e) => {\n  tf.tidy(() => {\n    tf.scalar(e).print();\n  });\n});`,
            },
          ],
        },
      ],
    },
    {
      // A class method that reschedules itself through an arrow.
      code:
        TF +
        MODEL +
        `class Detector {
  loop() {
    model.predict(tf.zeros([1, 2])).print();
    requestAnimationFrame(() => this.loop());
  }
}`,
      errors: [
        {
          messageId: 'leak',
          line: 5,
          data: data('`zeros()` and `predict()`', 2, FRAME),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                MODEL +
                `class Detector {
  loop() {
    tf.tidy(() => {
      model.predict(tf.zeros([1, 2])).print();
    });
    requestAnimationFrame(() => this.loop());
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A helper called from a loop: its intermediates leak there, and the tensor it returns at the call.
      code:
        TF +
        `function features(v) {
  return tf.scalar(v).mul(2).add(1);
}
for (const v of [1, 2]) {
  const f = features(v);
  f.print();
}`,
      errors: [
        { messageId: 'leak', line: 3, data: data('`scalar()` and `mul()`', 2, LOOP, 6) },
        {
          messageId: 'leak',
          line: 6,
          data: data('`features()` (in `f`)', 1, LOOP),
          suggestions: [
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                `function features(v) {
  return tf.scalar(v).mul(2).add(1);
}
for (const v of [1, 2]) {
  const f = features(v);
  f.print();
  f.dispose();
}`,
            },
          ],
        },
      ],
    },
    {
      // A tidy that returns a tensor: the returned tensor survives it and must still be disposed.
      code: TF + `for (let i = 0; i < 3; i++) {\n  const y = tf.tidy(() => tf.scalar(i).square());\n  y.print();\n}`,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          data: data('`tf.tidy()` (in `y`)', 1, LOOP),
          suggestions: [
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                `for (let i = 0; i < 3; i++) {\n  const y = tf.tidy(() => tf.scalar(i).square());\n  y.print();\n  y.dispose();\n}`,
            },
          ],
        },
      ],
    },
    {
      // No dispose suggestion when a `continue` may skip it; named imports; a model loaded by await.
      code: `import {loadLayersModel, tensor2d} from '@tensorflow/tfjs';
const model = await loadLayersModel('model.json');
for (const row of [[1, 2]]) {
  const out = model.predict(tensor2d([row]));
  if (row[0] > 1) continue;
  out.print();
}`,
      errors: [{ messageId: 'leak', line: 4, data: data('`tensor2d()` and `predict()` (in `out`)', 2, LOOP) }],
    },
    {
      // A method rescheduled through bind, a var in a loop body, a .then callback in a loop.
      code:
        TF +
        `class Loop {
  run() {
    tf.ones([2]).print();
    requestAnimationFrame(this.run.bind(this));
  }
}`,
      errors: [
        {
          messageId: 'leak',
          line: 4,
          data: data('`ones()`', 1, FRAME),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `class Loop {
  run() {
    tf.tidy(() => {
      tf.ones([2]).print();
    });
    requestAnimationFrame(this.run.bind(this));
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: TF + `for (let i = 0; i < 3; i++) {\n  var t = tf.scalar(i);\n  t.print();\n}`,
      errors: [{ messageId: 'leak', line: 3, data: data('`scalar()` (in `t`, overwritten first)', 1, LOOP) }],
    },
    {
      code: TF + `for (const v of [1, 2]) {\n  tf.scalar(v).data().then((d) => tf.tensor(d).print());\n}`,
      errors: [
        { messageId: 'leak', line: 3, column: 3, data: data('`scalar()`', 1, LOOP) },
        {
          messageId: 'leak',
          line: 3,
          data: data('`tensor()`', 'up to 1', LOOP),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `for (const v of [1, 2]) {\n  tf.scalar(v).data().then((d) => tf.tidy(() => tf.tensor(d).print()));\n}`,
            },
          ],
        },
      ],
    },
    {
      // Drawn without await: disposing right after the draw could free it while it is read, so no dispose suggestion.
      code:
        TF +
        `setInterval(() => {\n  const img = tf.randomUniform([4, 4, 3]);\n  tf.browser.toPixels(img, canvas);\n}, 100);`,
      errors: [
        { messageId: 'leak', line: 3, data: data('`randomUniform()` (in `img`)', 1, 'on every `setInterval` tick') },
      ],
    },
    {
      // A model set by an init function (undefined before it: predict would throw there).
      code:
        TF +
        `let model;
async function init() {
  model = await tf.loadLayersModel('model.json');
  requestAnimationFrame(loop);
}
function loop() {
  model.predict(tf.zeros([1, 2])).print();
  requestAnimationFrame(loop);
}
init();`,
      errors: [
        {
          messageId: 'leak',
          line: 8,
          data: data('`zeros()` and `predict()`', 2, FRAME),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `let model;
async function init() {
  model = await tf.loadLayersModel('model.json');
  requestAnimationFrame(loop);
}
function loop() {
  tf.tidy(() => {
    model.predict(tf.zeros([1, 2])).print();
  });
  requestAnimationFrame(loop);
}
init();`,
            },
          ],
        },
      ],
    },
    {
      // `minimize(f, true)` returns the cost as a new scalar every step; it is only read.
      code:
        TF +
        OPT +
        `export function fit(xs, ys, steps) {\n  for (let s = 0; s < steps; s++) {\n    const cost = sgd.minimize(() => xs.matMul(w).sub(ys).square().mean(), true);\n    if (s % 20 === 0) console.log(s, cost.dataSync()[0]);\n  }\n}`,
      errors: [
        {
          messageId: 'leak',
          line: 6,
          data: data('`minimize()` (in `cost`)', 1, LOOP),
          suggestions: [
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                OPT +
                `export function fit(xs, ys, steps) {\n  for (let s = 0; s < steps; s++) {\n    const cost = sgd.minimize(() => xs.matMul(w).sub(ys).square().mean(), true);\n    if (s % 20 === 0) console.log(s, cost.dataSync()[0]);\n    cost.dispose();\n  }\n}`,
            },
          ],
        },
      ],
    },
    {
      // The cost dropped; the optimizer kept in \`this.optimizer\` (Adam).
      code:
        TF +
        `export class Trainer {\n  constructor() {\n    this.w = tf.variable(tf.zeros([3, 1]));\n    this.optimizer = tf.train.adam(0.01);\n  }\n  train(xs, ys, steps) {\n    for (let s = 0; s < steps; s++) this.optimizer.minimize(() => xs.matMul(this.w).sub(ys).square().mean(), true);\n  }\n}`,
      errors: [{ messageId: 'leak', line: 8, data: data('`minimize()`', 1, LOOP) }],
    },
    {
      // The method of the DQN case (silent when called only inside \`minimize\`), here also called in a plain loop.
      code:
        TF +
        MODEL +
        `const optimizer = tf.train.adam(0.01);\nexport class Agent {\n  qOfActions(states, actions) {\n    const picked = [];\n    for (let i = 0; i < actions.length; i++) {\n      const q = model.predict(states).gather([i]);\n      picked.push(q.gather([actions[i]], 1));\n    }\n    return tf.concat(picked);\n  }\n  train(states, actions, targets) {\n    optimizer.minimize(() => tf.losses.meanSquaredError(targets, this.qOfActions(states, actions)));\n  }\n  show(states, actions) {\n    for (let k = 0; k < 3; k++) this.qOfActions(states, actions).dispose();\n  }\n}`,
      errors: [
        {
          messageId: 'leak',
          line: 8,
          data: data('`predict()` and `gather()` (in `q`)', 2, LOOP),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              data: { tidy: 'tf.tidy' },
              output:
                TF +
                MODEL +
                `const optimizer = tf.train.adam(0.01);\nexport class Agent {\n  qOfActions(states, actions) {\n    const picked = [];\n    for (let i = 0; i < actions.length; i++) {\n      const q = tf.tidy(() => model.predict(states).gather([i]));\n      picked.push(q.gather([actions[i]], 1));\n    }\n    return tf.concat(picked);\n  }\n  train(states, actions, targets) {\n    optimizer.minimize(() => tf.losses.meanSquaredError(targets, this.qOfActions(states, actions)));\n  }\n  show(states, actions) {\n    for (let k = 0; k < 3; k++) this.qOfActions(states, actions).dispose();\n  }\n}`,
            },
            {
              messageId: 'disposeAfterUse',
              data: { names: '`q`', its: 'its' },
              output:
                TF +
                MODEL +
                `const optimizer = tf.train.adam(0.01);\nexport class Agent {\n  qOfActions(states, actions) {\n    const picked = [];\n    for (let i = 0; i < actions.length; i++) {\n      const q = model.predict(states).gather([i]);\n      picked.push(q.gather([actions[i]], 1));\n      q.dispose();\n    }\n    return tf.concat(picked);\n  }\n  train(states, actions, targets) {\n    optimizer.minimize(() => tf.losses.meanSquaredError(targets, this.qOfActions(states, actions)));\n  }\n  show(states, actions) {\n    for (let k = 0; k < 3; k++) this.qOfActions(states, actions).dispose();\n  }\n}`,
            },
          ],
        },
      ],
    },
    {
      // A user class whose \`minimize\` is its own (not an optimizer's): its function is not known to be scoped.
      code:
        TF +
        `class Search {\n  minimize(f) {\n    return f();\n  }\n}\nconst search = new Search();\nexport const best = search.minimize(() => {\n  for (let i = 0; i < 3; i++) tf.scalar(i).square().print();\n  return 0;\n});`,
      errors: [
        {
          messageId: 'leak',
          line: 9,
          data: data('`scalar()` and `square()`', 2, LOOP),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              data: { tidy: 'tf.tidy' },
              output:
                TF +
                `class Search {\n  minimize(f) {\n    return f();\n  }\n}\nconst search = new Search();\nexport const best = search.minimize(() => {\n  for (let i = 0; i < 3; i++) tf.tidy(() => {\n    tf.scalar(i).square().print();\n  });\n  return 0;\n});`,
            },
          ],
        },
      ],
    },
    {
      // A method parameter fed from a field that is null until a tensor is set: ops on it leak per batch.
      code:
        TF +
        `export class Gan {\n  constructor() {\n    this.y = null;\n  }\n  setData(labels) {\n    this.y = tf.expandDims(labels.argMax(-1), -1);\n  }\n  step(y, start, size) {\n    const labelBatch = y.slice(start, size).asType('float32');\n    tf.concat([labelBatch, labelBatch]).dispose();\n  }\n  train() {\n    for (let b = 0; b < 10; b++) this.step(this.y, b * 10, 10);\n  }\n}`,
      errors: [
        {
          messageId: 'leak',
          line: 10,
          data: data('`slice()` and `asType()` (in `labelBatch`)', 2, LOOP, 14),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `export class Gan {\n  constructor() {\n    this.y = null;\n  }\n  setData(labels) {\n    this.y = tf.expandDims(labels.argMax(-1), -1);\n  }\n  step(y, start, size) {\n    const labelBatch = tf.tidy(() => y.slice(start, size).asType('float32'));\n    tf.concat([labelBatch, labelBatch]).dispose();\n  }\n  train() {\n    for (let b = 0; b < 10; b++) this.step(this.y, b * 10, 10);\n  }\n}`,
            },
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                `export class Gan {\n  constructor() {\n    this.y = null;\n  }\n  setData(labels) {\n    this.y = tf.expandDims(labels.argMax(-1), -1);\n  }\n  step(y, start, size) {\n    const labelBatch = y.slice(start, size).asType('float32');\n    tf.concat([labelBatch, labelBatch]).dispose();\n    labelBatch.dispose();\n  }\n  train() {\n    for (let b = 0; b < 10; b++) this.step(this.y, b * 10, 10);\n  }\n}`,
            },
          ],
        },
      ],
    },
    {
      // A method called through an instance (`bot.choose`) in a loop leaks like a function would.
      code:
        TF +
        MODEL +
        `class Bot {\n  choose(obs) {\n    const q = model.predict(tf.tensor2d([obs]));\n    return q.argMax(1).dataSync()[0];\n  }\n}\nconst bot = new Bot();\nexport function play(env) {\n  while (!env.done) env.step(bot.choose(env.observe()));\n}`,
      errors: [
        {
          messageId: 'leak',
          line: 5,
          data: data('`tensor2d()` and `predict()` (in `q`)', 2, LOOP, 11),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                MODEL +
                `class Bot {\n  choose(obs) {\n    const q = tf.tidy(() => model.predict(tf.tensor2d([obs])));\n    return q.argMax(1).dataSync()[0];\n  }\n}\nconst bot = new Bot();\nexport function play(env) {\n  while (!env.done) env.step(bot.choose(env.observe()));\n}`,
            },
          ],
        },
        { messageId: 'leak', line: 6, data: data('`argMax()`', 1, LOOP, 11) },
      ],
    },
    {
      // The instance kept in a field of another class (`this.agent.act(s)` in `while (true)`).
      code:
        TF +
        MODEL +
        `class Agent {\n  act(s) {\n    return model.predict(tf.tensor2d([s])).argMax(1).dataSync()[0];\n  }\n}\nexport class World {\n  constructor() {\n    this.agent = new Agent();\n  }\n  run(env) {\n    while (true) {\n      if (env.step(this.agent.act(env.state))) break;\n    }\n  }\n}`,
      errors: [{ messageId: 'leak', line: 5, data: data('`tensor2d()`, `predict()` and `argMax()`', 3, LOOP, 14) }],
    },
    {
      // TypeScript: a parameter typed as a tensor is a tensor; methods on it make new ones.
      code: TF + `export function run(x: tf.Tensor, n: number) {\n  for (let i = 0; i < n; i++) x.square().print();\n}`,
      tsOnly: true,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          data: data('`square()`', 1, LOOP),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `export function run(x: tf.Tensor, n: number) {\n  for (let i = 0; i < n; i++) tf.tidy(() => {\n    x.square().print();\n  });\n}`,
            },
          ],
        },
      ],
    },
    {
      // model.fit reads x and y and disposes neither (TF.js 4.22: 10 fits on fresh tensors leave 20 more).
      code:
        TF +
        MODEL +
        `export async function train() {
  for (let i = 0; i < 10; i++) {
    const xs = tf.tensor2d([[i, i]]);
    await model.fit(xs, xs, { epochs: 1 });
  }
}`,
      errors: [
        {
          messageId: 'leak',
          line: 5,
          data: data('`tensor2d()` (in `xs`)', 1, LOOP),
          suggestions: [
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                MODEL +
                `export async function train() {
  for (let i = 0; i < 10; i++) {
    const xs = tf.tensor2d([[i, i]]);
    await model.fit(xs, xs, { epochs: 1 });
    xs.dispose();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // trainOnBatch too; evaluate's result is a tensor of its own.
      code:
        TF +
        MODEL +
        `export async function train(batches) {
  for (const b of batches) {
    const xs = tf.tensor2d(b);
    await model.trainOnBatch(xs, xs);
    const loss = model.evaluate(xs, xs);
    console.log(loss.dataSync()[0]);
  }
}`,
      errors: [
        {
          messageId: 'leak',
          line: 5,
          data: data('`tensor2d()` (in `xs`)', 1, LOOP),
          suggestions: [
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                MODEL +
                `export async function train(batches) {
  for (const b of batches) {
    const xs = tf.tensor2d(b);
    await model.trainOnBatch(xs, xs);
    const loss = model.evaluate(xs, xs);
    xs.dispose();
    console.log(loss.dataSync()[0]);
  }
}`,
            },
          ],
        },
        {
          messageId: 'leak',
          line: 7,
          data: data('`evaluate()` (in `loss`)', 1, LOOP),
          suggestions: [
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                MODEL +
                `export async function train(batches) {
  for (const b of batches) {
    const xs = tf.tensor2d(b);
    await model.trainOnBatch(xs, xs);
    const loss = model.evaluate(xs, xs);
    console.log(loss.dataSync()[0]);
    loss.dispose();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A function that calls itself when a promise settles runs again and again, like \`await tf.nextFrame(); tick()\`.
      code:
        TF +
        `function tick(step) {\n  tf.ones([step]).print();\n  tf.nextFrame().then(() => {\n    tick(step + 1);\n  });\n}\ntick(1);`,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          data: data('`ones()`', 1, 'on every call of `tick()`'),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `function tick(step) {\n  tf.tidy(() => {\n    tf.ones([step]).print();\n  });\n  tf.nextFrame().then(() => {\n    tick(step + 1);\n  });\n}\ntick(1);`,
            },
          ],
        },
      ],
    },
    {
      // The same with the function itself given to \`.then\`.
      code: TF + `function tick() {\n  const t = tf.ones([2]);\n  t.print();\n  tf.nextFrame().then(tick);\n}\ntick();`,
      errors: [
        {
          messageId: 'leak',
          line: 3,
          data: data('`ones()` (in `t`)', 1, 'on every call of `tick()`'),
          suggestions: [
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                `function tick() {\n  const t = tf.ones([2]);\n  t.print();\n  t.dispose();\n  tf.nextFrame().then(tick);\n}\ntick();`,
            },
          ],
        },
      ],
    },
    {
      // A \`var\` in the callback that runs again is new on every call: it leaks, nothing overwrites it.
      code:
        TF +
        MODEL +
        `await model.fit(tf.ones([4, 2]), tf.ones([4, 2]), {
  callbacks: {
    onEpochEnd: () => {
      var r = model.predict(tf.ones([1, 2]));
      r.print();
    },
  },
});`,
      errors: [
        {
          messageId: 'leak',
          line: 6,
          data: data('`ones()` and `predict()` (in `r`)', 2, 'at the end of every epoch'),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                MODEL +
                `await model.fit(tf.ones([4, 2]), tf.ones([4, 2]), {
  callbacks: {
    onEpochEnd: () => {
      var r = tf.tidy(() => model.predict(tf.ones([1, 2])));
      r.print();
    },
  },
});`,
            },
            {
              messageId: 'disposeAfterUse',
              output:
                TF +
                MODEL +
                `await model.fit(tf.ones([4, 2]), tf.ones([4, 2]), {
  callbacks: {
    onEpochEnd: () => {
      var r = model.predict(tf.ones([1, 2]));
      r.print();
      r.dispose();
    },
  },
});`,
            },
          ],
        },
      ],
    },
    {
      // A parameter written again before it is returned (\`d = tf.tensor(d); return d\`): the field holds that tensor.
      code:
        TF +
        `export class Lr {
  constructor(x) {
    this.x = this.prep(x);
  }
  prep(d) {
    d = tf.tensor(d);
    return d;
  }
  train() {
    for (let i = 0; i < 10; i++) this.x.square().print();
  }
}`,
      errors: [
        {
          messageId: 'leak',
          line: 11,
          data: data('`square()`', 1, LOOP),
          suggestions: [
            {
              messageId: 'wrapInTidy',
              output:
                TF +
                `export class Lr {
  constructor(x) {
    this.x = this.prep(x);
  }
  prep(d) {
    d = tf.tensor(d);
    return d;
  }
  train() {
    for (let i = 0; i < 10; i++) tf.tidy(() => {
      this.x.square().print();
    });
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
