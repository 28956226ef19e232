/**
 * What a string written as a loss, metric, activation or optimizer name is: accepted
 * by TF.js, an alias of an accepted name, a function's name, or close to an accepted
 * name ("did you mean"). The names themselves are data in knowledge/names.ts.
 */
import {
  ACCEPTED,
  ACTIVATION_STRINGS,
  ALIASES,
  FUNCTION_INSTEAD_OF_STRING,
  LOSS_STRINGS,
  METRIC_STRINGS,
  OPTIMIZER_STRINGS,
  type NameKind,
} from '../knowledge/names.js';

/** Lowercase and drop `_`, `-` and whitespace: 'categorical_crossentropy' -> 'categoricalcrossentropy'. */
export function normalizeName(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Levenshtein edit distance (insert, delete, substitute; each costs 1). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

export interface NameSuggestion {
  /**
   * The unique best match by normalised comparison (case, `_`, `-`, spaces ignored).
   * When several names normalise alike ('mse'/'MSE', 'rmsprop'/'RMSProp'), the one
   * closest to the candidate by case-sensitive edit distance; undefined on a tie or
   * when nothing normalises alike.
   */
  readonly match: string | undefined;
  /** Every name that normalises like the candidate. */
  readonly normalizedMatches: readonly string[];
  /**
   * Other names within `maxDistance` edits of the candidate, compared normalised,
   * closest first (ties alphabetical).
   */
  readonly nearMisses: readonly string[];
}

/** "Did you mean" lookup of `candidate` among `names`. */
export function nearestName(candidate: string, names: readonly string[], maxDistance = 2): NameSuggestion {
  const norm = normalizeName(candidate);
  const normalizedMatches = names.filter((n) => normalizeName(n) === norm);
  let match: string | undefined;
  if (normalizedMatches.length === 1) {
    match = normalizedMatches[0];
  } else if (normalizedMatches.length > 1) {
    const scored = normalizedMatches.map((n) => ({ n, d: levenshtein(candidate, n) })).sort((x, y) => x.d - y.d);
    if (scored[0]!.d < scored[1]!.d) match = scored[0]!.n;
  }
  const nearMisses = names
    .filter((n) => !normalizedMatches.includes(n))
    .map((n) => ({ n, d: levenshtein(norm, normalizeName(n)) }))
    .filter((x) => x.d <= maxDistance)
    .sort((x, y) => x.d - y.d || (x.n < y.n ? -1 : x.n > y.n ? 1 : 0))
    .map((x) => x.n);
  return { match, normalizedMatches, nearMisses };
}

export interface NameLookup {
  /** TF.js accepts the string as it is (activations: one of the 16 names). */
  readonly accepted: boolean;
  /** From ALIASES: the accepted string with the same meaning. */
  readonly alias: string | undefined;
  /** From FUNCTION_INSTEAD_OF_STRING: the function to pass instead. */
  readonly functionInstead: string | undefined;
  /** nearestName() against the accepted strings of the kind. */
  readonly suggestion: NameSuggestion;
}

const acceptedSets: { readonly [K in NameKind]: ReadonlySet<string> } = {
  loss: new Set(LOSS_STRINGS),
  metric: new Set(METRIC_STRINGS),
  activation: new Set(ACTIVATION_STRINGS),
  optimizer: new Set(OPTIMIZER_STRINGS),
};

/**
 * `lookupName(kind, candidate).accepted`, without the "did you mean" search
 * (a Levenshtein distance to every accepted name): rules check every name they see,
 * and only the rejected ones need suggestions.
 */
export function isAcceptedName(kind: NameKind, candidate: string): boolean {
  return acceptedSets[kind].has(candidate);
}

/** Everything known about a string used as a loss / metric / activation / optimizer. */
export function lookupName(kind: NameKind, candidate: string): NameLookup {
  const accepted = ACCEPTED[kind].includes(candidate);
  const aliases: Readonly<Record<string, string>> = ALIASES[kind];
  const functions: Readonly<Record<string, string>> = FUNCTION_INSTEAD_OF_STRING[kind];
  return {
    accepted,
    alias: Object.hasOwn(aliases, candidate) ? aliases[candidate] : undefined,
    functionInstead: Object.hasOwn(functions, candidate) ? functions[candidate] : undefined,
    suggestion: nearestName(candidate, ACCEPTED[kind]),
  };
}
