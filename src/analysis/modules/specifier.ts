/**
 * Which module specifiers cross-file analysis follows, and to which file: relative
 * ones (`./model`), and the project's path aliases (`@/models/net`, aliases.ts).
 * A package name no alias maps is never resolved (nothing in node_modules is read).
 */
import { isRelativeSpecifier } from '../ast.js';
import { aliasesFor, aliasTargets } from './aliases.js';
import { type Lookups, resolveFile } from './resolve.js';

/** The project file `source`, imported by a module of `dir`, names (undefined: none, or not one of the project's). */
export function resolveSpecifier(dir: string, source: string, root: string, seen: Lookups): string | undefined {
  const relative: boolean = isRelativeSpecifier(source);
  if (relative) return resolveFile(dir, source, root, seen);
  // Absolute paths, URLs and `node:` built-ins are no alias.
  if (!source || source.startsWith('/') || source.includes(':') || source.startsWith('.')) return undefined;
  const aliases = aliasesFor(dir, root, seen);
  if (!aliases) return undefined;
  for (const [base, target] of aliasTargets(aliases, source)) {
    const file = resolveFile(base, target, root, seen);
    if (file) return file;
  }
  return undefined;
}

/** The non-relative specifiers each resolver follows (`markFollowed`), for the syntactic gates of sites.ts. */
const followers = new WeakMap<object, (source: string) => boolean>();

export function markFollowed(resolver: object, follows: (source: string) => boolean): void {
  followers.set(resolver, follows);
}

/**
 * Does `resolver` follow `source` into a file of the project: a relative specifier
 * (without a look at the file system), or an alias that maps to a file.
 */
export function isFollowed(resolver: object | undefined, source: unknown): source is string {
  if (!resolver || typeof source !== 'string') return false;
  return isRelativeSpecifier(source) || !!followers.get(resolver)?.(source);
}
