/**
 * Writes into a config object after it is made: `args.loss = tf.losses.x` on a
 * `const args = {...}`, `this.compileArgs.loss = ...` in a class. The evaluator finds
 * the uses of the object (a variable's references, `this.x` in a class) and asks
 * `writeThrough` what each one may write; `applyWrites` then gives the object a read
 * sees. A write the analysis cannot read (a computed key, the object handed to code
 * it does not follow) makes the properties it may change unknown, never a wrong
 * known value.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, staticMemberName, walk } from './ast.js';
import { anyOf, choice, freshKey } from './guards.js';
import { UNKNOWN, type Node, type ObjectValue, type Value } from './values.js';

/** One write into an object. */
export interface MemberWrite {
  /** The expression that writes: the assignment, or the call or alias the object escapes through. */
  readonly at: Node;
  /** The key written; undefined when any key may change. */
  readonly key: string | undefined;
  /** The value written by a plain `=` to the key; undefined when unknown. */
  readonly value: Node | undefined;
}

/**
 * When a write runs for a read: surely before it (`before`), before it but only on
 * some path (`conditional`), at a time the code does not fix (`timing`, see
 * TIMING_GUARD), or not before it (`after`).
 */
export type WriteOrder = 'before' | 'conditional' | 'timing' | 'after';

/** Array methods that change an array in place. */
export const MUTATING_METHODS = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
]);

/**
 * What the use `node` of an object (a reference `cfg`, or `this.cfg`) may write into
 * it, or undefined when it only reads it. `isSafeCall` says whether a call the object
 * is passed to leaves it unchanged (a TF.js call, `console.log` ...).
 */
export function writeThrough(
  node: Node,
  isSafeCall: (call: TSESTree.CallExpression | TSESTree.NewExpression, arg: Node) => boolean,
): MemberWrite | undefined {
  const use = valueUse(node);
  const p = use.parent;
  if (!p) return undefined;
  if (p.type === 'MemberExpression' && p.object === use) {
    const key = staticMemberName(p);
    // `cfg.k = v`, or a write deeper in it (`cfg.metrics.push('auc')`, `cfg.k.x = 1`): key `k`.
    let top: Node = p;
    while (top.parent?.type === 'MemberExpression' && top.parent.object === top) top = top.parent;
    const nested = top !== p;
    const tp = top.parent;
    if (!tp) return undefined;
    if (tp.type === 'AssignmentExpression' && tp.left === top) {
      return { at: tp, key, value: !nested && tp.operator === '=' ? tp.right : undefined };
    }
    if (tp.type === 'UpdateExpression' || (tp.type === 'UnaryExpression' && tp.operator === 'delete')) {
      return { at: tp, key, value: undefined };
    }
    if (tp.type === 'CallExpression' && tp.callee === top) {
      const method = staticMemberName(top as TSESTree.MemberExpression);
      if (method !== undefined && !MUTATING_METHODS.has(method)) return undefined;
      // `cfg.push(x)` may change any key of the object; `cfg.k.push(x)` only `k`.
      return { at: tp, key: nested ? key : undefined, value: undefined };
    }
    // `f(cfg.metrics)`: the property's own object may be changed by `f`.
    const escape = escapeOf(valueUse(top), isSafeCall);
    return escape ? { at: escape, key, value: undefined } : undefined;
  }
  const escape = escapeOf(use, isSafeCall);
  return escape ? { at: escape, key: undefined, value: undefined } : undefined;
}

/** The outermost expression whose value is `node`'s object (`a ?? b`, `x as T` ...). */
function valueUse(node: Node): Node {
  let n = node;
  for (let p = n.parent; p; p = n.parent) {
    if (
      (p.type === 'ConditionalExpression' && p.test !== n) ||
      p.type === 'LogicalExpression' ||
      (p.type === 'SequenceExpression' && p.expressions.at(-1) === n) ||
      p.type === 'ChainExpression' ||
      p.type === 'TSAsExpression' ||
      p.type === 'TSSatisfiesExpression' ||
      p.type === 'TSNonNullExpression' ||
      p.type === 'TSTypeAssertion'
    ) {
      n = p;
      continue;
    }
    break;
  }
  return n;
}

/**
 * The node through which code the analysis does not follow may get hold of the
 * object `use` (and so write into it): a call it is passed to, an alias, a return;
 * undefined for a use that only reads it.
 */
function escapeOf(
  use: Node,
  isSafeCall: (call: TSESTree.CallExpression | TSESTree.NewExpression, arg: Node) => boolean,
): Node | undefined {
  const p = use.parent;
  if (!p) return undefined;
  switch (p.type) {
    case 'CallExpression':
    case 'NewExpression':
      if (p.callee === use) return undefined;
      return isSafeCall(p, use) ? undefined : p;
    case 'SpreadElement':
      // `{...cfg}` and `[...arr]` copy; `f(...cfg)` passes what it holds.
      return p.parent?.type === 'ObjectExpression' || p.parent?.type === 'ArrayExpression' ? undefined : p;
    case 'MemberExpression':
    case 'BinaryExpression':
    case 'UnaryExpression':
    case 'IfStatement':
    case 'SwitchStatement':
    case 'SwitchCase':
    case 'ConditionalExpression':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'TemplateLiteral':
    case 'ExpressionStatement':
    case 'ExportSpecifier':
    case 'ExportDefaultDeclaration':
    case 'TSTypeQuery':
    case 'TSQualifiedName':
      return undefined;
    default:
      // An alias (`const a = cfg`), a property of another object, a return ...
      return p;
  }
}

/**
 * The object a read sees: `value` with `writes` applied, each in the order
 * `orderOf` gives it. Writes surely before the read replace the key in source order;
 * a write on some paths only makes the key a choice (as a conditional variable write
 * does); writes of unknown order make it any of the values (`anyOf(..., true)`: rules
 * judge it on every path only).
 */
export function applyWrites(
  value: ObjectValue,
  writes: readonly MemberWrite[],
  orderOf: (w: MemberWrite) => WriteOrder,
  evaluate: (n: Node) => Value,
): ObjectValue {
  let props = value.props;
  let complete = value.complete;
  let copied = false;
  const own = () => {
    if (!copied) {
      props = props.copy();
      copied = true;
    }
    return props;
  };
  const current = (key: string): Value => {
    const e = props.get(key);
    if (e) return e.overridable ? UNKNOWN : e.value;
    return complete ? { kind: 'const', value: undefined } : UNKNOWN;
  };
  const later = new Map<string, Value[]>();
  let laterUnknown = false;
  for (const w of writes) {
    const order = orderOf(w);
    if (order === 'after') continue;
    if (w.key === undefined) {
      if (order === 'timing') laterUnknown = true;
      else {
        own().markOverridable();
        complete = false;
      }
      continue;
    }
    const v = w.value ? evaluate(w.value) : UNKNOWN;
    if (order === 'timing') {
      const list = later.get(w.key);
      if (list) list.push(v);
      else later.set(w.key, [v]);
      continue;
    }
    const next = order === 'before' ? v : choice(freshKey(), v, current(w.key));
    own().set(w.key, { value: next, overridable: false });
  }
  for (const [key, values] of later) {
    // The value before these writes is a value on some path, never a name written for
    // this read (a placeholder they replace): it loses its literal, as for variables.
    const before = current(key);
    const old: Value = before.kind === 'const' && before.origin ? { kind: 'const', value: before.value } : before;
    own().set(key, { value: anyOf([old, ...values], true), overridable: false });
  }
  if (laterUnknown) {
    own().markOverridable();
    complete = false;
  }
  if (!copied && complete === value.complete) return value;
  return { kind: 'object', props, complete, node: value.node };
}

const CALLERS: ReadonlySet<string> = new Set(['call', 'apply', 'bind']);

/**
 * What in `root` (a constructor's body, a field's initial value) before offset `to` may run a method of the instance
 * being built (`runs`): a `this.m()` call from offset `from` on (in an arrow function
 * too, which keeps `this`), or `this` handed on anywhere before (`register(this)`,
 * `const self = this`), after which any call may reach it; and the `super(...)` calls
 * from `from` on, which run the superclass's constructor (the caller judges them).
 */
export function methodRunsBefore(
  sc: Readonly<TSESLint.SourceCode>,
  root: Node,
  from: number,
  to: number,
): { runs: boolean; supers: TSESTree.CallExpression[] } {
  let runs = false;
  const supers: TSESTree.CallExpression[] = [];
  walk(sc, root, (node) => {
    if (runs || node.range[0] >= to) return false;
    // A nested `function` has a `this` of its own; it runs with ours only through `this` handed on (`.bind(this)`).
    if (isFunctionNode(node) && node.type !== 'ArrowFunctionExpression') return false;
    if (node.type === 'CallExpression' && node.callee.type === 'Super' && node.range[0] >= from) supers.push(node);
    if (node.type === 'ThisExpression') {
      const p = node.parent;
      if (p?.type !== 'MemberExpression' || p.object !== node) runs = true;
      else if (node.range[0] >= from) {
        let up: Node = p;
        while (up.parent?.type === 'ChainExpression' || up.parent?.type === 'TSNonNullExpression') up = up.parent;
        const q = up.parent;
        // `this.m()`, `this.m?.()`, `this.m.call(...)`.
        runs =
          (q?.type === 'CallExpression' && q.callee === up) ||
          (q?.type === 'MemberExpression' && q.object === up && CALLERS.has(staticMemberName(q) ?? ''));
      }
    }
    return !runs;
  });
  return { runs, supers };
}
