/**
 * What a TF.js API call means: which calls make models, layers, symbolic tensors,
 * loss calls, activation ops and one-hot labels, and which tensor methods keep
 * those meanings. The evaluator finds what a call calls; this module says what
 * the TF.js call gives, evaluating arguments through the evaluator (`TfApiHost`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { lossForPath } from '../knowledge/losses.js';
import { unwrap } from './ast.js';
import { isBinaryData, isNumericLiteralData, TENSOR_MAKERS } from './literal-data.js';
import {
  UNKNOWN,
  type Env,
  type FunctionValue,
  type LayerFact,
  type ModelFact,
  type Node,
  type Value,
} from './values.js';

/** What the TF.js meanings need of the evaluator. */
export interface TfApiHost {
  evaluate(node: Node, env?: Env): Value;
  /** Call a function value (`tf.tidy(fn)` returns what `fn` returns). */
  invoke(fn: FunctionValue, args: readonly Node[] | readonly Value[], env: Env | undefined): Value;
  /** The one model fact of a model-making call (`tf.sequential`, `tf.model`, a loader, `new tf.Sequential`). */
  modelFact(
    n: TSESTree.CallExpression | TSESTree.NewExpression,
    kind: ModelFact['kind'],
    config: Node | undefined,
    env: Env | undefined,
  ): ModelFact;
  /** The one layer fact of a `tf.layers.<factory>(config)` call. */
  layerFact(factory: string, n: TSESTree.CallExpression, config: Node | undefined, env: Env | undefined): LayerFact;
}

/** Activation ops, as `tf.X(t)` or `t.X()`, and the canonical activation they apply. */
export const ACTIVATION_OPS: ReadonlyMap<string, string> = new Map([
  ['softmax', 'softmax'],
  ['sigmoid', 'sigmoid'],
  ['logSoftmax', 'logSoftmax'],
  ['logSigmoid', 'logSigmoid'],
  ['log', 'log'],
]);

/** TF.js tensor classes a type annotation can name (`tf.Variable` is a tensor too). */
const TENSOR_TYPES: ReadonlySet<string> = new Set([
  'Tensor',
  'Scalar',
  'Tensor1D',
  'Tensor2D',
  'Tensor3D',
  'Tensor4D',
  'Tensor5D',
  'Tensor6D',
  'Variable',
]);

/** Tensor methods through which a loss value stays "the loss" (reductions and scaling). */
const LOSS_PRESERVING_METHODS = new Set(['mean', 'sum', 'asScalar', 'squeeze', 'reshape', 'mul', 'div']);

/**
 * Tensor methods (and `tf.X(t, ...)` functions) that keep a one-hot tensor one-hot:
 * they change its dtype or shape, not its values. (`reshape` could in principle move
 * the class axis; labels given to `fit` must keep `[examples, classes]`.)
 */
const ONE_HOT_PRESERVING_METHODS = new Set(['cast', 'toFloat', 'toInt', 'asType', 'clone', 'reshape', 'as2D']);

const MODEL_OUTPUT_METHODS = new Set(['predict', 'apply', 'predictOnBatch', 'call']);

/**
 * Tensor methods (and `tf.X(t, ...)` functions) that move or select values without
 * changing them: an activation's output stays that activation's (probabilities stay
 * probabilities), a model's output stays that output.
 */
const VALUE_PRESERVING_OPS = new Set([
  'squeeze',
  'reshape',
  'expandDims',
  'flatten',
  'transpose',
  'slice',
  'gather',
  'as1D',
  'as2D',
  'as3D',
  'as4D',
  'clone',
]);

/** `tf.loadLayersModel`, `tf.loadGraphModel`, `tf.loadModel`, `tf.models.modelFromJSON`: models of unknown topology. */
function isLoader(path: readonly string[]): boolean {
  if (path.length === 1)
    return path[0] === 'loadLayersModel' || path[0] === 'loadGraphModel' || path[0] === 'loadModel';
  return path.length === 2 && path[0] === 'models' && path[1] === 'modelFromJSON';
}

/** The root of every TF.js path (`tf` itself). */
export const TF_ROOT: readonly string[] = Object.freeze([]);
const childPaths = new WeakMap<readonly string[], Map<string, readonly string[]>>();

/**
 * `[...path, name]`, made once: TF.js paths are few (`layers`, `layers.dense` ...)
 * and read on every member access, so each is interned by its parent.
 */
export function childPath(path: readonly string[], name: string): readonly string[] {
  let children = childPaths.get(path);
  if (!children) {
    children = new Map();
    childPaths.set(path, children);
  }
  let child = children.get(name);
  if (!child) {
    child = Object.freeze([...path, name]);
    children.set(name, child);
  }
  return child;
}

/** Is `path` a TF.js tensor class a type annotation can name (`tf.Tensor`, `Tensor2D`)? */
export function isTensorType(path: readonly string[]): boolean {
  return path.length === 1 && TENSOR_TYPES.has(path[0]!);
}

/**
 * A method of a value the TF.js API made (a layer, a model, a loss call, a tensor),
 * or undefined when `obj` is no such value.
 */
export function tfMethod(
  host: TfApiHost,
  obj: Value,
  name: string,
  n: TSESTree.CallExpression,
  env: Env | undefined,
): Value | undefined {
  switch (obj.kind) {
    case 'layer':
      if (name === 'apply') {
        const arg = n.arguments[0];
        return { kind: 'symbolic', layer: obj.layer, input: arg ? host.evaluate(arg, env) : UNKNOWN, node: n };
      }
      return UNKNOWN;
    case 'model':
      if (name === 'apply' && n.arguments[0] && n.arguments[0].type !== 'SpreadElement') {
        // A model applied to a symbolic tensor is a layer of the functional API.
        const input = host.evaluate(n.arguments[0], env);
        if (isSymbolic(input)) return { kind: 'symbolic', model: obj.model, input, node: n };
      }
      if (MODEL_OUTPUT_METHODS.has(name)) {
        return { kind: 'tensor', origin: 'model-output', model: obj.model, node: n };
      }
      return UNKNOWN;
    case 'loss-call':
      if (LOSS_PRESERVING_METHODS.has(name)) return obj;
      return { kind: 'tensor', origin: 'op', node: n };
    case 'tensor': {
      if (obj.origin === 'one-hot' && ONE_HOT_PRESERVING_METHODS.has(name)) return obj;
      if (obj.origin === 'literal' && (VALUE_PRESERVING_OPS.has(name) || ACTIVATION_OPS.has(name))) return obj;
      if ((obj.origin === 'activation-op' || obj.origin === 'model-output') && VALUE_PRESERVING_OPS.has(name))
        return obj;
      if (name === 'oneHot') return { kind: 'tensor', origin: 'one-hot', node: n };
      const op = ACTIVATION_OPS.get(name);
      const callee = unwrap(n.callee) as TSESTree.MemberExpression;
      if (op) {
        return { kind: 'tensor', origin: 'activation-op', op, node: n, argument: obj, argumentNode: callee.object };
      }
      return { kind: 'tensor', origin: 'op', node: n };
    }
    default:
      return undefined;
  }
}

/** A symbolic tensor (or a list of them) on some path: what a layer of the functional API is applied to. */
function isSymbolic(v: Value): boolean {
  if (v.kind === 'symbolic') return true;
  if (v.kind === 'array') return v.elements.some((e) => e !== undefined && isSymbolic(e));
  if (v.kind === 'choice') return v.options.some((o) => isSymbolic(o.value));
  return false;
}

/** What calling the TF.js API object at `path` gives (`tf.sequential(...)`, `tf.layers.dense(...)`, `tf.losses.x(...)` ...). */
export function tfCall(
  host: TfApiHost,
  path: readonly string[],
  n: TSESTree.CallExpression,
  env: Env | undefined,
): Value {
  const a0 = n.arguments[0];
  const a1 = n.arguments[1];
  const p0 = path[0];
  if (path.length === 1) {
    if (p0 === 'sequential') return { kind: 'model', model: host.modelFact(n, 'sequential', a0, env) };
    if (p0 === 'model') return { kind: 'model', model: host.modelFact(n, 'functional', a0, env) };
    if (p0 === 'input') return { kind: 'symbolic', node: n };
  } else if (path.length === 2 && p0 === 'layers') {
    if (path[1] === 'input') return { kind: 'symbolic', node: n };
    return { kind: 'layer', layer: host.layerFact(path[1]!, n, a0, env) };
  }
  if (isLoader(path)) return { kind: 'model', model: host.modelFact(n, 'loaded', undefined, env) };
  const loss = lossForPath(path);
  if (loss) {
    return {
      kind: 'loss-call',
      loss,
      call: n,
      callee: n.callee,
      labels: a0 ? host.evaluate(a0, env) : UNKNOWN,
      prediction: a1 && a1.type !== 'SpreadElement' ? host.evaluate(a1, env) : UNKNOWN,
    };
  }
  if (path.length === 1) {
    const op = ACTIVATION_OPS.get(path[0]!);
    if (op) {
      const argument = a0 ? host.evaluate(a0, env) : UNKNOWN;
      // An activation of constant data is a constant: no gradient flows through it.
      if (argument.kind === 'tensor' && argument.origin === 'literal') return argument;
      return { kind: 'tensor', origin: 'activation-op', op, node: n, argument, argumentNode: a0 };
    }
    if (TENSOR_MAKERS.has(path[0]!) && a0 && a0.type !== 'SpreadElement') {
      const data = host.evaluate(a0, env);
      if (isNumericLiteralData(data))
        return { kind: 'tensor', origin: 'literal', node: n, ...(isBinaryData(data) ? { binary: true } : {}) };
      return { kind: 'tensor', origin: 'op', node: n, data: a0 };
    }
    if (VALUE_PRESERVING_OPS.has(path[0]!) && a0 && a0.type !== 'SpreadElement') {
      const x = host.evaluate(a0, env);
      if (
        x.kind === 'tensor' &&
        (x.origin === 'activation-op' || x.origin === 'model-output' || x.origin === 'literal')
      )
        return x;
    }
    if (path[0] === 'oneHot') return { kind: 'tensor', origin: 'one-hot', node: n };
    if (ONE_HOT_PRESERVING_METHODS.has(path[0]!) && a0 && a0.type !== 'SpreadElement') {
      const x = host.evaluate(a0, env);
      if (x.kind === 'tensor' && x.origin === 'one-hot') return x;
    }
    if (path[0] === 'tidy') {
      const fnArg = n.arguments.find((a) => a.type !== 'Literal');
      const f = fnArg ? host.evaluate(fnArg, env) : UNKNOWN;
      return f.kind === 'function' ? host.invoke(f, [], env) : UNKNOWN;
    }
  }
  return { kind: 'tensor', origin: 'op', node: n };
}

/**
 * `new tf.Sequential(config)` and `new tf.LayersModel(config)`: the classes behind
 * `tf.sequential(config)` and `tf.model(config)`, with the same config.
 */
export function tfConstructor(
  host: TfApiHost,
  path: readonly string[],
  n: TSESTree.NewExpression,
  env: Env | undefined,
): Value {
  if (path.length !== 1) return UNKNOWN;
  const kind = path[0] === 'Sequential' ? 'sequential' : path[0] === 'LayersModel' ? 'functional' : undefined;
  return kind ? { kind: 'model', model: host.modelFact(n, kind, n.arguments[0], env) } : UNKNOWN;
}
