/** How rules decide on facts with several possibilities: "on every path", one report per place. */

/**
 * Items grouped by a key, in first-seen order: rules group bugs by the node they
 * report at (several pairs reach one node when the activation or the loss is chosen
 * by a condition, every choice a bug), to report each node once.
 */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Judge "on every path": returns the items when there is at least one and every
 * one is a bug by `isBug`; otherwise an empty list (some path is fine or unknown).
 */
export function judge<T>(items: readonly T[], isBug: (item: T) => boolean): readonly T[] {
  if (items.length === 0) return [];
  return items.every(isBug) ? items : [];
}
