/**
 * The evaluator, whose one job is following values: what an expression is, worked
 * out backwards and on demand. `evaluate(node)` resolves identifiers through
 * ESLint's scope manager to their definitions, folds constants, follows variable
 * writes, function returns, call sites, class members and imports; what a TF.js
 * call gives is tf-api.ts's answer. Results without a call context are cached per
 * node, so every expression is evaluated at most once per file; recursion is
 * bounded, so deep or cyclic code yields `unknown`, never a crash.
 *
 * It never reports and never guesses: anything it cannot prove is `unknown`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Variable = TSESLint.Scope.Variable;
type Reference = TSESLint.Scope.Reference;
import { layerInfo } from '../knowledge/layers.js';
import {
  calleeName,
  contains,
  enclosingFunction,
  isFunctionNode,
  isLoop,
  isRelativeSpecifier,
  partitionPoint,
  propertyKey,
  resolveName,
  staticMemberName,
  unwrap,
  walk,
} from './ast.js';
import { thisMemberOf, type RecordedNodes } from './recorded-nodes.js';
import { anyOf, choice, freshKey, possibilities, type Guard } from './guards.js';
import type { TfjsSettings } from './settings.js';
import {
  applyWrites,
  methodRunsBefore,
  MUTATING_METHODS,
  writeThrough,
  type MemberWrite,
  type WriteOrder,
} from './object-writes.js';
import { moduleNameOf } from './url-imports.js';
import { childPath, isTensorType, TF_ROOT, tfCall, tfConstructor, tfMethod, type TfApiHost } from './tf-api.js';
import {
  UNKNOWN,
  type ArrayValue,
  type Env,
  type FunctionNode,
  type FunctionValue,
  type LayerFact,
  type ModelFact,
  type Node,
  type ObjectValue,
  type Primitive,
  type PromiseValue,
  PropertyTable,
  isNullish,
  type Value,
} from './values.js';

/** A write of a variable: its right-hand side (null for `let x;`), where, and in which function. */
interface FlowWrite {
  readonly node: Node | null;
  readonly at: TSESTree.Identifier;
  readonly fn: Node | undefined;
}

export type { Env } from './values.js';

/** Resolves `import`/`require` of a module that is not TF.js (cross-file analysis hooks in here). */
export type ModuleResolver = (
  source: string,
  /** `*` for a namespace (what `require` returns too), `default`, or the imported name. */
  imported: string,
  from: Node,
) => Value;

/**
 * What calling (or `new`) a value calls: a module's namespace (`const createModel =
 * require('./model')`) stands for the value its `module.exports` was assigned, if any.
 */
export function called(value: Value): Value {
  return value.kind === 'module' && value.whole ? value.whole() : value;
}

/** Each reference of the file that its scope manager resolved, by its identifier. */
function referenceTable(sourceCode: Readonly<TSESLint.SourceCode>): Map<TSESTree.Identifier, Variable> {
  const table = new Map<TSESTree.Identifier, Variable>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const ref of scope.references)
      if (ref.resolved) table.set(ref.identifier as TSESTree.Identifier, ref.resolved);
  }
  return table;
}

/** Marks, in the cache, a node whose evaluation (without bindings) is under way. */
const IN_PROGRESS: Value = { kind: 'unknown' };

/** `import('@tensorflow/tfjs')` (one value: `.then` callbacks compare with it). */
const TF_MODULE_PROMISE: PromiseValue = Object.freeze({
  kind: 'promise',
  resolved: Object.freeze({ kind: 'tf', path: TF_ROOT }),
});

/** What `await v` gives: a promise's resolved value (per path), anything else itself. */
function awaited(v: Value): Value {
  if (v.kind === 'promise') return v.resolved;
  if (v.kind === 'choice' && v.options.some((o) => o.value.kind === 'promise')) {
    return { kind: 'choice', options: v.options.map((o) => ({ guard: o.guard, value: awaited(o.value) })) };
  }
  return v;
}

/** Most nested evaluations before giving up (keeps the JS stack safe). */
const MAX_DEPTH = 300;
/** Most conditional writes of one variable folded into a choice before giving up. */
const MAX_CONDITIONAL_WRITES = 16;
/** Most nested user-function calls followed with bound arguments. */
const MAX_CALL_DEPTH = 4;

export class Evaluator implements TfApiHost {
  private readonly cache = new Map<Node, Value>();
  /** Nodes being evaluated with bindings (those without are marked IN_PROGRESS in `cache`). */
  private readonly active = new Set<Node>();
  private readonly modelFacts = new Map<Node, ModelFact>();
  private readonly layerFacts = new Map<Node, LayerFact>();
  private readonly returnCache = new Map<FunctionNode, TSESTree.ReturnStatement[]>();
  private readonly classWrites = new Map<TSESTree.ClassBody, Map<string, Node[]>>();
  private readonly callSiteCache = new Map<FunctionNode, TSESTree.CallExpression[] | null>();
  private readonly condKeyCache = new Map<Node, Guard>();
  private readonly importCache = new Map<Variable, Value>();
  private nextModelId = 0;
  /** Distinguishes this file's condition keys from another file's with the same text. */
  readonly id = nextEvaluatorId++;

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly settings: TfjsSettings,
    /** The file's calls, exits and `this` writes (see recorded-nodes.ts). */
    readonly nodes: RecordedNodes,
    private readonly resolveModule?: ModuleResolver,
    /** A global the file reads but does not declare, from the other scripts of its HTML page (html-page.ts). */
    private readonly resolveGlobal?: (id: TSESTree.Identifier) => Value | undefined,
  ) {}

  /** Every model created in this file, in order of first evaluation. */
  get models(): readonly ModelFact[] {
    return [...this.modelFacts.values()];
  }

  /** Every `tf.layers.*` call evaluated so far. */
  get layers(): readonly LayerFact[] {
    return [...this.layerFacts.values()];
  }

  evaluate(node: Node, env?: Env): Value {
    const n = unwrap(node);
    // Literals (a quarter of all evaluations) cannot recurse: no cache, no cycle bookkeeping.
    if (n.type === 'Literal' && nesting.depth <= MAX_DEPTH) return literal(n);
    // The depth is shared by every evaluator: cross-file evaluation nests evaluators.
    if (!env) {
      // Without bindings the cache doubles as the cycle check: a node being
      // evaluated holds IN_PROGRESS (one map write instead of a set insert and delete).
      const hit = this.cache.get(n);
      if (hit !== undefined) return hit === IN_PROGRESS ? UNKNOWN : hit;
      if (nesting.depth > MAX_DEPTH || (this.active.size > 0 && this.active.has(n))) return UNKNOWN;
      this.cache.set(n, IN_PROGRESS);
      nesting.depth += 1;
      let value: Value;
      try {
        value = this.compute(n, undefined);
      } catch (e) {
        this.cache.delete(n);
        throw e;
      } finally {
        nesting.depth -= 1;
      }
      this.cache.set(n, value);
      return value;
    }
    if (this.active.has(n) || this.cache.get(n) === IN_PROGRESS || nesting.depth > MAX_DEPTH) return UNKNOWN;
    this.active.add(n);
    nesting.depth += 1;
    try {
      return this.compute(n, env);
    } finally {
      nesting.depth -= 1;
      this.active.delete(n);
    }
  }

  // ---------------------------------------------------------------------------
  // Expressions

  private compute(n: Node, env: Env | undefined): Value {
    switch (n.type) {
      case 'Literal':
        return literal(n);
      case 'TemplateLiteral': {
        let s = n.quasis[0]?.value.cooked ?? '';
        for (let i = 0; i < n.expressions.length; i++) {
          const v = this.evaluate(n.expressions[i]!, env);
          if (v.kind !== 'const') return UNKNOWN;
          s += String(v.value) + (n.quasis[i + 1]?.value.cooked ?? '');
        }
        return { kind: 'const', value: s, origin: n };
      }
      case 'Identifier':
        return this.identifier(n, env);
      case 'MemberExpression':
        return this.member(n, env);
      case 'CallExpression':
        return this.call(n, env);
      case 'ImportExpression':
        // A promise of the module's namespace, read by `await` or `.then(tf => ...)`.
        return this.isTfImport(n) ? TF_MODULE_PROMISE : UNKNOWN;
      case 'AwaitExpression':
        return awaited(this.evaluate(n.argument, env));
      case 'ConditionalExpression': {
        const test = this.evaluate(n.test, env);
        if (test.kind === 'const') {
          return this.evaluate(test.value ? n.consequent : n.alternate, env);
        }
        const g = this.conditionIn(n.test, env);
        const a = this.evaluate(n.consequent, env);
        const b = this.evaluate(n.alternate, env);
        return g.value ? choice(g.key, a, b) : choice(g.key, b, a);
      }
      case 'LogicalExpression': {
        const left = this.evaluate(n.left, env);
        if (left.kind !== 'const') return UNKNOWN;
        if (n.operator === '&&') return left.value ? this.evaluate(n.right, env) : left;
        if (n.operator === '||') return left.value ? left : this.evaluate(n.right, env);
        return left.value === null || left.value === undefined ? this.evaluate(n.right, env) : left;
      }
      case 'BinaryExpression':
        return this.binary(n, env);
      case 'UnaryExpression': {
        const v = this.evaluate(n.argument, env);
        if (v.kind !== 'const') return UNKNOWN;
        switch (n.operator) {
          case '!':
            return { kind: 'const', value: !v.value };
          case '-':
            return typeof v.value === 'number' ? { kind: 'const', value: -v.value } : UNKNOWN;
          case '+':
            return typeof v.value === 'number' ? v : UNKNOWN;
          default:
            return UNKNOWN;
        }
      }
      case 'ArrayExpression':
        return this.array(n, env);
      case 'ObjectExpression':
        return this.object(n, env);
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { kind: 'function', node: n, owner: this };
      case 'ClassExpression':
        return { kind: 'class', node: n, owner: this };
      case 'NewExpression': {
        const cls = this.evaluate(n.callee, env);
        if (cls.kind === 'tf') return tfConstructor(this, cls.path, n, env);
        const c = called(cls);
        return c.kind === 'class' ? { kind: 'instance', cls: c } : UNKNOWN;
      }
      case 'SequenceExpression':
        return this.evaluate(n.expressions[n.expressions.length - 1]!, env);
      case 'AssignmentExpression':
        return n.operator === '=' ? this.evaluate(n.right, env) : UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  private binary(n: TSESTree.BinaryExpression, env: Env | undefined): Value {
    if (n.left.type === 'PrivateIdentifier') return UNKNOWN;
    const a = this.evaluate(n.left, env);
    if (a.kind !== 'const') return UNKNOWN;
    const b = this.evaluate(n.right, env);
    if (b.kind !== 'const') return UNKNOWN;
    const x = a.value as never;
    const y = b.value as never;
    let r: Primitive;
    switch (n.operator) {
      case '+':
        r = (x as number) + (y as number);
        break;
      case '-':
        r = x - y;
        break;
      case '*':
        r = x * y;
        break;
      case '/':
        r = x / y;
        break;
      case '%':
        r = x % y;
        break;
      case '**':
        r = (x as number) ** (y as number);
        break;
      case '===':
        r = x === y;
        break;
      case '!==':
        r = x !== y;
        break;
      case '==':
        r = x == y;
        break;
      case '!=':
        r = x != y;
        break;
      case '<':
        r = x < y;
        break;
      case '>':
        r = x > y;
        break;
      case '<=':
        r = x <= y;
        break;
      case '>=':
        r = x >= y;
        break;
      default:
        return UNKNOWN;
    }
    return { kind: 'const', value: r };
  }

  private array(n: TSESTree.ArrayExpression, env: Env | undefined): ArrayValue {
    let complete = true;
    const elements: (Value | undefined)[] = [];
    for (const e of n.elements) {
      if (e?.type === 'SpreadElement') {
        // `[...BASE, 'auc']`: a spread of a known array is its elements.
        const spread = this.evaluate(e.argument, env);
        if (spread.kind === 'array' && spread.complete) {
          elements.push(...spread.elements);
          continue;
        }
      }
      if (!e || e.type === 'SpreadElement') {
        complete = false;
        elements.push(undefined);
        continue;
      }
      elements.push(this.evaluate(e, env));
    }
    return { kind: 'array', elements, complete, node: n };
  }

  /**
   * `arr.map(fn)` of a known array (each element through `fn`, as a call of `fn`
   * with it), and `Array.from(arr)` / `Array.from(arr, fn)`.
   */
  private mapped(array: Value, fnNode: Node | undefined, env: Env | undefined): Value {
    if (array.kind !== 'array' || !array.complete) return UNKNOWN;
    if (!fnNode) return { kind: 'array', elements: array.elements, complete: true };
    if (fnNode.type === 'SpreadElement') return UNKNOWN;
    const fn = this.evaluate(fnNode, env);
    if (fn.kind !== 'function' || array.elements.length > 64) return UNKNOWN;
    const elements = array.elements.map((el, i) =>
      el ? this.invoke(fn, [el, { kind: 'const', value: i }], env) : UNKNOWN,
    );
    return { kind: 'array', elements, complete: true };
  }

  private object(n: TSESTree.ObjectExpression, env: Env | undefined): ObjectValue {
    const props = new PropertyTable();
    let complete = true;
    for (const p of n.properties) {
      if (p.type === 'SpreadElement') {
        const spread = this.evaluate(p.argument, env);
        if (isNullish(spread)) continue;
        // Whatever the spread brings may override every property written before it:
        // a known object brings its own properties (later keys win), and, when it may
        // hold more, anything else.
        if (spread.kind !== 'object' || !spread.complete) {
          complete = false;
          props.markOverridable();
        }
        if (spread.kind === 'object') {
          const keys = spread.props.keyList();
          const entries = spread.props.values();
          for (let i = 0; i < keys.length; i++) props.set(keys[i]!, entries[i]!);
        }
        continue;
      }
      const key = propertyKey(p);
      if (key === undefined) {
        complete = false;
        props.markOverridable();
        continue;
      }
      if (p.kind !== 'init' || (p.value.type as string) === 'AssignmentPattern') {
        props.set(key, { value: UNKNOWN, property: p, overridable: false });
        continue;
      }
      const value = p.method
        ? ({ kind: 'function', node: p.value, owner: this } as Value)
        : this.evaluate(p.value, env);
      props.set(key, { value, property: p, overridable: false });
    }
    return { kind: 'object', props, complete, node: n };
  }

  // ---------------------------------------------------------------------------
  // Names

  /**
   * The variable a name refers to. A reference the scope manager resolved is read
   * from one table of the file's references (built on the first name evaluated):
   * finding its scope through ESLint's `getScope` costs a lookup per enclosing node,
   * and this is asked for ~100 names per file. Names the scope manager leaves
   * unresolved (globals) and identifiers of other files (an importing file's adds to
   * a module's model are evaluated by the module's evaluator) are looked up by scope.
   */
  variableOf(id: TSESTree.Identifier): Variable | undefined {
    const resolved = (this.references ??= referenceTable(this.sourceCode)).get(id);
    return resolved ?? resolveName(this.sourceCode.getScope(id), id.name);
  }
  private references: Map<TSESTree.Identifier, Variable> | undefined;

  private identifier(id: TSESTree.Identifier, env: Env | undefined): Value {
    const variable = this.variableOf(id);
    if (!variable || variable.defs.length === 0) {
      // Undeclared (or declared only through ESLint `globals`): the page-global `tf`.
      if (this.settings.globals.includes(id.name)) return { kind: 'tf', path: TF_ROOT, origin: id };
      if (id.name === 'undefined') return { kind: 'const', value: undefined };
      return this.resolveGlobal?.(id) ?? UNKNOWN;
    }
    const first = variable.defs[0]!;
    // (A default value, `x = 1` in the parameter list, is a write of the name itself.)
    if (
      first.type === 'Parameter' &&
      variable.defs.length === 1 &&
      this.writesOf(variable).some((r) => r.identifier !== first.name)
    )
      return this.reassignedParameter(variable, first.node as FunctionNode, id, env);
    const bound = env?.bindings.get(variable);
    if (bound) return bound;
    if (variable.defs.length !== 1) return UNKNOWN;
    const def = variable.defs[0]!;
    switch (def.type) {
      case 'ImportBinding': {
        // The same for every reference: computed once per binding (an imported
        // module's binding is otherwise resolved on the file system at every use).
        // Not kept when a relative import gave `unknown`: inside an import cycle
        // it may be known once the cycle has unwound.
        let value = this.importCache.get(variable);
        if (!value) {
          const decl = def.parent as TSESTree.ImportDeclaration;
          value = this.importBinding(def.node, decl);
          const source: unknown = decl?.source?.value;
          if (value.kind !== 'unknown' || !isRelativeSpecifier(source)) this.importCache.set(variable, value);
        }
        return value;
      }
      case 'Variable':
        return this.variable(variable, def.node as TSESTree.VariableDeclarator, def.name, id, env);
      case 'Parameter':
        return this.withAnnotation(
          this.parameter(variable, def.node as FunctionNode, def.name as TSESTree.Identifier),
          def.name as TSESTree.Identifier,
        );
      case 'FunctionName':
        return isFunctionNode(def.node) ? { kind: 'function', node: def.node, owner: this } : UNKNOWN;
      case 'ClassName':
        return def.node.type === 'ClassDeclaration' || def.node.type === 'ClassExpression'
          ? { kind: 'class', node: def.node, owner: this }
          : UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  /**
   * Is `source` a TF.js module: one of the configured names, a CDN URL of one
   * (url-imports.ts), or a relative path into one inside `node_modules`
   * (`../node_modules/@tensorflow/tfjs/dist/index.js`).
   */
  isTfModule(source: string): boolean {
    if (this.settings.modules.includes(source) || this.settings.modules.includes(moduleNameOf(source))) return true;
    const at = source.lastIndexOf('node_modules/');
    if (at < 0 || !isRelativeSpecifier(source)) return false;
    const rest = source.slice(at + 'node_modules/'.length);
    return this.settings.modules.some((m) => rest === m || rest.startsWith(`${m}/`));
  }

  /** `import('@tensorflow/tfjs')`: a dynamic import of a TF.js module. */
  private isTfImport(n: TSESTree.ImportExpression): boolean {
    const source = unwrap(n.source);
    return source.type === 'Literal' && typeof source.value === 'string' && this.isTfModule(source.value);
  }

  /**
   * When `fn` is the callback of `p.then(fn)` and `p` is a promise the analysis made on
   * every path (`import('@tensorflow/tfjs')` written there or kept in a variable,
   * `Promise.all([...])` of one): what its first parameter receives. Else undefined.
   */
  private thenResolved(fn: FunctionNode): Value | undefined {
    const call = fn.parent;
    if (call?.type !== 'CallExpression' || call.arguments[0] !== fn) return undefined;
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression' || staticMemberName(callee) !== 'then') return undefined;
    const object = unwrap(callee.object);
    if (object.type === 'ImportExpression') return this.isTfImport(object) ? TF_MODULE_PROMISE.resolved : undefined;
    // Only names, members and `Promise.all(...)` can hold such a promise: other receivers are not evaluated.
    if (object.type !== 'Identifier' && object.type !== 'MemberExpression' && !this.isPromiseAll(object))
      return undefined;
    const value = this.evaluate(object);
    const ps = possibilities(value);
    return ps.length > 0 && ps.every((p) => p.value.kind === 'promise') ? awaited(value) : undefined;
  }

  /** `Promise.all(...)` of the global `Promise`. */
  private isPromiseAll(n: Node): boolean {
    if (n.type !== 'CallExpression') return false;
    const callee = unwrap(n.callee);
    if (callee.type !== 'MemberExpression' || staticMemberName(callee) !== 'all') return false;
    const object = unwrap(callee.object);
    return object.type === 'Identifier' && object.name === 'Promise' && !this.variableOf(object)?.defs.length;
  }

  /**
   * `Promise.all([a, b])` over a written array: a promise of the array of what each
   * element resolves to (`const [tf, data] = await Promise.all([import('@tensorflow/tfjs'), load()])`).
   */
  private promiseAll(n: TSESTree.CallExpression, env: Env | undefined): Value {
    const a0 = n.arguments[0];
    const array = a0 && a0.type !== 'SpreadElement' ? this.evaluate(a0, env) : UNKNOWN;
    if (array.kind !== 'array') return UNKNOWN;
    return { kind: 'promise', resolved: { ...array, elements: array.elements.map((e) => e && awaited(e)) } };
  }

  private importBinding(spec: Node, decl: TSESTree.ImportDeclaration): Value {
    // TypeScript `import tf = require('@tensorflow/tfjs')`: a require in import form.
    if (spec.type === 'TSImportEqualsDeclaration') {
      const ref = spec.moduleReference;
      if (ref.type !== 'TSExternalModuleReference' || ref.expression.type !== 'Literal') return UNKNOWN;
      const source = String(ref.expression.value);
      if (this.isTfModule(source)) return { kind: 'tf', path: TF_ROOT };
      return this.resolveModule ? this.resolveModule(source, '*', spec) : UNKNOWN;
    }
    if (decl?.type !== 'ImportDeclaration') return UNKNOWN;
    const source = decl.source.value;
    let imported: string;
    if (spec.type === 'ImportNamespaceSpecifier') imported = '*';
    else if (spec.type === 'ImportDefaultSpecifier') imported = 'default';
    else if (spec.type === 'ImportSpecifier') {
      imported = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
    } else return UNKNOWN;
    if (this.isTfModule(source)) {
      return imported === '*' || imported === 'default'
        ? { kind: 'tf', path: TF_ROOT }
        : { kind: 'tf', path: childPath(TF_ROOT, imported) };
    }
    return this.resolveModule ? this.resolveModule(source, imported, decl) : UNKNOWN;
  }

  private requireCall(call: TSESTree.CallExpression): Value | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== 'Identifier' || callee.name !== 'require') return undefined;
    const v = this.variableOf(callee);
    if (v && v.defs.length > 0) return undefined;
    const arg = call.arguments[0];
    if (!arg || arg.type !== 'Literal' || typeof arg.value !== 'string') return UNKNOWN;
    if (this.isTfModule(arg.value)) return { kind: 'tf', path: TF_ROOT };
    return this.resolveModule ? this.resolveModule(arg.value, '*', call) : UNKNOWN;
  }

  private variable(
    variable: Variable,
    declarator: TSESTree.VariableDeclarator,
    name: TSESTree.Identifier,
    ref: TSESTree.Identifier,
    env: Env | undefined,
  ): Value {
    const declaration = declarator.parent as TSESTree.VariableDeclaration;
    const loopHead =
      declaration.parent &&
      (declaration.parent.type === 'ForOfStatement' || declaration.parent.type === 'ForInStatement') &&
      declaration.parent.left === declaration;
    if (loopHead) return UNKNOWN;
    // A `const` is written once, by its initializer (assigning it again throws): its
    // references need not be read to find its writes (for `tf`, ~100 per file).
    const once = declaration.kind === 'const' && !!declarator.init;
    if (declarator.id.type !== 'Identifier') {
      // Destructuring: `const {layers} = tf`, `const [a] = arr`.
      if (!declarator.init || (!once && this.writesOf(variable).length !== 1)) return UNKNOWN;
      return this.destructure(this.evaluate(declarator.init, env), declarator.id, name);
    }
    if (declarator.init && (once || this.isSingleWrite(variable, declarator))) {
      const value = this.evaluate(declarator.init, env);
      if (value.kind === 'array') return this.isMutated(variable) ? opened(value) : value;
      return this.withVariableWrites(value, variable, declarator, ref, env);
    }
    const value = this.flow(variable, ref, env);
    // Written again and changed in place: which object a member write changed is not followed.
    // (Only objects are opened: other values need not look for writes.)
    const mayBeObject = value.kind === 'object' || value.kind === 'choice';
    return mayBeObject && this.objectWritesOf(variable).length > 0 ? openedObjects(value) : value;
  }

  private readonly objectWriteCache = new Map<Variable, MemberWrite[]>();

  /** What the references of a variable may write into the object it holds (see object-writes.ts). */
  objectWritesOf(variable: Variable): MemberWrite[] {
    let writes = this.objectWriteCache.get(variable);
    if (writes) return writes;
    writes = [];
    for (const r of variable.references) {
      if (r.init || r.isWrite()) continue;
      const w = writeThrough(r.identifier as Node, (call, arg) => this.isSafeCall(call, arg));
      if (w) writes.push(w);
    }
    this.objectWriteCache.set(variable, writes);
    return writes;
  }

  /**
   * The object a `const` (or once-written `let`) holds where `ref` reads it, with the
   * writes into it made before (see object-writes.ts). A write in `ref`'s function
   * orders by position; one elsewhere may run at any time. When the object is made in
   * `ref`'s own function, each call makes a new one: a write after `ref` (outside a
   * loop around both) is not seen.
   */
  private withVariableWrites(
    value: Value,
    variable: Variable,
    declarator: TSESTree.VariableDeclarator,
    ref: Node,
    env: Env | undefined,
  ): Value {
    if (value.kind !== 'object' && value.kind !== 'choice') return value;
    const writes = this.objectWritesOf(variable);
    if (writes.length === 0) return value;
    const refFn = enclosingFunction(ref);
    const fresh = enclosingFunction(declarator) === refFn;
    const orderOf = (w: MemberWrite): WriteOrder => {
      if (enclosingFunction(w.at) !== refFn) return 'timing';
      if (w.at.range[1] <= ref.range[0]) return isConditionalBetween(w.at, ref) ? 'conditional' : 'before';
      if (!fresh) return 'timing';
      for (let n: Node | undefined = ref.parent; n && n !== refFn; n = n.parent) {
        if (isLoop(n) && contains(n, w.at)) return 'timing';
      }
      return 'after';
    };
    return mapObjects(value, (o) => applyWrites(o, writes, orderOf, (n) => this.evaluate(n, env)));
  }

  /**
   * Does a call leave an object passed to it unchanged? TF.js calls and model methods
   * (`tf.layers.dense(cfg)`, `model.compile(args)`), `console.*`, `JSON.*` and the
   * reading `Object.*` functions do; any other call may write into it.
   */
  private isSafeCall(call: TSESTree.CallExpression | TSESTree.NewExpression, arg: Node): boolean {
    let callee = unwrap(call.callee);
    if (callee.type === 'MemberExpression') {
      const name = staticMemberName(callee);
      if (call.type === 'CallExpression' && name !== undefined && MODEL_METHODS.has(name)) return true;
      while (callee.type === 'MemberExpression') callee = unwrap(callee.object);
      if (callee.type === 'Identifier' && !this.variableOf(callee)?.defs.length) {
        if (callee.name === 'console' || callee.name === 'JSON') return true;
        if (callee.name === 'Object')
          return name !== undefined && READING_OBJECT_FUNCTIONS.has(name) && call.arguments[0] !== arg;
      }
    }
    if (callee.type !== 'Identifier') return false;
    const v = this.variableOf(callee);
    const def = v?.defs[0];
    const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : undefined;
    // Only names bound without running project code (no cycle through what they call).
    const plain =
      !def ||
      def.type === 'ImportBinding' ||
      (init &&
        (unwrap(init).type === 'Identifier' || unwrap(init).type === 'MemberExpression' || calleeIsRequire(init)));
    return !!plain && this.evaluate(callee).kind === 'tf';
  }

  /** Is the declarator's initializer the variable's only write? */
  private isSingleWrite(variable: Variable, declarator: TSESTree.VariableDeclarator): boolean {
    const writes = this.writesOf(variable);
    return writes.length === 1 && writes[0]!.identifier === declarator.id;
  }

  private readonly writeCache = new Map<Variable, Reference[]>();
  private readonly flowCache = new Map<Variable, { writes: FlowWrite[]; sameFunction: boolean } | null>();

  /** The write references of a variable (cached: a long reassignment chain is read once). */
  private writesOf(variable: Variable): Reference[] {
    let writes = this.writeCache.get(variable);
    if (!writes) {
      writes = variable.references.filter((r) => r.isWrite());
      this.writeCache.set(variable, writes);
    }
    return writes;
  }

  /**
   * Every write of a variable with its right-hand side, in the order the assignments
   * complete, and whether they are all in one function; null when one is not a plain `=`.
   */
  private flowWrites(variable: Variable): { writes: FlowWrite[]; sameFunction: boolean } | null {
    const hit = this.flowCache.get(variable);
    if (hit !== undefined) return hit;
    let rhs: FlowWrite[] | null = [];
    for (const w of this.writesOf(variable)) {
      const p = w.identifier.parent;
      const at = w.identifier as TSESTree.Identifier;
      if (p?.type === 'AssignmentExpression' && p.operator === '=' && p.left === w.identifier) {
        rhs.push({ node: p.right, at, fn: enclosingFunction(at) });
      } else if (p?.type === 'VariableDeclarator' && p.id === w.identifier) {
        rhs.push({ node: p.init, at, fn: enclosingFunction(at) });
      } else {
        rhs = null;
        break;
      }
    }
    // `let x;` is a write of undefined where it runs (each time, in a loop), though the
    // scope manager records no write reference for it. (`var x;` writes nothing.)
    if (rhs) {
      for (const def of variable.defs) {
        const d = def.node as TSESTree.VariableDeclarator;
        if (def.type !== 'Variable' || d.init || d.id.type !== 'Identifier') continue;
        if ((def.parent as TSESTree.VariableDeclaration | null)?.kind !== 'let') continue;
        rhs.push({ node: null, at: d.id, fn: enclosingFunction(d.id) });
      }
    }
    if (rhs) rhs.sort((a, b) => a.at.parent!.range[1] - b.at.parent!.range[1]);
    const result = rhs && { writes: rhs, sameFunction: rhs.every((w) => w.fn === rhs![0]!.fn) };
    this.flowCache.set(variable, result);
    return result;
  }

  private readonly mutated = new Map<Variable, boolean>();

  /**
   * Is the array or object a variable holds changed after its initializer?
   * (`LABELS.push(x)`, `cfg.units = 3`, `arr[i] = x`, `delete cfg.activation`,
   * `Object.assign(cfg, ...)`): then its length and properties are not constants.
   */
  private isMutated(variable: Variable): boolean {
    const hit = this.mutated.get(variable);
    if (hit !== undefined) return hit;
    let result = false;
    for (const ref of variable.references) {
      const id = ref.identifier as Node;
      const p = id.parent;
      if (!p) continue;
      if (p.type === 'MemberExpression' && p.object === id) {
        const pp = p.parent;
        const name = staticMemberName(p);
        if (
          (pp?.type === 'AssignmentExpression' && pp.left === p) ||
          pp?.type === 'UpdateExpression' ||
          (pp?.type === 'UnaryExpression' && pp.operator === 'delete') ||
          (pp?.type === 'CallExpression' && pp.callee === p && (name === undefined || MUTATING_METHODS.has(name)))
        ) {
          result = true;
          break;
        }
      } else if (p.type === 'CallExpression' && p.arguments[0] === id) {
        const callee = unwrap(p.callee);
        if (callee.type === 'MemberExpression' && staticMemberName(callee) === 'assign') {
          result = true;
          break;
        }
      }
    }
    this.mutated.set(variable, result);
    return result;
  }

  /** The value of the binding `name` inside `pattern`, given the whole value. */
  private destructure(whole: Value, pattern: Node, name: TSESTree.Identifier): Value {
    if (pattern === name) return whole;
    switch (pattern.type) {
      case 'ObjectPattern':
        for (const p of pattern.properties) {
          if (p.type === 'RestElement') {
            if (contains(p, name)) return UNKNOWN;
            continue;
          }
          if (!contains(p.value, name)) continue;
          const key = propertyKey(p);
          if (key === undefined) return UNKNOWN;
          return this.destructure(this.getMember(whole, key), p.value, name);
        }
        return UNKNOWN;
      case 'ArrayPattern':
        for (let i = 0; i < pattern.elements.length; i++) {
          const e = pattern.elements[i];
          if (!e || !contains(e, name)) continue;
          if (e.type === 'RestElement') return UNKNOWN;
          return this.destructure(this.getMember(whole, String(i)), e, name);
        }
        return UNKNOWN;
      case 'AssignmentPattern': {
        if (whole.kind === 'const' && whole.value === undefined) {
          return this.destructure(this.evaluate(pattern.right), pattern.left, name);
        }
        if (whole.kind === 'unknown' || whole.kind === 'choice') return UNKNOWN;
        return this.destructure(whole, pattern.left, name);
      }
      default:
        return UNKNOWN;
    }
  }

  /**
   * A reassigned variable (`let x = input; x = dense.apply(x); ...`): the value of
   * the last write that surely runs before `ref`. Writes in branches or loops make
   * the value a choice; writes in other functions make it any of them.
   */
  private flow(variable: Variable, ref: TSESTree.Identifier, env: Env | undefined): Value {
    const flow = this.flowWrites(variable);
    if (!flow) return UNKNOWN;
    const rhs = flow.writes;
    const refFn = enclosingFunction(ref);
    if (flow.sameFunction && (rhs.length === 0 || rhs[0]!.fn === refFn))
      return this.readInFunction(rhs, ref, refFn, env) ?? UNKNOWN;
    // Written in other functions (a module variable set by a builder): any of their
    // values, or the value it has here when they have not run (`let x;` counts as a
    // write of undefined, see flowWrites). That one is a value on
    // some path, never a name written for this read: a default or placeholder that the
    // other functions replace (`let LOSS = 'unset'`), so it loses its literal (name
    // checks skip it). A model receiver that is null or undefined throws before it is
    // used, so rules asking for models drop such paths (`modelsOf`).
    const values = rhs
      .filter((w) => w.fn !== refFn)
      .map((w) => (w.node ? this.evaluate(w.node, env) : ({ kind: 'const', value: undefined } as Value)));
    const here = rhs.filter((w) => w.fn === refFn);
    const before = here.length > 0 ? this.readInFunction(here, ref, refFn, env) : undefined;
    if (before?.kind === 'unknown') return UNKNOWN;
    if (before)
      values.unshift(before.kind === 'const' && before.origin ? { kind: 'const', value: before.value } : before);
    return anyOf(values, true);
  }

  /**
   * The value `ref` reads from `writes`, all in `ref`'s own function and sorted by
   * the end of their assignment: the last one before it (see `lastWrite`); unknown
   * when a write after `ref` in a loop around both may reach it on the next turn;
   * undefined when no write is before it.
   */
  private readInFunction(
    writes: readonly FlowWrite[],
    ref: TSESTree.Identifier,
    refFn: Node | undefined,
    env: Env | undefined,
  ): Value | undefined {
    // A write is before `ref` when its whole assignment is (`x = f(x)` reads the old x):
    // those before `ref` are a prefix.
    const lo = partitionPoint(writes, (w) => w.at.parent!.range[1] <= ref.range[0]);
    for (let n: Node | undefined = ref.parent; n && n !== refFn; n = n.parent) {
      if (!isLoop(n)) continue;
      for (let i = lo; i < writes.length && writes[i]!.at.parent!.range[1] <= n.range[1]; i++) {
        if (contains(n, writes[i]!.at)) return UNKNOWN;
      }
    }
    return lo === 0 ? undefined : this.lastWrite(writes.slice(0, lo), ref, env);
  }

  /**
   * The value `ref` reads: the last write before it, or, when that write is
   * conditional, a choice between it and the write before (and so on). Built
   * iteratively and bounded, so thousands of conditional writes give `unknown`
   * instead of a choice nested thousands deep.
   */
  private lastWrite(before: readonly FlowWrite[], ref: Node, env: Env | undefined): Value {
    const conditional: { value: Value; guard: Guard | undefined }[] = [];
    // Fold the conditional writes around `rest`, innermost last: a write in an `if` arm is
    // that arm's side of the if's condition (it pairs with other choices of it).
    const fold = (rest: Value) =>
      conditional.reduceRight<Value>(
        (r, c) =>
          !c.guard
            ? choice(freshKey(), c.value, r)
            : c.guard.value
              ? choice(c.guard.key, c.value, r)
              : choice(c.guard.key, r, c.value),
        rest,
      );
    const refFn = enclosingFunction(ref);
    for (let i = before.length - 1; i >= 0; i--) {
      const w = before[i]!;
      if (inOtherArm(w.at, ref, refFn)) continue;
      const v = w.node ? this.evaluate(w.node, env) : ({ kind: 'const', value: undefined } as Value);
      // A write that surely runs, or one of an if/else (try/catch) every branch of which writes.
      const sure = isConditionalBetween(w.at, ref) ? this.coveredWrite(w, v, before, ref, env) : v;
      if (sure) return fold(sure);
      if (conditional.length >= MAX_CONDITIONAL_WRITES) return UNKNOWN;
      conditional.push({ value: v, guard: this.armCondition(w.at, ref, env) });
    }
    return fold(UNKNOWN);
  }

  /**
   * The condition under which a write in one arm of an `if` runs, seen from `ref`
   * after the `if`: the write straight-line in the arm, nothing else conditional
   * between the `if` and `ref`. Undefined otherwise (a loop, a nested branch ...).
   */
  private armCondition(write: Node, ref: Node, env: Env | undefined): Guard | undefined {
    const around = conditionalAbove(write, (p) => contains(p, ref));
    if (!around || around.p.type !== 'IfStatement') return undefined;
    const { p, n } = around;
    if (conditionalAbove(write, (q) => q === n) || conditionalAbove(p, (q) => contains(q, ref))) return undefined;
    const g = this.conditionIn(p.test, env);
    return n === p.consequent ? g : { key: g.key, value: !g.value };
  }

  /**
   * The value after the statement around a conditional write `w` (worth `value`)
   * when every branch of it writes: `if (c) x = a; else x = b;` is `c ? a : b` (keyed
   * by `c`, so it pairs with other choices of `c`), `try { x = a } catch { x = b }` is
   * either (one value when both are the same TF.js module). Undefined when some
   * branch may not write, or a loop, `switch` or callback is in the way.
   */
  private coveredWrite(
    w: FlowWrite,
    value: Value,
    before: readonly FlowWrite[],
    ref: Node,
    env: Env | undefined,
  ): Value | undefined {
    return this.coverFrom(w.at, value, before, (p) => contains(p, ref), env);
  }

  /** Climb from `from` (whose write gives `value`) to where `stop` holds, through branches that all write. */
  private coverFrom(
    from: Node,
    value: Value,
    before: readonly FlowWrite[],
    stop: (p: Node) => boolean,
    env: Env | undefined,
  ): Value | undefined {
    let cur: Node = from;
    for (let guard = 0; guard < 64; guard++) {
      const c = conditionalAbove(cur, stop);
      if (!c) return value;
      const { p, n } = c;
      if (p.type === 'IfStatement' && p.alternate && n !== p.test) {
        const a = n === p.consequent ? value : this.surelyWritten(p.consequent, before, env);
        const b = n === p.alternate ? value : this.surelyWritten(p.alternate, before, env);
        if (!a || !b) return undefined;
        const g = this.condition(p.test);
        value = g.value ? choice(g.key, a, b) : choice(g.key, b, a);
        cur = p;
      } else if (p.type === 'SwitchCase' && n !== p.test) {
        const sw = p.parent as TSESTree.SwitchStatement;
        const v = this.switchWritten(sw, p, value, before, env);
        if (!v) return undefined;
        value = v;
        cur = sw;
      } else if (p.type === 'TryStatement' && n === p.finalizer) {
        cur = p;
      } else if ((p.type === 'TryStatement' && n === p.block) || (p.type === 'CatchClause' && n === p.body)) {
        const t = (p.type === 'TryStatement' ? p : p.parent) as TSESTree.TryStatement;
        if (!t.handler) return undefined;
        const a = n === t.block ? value : this.surelyWritten(t.block, before, env);
        const b = n === t.handler.body ? value : this.surelyWritten(t.handler.body, before, env);
        if (!a || !b) return undefined;
        value = a.kind === 'tf' && b.kind === 'tf' && a.path === b.path ? a : anyOf([a, b]);
        cur = t;
      } else {
        return undefined;
      }
    }
    return undefined;
  }

  /**
   * The value after a `switch` with a `default` every case of which either writes
   * in straight-line code ending in `break`, or leaves by `return` / `throw` /
   * `continue`: any of the writes (`at`, whose value is `value`, among them); else
   * undefined.
   */
  private switchWritten(
    sw: TSESTree.SwitchStatement,
    at: TSESTree.SwitchCase,
    value: Value,
    before: readonly FlowWrite[],
    env: Env | undefined,
  ): Value | undefined {
    if (!sw.cases.some((c) => !c.test)) return undefined;
    const values: Value[] = [];
    for (const c of sw.cases) {
      const last = c.consequent.at(-1);
      if (!last) continue; // falls through to the next case
      if (last.type === 'ReturnStatement' || last.type === 'ThrowStatement' || last.type === 'ContinueStatement')
        continue; // never reaches what follows the switch
      if (last.type !== 'BreakStatement' || last.label) return undefined;
      // Straight-line code before the `break`: no earlier `break` can skip the write.
      for (const st of c.consequent) {
        if (st !== last && st.type !== 'ExpressionStatement' && st.type !== 'VariableDeclaration') return undefined;
      }
      const v = c === at ? value : this.surelyWritten(c, before, env);
      if (!v) return undefined;
      values.push(v);
    }
    return anyOf(values);
  }

  /** The value a branch leaves in the variable when it surely writes it (its last write runs), else undefined. */
  private surelyWritten(branch: Node, before: readonly FlowWrite[], env: Env | undefined): Value | undefined {
    for (let i = before.length - 1; i >= 0; i--) {
      const w = before[i]!;
      if (!contains(branch, w.at)) continue;
      const v = w.node ? this.evaluate(w.node, env) : ({ kind: 'const', value: undefined } as Value);
      return this.coverFrom(w.at, v, before, (p) => p === branch, env);
    }
    return undefined;
  }

  /** A parameter of a function not being called: the arguments of all its call sites. */
  private parameter(variable: Variable, fn: FunctionNode, name: TSESTree.Identifier): Value {
    const resolved = fn.params[0] && contains(fn.params[0], name) ? this.thenResolved(fn) : undefined;
    if (resolved) {
      if (this.writesOf(variable).some((r) => r.identifier !== name)) return UNKNOWN;
      return this.destructure(resolved, fn.params[0]!, name);
    }
    const index = fn.params.findIndex((p) => p === name || (p.type === 'AssignmentPattern' && p.left === name));
    if (index < 0) return UNKNOWN;
    if (this.writesOf(variable).some((r) => r.identifier !== name)) return UNKNOWN;
    const calls = this.callSites(fn);
    if (!calls || calls.length === 0) return UNKNOWN;
    const param = fn.params[index]!;
    const values: Value[] = [];
    for (const c of calls) {
      if (c.arguments.slice(0, index + 1).some((a) => a.type === 'SpreadElement')) return UNKNOWN;
      const arg = c.arguments[index];
      if (arg) values.push(this.evaluate(arg));
      else if (param.type === 'AssignmentPattern') values.push(this.evaluate(param.right));
      else values.push({ kind: 'const', value: undefined });
    }
    return anyOf(values);
  }

  /**
   * A parameter written again in its own function (`d = tf.tensor(d); return d`): the
   * last write that surely runs before `ref`, the argument before any write, unknown
   * when a write elsewhere (a closure) may have changed it, or with a default value.
   */
  private reassignedParameter(
    variable: Variable,
    fn: FunctionNode,
    ref: TSESTree.Identifier,
    env: Env | undefined,
  ): Value {
    const flow = this.flowWrites(variable);
    if (!flow || !flow.sameFunction || flow.writes[0]?.fn !== fn || enclosingFunction(ref) !== fn) return UNKNOWN;
    return this.readInFunction(flow.writes, ref, fn, env) ?? env?.bindings.get(variable) ?? UNKNOWN;
  }

  /**
   * A parameter annotated with a TF.js tensor type (`x: tf.Tensor`, `t: Tensor2D`
   * with `Tensor2D` imported from a TF.js module) is a tensor (origin 'op') wherever
   * nothing more precise is known: an unknown value, or the unknown options of a
   * choice. Known values (a model output passed by every call site) are kept.
   */
  private withAnnotation(value: Value, id: TSESTree.Identifier): Value {
    if (!id.typeAnnotation || (value.kind !== 'unknown' && value.kind !== 'choice')) return value;
    const ann = id.typeAnnotation.typeAnnotation;
    if (ann.type !== 'TSTypeReference') return value;
    const type = this.typeName(ann.typeName);
    if (type.kind !== 'tf' || !isTensorType(type.path)) return value;
    const tensor: Value = { kind: 'tensor', origin: 'op', node: id };
    if (value.kind === 'unknown') return tensor;
    return {
      kind: 'choice',
      options: value.options.map((o) => ({ guard: o.guard, value: o.value.kind === 'unknown' ? tensor : o.value })),
    };
  }

  /** The value a type name refers to: `tf.Tensor` -> tf ['Tensor'] when `tf` is TF.js. */
  private typeName(n: TSESTree.EntityName): Value {
    if (n.type === 'Identifier') return this.evaluate(n);
    if (n.type === 'TSQualifiedName') return this.getMember(this.typeName(n.left), n.right.name);
    return UNKNOWN;
  }

  /**
   * Every call of a function declared in this file, or null when the function
   * escapes (exported, passed as a value, a method): then its callers are unknown.
   */
  callSites(fn: FunctionNode): TSESTree.CallExpression[] | null {
    const hit = this.callSiteCache.get(fn);
    if (hit !== undefined) return hit;
    this.callSiteCache.set(fn, null); // cycle guard: a receiver evaluated below may read a parameter of `fn`
    const method = this.methodCallSites(fn);
    if (method !== undefined) {
      this.callSiteCache.set(fn, method);
      return method;
    }
    let result: TSESTree.CallExpression[] | null = null;
    let holder: Node | undefined;
    if (fn.type === 'FunctionDeclaration') holder = fn;
    else if (fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn) holder = fn.parent;
    if (holder && holder.parent?.type !== 'ExportDefaultDeclaration') {
      const exported =
        holder.parent?.type === 'ExportNamedDeclaration' || holder.parent?.parent?.type === 'ExportNamedDeclaration';
      const variable = exported ? undefined : this.sourceCode.getDeclaredVariables(holder)[0];
      if (
        variable &&
        (holder.type !== 'VariableDeclarator' || (holder.parent as TSESTree.VariableDeclaration).kind === 'const')
      ) {
        const calls: TSESTree.CallExpression[] = [];
        let escapes = false;
        for (const r of variable.references) {
          if (r.init) continue;
          const id = r.identifier;
          const p = id.parent;
          if (p?.type === 'CallExpression' && p.callee === id) calls.push(p);
          else {
            escapes = true;
            break;
          }
        }
        result = escapes ? null : calls;
      }
    }
    this.callSiteCache.set(fn, result);
    return result;
  }

  /**
   * The calls of a method, when `fn` is one: of a class (`this.prepare(model)`,
   * `trainer.prepare(model)` on an instance), of a function constructor's prototype
   * (`this.prepare(model)`), or of an object literal held by a `const`
   * (`helpers.compileWith(model)`). Null when a call of that name has a receiver
   * that may be another object, or the object escapes; undefined when `fn` is no method.
   */
  private methodCallSites(fn: FunctionNode): TSESTree.CallExpression[] | null | undefined {
    const parent = fn.parent;
    if (parent?.type === 'Property' && parent.value === fn) return this.objectMethodCallSites(parent);
    let owner: Node | Variable | undefined;
    let name: string | undefined;
    if (parent?.type === 'MethodDefinition' && parent.value === fn) {
      if (parent.static || parent.kind !== 'method' || parent.computed || parent.key.type !== 'Identifier') return null;
      owner = parent.parent.parent;
      name = parent.key.name;
    } else if (fn.type === 'FunctionExpression' && parent?.type === 'AssignmentExpression') {
      owner = this.constructorOf(fn);
      if (!owner) return undefined;
      for (const [k, m] of this.prototypeOf(owner)!.methods) if (m === fn) name = k;
    }
    if (!owner || name === undefined) return undefined;
    const calls: TSESTree.CallExpression[] = [];
    for (const call of this.nodes.calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== 'MemberExpression' || staticMemberName(callee) !== name) continue;
      const receiver = unwrap(callee.object);
      if (receiver.type === 'ThisExpression') {
        if (this.thisOwner(callee) !== owner) return null;
      } else {
        const ps = possibilities(this.evaluate(receiver));
        if (!ps.every((p) => p.value.kind === 'instance' && p.value.cls.node === owner)) return null;
      }
      calls.push(call);
    }
    return calls;
  }

  /** The calls of a method of an object literal held by a `const` that is only read for its members. */
  private objectMethodCallSites(prop: TSESTree.Property): TSESTree.CallExpression[] | null {
    const key = propertyKey(prop);
    const obj = prop.parent;
    const decl = obj?.parent;
    if (key === undefined || obj?.type !== 'ObjectExpression' || decl?.type !== 'VariableDeclarator') return null;
    if (decl.init !== obj || decl.id.type !== 'Identifier') return null;
    const declaration = decl.parent as TSESTree.VariableDeclaration;
    if (declaration.kind !== 'const' || declaration.parent?.type === 'ExportNamedDeclaration') return null;
    const variable = this.sourceCode.getDeclaredVariables(decl)[0];
    if (!variable) return null;
    const calls: TSESTree.CallExpression[] = [];
    for (const r of variable.references) {
      if (r.init) continue;
      const id = r.identifier as Node;
      const p = id.parent;
      if (p?.type !== 'MemberExpression' || p.object !== id) return null;
      const name = staticMemberName(p);
      if (name === undefined) return null;
      if (name !== key) continue;
      if (p.parent?.type !== 'CallExpression' || p.parent.callee !== p) return null;
      calls.push(p.parent);
    }
    return calls;
  }

  // ---------------------------------------------------------------------------
  // Members

  private member(n: TSESTree.MemberExpression, env: Env | undefined): Value {
    const name = this.memberName(n, env);
    if (name === undefined) return UNKNOWN;
    const object = unwrap(n.object);
    if (object.type === 'ThisExpression') return this.thisMember(n, name);
    if (name === 'current' && object.type === 'Identifier') {
      const ref = this.refCurrent(object);
      if (ref) return ref;
    }
    // Reading a property of null or undefined throws (`let tf;` before an init function sets it).
    const obj = this.evaluate(object, env);
    return this.getMember(n.optional ? obj : withoutNullish(obj), name, n);
  }

  private memberName(n: TSESTree.MemberExpression, env: Env | undefined): string | undefined {
    const s = staticMemberName(n);
    if (s !== undefined || !n.computed) return s;
    const v = this.evaluate(n.property, env);
    return v.kind === 'const' && (typeof v.value === 'string' || typeof v.value === 'number')
      ? String(v.value)
      : undefined;
  }

  getMember(obj: Value, name: string, origin?: Node): Value {
    switch (obj.kind) {
      case 'tf':
        return { kind: 'tf', path: childPath(obj.path, name), origin };
      case 'object': {
        const e = obj.props.get(name);
        if (e) return e.overridable ? UNKNOWN : e.value;
        return obj.complete ? { kind: 'const', value: undefined } : UNKNOWN;
      }
      case 'array': {
        if (name === 'length') return obj.complete ? { kind: 'const', value: obj.elements.length } : UNKNOWN;
        const i = Number(name);
        if (!obj.complete || !Number.isInteger(i) || i < 0) return UNKNOWN;
        return obj.elements[i] ?? { kind: 'const', value: undefined };
      }
      case 'const':
        if (typeof obj.value === 'string' && name === 'length') return { kind: 'const', value: obj.value.length };
        return UNKNOWN;
      case 'choice':
        return {
          kind: 'choice',
          options: obj.options.map((o) => ({ guard: o.guard, value: this.getMember(o.value, name, origin) })),
        };
      case 'module':
        return obj.exported(name);
      case 'instance':
        return ownerOf(obj.cls, this).classMember(obj.cls.node, name);
      default:
        return UNKNOWN;
    }
  }

  /**
   * `this.name` inside a class, or inside a function constructor and the methods of
   * its prototype (`X.prototype.m = function`, `X.prototype = { m() {} }`): any of
   * the values assigned to it there.
   */
  private thisMember(n: TSESTree.MemberExpression, name: string): Value {
    const owner = this.thisOwner(n);
    if (!owner) return UNKNOWN;
    if ('type' in owner) return this.withThisWrites(this.classMember(owner, name), owner, name, n);
    return this.prototypeMember(owner, name);
  }

  private readonly thisObjectWriteCache = new Map<TSESTree.ClassBody, Map<string, MemberWrite[]>>();

  /** What a class's code may write into the objects its `this.x` members hold, by member name. */
  private thisObjectWrites(body: TSESTree.ClassBody): Map<string, MemberWrite[]> {
    let map = this.thisObjectWriteCache.get(body);
    if (map) return map;
    map = new Map();
    const index = this.nodes.indexOf(body, this.sourceCode);
    const uses: TSESTree.MemberExpression[] = [];
    for (const a of index.thisMemberWritesOf(body)) {
      const base = thisMemberOf(a.left);
      if (base && base !== a.left) uses.push(base);
    }
    for (const c of index.thisCallsOf(body)) {
      if (c.callee.type === 'MemberExpression') {
        const base = thisMemberOf(c.callee.object);
        if (base) uses.push(base);
      }
      for (const a of c.arguments) {
        const u = unwrap(a);
        if (u.type === 'MemberExpression' && unwrap(u.object).type === 'ThisExpression') uses.push(u);
        else if (u.type === 'MemberExpression' && thisMemberOf(u)) uses.push(thisMemberOf(u)!);
      }
    }
    const seen = new Set<Node>();
    for (const use of uses) {
      const name = staticMemberName(use);
      if (name === undefined) continue;
      const w = writeThrough(use, (call, arg) => this.isSafeCall(call, arg));
      if (!w || seen.has(w.at)) continue;
      seen.add(w.at);
      const list = map.get(name);
      if (list) list.push(w);
      else map.set(name, [w]);
    }
    for (const list of map.values()) list.sort((a, b) => a.at.range[0] - b.at.range[0]);
    this.thisObjectWriteCache.set(body, map);
    return map;
  }

  /**
   * `this.name` read at `ref` in class `cls`, with the writes into the object it holds
   * (`this.args.loss = ...`, in `cls` or its superclasses) applied. When every
   * `this.name = ...` is in a constructor or field initializer, a write straight-line
   * in a constructor has run before any method unless something before it there may
   * run one (`this.m()`, `this` handed on, a superclass constructor that may), and
   * one before `ref` in `ref`'s own function orders by position; any other write may
   * run at any time.
   */
  private withThisWrites(
    value: Value,
    cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
    name: string,
    ref: Node,
  ): Value {
    if (value.kind !== 'object' && value.kind !== 'choice') return value;
    const chain: TSESTree.ClassBody[] = [];
    for (let c: typeof cls | undefined = cls; c && chain.length < 5;) {
      chain.push(c.body);
      const sup: Value = c.superClass ? this.evaluate(c.superClass) : UNKNOWN;
      c = sup.kind === 'class' && ownerOf(sup, this) === this ? sup.node : undefined;
    }
    const writes: { w: MemberWrite; level: number }[] = [];
    chain.forEach((body, level) => {
      for (const w of this.thisObjectWrites(body).get(name) ?? []) writes.push({ w, level });
    });
    if (writes.length === 0) return value;
    const whole: { node: Node; fn: FunctionNode | undefined; level: number; init: boolean }[] = [];
    chain.forEach((body, level) => {
      for (const node of this.classWritesOf(body).get(name) ?? []) {
        whole.push({ node, fn: enclosingFunction(node), level, init: node.parent?.type === 'PropertyDefinition' });
      }
    });
    const eligible = whole.every((x) => x.init || isConstructor(x.fn));
    const refFn = enclosingFunction(ref);
    const levelOf = new Map(writes.map((x) => [x.w, x.level]));
    // Can a method (the one reading, say) run in constructor `ctor` of class `chain[level]` before offset `to`,
    // once the member holds its object? Methods run before the object is made see another value.
    // Field initial values run before a constructor's body (after `super()`); an arrow there is only made.
    const fieldsMayRun = (body: TSESTree.ClassBody): boolean =>
      body.body.some(
        (m) =>
          m.type === 'PropertyDefinition' &&
          !m.static &&
          !!m.value &&
          !isFunctionNode(m.value) &&
          methodRunsBefore(this.sourceCode, m.value, 0, Infinity).runs,
      );
    const mayRunMethods = (ctor: FunctionNode, to: number, level: number): boolean => {
      const made = whole.filter((x) => x.fn === ctor && x.node.range[1] <= to).map((x) => x.node.range[0]);
      const { runs, supers } = methodRunsBefore(this.sourceCode, ctor.body, made.length ? Math.min(...made) : 0, to);
      if (runs || fieldsMayRun(chain[level]!)) return true;
      if (supers.length === 0) return false;
      for (let l = level + 1; ; l++) {
        const body = chain[l];
        // Past the classes followed: an unknown superclass's constructor may call any method.
        if (!body) return !!chain[l - 1]!.parent.superClass;
        const own = body.body.find((m) => m.type === 'MethodDefinition' && m.kind === 'constructor');
        if (own?.type === 'MethodDefinition')
          return own.value.type !== 'FunctionExpression' || mayRunMethods(own.value, Infinity, l);
        if (fieldsMayRun(body)) return true;
      }
    };
    const orderOf = (w: MemberWrite): WriteOrder => {
      if (!eligible || contains(w.at, ref)) return 'timing';
      const wFn = enclosingFunction(w.at);
      if (wFn === refFn) {
        if (w.at.range[1] > ref.range[0]) return 'timing';
        if (whole.some((x) => x.fn === refFn && x.node.range[0] > w.at.range[0] && x.node.range[1] < ref.range[0]))
          return 'timing';
        return isConditionalBetween(w.at, ref) ? 'conditional' : 'before';
      }
      if (!isConstructor(wFn) || isConstructor(refFn) || conditionalAbove(w.at, (p) => p === wFn)) return 'timing';
      const level = levelOf.get(w)!;
      if (mayRunMethods(wFn!, w.at.range[0], level)) return 'timing';
      // Every object the member is given is given before this write runs.
      const before = whole.every(
        (x) => (x.fn === wFn && x.node.range[1] <= w.at.range[0]) || x.level > level || (x.init && x.level === level),
      );
      return before ? 'before' : 'timing';
    };
    // In the order they run: constructors (a superclass's first), then `ref`'s function.
    const rank = (x: { w: MemberWrite; level: number }) => (enclosingFunction(x.w.at) === refFn ? 0 : 1 + x.level);
    const ordered = writes.sort((a, b) => rank(b) - rank(a) || a.w.at.range[0] - b.w.at.range[0]).map((x) => x.w);
    return mapObjects(value, (o) => applyWrites(o, ordered, orderOf, (n) => this.evaluate(n)));
  }

  /** What `this` is an instance of where `node` stands: a class, a function constructor, or unknown. */
  private thisOwner(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | Variable | undefined {
    for (let p: Node | undefined = node.parent; p; p = p.parent) {
      if (p.type === 'ClassBody') {
        const cls = p.parent;
        return cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression' ? cls : undefined;
      }
      if (p.type === 'FunctionExpression' && p.parent?.type === 'MethodDefinition') continue;
      if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression') return this.constructorOf(p);
    }
    return undefined;
  }

  private readonly prototypes = new Map<Variable, { fns: Set<Node>; methods: Map<string, Node> } | null>();

  /**
   * The function constructor `fn` belongs to: `fn` itself when it is used with `new`
   * or has a prototype, or the constructor whose prototype `fn` is a method of.
   */
  private constructorOf(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression): Variable | undefined {
    let id: TSESTree.Identifier | undefined;
    const parent = fn.parent;
    if (fn.type === 'FunctionDeclaration' && fn.id) id = fn.id;
    else if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') id = parent.id;
    if (id) {
      const v = this.sourceCode.getDeclaredVariables(fn.type === 'FunctionDeclaration' ? fn : parent!)[0];
      return v && this.prototypeOf(v)?.fns.has(fn) ? v : undefined;
    }
    // A method: `X.prototype.m = fn`, or a property of `X.prototype = { ... }`.
    let target: Node | undefined;
    if (parent?.type === 'AssignmentExpression' && parent.right === fn) target = parent.left;
    else if (parent?.type === 'Property' && parent.value === fn) {
      const obj = parent.parent;
      const assign = obj?.parent;
      if (assign?.type === 'AssignmentExpression' && assign.right === obj) target = assign.left;
    }
    const ctor = target && prototypeTarget(unwrap(target));
    if (!ctor) return undefined;
    const v = this.variableOf(ctor);
    return v && this.prototypeOf(v)?.fns.has(fn) ? v : undefined;
  }

  /**
   * The functions whose `this` is an instance of the function constructor `v` (the
   * constructor and its prototype's methods) and those methods by name; null when
   * `v` is no function constructor.
   */
  private prototypeOf(v: Variable): { fns: Set<Node>; methods: Map<string, Node> } | null {
    const hit = this.prototypes.get(v);
    if (hit !== undefined) return hit;
    let result: { fns: Set<Node>; methods: Map<string, Node> } | null = null;
    const def = v.defs[0];
    const ctor =
      v.defs.length !== 1
        ? undefined
        : def?.type === 'FunctionName' && def.node.type === 'FunctionDeclaration'
          ? def.node
          : def?.type === 'Variable' && (def.node as TSESTree.VariableDeclarator).init?.type === 'FunctionExpression'
            ? ((def.node as TSESTree.VariableDeclarator).init as TSESTree.FunctionExpression)
            : undefined;
    if (ctor) {
      const fns = new Set<Node>([ctor]);
      const methods = new Map<string, Node>();
      let isCtor = false;
      for (const r of v.references) {
        const id = r.identifier as Node;
        const p = id.parent;
        if (p?.type === 'NewExpression' && p.callee === id) isCtor = true;
        if (p?.type !== 'MemberExpression' || p.object !== id || staticMemberName(p) !== 'prototype') continue;
        isCtor = true;
        const up = p.parent;
        // `X.prototype.m = function () {}`
        if (up?.type === 'MemberExpression' && up.object === p && up.parent?.type === 'AssignmentExpression') {
          const name = staticMemberName(up);
          const fn = unwrap(up.parent.right);
          if (up.parent.left === up && name !== undefined && isFunctionNode(fn)) {
            fns.add(fn);
            methods.set(name, fn);
          }
        }
        // `X.prototype = { m() {}, n: function () {} }`
        if (up?.type === 'AssignmentExpression' && up.left === p) {
          const obj = unwrap(up.right);
          if (obj.type !== 'ObjectExpression') continue;
          for (const prop of obj.properties) {
            if (prop.type !== 'Property') continue;
            const key = propertyKey(prop);
            if (key !== undefined && isFunctionNode(prop.value)) {
              fns.add(prop.value);
              methods.set(key, prop.value);
            }
          }
        }
      }
      if (isCtor) result = { fns, methods };
    }
    this.prototypes.set(v, result);
    return result;
  }

  /** `this.name` of a function constructor's instances: its methods and every `this.name = ...` of its functions. */
  private prototypeMember(ctor: Variable, name: string): Value {
    const proto = this.prototypeOf(ctor);
    if (!proto) return UNKNOWN;
    const values: Value[] = [];
    for (const w of this.nodes.recorded.thisWrites) {
      const left = w.left as TSESTree.MemberExpression;
      if (staticMemberName(left) !== name || !proto.fns.has(thisFunction(w)!)) continue;
      values.push(w.operator === '=' ? this.evaluate(w.right) : UNKNOWN);
    }
    const method = proto.methods.get(name);
    if (method) values.push({ kind: 'function', node: method as FunctionNode, owner: this });
    return anyOf(values, true);
  }

  /**
   * `ref.current` of a React ref (`const ref = useRef(init)`): its initial value or
   * any value assigned to `ref.current`; undefined when `ref` is no such ref.
   */
  private refCurrent(id: TSESTree.Identifier): Value | undefined {
    const v = this.variableOf(id);
    const def = v?.defs[0];
    if (!v || v.defs.length !== 1 || def?.type !== 'Variable') return undefined;
    const decl = def.node as TSESTree.VariableDeclarator;
    const init = decl.init && unwrap(decl.init);
    if ((decl.parent as TSESTree.VariableDeclaration).kind !== 'const' || init?.type !== 'CallExpression')
      return undefined;
    if (calleeName(init) !== 'useRef') return undefined;
    const a0 = init.arguments[0];
    const values: Value[] = [
      a0 && a0.type !== 'SpreadElement' ? this.evaluate(a0) : { kind: 'const', value: undefined },
    ];
    for (const r of v.references) {
      const p = (r.identifier as Node).parent;
      if (p?.type !== 'MemberExpression' || p.object !== r.identifier) continue;
      const up = p.parent;
      if (up?.type === 'AssignmentExpression' && up.left === p) {
        if (staticMemberName(p) !== 'current') continue;
        values.push(up.operator === '=' ? this.evaluate(up.right) : UNKNOWN);
      }
    }
    return anyOf(values, true);
  }

  /**
   * A member of a class's instances: any of the values the class (or, when it
   * assigns none, its superclass) gives it — `this.x = ...` anywhere in the
   * class, a field initializer, or a method.
   */
  classMember(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string, depth = 0): Value {
    const writes = this.classWritesOf(cls.body).get(name);
    if (writes && writes.length > 0)
      return anyOf(
        writes.map((w) => this.evaluate(w)),
        true,
      );
    if (cls.superClass && depth < 4) {
      const sup = this.evaluate(cls.superClass);
      if (sup.kind === 'class') return ownerOf(sup, this).classMember(sup.node, name, depth + 1);
    }
    return UNKNOWN;
  }

  private classWritesOf(cls: TSESTree.ClassBody): Map<string, Node[]> {
    let map = this.classWrites.get(cls);
    if (map) return map;
    // Field initializers, methods and `this.x` assignments, in source order.
    const entries: { at: number; name: string; value: Node }[] = [];
    for (const node of cls.body) {
      if (node.type === 'PropertyDefinition' && node.value && !node.computed && node.key.type === 'Identifier') {
        entries.push({ at: node.range[0], name: node.key.name, value: node.value });
      } else if (
        node.type === 'MethodDefinition' &&
        node.kind === 'method' &&
        !node.computed &&
        node.key.type === 'Identifier'
      ) {
        entries.push({ at: node.range[0], name: node.key.name, value: node.value });
      }
    }
    for (const w of this.nodes.indexOf(cls, this.sourceCode).thisWritesOf(cls)) {
      const key = staticMemberName(w.left as TSESTree.MemberExpression);
      if (key === undefined) continue;
      // A compound assignment evaluates to unknown.
      entries.push({ at: w.range[0], name: key, value: w.operator === '=' ? w.right : w });
    }
    entries.sort((a, b) => a.at - b.at);
    map = new Map();
    for (const e of entries) {
      const list = map.get(e.name);
      if (list) list.push(e.value);
      else map.set(e.name, [e.value]);
    }
    this.classWrites.set(cls, map);
    return map;
  }

  // ---------------------------------------------------------------------------
  // Calls

  private call(n: TSESTree.CallExpression, env: Env | undefined): Value {
    const req = this.requireCall(n);
    if (req) return req;
    if (this.isPromiseAll(n)) return this.promiseAll(n, env);
    const callee = unwrap(n.callee);
    if (callee.type === 'MemberExpression') {
      const name = this.memberName(callee, env);
      if (name === undefined) return UNKNOWN;
      const object = unwrap(callee.object);
      if (object.type === 'ThisExpression') return this.callValue(this.thisMember(callee, name), n, env);
      if (
        name === 'from' &&
        object.type === 'Identifier' &&
        object.name === 'Array' &&
        !this.variableOf(object)?.defs.length
      ) {
        const a0 = n.arguments[0];
        return a0 && a0.type !== 'SpreadElement' ? this.mapped(this.evaluate(a0, env), n.arguments[1], env) : UNKNOWN;
      }
      // Calling a method of null or undefined throws: no value comes out of that path.
      const obj = callee.optional ? this.evaluate(object, env) : withoutNullish(this.evaluate(object, env));
      if (obj.kind === 'tf') return tfCall(this, childPath(obj.path, name), n, env);
      return this.method(obj, name, n, env);
    }
    return this.callValue(this.evaluate(callee, env), n, env);
  }

  private callValue(value: Value, n: TSESTree.CallExpression, env: Env | undefined): Value {
    const fn = called(value);
    if (fn.kind === 'tf') return tfCall(this, fn.path, n, env);
    if (fn.kind === 'function') return this.invoke(fn, n.arguments, env);
    return UNKNOWN;
  }

  /** Call a function value, in the evaluator of the file it is written in. */
  invoke(fn: FunctionValue, args: readonly Node[] | readonly Value[], env: Env | undefined): Value {
    const owner = ownerOf(fn, this);
    if (owner === this) return this.callFunction(fn.node, args, env);
    // Into another file's evaluator: its calls nest on top of ours.
    if (nesting.calls >= MAX_CALL_DEPTH) return UNKNOWN;
    const values = args.map((a) => (isValue(a) ? a : a.type === 'SpreadElement' ? UNKNOWN : this.evaluate(a, env)));
    nesting.calls += 1;
    try {
      return owner.callFunction(fn.node, values, { bindings: new Map(), depth: nesting.calls });
    } finally {
      nesting.calls -= 1;
    }
  }

  /** Call a function of this file with its arguments bound (a small helper, a factory). */
  callFunction(fn: FunctionNode, args: readonly Node[] | readonly Value[], env: Env | undefined): Value {
    const inner = this.bind(fn, args, env);
    return inner ? this.returnValue(fn, inner) : UNKNOWN;
  }

  /** The environment of a call of `fn` with `args`: parameters bound to the arguments' values. */
  bind(fn: FunctionNode, args: readonly Node[] | readonly Value[], env: Env | undefined): Env | undefined {
    const depth = env?.depth ?? 0;
    if (depth >= MAX_CALL_DEPTH) return undefined;
    const bindings = new Map(env?.bindings);
    const variables = this.sourceCode.getDeclaredVariables(fn);
    for (let i = 0; i < fn.params.length; i++) {
      const p = fn.params[i]!;
      const id =
        p.type === 'Identifier'
          ? p
          : p.type === 'AssignmentPattern' && p.left.type === 'Identifier'
            ? p.left
            : undefined;
      if (!id) continue;
      const variable = variables.find((v) => v.defs.some((d) => d.name === id));
      if (!variable) continue;
      const arg = args[i];
      let value: Value;
      if (arg === undefined) {
        value = p.type === 'AssignmentPattern' ? this.evaluate(p.right) : { kind: 'const', value: undefined };
      } else if (isValue(arg)) {
        value = arg;
      } else {
        value = arg.type === 'SpreadElement' ? UNKNOWN : this.evaluate(arg, env);
      }
      bindings.set(variable, this.withAnnotation(value, id));
    }
    return env?.turnLayers
      ? { bindings, depth: depth + 1, turnLayers: env.turnLayers }
      : { bindings, depth: depth + 1 };
  }

  /** What a function returns, under the given bindings. */
  returnValue(fn: FunctionNode, env: Env): Value {
    if (fn.body.type !== 'BlockStatement') return this.evaluate(fn.body, env);
    let returns = this.returnsOf(fn);
    if (returns.length === 0) return { kind: 'const', value: undefined };
    // With arguments bound, a `switch` or `if` on a constant leaves some returns unreached
    // (`toMetric('acc')` returns what `case 'acc':` returns).
    if (env.bindings.size > 0 && returns.length > 1) {
      const reached = returns.filter((r) => this.mayReach(r, fn, env));
      if (reached.length > 0) returns = reached;
    }
    return anyOf(
      returns.map((r) => (r.argument ? this.evaluate(r.argument, env) : { kind: 'const', value: undefined })),
    );
  }

  /** May `stmt` run in a call of `fn` under `env`? False only when a branch around it is decided against it. */
  private mayReach(stmt: Node, fn: FunctionNode, env: Env): boolean {
    for (let n: Node = stmt; n.parent && n.parent !== fn; n = n.parent) {
      const p: Node = n.parent;
      if (p.type === 'IfStatement' && n !== p.test) {
        const t = this.evaluate(p.test, env);
        if (t.kind === 'const' && !!t.value !== (n === p.consequent)) return false;
      } else if (p.type === 'SwitchCase' && n !== p.test) {
        if (!this.mayReachCase(p, env)) return false;
      }
    }
    return true;
  }

  /** May the statements of `case` run: its test matches, or an earlier matching case falls through to it? */
  private mayReachCase(c: TSESTree.SwitchCase, env: Env): boolean {
    const sw = c.parent as TSESTree.SwitchStatement;
    const d = this.evaluate(sw.discriminant, env);
    if (d.kind !== 'const') return true;
    let match = -1;
    for (let i = 0; i < sw.cases.length && match < 0; i++) {
      const test = sw.cases[i]!.test;
      if (!test) continue;
      const t = this.evaluate(test, env);
      if (t.kind !== 'const') return true;
      if (t.value === d.value) match = i;
    }
    if (match < 0) match = sw.cases.findIndex((x) => !x.test);
    const at = sw.cases.indexOf(c);
    if (match < 0 || at < match) return false;
    // Fall through from the matching case only while no case before `c` ends in a jump.
    for (let i = match; i < at; i++) {
      const last = sw.cases[i]!.consequent.at(-1);
      if (last && (last.type === 'ReturnStatement' || last.type === 'BreakStatement' || last.type === 'ThrowStatement'))
        return false;
    }
    return true;
  }

  /** The `return` statements of a function, from the exits recorded in its file's pass. */
  returnsOf(fn: FunctionNode): TSESTree.ReturnStatement[] {
    let list = this.returnCache.get(fn);
    if (list) return list;
    list = [];
    // `fn` may be in another module (see RecordedNodes.indexOf).
    for (const exit of this.nodes.indexOf(fn, this.sourceCode).exitsOf(fn)) {
      if (exit.type === 'ReturnStatement') list.push(exit);
    }
    this.returnCache.set(fn, list);
    return list;
  }

  private method(obj: Value, name: string, n: TSESTree.CallExpression, env: Env | undefined): Value {
    switch (obj.kind) {
      case 'choice': {
        // Calling a method of null or undefined throws: no value comes out of that path.
        const options = obj.options.filter((o) => !isNullish(o.value));
        if (options.length === 0) return UNKNOWN;
        return {
          kind: 'choice',
          options: options.map((o) => ({ guard: o.guard, value: this.method(o.value, name, n, env) })),
        };
      }
      case 'function':
        if (name === 'call') return this.invoke(obj, n.arguments.slice(1), env);
        return UNKNOWN;
      case 'array':
        return name === 'map' ? this.mapped(obj, n.arguments[0], env) : UNKNOWN;
      case 'tf':
        return tfCall(this, childPath(obj.path, name), n, env);
      case 'instance':
      case 'module': {
        const member = this.getMember(obj, name);
        return this.callValue(member, n, env);
      }
      default:
        return tfMethod(this, obj, name, n, env) ?? UNKNOWN;
    }
  }

  /** The one model fact of a model-making call (see tf-api.ts). */
  modelFact(
    n: TSESTree.CallExpression | TSESTree.NewExpression,
    kind: ModelFact['kind'],
    config: Node | undefined,
    env: Env | undefined,
  ): ModelFact {
    let fact = this.modelFacts.get(n);
    if (fact) return fact;
    const cfg = config && config.type !== 'SpreadElement' ? this.evaluate(config, env) : undefined;
    fact = {
      id: this.nextModelId++,
      owner: this,
      kind,
      node: n,
      initialLayers:
        kind === 'sequential'
          ? cfg
            ? this.getMember(cfg, 'layers')
            : { kind: 'array', elements: [], complete: true }
          : undefined,
      outputs: kind === 'functional' && cfg ? this.getMember(cfg, 'outputs') : undefined,
      adds: [],
    };
    this.modelFacts.set(n, fact);
    return fact;
  }

  /** The one layer fact of a `tf.layers.*` call (under a loop turn's bindings, the turn's). */
  layerFact(factory: string, n: TSESTree.CallExpression, config: Node | undefined, env: Env | undefined): LayerFact {
    const facts = env?.turnLayers ?? this.layerFacts;
    let fact = facts.get(n);
    if (fact) return fact;
    const configNode = config ? unwrap(config) : undefined;
    fact = {
      factory,
      info: layerInfo(factory),
      call: n,
      config:
        configNode && configNode.type !== 'SpreadElement'
          ? this.evaluate(configNode, env)
          : configNode
            ? UNKNOWN
            : { kind: 'object', props: new PropertyTable(), complete: true },
      configNode: configNode?.type === 'ObjectExpression' ? configNode : undefined,
      ...(env?.turnLayers ? { inLoopTurn: true as const } : {}),
    };
    facts.set(n, fact);
    return fact;
  }

  // ---------------------------------------------------------------------------
  // Conditions

  /** The guard of a condition evaluated under `env` (see `condition`). */
  conditionIn(test: Node, env: Env | undefined): Guard {
    // `pick(c, a, b)` called as `pick(isA, …)` and `pick(isB, …)`: `c` is another
    // condition at each call, so a test of a parameter bound here, in a function called
    // from several places, is a condition of its own.
    if (env && env.bindings.size > 0 && this.sharedParametersOf(test).some((v) => env.bindings.has(v)))
      return { key: freshKey(), value: true };
    return this.condition(test);
  }

  private readonly sharedParameters = new Map<Node, Variable[]>();

  /** The parameters a condition reads that belong to functions called from several places (or escaping). */
  private sharedParametersOf(test: Node): Variable[] {
    let list = this.sharedParameters.get(test);
    if (list) return list;
    list = [];
    walk(this.sourceCode, test, (node) => {
      if (node.type !== 'Identifier') return !isFunctionNode(node);
      const v = this.variableOf(node);
      const def = v?.defs[0];
      if (v && def?.type === 'Parameter') {
        const calls = this.callSites(def.node as FunctionNode);
        if (!calls || calls.length > 1) list!.push(v);
      }
      return false;
    });
    this.sharedParameters.set(test, list);
    return list;
  }

  /**
   * The guard naming a condition: `!c` is `c` negated, `a !== b` is `a === b`
   * negated; the key is the condition's text plus the identity of each variable
   * it reads, or fresh when one of them is ever reassigned.
   */
  condition(test: Node): Guard {
    const t = unwrap(test);
    const hit = this.condKeyCache.get(t);
    if (hit) return hit;
    let guard: Guard;
    if (t.type === 'UnaryExpression' && t.operator === '!') {
      const inner = this.condition(t.argument);
      guard = { key: inner.key, value: !inner.value };
    } else {
      let text = this.sourceCode.getText(t).replace(/\s+/g, '');
      let value = true;
      if (t.type === 'BinaryExpression' && (t.operator === '!==' || t.operator === '!=')) {
        text = text.replace(/!==?/, '===');
        value = false;
      } else if (t.type === 'BinaryExpression' && t.operator === '==') {
        text = text.replace(/==/, '===');
      }
      guard = { key: this.conditionKey(text, [t]), value };
    }
    this.condKeyCache.set(t, guard);
    return guard;
  }

  /**
   * The key of a condition written as `text` that reads `parts`: the text plus the
   * identity of each variable read, or fresh when one is ever reassigned or a part
   * may give a new value each time it runs.
   */
  private conditionKey(text: string, parts: readonly Node[]): string {
    const ids: string[] = [];
    let stable = true;
    const walkInto = (node: Node): void => {
      const n = unwrap(node);
      if (n.type === 'Identifier') {
        const v = this.variableOf(n);
        if (!v) ids.push(`${n.name}@global`);
        else if (this.writesOf(v).length > 1 || (v.defs[0]?.type === 'Parameter' && this.writesOf(v).length > 0))
          stable = false;
        else ids.push(`${n.name}@${v.defs[0]?.name.range[0] ?? '?'}`);
      } else if (n.type === 'MemberExpression') {
        if (unwrap(n.object).type === 'ThisExpression') stable = false;
        else walkInto(n.object);
      } else if (n.type === 'CallExpression') {
        stable = false;
      }
    };
    for (const part of parts) {
      walk(this.sourceCode, part, (node) => {
        if (node.type === 'MemberExpression' && !node.computed) {
          walkInto(node.object);
          return false;
        }
        if (node.type === 'Identifier') walkInto(node);
        // A call, `await`, `new` or write gives a new value each time (`Math.random() > 0.5`).
        if (VOLATILE.has(node.type)) stable = false;
        return isFunctionNode(node) ? ((stable = false), false) : true;
      });
    }
    return stable ? `${this.id}:${text}|${ids.join(',')}` : freshKey();
  }

  /**
   * The conditions under which the body of a `switch` case runs, as the guards of
   * the comparisons written out: `case 'prob':` of `switch (mode)` is `mode ===
   * 'prob'` (so it pairs with a `mode === 'prob' ? … : …` elsewhere), `default:` is
   * every other case's comparison false. Undefined when the case before falls
   * through into it.
   */
  caseConditions(c: TSESTree.SwitchCase): Guard[] | undefined {
    const sw = c.parent as TSESTree.SwitchStatement;
    const i = sw.cases.indexOf(c);
    const prev = sw.cases[i - 1];
    const last = prev?.consequent[prev.consequent.length - 1];
    if (prev && !(last && EXITS.has(last.type))) return undefined;
    const disc = unwrap(sw.discriminant);
    const text = (test: Node) =>
      `${this.sourceCode.getText(disc).replace(/\s+/g, '')}===${this.sourceCode.getText(unwrap(test)).replace(/\s+/g, '')}`;
    if (c.test) return [{ key: this.conditionKey(text(c.test), [disc, unwrap(c.test)]), value: true }];
    return sw.cases.flatMap((o) =>
      o.test ? [{ key: this.conditionKey(text(o.test), [disc, unwrap(o.test)]), value: false }] : [],
    );
  }
}

let nextEvaluatorId = 0;

/** Statements that end a `switch` case without falling into the next. */
const EXITS = new Set<string>(['BreakStatement', 'ReturnStatement', 'ThrowStatement', 'ContinueStatement']);

/** Expressions whose value may differ each time they run: a condition with one is a condition of its own. */
const VOLATILE = new Set<string>([
  'CallExpression',
  'NewExpression',
  'AwaitExpression',
  'UpdateExpression',
  'AssignmentExpression',
  'YieldExpression',
]);

/** Methods of models and layers that take config objects and leave them unchanged. */
const MODEL_METHODS = new Set(['compile', 'fit', 'fitDataset', 'evaluate', 'evaluateDataset', 'predict', 'add']);

/** `Object.*` functions that only read their arguments (`Object.assign` writes its first). */
const READING_OBJECT_FUNCTIONS = new Set(['assign', 'keys', 'values', 'entries', 'freeze', 'getOwnPropertyNames']);

function isConstructor(fn: FunctionNode | undefined): boolean {
  return fn?.parent?.type === 'MethodDefinition' && fn.parent.kind === 'constructor';
}

function calleeIsRequire(n: Node): boolean {
  const c = unwrap(n);
  return c.type === 'CallExpression' && calleeName(c) === 'require';
}

/** Apply `f` to each object `value` may be. */
function mapObjects(value: Value, f: (o: ObjectValue) => ObjectValue): Value {
  if (value.kind === 'object') return f(value);
  if (value.kind !== 'choice') return value;
  return { kind: 'choice', options: value.options.map((o) => ({ guard: o.guard, value: mapObjects(o.value, f) })) };
}

/** `value` with every object it may be opened (its properties may have been changed). */
function openedObjects(value: Value): Value {
  return mapObjects(value, (o) => opened(o) as ObjectValue);
}

/** An array or object literal's value once code may have changed it: length and properties unknown. */
function opened(value: ArrayValue | ObjectValue): Value {
  if (value.kind === 'array') return { ...value, complete: false };
  return { ...value, props: value.props.opened(), complete: false };
}

/** Nesting shared by all evaluators (the linted file's and its imported modules'). */
const nesting = { depth: 0, calls: 0 };

/** The evaluator of the file a function or class value comes from. */
export function ownerOf(v: { owner?: object }, fallback: Evaluator): Evaluator {
  return v.owner instanceof Evaluator ? v.owner : fallback;
}

function literal(n: TSESTree.Literal): Value {
  if ('regex' in n && n.regex) return UNKNOWN;
  if (typeof n.value === 'bigint') return UNKNOWN;
  return { kind: 'const', value: n.value as Primitive, origin: n };
}

function isValue(x: Node | Value): x is Value {
  return !('type' in x);
}

/** `X.prototype.m` or `X.prototype`: the identifier `X`. */
function prototypeTarget(n: Node): TSESTree.Identifier | undefined {
  if (n.type !== 'MemberExpression') return undefined;
  const proto = staticMemberName(n) === 'prototype' ? n : unwrap(n.object);
  if (proto.type !== 'MemberExpression' || staticMemberName(proto) !== 'prototype') return undefined;
  const x = unwrap(proto.object);
  return x.type === 'Identifier' ? x : undefined;
}

/** The function whose `this` a node sees (arrow functions are looked through). */
function thisFunction(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression') return p;
    if (p.type === 'ClassBody') return undefined;
  }
  return undefined;
}

/**
 * A value with its null and undefined possibilities dropped (a path that reads a
 * property of one throws); one TF.js object when every other path is that object.
 */
function withoutNullish(value: Value): Value {
  if (value.kind !== 'choice') return value;
  const options = value.options.filter((o) => !isNullish(o.value));
  if (options.length === 0) return UNKNOWN;
  // Every remaining path the same TF.js object (`tf` set by a require in a try and in its catch).
  const first = options[0]!.value;
  if (first.kind === 'tf' && options.every((o) => o.value.kind === 'tf' && o.value.path === first.path)) return first;
  if (options.length === value.options.length) return value;
  return options.length === 1 ? first : { kind: 'choice', options };
}

/**
 * The first construct between `from` and the first ancestor where `stop` holds
 * that may skip `from` (a branch, loop, callback ...), with the child `from` is in;
 * null when none.
 */
function conditionalAbove(from: Node, stop: (p: Node) => boolean): { p: Node; n: Node } | null {
  for (let n: Node = from; n.parent; n = n.parent) {
    const p: Node = n.parent;
    if (stop(p)) return null;
    switch (p.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
        if (n !== p.test) return { p, n };
        break;
      case 'LogicalExpression':
        if (n === p.right) return { p, n };
        break;
      case 'SwitchCase':
      case 'CatchClause':
      case 'TryStatement':
        return { p, n };
      default:
        if (isLoop(p) || isFunctionNode(p)) return { p, n };
    }
  }
  return null;
}

/**
 * Is `write` in one arm of a branch (`if`, `?:`) whose other arm (or test) holds
 * `ref`, with no loop around the branch in `fn`? Then it never runs before `ref`
 * (`if (c) { p = a } else { use(p) }`).
 */
function inOtherArm(write: Node, ref: Node, fn: Node | undefined): boolean {
  for (let n: Node = write; n.parent; n = n.parent) {
    const p: Node = n.parent;
    if (!contains(p, ref)) continue;
    const isArm =
      (p.type === 'IfStatement' || p.type === 'ConditionalExpression') && (n === p.consequent || n === p.alternate);
    if (!isArm || contains(n, ref)) return false;
    for (let q: Node | undefined = p.parent; q && q !== fn; q = q.parent) if (isLoop(q)) return false;
    return true;
  }
  return false;
}

/**
 * True when something between `write` and `ref` may skip `write`: a branch,
 * a loop body or a callback that does not also contain `ref`.
 */
function isConditionalBetween(write: Node, ref: Node): boolean {
  for (let n: Node | undefined = write; n?.parent; n = n.parent) {
    const p: Node = n.parent;
    if (contains(p, ref)) return false;
    switch (p.type) {
      case 'IfStatement':
        if (n !== p.test) return true;
        break;
      case 'ConditionalExpression':
        if (n !== p.test) return true;
        break;
      case 'LogicalExpression':
        if (n === p.right) return true;
        break;
      case 'SwitchCase':
      case 'CatchClause':
      case 'TryStatement':
        return true;
      default:
        if (isLoop(p) || isFunctionNode(p)) return true;
    }
  }
  return false;
}
