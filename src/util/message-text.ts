/**
 * Pieces of report messages: where the other half of a pairing is (` (line 12)`,
 * with the branch that chooses it), a branch as an aside, and lists of distinct
 * values (`` `a` or `b` ``).
 */
import type { FileAnalysis } from '../analysis/index.js';
import type { Node } from '../analysis/values.js';
import { linesOf } from './fixes.js';

/** The distinct items, first seen first (for "a or b" in a message). */
export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * ` (line 12)` naming where `nodes` are, for a message reported at `at`; empty when
 * they are all on the line of `at` (the squiggle already shows it). `branch`: the
 * branch that chooses them (`branchFor`), added as ` (line 12, when …)`.
 */
export function elsewhere(analysis: FileAnalysis, at: Node, nodes: readonly Node[], branch?: string): string {
  const parts = placeParts(analysis, at, nodes, branch);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** What `elsewhere` puts in its parentheses, for a message that has its own. */
export function placeParts(analysis: FileAnalysis, at: Node, nodes: readonly Node[], branch?: string): string[] {
  const here = nodes.every((n) => n.loc.start.line === at.loc.start.line && analysis.isLocal(n));
  return [...(here ? [] : [linesOf(nodes, analysis)]), ...(branch ? [branch] : [])];
}

/** ` (when …)`: a branch text as an aside in a message, or nothing. */
export function parenthesized(text: string | undefined): string {
  return text ? ` (${text})` : '';
}
