/**
 * The compiled outputs whose output/loss pairs are a bug on a real path, as the
 * pairing rules judge them: each output's bug pairs (`judgePairs`), what they share
 * with its correct pairs (`sharedLoss`, `sharedOutput`) and the branch that chooses them
 * (`branchOfPairs`), in one pass (`judgeOutputs`); and placed where the
 * activation rules report them (`placeOutputBugs`).
 */
import { groupBy, type CompileSite, type FileAnalysis, type OutputLossPair } from '../analysis/index.js';
import { judgePairs, type KnownPair } from './judge-paths.js';
import { branchOfPairs, type BranchPath } from './report-branch.js';
import { reportAt, type Placed } from './report-place.js';
import { sharedLoss, sharedOutput, type Shared } from './shared-edits.js';

/** One output of a compile call with bug pairs on a real path. */
export interface JudgedOutput<S extends KnownPair> {
  readonly site: CompileSite;
  /** The output's position among the compile call's outputs, and their number. */
  readonly index: number;
  readonly outputs: number;
  /** The output's pairs that are a bug on a real path (at least one). */
  readonly bugs: readonly S[];
  /** The judgement that found them (the first of `judgeOutputs`' that finds a bug in this output). */
  readonly isBug: (p: OutputLossPair) => p is S;
  /** Every pair of the output is a bug: the report holds on every path. */
  readonly everyPath: boolean;
  /** What the bugs share with pairings that are not bugs: an edit there would change a correct path. */
  readonly shared: Shared;
  /** The branch that chooses `group` (some of `bugs`), for a report on some paths only. */
  branchOf(group: readonly KnownPair[]): BranchPath | undefined;
}

/**
 * Every compile call's outputs with a bug pair on a real path. With several
 * judgements (`isBug`), each output is judged by the first that finds a bug in it,
 * so an output is one kind of bug.
 */
export function judgeOutputs<S extends KnownPair>(
  analysis: FileAnalysis,
  ...isBug: readonly [(p: OutputLossPair) => p is S, ...((p: OutputLossPair) => p is S)[]]
): JudgedOutput<S>[] {
  const out: JudgedOutput<S>[] = [];
  for (const site of analysis.compileSites) {
    const perOutput = analysis.pairsOf(site);
    // Plain loops, and nothing built for a compile call without bugs (most of them).
    let judged: ({ bugs: readonly S[]; isBug: (p: OutputLossPair) => p is S } | undefined)[] | undefined;
    for (let index = 0; index < perOutput.length; index++) {
      for (const test of isBug) {
        const bugs = judgePairs(perOutput[index]!, test);
        if (bugs.length === 0) continue;
        (judged ??= new Array(perOutput.length).fill(undefined))[index] = { bugs, isBug: test };
        break;
      }
    }
    if (!judged) continue;
    // A loss string serves every output: a loss any correct pairing of the call uses is shared.
    const lossShared =
      perOutput.length === 1
        ? sharedLoss(perOutput[0]!, judged[0]!.bugs)
        : sharedLoss(
            perOutput.flat(),
            judged.flatMap((j) => j?.bugs ?? []),
          );
    for (let index = 0; index < perOutput.length; index++) {
      const j = judged[index];
      if (!j) continue;
      const pairs = perOutput[index]!;
      const everyPath = j.bugs.length === pairs.length;
      out.push({
        site,
        index,
        outputs: perOutput.length,
        bugs: j.bugs,
        isBug: j.isBug,
        everyPath,
        shared: { loss: lossShared, output: sharedOutput(pairs, j.bugs) },
        branchOf: (group) => (everyPath ? undefined : branchOfPairs(analysis, site, pairs, group, j.isBug)),
      });
    }
  }
  return out;
}

/** Where an output's bug pairs come from: the compile call, its number of outputs, this output's number of bug pairs. */
export interface OutputBugs {
  readonly site: CompileSite;
  readonly outputs: number;
  readonly bugs: number;
  /** What the reported bugs share with pairings that are not bugs (`JudgedOutput.shared`). */
  readonly shared: Shared;
  /** On a report that holds on some paths only, the branch that chooses its loss or its output (`branchFor`). */
  readonly path?: BranchPath;
}

/**
 * Every compile call's outputs that are a bug on a real path (`judgeOutputs`), one group per output
 * activation (several pairs reach one when the activation or the loss is chosen by
 * a condition), placed where the rule reports it: the activation when it is in this
 * file (once, however many compile calls it reaches), else this file's half (the
 * loss, the call of an imported compile helper, the compile call).
 */
export function placeOutputBugs<S extends KnownPair>(
  analysis: FileAnalysis,
  isBug: (p: OutputLossPair) => p is S,
): Placed<S, OutputBugs>[] {
  const placed: Placed<S, OutputBugs>[] = [];
  for (const output of judgeOutputs(analysis, isBug)) {
    const { site, bugs, shared } = output;
    for (const [node, group] of groupBy(bugs, (b) => b.output.activationNode)) {
      const at = reportAt(analysis, node, group[0]!.loss.node, site.via, site.call.callee);
      const path = output.branchOf(group);
      if (at)
        placed.push({
          at,
          node,
          group,
          extra: { site, outputs: output.outputs, bugs: bugs.length, shared, ...(path ? { path } : {}) },
        });
    }
  }
  return placed;
}
