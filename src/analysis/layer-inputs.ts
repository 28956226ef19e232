/**
 * What feeds a layer: for a layer placed in a model, the layer that sets the width
 * of the last axis of its input, on every path.
 *
 * A layer is placed by a `model.add(layer)` sequence, a `tf.sequential({layers})`
 * array, or a functional `layer.apply(x)` call (one layer object may be placed
 * several times; every placement is a path). From the placement the walk goes back
 * over layers that keep the last axis as it is — activation-only layers, dropout and
 * noise, masking — to the first layer that sets it: a dense, conv or recurrent
 * layer, or the layer inside a `timeDistributed` wrapper. Anything else (reshape,
 * flatten, merges, `bidirectional`, the model input, unknown values) is `null`
 * on that path.
 *
 * Worked example:
 *
 *     model.add(tf.layers.dense({units: 1}));          // add 0
 *     if (train) model.add(tf.layers.dropout({rate})); // add 1, guard {train: true}
 *     model.add(tf.layers.softmax());                  // add 2
 *
 * Walking back from add 2: add 1 may or may not run; it is a dropout, so the walk
 * continues from it to add 0 (under {train: true}); add 1 not running leads to add 0
 * as well. Add 0 runs whenever add 2 does, so the walk stops: the softmax is fed by
 * the dense layer on every path.
 *
 * Adds in a loop body may also be preceded by the adds of the previous turn (later
 * in the body); those are possibilities too. The walk is bounded: deep or cyclic
 * chains give `null`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { layerFactory } from '../knowledge/names.js';
import type { Evaluator } from './evaluator.js';
import {
  guardsOf,
  MAX_POSSIBILITIES,
  mergeGuards,
  NO_GUARDS,
  possibilities,
  type Guard,
  type Guards,
  type Possibility,
} from './guards.js';
import type { LayerFact, ModelFact, ModelView, Value } from './values.js';

export type InputLayerPossibility = Possibility<LayerFact | null>;

const MAX_DEPTH = 16;

/** How a layer relates to the last axis of what flows through it. */
type AxisRole = 'sets' | 'keeps' | 'other';

export class LayerInputResolver {
  private placements: Map<LayerFact, (() => InputLayerPossibility[])[]> | undefined;
  private readonly cache = new Map<LayerFact, InputLayerPossibility[]>();

  constructor(
    private readonly ev: Evaluator,
    /** Calls that may place layers: `x.apply(...)` and `sequential(...)` (evaluated lazily). */
    private readonly placingCalls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
    private readonly view: ModelView,
  ) {}

  /**
   * The layer setting the width of `layer`'s input, one possibility per path and
   * placement; null on a path where it is not known. Empty when the layer is placed
   * nowhere this file shows.
   */
  inputOf(layer: LayerFact): InputLayerPossibility[] {
    const hit = this.cache.get(layer);
    if (hit) return hit;
    const out: InputLayerPossibility[] = [];
    for (const placement of this.index().get(layer) ?? []) out.push(...placement());
    const result = out.length > MAX_POSSIBILITIES ? [{ value: null, guards: NO_GUARDS }] : out;
    this.cache.set(layer, result);
    return result;
  }

  /** Every placement of every layer, found once per file. */
  private index(): Map<LayerFact, (() => InputLayerPossibility[])[]> {
    if (this.placements) return this.placements;
    const map = new Map<LayerFact, (() => InputLayerPossibility[])[]>();
    const add = (layer: LayerFact, f: () => InputLayerPossibility[]) => {
      const list = map.get(layer) ?? [];
      list.push(f);
      map.set(layer, list);
    };
    for (const call of this.placingCalls) this.ev.evaluate(call);
    for (const call of this.placingCalls) {
      for (const p of possibilities(this.ev.evaluate(call))) {
        const v = p.value;
        if (v.kind === 'symbolic' && v.layer) {
          const input = v.input;
          add(v.layer, () => this.symbolicInput(input, p.guards, 0));
        }
      }
    }
    for (const model of this.ev.models) {
      if (model.kind !== 'sequential') continue;
      if (model.initialLayers) {
        for (const p of possibilities(model.initialLayers)) {
          const arr = p.value;
          if (arr.kind !== 'array') continue;
          arr.elements.forEach((el, j) => {
            if (el?.kind === 'layer') {
              add(el.layer, () =>
                arr.complete ? this.beforeInitial(arr.elements, j, p.guards, 0) : [{ value: null, guards: p.guards }],
              );
            }
          });
        }
      }
      this.view.addsOf(model).forEach((a, i) => {
        const g = guardsOf(a.guards);
        if (!g) return;
        for (const p of possibilities(this.ev.evaluate(a.layerNode), g)) {
          if (p.value.kind === 'layer') add(p.value.layer, () => this.beforeAdd(model, i, p.guards, 0));
        }
      });
    }
    this.placements = map;
    return map;
  }

  /** The width-setting layer before add `i` of a sequential model. */
  private beforeAdd(model: ModelFact, i: number, guards: Guards, depth: number): InputLayerPossibility[] {
    if (depth > MAX_DEPTH) return [{ value: null, guards }];
    const adds = this.view.addsOf(model);
    const gi = adds[i]!.guards;
    const out: InputLayerPossibility[] = [];
    // In a loop, the previous turn's later adds come before this one too.
    const loopKeys = gi.filter((g) => g.key.startsWith('#')).map((g) => g.key);
    for (let k = adds.length - 1; k > i && loopKeys.length > 0; k--) {
      if (!adds[k]!.guards.some((g) => loopKeys.includes(g.key))) continue;
      const g = mergeGuards(guards, guardsOf(adds[k]!.guards) ?? NO_GUARDS);
      if (g) out.push(...this.resolveAdd(model, k, g, depth + 1));
    }
    // Conditions of the earlier adds not implied by add i's own: when one of them is
    // empty, or two are the branches of one if/else, something surely ran last.
    const seen: Guard[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const gj = guardsOf(adds[j]!.guards);
      const g = gj && mergeGuards(guards, gj);
      if (!g) continue; // cannot run together with add i
      out.push(...this.resolveAdd(model, j, g, depth + 1));
      const extra = adds[j]!.guards.filter((x) => !gi.some((y) => y.key === x.key && y.value === x.value));
      if (extra.length === 0) return out; // runs whenever add i does
      if (extra.length === 1) {
        const e = extra[0]!;
        if (seen.some((x) => x.key === e.key && x.value !== e.value)) return out; // if/else
        seen.push(e);
      }
      if (out.length > MAX_POSSIBILITIES) return [{ value: null, guards }];
    }
    for (const p of possibilities(model.initialLayers ?? { kind: 'unknown' }, guards)) {
      const arr = p.value;
      if (arr.kind === 'array' && arr.complete)
        out.push(...this.beforeInitial(arr.elements, arr.elements.length, p.guards, depth + 1));
      else out.push({ value: null, guards: p.guards });
    }
    return out;
  }

  private resolveAdd(model: ModelFact, j: number, guards: Guards, depth: number): InputLayerPossibility[] {
    const out: InputLayerPossibility[] = [];
    for (const p of possibilities(this.ev.evaluate(this.view.addsOf(model)[j]!.layerNode), guards)) {
      if (p.value.kind !== 'layer') {
        out.push({ value: null, guards: p.guards });
        continue;
      }
      const [role, layer] = this.axisRole(p.value.layer);
      if (role === 'sets') out.push({ value: layer, guards: p.guards });
      else if (role === 'keeps') out.push(...this.beforeAdd(model, j, p.guards, depth + 1));
      else out.push({ value: null, guards: p.guards });
    }
    return out;
  }

  /** The width-setting layer before element `end` of a complete `layers` array. */
  private beforeInitial(
    elements: readonly (Value | undefined)[],
    end: number,
    guards: Guards,
    depth: number,
  ): InputLayerPossibility[] {
    for (let j = end - 1; j >= 0; j--) {
      const el = elements[j];
      if (el?.kind !== 'layer') return [{ value: null, guards }];
      const [role, layer] = this.axisRole(el.layer);
      if (role === 'sets') return [{ value: layer, guards }];
      if (role === 'other') return [{ value: null, guards }];
      if (depth + (end - j) > MAX_DEPTH) break;
    }
    // Reached the model input: its width is not known here.
    return [{ value: null, guards }];
  }

  /** The width-setting layer behind a functional input value. */
  private symbolicInput(input: Value | undefined, guards: Guards, depth: number): InputLayerPossibility[] {
    if (!input || depth > MAX_DEPTH) return [{ value: null, guards }];
    const out: InputLayerPossibility[] = [];
    for (const p of possibilities(input, guards)) {
      const v = p.value;
      if (v.kind !== 'symbolic' || !v.layer) {
        out.push({ value: null, guards: p.guards });
        continue;
      }
      const [role, layer] = this.axisRole(v.layer);
      if (role === 'sets') out.push({ value: layer, guards: p.guards });
      else if (role === 'keeps') out.push(...this.symbolicInput(v.input, p.guards, depth + 1));
      else out.push({ value: null, guards: p.guards });
    }
    return out;
  }

  /** Does the layer set the last axis (and which layer does: a wrapper's inner one), keep it, or neither? */
  private axisRole(layer: LayerFact): [AxisRole, LayerFact] {
    const role = layer.info.role;
    if (role === 'dense' || role === 'conv' || role === 'recurrent') return ['sets', layer];
    if (role === 'activation') return ['keeps', layer];
    if (role === 'pass-through') return layerFactory(layer.factory)?.rearranges ? ['other', layer] : ['keeps', layer];
    if (role === 'wrapper' && layer.factory === 'timeDistributed') {
      const inner = this.ev.getMember(layer.config, 'layer');
      if (inner.kind === 'layer') {
        const r = inner.layer.info.role;
        if (r === 'dense' || r === 'conv' || r === 'recurrent') return ['sets', inner.layer];
      }
    }
    return ['other', layer];
  }
}
