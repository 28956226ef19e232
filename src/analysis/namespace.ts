/**
 * Where fixes can name TF.js: the expression (a local name) that holds the TF.js
 * namespace at a given place, so that a fix may write `tf.losses.softmaxCrossEntropy`
 * or `tf.logSoftmax(x)` without adding an import.
 *
 * A name qualifies when, at that place, it resolves to
 * - `import * as N from M` or `import N from M` (not `import type`),
 * - `const N = require(M)` (never reassigned, `require` not shadowed), or
 * - a configured global (`settings.tfjs.globals`, e.g. the page-global `tf`) that is
 *   not shadowed there and that the file already uses as a global,
 * where M is a TF.js module that provides the wanted member: `@tensorflow/tfjs-core`
 * has the ops, `losses` and `train` but no `layers`/`metrics`; `@tensorflow/tfjs-layers`
 * has `layers` and `metrics` but no ops, `losses` or `train`; the other TF.js modules
 * (and modules added in settings) have everything. The innermost such name wins.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap } from './ast.js';
import type { TfjsSettings } from './settings.js';
import type { Node } from './values.js';

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

/** What a fix needs from the namespace: a top-level op (`tf.logSoftmax`) or a sub-namespace. */
export type NamespaceMember = 'ops' | 'losses' | 'metrics' | 'train' | 'layers';

const PARTIAL_MODULES: Readonly<Record<string, readonly NamespaceMember[]>> = {
  '@tensorflow/tfjs-core': ['ops', 'losses', 'train'],
  '@tensorflow/tfjs-layers': ['layers', 'metrics'],
};

function provides(settings: TfjsSettings, source: string, member: NamespaceMember): boolean {
  if (!settings.modules.includes(source)) return false;
  const partial = PARTIAL_MODULES[source];
  return !partial || partial.includes(member);
}

/** The variable `name` refers to at `scope`, or undefined when it is not declared there. */
function resolve(scope: Scope | null, name: string): Variable | undefined {
  for (let s = scope; s; s = s.upper) {
    const v = s.set.get(name);
    if (v) return v;
  }
  return undefined;
}

function isNamespaceBinding(settings: TfjsSettings, v: Variable, member: NamespaceMember): boolean {
  if (v.defs.length !== 1) return false;
  const def = v.defs[0]!;
  if (def.type === 'ImportBinding') {
    const spec = def.node as TSESTree.ImportClause;
    const decl = def.parent as TSESTree.ImportDeclaration;
    if (spec.type !== 'ImportNamespaceSpecifier' && spec.type !== 'ImportDefaultSpecifier') return false;
    if (decl.importKind === 'type') return false;
    return provides(settings, decl.source.value, member);
  }
  if (def.type === 'Variable') {
    const d = def.node as TSESTree.VariableDeclarator;
    if (d.id.type !== 'Identifier' || !d.init) return false;
    if (v.references.some((r) => r.isWrite() && r.identifier !== d.id)) return false;
    const init = unwrap(d.init);
    if (init.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') return false;
    const arg = init.arguments[0];
    return !!arg && arg.type === 'Literal' && typeof arg.value === 'string' && provides(settings, arg.value, member);
  }
  return false;
}

/**
 * The local name holding the TF.js namespace (with `member`) at `node`, or
 * undefined when there is none (named imports only, a shadowed name, ...).
 */
export function tfNamespaceAt(
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: TfjsSettings,
  node: Node,
  member: NamespaceMember,
): string | undefined {
  const here = sourceCode.getScope(node);
  for (let s: Scope | null = here; s; s = s.upper) {
    for (const v of s.variables) {
      if (resolve(here, v.name) !== v) continue;
      if (isNamespaceBinding(settings, v, member) && requireIsGlobal(v)) return v.name;
    }
  }
  const global = sourceCode.scopeManager?.globalScope;
  if (!global) return undefined;
  for (const g of settings.globals) {
    const v = resolve(here, g);
    if (v && v.defs.length > 0) continue;
    const used =
      global.through.some((r) => r.identifier.name === g) || (!!v && v.defs.length === 0 && v.references.length > 0);
    if (used) return g;
  }
  return undefined;
}

/** For `const tf = require(...)`: `require` must be the CommonJS one, not a local function. */
function requireIsGlobal(v: Variable): boolean {
  const def = v.defs[0]!;
  if (def.type !== 'Variable') return true;
  const init = unwrap((def.node as TSESTree.VariableDeclarator).init!) as TSESTree.CallExpression;
  const callee = init.callee as TSESTree.Identifier;
  const r = v.scope.references.find((ref) => ref.identifier === callee);
  const target = r?.resolved ?? resolve(v.scope, 'require');
  return !target || target.defs.length === 0;
}
