/**
 * The classes a project registers with `tf.serialization.registerClass(X)`, by the
 * name TF.js files them under: `X.className` (a static field, a static getter, or an
 * `X.className = '...'` assignment). TF.js looks activation strings up among every
 * registered class, so a registered class name is a valid activation (what was run
 * to find this: docs/rules/valid-identifiers.md). A file whose text never says
 * `registerClass` registers nothing and is not evaluated.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { staticMemberName, unwrap } from './ast.js';
import { ownerOf, type Evaluator } from './evaluator.js';
import { possibilities } from './guards.js';
import { MAX_HOPS } from './modules/resolve.js';
import { UNKNOWN, type ClassValue, type ModuleValue, type Node, type RegisteredNames, type Value } from './values.js';

export const NO_REGISTRATIONS: RegisteredNames = Object.freeze({ names: new Set<string>(), unreadable: false });

/** Most superclasses looked through for an inherited `className`. */
const MAX_SUPERCLASSES = 4;

/** The classes a file registers itself: every `registerClass(X)` call among `calls`. */
export function ownRegistrations(ev: Evaluator, calls: readonly TSESTree.CallExpression[]): RegisteredNames {
  if (!ev.sourceCode.text.includes('registerClass')) return NO_REGISTRATIONS;
  const names = new Set<string>();
  let unreadable = false;
  for (const call of calls) {
    if (!isRegisterClass(ev, call)) continue;
    const arg = call.arguments[0];
    const read = arg && arg.type !== 'SpreadElement' ? classNamesOf(ev, ev.evaluate(arg), unwrap(arg)) : null;
    if (read) for (const name of read) names.add(name);
    else unreadable = true;
  }
  return names.size === 0 && !unreadable ? NO_REGISTRATIONS : { names, unreadable };
}

/**
 * What a file and the project modules it imports register (their imports too, up
 * to MAX_HOPS modules deep, each module once).
 */
export function reachableRegistrations(own: RegisteredNames, imports: readonly ModuleValue[]): RegisteredNames {
  const names = new Set(own.names);
  let unreadable = own.unreadable;
  const seen = new Set<ModuleValue>();
  let level = imports;
  for (let hop = 0; hop < MAX_HOPS && level.length > 0; hop++) {
    const next: ModuleValue[] = [];
    for (const m of level) {
      if (seen.has(m)) continue;
      seen.add(m);
      const r = m.registrations?.() ?? NO_REGISTRATIONS;
      for (const name of r.names) names.add(name);
      unreadable ||= r.unreadable;
      if (hop + 1 < MAX_HOPS) next.push(...(m.imports?.() ?? []));
    }
    level = next;
  }
  return names.size === 0 && !unreadable ? NO_REGISTRATIONS : { names, unreadable };
}

/**
 * `registerClass(...)` of TF.js (`tf.serialization.registerClass`, destructured,
 * renamed), or a call by that name of something unknown (`window.tf.serialization`):
 * a function of the project that happens to be called so is not one.
 */
function isRegisterClass(ev: Evaluator, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  const named =
    (callee.type === 'MemberExpression' && staticMemberName(callee) === 'registerClass') ||
    callee.type === 'Identifier';
  if (!named) return false;
  const ps = possibilities(ev.evaluate(callee));
  const isTf = (v: Value) => v.kind === 'tf' && v.path[v.path.length - 1] === 'registerClass';
  if (ps.some((p) => isTf(p.value))) return true;
  return callee.type === 'MemberExpression' && ps.every((p) => p.value.kind === 'unknown');
}

/** The class names of the classes `value` may be, or null when one of them cannot be read. */
function classNamesOf(ev: Evaluator, value: Value, arg: Node): string[] | null {
  const out: string[] = [];
  for (const p of possibilities(value)) {
    if (p.value.kind !== 'class') return null;
    // `X.className = ...` written where X is registered counts too (X may be imported).
    const local = arg.type === 'Identifier' ? ev.variableOf(arg) : undefined;
    const names = classNameOf(ev, p.value, local ? [{ ev, variable: local }] : [], 0);
    if (!names) return null;
    out.push(...names);
  }
  return out;
}

type Binding = { readonly ev: Evaluator; readonly variable: TSESLint.Scope.Variable };

/**
 * Every value `cls.className` may have: its static `className` field or getter, each
 * `X.className = value` assignment to a name of the class, else its superclass's.
 * Null when one is not a string the analysis can read.
 */
function classNameOf(ev: Evaluator, cls: ClassValue, bindings: readonly Binding[], depth: number): string[] | null {
  const owner = ownerOf(cls, ev);
  const values: Value[] = [];
  for (const member of cls.node.body.body) {
    if (!('static' in member) || !member.static || !isClassNameKey(member)) continue;
    if (member.type === 'PropertyDefinition' || member.type === 'TSAbstractPropertyDefinition') {
      if (member.value) values.push(owner.evaluate(member.value));
    } else if (member.type === 'MethodDefinition' && member.kind === 'get') {
      const getter = member.value;
      values.push(getter.type === 'FunctionExpression' ? owner.callFunction(getter, [], undefined) : UNKNOWN);
    }
  }
  for (const { ev: at, variable } of [...bindings, ...classBindings(owner, cls.node)]) {
    for (const ref of variable.references) {
      const assigned = classNameAssignment(ref.identifier as TSESTree.Identifier);
      if (assigned) values.push(assigned.operator === '=' ? at.evaluate(assigned.right) : UNKNOWN);
    }
  }
  if (values.length === 0) {
    const sup = cls.node.superClass && depth < MAX_SUPERCLASSES ? owner.evaluate(cls.node.superClass) : undefined;
    return sup?.kind === 'class' ? classNameOf(owner, sup, [], depth + 1) : null;
  }
  const names: string[] = [];
  for (const v of values) {
    for (const p of possibilities(v)) {
      if (p.value.kind !== 'const' || typeof p.value.value !== 'string') return null;
      names.push(p.value.value);
    }
  }
  return names;
}

function isClassNameKey(member: TSESTree.ClassElement): boolean {
  if (!('key' in member)) return false;
  const key = member.key;
  if (key.type === 'Identifier') return !member.computed && key.name === 'className';
  return key.type === 'Literal' && key.value === 'className';
}

/** The variables naming a class in its file: its declaration, or the `const` it is assigned to. */
function classBindings(owner: Evaluator, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Binding[] {
  const variables = [...owner.sourceCode.getDeclaredVariables(node)];
  const parent = node.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === node) {
    variables.push(...owner.sourceCode.getDeclaredVariables(parent));
  }
  return variables.map((variable) => ({ ev: owner, variable }));
}

/** `X.className = value` when `id` is the X of one. */
function classNameAssignment(id: TSESTree.Identifier): TSESTree.AssignmentExpression | undefined {
  const member = id.parent;
  if (member?.type !== 'MemberExpression' || member.object !== id || staticMemberName(member) !== 'className') {
    return undefined;
  }
  const assignment = member.parent;
  return assignment?.type === 'AssignmentExpression' && assignment.left === member ? assignment : undefined;
}
