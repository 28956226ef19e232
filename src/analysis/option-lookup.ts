/** "Did you mean" for an option key TF.js does not read (the key lists are in knowledge/options.ts). */
import { levenshtein, normalizeName } from './name-lookup.js';

/**
 * The key meant by an unknown `key`, when exactly one is a likely match: one that
 * differs only in case, `_` or `-` (`batchsize`, `validation_split`), else the only
 * key closest to it within 1 edit (2 for keys of 6 characters or more: `epoch`,
 * `kernelInitialiser`), compared without case and separators.
 */
export function meantKey(key: string, keys: ReadonlySet<string>): string | undefined {
  const norm = normalizeName(key);
  const same = [...keys].filter((k) => normalizeName(k) === norm);
  if (same.length === 1) return same[0];
  if (same.length > 1) return undefined;
  const max = norm.length >= 6 ? 2 : 1;
  let best: string[] = [];
  let bestDistance = max + 1;
  for (const k of keys) {
    const d = levenshtein(norm, normalizeName(k));
    if (d < bestDistance) {
      best = [k];
      bestDistance = d;
    } else if (d === bestDistance) {
      best.push(k);
    }
  }
  return best.length === 1 ? best[0] : undefined;
}
