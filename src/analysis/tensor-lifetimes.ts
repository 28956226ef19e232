/**
 * Tensor lifetimes: which tensors made in code that runs again and again (a loop
 * body, an animation frame, a timer, an event handler, a training callback, and
 * the functions those call) are never released, so that TF.js memory grows with
 * every run. JavaScript's garbage collector does not free tensor memory.
 *
 * A tensor is made by a call the data table says makes one (src/knowledge/tensor-ops.ts)
 * on something the analysis proves is TF.js or a tensor, by `model.predict`, by
 * `tf.tidy(() => tensor)`, or by a helper of this file that returns a tensor it
 * made. It is released (silent) when it is made inside a synchronous `tf.tidy`
 * callback (or a function TF.js runs in a scope of its own: `optimizer.minimize(f)`,
 * `tf.grad(f)`), disposed, kept, returned, stored, or handed to any function not known
 * to only read it. It leaks when every use of it only reads it (a tensor op, a
 * tensor method, `dataSync()`, `console.log`), or it is dropped, or its variable is
 * written again before any release. Anything else is unknown, and unknown is silent.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { GRAPH_MODEL_METHODS, MODEL_READING_METHODS } from '../knowledge/model-inputs.js';
import {
  ASYNC_TENSOR_OPS,
  MODEL_TENSOR_METHODS,
  OPTIMIZER_FACTORIES,
  OPTIMIZER_FLAG_TENSOR_METHODS,
  PLAIN_METHODS,
  PLAIN_OPS,
  SCOPED_CALLBACK_OPS,
  SCOPED_CALLBACK_OPTIMIZER_METHODS,
  TENSOR_FIELDS,
  TENSOR_LIST_METHODS,
  TENSOR_LIST_OPS,
  TENSOR_METHODS,
  TENSOR_OPS,
} from '../knowledge/tensor-ops.js';
import {
  calleeName,
  contains,
  enclosingFunction,
  isFunctionNode,
  isLoop,
  staticMemberName,
  thisClassBody,
  unwrap,
} from './ast.js';
import type { Evaluator } from './evaluator.js';
import { possibilities } from './guards.js';
import type { RecordedNodes } from './recorded-nodes.js';
import { isNullish, type FunctionNode, type Node, type Value } from './values.js';

type Call = TSESTree.CallExpression;
type Variable = TSESLint.Scope.Variable;

/** What the lifetime analysis reads of the file's analysis. */
export interface LifetimeSource {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly evaluator: Evaluator;
  readonly nodes: RecordedNodes;
}

/** Code that runs again and again. */
export interface RepeatedContext {
  /** The loop, or the function that is called again and again. */
  readonly node: Node;
  /** How often, for messages: `on every animation frame`, `at the end of every epoch` ... */
  readonly frequency: string;
  /** For a function reached from a repeated context: the call there (the first one found). */
  readonly via?: Call;
}

export interface TensorLeak {
  /** The call that makes the tensor. */
  readonly call: Call;
  /** How it is named in messages: `div()`, `predict()`. */
  readonly label: string;
  /**
   * `dropped`: only read, or not used at all; `variable`: held in a variable that is
   * only read; `replaced`: held in a variable written again before a release.
   */
  readonly how: 'dropped' | 'variable' | 'replaced';
  /** The variable, for `variable` and `replaced`. */
  readonly variable?: Variable;
  /** The statement that makes it (the one suggestions edit), or the expression body of an arrow function. */
  readonly statement: TSESTree.Statement | TSESTree.Expression;
  readonly context: RepeatedContext;
  /** True when the call does not run on every run of the context (a branch inside it). */
  readonly conditional: boolean;
}

const cache = new WeakMap<LifetimeSource, { lifetimes: Lifetimes; leaks?: readonly TensorLeak[] }>();

function lifetimesOf(source: LifetimeSource): { lifetimes: Lifetimes; leaks?: readonly TensorLeak[] } {
  let entry = cache.get(source);
  if (!entry) cache.set(source, (entry = { lifetimes: new Lifetimes(source) }));
  return entry;
}

/** Every tensor leak of the file, in source order (memoized per analysis). */
export function tensorLeaks(source: LifetimeSource): readonly TensorLeak[] {
  const entry = lifetimesOf(source);
  return (entry.leaks ??= entry.lifetimes.leaks());
}

/** Does the call return one new tensor (a TF.js op, a tensor method, `predict`, a helper that makes one)? */
export function makesTensor(source: LifetimeSource, call: Call): boolean {
  return lifetimesOf(source).lifetimes.creatingLabel(call) !== undefined;
}

/** Last names of the calls that may make a tensor: the only calls looked at further. */
const CREATING_NAMES: ReadonlySet<string> = new Set([
  ...[...TENSOR_OPS, ...ASYNC_TENSOR_OPS].map((p) => p.slice(p.lastIndexOf('.') + 1)),
  ...TENSOR_METHODS,
  ...MODEL_TENSOR_METHODS,
  ...OPTIMIZER_FLAG_TENSOR_METHODS.keys(),
  'tidy',
]);

/** Last names of the calls that free what the function they are given makes (`tidy`, `grad`, `minimize` ...). */
const SCOPED_NAMES: ReadonlySet<string> = new Set([
  ...[...SCOPED_CALLBACK_OPS].map((p) => p.slice(p.lastIndexOf('.') + 1)),
  ...SCOPED_CALLBACK_OPTIMIZER_METHODS,
]);

/** Events that fire again and again (a listener of `load` runs once). */
const REPEATED_EVENTS: ReadonlySet<string> = new Set([
  'click',
  'dblclick',
  'mousemove',
  'mousedown',
  'mouseup',
  'pointermove',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchmove',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'change',
  'wheel',
  'scroll',
  'resize',
  'message',
  'timeupdate',
  'data',
  'submit',
  'drop',
]);

/** `fit` / `fitDataset` callbacks that run more than once, and how often. */
const FIT_CALLBACKS: ReadonlyMap<string, string> = new Map([
  ['onEpochBegin', 'at the start of every epoch'],
  ['onEpochEnd', 'at the end of every epoch'],
  ['onBatchBegin', 'at the start of every batch'],
  ['onBatchEnd', 'at the end of every batch'],
  ['onYield', 'on every yield of training'],
]);

/** Array methods whose callback runs once per element. */
const ARRAY_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'map',
  'filter',
  'reduce',
  'some',
  'every',
  'flatMap',
  'find',
  'findIndex',
]);

const CONSOLE_METHODS: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'error', 'debug']);

/** How a use of a tensor treats it. */
type Fate = 'reads' | 'releases' | 'unknown';

/** What code around a node means for a tensor made there. */
type Where = RepeatedContext | 'tidy' | undefined;

/** How deep calls of helpers are followed to find a repeated caller. */
const MAX_VIA = 3;

class Lifetimes {
  private readonly ev: Evaluator;
  private readonly creating = new Map<Node, string | null | 'pending'>();
  private readonly tensorVars = new Map<Variable, boolean>();
  private readonly functionWhere = new Map<FunctionNode, Where | 'pending'>();

  constructor(private readonly source: LifetimeSource) {
    this.ev = source.evaluator;
  }

  leaks(): TensorLeak[] {
    const out: TensorLeak[] = [];
    // `tf.engine().startScope()` ... `endScope()` frees what is made in between, like a tidy.
    const scopeEnds: Call[] = [];
    for (const call of this.source.nodes.calls) {
      const name = calleeName(call);
      // Cheap gate first: a name that can make a tensor, or a call of a function of this file.
      if (name === undefined) continue;
      if (name === 'endScope') scopeEnds.push(call);
      if (!CREATING_NAMES.has(name) && unwrap(call.callee).type !== 'Identifier') continue;
      const where = this.whereOf(call, 0);
      if (!where || where === 'tidy') continue;
      const label = this.creatingLabel(call);
      if (!label) continue;
      const leak = this.fateOf(call, label, where);
      if (leak) out.push(leak);
    }
    if (scopeEnds.length === 0) return out;
    return out.filter((leak) => !scopeEnds.some((end) => inScopeOf(end, leak)));
  }

  // ---------------------------------------------------------------------------
  // What makes a tensor

  /** The label (`div()`) of a call that returns one new tensor, or undefined. */
  creatingLabel(call: Call): string | undefined {
    let hit = this.creating.get(call);
    if (hit === undefined) {
      // A cycle (`x = x.add(1)` in a loop asks whether `x` is a tensor, which asks this) is
      // assumed to make one; the variable's other writes decide.
      this.creating.set(call, 'pending');
      hit = this.computeCreating(call) ?? null;
      this.creating.set(call, hit);
    }
    return hit === null ? undefined : hit;
  }

  private computeCreating(call: Call): string | undefined {
    const callee = unwrap(call.callee);
    const awaited = unwrap(call).parent?.type === 'AwaitExpression';
    const fn = this.ev.evaluate(callee);
    if (fn.kind === 'tf') {
      const path = fn.path.join('.');
      if (TENSOR_OPS.has(path) || (awaited && ASYNC_TENSOR_OPS.has(path))) return `${fn.path.at(-1)}()`;
      if (path === 'tidy') return this.returnsNewTensor(call, call) ? 'tf.tidy()' : undefined;
      return undefined;
    }
    if (callee.type === 'MemberExpression') {
      const name = staticMemberName(callee);
      if (name === undefined) return undefined;
      if (TENSOR_METHODS.has(name) && this.isTensor(callee.object, true)) return `${name}()`;
      if (MODEL_TENSOR_METHODS.has(name) && this.isModel(callee.object)) return `${name}()`;
      const flag = OPTIMIZER_FLAG_TENSOR_METHODS.get(name);
      if (flag !== undefined && this.isTrue(call.arguments[flag]) && this.isOptimizer(callee.object))
        return `${name}()`;
      return undefined;
    }
    if (
      callee.type === 'Identifier' &&
      fn.kind === 'function' &&
      fn.owner === this.ev &&
      !fn.node.async &&
      !fn.node.generator
    ) {
      return this.returnsNewTensor(call, fn.node) ? `${callee.name}()` : undefined;
    }
    return undefined;
  }

  /** Does `call` evaluate, on every path, to a tensor made inside `inside` (a helper, a tidy callback)? */
  private returnsNewTensor(call: Call, inside: Node): boolean {
    const ps = possibilities(this.ev.evaluate(call));
    return (
      ps.length > 0 &&
      ps.every((p) => {
        const v = p.value;
        if (v.kind !== 'tensor') return false;
        const made = unwrap(v.node);
        return (
          made !== call &&
          made.type === 'CallExpression' &&
          contains(inside, made) &&
          !!this.creatingLabel(made) &&
          this.onlyReturned(made)
        );
      })
    );
  }

  /**
   * Is the tensor `made` makes only returned (directly, or through a variable that is
   * otherwise only read)? A helper that also stores it (`cache.push(t); return t`)
   * does not hand the caller a tensor the caller must dispose.
   */
  private onlyReturned(made: Call): boolean {
    const { node: expr, parent } = outerExpression(made);
    if (parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === expr))
      return true;
    if (parent?.type !== 'VariableDeclarator' || parent.init !== expr || parent.id.type !== 'Identifier') return false;
    const variable = this.source.sourceCode.getDeclaredVariables(parent)[0];
    if (!variable || variable.references.some((r) => r.isWrite() && !r.init)) return false;
    let returned = false;
    for (const ref of variable.references) {
      if (ref.init) continue;
      const id = ref.identifier as Node;
      const p = id.parent;
      if (p?.type === 'ReturnStatement' || (p?.type === 'ArrowFunctionExpression' && p.body === id)) returned = true;
      else if (this.useFate(id) !== 'reads') return false;
    }
    return returned;
  }

  /** Is the argument `true` on every path (`minimize(f, true)`)? */
  private isTrue(arg: Node | undefined): boolean {
    if (!arg || arg.type === 'SpreadElement') return false;
    const ps = possibilities(this.ev.evaluate(arg));
    return ps.length > 0 && ps.every((p) => p.value.kind === 'const' && p.value.value === true);
  }

  /** Is the receiver an optimizer made by `tf.train.x(...)` on every path where a method call on it returns? */
  private isOptimizer(node: Node): boolean {
    const ps = possibilities(this.ev.evaluate(node)).filter((p) => !isNullish(p.value));
    return (
      ps.length > 0 &&
      ps.every((p) => {
        // The evaluator gives a TF.js call it has no fact for as a value made by that call.
        const made = p.value.kind === 'tensor' ? unwrap(p.value.node) : undefined;
        if (made?.type !== 'CallExpression') return false;
        const fn = this.ev.evaluate(made.callee);
        return fn.kind === 'tf' && OPTIMIZER_FACTORIES.has(fn.path.join('.'));
      })
    );
  }

  /**
   * Is the receiver an optimizer, or not known to be anything else (a parameter,
   * `model.optimizer`)? Taking an unknown `x.minimize(f)` for the optimizer's only
   * keeps the rule silent about what `f` makes.
   */
  private mayBeOptimizer(node: Node): boolean {
    const ps = possibilities(this.ev.evaluate(node)).filter((p) => !isNullish(p.value));
    return ps.every((p) => p.value.kind === 'unknown' || p.value.kind === 'param') || this.isOptimizer(node);
  }

  /** Is the receiver a model on every path where a method call on it returns (null and undefined throw)? */
  /** Is the expression a model or unknown on every path (not a known value of another kind)? */
  private mayBeModel(node: Node): boolean {
    const ps = possibilities(this.ev.evaluate(node)).filter((p) => !isNullish(p.value));
    return ps.length > 0 && ps.every((p) => p.value.kind === 'model' || p.value.kind === 'unknown');
  }

  private isModel(node: Node): boolean {
    const ps = possibilities(this.ev.evaluate(node)).filter((p) => !isNullish(p.value));
    return ps.length > 0 && ps.every((p) => p.value.kind === 'model');
  }

  /**
   * Is the expression a TF.js tensor on every path (made by a known call, or a typed
   * parameter)? As the `receiver` of a method call, paths where it is null or
   * undefined do not count: the call throws there (`this.y = null` until a tensor is set).
   */
  isTensor(node: Node, receiver = false): boolean {
    const n = unwrap(node);
    if (n.type === 'CallExpression') return !!this.creatingLabel(n);
    if (n.type === 'AwaitExpression') return this.isTensor(n.argument);
    if (n.type === 'Identifier') {
      const variable = this.ev.variableOf(n);
      if (variable && variable.defs.length === 1 && variable.defs[0]!.type === 'Variable')
        return this.isTensorVariable(variable);
    }
    return this.isTensorValue(this.ev.evaluate(n), receiver);
  }

  private isTensorValue(value: Value, receiver: boolean): boolean {
    const ps = receiver ? possibilities(value).filter((p) => !isNullish(p.value)) : possibilities(value);
    return (
      ps.length > 0 &&
      ps.every((p) => {
        const v = p.value;
        if (v.kind !== 'tensor') return false;
        const made = unwrap(v.node);
        if (made.type === 'Identifier') return true; // a parameter typed as a tensor
        return made.type === 'CallExpression' && !!this.creatingLabel(made);
      })
    );
  }

  /** A variable every write of which is a tensor (a write in a loop that reads the variable is assumed so). */
  private isTensorVariable(variable: Variable): boolean {
    const hit = this.tensorVars.get(variable);
    if (hit !== undefined) return hit;
    this.tensorVars.set(variable, true);
    let result = true;
    let writes = 0;
    for (const ref of variable.references) {
      if (!ref.isWrite()) continue;
      const rhs = writeValue(ref.identifier);
      if (!rhs || !this.isTensor(rhs)) {
        result = false;
        break;
      }
      writes++;
    }
    result &&= writes > 0;
    this.tensorVars.set(variable, result);
    return result;
  }

  // ---------------------------------------------------------------------------
  // Where code runs

  /**
   * The repeated context `node` runs in (the innermost), 'tidy' when a synchronous
   * `tf.tidy` callback around it frees what it makes, undefined when it runs once
   * or when how often it runs is not known.
   */
  whereOf(node: Node, depth: number): Where {
    let found: RepeatedContext | undefined;
    let n: Node = node;
    for (let p = n.parent; p; n = p, p = p.parent) {
      if (isLoop(p) && !found && isRepeatedPart(p, n)) {
        found = { node: p, frequency: 'on every iteration of the loop' };
        continue;
      }
      if (!isFunctionNode(p)) continue;
      const inline = this.inlineCallback(p);
      if (inline === 'tidy') return p.async ? undefined : 'tidy';
      if (inline === 'once') continue; // runs when the code around it runs (`.then`, an IIFE)
      if (inline === 'later') return found; // runs after the code around it: no tidy of it applies
      if (inline) {
        found ??= inline;
        continue;
      }
      // A function of its own: repeated by how it is registered or called.
      if (found) return this.onlyInTidy(p, depth) ? 'tidy' : found;
      return depth > MAX_VIA ? undefined : this.whereFunctionRuns(p, depth);
    }
    return found;
  }

  /**
   * What a function written inline as an argument (or a callback property) is:
   * 'tidy' for `tf.tidy(fn)`, a repeated context for `forEach`, `setInterval`, event
   * listeners and `fit` callbacks, 'once' for callbacks run once where they are
   * written (`.then`, an IIFE), 'later' for one-off callbacks run after it
   * (`setTimeout`); undefined for a function that is not inline.
   */
  private inlineCallback(fn: FunctionNode): RepeatedContext | 'tidy' | 'once' | 'later' | undefined {
    const parent = fn.parent;
    if (!parent) return undefined;
    if (parent.type === 'CallExpression' && parent.callee === fn) return 'once';
    if (parent.type === 'Property' && parent.value === fn) {
      const key = staticKey(parent);
      const freq = key === undefined ? undefined : FIT_CALLBACKS.get(key);
      return freq ? { node: fn, frequency: freq } : undefined;
    }
    if (parent.type === 'MethodDefinition') {
      const key = parent.key.type === 'Identifier' && !parent.computed ? parent.key.name : undefined;
      const freq = key === undefined ? undefined : FIT_CALLBACKS.get(key);
      return freq ? { node: fn, frequency: freq } : undefined;
    }
    if (parent.type === 'AssignmentExpression' && parent.right === fn) {
      const left = parent.left;
      const name = left.type === 'MemberExpression' ? staticMemberName(left) : undefined;
      if (name?.startsWith('on') && REPEATED_EVENTS.has(name.slice(2)))
        return { node: fn, frequency: `on every \`${name.slice(2)}\` event` };
      return undefined;
    }
    if (parent.type !== 'CallExpression' || !parent.arguments.includes(fn as never)) return undefined;
    return this.callbackRole(parent, fn) ?? 'later';
  }

  /** How `call` runs the function `fn` it is given (inline or by name). */
  private callbackRole(call: Call, fn: Node): RepeatedContext | 'tidy' | 'once' | 'later' | undefined {
    const name = calleeName(call);
    const callee = unwrap(call.callee);
    const member = callee.type === 'MemberExpression' ? callee : undefined;
    if ((name !== undefined && SCOPED_NAMES.has(name)) || callee.type === 'Identifier') {
      // `tf.tidy`, `tf.grad`, `optimizer.minimize` ..., or `tidy` imported under any name
      // (`import {tidy as tidy$1}` in bundles): what their function makes is freed, like in a tidy.
      const v = this.ev.evaluate(callee);
      if (v.kind === 'tf' && SCOPED_CALLBACK_OPS.has(v.path.join('.'))) return 'tidy';
      if (
        name !== undefined &&
        member &&
        SCOPED_CALLBACK_OPTIMIZER_METHODS.has(name) &&
        this.mayBeOptimizer(member.object)
      )
        return 'tidy';
      if (name === 'tidy') return undefined;
    }
    switch (name) {
      case 'then':
      case 'catch':
      case 'finally':
        return member ? 'once' : undefined;
      case 'setInterval':
        return call.arguments[0] === fn ? { node: fn, frequency: 'on every `setInterval` tick' } : undefined;
      case 'setTimeout':
      case 'requestAnimationFrame':
      case 'requestVideoFrameCallback':
      case 'requestIdleCallback':
        return 'later';
      case 'forEach':
        return member && call.arguments[0] === fn
          ? { node: fn, frequency: 'for every element `forEach` visits' }
          : undefined;
      case 'forEachAsync':
        return member && call.arguments[0] === fn
          ? { node: fn, frequency: 'for every element of the dataset' }
          : undefined;
      case 'addEventListener':
      case 'on': {
        const event = call.arguments[0];
        // jQuery's delegated form puts a selector before the handler: `$(document).on('click', '#go', fn)`.
        const handler = call.arguments[1]?.type === 'Literal' && name === 'on' ? call.arguments[2] : call.arguments[1];
        if (!member || handler !== fn || event?.type !== 'Literal' || typeof event.value !== 'string') return undefined;
        if (!REPEATED_EVENTS.has(event.value) || hasOnceOption(call)) return undefined;
        return { node: fn, frequency: `on every \`${event.value}\` event` };
      }
      default:
        // jQuery's event shorthands: `$('#go').click(fn)`.
        if (name && member && REPEATED_EVENTS.has(name) && call.arguments[0] === fn && this.isJQuery(member.object))
          return { node: fn, frequency: `on every \`${name}\` event` };
        if (
          name &&
          member &&
          ARRAY_CALLBACK_METHODS.has(name) &&
          call.arguments[0] === fn &&
          this.isArray(member.object)
        )
          return { node: fn, frequency: `for every element \`${name}\` visits` };
        return undefined;
    }
  }

  /**
   * A jQuery selection: a chain from a `$(…)` or `jQuery(…)` call, or a `$name`
   * variable (the usual naming) whose value the analysis does not know (a `$config`
   * object literal is not one).
   */
  private isJQuery(node: Node): boolean {
    let n = unwrap(node);
    for (;;) {
      if (n.type === 'Identifier')
        return n.name.startsWith('$') && n.name.length > 1 && this.ev.evaluate(n).kind === 'unknown';
      if (n.type === 'MemberExpression') n = unwrap(n.object);
      else if (n.type !== 'CallExpression') return false;
      else if (n.callee.type === 'Identifier') return n.callee.name === '$' || n.callee.name === 'jQuery';
      else n = unwrap(n.callee);
    }
  }

  /** Is the expression an array (not a `tf.data` dataset, whose `map` runs in `tf.tidy`)? */
  private isArray(node: Node): boolean {
    const n = unwrap(node);
    if (n.type === 'ArrayExpression') return true;
    if (n.type === 'CallExpression') {
      const callee = unwrap(n.callee);
      if (callee.type !== 'MemberExpression') return false;
      const name = staticMemberName(callee);
      const object = unwrap(callee.object);
      if (name === 'arraySync') return this.isTensor(object);
      if (object.type === 'Identifier' && (object.name === 'Array' || object.name === 'Object'))
        return name === 'from' || name === 'keys' || name === 'values' || name === 'entries';
      return false;
    }
    const v = this.ev.evaluate(n);
    const ps = possibilities(v);
    return ps.length > 0 && ps.every((p) => p.value.kind === 'array');
  }

  /** Where a function that is not inline runs: self-rescheduled, registered, or called from a repeated context. */
  private whereFunctionRuns(fn: FunctionNode, depth: number): Where {
    const hit = this.functionWhere.get(fn);
    if (hit === 'pending') return undefined;
    if (hit !== undefined || this.functionWhere.has(fn)) return hit;
    this.functionWhere.set(fn, 'pending');
    let result: Where;
    const uses = this.usesOf(fn);
    // Self-rescheduling first (`requestAnimationFrame(loop)` inside `loop`): how a render loop repeats.
    for (const use of uses) {
      if (!contains(fn, use)) continue;
      const freq = this.rescheduling(use, fn);
      if (freq) {
        result = { node: fn, frequency: freq };
        break;
      }
    }
    if (!result) {
      for (const use of uses) {
        const role = this.useRole(use);
        if (role === 'call') {
          const call = use.parent as Call;
          const at = this.whereOf(call, depth + 1);
          if (at && at !== 'tidy') {
            result = { node: fn, frequency: at.frequency, via: at.via ?? call };
            break;
          }
        } else if (role && role !== 'tidy' && role !== 'once' && role !== 'later') {
          result = { node: fn, frequency: role.frequency };
          break;
        }
      }
    }
    this.functionWhere.set(fn, result);
    return result;
  }

  private readonly usesCache = new Map<FunctionNode, Node[]>();
  private readonly tidyCache = new Map<FunctionNode, boolean>();

  /** Every in-file use of a named function: its name, or `this.name` in its class. */
  private usesOf(fn: FunctionNode): Node[] {
    let uses = this.usesCache.get(fn);
    if (!uses) {
      uses = this.computeUses(fn);
      this.usesCache.set(fn, uses);
    }
    return uses;
  }

  private thisUseIndex: Map<Node, Map<string, Node[]>> | undefined;

  /**
   * `this.name` as a callee or an argument (`this.loop.bind(this)` too) in every call
   * of the file, by the class body it is in and the name: built once, so finding the
   * uses of a method costs no scan of the file.
   */
  private thisUses(): Map<Node, Map<string, Node[]>> {
    if (this.thisUseIndex) return this.thisUseIndex;
    const index = new Map<Node, Map<string, Node[]>>();
    const add = (m: TSESTree.MemberExpression) => {
      const name = staticMemberName(m);
      const body = thisClassBody(m);
      if (name === undefined || !body) return;
      let byName = index.get(body);
      if (!byName) index.set(body, (byName = new Map()));
      const list = byName.get(name);
      if (list) list.push(m);
      else byName.set(name, [m]);
    };
    for (const call of this.source.nodes.calls) {
      for (const c of [call.callee, ...call.arguments]) {
        const m = unwrap(c);
        if (m.type !== 'MemberExpression') continue;
        if (unwrap(m.object).type === 'ThisExpression') add(m);
      }
      // `this.loop.bind(this)` as an argument: the callee of that inner call is `this.loop.bind`.
      const callee = unwrap(call.callee);
      if (callee.type === 'MemberExpression' && staticMemberName(callee) === 'bind') {
        const inner = unwrap(callee.object);
        if (inner.type === 'MemberExpression' && unwrap(inner.object).type === 'ThisExpression') add(inner);
      }
    }
    this.thisUseIndex = index;
    return index;
  }

  private instanceCallIndex: Map<string, TSESTree.MemberExpression[]> | undefined;

  /** Callees `x.name` of the file's calls whose receiver is not `this`, by name: built once. */
  private instanceCalls(name: string): readonly TSESTree.MemberExpression[] {
    if (!this.instanceCallIndex) {
      const index = new Map<string, TSESTree.MemberExpression[]>();
      for (const call of this.source.nodes.calls) {
        const callee = unwrap(call.callee);
        if (callee.type !== 'MemberExpression' || unwrap(callee.object).type === 'ThisExpression') continue;
        const key = staticMemberName(callee);
        if (key === undefined) continue;
        const list = index.get(key);
        if (list) list.push(callee);
        else index.set(key, [callee]);
      }
      this.instanceCallIndex = index;
    }
    return this.instanceCallIndex.get(name) ?? [];
  }

  private computeUses(fn: FunctionNode): Node[] {
    const holder = namedHolder(fn);
    if (!holder) return [];
    if (holder.type === 'MethodDefinition') {
      const name = holder.key.type === 'Identifier' && !holder.computed ? holder.key.name : undefined;
      const body = holder.parent;
      if (!name || body?.type !== 'ClassBody') return [];
      const uses: Node[] = [...(this.thisUses().get(body)?.get(name) ?? [])];
      // `bot.choose(obs)` / `this.agent.act(s)` on an instance of the class (proven on every path).
      if (!holder.static) {
        for (const callee of this.instanceCalls(name)) {
          const ps = possibilities(this.ev.evaluate(callee.object)).filter((p) => !isNullish(p.value));
          if (ps.length > 0 && ps.every((p) => p.value.kind === 'instance' && p.value.cls.node === body.parent))
            uses.push(callee);
        }
      }
      return uses;
    }
    const variable = this.source.sourceCode.getDeclaredVariables(holder)[0];
    if (!variable) return [];
    return variable.references.filter((r) => !r.init && r.identifier !== holder.id).map((r) => r.identifier);
  }

  /** The role of one use of a function's name: called, or given to something that runs it. */
  private useRole(use: Node): 'call' | RepeatedContext | 'tidy' | 'once' | 'later' | undefined {
    let n = use;
    // `loop.bind(this)` stands for `loop`.
    const p0 = n.parent;
    if (p0?.type === 'MemberExpression' && p0.object === n && staticMemberName(p0) === 'bind' && p0.parent) {
      n = p0.parent;
    }
    const p = n.parent;
    if (!p) return undefined;
    if (p.type === 'CallExpression' && p.callee === n && n === use) return 'call';
    if (p.type === 'CallExpression' && p.arguments.includes(n as never)) return this.callbackRole(p, n);
    if (p.type === 'Property' && p.value === n) {
      const key = staticKey(p);
      const freq = key === undefined ? undefined : FIT_CALLBACKS.get(key);
      return freq ? { node: n, frequency: freq } : undefined;
    }
    return undefined;
  }

  /**
   * How often a function that schedules itself runs: `requestAnimationFrame(loop)`,
   * `setTimeout(loop, ms)`, `promise.then(loop)`, either with an arrow that calls it,
   * or a call of itself (after an `await`, the usual async loop).
   */
  private rescheduling(use: Node, fn: FunctionNode): string | undefined {
    // A retry from a `catch` is not a loop: it runs when something failed.
    for (let n = use.parent; n && n !== fn; n = n.parent) if (n.type === 'CatchClause') return undefined;
    const role = this.useRole(use);
    let scheduler: Call | undefined;
    if (role === 'call') {
      const owner = enclosingFunction(use);
      if (owner === fn) return `on every call of \`${functionName(fn)}\``;
      const p = owner?.parent;
      if (owner && p?.type === 'CallExpression' && p.arguments[0] === owner) scheduler = p;
    } else {
      let n = use;
      if (n.parent?.type === 'MemberExpression' && staticMemberName(n.parent) === 'bind' && n.parent.parent)
        n = n.parent.parent;
      if (n.parent?.type === 'CallExpression' && n.parent.arguments[0] === n) scheduler = n.parent;
    }
    switch (scheduler && calleeName(scheduler)) {
      case 'requestAnimationFrame':
        return 'on every animation frame';
      case 'requestVideoFrameCallback':
        return 'on every video frame';
      case 'setTimeout':
        return 'on every `setTimeout` round';
      case 'setInterval':
        return 'on every `setInterval` tick';
      case 'then':
        // `tf.nextFrame().then(() => train(step + 1))`: the async loop of `await` written with a promise.
        return scheduler && unwrap(scheduler.callee).type === 'MemberExpression'
          ? `on every call of \`${functionName(fn)}\``
          : undefined;
      default:
        return undefined;
    }
  }

  /** Is every known use of a named function inside a synchronous `tf.tidy` (and there is one)? */
  private onlyInTidy(fn: FunctionNode, depth: number): boolean {
    if (depth > MAX_VIA) return false;
    const hit = this.tidyCache.get(fn);
    if (hit !== undefined) return hit;
    this.tidyCache.set(fn, false); // recursion: not proven
    const result = this.computeOnlyInTidy(fn, depth);
    this.tidyCache.set(fn, result);
    return result;
  }

  private computeOnlyInTidy(fn: FunctionNode, depth: number): boolean {
    const uses = this.usesOf(fn);
    if (uses.length === 0) return false;
    return uses.every((use) => {
      const role = this.useRole(use);
      if (role === 'tidy') return true;
      if (role !== 'call') return false;
      for (let p = use.parent!.parent; p; p = p.parent) {
        if (!isFunctionNode(p)) continue;
        const inline = this.inlineCallback(p);
        if (inline === 'tidy') return !p.async;
        if (inline === 'once' || (inline && typeof inline === 'object')) continue;
        if (inline === 'later') return false;
        return this.onlyInTidy(p, depth + 1);
      }
      return false;
    });
  }

  // ---------------------------------------------------------------------------
  // What becomes of a tensor

  /** The leak of the tensor `call` makes, or undefined when it is released or its fate is unknown. */
  private fateOf(call: Call, label: string, context: RepeatedContext): TensorLeak | undefined {
    const { node: expr, parent } = outerExpression(call);
    const statement = statementOf(call);
    if (!parent || !statement) return undefined;
    const conditional = isConditionalIn(call, context.node);
    const leak = (how: TensorLeak['how'], variable?: Variable): TensorLeak => ({
      call,
      label,
      how,
      variable,
      statement,
      context,
      conditional,
    });
    let variable: Variable | undefined;
    let write: TSESTree.Identifier | undefined;
    if (parent.type === 'VariableDeclarator' && parent.init === expr && parent.id.type === 'Identifier') {
      variable = this.source.sourceCode.getDeclaredVariables(parent)[0];
      write = parent.id;
    } else if (parent.type === 'AssignmentExpression' && parent.right === expr && parent.operator === '=') {
      const left = unwrap(parent.left);
      if (left.type !== 'Identifier' || parent.parent?.type !== 'ExpressionStatement') return undefined;
      variable = this.ev.variableOf(left);
      write = left;
    } else {
      return this.useFate(expr) === 'reads' ? leak('dropped') : undefined;
    }
    if (!variable) return undefined;
    const fate = this.variableFate(variable, write, context);
    return fate === 'leak' ? leak('variable', variable) : fate === 'replaced' ? leak('replaced', variable) : undefined;
  }

  /** What one use of a tensor-valued expression does with it. */
  private useFate(expr: Node): Fate {
    const p = expr.parent;
    if (!p) return 'unknown';
    switch (p.type) {
      case 'ExpressionStatement':
        return 'reads'; // dropped
      case 'MemberExpression': {
        if (p.object !== expr) return 'unknown';
        const name = staticMemberName(p);
        if (name === undefined) return 'unknown';
        const call = p.parent;
        if (call?.type === 'CallExpression' && call.callee === p) {
          if (name === 'dispose') return 'releases';
          if (TENSOR_METHODS.has(name) || TENSOR_LIST_METHODS.has(name) || PLAIN_METHODS.has(name)) return 'reads';
          return 'unknown';
        }
        return TENSOR_FIELDS.has(name) ? 'reads' : 'unknown';
      }
      case 'CallExpression':
        if (p.callee === expr) return 'unknown';
        return this.argumentFate(p);
      case 'ArrayExpression': {
        const outer = outerExpression(p);
        if (outer.parent?.type !== 'CallExpression' || outer.parent.callee === outer.node) return 'unknown';
        return this.argumentFate(outer.parent);
      }
      case 'TemplateLiteral':
        return 'reads';
      case 'ReturnStatement':
      case 'ArrowFunctionExpression':
        return 'releases';
      default:
        return 'unknown';
    }
  }

  /** What a call does with a tensor passed to it. */
  private argumentFate(call: Call): Fate {
    const callee = unwrap(call.callee);
    const v = this.ev.evaluate(callee);
    if (v.kind === 'tf') {
      const path = v.path.join('.');
      if (path === 'dispose' || path === 'keep') return 'releases';
      if (
        TENSOR_OPS.has(path) ||
        ASYNC_TENSOR_OPS.has(path) ||
        TENSOR_LIST_OPS.has(path) ||
        PLAIN_OPS.has(path) ||
        path === 'print'
      )
        return 'reads';
      return 'unknown';
    }
    if (callee.type === 'MemberExpression') {
      const name = staticMemberName(callee);
      const object = unwrap(callee.object);
      if (name && object.type === 'Identifier' && object.name === 'console' && CONSOLE_METHODS.has(name)) {
        const variable = this.ev.variableOf(object);
        return !variable || variable.defs.length === 0 ? 'reads' : 'releases';
      }
      if (name && TENSOR_METHODS.has(name) && this.isTensor(callee.object, true)) return 'reads';
      if (name && (MODEL_TENSOR_METHODS.has(name) || MODEL_READING_METHODS.has(name)) && this.isModel(callee.object))
        return 'reads';
      // A graph model's own method name: on a receiver the analysis cannot see (a model parameter) too.
      if (name && GRAPH_MODEL_METHODS.has(name) && this.mayBeModel(callee.object)) return 'reads';
    }
    // Any other function may keep it or dispose it.
    return 'releases';
  }

  /**
   * The fate of the value written to `variable` at `write` (a declarator's id or
   * an assignment's left side): 'leak' when every use of it only reads it before
   * the context runs again, 'replaced' when it is overwritten by the next run of
   * the context without a release, undefined when released or unknown.
   */
  private variableFate(
    variable: Variable,
    write: TSESTree.Identifier,
    context: RepeatedContext,
  ): 'leak' | 'replaced' | undefined {
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def?.type !== 'Variable') return undefined;
    const fn = enclosingFunction(write);
    const writes: TSESTree.Identifier[] = [];
    const reads: TSESTree.Identifier[] = [];
    for (const ref of variable.references) {
      const id = ref.identifier as TSESTree.Identifier;
      if (ref.isWrite()) {
        if (!writeValue(id)) return undefined; // `+=`, destructuring, a loop head
        writes.push(id);
      } else {
        reads.push(id);
      }
      // A closure in the context may use it at any time; another function may release it.
      if (enclosingFunction(id) !== fn && (contains(context.node, id) || this.useFate(id) !== 'reads'))
        return undefined;
    }
    // Straight-line code only: every write inside the context is a statement of one block.
    const statement = writeStatement(write);
    const block = statement?.parent;
    if (!statement || !block || !isStatementList(block)) return undefined;
    const inContext = writes.filter((w) => contains(context.node, w));
    for (const w of inContext) {
      const s = writeStatement(w);
      if (!s || s.parent !== block) return undefined;
    }
    inContext.sort((a, b) => a.range[0] - b.range[0]);
    const index = inContext.indexOf(write);
    const next = inContext[index + 1];
    const end = writeEnd(write);
    let seen: TSESTree.Identifier[];
    let replaced = false;
    if (next) {
      // Until the next write completes (`x = x.add(1)` reads the old x).
      const stop = writeEnd(next);
      seen = reads.filter((r) => r.range[0] > end && r.range[1] <= stop);
      replaced = true;
    } else if (declaredPerRun(def.node, def.parent as TSESTree.VariableDeclaration, context.node)) {
      // Declared inside the context: gone at the end of the run.
      seen = reads.filter((r) => r.range[0] > end);
    } else {
      // Declared outside: the next run's first write replaces it, unless the context runs once more
      // (a loop's last value lives on after it; only the values before it leak).
      if (block !== contextBody(context.node)) return undefined;
      const first = inContext[0]!;
      seen = reads.filter(
        (r) => contains(context.node, r) && (r.range[0] > end || r.range[1] <= writeEnd(first)) && r !== first,
      );
      replaced = true;
    }
    for (const r of seen) if (this.useFate(r) !== 'reads') return undefined;
    return replaced ? 'replaced' : 'leak';
  }
}

// -----------------------------------------------------------------------------
// Syntax helpers

/** Is an `endScope()` call in the leak's context, or in a function around the call that makes it? */
function inScopeOf(end: Call, leak: TensorLeak): boolean {
  if (contains(leak.context.node, end)) return true;
  for (let fn = enclosingFunction(leak.call); fn; fn = enclosingFunction(fn)) if (contains(fn, end)) return true;
  return false;
}

/**
 * Is a variable declared anew on every run of the context? A `let` or `const` inside
 * it is; a `var` only when its function runs inside it (a callback that is the context:
 * each call has its own), not when it is hoisted out of a loop body.
 */
function declaredPerRun(declarator: Node, declaration: TSESTree.VariableDeclaration, context: Node): boolean {
  if (!contains(context, declarator)) return false;
  if (declaration.kind !== 'var') return true;
  const fn = enclosingFunction(declarator);
  return !!fn && contains(context, fn);
}

/** Is `child` a part of loop `loop` that runs on every iteration (body, test, update)? */
function isRepeatedPart(loop: Node, child: Node): boolean {
  switch (loop.type) {
    case 'ForStatement':
      return child === loop.body || child === loop.test || child === loop.update;
    case 'WhileStatement':
    case 'DoWhileStatement':
      return child === loop.body || child === loop.test;
    case 'ForOfStatement':
    case 'ForInStatement':
      return child === loop.body;
    default:
      return false;
  }
}

/** The body a context runs: a loop's body, a function's body. */
function contextBody(node: Node): Node | undefined {
  if (isLoop(node)) return (node as TSESTree.ForStatement).body;
  if (isFunctionNode(node)) return node.body;
  return undefined;
}

function isStatementList(node: Node): boolean {
  return node.type === 'BlockStatement' || node.type === 'Program' || node.type === 'StaticBlock';
}

/** The value written at a write reference: a declarator's init or a plain assignment's right side. */
function writeValue(id: Node): Node | undefined {
  const p = id.parent;
  if (p?.type === 'VariableDeclarator' && p.id === id) {
    const decl = p.parent;
    if (decl?.parent && (decl.parent.type === 'ForOfStatement' || decl.parent.type === 'ForInStatement')) {
      if (decl.parent.left === decl) return undefined;
    }
    return p.init ?? undefined;
  }
  if (p?.type === 'AssignmentExpression' && p.left === id && p.operator === '=') return p.right;
  return undefined;
}

/** Where a write completes: the end of its declarator or assignment. */
function writeEnd(id: Node): number {
  return id.parent!.range[1];
}

/** The statement a write is, when it is one on its own: `x = v;` or `let x = v;` (one declarator). */
function writeStatement(id: Node): TSESTree.Statement | undefined {
  const p = id.parent;
  if (p?.type === 'AssignmentExpression') {
    return p.parent?.type === 'ExpressionStatement' ? p.parent : undefined;
  }
  if (p?.type === 'VariableDeclarator' && p.parent?.type === 'VariableDeclaration') return p.parent;
  return undefined;
}

/** The expression a value ends up as, looking through `await`, `as`, `!` and parentheses; and its parent. */
function outerExpression(node: Node): { node: Node; parent: Node | undefined } {
  let n = node;
  for (;;) {
    const p = n.parent;
    if (
      p &&
      (p.type === 'AwaitExpression' ||
        p.type === 'TSAsExpression' ||
        p.type === 'TSNonNullExpression' ||
        p.type === 'TSSatisfiesExpression' ||
        p.type === 'TSTypeAssertion' ||
        p.type === 'ChainExpression')
    ) {
      n = p;
      continue;
    }
    return { node: n, parent: p };
  }
}

/** The innermost statement around `node` (not crossing a function), or the expression body of an arrow around it. */
function statementOf(node: Node): TSESTree.Statement | TSESTree.Expression | undefined {
  for (let n: Node = node, p = node.parent; p; n = p, p = p.parent) {
    if (p.type === 'ArrowFunctionExpression' && p.body === n && n.type !== 'BlockStatement')
      return n as TSESTree.Expression;
    if (isFunctionNode(p)) return undefined;
    if (p.type.endsWith('Statement') || p.type === 'VariableDeclaration') return p as TSESTree.Statement;
  }
  return undefined;
}

/** Is `node` in a branch of something inside `context` (it may not run on every run)? */
function isConditionalIn(node: Node, context: Node): boolean {
  for (let n: Node = node; n.parent && n.parent !== context; n = n.parent) {
    const p: Node = n.parent;
    switch (p.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
        if (n !== p.test) return true;
        break;
      case 'LogicalExpression':
        if (n === p.right) return true;
        break;
      case 'SwitchCase':
      case 'CatchClause':
        return true;
      default:
        if (isLoop(p) || isFunctionNode(p)) return true;
    }
  }
  return false;
}

function staticKey(p: TSESTree.Property): string | undefined {
  if (p.computed) return undefined;
  if (p.key.type === 'Identifier') return p.key.name;
  return p.key.type === 'Literal' ? String(p.key.value) : undefined;
}

/** `{once: true}` as the options of `addEventListener`. */
function hasOnceOption(call: Call): boolean {
  const o = call.arguments[2];
  return (
    o?.type === 'ObjectExpression' &&
    o.properties.some(
      (p) => p.type === 'Property' && staticKey(p) === 'once' && !(p.value.type === 'Literal' && !p.value.value),
    )
  );
}

/** The declaration that names a function: itself, its `const` declarator, or its class method. */
function namedHolder(
  fn: FunctionNode,
): TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator | TSESTree.MethodDefinition | undefined {
  if (fn.type === 'FunctionDeclaration') return fn.id ? fn : undefined;
  const p = fn.parent;
  if (p?.type === 'VariableDeclarator' && p.init === fn && p.id.type === 'Identifier') return p;
  if (p?.type === 'MethodDefinition' && p.value === fn && p.kind === 'method') return p;
  return undefined;
}

function functionName(fn: FunctionNode): string {
  const h = namedHolder(fn);
  if (!h) return 'the function';
  if (h.type === 'MethodDefinition') return h.key.type === 'Identifier' ? `${h.key.name}()` : 'the method';
  return h.id?.type === 'Identifier' ? `${h.id.name}()` : 'the function';
}
