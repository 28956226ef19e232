/**
 * The sites of a file the rules judge, collected in one pass over its calls:
 * `compile` and `fit` calls of models, loss calls, layer calls, activation ops, and
 * `model.add(layer)` in the order the adds run (see `recordAdd`). Compile helpers of
 * other modules contribute their compile sites through the call of the helper here.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { LAYERS } from '../knowledge/layers.js';
import { LOSSES } from '../knowledge/losses.js';
import {
  calleeName,
  contains,
  enclosingFunction,
  importEqualsModule,
  isExitingIf,
  isFunctionNode,
  isLoop,
  partitionPoint,
  propertyKey,
  requiredModule,
  staticMemberName,
  unwrap,
} from './ast.js';
import { called, Evaluator, type ModuleResolver } from './evaluator.js';
import { fileCache } from './file-caches.js';
import { EXIT_GUARD, freshKey, possibilities, type Guard } from './guards.js';
import { isFollowed } from './modules/specifier.js';
import type { ExitStatement, RecordedNodes } from './recorded-nodes.js';
import { lastTurn } from './loop-turns.js';
import { ACTIVATION_OPS } from './tf-api.js';

import type {
  AddEvent,
  ExitFact,
  FunctionNode,
  LayerFact,
  LossCallValue,
  LoopTurn,
  ModelFact,
  ModelView,
  Node,
  TensorValue,
  Value,
} from './values.js';

export interface CompileSite {
  /** The `compile(...)` call (in another module when `via` is set). */
  readonly call: TSESTree.CallExpression;
  /**
   * For a compile helper imported from another module (`compileModel(model)`):
   * the call of the helper in this file, through which the model reaches `call`.
   */
  readonly via?: TSESTree.CallExpression;
  /** The value `compile` was called on. */
  readonly target: Value;
  /** The `compile` config, evaluated. */
  readonly config: Value;
  /** The `loss` value of the config. */
  readonly loss: Value;
  /** The `metrics` value of the config. */
  readonly metrics: Value;
}

export interface FitSite {
  readonly call: TSESTree.CallExpression;
  readonly target: Value;
  /** The labels argument (`fit(xs, ys)`). */
  readonly labels: Value;
}

/** The sites of every analysed file by its AST: a compile helper of another module is found in its file's. */
const sitesByFile = fileCache<FileSites>();

/** Methods that remove layers: `model.pop()`, `model.layers.splice(...)`. */
const LAYER_REMOVERS = new Set(['pop', 'splice', 'shift']);

/** Is a specifier one the cross-file resolver follows into the project (relative, or a path alias)? */
type Follows = (source: unknown) => boolean;

/** Does the file import or require a module of the project (what the cross-file resolver follows)? */
function importsProjectModule(
  sourceCode: Readonly<TSESLint.SourceCode>,
  calls: readonly TSESTree.CallExpression[],
  follows: Follows,
): boolean {
  for (const stmt of sourceCode.ast.body) {
    if (stmt.type === 'ImportDeclaration' && follows(stmt.source.value)) return true;
    if (follows(importEqualsModule(stmt))) return true; // TypeScript's `import x = require('./m')`
  }
  // No call can be `require(...)` in a text without that word (or an escape that spells it).
  const text = sourceCode.text;
  if (!text.includes('require') && !text.includes('\\u')) return false;
  for (const call of calls) if (follows(requiredModule(call))) return true;
  return false;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * The names top-level statements bind to a relative module as a whole: namespace and
 * default imports, TypeScript's `import x = require('./m')`, `const x = require('./m')`.
 * Only a syntactic shortlist; the evaluator resolves what a name really holds.
 */
function moduleNamespaces(program: TSESTree.Program, follows: Follows): ReadonlySet<string> {
  const names = new Set<string>();
  for (const stmt of program.body) {
    if (stmt.type === 'ImportDeclaration' && follows(stmt.source.value)) {
      for (const spec of stmt.specifiers) {
        if (spec.type === 'ImportNamespaceSpecifier' || spec.type === 'ImportDefaultSpecifier')
          names.add(spec.local.name);
      }
    } else if (stmt.type === 'TSImportEqualsDeclaration' && follows(importEqualsModule(stmt))) {
      names.add(stmt.id.name);
    } else if (stmt.type === 'VariableDeclaration') {
      for (const d of stmt.declarations) {
        if (d.id.type === 'Identifier' && follows(requiredModule(d.init))) names.add(d.id.name);
      }
    }
  }
  return names;
}

/** `helpers.fn` where `helpers` is one of `names`. */
function isNamespaceMember(callee: TSESTree.MemberExpression, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  const object = unwrap(callee.object);
  return object.type === 'Identifier' && names.has(object.name);
}

/** Model methods that train it on labels (`fit(xs, ys)`, `fitDataset(ds)`, `trainOnBatch(xs, ys)`). */
export const TRAINING_METHODS: ReadonlySet<string> = new Set(['fit', 'fitDataset', 'trainOnBatch']);

/**
 * What a callee name can be, looked up once per call (most calls of a file are
 * none of these): bits for the branches of `collect` that test a name list.
 */
const REMOVER = 1;
const FIT = 2;
const LOSS_FUNCTION = 4;
const LAYER = 8;
const ACTIVATION_OP = 16;
const CALL_KINDS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const mark = (names: Iterable<string>, bit: number) => {
    for (const name of names) map.set(name, (map.get(name) ?? 0) | bit);
  };
  mark(LAYER_REMOVERS, REMOVER);
  mark(TRAINING_METHODS, FIT);
  mark(
    [...LOSSES.values()].filter((l) => l.form === 'function').map((l) => l.key.split('.')[1]!),
    LOSS_FUNCTION,
  );
  mark(LAYERS.keys(), LAYER);
  mark(ACTIVATION_OPS.keys(), ACTIVATION_OP);
  return map;
})();

/** The sites of one file, and the models' adds as this file sees them. */
export class FileSites implements ModelView {
  readonly compileSites: CompileSite[] = [];
  /**
   * `m.compile({optimizer, loss, ...})` on a parameter of unknown value (no call in the
   * file passes it): a TF.js model compile by its config's shape. Its names are
   * checked; its model is unknown, so nothing is paired with it.
   */
  readonly untypedCompileSites: CompileSite[] = [];
  readonly fitSites: FitSite[] = [];
  /** Calls of TF.js loss functions outside `compile` (custom training code, wrappers). */
  readonly lossCalls: LossCallValue[] = [];
  /** Every `x.compile(...)` call on a plain identifier, whatever `x` is (compile helpers of other files). */
  readonly compileCalls: TSESTree.CallExpression[] = [];
  /** Every `x.add(...)` call on a plain identifier, whatever `x` is (layer helpers of other files). */
  readonly addCalls: TSESTree.CallExpression[] = [];
  /** Calls that may place a layer in a model: `x.apply(...)` and `sequential(...)` (read by `inputLayerOf`). */
  readonly placingCalls: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  /** Every `tf.layers.*(...)` call. */
  readonly layerCalls: LayerFact[] = [];
  /** Every TF.js activation op: `tf.softmax(x)`, `x.sigmoid()`, `tf.log(x)` ... */
  readonly activationOps: TensorValue[] = [];
  /**
   * What this file does to models of other modules (layers it adds, `pop()`): kept
   * here, not in the model's fact, which belongs to the module and is shared by
   * every file that imports it (the facts of one file must not depend on which
   * files were linted before it).
   */
  private readonly foreign = new Map<ModelFact, { adds: AddEvent[]; all?: readonly AddEvent[]; opaque: boolean }>();
  /**
   * Per model of this file, how many of its adds are written inside the function that
   * creates it (they come first in `model.adds`, see `recordAdd`). Only this file's
   * analysis writes its models' adds (other files' go to `foreign`), so a map of its
   * own serves, cheaper to write than a WeakMap shared by every analysis.
   */
  private readonly insideAdds = new Map<ModelFact, number>();

  constructor(
    private readonly evaluator: Evaluator,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly nodes: RecordedNodes,
    private readonly resolveModule: ModuleResolver | undefined,
  ) {
    sitesByFile.set(sourceCode.ast, this);
    this.collect(nodes.calls);
    // `new tf.Sequential({layers})` places its layers like `tf.sequential({layers})`.
    this.placingCalls.push(...nodes.sequentials);
  }

  /** Is `node` a name bound by a function's parameter list? */
  private isParameter(node: Node): boolean {
    const variable = node.type === 'Identifier' ? this.evaluator.variableOf(node) : undefined;
    return variable?.defs.length === 1 && variable.defs[0]!.type === 'Parameter';
  }

  /** The model's adds as this file sees them: the module's own, then this file's. */
  addsOf(model: ModelFact): readonly AddEvent[] {
    const mine = this.foreign.get(model);
    if (!mine || mine.adds.length === 0) return model.adds;
    return (mine.all ??= [...model.adds, ...mine.adds]);
  }

  /** Are the model's layers changed in ways not followed, here or where it is built? */
  isOpaque(model: ModelFact): boolean {
    return !!model.opaque || !!this.foreign.get(model)?.opaque;
  }

  private foreignEntry(model: ModelFact): { adds: AddEvent[]; all?: readonly AddEvent[]; opaque: boolean } | undefined {
    if (model.owner === this.evaluator) return undefined;
    let entry = this.foreign.get(model);
    if (!entry) this.foreign.set(model, (entry = { adds: [], opaque: false }));
    return entry;
  }

  /** The model's layers change in ways not followed (in this file's view when it is another module's). */
  private markOpaque(model: ModelFact): void {
    const entry = this.foreignEntry(model);
    if (entry) entry.opaque = true;
    else model.opaque = true;
  }

  private collect(calls: readonly TSESTree.CallExpression[]): void {
    const ev = this.evaluator;
    // Another module's function can only reach this file through an import or require
    // the resolver follows (relative, or a path alias); without one, no call can be a
    // compile helper of another module and callees need not be evaluated for it.
    const resolver = this.resolveModule;
    const follows: Follows = (s) => typeof s === 'string' && !ev.isTfModule(s) && isFollowed(resolver, s);
    const remote = !!resolver && importsProjectModule(this.sourceCode, calls, follows);
    // Names that may hold a whole module of the project (`import * as helpers`,
    // `import helpers = require`, `const helpers = require`): `helpers.compileModel(m)`
    // may call a compile helper of that module.
    const namespaces = remote ? moduleNamespaces(this.sourceCode.ast, follows) : NO_NAMES;
    for (const node of calls) {
      const name = calleeName(node);
      if (name === undefined) continue;
      const callee = unwrap(node.callee);
      const isMethod = callee.type === 'MemberExpression';
      const kinds = CALL_KINDS.get(name) ?? 0;
      const onNamespace = isMethod && remote && isNamespaceMember(callee as TSESTree.MemberExpression, namespaces);
      if (onNamespace && node.arguments.length > 0 && this.remoteCompiles(node)) {
        // A compile helper of another module called through its namespace, whatever
        // its name (`helpers.compile(model)` is no model's compile).
      } else if (isMethod && name === 'add' && node.arguments.length === 1) {
        const arg = node.arguments[0]!;
        const object = unwrap((callee as TSESTree.MemberExpression).object);
        if (object.type === 'Identifier') this.addCalls.push(node);
        const target = ev.evaluate(object);
        for (const p of possibilities(target)) {
          if (p.value.kind === 'model' && p.value.model.kind === 'sequential' && arg.type !== 'SpreadElement') {
            this.recordAdd(p.value.model, node, arg);
          }
        }
      } else if (isMethod && kinds & REMOVER) {
        // `model.pop()`, `model.layers.splice(...)`: layers change in ways not followed.
        const object = unwrap((callee as TSESTree.MemberExpression).object);
        const owner =
          object.type === 'MemberExpression' && staticMemberName(object) === 'layers' ? object.object : object;
        for (const p of possibilities(ev.evaluate(owner))) if (p.value.kind === 'model') this.markOpaque(p.value.model);
      } else if (isMethod && name === 'compile') {
        const object = unwrap((callee as TSESTree.MemberExpression).object);
        if (object.type === 'Identifier') this.compileCalls.push(node);
        const target = ev.evaluate(object);
        const a0 = node.arguments[0];
        const model = possibilities(target).some((p) => p.value.kind === 'model');
        if (model || (target.kind === 'unknown' && this.isParameter(object) && isCompileConfig(a0))) {
          const config = a0 && a0.type !== 'SpreadElement' ? ev.evaluate(a0) : { kind: 'unknown' as const };
          (model ? this.compileSites : this.untypedCompileSites).push({
            call: node,
            target,
            config,
            loss: ev.getMember(config, 'loss'),
            metrics: ev.getMember(config, 'metrics'),
          });
        }
      } else if (isMethod && kinds & FIT) {
        const target = ev.evaluate((callee as TSESTree.MemberExpression).object);
        if (possibilities(target).some((p) => p.value.kind === 'model')) {
          const y = name === 'fit' || name === 'trainOnBatch' ? node.arguments[1] : undefined;
          this.fitSites.push({
            call: node,
            target,
            labels: y && y.type !== 'SpreadElement' ? ev.evaluate(y) : { kind: 'unknown' },
          });
        }
      } else if (remote && !isMethod && node.arguments.length > 0 && this.remoteCompiles(node)) {
        // A compile helper imported from another module: its compile sites, with the
        // helper's parameters bound to this call's arguments.
      } else if ((isMethod && name === 'apply' && node.arguments.length > 0) || name === 'sequential') {
        this.placingCalls.push(node);
      } else if (kinds & LOSS_FUNCTION) {
        const v = ev.evaluate(node);
        if (v.kind === 'loss-call') this.lossCalls.push(v);
      } else if (kinds & LAYER) {
        const v = ev.evaluate(node);
        if (v.kind === 'layer') this.layerCalls.push(v.layer);
        else if (v.kind === 'tensor' && v.origin === 'activation-op') this.activationOps.push(v);
      } else if (kinds & ACTIVATION_OP) {
        const v = ev.evaluate(node);
        if (v.kind === 'tensor' && v.origin === 'activation-op') this.activationOps.push(v);
      }
    }
  }

  /**
   * If `call` calls a function of another module that compiles one of its
   * parameters, record those compile sites as seen through this call. True when
   * the callee is such a function.
   */
  private remoteCompiles(call: TSESTree.CallExpression): boolean {
    const fn = called(this.evaluator.evaluate(call.callee));
    if (fn.kind !== 'function' || !(fn.owner instanceof Evaluator) || fn.owner === this.evaluator) return false;
    const owner = fn.owner;
    const other = sitesByFile.get(owner.sourceCode.ast);
    if (!other) return false;
    const params = new Set(fn.node.params.map((p) => (p.type === 'Identifier' ? p.name : '')));
    const onParam = (c: TSESTree.CallExpression) => {
      if (!contains(fn.node, c)) return false;
      const target = unwrap((unwrap(c.callee) as TSESTree.MemberExpression).object);
      return target.type === 'Identifier' && params.has(target.name);
    };
    const inside = other.compileCalls.filter(onParam);
    const adding = other.addCalls.some(onParam);
    if (inside.length === 0 && !adding) return false;
    const args = call.arguments.map((a) =>
      a.type === 'SpreadElement' ? ({ kind: 'unknown' } as Value) : this.evaluator.evaluate(a),
    );
    if (adding) {
      // The helper adds layers to a model passed to it, at a time this file does not show.
      for (const a of args)
        for (const p of possibilities(a)) if (p.value.kind === 'model') this.markOpaque(p.value.model);
    }
    const env = owner.bind(fn.node, args, undefined);
    if (!env) return false;
    for (const compileCall of inside) {
      const target = owner.evaluate((unwrap(compileCall.callee) as TSESTree.MemberExpression).object, env);
      if (!possibilities(target).some((p) => p.value.kind === 'model')) continue;
      const a0 = compileCall.arguments[0];
      const config = a0 && a0.type !== 'SpreadElement' ? owner.evaluate(a0, env) : ({ kind: 'unknown' } as Value);
      this.compileSites.push({
        call: compileCall,
        via: call,
        target,
        config,
        loss: owner.getMember(config, 'loss'),
        metrics: owner.getMember(config, 'metrics'),
      });
    }
    return true;
  }

  /**
   * Record `model.add(layer)`. Adds are ordered as they run: those written in the
   * function that creates the model (including inline callbacks there) in source
   * order, then those of code that received the model from it (a factory's caller).
   * An add in a named helper that is handed the model (a parameter, a closure
   * variable, `this.model` in another method) may run at any time: the model's
   * layers are then not followed (`opaque`).
   */
  private recordAdd(model: ModelFact, call: TSESTree.CallExpression, layerNode: Node): void {
    const addFn = enclosingFunction(call);
    // A model built in another module and returned to this file is added to as by a
    // factory's caller (this file's code runs after the module's; source positions
    // of two files are not compared), and the add is kept in this file's view.
    const foreign = this.foreignEntry(model);
    const creationFn = enclosingFunction(model.node);
    const nested = foreign ? false : creationFn ? contains(creationFn, call) : true;
    let guards: Guard[];
    let exits: ExitFact[] = [];
    const turn = foreign ? undefined : this.turnOf(model, call, creationFn);
    if (turn) {
      // Every turn adds: the add runs where the loop does, after the exits before it.
      const base = this.conditionsOf(model.node, creationFn);
      guards = this.conditionsOf(turn.loop, creationFn).filter(
        (g) => !base.some((b) => b.key === g.key && b.value === g.value),
      );
      exits = this.exitsBetween(model, turn.loop, creationFn, base);
      for (const e of exits) guards.push({ key: e.key, value: true });
      guards.push({ key: turn.key, value: true });
    } else if (foreign || creationFn !== addFn || call.range[0] < model.node.range[0]) {
      const inline =
        !!addFn && nested && addFn.parent?.type === 'CallExpression' && addFn.parent.arguments.includes(addFn as never);
      if (!inline && !(addFn && !nested && this.receiverIsLocal(call, addFn))) {
        this.markOpaque(model);
        return;
      }
      // An inline callback (may run any number of times), or a factory's caller.
      guards = [...this.conditionsOf(call, addFn), ...(inline ? [{ key: freshKey(), value: true }] : [])];
    } else {
      const base = this.conditionsOf(model.node, creationFn);
      guards = this.conditionsOf(call, addFn).filter((g) => !base.some((b) => b.key === g.key && b.value === g.value));
      // After an early `return` or `throw`, an add runs only if none was taken.
      exits = this.exitsBetween(model, call, addFn, base);
      for (const e of exits) guards.push({ key: e.key, value: true });
    }
    const event: AddEvent = {
      call,
      layerNode,
      guards,
      ...(exits.length > 0 ? { exits } : {}),
      ...(turn ? { turn } : {}),
    };
    if (foreign) {
      foreign.adds.push(event);
      foreign.all = undefined;
      return;
    }
    // Creation-function adds first (source order), then adds of the code the model was returned to.
    if (nested && creationFn) {
      // The list is [adds inside the creation function..., the others...]: insert at
      // the end of the first part, whose length is kept (so no search for it).
      const inside = this.insideAdds.get(model) ?? 0;
      if (inside === model.adds.length) model.adds.push(event);
      else model.adds.splice(inside, 0, event);
      this.insideAdds.set(model, inside + 1);
    } else {
      model.adds.push(event);
    }
  }

  /**
   * The last turn of the loop the add is a statement of (loop-turns.ts), when the loop
   * is written in the function that creates the model, after it. Its guard key is the
   * one the loop's body has (`conditionsOf`), which a non-empty array makes true.
   */
  private turnOf(
    model: ModelFact,
    call: TSESTree.CallExpression,
    creationFn: FunctionNode | undefined,
  ): LoopTurn | undefined {
    const last = lastTurn(this.evaluator, call);
    if (!last || enclosingFunction(last.loop) !== creationFn || last.loop.range[0] < model.node.range[1])
      return undefined;
    let cached = this.condCache.get(last.scope);
    if (!cached) this.condCache.set(last.scope, (cached = [{ key: freshKey(), value: true }]));
    return { loop: last.loop, key: cached[0]!.key, env: last.env, count: last.count };
  }

  /** Is the receiver of `x.add()` a variable declared in `fn` itself (a model returned to it)? */
  private receiverIsLocal(call: TSESTree.CallExpression, fn: Node): boolean {
    const object = unwrap((unwrap(call.callee) as TSESTree.MemberExpression).object);
    if (object.type !== 'Identifier') return false;
    const variable = this.evaluator.variableOf(object);
    const def = variable?.defs[0];
    return !!def && def.type === 'Variable' && enclosingFunction(def.node) === fn;
  }

  /** The `return`s and `throw`s of `fn` (not of nested functions) between the model's creation and `node`. */
  private exitsBetween(model: ModelFact, node: Node, fn: FunctionNode | undefined, base: readonly Guard[]): ExitFact[] {
    if (!fn) return [];
    const out: ExitFact[] = [];
    for (const exit of this.nodes.exitsOf(fn)) {
      const at = exit.range[0];
      if (at > model.node.range[0] && at < node.range[0]) out.push(this.exitFact(exit, model, fn, base));
    }
    return out;
  }

  private readonly exitFacts = new Map<ExitStatement, Map<ModelFact, ExitFact>>();

  /** What an exit is to a model built before it in its function (one fact per pair, one key per exit). */
  private exitFact(exit: ExitStatement, model: ModelFact, fn: FunctionNode, base: readonly Guard[]): ExitFact {
    let byModel = this.exitFacts.get(exit);
    if (!byModel) this.exitFacts.set(exit, (byModel = new Map()));
    let fact = byModel.get(model);
    if (!fact) {
      const key = byModel.values().next().value?.key ?? `${EXIT_GUARD}${freshKey()}`;
      const conditions = this.conditionsOf(exit, fn).filter(
        (g) => !base.some((b) => b.key === g.key && b.value === g.value),
      );
      fact = { node: exit, key, conditions, deadEnd: this.isDeadEnd(exit, model, fn) };
      byModel.set(model, fact);
    }
    return fact;
  }

  /**
   * Does taking `exit` hand the model to no one? A `throw` not inside a `try` of the
   * function (a `catch` or `finally` may go on): whoever holds the model, the call
   * that was to finish it fails. A `return` of no value (`return;`, `return null`),
   * in no generator and no `try`, while the model is held only by a local variable
   * of the function that every reference before the exit (in a loop: every
   * reference) uses as a method receiver (`model.add(...)`): stored, passed or
   * captured, the model may be trained elsewhere with the layers added so far.
   */
  private isDeadEnd(exit: ExitStatement, model: ModelFact, fn: FunctionNode): boolean {
    let inLoop = false;
    for (let n: Node | undefined = exit.parent; n && n !== fn; n = n.parent) {
      if (n.type === 'TryStatement') return false;
      if (isLoop(n)) inLoop = true;
    }
    if (exit.type === 'ThrowStatement') return true;
    if (fn.generator || (exit.argument && !isNoValue(exit.argument))) return false;
    const holder = localHolder(model.node);
    const variable = holder && this.evaluator.variableOf(holder);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || !def || enclosingFunction(def.name) !== fn) return false;
    for (const ref of variable.references) {
      const id = ref.identifier;
      if (id === holder) continue;
      if (enclosingFunction(id) !== fn) return false; // a closure may hand it out at any time
      if (!inLoop && id.range[0] > exit.range[0]) continue;
      if (ref.isWrite() || id.type !== 'Identifier' || !isReceiver(id)) return false;
    }
    return true;
  }

  private readonly condCache = new Map<Node, Guard[]>();

  /**
   * The conditions a `compile` call written in its model's creation function runs
   * under, beyond the creation's own (`if (!fail) { model.add(out); model.compile(…) }`):
   * a path where they fail compiles nothing, so an output that skips adds under the
   * same conditions never meets this compile.
   */
  compileConditions(model: ModelFact, call: Node): Guard[] {
    const fn = enclosingFunction(model.node);
    if (enclosingFunction(call) !== fn || call.range[0] < model.node.range[0]) return [];
    const base = this.conditionsOf(model.node, fn);
    return this.conditionsOf(call, fn).filter((g) => !base.some((b) => b.key === g.key && b.value === g.value));
  }

  /**
   * The conditions under which `node` runs anywhere in its file: the arms it sits in
   * and, before it in each enclosing block, an `if` without `else` that always leaves
   * (`if (raw) return …;` puts what follows under `raw` false). A function declaration
   * is hoisted: its body runs where it is called, not where it is written, so past it
   * count the conditions of its call when that is its one use, and none otherwise (a
   * function expression is created where it stands, after the exits before it).
   */
  runConditions(node: Node, seen: Set<Node> = new Set()): Guard[] {
    const out = this.conditionsOf(node, undefined);
    for (let n: Node = node; n.parent; n = n.parent) {
      if (n.type === 'FunctionDeclaration') {
        if (!seen.has(n)) out.push(...this.usesConditions(n, seen.add(n)));
        break;
      }
      const p = n.parent;
      if (p.type !== 'BlockStatement' && p.type !== 'Program') continue;
      const exits = this.exitingIfsOf(p);
      const at = n.range[0];
      const before = partitionPoint(exits.ends, (end) => end <= at);
      for (let i = 0; i < before; i++) out.push(exits.guards[i]!);
    }
    return out;
  }

  /**
   * The conditions every use of a function declaration runs under (its calls, and
   * where it is handed on: `tf.tidy(lossFn)`): a hoisted body runs where it is used,
   * not after the statements before its declaration. None when it is exported or
   * not used in the file.
   */
  private usesConditions(fn: TSESTree.FunctionDeclaration, seen: Set<Node>): Guard[] {
    if (fn.parent?.type === 'ExportNamedDeclaration' || fn.parent?.type === 'ExportDefaultDeclaration') return [];
    const variable = this.sourceCode.getDeclaredVariables(fn)[0];
    if (!variable || variable.defs.length !== 1 || variable.references.length === 0) return [];
    let shared: Guard[] | undefined;
    for (const ref of variable.references) {
      const here = this.runConditions(ref.identifier, new Set(seen));
      shared = shared ? shared.filter((g) => here.some((h) => h.key === g.key && h.value === g.value)) : here;
      if (shared.length === 0) break;
    }
    return shared ?? [];
  }

  private readonly exitingIfs = new Map<Node, { ends: number[]; guards: Guard[] }>();

  /**
   * The `if`s of a block that always leave (`isExitingIf`), in order: where each ends
   * and the guard of the statements after it. Once per block, shared by its statements.
   */
  private exitingIfsOf(block: TSESTree.BlockStatement | TSESTree.Program): { ends: number[]; guards: Guard[] } {
    let hit = this.exitingIfs.get(block);
    if (!hit) {
      hit = { ends: [], guards: [] };
      for (const st of block.body) {
        if (!isExitingIf(st)) continue;
        const g = this.evaluator.condition(st.test);
        hit.ends.push(st.range[1]);
        hit.guards.push({ key: g.key, value: !g.value });
      }
      this.exitingIfs.set(block, hit);
    }
    return hit;
  }

  /** The conditions under which `node` runs within its function, outermost first. */
  private conditionsOf(node: Node, fn: Node | undefined): Guard[] {
    const out: Guard[] = [];
    for (let n: Node = node; n.parent && n.parent !== fn; n = n.parent) {
      const p = n.parent;
      if (p.type === 'IfStatement' && n !== p.test) {
        const g = this.evaluator.condition(p.test);
        out.unshift(n === p.consequent ? g : { key: g.key, value: !g.value });
      } else if (p.type === 'ConditionalExpression' && n !== p.test) {
        const g = this.evaluator.condition(p.test);
        out.unshift(n === p.consequent ? g : { key: g.key, value: !g.value });
      } else if (p.type === 'LogicalExpression' && n === p.right) {
        const g = this.evaluator.condition(p.left);
        if (p.operator === '&&') out.unshift(g);
        else if (p.operator === '||') out.unshift({ key: g.key, value: !g.value });
        else out.unshift({ key: freshKey(), value: true });
      } else if (p.type === 'SwitchCase' && n !== p.test && this.evaluator.caseConditions(p)) {
        out.unshift(...this.evaluator.caseConditions(p)!);
      } else if (isLoop(p) || p.type === 'SwitchCase' || p.type === 'CatchClause' || isFunctionNode(p)) {
        let cached = this.condCache.get(p);
        if (!cached) {
          cached = [{ key: freshKey(), value: true }];
          this.condCache.set(p, cached);
        }
        out.unshift(cached[0]!);
      }
    }
    return out;
  }
}

/** `return null`, `return false`, `return undefined`, `return void 0`: a value that is no model. */
function isNoValue(n: Node): boolean {
  const e = unwrap(n);
  if (e.type === 'Literal') return true;
  if (e.type === 'Identifier') return e.name === 'undefined';
  return e.type === 'UnaryExpression' && e.operator === 'void';
}

/** The local variable a model is created into (`const m = tf.sequential()`, `m = tf.sequential()`). */
function localHolder(creation: Node): TSESTree.Identifier | undefined {
  let n = creation;
  while (n.parent && unwrap(n.parent) === creation) n = n.parent;
  const p = n.parent;
  if (p?.type === 'VariableDeclarator' && p.init === n && p.id.type === 'Identifier') return p.id;
  if (p?.type === 'AssignmentExpression' && p.operator === '=' && p.right === n && p.left.type === 'Identifier')
    return p.left;
  return undefined;
}

/** Is `id` the receiver of a method call (`id.add(...)`, `id!.add(...)`)? */
function isReceiver(id: TSESTree.Identifier): boolean {
  let n: Node = id;
  while (n.parent && unwrap(n.parent) === id) n = n.parent;
  const member = n.parent;
  return (
    member?.type === 'MemberExpression' &&
    member.object === n &&
    member.parent?.type === 'CallExpression' &&
    member.parent.callee === member
  );
}

/** An object literal written with both `optimizer` and `loss` keys: the shape of a TF.js `compile` config. */
function isCompileConfig(arg: Node | undefined): boolean {
  if (arg?.type !== 'ObjectExpression') return false;
  const keys = new Set(arg.properties.map((p) => (p.type === 'Property' && !p.computed ? propertyKey(p) : undefined)));
  return keys.has('optimizer') && keys.has('loss');
}
