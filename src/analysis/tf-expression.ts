/**
 * Writing TF.js names back into a file: the expression under which a TF.js API path
 * (`['losses', 'softmaxCrossEntropy']`) is reachable at a given place, in the file's
 * own import style — `tf.losses.softmaxCrossEntropy` after `import * as tf`,
 * `losses.softmaxCrossEntropy` after `import {losses}`, the page global `tf` when the
 * file already uses it. Fixes that introduce a TF.js name use it; when no binding in
 * scope reaches the path, there is no expression and no fix.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { requiredModule, resolveName } from './ast.js';
import type { Evaluator } from './evaluator.js';
import { moduleNameOf } from './url-imports.js';
import type { TfjsSettings } from './settings.js';
import type { Node } from './values.js';

type Variable = TSESLint.Scope.Variable;

/** Top-level names of the layers API: in `tfjs-layers`, not in `tfjs-core`. */
const LAYERS_API = new Set([
  'layers',
  'metrics',
  'sequential',
  'model',
  'input',
  'loadLayersModel',
  'models',
  'callbacks',
  'constraints',
  'initializers',
  'regularizers',
]);

/**
 * Does the namespace of module `source` have `first` at its top level? The full
 * packages (and modules the user declared in settings.tfjs.modules as re-exports)
 * have everything; `tfjs-core` has the ops, `losses` and `train` but not the layers
 * API; `tfjs-layers` has only the layers API (no ops, no `losses`). A CDN URL of a
 * package (url-imports.ts) is that package.
 */
function rootHas(settings: TfjsSettings, given: string, first: string): boolean {
  if (settings.modules.includes(given) && given !== moduleNameOf(given)) return true; // a URL declared in settings
  const source = moduleNameOf(given); // a CDN URL reads as its package
  if (source === '@tensorflow/tfjs-core') return !LAYERS_API.has(first);
  if (source === '@tensorflow/tfjs-layers') return LAYERS_API.has(first);
  return settings.modules.includes(source);
}

/**
 * An expression text that evaluates to the TF.js API object at `path` where `at`
 * stands, or undefined. Prefers the binding closest to the path (`losses.x` over
 * `tf.losses.x`); a binding shadowed at `at`, declared after `at`, or reassigned is
 * not used.
 */
export function tfExpression(
  ev: Evaluator,
  sourceCode: Readonly<TSESLint.SourceCode>,
  path: readonly string[],
  at: Node,
): string | undefined {
  if (path.length === 0) return undefined;
  let best: { text: string; rest: number } | undefined;
  const consider = (name: string, prefix: readonly string[]) => {
    if (prefix.length > path.length || !prefix.every((p, i) => p === path[i])) return;
    const rest = path.length - prefix.length;
    if (!best || rest < best.rest) best = { text: [name, ...path.slice(prefix.length)].join('.'), rest };
  };
  const seen = new Set<string>();
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at); scope; scope = scope.upper) {
    for (const variable of scope.variables) {
      if (seen.has(variable.name)) continue; // shadowed by an inner binding
      seen.add(variable.name);
      const prefix = tfPathOf(ev, variable, at, path[0]!);
      if (prefix) consider(variable.name, prefix);
    }
  }
  // The page global (script-tag builds), when this file already uses it as TF.js.
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (globalScope) {
    for (const g of ev.settings.globals) {
      if (seen.has(g) && (globalScope.set.get(g)?.defs.length ?? 0) > 0) continue;
      const used =
        globalScope.through.some((r) => r.identifier.name === g) ||
        (globalScope.set.get(g)?.references.length ?? 0) > 0;
      if (used && !isShadowed(sourceCode, at, g)) consider(g, []);
    }
  }
  return best?.text;
}

/** The TF.js path a variable holds, if it is a plain binding usable at `at`. */
function tfPathOf(ev: Evaluator, variable: Variable, at: Node, first: string): readonly string[] | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type === 'ImportBinding') {
    const decl = def.parent as TSESTree.ImportDeclaration;
    if (decl.importKind === 'type') return undefined;
    if (def.node.type === 'ImportSpecifier' && def.node.importKind === 'type') return undefined;
  } else if (def.type === 'Variable') {
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (declarator.range[1] > at.range[0]) return undefined; // not yet initialised at `at`
    if (variable.references.some((r) => r.isWrite() && r.identifier !== def.name)) return undefined;
  } else {
    return undefined;
  }
  const value = ev.evaluate(def.name);
  if (value.kind !== 'tf') return undefined;
  if (value.path.length === 0) {
    // A module root: only when the module is known to have `first` at its top level.
    const source = moduleOf(def);
    if (!source || !rootHas(ev.settings, source, first)) return undefined;
  }
  return value.path;
}

/** The module a namespace binding comes from: `import * as tf from 'm'`, `import tf from 'm'`, `const tf = require('m')`. */
function moduleOf(def: TSESLint.Scope.Definition): string | undefined {
  if (def.type === 'ImportBinding') {
    if (def.node.type === 'ImportSpecifier') return undefined;
    return String((def.parent as TSESTree.ImportDeclaration).source.value);
  }
  const declarator = def.node as TSESTree.VariableDeclarator;
  return declarator.id.type === 'Identifier' ? requiredModule(declarator.init) : undefined;
}

function isShadowed(sourceCode: Readonly<TSESLint.SourceCode>, at: Node, name: string): boolean {
  return (resolveName(sourceCode.getScope(at), name)?.defs.length ?? 0) > 0;
}
