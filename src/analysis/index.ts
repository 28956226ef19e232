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
import { calleeName, enclosingFunction, isFunctionNode, isLoop, unwrap } from './ast.js';
import { ACTIVATION_OPS, Evaluator, walk, type ModuleResolver } from './evaluator.js';
import { freshKey, pair, possibilities, type Guard, type Guards, type Possibility } from './guards.js';
import { LossResolver, type LossFact } from './losses.js';
import { OutputResolver, type OutputFact } from './outputs.js';
import { readSettings, type TfjsSettings } from './settings.js';
import { LAYERS } from '../knowledge/layers.js';
import { LOSSES } from '../knowledge/losses.js';
import type { LayerFact, LossCallValue, ModelFact, Node, TensorValue, Value } from './values.js';

export type { OutputFact } from './outputs.js';
export type { LossFact } from './losses.js';
export type { Guards, Possibility } from './guards.js';
export type * from './values.js';

export interface CompileSite {
  readonly call: TSESTree.CallExpression;
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

/** The answer of `mentionsTfjs` per file, for the settings it was computed with. */
const mentions = new WeakMap<TSESTree.Program, { settings: TfjsSettings; result: boolean }>();

function mentionsTfjsCached(sourceCode: Readonly<TSESLint.SourceCode>, settings: TfjsSettings): boolean {
  const hit = mentions.get(sourceCode.ast);
  if (hit && hit.settings === settings) return hit.result;
  const result = mentionsTfjs(sourceCode, settings);
  mentions.set(sourceCode.ast, { settings, result });
  return result;
}

/**
 * The file's calls, recorded in order during ESLint's own traversal (see
 * `callRecorder`); `complete` once the traversal has reached `Program:exit`.
 */
const recorded = new WeakMap<TSESTree.Program, { calls: TSESTree.CallExpression[]; complete: boolean }>();

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
  if (!mentionsTfjsCached(sourceCode, settings)) return {};
  const entry = { calls: [] as TSESTree.CallExpression[], complete: false };
  recorded.set(ast, entry);
  return {
    CallExpression: ((node: TSESTree.CallExpression) => {
      entry.calls.push(node);
    }) as Listener,
    'Program:exit': () => {
      entry.complete = true;
    },
  };
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
  const analysis = mentionsTfjsCached(sourceCode, settings)
    ? new FileAnalysis(sourceCode, settings, resolveModule, calls?.complete ? calls.calls : undefined)
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

/** Every call of the file, in the order of ESLint's traversal (pre-order). */
function callsOf(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  walk(sourceCode, sourceCode.ast, (node) => {
    if (node.type === 'CallExpression') calls.push(node);
    return true;
  });
  return calls;
}

const LOSS_FUNCTION_NAMES = new Set([...LOSSES.values()].filter((l) => l.form === 'function').map((l) => l.key.split('.')[1]!));

export class FileAnalysis {
  readonly evaluator: Evaluator;
  readonly outputs: OutputResolver;
  readonly losses: LossResolver;
  readonly compileSites: CompileSite[] = [];
  readonly fitSites: FitSite[] = [];
  /** Calls of TF.js loss functions outside `compile` (custom training code, wrappers). */
  readonly lossCalls: LossCallValue[] = [];
  /** Every `tf.layers.*(...)` call. */
  readonly layerCalls: LayerFact[] = [];
  /** Every TF.js activation op: `tf.softmax(x)`, `x.sigmoid()`, `tf.log(x)` ... */
  readonly activationOps: TensorValue[] = [];

  /**
   * @param calls Every call of the file in traversal order, when already recorded
   *   (`callRecorder`); otherwise the AST is walked for them.
   */
  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly settings: TfjsSettings,
    resolveModule?: ModuleResolver,
    calls?: readonly TSESTree.CallExpression[],
  ) {
    this.evaluator = new Evaluator(sourceCode, settings, resolveModule);
    this.outputs = new OutputResolver(this.evaluator);
    this.losses = new LossResolver(this.evaluator);
    this.collect(calls ?? callsOf(sourceCode));
  }

  /** The abstract value of an expression. */
  valueOf(node: Node): Value {
    return this.evaluator.evaluate(node);
  }

  private collect(calls: readonly TSESTree.CallExpression[]): void {
    const ev = this.evaluator;
    for (const node of calls) {
      const name = calleeName(node);
      if (name === undefined) continue;
      const callee = unwrap(node.callee);
      const isMethod = callee.type === 'MemberExpression';
      if (isMethod && name === 'add' && node.arguments.length === 1) {
        const arg = node.arguments[0]!;
        const target = ev.evaluate((callee as TSESTree.MemberExpression).object);
        for (const p of possibilities(target)) {
          if (p.value.kind === 'model' && p.value.model.kind === 'sequential' && arg.type !== 'SpreadElement') {
            this.recordAdd(p.value.model, node, arg);
          }
        }
      } else if (isMethod && name === 'compile') {
        const target = ev.evaluate((callee as TSESTree.MemberExpression).object);
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
      } else if (isMethod && (name === 'fit' || name === 'fitDataset')) {
        const target = ev.evaluate((callee as TSESTree.MemberExpression).object);
        if (possibilities(target).some((p) => p.value.kind === 'model')) {
          const y = name === 'fit' ? node.arguments[1] : undefined;
          this.fitSites.push({
            call: node,
            target,
            labels: y && y.type !== 'SpreadElement' ? ev.evaluate(y) : { kind: 'unknown' },
          });
        }
      } else if (LOSS_FUNCTION_NAMES.has(name)) {
        const v = ev.evaluate(node);
        if (v.kind === 'loss-call') this.lossCalls.push(v);
      } else if (LAYERS.has(name)) {
        const v = ev.evaluate(node);
        if (v.kind === 'layer') this.layerCalls.push(v.layer);
        else if (v.kind === 'tensor' && v.origin === 'activation-op') this.activationOps.push(v);
      } else if (ACTIVATION_OPS.has(name)) {
        const v = ev.evaluate(node);
        if (v.kind === 'tensor' && v.origin === 'activation-op') this.activationOps.push(v);
      }
    }
  }

  private recordAdd(model: ModelFact, call: TSESTree.CallExpression, layerNode: Node): void {
    const creationFn = enclosingFunction(model.node);
    const addFn = enclosingFunction(call);
    let guards: Guard[];
    if (creationFn !== addFn || call.range[0] < model.node.range[0]) {
      // Added from another function: whether and when it runs is not known here.
      guards = [...this.conditionsOf(call, addFn), { key: freshKey(), value: true }];
    } else {
      const base = this.conditionsOf(model.node, creationFn);
      guards = this.conditionsOf(call, addFn).filter(
        (g) => !base.some((b) => b.key === g.key && b.value === g.value),
      );
    }
    model.adds.push({ call, layerNode, guards });
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
    return possibilities(value).map((p) => ({
      value: p.value.kind === 'model' ? p.value.model : null,
      guards: p.guards,
    }));
  }

  /**
   * Every consistent (output, loss) combination of a compile site, per output
   * index. Unknown models, outputs and losses appear as nulls so that a rule
   * judging "on every path" stays silent on them.
   */
  pairsOf(site: CompileSite): OutputLossPair[][] {
    const byIndex: OutputLossPair[][] = [];
    for (const m of this.modelsOf(site.target)) {
      const outs = m.value ? this.outputs.outputsOf(m.value) : null;
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

  /** The possible outputs of a model value (first output), for predictions fed to losses. */
  outputsOfModelValue(model: ModelFact, guards: Guards): Possibility<OutputFact | null>[] {
    const outs = this.outputs.outputsOf(model);
    if (!outs || outs.length !== 1) return [{ value: null, guards }];
    return pair([{ value: null, guards }], outs[0]!).map((p) => ({ value: p.value[1], guards: p.guards }));
  }

  /** What a tensor value is on each path (model outputs expanded to their output facts). */
  tensorPossibilities(value: Value): TensorPossibility[] {
    const out: TensorPossibility[] = [];
    for (const p of possibilities(value)) {
      const v = p.value;
      if (v.kind !== 'tensor') {
        out.push({ tensor: null, guards: p.guards });
      } else if (v.origin === 'model-output' && v.model) {
        for (const o of this.outputsOfModelValue(v.model, p.guards)) {
          out.push({ tensor: v, output: o.value, guards: o.guards });
        }
      } else {
        out.push({ tensor: v, guards: p.guards });
      }
    }
    return out;
  }
}

/**
 * Judge "on every path": returns the items when there is at least one and every
 * one is a bug by `isBug`; otherwise an empty list (some path is fine or unknown).
 */
export function judge<T>(items: readonly T[], isBug: (item: T) => boolean): readonly T[] {
  if (items.length === 0) return [];
  return items.every(isBug) ? items : [];
}
