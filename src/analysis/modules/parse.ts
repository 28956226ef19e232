/**
 * Parse a module as ESLint parses a file with the same setup (scopes, parent links,
 * a shebang read as a comment), without the tokens and comments a module's analysis
 * never reads.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../values.js';
import { typescriptPartsOf, type ParseSetup, type TypeScriptParts } from './parser-setup.js';

/**
 * What typescript-eslint's `parseForESLint(text, options)` returns, parsed without
 * tokens and comments (the same normalisation of its options, the same analysis).
 */
export function parseTypeScript(
  parts: TypeScriptParts,
  text: string,
  options: Record<string, unknown>,
): { ast: TSESTree.Program; scopeManager: unknown } {
  const sourceType = options.sourceType === 'module' || options.sourceType === 'script' ? options.sourceType : 'script';
  const ecmaFeatures = (
    typeof options.ecmaFeatures === 'object' && options.ecmaFeatures ? options.ecmaFeatures : {}
  ) as Record<string, unknown>;
  const estreeOptions: Record<string, unknown> = {
    jsx: typeof ecmaFeatures.jsx === 'boolean' ? ecmaFeatures.jsx : false,
    ...options,
    // The parser's mapping of its deprecated `warnOnUnsupportedTypeScriptVersion`.
    onUnsupportedTypeScriptVersion:
      options.onUnsupportedTypeScriptVersion ??
      (options.warnOnUnsupportedTypeScriptVersion === false ? 'ignore' : 'warn'),
    sourceType,
    ecmaFeatures,
    comment: false,
    tokens: false,
    loc: true,
    range: true,
  };
  // Only for `parseAndGenerateServices` (its parser forces it off); `parse` refuses it.
  delete estreeOptions.errorOnTypeScriptSyntacticAndSemanticIssues;
  const ast = parts.parse(text, estreeOptions);
  (ast as { sourceType?: unknown }).sourceType = sourceType;
  const scopeManager = parts.analyze(ast, {
    globalReturn: ecmaFeatures.globalReturn,
    jsxFragmentName: options.jsxFragmentName,
    jsxPragma: options.jsxPragma,
    lib: options.lib,
    sourceType,
  });
  return { ast, scopeManager };
}

/** Parse a module like the linted file, with scopes and parent links; null when it does not parse. */
export function parseModule(text: string, file: string, setup: ParseSetup): Readonly<TSESLint.SourceCode> | null {
  const { parser } = setup;
  const options: Record<string, unknown> = {
    ...setup.parserOptions,
    ecmaVersion: setup.ecmaVersion,
    sourceType: setup.sourceType,
    filePath: file,
    range: true,
    loc: true,
    // A module is only evaluated, never reported on or fixed: its tokens and comments
    // (kept for the whole run) are not asked for. (espree honours this;
    // typescript-estree returns them anyway.)
    comment: false,
    tokens: false,
  };
  // Never ask for type information (a TS program per module would be slow).
  delete options.project;
  delete options.projectService;
  delete options.programs;
  let ast: TSESTree.Program;
  let scopeManager: unknown;
  let visitorKeys: Record<string, readonly string[]>;
  // As ESLint parses: a shebang is read as a line comment (same length, same ranges),
  // so a parse of our own and ESLint's kept parse of the module agree.
  const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  const typescript = parser.parseForESLint ? typescriptPartsOf(parser) : null;
  if (typescript) {
    ({ ast, scopeManager } = parseTypeScript(typescript, source, options));
    visitorKeys = typescript.visitorKeys as Record<string, readonly string[]>;
  } else if (parser.parseForESLint) {
    const result = parser.parseForESLint(source, options);
    ast = result.ast as TSESTree.Program;
    visitorKeys = (result.visitorKeys ?? defaultKeys(setup)) as Record<string, readonly string[]>;
    scopeManager = result.scopeManager;
  } else if (parser.parse) {
    ast = parser.parse(source, options) as TSESTree.Program;
    visitorKeys = defaultKeys(setup) as Record<string, readonly string[]>;
  } else {
    return null;
  }
  const features = (setup.parserOptions.ecmaFeatures ?? {}) as {
    globalReturn?: unknown;
    impliedStrict?: unknown;
    jsx?: unknown;
  };
  scopeManager ??= linkDeclaredGlobals(
    setup.scope.analyze(
      ast as never,
      {
        // ESLint's own options (its `analyzeScope`): a module parsed here and ESLint's kept
        // parse of it must resolve names alike (a direct `eval` otherwise leaves every
        // name of the scopes around it unresolved, and with it the writes the analysis reads).
        ignoreEval: true,
        nodejsScope: features.globalReturn,
        impliedStrict: features.impliedStrict,
        jsx: features.jsx,
        ecmaVersion: typeof setup.ecmaVersion === 'number' ? setup.ecmaVersion : 2022,
        sourceType: setup.sourceType === 'commonjs' ? 'commonjs' : setup.sourceType === 'script' ? 'script' : 'module',
        childVisitorKeys: visitorKeys,
        fallback: 'iteration',
      } as never,
    ),
  );
  setParents(ast, visitorKeys);
  // SourceCode wants the arrays; the parser's services (typescript-estree's maps to the
  // TypeScript AST, which they keep alive) are not used: no type information is asked.
  (ast as { tokens?: unknown[] }).tokens ??= [];
  (ast as { comments?: unknown[] }).comments ??= [];
  return new setup.SourceCode({
    text,
    ast: ast as never,
    scopeManager: scopeManager as never,
    visitorKeys: visitorKeys as never,
  }) as unknown as Readonly<TSESLint.SourceCode>;
}

/**
 * References to names a script declares at its top level, resolved as ESLint 9
 * resolves them for its own parse (its `addDeclaredGlobals`): eslint-scope 8 leaves
 * them unresolved in the global scope (eslint-scope 9 resolves them itself, and
 * nothing is left to do). Without this, a module parsed here under eslint-scope 8
 * would miss the writes to such a name that ESLint's kept parse of it shows.
 */
function linkDeclaredGlobals<T>(manager: T): T {
  const globalScope = (manager as { globalScope?: TSESLint.Scope.Scope | null }).globalScope;
  if (!globalScope || globalScope.through.length === 0) return manager;
  (globalScope as { through: TSESLint.Scope.Reference[] }).through = globalScope.through.filter((ref) => {
    const variable = globalScope.set.get(ref.identifier.name);
    if (!variable) return true;
    (ref as { resolved: TSESLint.Scope.Variable | null }).resolved = variable;
    variable.references.push(ref);
    return false;
  });
  return manager;
}

function defaultKeys(setup: ParseSetup): unknown {
  const { parser } = setup;
  return parser.visitorKeys ?? parser.VisitorKeys ?? (setup.scope as unknown as { KEYS?: unknown }).KEYS;
}

function setParents(root: Node, keys: Record<string, readonly string[]>): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      const list = Array.isArray(child) ? child : [child];
      for (const c of list) {
        if (c && typeof (c as Node).type === 'string') {
          (c as { parent?: Node }).parent = node;
          stack.push(c as Node);
        }
      }
    }
  }
}
