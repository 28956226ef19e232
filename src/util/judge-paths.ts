/**
 * How rules judge facts with several possibilities: a report holds "on a real path"
 * (one side of a pairing certain, or both chosen by the same conditions), and an
 * unknown fact is never a bug.
 */
import {
  judge as judgeAll,
  judgeFlagsOnPath,
  TIMING_GUARD,
  type Guards,
  type LossFact,
  type OutputFact,
  type OutputLossPair,
  type TensorPossibility,
} from '../analysis/index.js';

/** A pair whose output and loss are both known on its path. */
export type KnownPair = OutputLossPair & { readonly output: OutputFact; readonly loss: LossFact };

/** A judgement on pairs with known facts, as a type guard (unknown facts are never a bug). */
export function known(test: (p: KnownPair) => boolean): (p: OutputLossPair) => p is KnownPair {
  return (p): p is KnownPair => p.output !== null && p.loss !== null && test(p as KnownPair);
}

/** `judge` of the analysis (every possibility a bug, or none reported), narrowing to what `isBug` proves. */
export function judge<T, S extends T>(items: readonly T[], isBug: (item: T) => item is S): readonly S[];
export function judge<T>(items: readonly T[], isBug: (item: T) => boolean): readonly T[];
export function judge<T>(items: readonly T[], isBug: (item: T) => boolean): readonly T[] {
  return judgeAll(items, isBug);
}

/**
 * Judge "on a real path" (`judgeOnPath`) items that pair two facts, each item one
 * path with its guards: a bug item is reported when one of its sides (`sides(item)`:
 * the identity of each fact's possibility) is a bug in every item it takes part in —
 * the other side certain, or chosen by the same conditions. Independent conditions,
 * a dead branch (folded away), an unknown fact on the item's path and writes of
 * unknown order (`TIMING_GUARD`) keep it silent. (Paths that end in an early exit
 * before the last add never reach here: the output resolver drops them.)
 */
export function judgeOnPaths<T extends { readonly guards: Guards }, S extends T>(
  items: readonly T[],
  isBug: (item: T) => item is S,
  sides: (item: T) => readonly [unknown, unknown],
): readonly S[];
export function judgeOnPaths<T extends { readonly guards: Guards }>(
  items: readonly T[],
  isBug: (item: T) => boolean,
  sides: (item: T) => readonly [unknown, unknown],
): readonly T[];
export function judgeOnPaths<T extends { readonly guards: Guards }>(
  items: readonly T[],
  isBug: (item: T) => boolean,
  sides: (item: T) => readonly [unknown, unknown],
): readonly T[] {
  // Each item judged once: most items are no bug, and a bug on every path needs no sides.
  const bugs = items.map(isBug);
  if (!bugs.includes(true)) return [];
  if (!bugs.includes(false)) return items;
  // Which of several writes a read sees (order unknown) is no path the code chooses.
  return judgeFlagsOnPath(items, bugs, sides).filter((p) => !hasGuard(p.guards, TIMING_GUARD));
}

function hasGuard(guards: Guards, prefix: string): boolean {
  for (const k of guards.keys()) if (k.startsWith(prefix)) return true;
  return false;
}

/**
 * Judge the output/loss pairs of one output "on a real path" (`judgeOnPaths`): a bug
 * pairing is reported when its output is a bug with every loss it meets, or its loss
 * with every output it meets.
 */
export function judgePairs<S extends KnownPair>(
  pairs: readonly OutputLossPair[],
  isBug: (p: OutputLossPair) => p is S,
): readonly S[] {
  return judgeOnPaths(pairs, isBug, (p) => [p.output ?? p, p.loss?.node ?? p]);
}

/**
 * Judge the tensors fed to a loss call "on a real path": the call is one loss, so a
 * bug possibility of the tensor is a bug on its path (unknown ones are not bugs).
 */
export function judgeFed<S extends TensorPossibility>(
  fed: readonly TensorPossibility[],
  isBug: (t: TensorPossibility) => t is S,
): readonly S[];
export function judgeFed(
  fed: readonly TensorPossibility[],
  isBug: (t: TensorPossibility) => boolean,
): readonly TensorPossibility[];
export function judgeFed(
  fed: readonly TensorPossibility[],
  isBug: (t: TensorPossibility) => boolean,
): readonly TensorPossibility[] {
  return judgeOnPaths(fed, isBug, (t) => [t, fed]);
}
