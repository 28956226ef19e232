/**
 * Where a value goes: whether every reader of an expression's value is an argument
 * of calls of one kind (a softmax read only by logits losses may be dropped; one a
 * probability loss or an exported function also reads may not).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isExportedDeclaration } from './ast.js';
import type { Node } from './values.js';

/** What the walk needs from the file's evaluator. */
export interface ArgumentReader {
  variableOf(id: TSESTree.Identifier): TSESLint.Scope.Variable | undefined;
}

/**
 * Does the value of `node` reach only call arguments that `accepts` takes? Followed
 * through the arms of a `?:`, a `const` that holds it, and a function that returns
 * it (a `const toProbs = (z) => tf.softmax(z)`) to each of its calls; anything else
 * (another reader, an export, an unknown use) is a reader `accepts` never saw.
 */
export function readOnlyAsArgument(
  reader: ArgumentReader,
  node: Node,
  accepts: (call: TSESTree.CallExpression, argument: Node) => boolean,
  depth = 0,
): boolean {
  if (depth > 3) return false;
  let n = node;
  let p = n.parent;
  while (
    p &&
    ((p.type === 'ConditionalExpression' && p.test !== n) ||
      (p.type === 'LogicalExpression' && p.right === n) ||
      p.type === 'TSAsExpression' ||
      p.type === 'TSNonNullExpression')
  ) {
    n = p;
    p = n.parent;
  }
  if (!p) return false;
  if (p.type === 'CallExpression') return accepts(p, n);
  if (p.type === 'VariableDeclarator' && p.init === n) return constReadOnlyAsArgument(reader, p, accepts, depth);
  const fn =
    p.type === 'ReturnStatement'
      ? enclosingFunction(p)
      : p.type === 'ArrowFunctionExpression' && p.body === n
        ? p
        : undefined;
  if (!fn) return false;
  const holder =
    fn.type === 'FunctionDeclaration'
      ? fn
      : fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn
        ? fn.parent
        : undefined;
  const id = holder?.id;
  const variable =
    id?.type === 'Identifier' && holder && !isExportedDeclaration(holder) ? reader.variableOf(id) : undefined;
  return (
    !!variable &&
    variable.references.length > 0 &&
    variable.references.every((r) => {
      if (r.init) return true;
      const call = r.identifier.parent;
      return (
        call?.type === 'CallExpression' &&
        call.callee === r.identifier &&
        readOnlyAsArgument(reader, call, accepts, depth + 1)
      );
    })
  );
}

/** Every read of a `const` holding the value reaches only accepted arguments. */
function constReadOnlyAsArgument(
  reader: ArgumentReader,
  decl: TSESTree.VariableDeclarator,
  accepts: (call: TSESTree.CallExpression, argument: Node) => boolean,
  depth: number,
): boolean {
  if (decl.id.type !== 'Identifier' || decl.parent?.type !== 'VariableDeclaration' || decl.parent.kind !== 'const')
    return false;
  if (isExportedDeclaration(decl)) return false;
  const variable = reader.variableOf(decl.id);
  return (
    !!variable &&
    variable.references.every((r) => r.init || readOnlyAsArgument(reader, r.identifier, accepts, depth + 1))
  );
}
