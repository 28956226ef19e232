/**
 * Labels that are 0/1 class targets. A model with a regression loss trained on them
 * is a classifier, and a rounded-prediction accuracy means something there. Written
 * data (`tf.tensor2d([[0], [1]])`) is folded by the evaluator. Labels collected at
 * run time are read here, only when a rule is about to report:
 * - an array that is only ever pushed 0/1 values (`ys.push(hit ? 1 : 0)`);
 * - an array mapped to them (`rows.map((r) => (r.ok ? 1 : 0))`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, staticMemberName, unwrap } from './ast.js';
import { possibilities } from './guards.js';
import { isBinaryData, TENSOR_MAKERS } from './literal-data.js';
import { MUTATING_METHODS } from './object-writes.js';
import type { FunctionNode, Node, Value } from './values.js';

/** What the check needs from the file's evaluator. */
export interface ValueReader {
  evaluate(node: Node): Value;
  /** The `return` statements of a function (recorded in the file's one pass). */
  returnsOf(fn: FunctionNode): readonly TSESTree.ReturnStatement[];
  variableOf(id: TSESTree.Identifier): TSESLint.Scope.Variable | undefined;
}

function isEmpty(v: Value): boolean {
  return v.kind === 'array' && v.elements.length === 0;
}

/** Calls that read an array without changing it: tensor makers and logging. */
const READING_CALLS: ReadonlySet<string> = new Set([...TENSOR_MAKERS, 'log', 'info', 'table']);

/** Nesting of variables and callbacks followed before giving up. */
const MAX_DEPTH = 4;

/** Is the value of `node` 0/1 data on every path, read as collected at run time? */
export function isBinaryDataNode(node: Node, reader: ValueReader, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const n = unwrap(node);
  // Folded data: 0/1 numbers on every path (an empty array says nothing: it may be filled later).
  const options = possibilities(reader.evaluate(n));
  if (options.length > 0 && options.every((p) => isBinaryData(p.value) && !isEmpty(p.value))) return true;
  if (n.type === 'CallExpression') return isBinaryMap(n, reader, depth);
  if (n.type !== 'Identifier') return false;
  const variable = reader.variableOf(n);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.node.type !== 'VariableDeclarator' || !def.node.init) return false;
  const init = unwrap(def.node.init);
  // Made as 0/1 data (`[]`, `[1, 0]`, a `const` of a map to 0/1), then only ever read or pushed 0/1.
  const made =
    init.type === 'ArrayExpression'
      ? isBinaryData(reader.evaluate(init))
      : def.parent?.type === 'VariableDeclaration' &&
        def.parent.kind === 'const' &&
        isBinaryDataNode(init, reader, depth + 1);
  return made && variable.references.every((ref) => ref.init || isBinaryUse(ref.identifier, reader, depth));
}

/** A use of a 0/1 array that keeps it so: a push of 0/1 values, a read, a tensor maker or a log. */
function isBinaryUse(id: TSESTree.Identifier | TSESTree.JSXIdentifier, reader: ValueReader, depth: number): boolean {
  const p = id.parent;
  if (!p) return false;
  if (p.type === 'MemberExpression' && p.object === id) {
    const call = p.parent;
    const name = staticMemberName(p);
    if (call?.type === 'CallExpression' && call.callee === p) {
      if (name === 'push')
        return call.arguments.every((a) => a.type !== 'SpreadElement' && isBinaryDataNode(a, reader, depth + 1));
      return name !== undefined && !MUTATING_METHODS.has(name);
    }
    // A read (`ys.length`, `ys[i]`), not a write into the array.
    return !(call?.type === 'AssignmentExpression' && call.left === p) && call?.type !== 'UpdateExpression';
  }
  if (p.type === 'CallExpression' && p.arguments.includes(id as TSESTree.Identifier)) {
    const callee = p.callee;
    const name =
      callee.type === 'MemberExpression'
        ? staticMemberName(callee)
        : callee.type === 'Identifier'
          ? callee.name
          : undefined;
    return name !== undefined && READING_CALLS.has(name);
  }
  return false;
}

/** `xs.map((x) => (x.ok ? 1 : 0))`: every value the callback returns is 0/1 data. */
function isBinaryMap(call: TSESTree.CallExpression, reader: ValueReader, depth: number): boolean {
  if (call.callee.type !== 'MemberExpression' || staticMemberName(call.callee) !== 'map') return false;
  const fn = call.arguments[0];
  if (!fn || !isFunctionNode(fn)) return false;
  if (fn.body.type !== 'BlockStatement') return isBinaryDataNode(fn.body, reader, depth + 1);
  const returned = reader.returnsOf(fn);
  return returned.length > 0 && returned.every((r) => !!r.argument && isBinaryDataNode(r.argument, reader, depth + 1));
}
