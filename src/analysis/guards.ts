/**
 * Path conditions.
 *
 * A value chosen by a condition the analysis cannot decide (`isClf ? 'softmax' :
 * 'linear'`, an `if`/`else` around `model.add`) is kept as a set of possibilities,
 * each guarded by the condition's key and the branch taken. Two possibilities can
 * occur together only if their guards agree on every shared key.
 *
 * Worked example:
 *
 *     activation: isClf ? 'softmax' : 'linear'          // {isClf: true} softmax, {isClf: false} linear
 *     loss: isClf ? tf.losses.softmaxCrossEntropy : 'meanSquaredError'
 *
 * pairs to (softmax, softmaxCrossEntropy) under {isClf: true} and (linear,
 * meanSquaredError) under {isClf: false}; the crossed pairs are inconsistent and
 * never formed. A rule reports a bug pair when the code fixes the combination
 * (`judgePairs` in util/judge-paths.ts), as here; had the loss depended on another
 * condition, all four pairs would be consistent and the bug would need two
 * independent conditions to line up: silent.
 *
 * Keys name a condition by its text and the identity of the variables it reads,
 * and only when none of them is ever reassigned; otherwise (and for loops, which
 * may run zero times) the key is fresh, i.e. independent of everything else.
 */
import { UNKNOWN, type Guard, type Value } from './values.js';

export type { Guard } from './values.js';

export type Guards = ReadonlyMap<string, boolean | number>;

export const NO_GUARDS: Guards = new Map();

export interface Possibility<T> {
  readonly value: T;
  readonly guards: Guards;
}

/** Key prefix of the guard of a `model.add` after an early `return`/`throw` in its function. */
export const EXIT_GUARD = 'exit:';

let freshCounter = 0;
/** A key that no other condition shares: the branch is independent of all others. */
export function freshKey(): string {
  freshCounter += 1;
  return `#${freshCounter}`;
}

/** Guards `a` and `b` together, or null when they contradict each other. */
export function mergeGuards(a: Guards, b: Guards): Guards | null {
  if (a.size === 0 || a === b) return b;
  if (b.size === 0) return a;
  // Copy only when `b` adds something (most merges repeat guards `a` already has).
  let out: Map<string, boolean | number> | undefined;
  for (const [k, v] of b) {
    const prev = a.get(k);
    if (prev !== undefined) {
      if (prev !== v) return null;
      continue;
    }
    out ??= copyOf(a);
    out.set(k, v);
  }
  return out ?? a;
}

/** A list of guards as one set, or null when two of them contradict each other. */
export function guardsOf(list: readonly Guard[]): Guards | null {
  if (list.length === 0) return NO_GUARDS;
  // One map filled in place: adding the guards one by one (`withGuard`) would copy it per guard.
  const out = new Map<string, boolean | number>();
  for (const x of list) {
    const prev = out.get(x.key);
    if (prev === undefined) out.set(x.key, x.value);
    else if (prev !== x.value) return null;
  }
  return out;
}

export function withGuard(guards: Guards, guard: Guard): Guards | null {
  const prev = guards.get(guard.key);
  if (prev !== undefined) return prev === guard.value ? guards : null;
  const out = copyOf(guards);
  out.set(guard.key, guard.value);
  return out;
}

/**
 * A copy to extend. Guards are copied on every branch a value takes, and a loop of
 * `set` copies the few guards of a path about twice as fast as `new Map(guards)`.
 */
function copyOf(guards: Guards): Map<string, boolean | number> {
  const out = new Map<string, boolean | number>();
  for (const [k, v] of guards) out.set(k, v);
  return out;
}

/** Most possibilities one value expands to before the analysis gives up. */
export const MAX_POSSIBILITIES = 32;

/** Flatten nested `choice` values into guarded possibilities. */
export function possibilities(value: Value, guards: Guards = NO_GUARDS): Possibility<Value>[] {
  if (value.kind !== 'choice') return [{ value, guards }];
  const out: Possibility<Value>[] = [];
  for (const option of value.options) {
    const g = withGuard(guards, option.guard);
    if (!g) continue;
    for (const p of possibilities(option.value, g)) {
      out.push(p);
      if (out.length > MAX_POSSIBILITIES) return [{ value: UNKNOWN, guards }];
    }
  }
  return out;
}

/** Cartesian product of two possibility lists, keeping only consistent pairs. */
export function pair<A, B>(as: readonly Possibility<A>[], bs: readonly Possibility<B>[]): Possibility<[A, B]>[] {
  const out: Possibility<[A, B]>[] = [];
  for (const a of as) {
    for (const b of bs) {
      const g = mergeGuards(a.guards, b.guards);
      if (g) out.push({ value: [a.value, b.value], guards: g });
    }
  }
  return out;
}

/** A choice between values, each under its own branch of one condition. */
export function choice(key: string, whenTrue: Value, whenFalse: Value): Value {
  return {
    kind: 'choice',
    options: [
      { guard: { key, value: true }, value: whenTrue },
      { guard: { key, value: false }, value: whenFalse },
    ],
  };
}

/**
 * Key prefix of a choice among writes whose order is unknown (a module variable set
 * in other functions, `this.x` set in several methods, `ref.current`): which one a
 * read sees is not a path the code chooses, so rules judge such a choice only on
 * every path.
 */
export const TIMING_GUARD = 'timing:';

/**
 * A choice among independent alternatives (call sites, multiple returns ...);
 * `timing`: among writes whose order is unknown (`TIMING_GUARD`).
 */
export function anyOf(values: readonly Value[], timing = false): Value {
  if (values.length === 0) return UNKNOWN;
  if (values.length === 1) return values[0]!;
  const key = timing ? `${TIMING_GUARD}${freshKey()}` : freshKey();
  // One fresh key, one branch index per alternative: no two alternatives can be
  // taken together, and none pairs with anything outside this choice.
  return {
    kind: 'choice',
    options: values.map((value, i) => ({ guard: { key, value: i }, value })),
  };
}
