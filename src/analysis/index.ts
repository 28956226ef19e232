/**
 * The per-file TF.js analysis: one instance per Program node, computed on the first
 * request of any rule and shared by all of them (a WeakMap keyed by the AST root,
 * as typescript-eslint does for its shared analyses).
 *
 * It never reports. It collects the sites the rules judge — `compile`, `fit`,
 * direct loss calls, layer and activation-op calls — and answers questions about
 * them with guarded possibilities, so that a rule only has to say which pairs are
 * bugs (see `judge`).
 *
 * A file that never mentions TF.js (no import or require of a TF.js module, no use
 * of a configured global) is rejected by a text check and a look at the global
 * scope's unresolved references, before any walk.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  calleeName,
  contains,
  enclosingFunction,
  importEqualsModule,
  isFunctionNode,
  isLoop,
  isRelativeSpecifier,
  requiredModule,
  staticMemberName,
  unwrap,
} from './ast.js';
import { ACTIVATION_OPS, called, Evaluator, type ModuleResolver } from './evaluator.js';
import { record, RECORDED_TYPES, releaseSyntax, scan, SyntaxIndex, emptyRecord, type Recorded } from './syntax.js';
import {
  EXIT_GUARD,
  freshKey,
  mergeGuards,
  NO_GUARDS,
  pair,
  possibilities,
  type Guard,
  type Guards,
  type Possibility,
} from './guards.js';
import { collectNameUses, type NameUse } from './identifiers.js';
import { LossResolver, type LossFact } from './losses.js';
import { OutputResolver, propertyOf, type ActivationFact, type OutputFact } from './outputs.js';
import { LayerInputResolver, type InputLayerPossibility } from './sequence.js';
import { tfExpression } from './tf-names.js';
import { createResolver, describeRemote } from './modules.js';
import { readSettings, type TfjsSettings } from './settings.js';
import { fitSitesOf, metricsFor, oneHotOrigins, type MetricList } from './training.js';
import { LAYERS } from '../knowledge/layers.js';
import { LOSSES } from '../knowledge/losses.js';
import {
  isNullish,
  type AddEvent,
  type FunctionNode,
  type LayerFact,
  type LossCallValue,
  type ModelFact,
  type Node,
  type TensorValue,
  type Value,
} from './values.js';

export type { ActivationFact, OutputFact } from './outputs.js';
export type { InputLayerPossibility } from './sequence.js';
export type { LossFact } from './losses.js';
export type { Guards, Possibility } from './guards.js';
export type { NameUse, NamePosition } from './identifiers.js';
export type { MetricList } from './training.js';
export { pair } from './guards.js';
export { makesTensor, tensorLeaks, type TensorLeak, type RepeatedContext } from './tensor-lifetimes.js';
export type * from './values.js';

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

/** One consistent combination of a model output and the loss it is trained with. */
export interface OutputLossPair {
  readonly site: CompileSite;
  readonly outputIndex: number;
  /** Null when the output is unknown on this path. */
  readonly output: OutputFact | null;
  /** Null when the loss is unknown on this path. */
  readonly loss: LossFact | null;
  readonly guards: Guards;
}

/** What one layer is on one path: its activation and the width of its output's last axis. */
export interface LayerFacts extends ActivationFact {
  readonly layer: LayerFact;
  /**
   * The size of the output's last axis when this layer sets it (`units` of dense and
   * recurrent layers, `filters` of channels-last conv layers); undefined when unknown
   * or not set by this layer.
   */
  readonly units: number | undefined;
  /** The units value as written in the config (`units: N`). */
  readonly unitsNode?: Node;
  /**
   * True when the activation is taken over the last axis: always, except for
   * `tf.layers.softmax({axis})`, where only an absent axis, 1 or -1 is (its default
   * axis is 1, the last one on rank-2 inputs; TF.js throws for other non-last axes),
   * and any other axis gives undefined.
   */
  readonly overLastAxis: boolean | undefined;
}

export interface FitSite {
  readonly call: TSESTree.CallExpression;
  readonly target: Value;
  /** The labels argument (`fit(xs, ys)`). */
  readonly labels: Value;
}

/** A tensor that is fed to a loss: what it is on one path. */
export interface TensorPossibility {
  readonly tensor: TensorValue | null;
  /** For model outputs: the output fact on this path. */
  readonly output?: OutputFact | null;
  readonly guards: Guards;
}

const cache = new WeakMap<TSESTree.Program, FileAnalysis | null>();
/** Every analysis by its AST, to tell which file a node of an imported module is in. */
const analyses = new WeakMap<TSESTree.Program, FileAnalysis>();

function programOf(node: Node): TSESTree.Program | undefined {
  let n: Node | undefined = node;
  while (n && n.type !== 'Program') n = n.parent;
  return n;
}

/**
 * The answer of `shouldAnalyse` per file, for the settings it was computed with:
 * every rule's `create` asks (through `callRecorder`) until one analyses the file,
 * so on a file without TF.js the text checks would otherwise run once per rule.
 */
const shouldCache = new WeakMap<TSESTree.Program, { settings: TfjsSettings; result: boolean }>();

/**
 * The file's calls (and the other nodes of `syntax.ts`), recorded in order during
 * ESLint's own traversal (see `callRecorder`); `complete` once the traversal has
 * reached `Program:exit`.
 */
const recorded = new WeakMap<TSESTree.Program, { nodes: Recorded; complete: boolean }>();

type Listener = (node: never) => void;

/**
 * Listeners that record every call of a TF.js file during ESLint's traversal, so
 * that the analysis need not walk the AST a second time. Only the first rule
 * created for a file gets them (`createRule` merges them into every rule), and
 * none for a file that never mentions TF.js. Without them (a rule not made by
 * `createRule`, or the analysis asked for before `Program:exit`), the analysis
 * walks the AST itself, in the same order.
 */
export function callRecorder(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): Record<string, Listener> {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  if (recorded.has(ast) || cache.has(ast)) return {};
  let settings: TfjsSettings;
  try {
    settings = readSettings(context.settings as Record<string, unknown>);
  } catch {
    return {}; // a bad configuration is reported by getAnalysis
  }
  if (!shouldAnalyse(sourceCode, settings)) return {};
  const entry = { nodes: emptyRecord(), complete: false };
  recorded.set(ast, entry);
  const listeners: Record<string, Listener> = {};
  const listener = ((node: Node) => record(entry.nodes, node)) as Listener;
  for (const type of RECORDED_TYPES) listeners[type] = listener;
  listeners['Program:exit'] = () => {
    entry.complete = true;
  };
  return listeners;
}

/**
 * Forget the analysis of a linted file whose lint is over, so that keeping its AST
 * (as a module another file may import, see modules.ts) does not keep the analysis
 * and ESLint's `SourceCode` with it: the WeakMaps here are keyed by the AST.
 */
export function releaseAnalysis(program: TSESTree.Program): void {
  cache.delete(program);
  analyses.delete(program);
  recorded.delete(program);
  shouldCache.delete(program);
  releaseSyntax(program);
}

/** The shared analysis for the file being linted, or null when the file uses no TF.js. */
export function getAnalysis(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  resolveModule?: ModuleResolver,
): FileAnalysis | null {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  // Settings are validated on every call (cheap: cached per settings object) so a bad
  // configuration is reported by every rule, even on files without TF.js.
  const settings = readSettings(context.settings as Record<string, unknown>);
  if (cache.has(ast)) return cache.get(ast)!;
  const calls = recorded.get(ast);
  const analysis = shouldAnalyse(sourceCode, settings)
    ? new FileAnalysis(
        sourceCode,
        settings,
        resolveModule ?? createResolver(context, settings),
        context.physicalFilename ?? context.filename,
        calls?.complete ? calls.nodes : undefined,
      )
    : null;
  cache.set(ast, analysis);
  return analysis;
}

/**
 * The module names worth searching the text for: a name that contains another one
 * (`@tensorflow/tfjs-node` contains `@tensorflow/tfjs`) cannot occur without it, so
 * one scan of the text answers for the default five.
 */
const needles = new WeakMap<readonly string[], readonly string[]>();

function moduleNeedles(modules: readonly string[]): readonly string[] {
  let list = needles.get(modules);
  if (!list) {
    list = modules.filter((m, i) => !modules.some((o, j) => j !== i && m.includes(o) && (m !== o || j < i)));
    needles.set(modules, list);
  }
  return list;
}

/** Cheap pre-check: does this file reference TF.js at all? */
export function mentionsTfjs(sourceCode: Readonly<TSESLint.SourceCode>, settings: TfjsSettings): boolean {
  const text = sourceCode.text;
  if (moduleNeedles(settings.modules).some((m) => text.includes(m))) return true;
  const globals = settings.globals.filter((g) => text.includes(g));
  if (globals.length === 0) return false;
  const scope = sourceCode.scopeManager?.globalScope;
  if (!scope) return false;
  for (const ref of scope.through) if (globals.includes(ref.identifier.name)) return true;
  for (const g of globals) {
    const v = scope.set.get(g);
    if (v && v.defs.length === 0 && v.references.length > 0) return true;
  }
  return false;
}

/**
 * Cheap pre-check for a file that never names TF.js but may train a model built in
 * another module: with cross-file analysis on, a relative import or require and a
 * call of a model method (`.compile(`, `.fit(`, `.predict(` ...; not `.add(`, which every Set has).
 */
function shouldAnalyse(sourceCode: Readonly<TSESLint.SourceCode>, settings: TfjsSettings): boolean {
  const hit = shouldCache.get(sourceCode.ast);
  if (hit && hit.settings === settings) return hit.result;
  const result = mentionsTfjs(sourceCode, settings) || mayUseImportedModel(sourceCode, settings);
  shouldCache.set(sourceCode.ast, { settings, result });
  return result;
}

function mayUseImportedModel(sourceCode: Readonly<TSESLint.SourceCode>, settings: TfjsSettings): boolean {
  if (!settings.crossFile) return false;
  const text = sourceCode.text;
  return RELATIVE_IMPORT.test(text) && MODEL_METHOD_CALL.test(text);
}
const RELATIVE_IMPORT = /(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"]\.\.?\//;
const MODEL_METHOD_CALL = /\.(?:compile|fit|fitDataset|trainOnBatch|predict)\s*\(/;

/**
 * Per model, how many of its adds are written inside the function that creates it
 * (they come first in `model.adds`, see `recordAdd`). Shared by every analysis,
 * since an importing file's analysis also records adds on a module's models.
 */
const insideAdds = new WeakMap<ModelFact, number>();

/** Methods that remove layers: `model.pop()`, `model.layers.splice(...)`. */
const LAYER_REMOVERS = new Set(['pop', 'splice', 'shift']);

/** Does the file import or require a module by a relative path (what the cross-file resolver follows)? */
function importsRelativeModule(
  sourceCode: Readonly<TSESLint.SourceCode>,
  calls: readonly TSESTree.CallExpression[],
): boolean {
  for (const stmt of sourceCode.ast.body) {
    if (stmt.type === 'ImportDeclaration' && isRelativeSpecifier(stmt.source.value)) return true;
    if (isRelativeSpecifier(importEqualsModule(stmt))) return true; // TypeScript's `import x = require('./m')`
  }
  // No call can be `require(...)` in a text without that word (or an escape that spells it).
  const text = sourceCode.text;
  if (!text.includes('require') && !text.includes('\\u')) return false;
  for (const call of calls) if (isRelativeSpecifier(requiredModule(call))) return true;
  return false;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * The names top-level statements bind to a relative module as a whole: namespace and
 * default imports, TypeScript's `import x = require('./m')`, `const x = require('./m')`.
 * Only a syntactic shortlist; the evaluator resolves what a name really holds.
 */
function moduleNamespaces(program: TSESTree.Program): ReadonlySet<string> {
  const names = new Set<string>();
  for (const stmt of program.body) {
    if (stmt.type === 'ImportDeclaration' && isRelativeSpecifier(stmt.source.value)) {
      for (const spec of stmt.specifiers) {
        if (spec.type === 'ImportNamespaceSpecifier' || spec.type === 'ImportDefaultSpecifier')
          names.add(spec.local.name);
      }
    } else if (stmt.type === 'TSImportEqualsDeclaration' && isRelativeSpecifier(importEqualsModule(stmt))) {
      names.add(stmt.id.name);
    } else if (stmt.type === 'VariableDeclaration') {
      for (const d of stmt.declarations) {
        if (d.id.type === 'Identifier' && isRelativeSpecifier(requiredModule(d.init))) names.add(d.id.name);
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
  mark(['fit', 'fitDataset', 'trainOnBatch'], FIT);
  mark(
    [...LOSSES.values()].filter((l) => l.form === 'function').map((l) => l.key.split('.')[1]!),
    LOSS_FUNCTION,
  );
  mark(LAYERS.keys(), LAYER);
  mark(ACTIVATION_OPS.keys(), ACTIVATION_OP);
  return map;
})();

export class FileAnalysis {
  readonly syntax: SyntaxIndex;
  readonly evaluator: Evaluator;
  readonly outputs: OutputResolver;
  readonly losses: LossResolver;
  readonly compileSites: CompileSite[] = [];
  readonly fitSites: FitSite[] = [];
  /** Calls of TF.js loss functions outside `compile` (custom training code, wrappers). */
  readonly lossCalls: LossCallValue[] = [];
  /** Every `x.compile(...)` call on a plain identifier, whatever `x` is (compile helpers of other files). */
  readonly compileCalls: TSESTree.CallExpression[] = [];
  /** Every `x.add(...)` call on a plain identifier, whatever `x` is (layer helpers of other files). */
  readonly addCalls: TSESTree.CallExpression[] = [];
  /** Calls that may place a layer in a model: `x.apply(...)` and `sequential(...)` (read by `inputLayerOf`). */
  private readonly placingCalls: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  private readonly inputs: LayerInputResolver;
  private readonly layerFactsCache = new Map<LayerFact, Possibility<LayerFacts>[]>();
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
   * @param recorded The file's calls, exits and `this` writes in traversal order,
   *   when already recorded (`callRecorder`); otherwise the AST is walked for them.
   */
  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly settings: TfjsSettings,
    readonly resolveModule?: ModuleResolver,
    /** The file's path (for messages that point into other files). */
    readonly file?: string,
    recorded?: Recorded,
  ) {
    analyses.set(sourceCode.ast, this);
    this.syntax = new SyntaxIndex(recorded ?? scan(sourceCode), sourceCode.ast);
    this.evaluator = new Evaluator(sourceCode, settings, this.syntax, resolveModule);
    this.outputs = new OutputResolver(this.evaluator, this);
    this.losses = new LossResolver(this.evaluator);
    this.inputs = new LayerInputResolver(this.evaluator, this.placingCalls, this);
    this.collect(this.syntax.calls);
    // `new tf.Sequential({layers})` places its layers like `tf.sequential({layers})`.
    this.placingCalls.push(...this.syntax.sequentials);
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

  /** The abstract value of an expression. */
  valueOf(node: Node): Value {
    return this.evaluator.evaluate(node);
  }

  /** The variable a name refers to, as the evaluator resolves it. */
  variableOf(id: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
    return this.evaluator.variableOf(id);
  }

  /** Is `node` in this file (and not in a module it imports)? Reports and fixes need local nodes. */
  isLocal(node: Node): boolean {
    return programOf(node) === this.sourceCode.ast;
  }

  /**
   * Where `node` is, for messages: `line 12` in this file, `model.js:12` (relative to
   * this file) in another module of the project.
   */
  where(node: Node): string {
    const line = node.loc.start.line;
    const program = programOf(node);
    if (program === this.sourceCode.ast) return `line ${line}`;
    const other = program && analyses.get(program);
    if (other?.file && this.file) return describeRemote(this.file, other.file, line);
    return `line ${line} of another file`;
  }

  private collect(calls: readonly TSESTree.CallExpression[]): void {
    const ev = this.evaluator;
    // Another module's function can only reach this file through a relative import
    // or require; without one, no call can be a compile helper of another module
    // and callees need not be evaluated for it.
    const remote = !!this.resolveModule && importsRelativeModule(this.sourceCode, calls);
    // Names that may hold a whole module of the project (`import * as helpers`,
    // `import helpers = require`, `const helpers = require`): `helpers.compileModel(m)`
    // may call a compile helper of that module.
    const namespaces = remote ? moduleNamespaces(this.sourceCode.ast) : NO_NAMES;
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
        if (possibilities(target).some((p) => p.value.kind === 'model')) {
          const a0 = node.arguments[0];
          const config = a0 && a0.type !== 'SpreadElement' ? ev.evaluate(a0) : { kind: 'unknown' as const };
          this.compileSites.push({
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
    const other = analyses.get(owner.sourceCode.ast);
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
    if (foreign || creationFn !== addFn || call.range[0] < model.node.range[0]) {
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
      // After an early `return` or `throw`, an add may not run.
      if (this.exitsBetween(model.node, call, addFn)) guards.push({ key: `${EXIT_GUARD}${freshKey()}`, value: true });
    }
    const event = { call, layerNode, guards };
    if (foreign) {
      foreign.adds.push(event);
      foreign.all = undefined;
      return;
    }
    // Creation-function adds first (source order), then adds of the code the model was returned to.
    if (nested && creationFn) {
      // The list is [adds inside the creation function..., the others...]: insert at
      // the end of the first part, whose length is kept (finding it was O(adds)).
      const inside = insideAdds.get(model) ?? 0;
      if (inside === model.adds.length) model.adds.push(event);
      else model.adds.splice(inside, 0, event);
      insideAdds.set(model, inside + 1);
    } else {
      model.adds.push(event);
    }
  }

  /** Is the receiver of `x.add()` a variable declared in `fn` itself (a model returned to it)? */
  private receiverIsLocal(call: TSESTree.CallExpression, fn: Node): boolean {
    const object = unwrap((unwrap(call.callee) as TSESTree.MemberExpression).object);
    if (object.type !== 'Identifier') return false;
    const variable = this.evaluator.variableOf(object);
    const def = variable?.defs[0];
    return !!def && def.type === 'Variable' && enclosingFunction(def.node) === fn;
  }

  /** Is there a `return` or `throw` of `fn` (not of a nested function) between `from` and `node`? */
  private exitsBetween(from: Node, node: Node, fn: FunctionNode | undefined): boolean {
    if (!fn) return false;
    for (const exit of this.syntax.exitsOf(fn)) {
      const at = exit.range[0];
      if (at > from.range[0] && at < node.range[0]) return true;
    }
    return false;
  }

  private readonly condCache = new Map<Node, Guard[]>();

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

  // ---------------------------------------------------------------------------
  // Questions rules ask

  /** The possible models a value is, each with its guards (non-models dropped). */
  modelsOf(value: Value): Possibility<ModelFact | null>[] {
    const out: Possibility<ModelFact | null>[] = [];
    for (const p of possibilities(value)) {
      // A method called on null or undefined throws: that path never reaches the call.
      if (isNullish(p.value)) continue;
      out.push({ value: p.value.kind === 'model' ? p.value.model : null, guards: p.guards });
    }
    return out;
  }

  /**
   * Every consistent (output, loss) combination of a compile site, per output
   * index. Unknown models, outputs and losses appear as nulls so that a rule
   * judging "on every path" stays silent on them.
   *
   * Memoized per site: most rules ask for the pairs of every site. The lists are
   * shared between rules, so they are read-only.
   */
  pairsOf(site: CompileSite): readonly (readonly OutputLossPair[])[] {
    let byIndex = this.pairsCache.get(site);
    if (!byIndex) {
      byIndex = this.computePairs(site);
      this.pairsCache.set(site, byIndex);
    }
    return byIndex;
  }

  private readonly pairsCache = new Map<CompileSite, OutputLossPair[][]>();

  private computePairs(site: CompileSite): OutputLossPair[][] {
    const byIndex: OutputLossPair[][] = [];
    for (const m of this.modelsOf(site.target)) {
      const outs = m.value ? this.outputs.outputsOf(m.value, site.call) : null;
      if (!outs) {
        const list = (byIndex[0] ??= []);
        for (const l of this.losses.lossesFor(site.loss, 0, undefined, site.call, m.guards)) {
          list.push({ site, outputIndex: 0, output: null, loss: l.value, guards: l.guards });
        }
        continue;
      }
      outs.forEach((outputPossibilities, index) => {
        const list = (byIndex[index] ??= []);
        for (const o of outputPossibilities) {
          const combined = pair([m], [o]);
          for (const c of combined) {
            const losses = this.losses.lossesFor(site.loss, index, o.value?.name, site.call, c.guards);
            for (const l of losses) {
              list.push({ site, outputIndex: index, output: o.value, loss: l.value, guards: l.guards });
            }
          }
        }
      });
    }
    return byIndex;
  }

  /**
   * The possible facts of output `index` of a compile site's model, on the paths
   * consistent with `guards` (e.g. the guards of a loss chosen by a condition).
   * Null when the model, its outputs or that output are unknown on a path.
   */
  outputsAtSite(site: CompileSite, index: number, guards: Guards): Possibility<OutputFact | null>[] {
    const out: Possibility<OutputFact | null>[] = [];
    for (const m of this.modelsOf(site.target)) {
      const g = mergeGuards(m.guards, guards);
      if (!g) continue;
      const outs = m.value ? this.outputs.outputsOf(m.value, site.call) : null;
      const list = outs?.[index];
      if (!list) {
        out.push({ value: null, guards: g });
        continue;
      }
      for (const o of list) {
        const g2 = mergeGuards(g, o.guards);
        if (g2) out.push({ value: o.value, guards: g2 });
      }
    }
    return out;
  }

  /** The number of outputs of a compile site's model when every path agrees, else undefined. */
  outputCountAtSite(site: CompileSite): number | undefined {
    const counts = new Set(
      this.modelsOf(site.target).map((m) => (m.value ? this.outputs.outputsOf(m.value, site.call)?.length : undefined)),
    );
    return counts.size === 1 ? [...counts][0] : undefined;
  }

  private nameUseList: NameUse[] | undefined;

  /**
   * Every string in a TF.js name position: `compile` losses, metrics and optimizer
   * of a TF.js model, `activation` / `recurrentActivation` of `tf.layers.*` configs
   * (see identifiers.ts).
   */
  nameUses(): readonly NameUse[] {
    return (this.nameUseList ??= collectNameUses(this.evaluator, this.compileSites, this.layerCalls));
  }

  /**
   * What a layer is on each path: its activation (with where it was written) and the
   * width it gives the last axis. Any layer, hidden or output; rules read layers
   * through this, never their configs.
   */
  layerFacts(layer: LayerFact): Possibility<LayerFacts>[] {
    const hit = this.layerFactsCache.get(layer);
    if (hit) return hit;
    const overLastAxis = softmaxOverLastAxis(layer);
    const out: Possibility<LayerFacts>[] = [];
    for (const act of this.outputs.activationOf(layer, NO_GUARDS)) {
      for (const u of this.outputs.unitsOf(layer, act.guards)) {
        // One fixed shape (absent parts undefined): spreading a conditional object
        // made V8 build every fact in its slow path.
        const a = act.value;
        out.push({
          value: {
            layer,
            activation: a.activation,
            activationOrigin: a.activationOrigin,
            activationNode: a.activationNode,
            activationProperty: a.activationProperty,
            activationLiteral: a.activationLiteral,
            units: u.value,
            unitsNode: u.node,
            overLastAxis,
          },
          guards: u.guards,
        });
      }
    }
    this.layerFactsCache.set(layer, out);
    return out;
  }

  /**
   * The layer that sets the width of `layer`'s input (looking back through
   * activation, dropout and noise layers; into `timeDistributed`), one possibility per
   * path and placement (`model.add` sequences, `layers` arrays, `.apply` chains);
   * null where it is not known, empty when the layer is placed nowhere in this file.
   */
  inputLayerOf(layer: LayerFact): InputLayerPossibility[] {
    return this.inputs.inputOf(layer);
  }

  /**
   * An expression that names the TF.js API object at `path` where `at` stands, in
   * the file's import style (`tf.losses.softmaxCrossEntropy`, `losses.softmaxCrossEntropy`),
   * or undefined when no binding in scope reaches it.
   */
  tfExpression(path: readonly string[], at: Node): string | undefined {
    return tfExpression(this.evaluator, this.sourceCode, path, at);
  }

  /** The possible outputs of a model value (first output), for predictions fed to losses. */
  outputsOfModelValue(model: ModelFact, guards: Guards, at?: Node): Possibility<OutputFact | null>[] {
    const outs = this.outputs.outputsOf(model, at);
    if (!outs || outs.length !== 1) return [{ value: null, guards }];
    return pair([{ value: null, guards }], outs[0]!).map((p) => ({ value: p.value[1], guards: p.guards }));
  }

  private readonly tensorCache = new Map<Value, readonly TensorPossibility[]>();

  /**
   * What a tensor value is on each path (model outputs expanded to their output
   * facts). Memoized per value (several rules ask about every loss call's
   * prediction); the list is shared, so read-only.
   */
  tensorPossibilities(value: Value): readonly TensorPossibility[] {
    let hit = this.tensorCache.get(value);
    if (!hit) {
      hit = this.computeTensorPossibilities(value);
      this.tensorCache.set(value, hit);
    }
    return hit;
  }

  private computeTensorPossibilities(value: Value): TensorPossibility[] {
    const out: TensorPossibility[] = [];
    for (const p of possibilities(value)) {
      const v = p.value;
      if (v.kind !== 'tensor') {
        out.push({ tensor: null, guards: p.guards });
      } else if (v.origin === 'model-output' && v.model) {
        for (const o of this.outputsOfModelValue(v.model, p.guards, v.node)) {
          out.push({ tensor: v, output: o.value, guards: o.guards });
        }
      } else {
        out.push({ tensor: v, guards: p.guards });
      }
    }
    return out;
  }

  /** The `fit` / `fitDataset` calls whose target may be `model` (on some path), in source order. */
  fitSitesOf(model: ModelFact): FitSite[] {
    return fitSitesOf(this.fitSites, model);
  }

  /**
   * Is `model` trained on one-hot labels (`tf.oneHot(...)`, exclusive classes) on
   * every path? The fit sites that may train it and, per site, the one-hot tensors
   * its labels are, when there is at least one such site and every one's labels
   * are one-hot on every path; otherwise null (no fit in this file, `fitDataset`,
   * labels of unknown origin on some path).
   */
  oneHotFitsOf(model: ModelFact): { site: FitSite; oneHot: TensorValue[] }[] | null {
    const sites = this.fitSitesOf(model);
    if (sites.length === 0) return null;
    const out: { site: FitSite; oneHot: TensorValue[] }[] = [];
    for (const site of sites) {
      const oneHot = oneHotOrigins(site.labels);
      if (!oneHot) return null;
      out.push({ site, oneHot });
    }
    return out;
  }

  /** The metrics a compile site gives its output named `outputName` (undefined: unknown), per path. */
  metricsOf(site: CompileSite, outputName: string | undefined): Possibility<MetricList>[] {
    return metricsFor(site.metrics, outputName);
  }
}

/**
 * Items grouped by a key, in first-seen order: rules group bugs by the node they
 * report at (several pairs reach one node when the activation or the loss is chosen
 * by a condition, every choice a bug), to report each node once.
 */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Judge "on every path": returns the items when there is at least one and every
 * one is a bug by `isBug`; otherwise an empty list (some path is fine or unknown).
 */
export function judge<T>(items: readonly T[], isBug: (item: T) => boolean): readonly T[] {
  if (items.length === 0) return [];
  return items.every(isBug) ? items : [];
}

/** `overLastAxis` of `LayerFacts` (see there). */
function softmaxOverLastAxis(layer: LayerFact): boolean | undefined {
  if (layer.factory !== 'softmax') return true;
  const axis = propertyOf(layer.config, 'axis');
  if (axis === 'absent') return true;
  if (axis === 'unknown') return undefined;
  const v = axis.value;
  return v.kind === 'const' && (v.value === undefined || v.value === null || v.value === 1 || v.value === -1)
    ? true
    : undefined;
}
