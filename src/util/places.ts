import { groupBy, judge, type CompileSite, type FileAnalysis, type OutputLossPair } from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { reportNode } from './fixes.js';

/** A group of pairs a rule would report: what it is about (`node`) and where it is reported (`at`). */
export interface Placed<T, E> {
  readonly at: Node;
  readonly node: Node;
  readonly group: readonly T[];
  /** The rule's own context for the group (its compile site, counts ...). */
  readonly extra: E;
}

/** The groups of one report, merged. */
export interface AtPlace<T, E> {
  readonly at: Node;
  /** Every node the merged groups are about, first seen first, without repeats. */
  readonly nodes: readonly Node[];
  readonly group: readonly T[];
  /** The first of the merged groups. */
  readonly first: Placed<T, E>;
}

/**
 * A rule's groups merged into reports, in first-seen order: groups reported at the
 * same place that belong to one report (`partner`: the same compile call, of the
 * same kind) become one, naming each node: the outputs of a model with several
 * outputs that one loss string gets wrong (`loss: 'categoricalCrossentropy'` for
 * two 1-unit outputs), which all land on that loss when the outputs are in another
 * file or when the rule reports at the loss. Groups of other compile calls that land
 * at the same place (an activation of this file compiled twice) stay apart: the rule
 * reports the first of them (its `reported` set), with that call's facts and fixes.
 */
export function byPlace<T, E>(
  items: readonly Placed<T, E>[],
  partner: (item: Placed<T, E>) => unknown,
): AtPlace<T, E>[] {
  const out: { at: Node; nodes: Node[]; group: T[]; first: Placed<T, E> }[] = [];
  const index = new Map<Node, { key: unknown; place: (typeof out)[number] }[]>();
  for (const item of items) {
    const key = partner(item);
    const here = index.get(item.at) ?? [];
    const place = here.find((p) => p.key === key)?.place;
    if (!place) {
      const created = { at: item.at, nodes: [item.node], group: [...item.group], first: item };
      out.push(created);
      here.push({ key, place: created });
      index.set(item.at, here);
      continue;
    }
    if (!place.nodes.includes(item.node)) place.nodes.push(item.node);
    place.group.push(...item.group);
  }
  return out;
}

/** Where an output's bug pairs come from: the compile call, its number of outputs, this output's number of bug pairs. */
export interface OutputBugs {
  readonly site: CompileSite;
  readonly outputs: number;
  readonly bugs: number;
}

/**
 * Every compile call's outputs that are a bug on every path (`judge`), one group per
 * output activation (several pairs reach one when the activation or the loss is
 * chosen by a condition), placed where the rule reports it: the activation when it
 * is in this file (once, however many compile calls it reaches), else this file's
 * half (the loss, the call of an imported compile helper, the compile call).
 */
export function placeOutputBugs(
  analysis: FileAnalysis,
  isBug: (p: OutputLossPair) => boolean,
): Placed<OutputLossPair, OutputBugs>[] {
  const placed: Placed<OutputLossPair, OutputBugs>[] = [];
  for (const site of analysis.compileSites) {
    const perOutput = analysis.pairsOf(site);
    for (const pairs of perOutput) {
      const bugs = judge(pairs, isBug);
      for (const [node, group] of groupBy(bugs, (b) => b.output!.activationNode)) {
        const at = reportNode(analysis, node, group[0]!.loss!.node, site.via, site.call.callee);
        if (at) placed.push({ at, node, group, extra: { site, outputs: perOutput.length, bugs: bugs.length } });
      }
    }
  }
  return placed;
}
