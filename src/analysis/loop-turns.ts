/**
 * Layers added in a loop over a known array:
 *
 *     const stack = [{units: 16, activation: 'relu'}, {units: 4, activation: 'softmax'}];
 *     stack.forEach((opts) => net.add(tf.layers.dense(opts)));   // or: for (const opts of stack) ...
 *
 * A loop over a complete, non-empty array that nothing changes runs its body once per
 * element; when the body always reaches its adds (each a statement of the body, no
 * `break`, `continue`, `return` or `throw`), every turn adds, and the model's last
 * layers are the last turn's: the loop variables bound to the last element. Anything
 * else (an array parameter, one pushed to, a condition around the add) is no turn:
 * the add may run any number of times, as before.
 *
 * A counting loop with constant bounds is the same: `for (let i = 0; i < 3; i++)`
 * makes 3 turns, the last with `i` = 2 (`i === n - 1 ? lastConfig : hidden` folds).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calleeName, contains, isFunctionNode, staticMemberName, unwrap, walk } from './ast.js';
import type { Evaluator } from './evaluator.js';
import type { Env, LayerFact, Node, Value } from './values.js';

type Variable = TSESLint.Scope.Variable;

/** A loop whose last turn is known: what `LoopTurn` is made of, less the guard key (sites.ts owns keys). */
export interface LastTurn {
  /** The `for…of` or counting `for` statement, or the `arr.forEach(fn)` call. */
  readonly loop: Node;
  /** What the body's conditions are relative to: the `for` statement, or the callback. */
  readonly scope: Node;
  readonly env: Env;
  readonly count: number;
}

/** Array methods that call their callback once per element, in order, to the end. */
const EVERY_ELEMENT = new Set(['forEach', 'map']);

/**
 * The last turn of the loop `add` (a `model.add(...)` call) is a statement of, when
 * it runs on every turn of a loop over a known array; otherwise undefined.
 */
export function lastTurn(ev: Evaluator, add: TSESTree.CallExpression): LastTurn | undefined {
  const place = bodyOf(add);
  if (!place) return undefined;
  const { owner, body } = place;
  if (owner.type === 'ForStatement') return countingTurn(ev, owner, body);
  let loop: Node;
  let arrayNode: Node;
  let params: (Node | undefined)[];
  if (owner.type === 'ForOfStatement') {
    const left = owner.left;
    if (owner.await || left.type !== 'VariableDeclaration' || left.declarations.length !== 1) return undefined;
    loop = owner;
    arrayNode = owner.right;
    params = [left.declarations[0]!.id];
  } else {
    // `arr.forEach(fn)`, or `arr.map(fn)` whose result is dropped: `fn` runs once per element.
    const call = owner.parent;
    if (owner.async || owner.generator || call?.type !== 'CallExpression' || call.arguments[0] !== owner)
      return undefined;
    const callee = unwrap(call.callee);
    const method = calleeName(call);
    if (callee.type !== 'MemberExpression' || callee.optional || !method || !EVERY_ELEMENT.has(method))
      return undefined;
    if (method === 'map' && call.parent?.type !== 'ExpressionStatement') return undefined;
    loop = call;
    arrayNode = callee.object;
    params = owner.params;
  }
  if (!alwaysReachesAdds(ev.sourceCode, body)) return undefined;
  const array = ev.evaluate(arrayNode);
  if (array.kind !== 'array' || !array.complete || array.elements.length === 0) return undefined;
  if (array.elements.some((e) => e === undefined)) return undefined;
  // The array's objects are read as made: no code may write into them (`stack[1].units = 2`, `shuffle(stack)`).
  const held = unwrap(arrayNode);
  if (held.type === 'Identifier') {
    const variable = ev.variableOf(held);
    if (!variable || ev.objectWritesOf(variable).length > 0) return undefined;
  }
  const count = array.elements.length;
  const values: Value[] = [array.elements[count - 1]!, { kind: 'const', value: count - 1 }, array];
  const bindings = new Map<Variable, Value>();
  for (let i = 0; i < params.length && i < values.length; i++) {
    const id = params[i];
    if (!id) continue;
    // A pattern (`({units}) => ...`) or a default is not bound: its names stay unknown.
    if (id.type !== 'Identifier') continue;
    const variable = ev.variableOf(id);
    if (!variable || !readOnly(ev, variable, id, values[i]!)) return undefined;
    bindings.set(variable, values[i]!);
  }
  if (bindings.size === 0) return undefined;
  const env: Env = { bindings, depth: 0, turnLayers: new Map<Node, LayerFact>() };
  return { loop, scope: owner, env, count };
}

/**
 * The last turn of `for (let i = A; i < B; i++)` (or `<=`, `++i`, `i += 1`) with
 * constant integer bounds that makes at least one turn, `i` written nowhere else.
 */
function countingTurn(ev: Evaluator, loop: TSESTree.ForStatement, body: Node): LastTurn | undefined {
  const init = loop.init;
  if (init?.type !== 'VariableDeclaration' || init.kind !== 'let' || init.declarations.length !== 1) return undefined;
  const id = init.declarations[0]!.id;
  const start = init.declarations[0]!.init;
  const test = loop.test && unwrap(loop.test);
  if (id.type !== 'Identifier' || !start || test?.type !== 'BinaryExpression') return undefined;
  if ((test.operator !== '<' && test.operator !== '<=') || !isName(test.left, id)) return undefined;
  if (!loop.update || !isIncrement(loop.update, id)) return undefined;
  const from = integer(ev.evaluate(start));
  const bound = integer(ev.evaluate(test.right));
  if (from === undefined || bound === undefined) return undefined;
  const last = test.operator === '<' ? bound - 1 : bound;
  if (last < from || !alwaysReachesAdds(ev.sourceCode, body)) return undefined;
  const variable = ev.variableOf(id);
  // `i` changes only where the loop counts (no `i += 2` in the body).
  const counting = (r: TSESLint.Scope.Reference) => r.identifier === id || contains(loop.update!, r.identifier);
  if (!variable || variable.references.some((r) => r.isWrite() && !counting(r))) return undefined;
  const bindings = new Map<Variable, Value>([[variable, { kind: 'const', value: last }]]);
  return { loop, scope: loop, env: { bindings, depth: 0, turnLayers: new Map() }, count: last - from + 1 };
}

function isName(n: Node, id: TSESTree.Identifier): boolean {
  const e = unwrap(n);
  return e.type === 'Identifier' && e.name === id.name;
}

/** `i++`, `++i`, `i += 1`, `i = i + 1`. */
function isIncrement(n: Node, id: TSESTree.Identifier): boolean {
  const e = unwrap(n);
  const one = (x: Node) => {
    const v = unwrap(x);
    return v.type === 'Literal' && v.value === 1;
  };
  if (e.type === 'UpdateExpression') return e.operator === '++' && isName(e.argument, id);
  if (e.type !== 'AssignmentExpression' || !isName(e.left, id)) return false;
  if (e.operator === '+=') return one(e.right);
  const r = unwrap(e.right);
  return (
    e.operator === '=' && r.type === 'BinaryExpression' && r.operator === '+' && isName(r.left, id) && one(r.right)
  );
}

function integer(v: Value): number | undefined {
  return v.kind === 'const' && typeof v.value === 'number' && Number.isInteger(v.value) ? v.value : undefined;
}

/** The loop or callback whose body `add` is a statement of, and that body. */
function bodyOf(
  add: TSESTree.CallExpression,
): { owner: TSESTree.ForOfStatement | TSESTree.ForStatement | FunctionLike; body: Node } | undefined {
  const p = add.parent;
  if (p?.type === 'ArrowFunctionExpression' && p.body === add) return { owner: p, body: add };
  if (p?.type !== 'ExpressionStatement') return undefined;
  const container = p.parent;
  if ((container?.type === 'ForOfStatement' || container?.type === 'ForStatement') && container.body === p)
    return { owner: container, body: p };
  if (container?.type !== 'BlockStatement') return undefined;
  const owner = container.parent;
  if ((owner?.type === 'ForOfStatement' || owner?.type === 'ForStatement') && owner.body === container)
    return { owner, body: container };
  if ((owner?.type === 'ArrowFunctionExpression' || owner?.type === 'FunctionExpression') && owner.body === container)
    return { owner, body: container };
  return undefined;
}

type FunctionLike = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/**
 * Does every turn of the body reach its adds? No `break`, `continue`, `return` or
 * `throw` anywhere in it (outside nested functions), and every `x.add(...)` in it a
 * statement of the body itself (not under a condition, in an inner loop or a callback).
 */
function alwaysReachesAdds(sourceCode: Readonly<TSESLint.SourceCode>, body: Node): boolean {
  let ok = true;
  walk(sourceCode, body, (n) => {
    if (!ok) return false;
    switch (n.type) {
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'ReturnStatement':
      case 'ThrowStatement':
        ok = false;
        return false;
      case 'CallExpression': {
        const callee = unwrap(n.callee);
        if (callee.type === 'MemberExpression' && staticMemberName(callee) === 'add' && n.arguments.length === 1) {
          const direct =
            n === body || (n.parent?.type === 'ExpressionStatement' && (n.parent === body || n.parent.parent === body));
          if (!direct) ok = false;
        }
        return ok;
      }
      default:
        // An add in a nested function is not a statement of the body; other exits there are the function's own.
        if (isFunctionNode(n)) {
          let adds = false;
          walk(sourceCode, n, (m) => {
            if (adds) return false;
            if (m.type === 'CallExpression') {
              const c = unwrap(m.callee);
              if (c.type === 'MemberExpression' && staticMemberName(c) === 'add') adds = true;
            }
            return !adds;
          });
          if (adds) ok = false;
          return false;
        }
        return true;
    }
  });
  return ok;
}

/**
 * Is the loop variable written only where the loop binds it, and (when it holds an
 * object or array) nothing written into what it holds?
 */
function readOnly(ev: Evaluator, variable: Variable, id: TSESTree.Identifier, value: Value): boolean {
  if (variable.defs.length !== 1) return false;
  if (variable.references.some((r) => r.isWrite() && r.identifier !== id)) return false;
  if (value.kind === 'const') return true;
  return ev.objectWritesOf(variable).length === 0;
}
