/** How rules decide on facts with several possibilities: "on every path" or "on a real path", one report per place. */

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

/**
 * Judge "on a real path" a list of pairings of two facts (an output and its loss):
 * a bug pairing is kept when the code fixes the combination, i.e. some side of it
 * (`sides(item)`: the identity of its output possibility and of its loss possibility)
 * is a bug in every pairing it takes part in. That holds when the other side is
 * certain, or chosen by the same conditions; a pairing that needs two independent
 * conditions to line up, or meets an unknown fact, does not qualify.
 */
export function judgeOnPath<T>(
  items: readonly T[],
  isBug: (item: T) => boolean,
  sides: (item: T) => readonly [unknown, unknown],
): readonly T[] {
  return judgeFlagsOnPath(items, items.map(isBug), sides);
}

/** `judgeOnPath` with each item's judgement already made (`bugs[i]`: is `items[i]` a bug?). */
export function judgeFlagsOnPath<T>(
  items: readonly T[],
  bugs: readonly boolean[],
  sides: (item: T) => readonly [unknown, unknown],
): readonly T[] {
  // Most items are no bug: name no sides when none is.
  if (!bugs.includes(true)) return [];
  const fine = [new Set<unknown>(), new Set<unknown>()] as const;
  items.forEach((item, i) => {
    if (bugs[i]) return;
    const [a, b] = sides(item);
    fine[0].add(a);
    fine[1].add(b);
  });
  return items.filter((item, i) => {
    if (!bugs[i]) return false;
    const [a, b] = sides(item);
    return !fine[0].has(a) || !fine[1].has(b);
  });
}
