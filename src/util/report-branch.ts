/**
 * Which branch to name for a report that holds on some paths only: the side of the
 * pairing the branch chooses (its loss or its output), and the conditions every bug
 * item of the report (a pair of a compile call, a tensor fed to a loss call in custom
 * training code) takes the same way. `branch-text.ts` puts that branch in words.
 */
import { unwrap } from '../analysis/ast.js';
import type { CompileSite, FileAnalysis, Guards, OutputLossPair } from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { branchText, type Holds } from './branch-text.js';
import type { KnownPair } from './judge-paths.js';
import { unique } from './message-text.js';

/** The branch that chooses a report's loss or its output, in words (`branchText`). */
export interface BranchPath {
  readonly side: 'loss' | 'output';
  readonly text: string;
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
): BranchPath | undefined {
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

/** Where one item of a report's group sits, for `branchOfGroup`. */
export interface Sides {
  /** The nodes of the item's reported side, tried in turn (the first with a branch wins). */
  readonly candidates: readonly (Node | undefined)[];
  /** The nodes a branch must not hold to be named (the compile or loss call, the other side). */
  readonly around: readonly Node[];
}

/**
 * The branch that puts a group of bug items (pairings or fed tensors, each one path
 * with its guards) on their path, for a report that holds on some paths only: only
 * conditions every item of the group takes the same way, and that the paths of
 * `all` track, are named. The same words for every item (several arms are joined
 * with "or"), or undefined when one item has none.
 */
export function branchOfGroup<T extends { readonly guards: Guards }>(
  analysis: FileAnalysis,
  all: readonly { readonly guards: Guards }[],
  group: readonly T[],
  sides: (item: T) => Sides,
): string | undefined {
  if (group.length === 0 || group.length === all.length) return undefined;
  const common = new Map(group[0]!.guards);
  for (const b of group) for (const [k, v] of common) if (b.guards.get(k) !== v) common.delete(k);
  const tracked = new Set(all.flatMap((p) => [...p.guards.keys()]));
  const holds: Holds = (test, taken) => {
    const g = analysis.conditionOf(test);
    if (!g || !tracked.has(g.key)) return undefined;
    return common.get(g.key) === (taken ? g.value : !g.value);
  };
  const texts: string[] = [];
  for (const b of group) {
    const { candidates, around } = sides(b);
    const text = candidates.map((n) => n && branchText(analysis, n, around, holds)).find((t) => t);
    if (!text) return undefined;
    texts.push(text);
  }
  return unique(texts).join(' or ');
}

/** The arm of a `?:` written as `node` whose literal is `value` (`small ? 1 : 3`, 1), else `node`. */
export function armOf(node: Node | undefined, value: unknown): Node | undefined {
  const n = node && unwrap(node);
  if (n?.type !== 'ConditionalExpression') return node;
  for (const arm of [n.consequent, n.alternate]) {
    const a = unwrap(arm);
    if (a.type === 'Literal' && a.value === value) return a;
    if (a.type === 'ConditionalExpression') {
      const inner = armOf(a, value);
      if (inner !== a) return inner;
    }
  }
  return node;
}

/** The branch text of a placed report for one side of its pairing, for `elsewhere`. */
export function branchFor(extra: { readonly path?: BranchPath }, side: 'loss' | 'output'): string | undefined {
  return extra.path?.side === side ? extra.path.text : undefined;
}
