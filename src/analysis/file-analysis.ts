/**
 * The questions rules ask about one file: which (output, loss) pairs a compile site
 * trains, what a layer or a tensor is on each path, where a node is. One instance per
 * analysed file (and per imported module), made by `getAnalysis`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { exportsCode, programOf, relativeImports, staticMemberName } from './ast.js';
import { FileSites, TRAINING_METHODS, type CompileSite, type FitSite } from './sites.js';
import { Evaluator, type ModuleResolver } from './evaluator.js';
import { fileCache } from './file-caches.js';
import {
  guardsOf,
  mergeGuards,
  NO_GUARDS,
  pair,
  possibilities,
  type Guard,
  type Guards,
  type Possibility,
} from './guards.js';
import { LayerInputResolver, type InputLayerPossibility } from './layer-inputs.js';
import { LossResolver, type LossFact } from './losses.js';
import { describeRemote } from './modules/resolve.js';
import { collectNameUses, type NameUse } from './name-uses.js';
import { OutputResolver, propertyOf, type ActivationFact, type OutputFact } from './outputs.js';
import { RecordedNodes, scan, type Recorded } from './recorded-nodes.js';
import { ownRegistrations, reachableRegistrations } from './registrations.js';
import type { TfjsSettings } from './settings.js';
import { tfExpression } from './tf-expression.js';
import { isBinaryDataNode } from './binary-labels.js';
import { readOnlyAsArgument } from './value-readers.js';
import { fitSitesOf, metricsFor, oneHotOrigins, type MetricList } from './training.js';
import { TrainingCalls } from './training-calls.js';
import type { PageView } from './html-page.js';
import {
  isNullish,
  type LayerFact,
  type LossCallValue,
  type ModelFact,
  type ModuleValue,
  type Node,
  type RegisteredNames,
  type TensorValue,
  type Value,
} from './values.js';

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

/**
 * What one layer's output is on one path: its activation and the width of its last
 * axis (`OutputFact` is the same for a model's output).
 */
export interface LayerOutputFact extends ActivationFact {
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

/** @deprecated The old name of `LayerOutputFact` (too close to `LayerFact`, the layer itself). */
export type LayerFacts = LayerOutputFact;

/** A tensor that is fed to a loss: what it is on one path. */
export interface TensorPossibility {
  readonly tensor: TensorValue | null;
  /** For model outputs: the output fact on this path. */
  readonly output?: OutputFact | null;
  readonly guards: Guards;
}

/** Every analysis by its AST, to tell which file a node of an imported module is in. */
const analyses = fileCache<FileAnalysis>();

export class FileAnalysis {
  readonly nodes: RecordedNodes;
  readonly evaluator: Evaluator;
  readonly sites: FileSites;
  readonly outputs: OutputResolver;
  readonly losses: LossResolver;
  readonly compileSites: readonly CompileSite[];
  readonly fitSites: readonly FitSite[];
  /** Calls of TF.js loss functions outside `compile` (custom training code, wrappers). */
  readonly lossCalls: readonly LossCallValue[];
  /** Every `tf.layers.*(...)` call. */
  readonly layerCalls: readonly LayerFact[];
  /** Every TF.js activation op: `tf.softmax(x)`, `x.sigmoid()`, `tf.log(x)` ... */
  readonly activationOps: readonly TensorValue[];
  private readonly inputs: LayerInputResolver;
  private readonly layerFactsCache = new Map<LayerFact, Possibility<LayerOutputFact>[]>();

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
    /** For a script of an HTML page or a Markdown code block: its place in the page and the page's globals (html-page.ts). */
    readonly page?: Partial<PageView>,
  ) {
    analyses.set(sourceCode.ast, this);
    this.nodes = new RecordedNodes(recorded ?? scan(sourceCode), sourceCode.ast);
    this.evaluator = new Evaluator(sourceCode, settings, this.nodes, resolveModule, page?.resolveGlobal);
    this.sites = new FileSites(this.evaluator, sourceCode, this.nodes, resolveModule);
    this.outputs = new OutputResolver(this.evaluator, this.sites);
    this.losses = new LossResolver(this.evaluator);
    this.inputs = new LayerInputResolver(this.evaluator, this.sites.placingCalls, this.sites);
    ({
      compileSites: this.compileSites,
      fitSites: this.fitSites,
      lossCalls: this.lossCalls,
      layerCalls: this.layerCalls,
      activationOps: this.activationOps,
    } = this.sites);
  }

  /** The abstract value of an expression. */
  valueOf(node: Node): Value {
    return this.evaluator.evaluate(node);
  }

  /** The variable a name refers to, as the evaluator resolves it. */
  variableOf(id: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
    return this.evaluator.variableOf(id);
  }

  /**
   * The guard a condition written at `test` gives (in this file or a module it
   * analysed), for naming the branch a report is on; undefined when unknown.
   */
  conditionOf(test: Node): Guard | undefined {
    const program = programOf(test);
    const owner = program === this.sourceCode.ast ? this : program && analyses.get(program);
    return owner ? owner.evaluator.condition(test) : undefined;
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
    const here = this.lineOf(node);
    if (here !== undefined) return `line ${here}`;
    const program = programOf(node);
    const other = program && analyses.get(program);
    if (other?.file && this.file) return describeRemote(this.file, other.file, line);
    return `line ${line} of another file`;
  }

  /**
   * The line of `node` as the editor shows this file, when it is in this file: for a
   * script of an HTML page or a Markdown code block, the page's line (the page's
   * other inline scripts and blocks included). Undefined for a node of another file.
   */
  lineOf(node: Node): number | undefined {
    const program = programOf(node);
    if (program === this.sourceCode.ast) return node.loc.start.line + (this.page?.placement?.lineDelta ?? 0);
    if (program && this.page?.ownsProgram?.(program)) return node.loc.start.line;
    return undefined;
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
    for (const found of this.modelsOf(site.target)) {
      const conditions = found.value ? this.sites.compileConditions(found.value, site.call) : [];
      const g = conditions.length > 0 ? mergeGuards(found.guards, guardsOf(conditions) ?? NO_GUARDS) : found.guards;
      if (!g) continue;
      const m = { value: found.value, guards: g };
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
          const output = o.value && outs.length === 1 ? this.withLabelWidth(o.value) : o.value;
          for (const c of combined) {
            const losses = this.losses.lossesFor(site.loss, index, o.value?.name, site.call, c.guards);
            for (const l of losses) {
              list.push({ site, outputIndex: index, output, loss: l.value, guards: l.guards });
            }
          }
        }
      });
    }
    return byIndex;
  }

  /**
   * An output whose width is not written as a constant (`units: n` of a parameter)
   * but that every `fit` training its model gives `tf.oneHot(labels, depth)` with one
   * constant depth: the width is that depth (fit throws on any other width).
   */
  private withLabelWidth(output: OutputFact): OutputFact {
    if (output.units !== undefined || !output.unitsLayer) return output;
    const fits = this.oneHotFitsOf(output.model);
    if (!fits) return output;
    let depth: number | undefined;
    for (const f of fits) {
      for (const t of f.oneHot) {
        const d = this.oneHotDepth(t);
        if (d === undefined || (depth !== undefined && d !== depth)) return output;
        depth = d;
      }
    }
    return depth === undefined ? output : { ...output, units: depth };
  }

  /** The depth of a `tf.oneHot(indices, depth)` / `indices.oneHot(depth)` call, when a constant integer. */
  private oneHotDepth(t: TensorValue): number | undefined {
    const call = t.node;
    if (call.type !== 'CallExpression') return undefined;
    const callee = call.callee.type === 'MemberExpression' ? call.callee : undefined;
    // `tf.oneHot(x, depth)` names TF.js; `x.oneHot(depth)` is a tensor method.
    const method = !!callee && this.valueOf(callee.object).kind === 'tensor';
    const arg = call.arguments[method ? 0 : 1];
    if (!arg || arg.type === 'SpreadElement') return undefined;
    const v = this.valueOf(arg);
    return v.kind === 'const' && typeof v.value === 'number' && Number.isInteger(v.value) && v.value > 0
      ? v.value
      : undefined;
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
   * (see name-uses.ts).
   */
  nameUses(): readonly NameUse[] {
    return (this.nameUseList ??= collectNameUses(
      this.evaluator,
      this.compileSites,
      this.sites.untypedCompileSites,
      this.layerCalls,
    ));
  }

  private ownRegistered: RegisteredNames | undefined;
  private importList: ModuleValue[] | undefined;
  private registered: RegisteredNames | undefined;

  /** The classes this file registers itself with `tf.serialization.registerClass` (see registrations.ts). */
  ownRegistrations(): RegisteredNames {
    return (this.ownRegistered ??= ownRegistrations(this.evaluator, this.nodes.calls));
  }

  /** The namespaces of the project modules this file imports (none when cross-file analysis is off). */
  importedModules(): readonly ModuleValue[] {
    if (this.importList) return this.importList;
    const list: ModuleValue[] = [];
    const resolve = this.resolveModule;
    const program = this.sourceCode.ast;
    if (resolve) {
      for (const source of relativeImports(program, this.nodes.calls)) {
        const ns = resolve(source, '*', program);
        if (ns.kind === 'module') list.push(ns);
      }
    }
    return (this.importList = list);
  }

  /**
   * The class names registered with `tf.serialization.registerClass` by this file and
   * the project modules it imports (and theirs): TF.js accepts each as an activation.
   */
  registrations(): RegisteredNames {
    return (this.registered ??= reachableRegistrations(this.ownRegistrations(), this.importedModules()));
  }

  /**
   * What a layer is on each path: its activation (with where it was written) and the
   * width it gives the last axis. Any layer, hidden or output; rules read layers
   * through this, never their configs.
   */
  layerFacts(layer: LayerFact): Possibility<LayerOutputFact>[] {
    const hit = this.layerFactsCache.get(layer);
    if (hit) return hit;
    const overLastAxis = softmaxOverLastAxis(layer);
    const out: Possibility<LayerOutputFact>[] = [];
    for (const act of this.outputs.activationOf(layer, NO_GUARDS)) {
      for (const u of this.outputs.unitsOf(layer, act.guards)) {
        // One fixed shape (absent parts undefined), not a spread: V8 keeps objects of
        // one shape on its fast path.
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

  private readonly fedCache = new Map<LossCallValue, readonly TensorPossibility[]>();

  /**
   * What the prediction fed to a loss call is on the paths where the call runs: a
   * possibility chosen by a condition the call's own branch contradicts is not fed
   * to it (`raw ? lossA(y, p) : lossB(y, p)` with `p = raw ? logits : tf.softmax(logits)`).
   */
  fedTo(call: LossCallValue): readonly TensorPossibility[] {
    let hit = this.fedCache.get(call);
    if (!hit) {
      const all = this.tensorPossibilities(call.prediction);
      if (all.length <= 1) {
        hit = all; // nothing to choose between
      } else {
        const around = guardsOf(this.sites.runConditions(call.call));
        hit = around ? all.filter((t) => mergeGuards(t.guards, around) !== null) : [];
      }
      this.fedCache.set(call, hit);
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

  /**
   * Whether some `fit` of `model` gets 0/1 labels on every path, written in the code
   * (`tf.tensor2d([[0], [1], [1], [0]])`) or collected at run time (binary-labels.ts):
   * binary class targets, where a rounded-prediction accuracy means something even
   * under a regression loss.
   */
  hasBinaryLabelFit(model: ModelFact): boolean {
    return this.fitSitesOf(model).some((site) => {
      const labels = possibilities(site.labels);
      return (
        labels.length > 0 &&
        labels.every(
          (p) =>
            p.value.kind === 'tensor' &&
            (p.value.binary === true || (p.value.data !== undefined && isBinaryDataNode(p.value.data, this.evaluator))),
        )
      );
    });
  }

  /**
   * May `model` be trained where this file cannot see its labels? The file trains
   * nothing (no `fit`, `fitDataset` or `trainOnBatch` call on anything, so none may
   * train it through a parameter the analysis cannot bind) and exports code, so an
   * importer may (a `createModel()` whose caller trains it, a trainer module the
   * model is handed to).
   */
  trainedOutOfSight(model: ModelFact): boolean {
    return (
      this.fitSitesOf(model).length === 0 &&
      !this.nodes.calls.some(
        (c) => c.callee.type === 'MemberExpression' && TRAINING_METHODS.has(staticMemberName(c.callee) ?? ''),
      ) &&
      exportsCode(this.sourceCode.ast)
    );
  }

  /**
   * Is the value of `node` read only as the prediction of logits losses
   * (`tf.losses.softmaxCrossEntropy(y, p)`), so that dropping an activation there
   * changes nothing else? See value-readers.ts.
   */
  readOnlyByLogitsLosses(node: Node): boolean {
    return readOnlyAsArgument(this.evaluator, node, (call, argument) => {
      const loss = this.lossCalls.find((c) => c.call === call);
      return !!loss && loss.loss.input === 'logits' && call.arguments[1] === argument;
    });
  }

  private trainingCallsCache: TrainingCalls | undefined;

  /** Calls of a model's training methods, their options and what follows them (see training-calls.ts). */
  trainingCalls(): TrainingCalls {
    return (this.trainingCallsCache ??= new TrainingCalls(
      this.sourceCode,
      this.evaluator,
      this.nodes.calls,
      this.sites,
    ));
  }

  /** The metrics a compile site gives its output named `outputName` (undefined: unknown), per path. */
  metricsOf(site: CompileSite, outputName: string | undefined): Possibility<MetricList>[] {
    return metricsFor(site.metrics, outputName);
  }
}

/** `overLastAxis` of `LayerOutputFact` (see there). */
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
