/**
 * Which parser, with which options, a module is parsed with: the linted file's, or
 * for a TypeScript file's JavaScript module ESLint's own espree. The parsers come
 * from the packages already loaded (see `typescriptPartsOf`, `eslintEspree`).
 */
import type { SourceCode as SourceCodeClass } from 'eslint';
import type * as EslintScope from 'eslint-scope';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * eslint-scope, for parsers that give no scope manager (espree), loaded by
 * `require` when first needed: that is the CommonJS build ESLint has loaded already,
 * where an ES import would load a second copy in every process and worker thread.
 */
let scopeLibrary: typeof EslintScope | undefined;
export function eslintScope(): typeof EslintScope {
  return (scopeLibrary ??= createRequire(import.meta.url)('eslint-scope') as typeof EslintScope);
}

/**
 * typescript-eslint's parser, taken apart for modules: its `parseForESLint` always
 * converts every token and comment, which ESLint needs and a module's analysis does
 * not (a large part of its time). Its own `typescript-estree` and `scope-manager`
 * (required from where the parser is, so of its version) parse and analyse the
 * module as `parseForESLint` does, without them. Null for any other parser, or when
 * the parser is not a loaded CommonJS module (a bundled copy): it is then called as it is.
 */
export interface TypeScriptParts {
  readonly parse: (text: string, options: Record<string, unknown>) => TSESTree.Program;
  readonly analyze: (ast: TSESTree.Program, options: Record<string, unknown>) => unknown;
  readonly visitorKeys: unknown;
}
const typescriptParts = new WeakMap<object, TypeScriptParts | null>();

export function typescriptPartsOf(parser: Parser): TypeScriptParts | null {
  let parts = typescriptParts.get(parser);
  if (parts !== undefined) return parts;
  parts = null;
  if ((parser as { meta?: { name?: unknown } }).meta?.name === 'typescript-eslint/parser') {
    try {
      // Why Node's module cache: the parser object ESLint hands a rule carries no path
      // to its package, and resolving the package from here or from the cwd may find
      // another copy; the loaded module whose export is this very function is the one
      // record of where it came from. By its function, not the object: typescript-eslint's
      // shared configs pass a `{meta, parseForESLint}` of their own, and `import * as` gives a namespace.
      const parse = parser.parseForESLint;
      const loaded = Object.values(createRequire(import.meta.url).cache).find((m) => {
        try {
          return (m?.exports as Parser | undefined)?.parseForESLint === parse;
        } catch {
          return false; // an export getter that throws
        }
      });
      if (loaded) {
        const from = createRequire(loaded.filename);
        const estree = from('@typescript-eslint/typescript-estree') as { parse?: TypeScriptParts['parse'] };
        const scope = from('@typescript-eslint/scope-manager') as { analyze?: TypeScriptParts['analyze'] };
        const keys = from('@typescript-eslint/visitor-keys') as { visitorKeys?: unknown };
        if (typeof estree.parse === 'function' && typeof scope.analyze === 'function' && keys.visitorKeys) {
          parts = { parse: estree.parse, analyze: scope.analyze, visitorKeys: keys.visitorKeys };
        }
      }
    } catch {
      parts = null;
    }
  }
  typescriptParts.set(parser, parts);
  return parts;
}

export interface Parser {
  parse?: (text: string, options: unknown) => unknown;
  parseForESLint?: (
    text: string,
    options: unknown,
  ) => {
    ast: unknown;
    scopeManager?: unknown;
    visitorKeys?: unknown;
    services?: unknown;
  };
  VisitorKeys?: unknown;
  visitorKeys?: unknown;
}

/** How the linted file is parsed: modules are parsed the same way. */
/** How the linted file was parsed (its parser and options), or undefined when ESLint gives no parser. */
export function parseSetupOf(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ParseSetup | undefined {
  const languageOptions = (context.languageOptions ?? {}) as unknown as Record<string, unknown>;
  const parser = languageOptions.parser as Parser | undefined;
  if (!parser) return undefined;
  return {
    parser,
    SourceCode: Object.getPrototypeOf(context.sourceCode).constructor as typeof SourceCodeClass,
    scope: eslintScope(),
    parserOptions: (languageOptions.parserOptions as Record<string, unknown>) ?? {},
    ecmaVersion: languageOptions.ecmaVersion ?? 'latest',
    sourceType: languageOptions.sourceType ?? 'module',
  };
}

export interface ParseSetup {
  readonly parser: Parser;
  /** ESLint's `SourceCode` class, the linted file's own (the user's ESLint). */
  readonly SourceCode: typeof SourceCodeClass;
  readonly scope: typeof EslintScope;
  readonly parserOptions: Readonly<Record<string, unknown>>;
  readonly ecmaVersion: unknown;
  readonly sourceType: unknown;
}

/**
 * ESLint's own espree (the default parser it lints JavaScript with), found from the
 * running ESLint: the loaded CommonJS module that exports the linted file's
 * `SourceCode` class is in ESLint's package, and `espree` is required from there,
 * which gives the instance ESLint loaded (no `require('eslint')`, no copy of our
 * own). ESLint exposes neither its espree nor its package path to a plugin (the
 * `SourceCode` class is all a rule sees of it), hence the look through Node's module
 * cache. Null when it cannot be found (ESLint not loaded as CommonJS, a bundle):
 * modules are then parsed with the importer's parser.
 */
const espreeParsers = new WeakMap<object, Parser | null>();

export function eslintEspree(SourceCode: object): Parser | null {
  let parser = espreeParsers.get(SourceCode);
  if (parser !== undefined) return parser;
  parser = null;
  try {
    // The module whose exports are the class itself (ESLint's source-code.js) first:
    // a package that re-exports the class may have been loaded before ESLint's own.
    const modules = Object.values(createRequire(import.meta.url).cache);
    const exporting = (exact: boolean) =>
      modules.find((m) => {
        try {
          const exports = m?.exports as { SourceCode?: unknown } | undefined;
          return exact ? exports === SourceCode : exports?.SourceCode === SourceCode;
        } catch {
          return false; // an export getter that throws
        }
      });
    const loaded = exporting(true) ?? exporting(false);
    if (loaded) {
      const espree = createRequire(loaded.filename)('espree') as Parser | undefined;
      if (typeof espree?.parse === 'function' && espree.VisitorKeys) parser = espree;
    }
  } catch {
    parser = null;
  }
  espreeParsers.set(SourceCode, parser);
  return parser;
}

/** JavaScript modules, parsed with espree when a TypeScript file imports them (`.jsx` only with JSX on). */
const JS_EXTENSIONS = new Set(['.js', '.mjs', '.cjs']);
/** Files whose JavaScript modules may go to espree (see `javaScriptSetupFor`). */
export const TS_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);
/**
 * The parser options ESLint gives espree for a JavaScript file with default
 * options: its `normalizeLanguageOptions` adds the source type (after the user's
 * options), so these serialise as ESLint's do and the module cache keys match.
 */
const espreeOptions = new Map<string, Readonly<Record<string, unknown>>>();
function espreeOptionsFor(jsx: boolean, sourceType: unknown): Readonly<Record<string, unknown>> {
  const id = `${jsx}\0${typeof sourceType}:${String(sourceType)}`;
  let options = espreeOptions.get(id);
  if (!options) {
    options = jsx ? { ecmaFeatures: { jsx: true }, sourceType } : { sourceType };
    espreeOptions.set(id, options);
  }
  return options;
}

/**
 * How a TypeScript file's JavaScript modules are parsed: with ESLint's espree, under
 * a setup made from the importer's alone (its ECMAScript version, source type and
 * `ecmaFeatures.jsx`), as ESLint parses a JavaScript file with those options.
 * espree is several times faster than typescript-eslint's parser, and a module ESLint
 * linted earlier under that same setup is not parsed at all: its parse is kept under
 * the same cache key. Which parse serves is decided by the
 * importer's options and the module, never by which file was linted first. Null
 * for any other importer (its modules are parsed with its own parser)
 * and when ESLint's espree is not found.
 */
export function javaScriptSetupOf(setup: ParseSetup): ParseSetup | null {
  let js: ParseSetup | null = null;
  if ((setup.parser as { meta?: { name?: unknown } }).meta?.name === 'typescript-eslint/parser') {
    const espree = eslintEspree(setup.SourceCode);
    if (espree) {
      const ecmaFeatures = setup.parserOptions.ecmaFeatures as { jsx?: unknown } | undefined;
      js = {
        parser: espree,
        SourceCode: setup.SourceCode,
        scope: setup.scope,
        parserOptions: espreeOptionsFor(ecmaFeatures?.jsx === true, setup.sourceType),
        ecmaVersion: setup.ecmaVersion,
        sourceType: setup.sourceType,
      };
    }
  }
  return js;
}

/** `js` (the importer's espree setup) when `file` is parsed with it, or null when it is parsed with the importer's own. */
export function javaScriptSetupFor(js: ParseSetup | null, file: string): ParseSetup | null {
  if (!js) return null;
  const ext = path.extname(file);
  if (!JS_EXTENSIONS.has(ext) && ext !== '.jsx') return null;
  if (ext === '.jsx' && (js.parserOptions.ecmaFeatures as { jsx?: unknown } | undefined)?.jsx !== true) return null;
  return js;
}
