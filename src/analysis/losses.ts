/**
 * Losses given to `compile`: from the `loss` value (a string, a `tf.losses.*` /
 * `tf.metrics.*` reference, a wrapper function, or an array / object of those per
 * output) to `LossFact`s.
 *
 * A wrapper is any function of this file whose every return is a TF.js loss call
 * on its own second parameter, possibly reduced (`.mean()`) or cast (`as any`):
 *
 *     const loss = (yTrue, yPred) => tf.losses.softmaxCrossEntropy(yTrue, yPred).mean();
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { lossForPath, lossForString, type LossInfo } from '../knowledge/losses.js';
import { contains } from './ast.js';
import type { Evaluator } from './evaluator.js';
import { possibilities, type Guards, type Possibility } from './guards.js';
import type { FunctionNode, FunctionValue, Node, Value } from './values.js';

export interface LossFact {
  readonly info: LossInfo;
  /** Where the loss is named: the string literal, the `tf.losses.x` expression, or the callee inside a wrapper. */
  readonly node: Node;
  /** `direct`: the loss itself is the value; `wrapper`: a function calls it. */
  readonly via: 'direct' | 'wrapper';
  /** True when `node` is written inside the `compile(...)` call itself (not a shared constant), so a fix may edit it. */
  readonly local: boolean;
  readonly wrapper?: FunctionNode;
}

/** A loss value that is not a loss TF.js knows (an unknown string, a function we cannot read): null. */
export type LossPossibility = Possibility<LossFact | null>;

export class LossResolver {
  private readonly wrapperCache = new Map<FunctionNode, Possibility<LossFact | null>[]>();

  constructor(private readonly ev: Evaluator) {}

  /**
   * Per output index, the possible losses: arrays match outputs by position,
   * objects by output name (`names`, undefined when unknown).
   */
  lossesFor(
    loss: Value,
    outputIndex: number,
    outputName: string | undefined,
    site: TSESTree.CallExpression,
    guards: Guards,
  ): LossPossibility[] {
    const out: LossPossibility[] = [];
    for (const p of possibilities(loss, guards)) {
      const v = p.value;
      if (v.kind === 'array') {
        const el = v.complete ? v.elements[outputIndex] : undefined;
        if (!el) out.push({ value: null, guards: p.guards });
        else out.push(...this.single(el, site, p.guards));
      } else if (v.kind === 'object') {
        const e = outputName === undefined ? undefined : v.props.get(outputName);
        if (!e || e.overridable) out.push({ value: null, guards: p.guards });
        else out.push(...this.single(e.value, site, p.guards));
      } else {
        out.push(...this.single(v, site, p.guards));
      }
    }
    return out;
  }

  /** One loss value (not per-output). */
  single(value: Value, site: Node, guards: Guards): LossPossibility[] {
    const out: LossPossibility[] = [];
    for (const p of possibilities(value, guards)) {
      const v = p.value;
      if (v.kind === 'const' && typeof v.value === 'string') {
        const info = lossForString(v.value);
        const node = v.origin ?? site;
        const local = !!v.origin && contains(site, v.origin);
        out.push({ value: info ? { info, node, via: 'direct', local } : null, guards: p.guards });
      } else if (v.kind === 'tf') {
        const info = lossForPath(v.path);
        const node = v.origin ?? site;
        const local = !!v.origin && contains(site, v.origin);
        out.push({ value: info ? { info, node, via: 'direct', local } : null, guards: p.guards });
      } else if (v.kind === 'function') {
        for (const w of this.wrapper(v)) {
          out.push({ value: w.value, guards: p.guards });
        }
      } else {
        out.push({ value: null, guards: p.guards });
      }
    }
    return out;
  }

  /** What loss a wrapper function computes on its `yPred`, if any. */
  wrapper(fnValue: FunctionValue): Possibility<LossFact | null>[] {
    const fn = fnValue.node;
    const hit = this.wrapperCache.get(fn);
    if (hit) return hit;
    this.wrapperCache.set(fn, [{ value: null, guards: new Map() }]);
    const params: Value[] = fn.params.map((_, index) => ({ kind: 'param', index, fn }));
    const result = this.ev.invoke(fnValue, params, undefined);
    const out = possibilities(result).map((p) => {
      const v = p.value;
      if (
        v.kind === 'loss-call' &&
        v.prediction.kind === 'param' &&
        v.prediction.fn === fn &&
        v.prediction.index === 1
      ) {
        return {
          value: { info: v.loss, node: v.callee, via: 'wrapper' as const, local: false, wrapper: fn },
          guards: p.guards,
        };
      }
      return { value: null, guards: p.guards };
    });
    this.wrapperCache.set(fn, out);
    return out;
  }
}
