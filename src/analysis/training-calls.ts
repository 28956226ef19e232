/**
 * Calls of a model's training methods (`compile`, `fit`, `fitDataset`, `trainOnBatch`,
 * `evaluate`, `evaluateDataset`, `predict`) and what the rules about them ask: the
 * options object written at the call, whether the returned promise is dropped, where
 * the same model is used next, and which layers of a sequential model are not its
 * first.
 *
 * Computed on the first question only (files that never ask pay nothing), from the
 * calls the analysis already recorded.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ACCURACY_FUNCTIONS, ACCURACY_STRINGS } from '../knowledge/accuracy.js';
import {
  isModelMethod,
  MODEL_METHOD_OPTIONS_ARGUMENT as OPTIONS_ARGUMENT,
  type ModelMethod,
} from '../knowledge/options.js';
import {
  calleeName,
  contains,
  enclosingFunction,
  isFunctionNode,
  isLoop,
  propertyKey,
  staticMemberName,
  unwrap,
  walk,
  thisClassBody,
} from './ast.js';
import type { Evaluator } from './evaluator.js';
import { MAX_POSSIBILITIES, possibilities, type Possibility } from './guards.js';
import {
  isNullish,
  type FunctionNode,
  type LayerFact,
  type ModelFact,
  type ModelView,
  type Node,
  type Value,
} from './values.js';

export type TrainingMethod = ModelMethod | 'trainOnBatch';

export interface ModelCall {
  readonly call: TSESTree.CallExpression;
  readonly method: TrainingMethod;
  /** The expression the method is called on (`model`, `this.model`). */
  readonly receiver: Node;
  /** The models the receiver is, on every path (never empty). */
  readonly models: readonly ModelFact[];
}

/** A layer written in a sequential model's `layers` array or `add` call after a layer that surely comes first. */
export interface LaterLayer {
  readonly layer: LayerFact;
  readonly model: ModelFact;
}

/** A use of the model after a call, in the same function. */
export interface LaterUse {
  readonly node: Node;
  /** The method called on the model there (`predict`), if any. */
  readonly method: string | undefined;
}

/** A use of the model after a helper whose `fit` floats has returned (or its promise has settled). */
export interface UseAfterHelper {
  readonly use: LaterUse;
  /** The call of the helper. */
  readonly via: TSESTree.CallExpression;
  /** The helper's name as called: `learn`, `this.train`. */
  readonly helper: string;
}

/** A floating training call: the call itself, or a `.then()` / `.catch()` / `.finally()` chain on it, is a statement. */
export interface FloatingCall {
  /** The dropped expression: the call, or the outermost call of its chain. */
  readonly dropped: TSESTree.CallExpression;
  /** The chain's methods in order (`['then', 'catch']`); empty when the call itself is dropped. */
  readonly chain: readonly string[];
}

/** An accuracy metric in a `compile` config: `'accuracy'`, `'acc'`, `tf.metrics.binaryAccuracy` ... */
export interface AccuracyMetric {
  /** As written: the string literal or the `tf.metrics.x` expression. */
  readonly node: Node;
  readonly name: string;
  readonly form: 'string' | 'function';
  /** The array literal whose elements it is among, when it is one (see the rule for the check). */
  readonly array?: TSESTree.ArrayExpression;
}

const PROMISE_METHODS: ReadonlySet<string> = new Set(['fit', 'fitDataset', 'trainOnBatch']);

/** Promise methods a dropped chain may be made of: the chain settles when training ends, but nobody waits for it. */
const CHAIN_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/**
 * Methods of a model that read its weights or train it: called while a `fit` runs,
 * they see the untrained model or collide with it. Other uses (`summary()`, the model
 * handed to a function that may only keep it) are not judged.
 */
const WEIGHT_USES: ReadonlySet<string> = new Set([
  'predict',
  'predictOnBatch',
  'execute',
  'evaluate',
  'evaluateDataset',
  'fit',
  'fitDataset',
  'trainOnBatch',
  'compile',
  'save',
  'getWeights',
  'setWeights',
  'dispose',
]);

/**
 * Methods of a layer that read or write its weights: on a layer of the model
 * (`model.getLayer(name)`, `model.layers[i]`) they are uses of the model's weights.
 */
const LAYER_WEIGHT_USES: ReadonlySet<string> = new Set(['getWeights', 'setWeights']);

export class TrainingCalls {
  private calls: ModelCall[] | undefined;
  private later: LaterLayer[] | undefined;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly ev: Evaluator,
    private readonly allCalls: readonly TSESTree.CallExpression[],
    private readonly view: ModelView,
  ) {}

  /**
   * Every call of a training method on a value that is a model on every path, in
   * source order: those the rules judge, which pass an options argument or drop the
   * promise of a training call (receivers of other calls, most `predict(x)`, are not
   * evaluated).
   */
  modelCalls(): readonly ModelCall[] {
    if (this.calls) return this.calls;
    const out: ModelCall[] = [];
    for (const call of this.allCalls) {
      const name = calleeName(call);
      if (name === undefined || !(isModelMethod(name) || name === 'trainOnBatch')) continue;
      const callee = unwrap(call.callee);
      if (callee.type !== 'MemberExpression') continue;
      const withOptions = name !== 'trainOnBatch' && call.arguments.length > OPTIONS_ARGUMENT[name];
      if (!withOptions && !(PROMISE_METHODS.has(name) && droppedChain(call))) continue;
      const receiver = unwrap(callee.object);
      const models: ModelFact[] = [];
      let allModels = true;
      for (const p of possibilities(this.ev.evaluate(receiver))) {
        if (isNullish(p.value)) continue;
        if (p.value.kind === 'model') models.push(p.value.model);
        else allModels = false;
      }
      if (allModels && models.length > 0) out.push({ call, method: name, receiver, models });
    }
    return (this.calls = out);
  }

  /**
   * The options object of a call as written: an object literal at the call, or a
   * `const` initialised with one and read nowhere else (then its keys are options of
   * this call alone). Undefined otherwise (a variable shared with other code, a parameter).
   */
  optionsObject(call: ModelCall): TSESTree.ObjectExpression | undefined {
    if (call.method === 'trainOnBatch') return undefined;
    const arg = call.call.arguments[OPTIONS_ARGUMENT[call.method]];
    if (!arg) return undefined;
    const node = unwrap(arg);
    if (node.type === 'ObjectExpression') return node;
    if (node.type !== 'Identifier') return undefined;
    const variable = this.ev.variableOf(node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !def || def.type !== 'Variable' || def.parent?.kind !== 'const') return undefined;
    const init = def.node.init && unwrap(def.node.init);
    if (init?.type !== 'ObjectExpression' || def.node.id.type !== 'Identifier') return undefined;
    const reads = variable.references.filter((r) => !r.init);
    return reads.length === 1 && reads[0]!.identifier === node ? init : undefined;
  }

  /**
   * Is the promise a `fit` / `fitDataset` / `trainOnBatch` call returns dropped: the
   * call, or a `.then()` / `.catch()` / `.finally()` chain on it, is an expression
   * statement? (Nobody waits for training to end.)
   */
  floating(call: ModelCall): FloatingCall | undefined {
    return PROMISE_METHODS.has(call.method) ? droppedChain(call.call) : undefined;
  }

  /** Is the call inside a loop of its own function, with a receiver declared outside that loop? */
  inLoopOverSameModel(call: ModelCall): TSESTree.Node | undefined {
    const fn = enclosingFunction(call.call);
    for (let n: Node | undefined = call.call.parent; n && n !== fn; n = n.parent) {
      if (!isLoop(n)) continue;
      const loop = n;
      const key = receiverKey(call.receiver, this.ev);
      if (key === undefined) return undefined;
      if (typeof key !== 'string') {
        const decl = key.defs[0]?.node;
        if (!decl || (loop.range[0] <= decl.range[0] && decl.range[1] <= loop.range[1])) return undefined;
      }
      return loop;
    }
    return undefined;
  }

  /**
   * The first use of the same model after the call (after the whole dropped chain)
   * in the call's own function (not in a nested function, which may run at any
   * time): a call of a method that reads its weights or trains it (`predict`,
   * `save`, another `fit` ...), or reads a layer's weights (`model.getLayer(n).getWeights()`).
   */
  useAfter(call: ModelCall): LaterUse | undefined {
    const key = receiverKey(call.receiver, this.ev);
    if (key === undefined) return undefined;
    const dropped = this.floating(call)?.dropped ?? call.call;
    return this.firstUse(key, enclosingFunction(call.call), dropped.range[1]);
  }

  /**
   * For a floating call in a helper function with no use after it there: a use of
   * the same model by a caller once the helper is done. An `async` helper's promise
   * settles while training still runs: the use follows `await helper()` or is in a
   * `.then()` callback on the call. A helper that is not async returns at once: the
   * use follows the call. Only when the helper surely ends before training does (see
   * `endsBeforeTraining`), the call is in no loop there, and the caller awaits
   * nothing else between the helper's call and the use (it may wait for training there).
   */
  useAfterHelper(call: ModelCall): UseAfterHelper | undefined {
    const fn = enclosingFunction(call.call);
    const floating = this.floating(call);
    if (!fn || !floating || fn.generator) return undefined;
    for (let n: Node | undefined = call.call.parent; n && n !== fn; n = n.parent) if (isLoop(n)) return undefined;
    if (!endsBeforeTraining(this.sourceCode, fn, floating.dropped.range[1])) return undefined;
    const key = receiverKey(call.receiver, this.ev);
    if (key === undefined) return undefined;
    // The model must be the same one for the caller: a variable declared outside the helper, or `this.x` in its class.
    if (typeof key !== 'string') {
      const decl = key.defs[0]?.node;
      if (!decl || key.defs.length !== 1 || contains(fn, decl)) return undefined;
    }
    for (const site of this.helperCalls(fn, typeof key === 'string')) {
      const { via, name } = site;
      const caller = enclosingFunction(via);
      const outer = unwrapParents(via);
      const p = outer.parent;
      let use: LaterUse | undefined;
      let from = 0;
      let scope: Node = caller ?? this.sourceCode.ast;
      if (p?.type === 'AwaitExpression' || !fn.async) {
        from = (p?.type === 'AwaitExpression' ? p : via).range[1];
        use = this.firstUse(key, caller, from);
      } else if (p?.type === 'MemberExpression' && p.object === outer && staticMemberName(p) === 'then') {
        const then = p.parent;
        const cb = then?.type === 'CallExpression' && then.callee === p ? then.arguments[0] : undefined;
        if (cb && isFunctionNode(cb)) {
          scope = cb;
          from = cb.body.range[0];
          use = this.firstUse(key, cb, from);
        }
      }
      if (use && !waitsBetween(this.sourceCode, scope, from, use.node.range[0])) return { use, via, helper: name };
    }
    return undefined;
  }

  /**
   * The in-file calls of a named function (`learn(...)`), or of a class method on
   * `this` in its class (`this.train(...)`); only method calls when `thisOnly` (the
   * model is `this.x`: only a call on the same `this` sees the same model).
   */
  private helperCalls(fn: FunctionNode, thisOnly: boolean): { via: TSESTree.CallExpression; name: string }[] {
    const out: { via: TSESTree.CallExpression; name: string }[] = [];
    const parent = fn.parent;
    if (parent?.type === 'MethodDefinition' && parent.value === fn) {
      if (parent.static || parent.kind !== 'method' || parent.computed || parent.key.type !== 'Identifier') return out;
      const name = parent.key.name;
      const body = parent.parent;
      for (const c of this.allCalls) {
        const callee = unwrap(c.callee);
        if (callee.type !== 'MemberExpression' || staticMemberName(callee) !== name) continue;
        if (unwrap(callee.object).type !== 'ThisExpression' || thisClassBody(callee) !== body) continue;
        out.push({ via: c, name: `this.${name}` });
      }
      return out;
    }
    if (thisOnly) return out;
    let variable: TSESLint.Scope.Variable | undefined;
    if (fn.type === 'FunctionDeclaration' && fn.id) variable = this.sourceCode.getDeclaredVariables(fn)[0];
    else if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier')
      variable = this.sourceCode.getDeclaredVariables(parent)[0];
    if (!variable || variable.defs.length !== 1 || variable.references.some((r) => r.isWrite() && !r.init)) return out;
    for (const ref of variable.references) {
      const id = ref.identifier;
      if (id.parent?.type === 'CallExpression' && id.parent.callee === id) out.push({ via: id.parent, name: id.name });
    }
    return out;
  }

  /** The first use of the model `key` names in `fn` (its own code) from offset `from` on; undefined once it is given another model. */
  private firstUse(
    key: TSESLint.Scope.Variable | string,
    fn: FunctionNode | undefined,
    from: number,
  ): LaterUse | undefined {
    const candidates = new Set<Node>();
    if (typeof key === 'string') {
      // `this.model`: every `this.<name>` after the call, in the same function.
      for (const c of this.allCalls) {
        if (c.range[0] < from) continue;
        const callee = unwrap(c.callee);
        if (callee.type !== 'MemberExpression') continue;
        const object = unwrap(callee.object);
        if (receiverKey(object, this.ev) === key) candidates.add(object);
        else {
          // `this.model.layers[0].getWeights()`: no call is made on `this.model` itself.
          const model = layersOwner(object);
          if (model && receiverKey(model, this.ev) === key) candidates.add(model);
        }
      }
    } else {
      for (const ref of key.references) {
        if (ref.identifier.range[0] >= from) candidates.add(ref.identifier);
      }
    }
    for (const node of [...candidates].sort((a, b) => a.range[0] - b.range[0])) {
      if (enclosingFunction(node) !== fn) continue;
      const use = useAt(node, this.sourceCode);
      if (!use) return undefined; // reassigned: later uses are of another model
      if (use.method && (WEIGHT_USES.has(use.method) || LAYER_WEIGHT_USES.has(use.method)) && isCallee(use.node)) {
        if (enclosingFunction(use.node) === fn) return use;
      }
    }
    return undefined;
  }

  /** Is the call's own function `async`? (Then `await` may be added to it.) */
  inAsyncFunction(call: ModelCall): boolean {
    const fn = enclosingFunction(call.call);
    return !!fn && fn.async;
  }

  /**
   * Layers of a sequential model, written inline in its `layers` array or `add` call,
   * that surely come after another layer: the element 1+ of a `layers` array literal,
   * or an add preceded by a layer on every path (a non-empty `layers` array, or an
   * earlier add of the same function that runs whenever this one does).
   */
  laterLayers(): readonly LaterLayer[] {
    if (this.later) return this.later;
    const out: LaterLayer[] = [];
    // Models are made as the evaluator reaches them: a `tf.sequential({layers})` nothing else asked about too.
    for (const call of this.allCalls) if (calleeName(call) === 'sequential') this.ev.evaluate(call);
    for (const model of this.ev.models) {
      if (model.kind !== 'sequential' || this.view.isOpaque(model)) continue;
      let initialCount = 0;
      const initial = model.initialLayers ? possibilities(model.initialLayers) : [];
      if (initial.length === 1 && initial[0]!.value.kind === 'array') {
        const arr = initial[0]!.value;
        initialCount = arr.elements.length;
        arr.node?.elements.forEach((el, j) => {
          const layer = j > 0 && el ? this.inlineLayer(el) : undefined;
          if (layer) out.push({ layer, model });
        });
      }
      const adds = this.view.addsOf(model);
      adds.forEach((add, i) => {
        const layer = this.inlineLayer(add.layerNode);
        if (!layer) return;
        const fn = enclosingFunction(add.call);
        const preceded =
          initialCount > 0 ||
          adds
            .slice(0, i)
            .some(
              (prev) =>
                enclosingFunction(prev.call) === fn &&
                prev.call.range[1] <= add.call.range[0] &&
                prev.guards.every((g) => add.guards.some((h) => h.key === g.key && h.value === g.value)),
            );
        if (preceded) out.push({ layer, model });
      });
    }
    return (this.later = out);
  }

  /**
   * The accuracy metrics a `compile` `metrics` value gives the output named
   * `outputName`, per path (each path with its guards, to pair it with the loss and
   * output of the same path): strings in place or in constants, as TF.js reads them
   * (a string or an array for every output, an object by output name). Past
   * `MAX_POSSIBILITIES` paths a value counts as no accuracy metric.
   */
  accuracyMetricPaths(metrics: Value, outputName: string | undefined): Possibility<readonly AccuracyMetric[]>[] {
    const out: Possibility<readonly AccuracyMetric[]>[] = [];
    for (const p of possibilities(metrics)) {
      let v: Value | undefined = p.value;
      if (v.kind === 'object') v = outputName === undefined ? undefined : v.props.get(outputName)?.value;
      if (!v) {
        out.push({ value: [], guards: p.guards });
        continue;
      }
      for (const q of possibilities(v, p.guards)) {
        const list = q.value;
        const array = list.kind === 'array' ? list.node : undefined;
        let paths: Possibility<readonly AccuracyMetric[]>[] = [{ value: [], guards: q.guards }];
        for (const el of list.kind === 'array' ? list.elements : [list]) {
          if (!el || paths.length > MAX_POSSIBILITIES) continue;
          paths = paths.flatMap((prev) =>
            possibilities(el, prev.guards).map((e) => {
              const m = accuracyMetric(e.value, array);
              return { value: m ? [...prev.value, m] : prev.value, guards: e.guards };
            }),
          );
        }
        out.push(...(paths.length > MAX_POSSIBILITIES ? [{ value: [], guards: q.guards }] : paths));
      }
    }
    return out;
  }

  /** The layer a `tf.layers.*({...})` call written right here creates. */
  private inlineLayer(node: Node): LayerFact | undefined {
    const n = unwrap(node);
    if (n.type !== 'CallExpression') return undefined;
    const v = this.ev.evaluate(n);
    return v.kind === 'layer' && v.layer.call === n ? v.layer : undefined;
  }
}

/**
 * Is the call's value dropped: the call, or a chain of `.then()` / `.catch()` /
 * `.finally()` calls on it, is the whole of an expression statement?
 */
function droppedChain(call: TSESTree.CallExpression): FloatingCall | undefined {
  let outer: TSESTree.CallExpression = call;
  const chain: string[] = [];
  for (;;) {
    const node = unwrapParents(outer);
    const p = node.parent;
    if (p?.type === 'ExpressionStatement') return { dropped: outer, chain };
    if (p?.type !== 'MemberExpression' || p.object !== node) return undefined;
    const name = staticMemberName(p);
    const next = p.parent;
    if (!name || !CHAIN_METHODS.has(name) || next?.type !== 'CallExpression' || next.callee !== p) return undefined;
    chain.push(name);
    outer = next;
  }
}

/** The outermost of `node` and the `?.` chains and `!` around it. */
function unwrapParents(node: Node): Node {
  let n: Node = node;
  while (n.parent && (n.parent.type === 'ChainExpression' || n.parent.type === 'TSNonNullExpression')) n = n.parent;
  return n;
}

/**
 * Does the helper `fn`, whose training call's promise is dropped and ends at offset
 * `from`, surely end before training does? Only when nothing it hands its caller can
 * be tied to training: it returns nothing but constants (not a promise kept in a
 * variable, a `.then()` chain, `Promise.all`), makes no `new Promise` (a fit callback
 * such as `onTrainEnd` may resolve it), and, when async, awaits nothing after the call.
 */
function endsBeforeTraining(sc: Readonly<TSESLint.SourceCode>, fn: FunctionNode, from: number): boolean {
  if (fn.body.type !== 'BlockStatement') return false;
  if (fn.async && waitsBetween(sc, fn, from, Infinity)) return false;
  let tied = false;
  walk(sc, fn.body, (node) => {
    if (tied) return false;
    if (node.type === 'NewExpression') {
      const callee = unwrap(node.callee);
      tied = callee.type === 'Identifier' && callee.name === 'Promise';
    } else if (node.type === 'ReturnStatement' && enclosingFunction(node) === fn) {
      tied = !!node.argument && !isConstant(node.argument);
    }
    return !tied;
  });
  return !tied;
}

/** Is the expression a constant that cannot be a promise: a literal, `undefined`, `void x`, a template with no `${}`? */
function isConstant(expr: TSESTree.Expression): boolean {
  const n = unwrap(expr);
  if (n.type === 'Literal') return true;
  if (n.type === 'Identifier') return n.name === 'undefined';
  if (n.type === 'TemplateLiteral') return n.expressions.length === 0;
  if (n.type === 'UnaryExpression') return n.operator === 'void' || isConstant(n.argument);
  return false;
}

/** Does `root`'s own code (not a nested function) await or yield anything between offsets `from` and `to`? */
function waitsBetween(sc: Readonly<TSESLint.SourceCode>, root: Node, from: number, to: number): boolean {
  let found = false;
  walk(sc, root, (node) => {
    if (found || node.range[1] <= from || node.range[0] >= to) return false;
    if (node !== root && isFunctionNode(node)) return false;
    const waits =
      node.type === 'AwaitExpression' ||
      node.type === 'YieldExpression' ||
      (node.type === 'ForOfStatement' && node.await);
    if (waits && node.range[0] >= from) found = true;
    return !found;
  });
  return found;
}

/** The model expression of a layer taken from its list: `m` of `m.layers[i]`. */
function layersOwner(node: Node): Node | undefined {
  const n = unwrap(node);
  if (n.type === 'MemberExpression' && n.computed) {
    const list = unwrap(n.object);
    return list.type === 'MemberExpression' && !list.computed && staticMemberName(list) === 'layers'
      ? unwrap(list.object)
      : undefined;
  }
  return undefined;
}

/**
 * What identifies the model a receiver names across statements: its variable, or
 * `this.<name>` as text (the same in one function). Undefined for anything else.
 */
function receiverKey(receiver: Node, ev: Evaluator): TSESLint.Scope.Variable | string | undefined {
  const n = unwrap(receiver);
  if (n.type === 'Identifier') return ev.variableOf(n);
  if (n.type === 'MemberExpression' && unwrap(n.object).type === 'ThisExpression') {
    const name = n.computed ? undefined : n.property.type === 'Identifier' ? n.property.name : undefined;
    return name === undefined ? undefined : `this.${name}`;
  }
  return undefined;
}

/**
 * How the model is used at a reference: a method called on it, a layer of it whose
 * weights are read (`model.getLayer(n).getWeights()`, or the layer kept in a `const`
 * and read later in the same function), or the value passed on. Undefined for a write.
 */
function useAt(node: Node, sc: Readonly<TSESLint.SourceCode>): LaterUse | undefined {
  let n: Node = node;
  while (n.parent && (n.parent.type === 'TSNonNullExpression' || n.parent.type === 'TSAsExpression')) n = n.parent;
  const p = n.parent;
  if (!p) return undefined;
  if (p.type === 'AssignmentExpression' && p.left === n) return undefined;
  if (p.type === 'MemberExpression' && p.object === n) {
    const name = p.computed ? undefined : p.property.type === 'Identifier' ? p.property.name : undefined;
    const layer = layerOf(p);
    return (layer && layerWeightUse(layer, sc)) ?? { node: p, method: name };
  }
  if (isFunctionNode(p)) return undefined;
  return { node: n, method: undefined };
}

/** The layer expression `member` starts, when it is `model.getLayer(...)` or `model.layers[i]`. */
function layerOf(member: TSESTree.MemberExpression): Node | undefined {
  const name = staticMemberName(member);
  const up = unwrapParents(member).parent;
  if (name === 'getLayer' && !member.computed && up?.type === 'CallExpression' && up.callee === unwrapParents(member))
    return up;
  if (name === 'layers' && !member.computed && up?.type === 'MemberExpression' && up.object === member && up.computed)
    return up;
  return undefined;
}

/** A read of a layer's weights: `layer.getWeights()` on the expression, or on the `const` it initialises (same function). */
function layerWeightUse(layer: Node, sc: Readonly<TSESLint.SourceCode>): LaterUse | undefined {
  const outer = unwrapParents(layer);
  const p = outer.parent;
  if (p?.type === 'MemberExpression' && p.object === outer) {
    const name = staticMemberName(p);
    return name && LAYER_WEIGHT_USES.has(name) ? { node: p, method: name } : undefined;
  }
  if (p?.type !== 'VariableDeclarator' || p.init !== outer || p.id.type !== 'Identifier') return undefined;
  const variable = sc.getDeclaredVariables(p)[0];
  if (!variable || variable.references.some((r) => r.isWrite() && !r.init)) return undefined;
  const fn = enclosingFunction(layer);
  const reads = variable.references.filter((r) => !r.init).map((r) => r.identifier as Node);
  reads.sort((a, b) => a.range[0] - b.range[0]);
  for (const id of reads) {
    const m = id.parent;
    if (enclosingFunction(id) !== fn || m?.type !== 'MemberExpression' || m.object !== id) continue;
    const name = staticMemberName(m);
    if (name && LAYER_WEIGHT_USES.has(name)) return { node: m, method: name };
  }
  return undefined;
}

/** Is `member` the callee of a call (`model.predict(...)`)? */
function isCallee(member: Node): boolean {
  let n: Node = member;
  while (n.parent && (n.parent.type === 'ChainExpression' || n.parent.type === 'TSNonNullExpression')) n = n.parent;
  return n.parent?.type === 'CallExpression' && n.parent.callee === n;
}

/** A property's key, for messages (undefined for computed keys). */
export function optionKey(p: TSESTree.ObjectLiteralElement): string | undefined {
  return p.type === 'Property' && !p.computed ? propertyKey(p) : undefined;
}

/** The accuracy metric an element of `metrics` is on one path, if it is one. */
function accuracyMetric(e: Value, array: TSESTree.ArrayExpression | undefined): AccuracyMetric | undefined {
  if (e.kind === 'const' && typeof e.value === 'string' && ACCURACY_STRINGS.has(e.value) && e.origin)
    return { node: e.origin, name: e.value, form: 'string', array };
  if (e.kind === 'tf' && e.path.length === 2 && e.path[0] === 'metrics' && ACCURACY_FUNCTIONS.has(e.path[1]!))
    return e.origin ? { node: e.origin, name: `tf.metrics.${e.path[1]}`, form: 'function', array } : undefined;
  return undefined;
}
