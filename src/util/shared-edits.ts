/**
 * Which edits a report may offer when it holds on some paths only: a loss, or an
 * output's activation, that a pairing which is not a bug also uses is shared, and
 * editing it would change a correct path.
 */
import { programOf } from '../analysis/ast.js';
import type { OutputFact, OutputLossPair, TensorPossibility } from '../analysis/index.js';
import type { KnownPair } from './judge-paths.js';

/** Whether a report's loss, or its output's activation, is also part of a pairing that is not a bug. */
export interface Shared {
  readonly loss: boolean;
  readonly output: boolean;
}

/**
 * What the bug possibilities of a tensor fed to one loss call share with the others:
 * the call itself (an edit of the loss changes every path through it), and an output
 * activation that a fine or unknown possibility may also be.
 */
export function sharedFed(fed: readonly TensorPossibility[], bugs: readonly TensorPossibility[]): Shared {
  const reported = new Set(bugs);
  const others = fed.filter((t) => !reported.has(t));
  const outputs = new Set(bugs.map((b) => b.output && activationKey(b.output)));
  return {
    loss: others.length > 0,
    output: others.some((t) => !t.tensor || t.output === null || (!!t.output && outputs.has(activationKey(t.output)))),
  };
}

/** Is a bug pair's loss also part of one of `pairs` that is not a bug (or has an unknown loss)? See `Shared`. */
export function sharedLoss(pairs: readonly OutputLossPair[], bugs: readonly KnownPair[]): boolean {
  if (bugs === pairs) return false;
  const reported = new Set<OutputLossPair>(bugs);
  const lossNodes = new Set<unknown>(bugs.map((b) => b.loss.node));
  return pairs.some((p) => !reported.has(p) && (!p.loss || lossNodes.has(p.loss.node)));
}

/** Is a bug pair's output activation also part of one of `pairs` that is not a bug? See `Shared`. */
export function sharedOutput(pairs: readonly OutputLossPair[], bugs: readonly KnownPair[]): boolean {
  if (bugs === pairs) return false;
  const reported = new Set<OutputLossPair>(bugs);
  const outputNodes = new Set<unknown>(bugs.map((b) => activationKey(b.output)));
  return pairs.some(
    (p) =>
      !reported.has(p) &&
      (!p.output || outputNodes.has(activationKey(p.output)) || bugs.some((b) => addedAfter(p.output!, b.output))),
  );
}

/**
 * Is `later` a layer added after `earlier` to the same model (on another path)? Then
 * `earlier` is a hidden layer on that path, and an edit of it changes that path too.
 */
function addedAfter(later: OutputFact, earlier: OutputFact): boolean {
  const a = later.layer.call;
  const b = earlier.layer.call;
  return later.model === earlier.model && a !== b && a.range[0] > b.range[0] && programOf(a) === programOf(b);
}

/** What a model edit of an output rewrites: its activation literal, else its layer. */
function activationKey(output: OutputFact): unknown {
  return output.activationLiteral ?? output.layer;
}
