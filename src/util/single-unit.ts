/**
 * The judgement of `no-categorical-loss-single-unit`, shared with the rules that
 * defer to it (`no-single-unit-softmax`, `no-missing-output-activation`), so that
 * a 1-unit output trained with a categorical loss gets exactly one report — at the
 * loss — whatever its activation.
 */
import type { CompileSite, FileAnalysis } from '../analysis/index.js';
import { isCategorical } from '../knowledge/losses.js';
import { branchOfPairs, judgePairs, known, sharedOf, type KnownPair, type OutputBugs, type Shared } from './report.js';

/** A categorical loss on an output whose last axis has one unit. */
export const isSingleUnitCategorical = known((p) => p.output.units === 1 && isCategorical(p.loss.info));

export interface SingleUnitCategoricalBug {
  readonly site: CompileSite;
  readonly outputIndex: number;
  /** How many outputs the compiled model has (fixes only for one). */
  readonly outputCount: number;
  /** The pairs of this output that are a bug on a real path (`judgePairs`). */
  readonly pairs: readonly KnownPair[];
  /** What they share with this output's pairs that are not bugs. */
  readonly shared: Shared;
  /** Every pair of this output is a bug: the output is this rule's alone. */
  readonly everyPath: boolean;
  /** On some paths only: the branch that chooses them (`branchOfPairs`). */
  readonly path?: OutputBugs['path'];
}

const cache = new WeakMap<FileAnalysis, readonly SingleUnitCategoricalBug[]>();

/** Every compiled output that is a 1-unit output with a categorical loss on a real path. */
export function singleUnitCategoricalBugs(analysis: FileAnalysis): readonly SingleUnitCategoricalBug[] {
  const hit = cache.get(analysis);
  if (hit) return hit;
  const out: SingleUnitCategoricalBug[] = [];
  for (const site of analysis.compileSites) {
    const perOutput = analysis.pairsOf(site);
    const judged = perOutput.map((pairs) => judgePairs(pairs, isSingleUnitCategorical));
    if (judged.every((bugs) => bugs.length === 0)) continue;
    // A loss string serves every output: a loss any correct pairing of the call uses is shared.
    const lossShared = sharedOf(perOutput.flat(), judged.flat()).loss;
    judged.forEach((bugs, outputIndex) => {
      const shared = { loss: lossShared, output: sharedOf(perOutput[outputIndex]!, bugs).output };
      const path = branchOfPairs(analysis, site, perOutput[outputIndex]!, bugs, isSingleUnitCategorical);
      if (bugs.length > 0)
        out.push({
          ...(path ? { path } : {}),
          site,
          outputIndex,
          outputCount: perOutput.length,
          pairs: bugs,
          shared,
          everyPath: bugs.length === perOutput[outputIndex]!.length,
        });
    });
  }
  cache.set(analysis, out);
  return out;
}
