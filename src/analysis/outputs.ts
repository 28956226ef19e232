/**
 * Model outputs: from a model's layers to the facts the rules judge — the output's
 * activation, its number of units, and where each was written.
 *
 * Walking back from the output: pass-through layers (dropout, reshape, flatten)
 * are skipped; an activation-only layer (`tf.layers.activation`, `tf.layers.softmax`)
 * decides the activation and the layer before it the units; a dense, conv or
 * recurrent layer decides both (its `activation` defaults per the layer table);
 * a wrapper (`timeDistributed`, `bidirectional`) is looked through to its `layer`;
 * a model used as a layer gives its own output; a merge layer's output follows from
 * its inputs' by the merge table (knowledge/merges.ts: an `average` of softmaxes is
 * a softmax, a `dot` gives unbounded scores, inputs of mixed activations make it
 * unknown). Anything else (`multiply`, unknown configs) makes the output unknown.
 *
 * For `model.add` sequences the output is the last add that can run; adds under
 * conditions make it a set of possibilities (see `sequentialOutput`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { canonicalActivation } from '../knowledge/activations.js';
import { MERGES, mergedActivation, type MergeInfo } from '../knowledge/merges.js';
import { Evaluator } from './evaluator.js';
import {
  EXIT_GUARD,
  guardsOf,
  MAX_POSSIBILITIES,
  mergeGuards,
  NO_GUARDS,
  possibilities,
  type Guard,
  type Guards,
  type Possibility,
} from './guards.js';
import type { AddEvent, ExitFact, LayerFact, ModelFact, ModelView, Node, PropertyEntry, Value } from './values.js';
import { enclosingFunction, programOf } from './ast.js';

export interface OutputFact {
  readonly model: ModelFact;
  /** Position among the model's outputs. */
  readonly index: number;
  /** The layer whose activation is the output's (an activation-only layer or a dense/conv/RNN layer). */
  readonly layer: LayerFact;
  /** Canonical activation name, or undefined when not known. */
  readonly activation: string | undefined;
  /**
   * How the activation was given: `merge` when the output is a merge layer's whose
   * inputs all have this activation (nothing to edit at `activationNode`).
   */
  readonly activationOrigin: 'config' | 'default' | 'layer' | 'merge';
  /** Where to report about the activation: the `activation` value, the activation layer call, or the layer's callee. */
  readonly activationNode: Node;
  /** The `activation:` property in the layer's config object, when written there. */
  readonly activationProperty?: TSESTree.Property;
  /** The literal the activation string was written as (maybe in a shared constant). */
  readonly activationLiteral?: Node;
  /** The layer that sets the width (dense/conv/RNN). */
  readonly unitsLayer?: LayerFact;
  readonly units: number | undefined;
  /** The units value as written in the config (`units: N`). */
  readonly unitsNode?: Node;
  /** The output layer's `name`, when known (for per-output loss objects). */
  readonly name: string | undefined;
  /** A merge layer's output (`activationOrigin` `merge`): the outputs it merges. */
  readonly mergedFrom?: readonly OutputFact[];
}

export type OutputPossibility = Possibility<OutputFact | null>;

/** What a layer's activation is and where it was written (part of `OutputFact`). */
export type ActivationFact = Pick<
  OutputFact,
  'activation' | 'activationOrigin' | 'activationNode' | 'activationProperty' | 'activationLiteral'
>;

/**
 * What makes the add `c` (guards `own`; -1: no add) the last one: every later
 * candidate skipped. Said only where it is one condition beyond `own` (`if (!fail) {
 * add(out) }` skipped is `fail`), so a `compile` under that condition never meets it.
 */
function skipped(own: readonly Guard[], candidates: readonly number[], c: number, adds: readonly AddEvent[]): Guard[] {
  const out: Guard[] = [];
  for (const d of candidates) {
    if (d <= c) continue;
    const extra = adds[d]!.guards.filter((g) => !own.some((o) => o.key === g.key && o.value === g.value));
    const only = extra.length === 1 ? extra[0]! : undefined;
    if (only && typeof only.value === 'boolean' && !only.key.startsWith(EXIT_GUARD))
      out.push({ key: only.key, value: !only.value });
  }
  return out;
}

/** One step of a chain walked back from an output: a layer, a model used as a layer, a merge, or "unknown". */
type Step = LayerFact | NestedModel | MergeStep | null;

/** A model used as a layer of another (`gan.add(discriminator)`, `base.apply(x)`): its output is the step's. */
interface NestedModel {
  readonly nested: ModelFact;
}

/** A merge layer applied in the functional API, and what it was applied to (its output follows from theirs). */
interface MergeStep {
  readonly merge: LayerFact;
  readonly info: MergeInfo;
  readonly input: Value | undefined;
}

/** How deep merges of merges are followed, and how many inputs one may have (the walks multiply). */
const MAX_MERGE_DEPTH = 3;
const MAX_MERGE_INPUTS = 8;

/** The step a value placed as a layer is: a layer, a nested model, or unknown. */
function stepOf(v: Value | undefined): Step {
  if (v?.kind === 'layer') return v.layer;
  if (v?.kind === 'model') return { nested: v.model };
  return null;
}

export class OutputResolver {
  private readonly cache = new Map<ModelFact, OutputPossibility[][] | null>();

  constructor(
    private readonly ev: Evaluator,
    private readonly view: ModelView,
  ) {}

  /**
   * The model's outputs: one list of possibilities per output index, or null when
   * the number of outputs or the topology is unknown (loaded models).
   */
  outputsOf(model: ModelFact, at?: Node): OutputPossibility[][] | null {
    if (this.view.isOpaque(model)) return null;
    // A compile in the function that adds the layers sees only the adds before it
    // (`compile; fit; add(...); compile` trains two different models).
    const all = this.view.addsOf(model);
    const adds = model.kind === 'sequential' && at ? addsBefore(all, at) : all;
    const cache = adds === all ? this.cache : this.cutCache;
    const key: ModelFact | string = adds === all ? model : `${model.id}:${adds.length}:${at!.range[0]}`;
    if (cache.has(key as never)) return cache.get(key as never)!;
    cache.set(key as never, null); // cycle guard
    let result: OutputPossibility[][] | null = null;
    if (model.kind === 'sequential') result = [this.sequentialOutput(model, lastTurns(adds))];
    else if (model.kind === 'functional' && model.outputs) result = this.functionalOutputs(model, model.outputs);
    cache.set(key as never, result);
    return result;
  }

  private readonly cutCache = new Map<string, OutputPossibility[][] | null>();

  private functionalOutputs(model: ModelFact, outputs: Value): OutputPossibility[][] | null {
    const ps = possibilities(outputs);
    if (ps.every((p) => p.value.kind === 'array')) {
      const lengths = new Set(
        ps.map((p) => (p.value.kind === 'array' && p.value.complete ? p.value.elements.length : -1)),
      );
      if (lengths.size !== 1 || lengths.has(-1)) return null;
      const count = [...lengths][0]!;
      const result: OutputPossibility[][] = [];
      for (let i = 0; i < count; i++) {
        const list: OutputPossibility[] = [];
        for (const p of ps) {
          const el = p.value.kind === 'array' ? p.value.elements[i] : undefined;
          if (!el) list.push({ value: null, guards: p.guards });
          else list.push(...this.symbolicOutput(model, i, el, p.guards));
        }
        result.push(list);
      }
      return result;
    }
    if (ps.some((p) => p.value.kind === 'array')) return null;
    return [ps.flatMap((p) => this.symbolicOutput(model, 0, p.value, p.guards))];
  }

  private symbolicOutput(model: ModelFact, index: number, value: Value, guards: Guards): OutputPossibility[] {
    const out: OutputPossibility[] = [];
    for (const p of possibilities(value, guards)) {
      const steps: Step[] = [];
      let v: Value | undefined = p.value;
      // Bounded: functional chains are walked only as far as the first deciding layer.
      for (let i = 0; i < 64 && v; i++) {
        if (v.kind !== 'symbolic') {
          steps.push(null);
          break;
        }
        if (v.model) {
          steps.push({ nested: v.model });
          break;
        }
        if (!v.layer) break; // reached the model input
        const merge = MERGES.get(v.layer.factory);
        if (merge) {
          steps.push({ merge: v.layer, info: merge, input: v.input });
          break;
        }
        steps.push(v.layer);
        const info = v.layer.info;
        if (info.role !== 'pass-through' && info.role !== 'activation') break;
        v = v.input;
      }
      out.push(...this.fromSteps(model, index, steps, p.guards));
    }
    return out;
  }

  /**
   * The output of a `model.add` sequence whose function may leave early (adds with
   * `exits`): one walk (`lastAdds`) with no exit taken, every exit guard true; and one
   * per exit that hands the model out (`return model`), with the adds after it
   * removed, its own conditions holding and its guard false. An exit that hands no
   * model out (`throw` for an unknown kind, as tfjs-examples' sentiment/train.js) has
   * no walk: no caller sees the model on the paths that take it, so the outputs
   * they would give (its relu or tanh hidden layers) are not outputs.
   */
  private sequentialOutput(model: ModelFact, adds: readonly AddEvent[]): OutputPossibility[] {
    const exits = exitsOf(adds);
    if (exits.length === 0) return this.lastAdds(model, adds, NO_GUARDS);
    const none: Guards = new Map(exits.map((e) => [e.key, true]));
    const out = this.lastAdds(model, given(adds, none), none);
    let walks = 0;
    exits.forEach((exit, i) => {
      if (exit.deadEnd) return;
      const taken = guardsOf([
        ...exits.slice(0, i).map((e) => ({ key: e.key, value: true })),
        ...exit.conditions,
        { key: exit.key, value: false },
      ]);
      if (!taken) return;
      if (++walks > MAX_EXIT_WALKS) {
        out.push({ value: null, guards: taken });
        return;
      }
      const before = adds.filter((a) => !a.guards.some((g) => g.key === exit.key));
      out.push(...this.lastAdds(model, given(before, taken), taken));
    });
    return out;
  }

  /**
   * The last adds of a sequence, on paths where `base` holds (the adds' guards
   * relative to it). Walking back from the last add: an add that runs whenever a
   * later one runs cannot be last and is skipped; an add under no condition ends the
   * walk; so do the two branches of one `if`/`else`. What remains are the possible
   * last adds.
   */
  private lastAdds(model: ModelFact, adds: readonly AddEvent[], base: Guards): OutputPossibility[] {
    const candidates: number[] = [];
    // Linear in the number of adds: candidates are indexed by their innermost guard
    // (a candidate's guards can only be a subset of `g` if `g` holds that guard), and
    // the single-guard candidates by condition (an if/else: both branches seen).
    const byInnermost = new Map<string, number[]>();
    const singles = new Map<string, Set<boolean | number>>();
    let covered = false;
    for (let i = adds.length - 1; i >= 0; i--) {
      const g = adds[i]!.guards;
      const shadowed = g.some((x) => byInnermost.get(guardId(x))?.some((c) => isSubset(adds[c]!.guards, g)));
      if (shadowed) continue;
      candidates.push(i);
      if (g.length === 0) {
        covered = true;
        break;
      }
      const innermost = guardId(g[g.length - 1]!);
      const bucket = byInnermost.get(innermost);
      if (bucket) bucket.push(i);
      else byInnermost.set(innermost, [i]);
      if (g.length === 1) {
        const seen = singles.get(g[0]!.key);
        if (seen && !seen.has(g[0]!.value)) {
          covered = true;
          break;
        }
        if (seen) seen.add(g[0]!.value);
        else singles.set(g[0]!.key, new Set([g[0]!.value]));
      }
    }
    const out: OutputPossibility[] = [];
    for (const c of candidates) {
      const add = adds[c]!;
      const own = guardsOf([...add.guards, ...skipped(add.guards, candidates, c, adds)]);
      const guards = own && mergeGuards(base, own);
      if (!guards) continue;
      for (const first of possibilities(evaluatorOf(model, this.ev).evaluate(add.layerNode, add.turn?.env), guards)) {
        const steps: Step[] = [stepOf(first.value)];
        this.earlierSteps(model, adds, c, steps);
        out.push(...this.fromSteps(model, 0, steps, first.guards));
      }
    }
    if (!covered) {
      const steps: Step[] = [];
      this.earlierSteps(model, adds, 0, steps, true);
      const none = guardsOf(skipped([], candidates, -1, adds));
      const guards = none && mergeGuards(base, none);
      if (guards) out.push(...this.fromSteps(model, 0, steps, guards));
    }
    return out;
  }

  /**
   * Layers before add `index` (unconditional adds, then the config's `layers`), newest
   * first. Before the first add of a loop's last turn come the previous turn's, not
   * followed: unknown, unless the loop makes one turn.
   */
  private earlierSteps(
    model: ModelFact,
    adds: readonly AddEvent[],
    index: number,
    steps: Step[],
    fromEnd = false,
  ): void {
    let turn = fromEnd ? undefined : adds[index]?.turn;
    for (let i = (fromEnd ? adds.length : index) - 1; i >= 0; i--) {
      const add = adds[i]!;
      if (add.guards.length > 0 || (turn && turn.count > 1 && add.turn?.loop !== turn.loop)) {
        steps.push(null);
        return;
      }
      turn = add.turn;
      steps.push(stepOf(evaluatorOf(model, this.ev).evaluate(add.layerNode, turn?.env)));
    }
    if (turn && turn.count > 1) {
      steps.push(null);
      return;
    }
    const initial = model.initialLayers;
    if (!initial || initial.kind !== 'array' || !initial.complete) {
      steps.push(null);
      return;
    }
    for (let i = initial.elements.length - 1; i >= 0; i--) {
      const el = initial.elements[i];
      steps.push(stepOf(el));
    }
  }

  /** Walk the steps (newest first) to the output fact(s). */
  private fromSteps(model: ModelFact, index: number, steps: readonly Step[], guards: Guards): OutputPossibility[] {
    let activationLayer: LayerFact | undefined;
    // Reshape, flatten, permute ... (and a bidirectional wrapper, which concatenates two
    // directions) change the width of the last axis: a layer's units before them are
    // not the output's width.
    let widthChanged = false;
    const first = steps[0];
    const outputLayer = !first || 'nested' in first ? undefined : 'merge' in first ? first.merge : first;
    for (let i = 0; i < steps.length; i++) {
      let step = steps[i];
      if (!step) break;
      if ('nested' in step) return this.nestedOutput(model, index, step.nested, activationLayer, widthChanged, guards);
      if ('merge' in step) {
        if (activationLayer) return this.fact(model, index, activationLayer, undefined, outputLayer, guards);
        return this.mergedOutput(model, index, step, widthChanged, outputLayer ?? step.merge, guards);
      }
      if (step.info.role === 'wrapper') {
        if (step.factory === 'bidirectional') widthChanged = true;
        const inner = this.ev.getMember(step.config, 'layer');
        if (inner.kind !== 'layer') break;
        step = inner.layer;
      }
      const role = step.info.role;
      if (role === 'pass-through') {
        if (step.info.rearranges) widthChanged = true;
        continue;
      }
      if (role === 'activation') {
        activationLayer ??= step;
        continue;
      }
      if (role === 'dense' || role === 'conv' || role === 'recurrent') {
        return this.fact(model, index, activationLayer ?? step, widthChanged ? undefined : step, outputLayer, guards);
      }
      // A merge added to a sequential model (its inputs are not followed there).
      if (MERGES.get(step.factory)?.values === 'score') {
        if (activationLayer) return this.fact(model, index, activationLayer, undefined, outputLayer, guards);
        return this.linearOutput(model, index, step, guards);
      }
      break;
    }
    if (activationLayer) return this.fact(model, index, activationLayer, undefined, outputLayer, guards);
    return [{ value: null, guards }];
  }

  /**
   * The output of a model whose last layers are another model (a GAN's discriminator,
   * a transfer-learning head): the nested model's one output, unless an activation
   * layer after it decides the activation (the width is then the nested output's).
   */
  private nestedOutput(
    model: ModelFact,
    index: number,
    nested: ModelFact,
    activationLayer: LayerFact | undefined,
    widthChanged: boolean,
    guards: Guards,
  ): OutputPossibility[] {
    const outs = this.outputsOf(nested);
    if (!outs || outs.length !== 1) return [{ value: null, guards }];
    const result: OutputPossibility[] = [];
    for (const o of outs[0]!) {
      const g = mergeGuards(guards, o.guards);
      if (!g) continue;
      const inner = o.value;
      if (!inner) {
        result.push({ value: null, guards: g });
      } else if (activationLayer) {
        result.push(
          ...this.fact(model, index, activationLayer, widthChanged ? undefined : inner.unitsLayer, undefined, g),
        );
      } else {
        result.push({
          value: {
            model,
            index,
            layer: inner.layer,
            activation: inner.activation,
            activationOrigin: inner.activationOrigin,
            activationNode: inner.activationNode,
            activationProperty: inner.activationProperty,
            activationLiteral: inner.activationLiteral,
            unitsLayer: widthChanged ? undefined : inner.unitsLayer,
            units: widthChanged ? undefined : inner.units,
            unitsNode: widthChanged ? undefined : inner.unitsNode,
            name: undefined,
          },
          guards: g,
        });
      }
    }
    return result;
  }

  private mergeDepth = 0;

  /**
   * The output of a merge layer, from its inputs' outputs on each path (knowledge/merges.ts):
   * inputs that all have one activation the merge keeps give that activation (origin
   * `merge`, reported at the merge call; its width is theirs only when the merge keeps
   * it); a `score` merge is linear unless an input is a probability; anything else unknown.
   */
  private mergedOutput(
    model: ModelFact,
    index: number,
    step: MergeStep,
    widthChanged: boolean,
    outputLayer: LayerFact,
    guards: Guards,
  ): OutputPossibility[] {
    const { merge, info } = step;
    const unknown = (g: Guards): OutputPossibility[] =>
      info.values === 'score' ? this.linearOutput(model, index, merge, g) : [{ value: null, guards: g }];
    if (this.mergeDepth >= MAX_MERGE_DEPTH || !step.input) return unknown(guards);
    const out: OutputPossibility[] = [];
    this.mergeDepth += 1;
    try {
      for (const p of possibilities(step.input, guards)) {
        const list = p.value;
        if (list.kind !== 'array' || !list.complete || list.elements.length > MAX_MERGE_INPUTS) {
          out.push(...unknown(p.guards));
          continue;
        }
        // Every consistent combination of the inputs' outputs (bounded).
        let combos: Possibility<(OutputFact | null)[]>[] = [{ value: [], guards: p.guards }];
        for (const el of list.elements) {
          const next: Possibility<(OutputFact | null)[]>[] = [];
          for (const c of combos) {
            const options = el ? this.symbolicOutput(model, index, el, c.guards) : [{ value: null, guards: c.guards }];
            for (const o of options) {
              const g = mergeGuards(c.guards, o.guards);
              if (g) next.push({ value: [...c.value, o.value], guards: g });
            }
          }
          combos = next;
          if (combos.length > MAX_POSSIBILITIES) break;
        }
        if (combos.length > MAX_POSSIBILITIES) {
          out.push(...unknown(p.guards));
          continue;
        }
        for (const c of combos)
          out.push(...this.mergeOf(model, index, step, c.value, widthChanged, outputLayer, c.guards));
      }
    } finally {
      this.mergeDepth -= 1;
    }
    return out;
  }

  /** The merged output of one combination of input outputs. */
  private mergeOf(
    model: ModelFact,
    index: number,
    step: MergeStep,
    inputs: readonly (OutputFact | null)[],
    widthChanged: boolean,
    outputLayer: LayerFact,
    guards: Guards,
  ): OutputPossibility[] {
    const { merge, info } = step;
    const activation = mergedActivation(
      info,
      inputs.map((o) => o?.activation),
    );
    if (activation === undefined) return [{ value: null, guards }];
    if (info.values === 'score') return this.linearOutput(model, index, merge, guards);
    const width = inputs[0]?.units;
    const units =
      info.keepsWidth && !widthChanged && width !== undefined && inputs.every((o) => o?.units === width)
        ? width
        : undefined;
    const names = possibilities(this.ev.getMember(outputLayer.config, 'name'), guards);
    return names.map((name) => ({
      value: {
        model,
        index,
        layer: merge,
        activation,
        activationOrigin: 'merge',
        activationNode: merge.call,
        activationProperty: undefined,
        activationLiteral: undefined,
        unitsLayer: undefined,
        units,
        unitsNode: undefined,
        name: name.value.kind === 'const' && typeof name.value.value === 'string' ? name.value.value : undefined,
        mergedFrom: inputs.filter((o): o is OutputFact => o !== null),
      },
      guards: name.guards,
    }));
  }

  /** The output of a merge layer giving unbounded scores (a `dot` of embeddings): linear, width unknown. */
  private linearOutput(model: ModelFact, index: number, layer: LayerFact, guards: Guards): OutputPossibility[] {
    const a = activationFact('linear', 'layer', layer.call);
    const names = possibilities(this.ev.getMember(layer.config, 'name'), guards);
    return names.map((name) => ({
      value: {
        model,
        index,
        layer,
        activation: a.activation,
        activationOrigin: a.activationOrigin,
        activationNode: a.activationNode,
        activationProperty: a.activationProperty,
        activationLiteral: a.activationLiteral,
        unitsLayer: undefined,
        units: undefined,
        unitsNode: undefined,
        name: name.value.kind === 'const' && typeof name.value.value === 'string' ? name.value.value : undefined,
      },
      guards: name.guards,
    }));
  }

  private fact(
    model: ModelFact,
    index: number,
    actLayer: LayerFact,
    unitsLayer: LayerFact | undefined,
    outputLayer: LayerFact | undefined,
    guards: Guards,
  ): OutputPossibility[] {
    const out: OutputPossibility[] = [];
    const names = outputLayer
      ? possibilities(this.ev.getMember(outputLayer.config, 'name'), guards)
      : [{ value: { kind: 'unknown' } as Value, guards }];
    for (const act of this.activationOf(actLayer, guards)) {
      for (const units of unitsLayer
        ? this.unitsOf(unitsLayer, act.guards)
        : [{ value: undefined, guards: act.guards, node: undefined }]) {
        for (const name of names) {
          const g = mergeGuards(units.guards, name.guards);
          if (!g) continue;
          // One fixed shape (absent parts undefined), not a spread of the activation fact,
          // whose optional keys vary: V8 keeps objects of one shape on its fast path.
          const a = act.value;
          out.push({
            value: {
              model,
              index,
              layer: actLayer,
              activation: a.activation,
              activationOrigin: a.activationOrigin,
              activationNode: a.activationNode,
              activationProperty: a.activationProperty,
              activationLiteral: a.activationLiteral,
              unitsLayer,
              units: units.value,
              unitsNode: units.node,
              name: name.value.kind === 'const' && typeof name.value.value === 'string' ? name.value.value : undefined,
            },
            guards: g,
          });
        }
      }
    }
    return out;
  }

  /**
   * The activation a layer applies, per path: a fixed activation-only layer, its
   * `activation` config, or the factory's default. Public: `FileAnalysis.layerFacts`
   * asks it for any layer, not only outputs.
   */
  activationOf(layer: LayerFact, guards: Guards): Possibility<ActivationFact>[] {
    if (layer.info.fixedActivation) {
      return [{ value: activationFact(layer.info.fixedActivation, 'layer', layer.call), guards }];
    }
    const entry = propertyOf(layer.config, 'activation');
    if (entry === 'unknown') {
      return [{ value: activationFact(undefined, 'config', layer.call), guards }];
    }
    if (entry === 'absent' || (entry.value.kind === 'const' && entry.value.value === undefined)) {
      const def = layer.info.defaultActivation;
      return [{ value: activationFact(def, 'default', layer.call.callee), guards }];
    }
    const node = entry.property?.value ?? layer.call;
    return possibilities(entry.value, guards).map((p) => ({
      value: activationFact(
        p.value.kind === 'const' && typeof p.value.value === 'string' ? canonicalActivation(p.value.value) : undefined,
        'config',
        node,
        entry.property,
        p.value.kind === 'const' ? p.value.origin : undefined,
      ),
      guards: p.guards,
    }));
  }

  /**
   * The size of the layer's output's last axis, per path, when the layer sets it:
   * `units` (dense, RNN) or `filters` (conv, only when channels are last: with
   * `dataFormat: 'channelsFirst'` the last axis is a spatial one). Public, like
   * `activationOf`.
   */
  unitsOf(layer: LayerFact, guards: Guards): { value: number | undefined; guards: Guards; node: Node | undefined }[] {
    const key = layer.info.unitsKey;
    if (!key) return [{ value: undefined, guards, node: undefined }];
    if (key === 'filters') {
      const format = propertyOf(layer.config, 'dataFormat');
      const channelsLast =
        format === 'absent' ||
        (format !== 'unknown' &&
          format.value.kind === 'const' &&
          (format.value.value === 'channelsLast' || format.value.value === undefined));
      if (!channelsLast) return [{ value: undefined, guards, node: undefined }];
    }
    const entry = propertyOf(layer.config, key);
    if (entry === 'unknown' || entry === 'absent') return [{ value: undefined, guards, node: undefined }];
    return possibilities(entry.value, guards).map((p) => ({
      value: p.value.kind === 'const' && typeof p.value.value === 'number' ? p.value.value : undefined,
      guards: p.guards,
      node: entry.property?.value,
    }));
  }
}

/** An activation fact of one fixed shape (absent parts undefined), so V8 keeps one map for all of them. */
function activationFact(
  activation: string | undefined,
  activationOrigin: ActivationFact['activationOrigin'],
  activationNode: Node,
  activationProperty?: TSESTree.Property,
  activationLiteral?: Node,
): ActivationFact {
  return { activation, activationOrigin, activationNode, activationProperty, activationLiteral };
}

/** A config property: its entry, 'absent' when provably not given, 'unknown' otherwise. */
export function propertyOf(config: Value, key: string): PropertyEntry | 'absent' | 'unknown' {
  if (config.kind !== 'object') return 'unknown';
  const e = config.props.get(key);
  if (e) return e.overridable ? 'unknown' : e;
  return config.complete ? 'absent' : 'unknown';
}

function isSubset(
  a: readonly { key: string; value: boolean | number }[],
  b: readonly { key: string; value: boolean | number }[],
): boolean {
  return a.every((x) => b.some((y) => y.key === x.key && y.value === x.value));
}

function guardId(g: { key: string; value: boolean | number }): string {
  return `${g.key}\u0000${String(g.value)}`;
}

/** The evaluator of the file a model is built in (another module's, for imported models). */
function evaluatorOf(model: ModelFact, fallback: Evaluator): Evaluator {
  return model.owner instanceof Evaluator ? model.owner : fallback;
}

/**
 * The adds that have run when `at` runs, when `at` is in the function that makes
 * them: those before it in that function (and every add made elsewhere).
 */
function addsBefore(adds: readonly AddEvent[], at: Node): readonly AddEvent[] {
  const fn = enclosingFunction(at);
  let changed = false;
  const kept: AddEvent[] = [];
  let program: Node | undefined;
  for (const a of adds) {
    // Top-level code of two files (a module and its importer, two scripts of a page)
    // is not one function: their offsets are not compared.
    const same =
      enclosingFunction(a.call) === fn && (fn !== undefined || programOf(a.call) === (program ??= programOf(at)));
    if (same && a.call.range[0] > at.range[0]) {
      changed = true;
      continue;
    }
    // Reaching `at` means no early exit before it was taken: an add between such an
    // exit and `at` has run.
    if (same && a.exits) {
      changed = true;
      kept.push({
        call: a.call,
        layerNode: a.layerNode,
        guards: a.guards.filter((g) => !g.key.startsWith(EXIT_GUARD)),
        turn: a.turn,
      });
      continue;
    }
    kept.push(a);
  }
  return changed ? kept : adds;
}

/** Most walks of a sequence for exits that hand the model out (each is a walk of every add). */
const MAX_EXIT_WALKS = 8;

/** The exits of a sequence's adds, each once, in source order. */
function exitsOf(adds: readonly AddEvent[]): ExitFact[] {
  const byKey = new Map<string, ExitFact>();
  for (const a of adds) for (const e of a.exits ?? []) if (!byKey.has(e.key)) byKey.set(e.key, e);
  // Most sequences have no exit: no copy and sort every time their outputs are asked for.
  if (byKey.size === 0) return [];
  return [...byKey.values()].sort((x, y) => x.node.range[0] - y.node.range[0]);
}

/**
 * The adds that can run where `g` holds, with the guards `g` already gives removed
 * (an add whose guard contradicts `g` cannot run there).
 */
function given(adds: readonly AddEvent[], g: Guards): AddEvent[] {
  const out: AddEvent[] = [];
  for (const a of adds) {
    if (a.guards.some((x) => g.has(x.key) && g.get(x.key) !== x.value)) continue;
    out.push({ call: a.call, layerNode: a.layerNode, guards: a.guards.filter((x) => !g.has(x.key)), turn: a.turn });
  }
  return out;
}

/**
 * The adds with the guard of a loop's body dropped where every turn adds (`turn`):
 * the array is not empty, so the body runs, and its adds end with the last turn's.
 */
function lastTurns(adds: readonly AddEvent[]): readonly AddEvent[] {
  if (!adds.some((a) => a.turn)) return adds;
  return adds.map((a) => (a.turn ? { ...a, guards: a.guards.filter((g) => g.key !== a.turn!.key) } : a));
}
