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
  /** Every `new X(...)` / `new a.X(...)` of a class named `Sequential` (`new tf.Sequential({layers})`). */
  readonly sequentials: TSESTree.NewExpression[];
}

export function emptyRecord(): Recorded {
  return { calls: [], exits: [], thisWrites: [], sequentials: [] };
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
      if (node.left.type === 'MemberExpression' && unwrap(node.left.object).type === 'ThisExpression') {
        rec.thisWrites.push(node);
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
    if (!this.writesByClass) {
      const map = new Map<Node, TSESTree.AssignmentExpression[]>();
      for (const w of this.recorded.thisWrites) {
        const owner = classBodyOf(w);
        if (!owner) continue;
        const list = map.get(owner);
        if (list) list.push(w);
        else map.set(owner, [w]);
      }
      this.writesByClass = map;
    }
    return this.writesByClass.get(body) ?? NONE;
  }
}
