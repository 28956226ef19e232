/**
 * Where a report lands: the local half of a mismatch (`reportAt`, `lossNodeAt`), and
 * which groups of bugs reported at one place share a report (`byPlace`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { propertyKey, unwrap } from '../analysis/ast.js';
import type { CompileSite, FileAnalysis } from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import type { KnownPair } from './judge-paths.js';
import type { Shared } from './shared-edits.js';

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
