/**
 * Training facts: which `fit` calls train a model and with what labels, and which
 * metrics a `compile` call asks for.
 *
 * A fit site "may train" a model when its target is that model on some path (a
 * helper `train(model, xs, ys)` called for two models trains both). A question
 * about a model's labels is answered "on every path": every fit that may train the
 * model, and every possibility of its labels, must agree; one unknown keeps the
 * answer negative.
 */
import { possibilities, type Possibility } from './guards.js';
import type { ModelFact, TensorValue, Value } from './values.js';

/** The part of a fit site these helpers read (see `FitSite` in sites.ts). */
export interface FitLike {
  readonly target: Value;
  readonly labels: Value;
}

/** The fit sites whose target may be `model`, in source order. */
export function fitSitesOf<F extends FitLike>(fitSites: readonly F[], model: ModelFact): F[] {
  return fitSites.filter((f) =>
    possibilities(f.target).some((p) => p.value.kind === 'model' && p.value.model === model),
  );
}

/**
 * The `tf.oneHot(...)` tensors a labels value is, when it is one on every path
 * (through variables, `tf.tidy`, casts and reshapes: see the evaluator); otherwise
 * null.
 */
export function oneHotOrigins(labels: Value): TensorValue[] | null {
  const out: TensorValue[] = [];
  for (const p of possibilities(labels)) {
    if (p.value.kind !== 'tensor' || p.value.origin !== 'one-hot') return null;
    out.push(p.value);
  }
  return out.length > 0 ? out : null;
}

/** The metrics one output is compiled with, on one path. */
export interface MetricList {
  /** Metric strings that are certain on this path (`'accuracy'`, `'mse'` ...). */
  readonly names: readonly string[];
  /** False when some metric on this path is not a known string (a function, a variable, a spread). */
  readonly complete: boolean;
}

/**
 * The metrics a `compile` `metrics` value gives the output named `outputName`, per
 * path. TF.js applies a string or an array to every output and reads an object by
 * output name (tfjs-layers `collectMetrics`); an absent `metrics` is no metrics.
 */
export function metricsFor(metrics: Value, outputName: string | undefined): Possibility<MetricList>[] {
  return possibilities(metrics).map((p) => {
    let v = p.value;
    if (v.kind === 'object') {
      const e = outputName === undefined ? undefined : v.props.get(outputName);
      if (!e) {
        const absent = outputName !== undefined && v.complete;
        return { value: { names: [], complete: absent }, guards: p.guards };
      }
      if (e.overridable) return { value: { names: [], complete: false }, guards: p.guards };
      v = e.value;
    }
    if (v.kind === 'const' && v.value === undefined) return { value: { names: [], complete: true }, guards: p.guards };
    const elements = v.kind === 'array' ? v.elements : [v];
    const names: string[] = [];
    let complete = v.kind !== 'array' || v.complete;
    for (const el of elements) {
      const name = el ? certainString(el) : undefined;
      if (name === undefined) complete = false;
      else names.push(name);
    }
    return { value: { names, complete }, guards: p.guards };
  });
}

/** The string a value is on every path, if any. */
function certainString(value: Value): string | undefined {
  const ps = possibilities(value);
  const first = ps[0]?.value;
  if (!first || first.kind !== 'const' || typeof first.value !== 'string') return undefined;
  const s = first.value;
  return ps.every((p) => p.value.kind === 'const' && p.value.value === s) ? s : undefined;
}
