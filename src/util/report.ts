/**
 * The report policy of every rule, in one place: which facts are judged (with
 * null facts narrowed away), where a report lands, which groups of bugs share a
 * report, and how its edits are graded (`reportGraded`).
 *
 * A rule is judgement + message + fix choice:
 *
 *     const isBug = known((p) => p.output.activation === 'softmax' && p.output.units === 1);
 *     for (const place of byPlace(placeOutputBugs(analysis, isBug), (p) => p.extra.site)) {
 *       const loss = place.group[0].loss;            // non-null: `known` narrowed it
 *       reportGraded(context, {
 *         node: place.at, messageId: 'x', data, unique: isUnique(place),
 *         fix: trainingEdit({ messageId: 'useY', fix: replaceLossLiteral(analysis, place.group, 'y') }),
 *         suggest: [modelEdit({ messageId: 'useZ', fix: setLayerActivation(sc, output, 'sigmoid') })],
 *       });
 *     }
 *
 * `fix` is an autofix only when the report is unique (one path, one output,
 * nothing else reported there) and it is a `trainingEdit` (the loss, metrics,
 * names, options of compile/fit): `--fix` never changes the model. Otherwise it is
 * the first suggestion.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { programOf, propertyKey, unwrap } from '../analysis/ast.js';
import {
  groupBy,
  judge as judgeAll,
  judgeOnPath,
  TIMING_GUARD,
  type CompileSite,
  type FileAnalysis,
  type Guards,
  type LossFact,
  type OutputFact,
  type OutputLossPair,
  type TensorPossibility,
} from '../analysis/index.js';
import type { Node, TensorValue } from '../analysis/values.js';
import { armOf, branchOfGroup } from './branch-text.js';
import { linesOf, replaceNode, stringLiteral, type Fix } from './fixes.js';

/** A pair whose output and loss are both known on its path. */
export type KnownPair = OutputLossPair & { readonly output: OutputFact; readonly loss: LossFact };

/** A tensor fed to a loss, known on its path. */
export type KnownTensor = TensorPossibility & { readonly tensor: TensorValue };

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
  const everyPath = judgeAll(items, isBug);
  if (everyPath.length > 0) return everyPath;
  // Which of several writes a read sees (order unknown) is no path the code chooses.
  return judgeOnPath(items, isBug, sides).filter((p) => !hasGuard(p.guards, TIMING_GUARD));
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

/** What the bug pairs of one output share with its other pairs (see `Shared`). */
export function sharedOf(pairs: readonly OutputLossPair[], bugs: readonly KnownPair[]): Shared {
  const reported = new Set<OutputLossPair>(bugs);
  const lossNodes = new Set<unknown>(bugs.map((b) => b.loss.node));
  const outputNodes = new Set<unknown>(bugs.map((b) => activationKey(b.output)));
  const others = pairs.filter((p) => !reported.has(p));
  return {
    loss: others.some((p) => !p.loss || lossNodes.has(p.loss.node)),
    output: others.some(
      (p) => !p.output || outputNodes.has(activationKey(p.output)) || bugs.some((b) => addedAfter(p.output!, b.output)),
    ),
  };
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

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * The node to report at: the first candidate in the linted file. Facts from
 * imported modules point into other files; the report then lands on the local
 * half of the mismatch (the loss, the compile call, the call of a helper).
 */
export function reportAt(analysis: FileAnalysis, ...candidates: (Node | undefined)[]): Node | undefined {
  return candidates.find((n): n is Node => !!n && analysis.isLocal(n));
}

/** A group of bugs a rule would report: what it is about (`node`) and where it is reported (`at`). */
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
  /** The first item of `group` (a group is never empty). */
  readonly lead: T;
  /** The first of the merged groups. */
  readonly first: Placed<T, E>;
}

/**
 * A rule's groups merged into reports, in first-seen order: groups reported at the
 * same place that belong to one report (`partner`: the same compile call, of the
 * same kind) become one, naming each node (one loss string wrong for two outputs).
 * Groups of other compile calls that land at the same place stay apart; `byPlace`
 * keeps the first of them only, so each place is reported once.
 */
export function byPlace<T, E>(
  items: readonly Placed<T, E>[],
  partner: (item: Placed<T, E>) => unknown,
): AtPlace<T, E>[] {
  const out: { at: Node; nodes: Node[]; group: T[]; lead: T; first: Placed<T, E> }[] = [];
  const index = new Map<Node, { key: unknown; place: (typeof out)[number] }[]>();
  for (const item of items) {
    const key = partner(item);
    const here = index.get(item.at) ?? [];
    const place = here.find((p) => p.key === key)?.place;
    if (!place) {
      const created = { at: item.at, nodes: [item.node], group: [...item.group], lead: item.group[0]!, first: item };
      if (here.length === 0) out.push(created);
      here.push({ key, place: created });
      index.set(item.at, here);
      continue;
    }
    if (!place.nodes.includes(item.node)) place.nodes.push(item.node);
    place.group.push(...item.group);
  }
  return out;
}

/** Whether a report's loss, or its output's activation, is also part of a pairing that is not a bug. */
export interface Shared {
  readonly loss: boolean;
  readonly output: boolean;
}

/** Where an output's bug pairs come from: the compile call, its number of outputs, this output's number of bug pairs. */
export interface OutputBugs {
  readonly site: CompileSite;
  readonly outputs: number;
  readonly bugs: number;
  /** What the reported bugs share with pairings that are not bugs: an edit there would change a correct path. */
  readonly shared?: Shared;
  /**
   * On a report that holds on some paths only, the branch that chooses its loss
   * or its output, in words (`branchText`); for messages, through `elsewhere`.
   */
  readonly path?: { readonly side: 'loss' | 'output'; readonly text: string };
}

/**
 * A report is unique when its edit is the only possible one: one path (one bug
 * pair), one output in the compile, and no other group merged into the report.
 */
export function isUnique(
  place: AtPlace<unknown, { readonly outputs: number; readonly bugs: number; readonly shared?: Shared }>,
): boolean {
  return (
    place.group.length === place.first.group.length &&
    place.first.extra.bugs === 1 &&
    place.first.extra.outputs === 1 &&
    !place.first.extra.shared?.loss
  );
}

/**
 * Every compile call's outputs that are a bug on a real path (`judgePairs`), one group per output
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
  for (const site of analysis.compileSites) {
    const perOutput = analysis.pairsOf(site);
    const judged = perOutput.map((pairs) => judgePairs(pairs, isBug));
    if (judged.every((bugs) => bugs.length === 0)) continue;
    // A loss string serves every output: a loss any correct pairing of the call uses is shared.
    const lossShared = sharedOf(perOutput.flat(), judged.flat()).loss;
    for (const [index, pairs] of perOutput.entries()) {
      const bugs = judged[index]!;
      const shared = { loss: lossShared, output: sharedOf(pairs, bugs).output };
      const everyPath = bugs.length === pairs.length;
      for (const [node, group] of groupBy(bugs, (b) => b.output.activationNode)) {
        const at = reportAt(analysis, node, group[0]!.loss.node, site.via, site.call.callee);
        const path = everyPath ? undefined : branchOfPairs(analysis, site, pairs, group, isBug);
        if (at)
          placed.push({
            at,
            node,
            group,
            extra: { site, outputs: perOutput.length, bugs: bugs.length, shared, ...(path ? { path } : {}) },
          });
      }
    }
  }
  return placed;
}

/**
 * The branch that puts an output's bug pairs on their path, for a report that holds
 * on some paths only: the loss's when the loss is a bug with every output it meets,
 * else the output's (its activation, else its width); the same words for every pair
 * of the group (several arms are joined with "or"), or undefined.
 */
export function branchOfPairs(
  analysis: FileAnalysis,
  site: CompileSite,
  pairs: readonly OutputLossPair[],
  group: readonly KnownPair[],
  isBug: (p: OutputLossPair) => boolean,
): OutputBugs['path'] {
  const fineLosses = new Set<unknown>(pairs.filter((p) => !isBug(p)).map((p) => p.loss?.node));
  const side = group.every((b) => !fineLosses.has(b.loss.node)) ? 'loss' : 'output';
  const text = branchOfGroup(analysis, pairs, group, (b) => ({
    around: [site.call, side === 'loss' ? b.output.activationNode : b.loss.node],
    candidates:
      side === 'loss'
        ? [b.loss.node]
        : [b.output.activationLiteral ?? b.output.activationNode, armOf(b.output.unitsNode, b.output.units)],
  }));
  return text ? { side, text } : undefined;
}

/** What a model edit of an output rewrites: its activation literal, else its layer. */
function activationKey(output: OutputFact): unknown {
  return output.activationLiteral ?? output.layer;
}

/** One edit a report offers, and what it touches. */
export interface Edit<M extends string> {
  readonly messageId: M;
  readonly data?: Record<string, string>;
  readonly fix: Fix;
  /** `training`: the loss, metrics, names, options of compile/fit. `model`: a layer (activation, units). */
  readonly scope: 'training' | 'model';
}

interface EditSpec<M extends string> {
  readonly messageId: M;
  readonly fix: Fix | null | undefined | false;
  readonly data?: Record<string, string>;
}

/** An edit of the training configuration (may be an autofix), or null without a fix. */
export function trainingEdit<M extends string>(spec: EditSpec<M>): Edit<M> | null {
  return spec.fix ? { ...spec, fix: spec.fix, scope: 'training' } : null;
}

/** An edit of the model: never an autofix (it changes what `predict()` returns). Null without a fix. */
export function modelEdit<M extends string>(spec: EditSpec<M>): Edit<M> | null {
  return spec.fix ? { ...spec, fix: spec.fix, scope: 'model' } : null;
}

/** Several edits applied as one (e.g. the activation and the loss together); null if one is missing. */
export function combine(...fixes: (Fix | null | undefined)[]): Fix | null {
  if (fixes.some((f) => !f)) return null;
  return (fixer) => fixes.flatMap((f) => [f!(fixer)].flat());
}

/**
 * Report with graded edits: `fix` is applied by `--fix` when the report is
 * `unique` (the edit is the only one possible and local) and it touches only the
 * training configuration (`trainingEdit`); otherwise it is the first suggestion.
 * `suggest`: the other edits, offered as suggestions.
 */
export function reportGraded<M extends string>(
  context: Readonly<TSESLint.RuleContext<M, readonly unknown[]>>,
  report: {
    node: Node;
    messageId: M;
    data?: Record<string, string>;
    unique: boolean;
    fix?: Edit<M> | null;
    suggest?: readonly (Edit<M> | null)[];
    /** A report on some paths only: edits of what correct paths share are not offered. */
    shared?: Shared;
  },
): void {
  const { unique, fix: wanted, suggest: wantedOthers = [], shared, ...rest } = report;
  // The loss is edited by training edits, the output by model edits.
  const allowed = (e: Edit<M> | null | undefined) =>
    e && !(e.scope === 'training' ? shared?.loss : shared?.output) ? e : null;
  const preferred = allowed(wanted);
  const others = wantedOthers.map(allowed);
  // `--fix` never changes the model: an edit of a layer is only ever suggested.
  const auto = unique && preferred?.scope === 'training' ? preferred : null;
  const suggest = [preferred, ...others]
    .filter((e): e is Edit<M> => !!e && e !== auto)
    .map(({ messageId, data, fix }) => ({ messageId, fix, ...(data ? { data } : {}) }));
  context.report({ ...rest, fix: auto?.fix ?? null, suggest });
}

/**
 * Replace the loss of every pair with the string `name`, when they all name it at
 * one node written in the compile call itself (not a shared constant, not inside
 * a wrapper function).
 */
export function replaceLossLiteral(analysis: FileAnalysis, group: readonly KnownPair[], name: string): Fix | null {
  const node = sharedLossNode(group);
  if (!node) return null;
  return replaceNode(analysis.sourceCode, node, stringLiteral(analysis.sourceCode, name, node));
}

/** The same, with a TF.js function (`tf.losses.softmaxCrossEntropy`, as this file reaches TF.js). */
export function replaceLossFunction(
  analysis: FileAnalysis,
  group: readonly KnownPair[],
  path: readonly string[],
): { fix: Fix; text: string } | null {
  const node = sharedLossNode(group);
  const text = node ? analysis.tfExpression(path, node) : undefined;
  const fix = node && text ? replaceNode(analysis.sourceCode, node, text) : null;
  return fix && text ? { fix, text } : null;
}

/** The loss node shared by every pair, when it is the loss itself written in the compile call. */
function sharedLossNode(group: readonly KnownPair[]): Node | undefined {
  const loss = group[0]?.loss;
  if (!loss || loss.via !== 'direct' || !loss.local) return undefined;
  return group.every((p) => p.loss.node === loss.node) ? loss.node : undefined;
}

/**
 * ` (line 12)` naming where `nodes` are, for a message reported at `at`; empty when
 * they are all on the line of `at` (the squiggle already shows it). `branch`: the
 * branch that chooses them (`OutputBugs.path`), added as ` (line 12, when …)`.
 */
export function elsewhere(analysis: FileAnalysis, at: Node, nodes: readonly Node[], branch?: string): string {
  const parts = placeParts(analysis, at, nodes, branch);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** What `elsewhere` puts in its parentheses, for a message that has its own. */
export function placeParts(analysis: FileAnalysis, at: Node, nodes: readonly Node[], branch?: string): string[] {
  const here = nodes.every((n) => analysis.isLocal(n) && n.loc.start.line === at.loc.start.line);
  return [...(here ? [] : [linesOf(nodes, analysis)]), ...(branch ? [branch] : [])];
}

/** ` (when …)`: a branch text as an aside in a message, or nothing. */
export function parenthesized(text: string | undefined): string {
  return text ? ` (${text})` : '';
}

/** The branch text of a placed report for one side of its pairing, for `elsewhere`. */
export function branchFor(extra: Pick<OutputBugs, 'path'>, side: 'loss' | 'output'): string | undefined {
  return extra.path?.side === side ? extra.path.text : undefined;
}

/**
 * Where the loss of output `index` of a compile call is written, to report a wrong
 * loss at: the loss itself when it is written in the `compile` call; otherwise the
 * `loss` value written there (a constant's name, a wrapper's name, this output's
 * element of a loss array or object); at worst the call.
 */
export function lossNodeAt(site: CompileSite, index: number, pair: KnownPair): Node {
  // A compile helper of another module: report on the call of the helper in this file.
  if (site.via) return site.via;
  if (pair.loss.local) return pair.loss.node;
  const config = site.call.arguments[0] ? unwrap(site.call.arguments[0]) : undefined;
  if (config?.type !== 'ObjectExpression') return site.call;
  const prop = findProperty(config, 'loss');
  if (!prop) return site.call;
  const value = unwrap(prop.value);
  if (value.type === 'ArrayExpression') {
    const el = value.elements[index];
    return el && el.type !== 'SpreadElement' ? el : value;
  }
  if (value.type === 'ObjectExpression' && pair.output.name !== undefined) {
    const named = findProperty(value, pair.output.name);
    return named ? named.value : value;
  }
  return value;
}

/** The last property written with key `key` in an object literal (the one that wins). */
function findProperty(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const p of object.properties) if (p.type === 'Property' && propertyKey(p) === key) found = p;
  return found;
}
