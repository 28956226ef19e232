/**
 * String names in the places where TF.js looks names up: `compile({loss, metrics,
 * optimizer})` of a TF.js model (or of an unknown receiver given a config of that
 * shape: see `untypedCompileSites`) and the `activation` / `recurrentActivation` of a
 * `tf.layers.*` config. Each use is a string constant the evaluator traced back to
 * the literal it was written as (in place, in a constant, a config object, a
 * default parameter or an argument of a helper's call site).
 *
 * Only these positions, and only written strings: a name computed by `+`, an
 * unknown value or a function is not a use. Per-output losses (arrays by position,
 * objects by output name) and metrics (one list for all outputs, or an object per
 * output name) are looked into.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { layerFactory } from '../knowledge/names.js';
import { contains } from './ast.js';
import type { Evaluator } from './evaluator.js';
import { possibilities, type Guards } from './guards.js';
import type { CompileSite } from './sites.js';
import { isNullish, type LayerFact, type Node, type Value } from './values.js';

export type NamePosition = 'loss' | 'metric' | 'optimizer' | 'activation';

export interface NameUse {
  readonly kind: NamePosition;
  /** The string. */
  readonly name: string;
  /** The literal (or template literal) the string is written as: where to report and fix. */
  readonly literal: Node;
  /** The config key: 'loss', 'metrics', 'optimizer', 'activation' or 'recurrentActivation'. */
  readonly key: string;
  /** The `compile(...)` or `tf.layers.*(...)` call the name reaches. */
  readonly call: TSESTree.CallExpression;
  readonly compileSite?: CompileSite;
  readonly layer?: LayerFact;
  /**
   * Losses: the output the loss is for: an index for an array element, 'all' for a
   * single loss (it applies to every output), undefined for an object entry.
   */
  readonly outputIndex?: number | 'all';
  readonly guards: Guards;
  /** The literal is written inside `call` itself, so editing it changes nothing else. */
  readonly local: boolean;
  /** The compile's receiver is taken for a model by its config's shape (see `untypedCompileSites`). */
  readonly assumedModel?: true;
}

function isModelOnEveryPath(target: Value): boolean {
  const ps = possibilities(target);
  return ps.some((p) => p.value.kind === 'model') && ps.every((p) => p.value.kind === 'model' || isNullish(p.value));
}

/** Every name use of the file, in source order of the sites (compile sites first, then layers). */
export function collectNameUses(
  ev: Evaluator,
  compileSites: readonly CompileSite[],
  untypedCompileSites: readonly CompileSite[],
  layerCalls: readonly LayerFact[],
): NameUse[] {
  const uses: NameUse[] = [];
  const strings = (
    value: Value,
    guards: Guards | undefined,
    add: (name: string, literal: Node, guards: Guards) => void,
  ): void => {
    for (const p of possibilities(value, guards)) {
      const v = p.value;
      if (v.kind === 'const' && typeof v.value === 'string' && v.origin) add(v.value, v.origin, p.guards);
    }
  };
  const compileUses = (site: CompileSite, assumedModel: boolean): void => {
    // Object literals of two fixed shapes, not a spread of a conditional object: V8
    // keeps objects of one shape on its fast path.
    const use =
      (kind: NamePosition, key: string, outputIndex?: number | 'all') =>
      (name: string, literal: Node, guards: Guards) => {
        const local = contains(site.call, literal);
        const u: NameUse =
          outputIndex === undefined
            ? { call: site.call, compileSite: site, kind, key, name, literal, guards, local }
            : { call: site.call, compileSite: site, kind, key, name, literal, guards, local, outputIndex };
        uses.push(assumedModel ? { ...u, assumedModel: true } : u);
      };
    for (const p of possibilities(site.loss)) {
      const v = p.value;
      if (v.kind === 'array') {
        v.elements.forEach((e, i) => e && strings(e, p.guards, use('loss', 'loss', v.complete ? i : undefined)));
      } else if (v.kind === 'object') {
        for (const e of v.props.values()) if (!e.overridable) strings(e.value, p.guards, use('loss', 'loss'));
      } else {
        strings(v, p.guards, use('loss', 'loss', 'all'));
      }
    }
    const metricList = (value: Value, guards: Guards) => {
      for (const p of possibilities(value, guards)) {
        const v = p.value;
        if (v.kind === 'array') {
          for (const e of v.elements) if (e) strings(e, p.guards, use('metric', 'metrics'));
        } else {
          strings(v, p.guards, use('metric', 'metrics'));
        }
      }
    };
    for (const p of possibilities(site.metrics)) {
      const v = p.value;
      if (v.kind === 'object') {
        for (const e of v.props.values()) if (!e.overridable) metricList(e.value, p.guards);
      } else {
        metricList(v, p.guards);
      }
    }
    strings(ev.getMember(site.config, 'optimizer'), undefined, use('optimizer', 'optimizer'));
  };
  for (const site of compileSites) if (isModelOnEveryPath(site.target)) compileUses(site, false);
  for (const site of untypedCompileSites) compileUses(site, true);
  for (const layer of layerCalls) {
    const factory = layerFactory(layer.factory);
    if (!factory) continue;
    const keys: string[] = [];
    if (factory.defaultActivation !== undefined) keys.push('activation');
    if (factory.defaultRecurrentActivation !== undefined) keys.push('recurrentActivation');
    for (const key of keys) {
      strings(ev.getMember(layer.config, key), undefined, (name, literal, guards) =>
        uses.push({
          kind: 'activation',
          key,
          name,
          literal,
          call: layer.call,
          layer,
          guards,
          local: contains(layer.call, literal),
        }),
      );
    }
  }
  return uses;
}
