/** Small AST helpers shared by the analysis (pure functions of nodes). */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, Node } from './values.js';

/** Strip TS-only wrappers and parentheses-free wrappers that do not change the value. */
export function unwrap(node: Node): Node {
  let n: Node = node;
  for (;;) {
    switch (n.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        n = n.expression;
        continue;
      case 'ChainExpression':
        n = n.expression;
        continue;
      default:
        return n;
    }
  }
}

export function isFunctionNode(node: Node): node is FunctionNode {
  return (
    node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression'
  );
}

/** The innermost function containing `node`, or undefined at module level. */
export function enclosingFunction(node: Node): FunctionNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunctionNode(n)) return n;
  return undefined;
}

/** The static name of `obj.name` / `obj['name']`, or undefined when computed from a non-literal. */
export function staticMemberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === 'Identifier' ? node.property.name : undefined;
  }
  const p = unwrap(node.property);
  if (p.type === 'Literal' && (typeof p.value === 'string' || typeof p.value === 'number')) {
    return String(p.value);
  }
  if (p.type === 'TemplateLiteral' && p.expressions.length === 0) {
    return p.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The name a call's (or `new`'s) callee ends with: `f` in `f()`, `b` in `a.b()`, `C` in `new a.C()`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const c = unwrap(call.callee);
  if (c.type === 'Identifier') return c.name;
  if (c.type === 'MemberExpression') return staticMemberName(c);
  return undefined;
}

/** The key of a non-computed (or literal-computed) object property. */
export function propertyKey(p: TSESTree.Property): string | undefined {
  if (!p.computed) {
    if (p.key.type === 'Identifier') return p.key.name;
    if (p.key.type === 'Literal') return String(p.key.value);
    return undefined;
  }
  const k = unwrap(p.key);
  if (k.type === 'Literal' && (typeof k.value === 'string' || typeof k.value === 'number')) {
    return String(k.value);
  }
  return undefined;
}

export function isLoop(node: Node): boolean {
  switch (node.type) {
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
      return true;
    default:
      return false;
  }
}

/**
 * An `if` without `else` whose arm always ends by leaving its function (`if (raw)
 * return …;`, `throw`): the statements after it run only when its test is false.
 */
export function isExitingIf(st: Node): st is TSESTree.IfStatement {
  if (st.type !== 'IfStatement' || st.alternate) return false;
  const last = st.consequent.type === 'BlockStatement' ? st.consequent.body.at(-1) : st.consequent;
  return last?.type === 'ReturnStatement' || last?.type === 'ThrowStatement';
}

/**
 * The number of leading `items` for which `before` holds, found by binary search:
 * `before` must hold for a prefix of `items` and for nothing after it (items sorted
 * by position, `before` a comparison with one position).
 */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when `inner` lies inside `outer` (or is it). */
export function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * The variable `name` refers to in `scope` (the innermost declaration), if declared.
 * `findVariable` of @eslint-community/eslint-utils is the same loop; the plugin
 * loads no runtime package for it.
 */
export function resolveName(scope: TSESLint.Scope.Scope | null, name: string): TSESLint.Scope.Variable | undefined {
  for (let s = scope; s; s = s.upper) {
    const v = s.set.get(name);
    if (v) return v;
  }
  return undefined;
}

/**
 * Pre-order walk over `root` using the parser's visitor keys. `visit` returns
 * false to skip a node's children. Iterative, so deep trees cannot overflow.
 */
export function walk(sourceCode: Readonly<TSESLint.SourceCode>, root: Node, visit: (node: Node) => boolean): void {
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!visit(node)) continue;
    const k = keys[node.type];
    if (!k) continue;
    for (let i = k.length - 1; i >= 0; i--) {
      const child = (node as unknown as Record<string, unknown>)[k[i]!];
      if (Array.isArray(child)) {
        for (let j = child.length - 1; j >= 0; j--) {
          const c = child[j] as Node | null;
          if (c && typeof c.type === 'string') stack.push(c);
        }
      } else if (child && typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
}

/** Is a module specifier relative (`./m`, `../m`): a file of the project? */
export function isRelativeSpecifier(source: unknown): source is string {
  return typeof source === 'string' && (source.startsWith('./') || source.startsWith('../'));
}

/** The module of `require('m')` (a string literal argument) when `node` is such a call. */
export function requiredModule(node: Node | null | undefined): string | undefined {
  const call = node && unwrap(node);
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'require')
    return undefined;
  const arg = call.arguments[0];
  return arg?.type === 'Literal' && typeof arg.value === 'string' ? arg.value : undefined;
}

/** The module of TypeScript's `import x = require('m')` when `node` is one. */
export function importEqualsModule(node: Node): string | undefined {
  if (node.type !== 'TSImportEqualsDeclaration') return undefined;
  const ref = node.moduleReference;
  return ref.type === 'TSExternalModuleReference' &&
    ref.expression.type === 'Literal' &&
    typeof ref.expression.value === 'string'
    ? ref.expression.value
    : undefined;
}

/**
 * The relative specifiers a file imports, each once: `import` (side-effect imports
 * too, not `import type`), `export … from`, `import x = require(…)` and `require(…)`
 * among `calls`.
 */
export function relativeImports(program: TSESTree.Program, calls: readonly TSESTree.CallExpression[]): string[] {
  const out = new Set<string>();
  const add = (source: unknown) => {
    if (isRelativeSpecifier(source)) out.add(source);
  };
  for (const stmt of program.body) {
    if (stmt.type === 'ImportDeclaration' && stmt.importKind !== 'type') add(stmt.source.value);
    else if (stmt.type === 'ExportAllDeclaration' && stmt.exportKind !== 'type') add(stmt.source.value);
    else if (stmt.type === 'ExportNamedDeclaration' && stmt.source && stmt.exportKind !== 'type')
      add(stmt.source.value);
    else if (stmt.type === 'TSImportEqualsDeclaration' && stmt.importKind !== 'type') add(importEqualsModule(stmt));
  }
  for (const call of calls) add(requiredModule(call));
  return [...out];
}

/** The class body whose instance `this` is at `node` (arrow functions keep it; other functions do not), if any. */
export function thisClassBody(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'ClassBody') return n;
    if (n.type === 'FunctionDeclaration') return undefined;
    if (n.type === 'FunctionExpression' && n.parent?.type !== 'MethodDefinition') return undefined;
  }
  return undefined;
}

/** The program (file) a node is in: nodes of imported modules are in theirs. */
export function programOf(node: Node): TSESTree.Program | undefined {
  let n: Node | undefined = node;
  while (n && n.type !== 'Program') n = n.parent;
  return n;
}

/** Does a program export code (ES `export`, `module.exports`/`exports.x =`, `export =`): may other files use its values? */
export function exportsCode(program: TSESTree.Program): boolean {
  return program.body.some((stmt) => {
    // `export {}` (a TypeScript module marker) exports nothing.
    if (stmt.type === 'ExportNamedDeclaration')
      return stmt.exportKind !== 'type' && (!!stmt.declaration || stmt.specifiers.length > 0);
    if (stmt.type === 'ExportDefaultDeclaration' || stmt.type === 'TSExportAssignment') return true;
    if (stmt.type !== 'ExpressionStatement' || stmt.expression.type !== 'AssignmentExpression') return false;
    let target: Node = stmt.expression.left;
    while (target.type === 'MemberExpression') target = target.object;
    return target.type === 'Identifier' && (target.name === 'module' || target.name === 'exports');
  });
}

/** A declaration other modules can read (`export function f`, `export const x = …`). */
export function isExportedDeclaration(declaration: Node): boolean {
  const statement = declaration.type === 'VariableDeclarator' ? declaration.parent : declaration;
  const p = statement?.parent;
  return p?.type === 'ExportNamedDeclaration' || p?.type === 'ExportDefaultDeclaration';
}
