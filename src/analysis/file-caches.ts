/**
 * Caches keyed by a file's AST. They are made here so that one call forgets a file
 * everywhere: the AST of a linted file is kept as a module another file may import
 * (modules/cache.ts), and must not keep its analysis and ESLint's `SourceCode` alive.
 */
import type { TSESTree } from '@typescript-eslint/utils';

const caches: WeakMap<TSESTree.Node, unknown>[] = [];

/** A new cache keyed by a file's AST root, emptied of a file by `releaseAnalysis`. */
export function fileCache<T>(): WeakMap<TSESTree.Node, T> {
  const cache = new WeakMap<TSESTree.Node, T>();
  caches.push(cache);
  return cache;
}

/** Forget everything the analysis holds for a file whose lint is over. */
export function releaseAnalysis(program: TSESTree.Program): void {
  for (const cache of caches) cache.delete(program);
}
