/**
 * The few kinds of nodes the analysis looks for, gathered in one pass: during
 * ESLint's own traversal (`callRecorder` registers `record` for them) or, when the
 * traversal was not recorded (an imported module, a rule not made by `createRule`),
 * by one walk of the AST in the same order.
 *
 * Questions about a function or class body (its `return`s, its early exits, the
 * `this.x = ...` writes of a class) are answered from these lists, grouped once, so
 * no part of the file is walked twice.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calleeName, isFunctionNode, unwrap, walk } from './ast.js';
import { fileCache } from './file-caches.js';
import type { FunctionNode, Node } from './values.js';

export type ExitStatement = TSESTree.ReturnStatement | TSESTree.ThrowStatement;

export interface Recorded {
  /** Every call, in traversal order (pre-order). */
  readonly calls: TSESTree.CallExpression[];
  /** Every `return` and `throw`, in traversal order. */
  readonly exits: ExitStatement[];
  /** Every assignment to a member of `this` (`this.x = ...`, `this.x += ...`), in traversal order. */
  readonly thisWrites: TSESTree.AssignmentExpression[];
  /** Every assignment into a member of a member of `this` (`this.args.loss = ...`), in traversal order. */
  readonly thisMemberWrites: TSESTree.AssignmentExpression[];
  /** Every `new X(...)` / `new a.X(...)` of a class named `Sequential` (`new tf.Sequential({layers})`). */
  readonly sequentials: TSESTree.NewExpression[];
}

export function emptyRecord(): Recorded {
  return { calls: [], exits: [], thisWrites: [], thisMemberWrites: [], sequentials: [] };
}

/** The node types `record` wants to see. */
export const RECORDED_TYPES = [
  'CallExpression',
  'ReturnStatement',
  'ThrowStatement',
  'AssignmentExpression',
  'NewExpression',
] as const;

/** Add `node` to the record when it is one of the kinds looked for. */
export function record(rec: Recorded, node: Node): void {
  switch (node.type) {
    case 'CallExpression':
      rec.calls.push(node);
      break;
    case 'ReturnStatement':
    case 'ThrowStatement':
      rec.exits.push(node);
      break;
    case 'AssignmentExpression':
      if (node.left.type === 'MemberExpression') {
        const object = unwrap(node.left.object);
        if (object.type === 'ThisExpression') rec.thisWrites.push(node);
        else if (object.type === 'MemberExpression' && thisMemberOf(object)) rec.thisMemberWrites.push(node);
      }
      break;
    case 'NewExpression':
      if (calleeName(node) === 'Sequential') rec.sequentials.push(node);
      break;
    default:
      break;
  }
}

/** The record of a whole file (or of `root`), by one walk in ESLint's traversal order. */
export function scan(sourceCode: Readonly<TSESLint.SourceCode>, root: Node = sourceCode.ast): Recorded {
  const rec = emptyRecord();
  walk(sourceCode, root, (node) => {
    record(rec, node);
    return true;
  });
  return rec;
}

/**
 * The nearest enclosing function or class body of `node`: a `return` belongs to
 * the function, a `this.x =` to the class, found this way (a walk of a function's
 * body that stops at nested functions and classes sees exactly these).
 */
function boundaryOf(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (isFunctionNode(n) || n.type === 'ClassBody') return n;
  }
  return undefined;
}

/** The `this.x` a member chain starts from (`this.x` of `this.x.y.z`), if it starts from `this`. */
export function thisMemberOf(node: Node): TSESTree.MemberExpression | undefined {
  let n = unwrap(node);
  while (n.type === 'MemberExpression') {
    const object = unwrap(n.object);
    if (object.type === 'ThisExpression') return n;
    n = object;
  }
  return undefined;
}

/** The nearest enclosing class body of `node` (nested functions are looked through). */
function classBodyOf(node: Node): TSESTree.ClassBody | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'ClassBody') return n;
  return undefined;
}

const NONE: readonly never[] = [];

/** The index of every analysed file by its AST, for nodes of another file met during cross-file evaluation. */
const byRoot = fileCache<RecordedNodes>();

export class RecordedNodes {
  private exitsByFunction?: Map<Node, ExitStatement[]>;
  private writesByClass?: Map<Node, TSESTree.AssignmentExpression[]>;
  private memberWritesByClass?: Map<Node, TSESTree.AssignmentExpression[]>;
  private callsByClass?: Map<Node, TSESTree.CallExpression[]>;

  constructor(
    readonly recorded: Recorded,
    /** The AST the record is of. */
    readonly root: Node,
  ) {
    byRoot.set(root, this);
  }

  /**
   * The index of the file `node` is in: this one, or another file's. An evaluator
   * also evaluates nodes of other modules (the adds an importing file makes to a
   * module's model are evaluated by the module's evaluator); a file without an index
   * yet gets one by a walk (with `sourceCode`'s visitor keys: modules are parsed by
   * the linted file's parser).
   */
  indexOf(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): RecordedNodes {
    let n: Node = node;
    while (n.parent) n = n.parent;
    if (n === this.root) return this;
    return byRoot.get(n) ?? new RecordedNodes(scan(sourceCode, n), n);
  }

  get calls(): readonly TSESTree.CallExpression[] {
    return this.recorded.calls;
  }

  get sequentials(): readonly TSESTree.NewExpression[] {
    return this.recorded.sequentials;
  }

  /**
   * The `return` and `throw` statements of `fn` itself (not of functions or classes
   * nested in it), in source order; none for a function with an expression body.
   */
  exitsOf(fn: FunctionNode): readonly ExitStatement[] {
    if (fn.body.type !== 'BlockStatement') return NONE;
    if (!this.exitsByFunction) {
      const map = new Map<Node, ExitStatement[]>();
      for (const exit of this.recorded.exits) {
        const owner = boundaryOf(exit);
        if (!owner || !isFunctionNode(owner)) continue;
        const list = map.get(owner);
        if (list) list.push(exit);
        else map.set(owner, [exit]);
      }
      this.exitsByFunction = map;
    }
    return this.exitsByFunction.get(fn) ?? NONE;
  }

  /** The `this.x = ...` assignments written in `body` (also inside nested functions, not nested classes). */
  thisWritesOf(body: TSESTree.ClassBody): readonly TSESTree.AssignmentExpression[] {
    this.writesByClass ??= byClass(this.recorded.thisWrites);
    return this.writesByClass.get(body) ?? NONE;
  }

  /** The `this.x.k = ...` assignments written in `body`, as `thisWritesOf`. */
  thisMemberWritesOf(body: TSESTree.ClassBody): readonly TSESTree.AssignmentExpression[] {
    this.memberWritesByClass ??= byClass(this.recorded.thisMemberWrites);
    return this.memberWritesByClass.get(body) ?? NONE;
  }

  /** The calls written in `body` that read a member of `this` (`f(this.args)`, `this.args.metrics.push(m)`). */
  thisCallsOf(body: TSESTree.ClassBody): readonly TSESTree.CallExpression[] {
    this.callsByClass ??= byClass(
      this.recorded.calls.filter(
        (c) =>
          (c.callee.type === 'MemberExpression' && thisMemberOf(c.callee.object)) ||
          c.arguments.some((a) => unwrap(a).type === 'MemberExpression' && thisMemberOf(a)),
      ),
    );
    return this.callsByClass.get(body) ?? NONE;
  }
}

/** Nodes grouped by the class body they are written in. */
function byClass<T extends Node>(nodes: readonly T[]): Map<Node, T[]> {
  const map = new Map<Node, T[]>();
  for (const n of nodes) {
    const owner = classBodyOf(n);
    if (!owner) continue;
    const list = map.get(owner);
    if (list) list.push(n);
    else map.set(owner, [n]);
  }
  return map;
}
