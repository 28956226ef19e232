/**
 * The judgement of `no-categorical-loss-single-unit`, shared with the rules that
 * defer to it (`no-single-unit-softmax`, `no-missing-output-activation`), so that
 * a 1-unit output trained with a categorical loss gets exactly one report — at the
 * loss — whatever its activation.
 */
import type { FileAnalysis } from '../analysis/index.js';
import { isCategorical } from '../knowledge/losses.js';
import { known, type KnownPair } from './judge-paths.js';
import { judgeOutputs, type JudgedOutput } from './output-bugs.js';

/** A categorical loss on an output whose last axis has one unit. */
export const isSingleUnitCategorical = known((p) => p.output.units === 1 && isCategorical(p.loss.info));

const cache = new WeakMap<FileAnalysis, readonly JudgedOutput<KnownPair>[]>();

/** Every compiled output that is a 1-unit output with a categorical loss on a real path. */
export function singleUnitCategoricalBugs(analysis: FileAnalysis): readonly JudgedOutput<KnownPair>[] {
  let hit = cache.get(analysis);
  if (!hit) cache.set(analysis, (hit = judgeOutputs(analysis, isSingleUnitCategorical)));
  return hit;
}
