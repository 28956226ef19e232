/**
 * The judgement of `no-categorical-loss-single-unit`, shared with the rules that
 * defer to it (`no-single-unit-softmax`, `no-missing-output-activation`), so that
 * a 1-unit output trained with a categorical loss gets exactly one report — at the
 * loss — whatever its activation.
 */
import type { CompileSite, FileAnalysis } from '../analysis/index.js';
import { isCategorical } from '../knowledge/losses.js';
import { judge, known, type KnownPair } from './report.js';

/** A categorical loss on an output whose last axis has one unit. */
export const isSingleUnitCategorical = known((p) => p.output.units === 1 && isCategorical(p.loss.info));

export interface SingleUnitCategoricalBug {
  readonly site: CompileSite;
  readonly outputIndex: number;
  /** How many outputs the compiled model has (fixes only for one). */
  readonly outputCount: number;
  /** Every pair of this output: all of them are bugs. */
  readonly pairs: readonly KnownPair[];
}

const cache = new WeakMap<FileAnalysis, readonly SingleUnitCategoricalBug[]>();

/** Every compiled output that is a 1-unit output with a categorical loss on every path. */
export function singleUnitCategoricalBugs(analysis: FileAnalysis): readonly SingleUnitCategoricalBug[] {
  const hit = cache.get(analysis);
  if (hit) return hit;
  const out: SingleUnitCategoricalBug[] = [];
  for (const site of analysis.compileSites) {
    const perOutput = analysis.pairsOf(site);
    perOutput.forEach((pairs, outputIndex) => {
      const bugs = judge(pairs, isSingleUnitCategorical);
      if (bugs.length > 0) out.push({ site, outputIndex, outputCount: perOutput.length, pairs: bugs });
    });
  }
  cache.set(analysis, out);
  return out;
}
