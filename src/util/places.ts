import type { Node } from '../analysis/values.js';

/** A group of pairs a rule would report: what it is about (`node`) and where it is reported (`at`). */
export interface Placed<T, E> {
  readonly at: Node;
  readonly node: Node;
  readonly group: readonly T[];
  /** The rule's own context for the group (its compile site, counts ...). */
  readonly extra: E;
}

/** The groups reported at one place, merged. */
export interface AtPlace<T, E> {
  readonly at: Node;
  /** Every node the merged groups are about, first seen first, without repeats. */
  readonly nodes: readonly Node[];
  readonly group: readonly T[];
  /** The first group reported there. */
  readonly first: Placed<T, E>;
}

/**
 * A rule's groups merged by the place they are reported at, in first-seen order. A
 * node of this file is its own place, so nothing merges there; the outputs of a
 * model built in another file are all reported at this file's half (the loss, the
 * call of a compile helper), and are reported there once, naming each of them.
 */
export function byPlace<T, E>(items: readonly Placed<T, E>[]): AtPlace<T, E>[] {
  const places = new Map<Node, { at: Node; nodes: Node[]; group: T[]; first: Placed<T, E> }>();
  for (const item of items) {
    const place = places.get(item.at);
    if (!place) {
      places.set(item.at, { at: item.at, nodes: [item.node], group: [...item.group], first: item });
      continue;
    }
    if (!place.nodes.includes(item.node)) place.nodes.push(item.node);
    place.group.push(...item.group);
  }
  return [...places.values()];
}
