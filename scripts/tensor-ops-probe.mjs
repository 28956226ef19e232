// What each TF.js 4.22 op and tensor method returns, found by calling it on small
// tensors (CPU backend): a new tensor (tf.memory().numTensors grows), several
// tensors, or a plain value. Shared by scripts/gen-tensor-ops.mjs, which writes
// src/knowledge/tensor-ops.ts, and tests/knowledge/tensor-ops.test.ts, which
// checks that table against the running library.
//
// Candidate names come from the library itself: the exports of tfjs-core's
// dist/ops/ops.js (and the modules it re-exports), its namespaces (`tf.image`,
// `tf.linalg`, `tf.losses` ...), `tf.browser`, and the own methods and fields of
// `tf.Tensor.prototype` and of a tensor instance.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

const require = createRequire(import.meta.url);
const coreDist = dirname(require.resolve('@tensorflow/tfjs-core/dist/index.js'));

export async function initTf() {
  await tf.setBackend('cpu');
  await tf.ready();
  return { version: tf.version.tfjs, backend: tf.getBackend() };
}

/** Namespaces of ops.js (`const image = {...}`) whose members are ops, plus `browser`. */
const OP_NAMESPACES = ['image', 'linalg', 'losses', 'signal', 'spectral', 'sparse', 'string', 'browser'];

/** Ops that are not worth probing: they never make a tensor a user keeps (op, OP_SCOPE_SUFFIX). */
const NOT_OPS = new Set(['op', 'OP_SCOPE_SUFFIX']);

function exportsOf(file) {
  const text = readFileSync(file, 'utf8');
  const names = [];
  for (const m of text.matchAll(/^export \{([^}]*)\} from '([^']+)'/gm)) {
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.push(name);
    }
  }
  for (const m of text.matchAll(/^export (?:async )?function\*? ?(\w+)|^export const (\w+)/gm))
    names.push(m[1] ?? m[2]);
  for (const m of text.matchAll(/^export \* from '([^']+)'/gm)) {
    names.push(...exportsOf(join(dirname(file), `${m[1]}.js`)));
  }
  return names;
}

/** Every candidate op path: `['add']`, `['image', 'resizeBilinear']`, `['browser', 'fromPixels']` ... */
export function opCandidates() {
  const top = exportsOf(join(coreDist, 'ops', 'ops.js')).filter(
    (n) => !NOT_OPS.has(n) && !OP_NAMESPACES.includes(n) && typeof tf[n] === 'function',
  );
  const paths = [...new Set(top)].sort().map((n) => [n]);
  for (const ns of OP_NAMESPACES) {
    for (const n of Object.keys(tf[ns] ?? {}).sort()) if (typeof tf[ns][n] === 'function') paths.push([ns, n]);
  }
  return paths;
}

/** Every candidate tensor method, and the tensor's data fields and getters. */
export function memberCandidates() {
  const proto = tf.Tensor.prototype;
  const methods = [];
  const fields = new Set();
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor') continue;
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (d.get) fields.add(name);
    else if (typeof d.value === 'function') methods.push(name);
  }
  const t = tf.scalar(1);
  for (const name of Object.keys(t)) fields.add(name);
  t.dispose();
  return { methods: methods.sort(), fields: [...fields].sort() };
}

/** Small inputs, made fresh for each attempt. */
function fixtures() {
  const f = {
    m: tf.tensor2d([
      [1, 2],
      [3, 4],
    ]),
    v: tf.tensor1d([0.5, 1.5, 2.5]),
    i: tf.tensor1d([0, 1, 2], 'int32'),
    b: tf.tensor1d([true, false, true], 'bool'),
    s: tf.scalar(2),
    img: tf.ones([1, 4, 4, 3]),
    img3: tf.ones([4, 4, 3]),
    filt: tf.ones([2, 2, 3, 2]),
    dfilt: tf.ones([2, 2, 3, 1]),
    pfilt: tf.ones([1, 1, 3, 2]),
    c: tf.complex([1, 2], [3, 4]),
    str: tf.tensor1d(['a b', 'c'], 'string'),
    boxes: tf.tensor2d([[0, 0, 1, 1]]),
    scores: tf.tensor1d([0.9]),
  };
  return f;
}

const PIXELS = { data: new Uint8Array(4 * 4 * 4).fill(100), width: 4, height: 4 };

/** Argument lists tried in order (the receiver of a method is `args[0]` in `recv` forms). */
function argForms(f) {
  return [
    [],
    [f.m],
    [f.v],
    [f.i],
    [f.b],
    [f.m, f.m],
    [f.v, f.v],
    [f.b, f.b],
    [f.m, 1],
    [f.m, 0],
    [f.i, 3],
    [f.m, [2, 2]],
    [f.m, [1, 0]],
    [f.m, [4]],
    [f.m, f.i.slice(0, 2)],
    [f.v, 0, 1],
    [f.m, 0, 1],
    [f.m, [0, 0], [1, 1]],
    [
      f.m,
      [
        [1, 1],
        [1, 1],
      ],
    ],
    [f.img, [2, 2]],
    [f.img3, [2, 2]],
    [f.img, 2, 1, 'same'],
    [f.img, f.filt, 1, 'same'],
    [f.img, f.dfilt, 1, 'same'],
    [f.img, f.dfilt, f.pfilt, 1, 'same'],
    [f.img, [2, 2], 1, 'same'],
    [f.img, [1, 2, 2, 2], 1, 'same'],
    [f.img, f.v.slice(0, 1).reshape([1, 1]).tile([1, 4]), f.i.slice(0, 1), [2, 2]],
    [f.img, 0.5],
    [f.img, 1],
    [f.c],
    [f.str],
    [f.str, ' '],
    [f.boxes, f.scores, 1],
    [f.v, f.v, f.v, f.v],
    [f.m, f.m, f.m],
    [f.m, f.v.slice(0, 2), f.v.slice(0, 2)],
    [f.m, f.v.slice(0, 2), f.v.slice(0, 2), f.v.slice(0, 2), f.v.slice(0, 2)],
    [[1, 2, 3]],
    [[2, 2]],
    [
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [[[[[1]]]]],
    [[[[[[1]]]]]],
    [[[[[[[1]]]]]]],
    [1],
    [3],
    [2, 3],
    [0, 3, 1],
    [[f.m, f.m]],
    [[f.v, f.v]],
    [f.v, [f.i.slice(0, 1)], 2],
    [PIXELS],
    [PIXELS, 3],
    [f.m, 'int32'],
    [f.m, 2, 2],
    [f.m, 1, 2, 2],
    [f.m, 1, 1, 2, 2],
    [f.m, 1, 1, 1, 2, 2],
    [f.s],
    [[[[1]]]],
    [
      f.m,
      [
        [1, 1],
        [1, 1],
      ],
      'reflect',
    ],
    [f.img.reshape([1, 4, 12]), tf.ones([2, 12, 2]), 1, 'same'],
    [f.img, tf.ones([2, 2, 3, 3]), [1, 4, 4, 3], 1, 'same'],
    [tf.ones([1, 1, 1, 4]), 2],
    ['ij,jk->ik', f.m, f.m],
  ];
}

function isTensor(x) {
  return x instanceof tf.Tensor;
}

function tensorsIn(x) {
  if (isTensor(x)) return [x];
  if (Array.isArray(x)) return x.flatMap(tensorsIn);
  if (x && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype)
    return Object.values(x).flatMap(tensorsIn);
  return [];
}

/**
 * Call `fn(...args)` for each argument form until one works, and say what came out:
 * 'tensor' (one new tensor, numTensors grew), 'tensors' (an array or object of new
 * tensors), 'plain' (no tensor; numTensors unchanged), or undefined (every form threw).
 * Promises are awaited: 'async-tensor' / 'async-plain'.
 */
export async function classify(call) {
  let found;
  for (let k = 0; found === undefined; k++) {
    // Every tensor made for or by this attempt is freed by the scope's end.
    tf.engine().startScope();
    const f = fixtures();
    const forms = argForms(f);
    const inputs = forms.flat(2).filter(isTensor);
    if (k >= forms.length) {
      tf.engine().endScope();
      break;
    }
    const before = tf.memory().numTensors;
    let result;
    let threw = false;
    const warn = console.warn;
    console.warn = () => {};
    try {
      result = call(forms[k]);
      if (result && typeof result.then === 'function') result = { awaited: await result };
    } catch {
      threw = true;
    } finally {
      console.warn = warn;
    }
    if (!threw) {
      const awaited = result && typeof result === 'object' && 'awaited' in result;
      const value = awaited ? result.awaited : result;
      const made = tf.memory().numTensors - before;
      const fresh = tensorsIn(value).filter((t) => !inputs.includes(t));
      let kind;
      if (isTensor(value) && fresh.length === 1 && made >= 1) kind = 'tensor';
      else if (!isTensor(value) && fresh.length > 1 && made >= fresh.length) kind = 'tensors';
      // A call without arguments says nothing of what the op does with them (`tf.meshgrid()` is []).
      else if (fresh.length === 0 && made === 0 && !isTensor(value) && forms[k].length > 0) kind = 'plain';
      if (kind) found = { kind: awaited ? `async-${kind}` : kind, form: k };
    }
    tf.engine().endScope();
  }
  return found;
}

/** The op at `path` (`['image', 'resizeBilinear']`), classified. */
export function classifyOp(path) {
  const fn = path.length === 1 ? tf[path[0]] : tf[path[0]][path[1]];
  return classify((args) => fn(...args));
}

/** A tensor method, classified on the first argument form whose first element is a tensor (the receiver). */
export function classifyMethod(name) {
  return classify((args) => {
    if (!isTensor(args[0])) throw new Error('no receiver');
    const receiver = args[0].clone();
    try {
      return receiver[name](...args.slice(1));
    } finally {
      if (name !== 'dispose') receiver.dispose();
    }
  });
}

/** Every candidate, classified: `{ops: {path: kind}, methods: {name: kind}, fields}`; unclassified ones left out. */
export async function probeAll() {
  const ops = {};
  for (const path of opCandidates()) {
    const r = await classifyOp(path);
    if (r) ops[path.join('.')] = r.kind;
  }
  const { methods: names, fields } = memberCandidates();
  const methods = {};
  for (const name of names) {
    const r = await classifyMethod(name);
    if (r) methods[name] = r.kind;
  }
  const modelMethods = {};
  for (const name of MODEL_METHOD_CANDIDATES) {
    const r = await classifyModelMethod(name);
    if (r) modelMethods[name] = r.kind;
  }
  const optimizers = optimizerFactories();
  const optimizerFlagMethods = {};
  for (const [name, index] of OPTIMIZER_FLAG_CANDIDATES) {
    if (optimizers.every((path) => optimizerFlagTensor(path, name, index))) optimizerFlagMethods[name] = index;
  }
  const scopedOps = Object.keys(SCOPED_OP_CANDIDATES)
    .filter((path) => freesWhatItRuns(SCOPED_OP_CANDIDATES[path]))
    .sort();
  const scopedOptimizerMethods = Object.keys(SCOPED_OPTIMIZER_METHOD_CANDIDATES)
    .filter((name) =>
      optimizers.every((path) =>
        freesWhatItRuns(() => {
          const opt = tf.train[path.split('.')[1]](0.1, 0.9);
          const run = SCOPED_OPTIMIZER_METHOD_CANDIDATES[name](opt);
          return { run, dispose: () => opt.dispose() };
        }),
      ),
    )
    .sort();
  return { ops, methods, fields, modelMethods, optimizers, optimizerFlagMethods, scopedOps, scopedOptimizerMethods };
}

/** The `tf.train` factories that make an optimizer (an object with `minimize`), as paths: `train.sgd` ... */
export function optimizerFactories() {
  return Object.keys(tf.train)
    .filter((k) => typeof tf.train[k] === 'function')
    .sort()
    .filter((k) => {
      const o = tf.train[k](0.1, 0.9);
      const ok = typeof o?.minimize === 'function';
      o?.dispose?.();
      return ok;
    })
    .map((k) => `train.${k}`);
}

/** Optimizer methods whose flag argument (at the index) decides whether they return a tensor: `minimize(f, returnCost)`. */
export const OPTIMIZER_FLAG_CANDIDATES = [['minimize', 1]];

/**
 * Does `optimizer[name](f, ...)` of the factory at `path` return one new tensor when
 * the flag at `index` is true, and no tensor (null, numTensors unchanged) when it is
 * false or left out? Measured after a first call, which makes the optimizer's slots.
 */
export function optimizerFlagTensor(path, name, index) {
  const factory = tf.train[path.split('.')[1]];
  tf.engine().startScope();
  const opt = factory(0.1, 0.9);
  const w = tf.variable(tf.ones([2, 1]));
  const xs = tf.ones([3, 2]);
  const f = () => xs.matMul(w).square().mean();
  const call = (flag) => {
    const args = [f];
    if (flag !== undefined) args[index] = flag;
    const before = tf.memory().numTensors;
    const r = opt[name](...args);
    return { r, made: tf.memory().numTensors - before };
  };
  try {
    call(false);
    const on = call(true);
    const off = call(false);
    const omitted = call(undefined);
    return (
      on.r instanceof tf.Tensor &&
      on.made === 1 &&
      off.r === null &&
      off.made === 0 &&
      omitted.r === null &&
      omitted.made === 0
    );
  } finally {
    opt.dispose();
    w.dispose();
    tf.engine().endScope();
  }
}

/** Model methods worth asking about: each is called on a one-layer model with a [1, 2] input. */
export const MODEL_METHOD_CANDIDATES = ['predict', 'predictOnBatch', 'execute', 'evaluate', 'summary'];

/** A model method, classified on a tiny sequential model. */
export async function classifyModelMethod(name) {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2] })] });
  model.compile({ loss: 'meanSquaredError', optimizer: 'sgd' });
  const log = console.log;
  try {
    console.log = () => {};
    return await classify((args) => {
      const x = tf.ones([1, 2]);
      if (name === 'execute') return model.execute(x, model.outputs[0].name);
      if (name === 'evaluate') return model.evaluate(x, tf.ones([1, 3]));
      return model[name](x, ...args.slice(0, 0));
    });
  } finally {
    console.log = log;
    model.dispose();
  }
}

/**
 * Ops that take a function and run it (now, or when the function they return is
 * called): each makes its inputs and returns how to run a function `f` through the
 * op (`tf.grad(f)` runs `f` when `tf.grad(f)(x)` is called).
 */
export const SCOPED_OP_CANDIDATES = {
  tidy: () => ({ run: (f) => tf.tidy(() => f()) }),
  grad: () => {
    const x = tf.ones([3]);
    return { run: (f) => tf.grad((a) => f(a))(x) };
  },
  grads: () => {
    const [x, y] = [tf.ones([3]), tf.zeros([3])];
    return { run: (f) => tf.grads((a, b) => f(a, b))([x, y]) };
  },
  valueAndGrad: () => {
    const x = tf.ones([3]);
    return { run: (f) => tf.valueAndGrad((a) => f(a))(x) };
  },
  valueAndGrads: () => {
    const [x, y] = [tf.ones([3]), tf.zeros([3])];
    return { run: (f) => tf.valueAndGrads((a, b) => f(a, b))([x, y]) };
  },
  variableGrads: () => ({ run: (f) => tf.variableGrads(() => f()) }),
  // The forward function of the op `customGrad` makes, each time the op is called.
  customGrad: () => {
    const x = tf.ones([3]);
    return { run: (f) => tf.customGrad((a) => ({ value: f(a), gradFunc: (dy) => [dy] }))(x) };
  },
};

/** Optimizer methods that take a function, with how to call them on an optimizer (each of `tf.train`'s). */
export const SCOPED_OPTIMIZER_METHOD_CANDIDATES = {
  minimize: (opt) => (f) => opt.minimize(() => f()),
  computeGradients: (opt) => (f) => opt.computeGradients(() => f()),
};

/**
 * Does `run(f)` free every tensor `f` makes except what it returns (a tidy for `f`)?
 * `prepare()` makes the inputs and gives `run`; `f` makes four intermediates and
 * returns a scalar. `run` is called once before counting, so that tensors an
 * optimizer keeps (its slots) are made first.
 */
export function freesWhatItRuns(prepare) {
  tf.engine().startScope();
  const w = tf.variable(tf.ones([3]));
  const { run, dispose } = prepare();
  try {
    let made = 0;
    const f = (...args) => {
      const start = tf.memory().numTensors;
      let t = w.mul(2);
      for (const a of args) t = t.add(a);
      const cost = t.add(1).square().sum();
      made = tf.memory().numTensors - start;
      return cost;
    };
    const first = new Set(tensorsIn(run(f)));
    const before = tf.memory().numTensors;
    const out = new Set(tensorsIn(run(f)).filter((t) => !first.has(t)));
    const grew = tf.memory().numTensors - before;
    // `f` made more than it returned, and only what the call returns is left.
    return made >= 4 && grew <= out.size;
  } catch {
    return false;
  } finally {
    dispose?.();
    w.dispose();
    tf.engine().endScope();
  }
}

export { tf };
