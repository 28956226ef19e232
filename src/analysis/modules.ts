/**
 * Cross-file analysis: follow relative imports (`./model`, `../config.js`, index
 * files, `export … from` re-exports, `require('./x')`) into the other files of the
 * project, analyse them with the same engine, and use their exported facts.
 *
 * - A module is read and parsed with the parser (and options) of the file being
 *   linted, never executed; a JavaScript module of a TypeScript file with ESLint's
 *   espree (`javaScriptSetupFor`). It is cached for the whole lint run (per process or
 *   worker thread), keyed by its path and checked against its modification time
 *   and size, once per linted file (see `Lookups`).
 * - Only files inside the project directory (ESLint's cwd), outside any
 *   node_modules, after resolving symlinks, are read; at most MAX_FILE_BYTES each.
 * - Import cycles and chains longer than MAX_HOPS modules resolve to unknown.
 * - A missing, unreadable or unparsable module is unknown, never an error.
 */
import type { SourceCode as SourceCodeClass } from 'eslint';
import type * as EslintScope from 'eslint-scope';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ModuleResolver } from './evaluator.js';
import { FileAnalysis, releaseAnalysis } from './index.js';
import type { TfjsSettings } from './settings.js';
import { isRelativeSpecifier } from './ast.js';
import { UNKNOWN, type Node, type Value } from './values.js';

/** Most modules followed in one chain of imports (counting the linted file's imports as the first). */
export const MAX_HOPS = 4;
/** Largest module read. */
export const MAX_FILE_BYTES = 512 * 1024;
/** Most modules kept in the cache before it is emptied. */
const MAX_CACHED = 2000;

const EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'];
/** TS sources imported with the extension of their output (`./model.js` for model.ts). */
const TS_FOR_JS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
  '.jsx': ['.tsx'],
};

/**
 * eslint-scope, for parsers that give no scope manager (espree), loaded by
 * `require` the first time cross-file analysis is on: ESLint has loaded its
 * CommonJS build already (0.2 ms), while importing it as an ES module loaded a
 * second copy (about 40 ms in every process and worker thread that loads the plugin).
 */
let scopeLibrary: typeof EslintScope | undefined;
function eslintScope(): typeof EslintScope {
  return (scopeLibrary ??= createRequire(import.meta.url)('eslint-scope') as typeof EslintScope);
}

/**
 * typescript-eslint's parser, taken apart for modules: its `parseForESLint` always
 * converts every token and comment (ESLint needs them; a module's analysis does
 * not), which was 40% of its time on the benchmark's modules (12.7 against 7.4 ms
 * for a 5 kB file). Its own `typescript-estree` and `scope-manager` (required from
 * where the parser is, so of its version) parse and analyse the module as
 * `parseForESLint` does, without them. Null for any other parser, or when the parser
 * is not a loaded CommonJS module (a bundled copy): it is then called as it is.
 */
export interface TypeScriptParts {
  readonly parse: (text: string, options: Record<string, unknown>) => TSESTree.Program;
  readonly analyze: (ast: TSESTree.Program, options: Record<string, unknown>) => unknown;
  readonly visitorKeys: unknown;
}
const typescriptParts = new WeakMap<object, TypeScriptParts | null>();

function typescriptPartsOf(parser: Parser): TypeScriptParts | null {
  let parts = typescriptParts.get(parser);
  if (parts !== undefined) return parts;
  parts = null;
  if ((parser as { meta?: { name?: unknown } }).meta?.name === 'typescript-eslint/parser') {
    try {
      // By its function, not the object: typescript-eslint's shared configs pass a
      // `{meta, parseForESLint}` of their own, and `import * as` gives a namespace.
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

interface Parser {
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
export interface ParseSetup {
  readonly parser: Parser;
  /** ESLint's `SourceCode` class, the linted file's own (the user's ESLint). */
  readonly SourceCode: typeof SourceCodeClass;
  readonly scope: typeof EslintScope;
  readonly parserOptions: Readonly<Record<string, unknown>>;
  readonly ecmaVersion: unknown;
  readonly sourceType: unknown;
}

interface CacheEntry {
  readonly file: string;
  readonly mtimeMs: number;
  readonly size: number;
  readonly module: ModuleAnalysis | null;
  /** Modules this one imported (their facts are part of its analysis). */
  readonly deps: Set<string>;
  /**
   * What each relative specifier of this module resolved to (undefined: nothing),
   * filled as its imports are evaluated: a file added or removed next to it can
   * change an answer while the module itself stays unchanged.
   */
  readonly resolved: Map<string, string | undefined>;
  /** The project directory the specifiers were resolved in. */
  readonly root: string;
}

const cache = new Map<string, CacheEntry>();
/** Modules whose exports are being evaluated right now: an import back into one is a cycle. */
const resolving: string[] = [];

/** Every file the cross-file reader opened, for tests that check it stays in the project. */
export const readLog: string[] = [];
/** Every file the cross-file reader parsed itself (not reusing a linted file's parse), for tests. */
export const parseLog: string[] = [];

/** Add to a log, which keeps its last entries only (a language server runs for days). */
function logFile(log: string[], file: string): void {
  if (log.length >= 4096) log.splice(0, 2048);
  log.push(file);
}

/** Forget every cached module (tests). */
export function clearModuleCache(): void {
  cache.clear();
  linted.clear();
  pending = undefined;
  resolutions.clear();
  roots.clear();
  lookups = new Lookups();
}

/**
 * What the file system said while one file is linted: each path is `stat`ed, each
 * specifier resolved and each module checked against its file (and its imports')
 * at most once per linted file, however many of its bindings, and of the modules it
 * reaches, ask. A new set begins with every linted file's analysis
 * (`createResolver`), so an edit, or a file added or removed, between two lints is
 * seen by the second; within one lint the file system is taken as it was first read.
 */
class Lookups {
  readonly stats = new Map<string, fs.Stats | undefined>();
  /** Resolutions by (root, dir, specifier), as `resolveFile` keys them. */
  readonly resolved = new Map<string, string | undefined>();
  /** Modules by cache key, already checked against their files in this lint. */
  readonly modules = new Map<string, ModuleAnalysis | null>();

  stat(file: string): fs.Stats | undefined {
    if (this.stats.has(file)) return this.stats.get(file);
    const stat = statOf(file);
    this.stats.set(file, stat);
    return stat;
  }
}
let lookups = new Lookups();

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The resolver the analysis of `filename` uses for relative imports, or undefined when cross-file analysis is off. */
export function createResolver(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  settings: TfjsSettings,
): ModuleResolver | undefined {
  if (!settings.crossFile) return undefined;
  const given = context.physicalFilename ?? context.filename;
  if (!given || !path.isAbsolute(given)) return undefined;
  const cwd = context.cwd ?? process.cwd();
  const root = projectRoot(cwd);
  if (!root) return undefined;
  const filename = throughRoot(given, cwd, root);
  const setup = parseSetupOf(context);
  if (!setup) return undefined;
  // A new file is linted: what the file system said for the previous one is stale,
  // and the previous file's lint is over (its parse may serve as a module now).
  lookups = new Lookups();
  if (pending?.sourceCode !== context.sourceCode) {
    keepLinted();
    pending = { sourceCode: context.sourceCode, filename, root, setup, settings };
  }
  return resolverFor(filename, root, setup, settings);
}

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

/** The project directory (symlinks resolved) of a lint, or undefined. */
export function projectRootOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string | undefined {
  return projectRoot(context.cwd ?? process.cwd());
}

/**
 * ESLint's parse of a linted file, kept for when another file imports it: in a
 * lint run the project's model files are often linted before the files that train
 * them, and parsing a module again cost more than the rest of cross-file analysis
 * together (a one-shot `eslint` run of the 120-file benchmark project parsed about
 * 80 modules). It serves only if the file on disk, read when the module is loaded
 * (as it would be to parse it), is the text ESLint parsed (not an editor's unsaved
 * text, not a `--fix` pass's output before it is written), and only for the same
 * parse setup (parser, parser options, source type, ECMAScript version); the
 * module's analysis is made afresh from it, as from a parse of its own.
 */
interface LintedParse {
  /** Without a byte order mark, as ESLint's `SourceCode` has it. */
  readonly text: string;
  readonly ast: unknown;
  readonly scopeManager: unknown;
  readonly visitorKeys: unknown;
}
/** Parses of linted files by module cache key (the linted path); the oldest is dropped past MAX_LINTED (~1 MB each). */
const linted = new Map<string, LintedParse>();
export const MAX_LINTED = 64;
/** The file being linted: kept (`keepLinted`) once the next file's lint begins. */
let pending:
  | {
      readonly sourceCode: Readonly<TSESLint.SourceCode>;
      readonly filename: string;
      readonly root: string;
      readonly setup: ParseSetup;
      readonly settings: TfjsSettings;
    }
  | undefined;
/** Text a module can be imported for: something exported. */
const EXPORTS = /\bexport\b|\bexports\b/;

/** Keep the parse of the file linted last (its lint is over), without a look at the file system. */
function keepLinted(): void {
  const p = pending;
  pending = undefined;
  if (!p) return;
  const { sourceCode } = p;
  const text = sourceCode.text;
  if (text.length > MAX_FILE_BYTES || !EXPORTS.test(text)) return;
  const key = p.filename + `\0${p.root}${keySuffix(p.setup, p.settings)}`;
  linted.delete(key);
  // Already a module of that text (a second lint of the project, an editor's re-lint).
  if (cache.get(key)?.module?.analysis.sourceCode.text === text) return;
  if (linted.size >= MAX_LINTED) linted.delete(linted.keys().next().value!);
  // The lint is over: its analysis goes, and with it ESLint's SourceCode, which the
  // analysis holds (the AST is ESLint's and left as it is).
  releaseAnalysis(sourceCode.ast);
  linted.set(key, {
    text,
    ast: sourceCode.ast,
    scopeManager: sourceCode.scopeManager,
    visitorKeys: sourceCode.visitorKeys,
  });
}

/** The module's source code: ESLint's parse of it when that is of the text on disk, else a parse of its own. */
function moduleSource(file: string, key: string, setup: ParseSetup): Readonly<TSESLint.SourceCode> | null {
  logFile(readLog, file);
  const disk = fs.readFileSync(file, 'utf8');
  // Without its byte order mark, as ESLint reads a file (ranges count from the text after it).
  const text = disk.charCodeAt(0) === 0xfeff ? disk.slice(1) : disk;
  const parse = linted.get(key);
  if (parse) {
    linted.delete(key);
    if (parse.text === text) {
      return new setup.SourceCode({
        text,
        ast: parse.ast as never,
        scopeManager: parse.scopeManager as never,
        visitorKeys: parse.visitorKeys as never,
      }) as unknown as Readonly<TSESLint.SourceCode>;
    }
  }
  logFile(parseLog, file);
  return parseModule(text, file, setup);
}

/**
 * The project directory (ESLint's cwd) with symlinks resolved, cached per cwd for
 * the process: every linted file asked for it (a `realpath` is an `lstat` per path
 * component).
 */
const roots = new Map<string, string | undefined>();

function projectRoot(cwd: string): string | undefined {
  if (roots.has(cwd)) return roots.get(cwd);
  const root = realpath(cwd);
  if (roots.size >= MAX_CACHED) roots.clear();
  roots.set(cwd, root);
  return root;
}

/**
 * The linted path with ESLint's cwd replaced by the project root when the cwd is a
 * symlink (an editor opened on a linked folder): imports resolve from the file's
 * directory and must stay inside the root, whose symlinks are resolved.
 */
function throughRoot(file: string, cwd: string, root: string): string {
  if (cwd === root) return file;
  const rel = path.relative(cwd, file);
  return !rel || leaves(rel) ? file : path.join(root, rel);
}

function resolverFor(
  fromFile: string,
  root: string,
  setup: ParseSetup,
  settings: TfjsSettings,
  deps?: Set<string>,
  resolved?: Map<string, string | undefined>,
): ModuleResolver {
  const dir = path.dirname(fromFile);
  // Computed on the first relative import only: most files have none.
  let suffix: string | undefined;
  let jsSuffix: string | undefined;
  // The espree setup of this importer's JavaScript modules (null: none), made on the first.
  let espreeSetup: ParseSetup | null | undefined;
  // Only a TypeScript file's JavaScript modules go to espree: a JavaScript file parsed
  // with typescript-eslint's parser (its shared configs give it every file) reads its
  // modules as ESLint parses them for it, with that parser.
  const fromTypeScript = TS_EXTENSIONS.has(path.extname(fromFile));
  return (source: string, imported: string): Value => {
    if (!isRelativeSpecifier(source)) return UNKNOWN;
    const target = resolveFile(dir, source, root, lookups);
    resolved?.set(source, target);
    if (!target || isSelf(target, fromFile)) return UNKNOWN;
    if (resolving.includes(target) || resolving.length >= MAX_HOPS) return UNKNOWN;
    // Per project root too: a module's own imports resolve only inside the root, so
    // the same file read for two workspaces (one nested in the other) may differ.
    const key = target + (suffix ??= `\0${root}${keySuffix(setup, settings)}`);
    // A JavaScript module of a TypeScript file: parsed with espree, as ESLint parses
    // JavaScript, under its own cache key (a JavaScript file importing it with the
    // same options shares the entry, and ESLint's kept parse serves). When espree
    // cannot parse it (JSX in a `.js` file, which TypeScript's parser accepts), it is
    // read with the importer's parser as before, under the importer's key.
    if (fromTypeScript && espreeSetup === undefined) espreeSetup = javaScriptSetupOf(setup);
    const js = fromTypeScript ? javaScriptSetupFor(espreeSetup ?? null, target) : null;
    let mod: ModuleAnalysis | null = null;
    if (js) {
      const jsKey = target + (jsSuffix ??= `\0${root}${keySuffix(js, settings)}`);
      deps?.add(jsKey);
      mod = loadModule(target, jsKey, root, js, settings);
    }
    if (!mod) {
      deps?.add(key);
      mod = loadModule(target, key, root, setup, settings);
    }
    if (!mod) return UNKNOWN;
    return imported === '*' ? mod.namespace : mod.exported(imported);
  };
}

/**
 * Does `target` (a resolved path, symlinks resolved) name `file` itself? Its
 * `realpath` (an `lstat` per path component) is taken only when the two `stat`s
 * (the target's is needed anyway to load it) say they are one file.
 */
function isSelf(target: string, file: string): boolean {
  if (target === file) return true;
  const a = lookups.stat(target);
  const b = lookups.stat(file);
  if (!a || !b || a.ino !== b.ino || a.dev !== b.dev || a.size !== b.size || a.mtimeMs !== b.mtimeMs) return false;
  return (realpath(file) ?? file) === target;
}

/**
 * A specifier resolved before: the file (undefined: none), and the directories
 * whose listings decided it with their modification times (undefined: absent). A
 * file added to or removed from one of them changes its mtime, and the specifier is
 * resolved again.
 */
interface Resolution {
  readonly file: string | undefined;
  readonly dirs: readonly { readonly dir: string; readonly mtimeMs: number | undefined }[];
}
const resolutions = new Map<string, Resolution>();
/** How recent a directory's mtime may be for a resolution in it to be cached (see resolveFile). */
const RACY_MS = 2000;

/**
 * The file a relative specifier names, if it exists inside `root` and outside
 * node_modules. Cached per (root, dir, specifier) for the process and revalidated by
 * the mtimes of the two directories every candidate is in (base's directory, and
 * base itself for index files): two `stat`s instead of a `stat` per candidate (17
 * for a specifier that names nothing) and a `realpath`. A specifier that leaves the
 * project is not cached (nothing outside the project is ever looked at).
 *
 * With `seen` (the lookups of the file being linted), the `stat`s come from there
 * and the answer is kept there: a specifier is resolved once per linted file.
 */
export function resolveFile(dir: string, source: string, root: string, seen?: Lookups): string | undefined {
  const key = `${root}\0${dir}\0${source}`;
  if (seen?.resolved.has(key)) return seen.resolved.get(key);
  const file = resolveCached(key, dir, source, root, seen);
  seen?.resolved.set(key, file);
  return file;
}

function resolveCached(
  key: string,
  dir: string,
  source: string,
  root: string,
  seen: Lookups | undefined,
): string | undefined {
  const mtimeOf = (d: string) => (seen ? seen.stat(d) : statOf(d))?.mtimeMs;
  const hit = resolutions.get(key);
  if (hit && hit.dirs.every((d) => mtimeOf(d.dir) === d.mtimeMs)) return hit.file;
  const base = path.resolve(dir, source);
  const deciding = [path.dirname(base), base];
  // Checked before they are looked at (the candidates' own check comes later).
  if (!deciding.every((d) => d === root || inside(d, root))) {
    const found = resolveUncached(dir, source, root);
    return found === 'outside' ? undefined : found?.file;
  }
  const dirs = deciding.map((d) => ({ dir: d, mtimeMs: mtimeOf(d) }));
  const found = resolveUncached(dir, source, root);
  // A directory changed in the last RACY_MS may change again within the same mtime
  // tick (file systems stamp with a coarse clock): not cached until it is older.
  const racy = dirs.some((d) => d.mtimeMs !== undefined && d.mtimeMs > Date.now() - RACY_MS);
  if (found !== 'outside' && !racy) {
    if (resolutions.size >= MAX_CACHED) resolutions.clear();
    resolutions.set(key, { file: found?.file, dirs });
  }
  return found === 'outside' ? undefined : found?.file;
}

/** The file a specifier names, undefined when none, 'outside' when a candidate leaves the project. */
function resolveUncached(dir: string, source: string, root: string): { file: string } | 'outside' | undefined {
  const base = path.resolve(dir, source);
  const candidates: string[] = [base];
  const ext = path.extname(base);
  for (const ts of TS_FOR_JS[ext] ?? []) candidates.push(base.slice(0, -ext.length) + ts);
  for (const e of EXTENSIONS) candidates.push(base + e);
  for (const e of EXTENSIONS) candidates.push(path.join(base, `index${e}`));
  for (const c of candidates) {
    if (!inside(c, root)) return 'outside';
    let stat: fs.Stats;
    try {
      stat = fs.statSync(c);
    } catch {
      continue;
    }
    if (!stat.isFile()) continue;
    const real = realpath(c);
    if (!real || !inside(real, root)) return 'outside';
    return { file: real };
  }
  return undefined;
}

/** Does a relative path (from `path.relative`) leave its base? (`..lib/x.js` does not.) */
function leaves(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

function inside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  if (!rel || leaves(rel)) return false;
  return !rel.split(path.sep).includes('node_modules');
}

function realpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

/** The module `file` (cache key `key`), from the cache when it and its imports are unchanged. */
function loadModule(
  file: string,
  key: string,
  root: string,
  setup: ParseSetup,
  settings: TfjsSettings,
): ModuleAnalysis | null {
  const seen = lookups;
  const checked = seen.modules.get(key);
  if (checked !== undefined) return checked;
  const stat = seen.stat(file);
  if (!stat) return null;
  const hit = cache.get(key);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size && depsFresh(hit, new Set([key]), seen)) {
    seen.modules.set(key, hit.module);
    return hit.module;
  }
  let module: ModuleAnalysis | null = null;
  const deps = new Set<string>();
  const resolved = new Map<string, string | undefined>();
  if (stat.size <= MAX_FILE_BYTES) {
    try {
      const sourceCode = moduleSource(file, key, setup);
      if (sourceCode)
        module = new ModuleAnalysis(
          file,
          sourceCode,
          settings,
          resolverFor(file, root, setup, settings, deps, resolved),
        );
    } catch {
      module = null;
    }
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, { file, mtimeMs: stat.mtimeMs, size: stat.size, module, deps, resolved, root });
  seen.modules.set(key, module);
  return module;
}

const parserIds = new WeakMap<object, number>();
let nextParserId = 1;
/** Key suffixes per settings object, by parser, source type and ECMAScript version. */
const suffixes = new WeakMap<TfjsSettings, Map<string, string>>();

/**
 * Modules are cached per parser and settings: the same file parsed another way is
 * another entry. The key is the file's path, the project root and this suffix
 * (computed once per settings object and parse setup, not per import).
 */
export function keySuffix(setup: ParseSetup, settings: TfjsSettings): string {
  let id = parserIds.get(setup.parser);
  if (id === undefined) {
    id = nextParserId++;
    parserIds.set(setup.parser, id);
  }
  let bySetup = suffixes.get(settings);
  if (!bySetup) suffixes.set(settings, (bySetup = new Map()));
  const options = parserOptionsKey(setup.parserOptions);
  const setupKey = `${id}\0${typeof setup.sourceType}:${String(setup.sourceType)}\0${typeof setup.ecmaVersion}:${String(setup.ecmaVersion)}\0${options}`;
  let suffix = bySetup.get(setupKey);
  if (suffix === undefined) {
    suffix = `\0${id}\0${options}\0${JSON.stringify([settings, setup.sourceType, setup.ecmaVersion])}`;
    bySetup.set(setupKey, suffix);
  }
  return suffix;
}

/** Parser options as part of the key, once per options object (`ecmaFeatures.jsx` changes what parses). */
const optionKeys = new WeakMap<object, string>();
let nextOptionsId = 1;
/** Options that say where type information comes from, not how the text parses. */
const TYPE_INFORMATION_OPTIONS = new Set(['project', 'projectService', 'programs', 'tsconfigRootDir']);

function parserOptionsKey(options: Readonly<Record<string, unknown>>): string {
  let key = optionKeys.get(options);
  if (key === undefined) {
    try {
      key = JSON.stringify(options, (k, v: unknown) => (TYPE_INFORMATION_OPTIONS.has(k) ? undefined : v));
    } catch {
      key = `#${nextOptionsId++}`; // not JSON (a cycle, a BigInt): this object only
    }
    optionKeys.set(options, key);
  }
  return key;
}

/**
 * Are a cached module's imports unchanged since: each specifier resolving to the
 * same file, and the modules it imported (transitively) unchanged on disk?
 */
function depsFresh(entry: CacheEntry, visited: Set<string>, seen: Lookups): boolean {
  if (entry.resolved.size > 0) {
    const dir = path.dirname(entry.file);
    for (const [source, target] of entry.resolved) {
      if (resolveFile(dir, source, entry.root, seen) !== target) return false;
    }
  }
  for (const dep of entry.deps) {
    if (visited.has(dep)) continue;
    visited.add(dep);
    const cached = cache.get(dep);
    if (!cached) return false;
    const stat = seen.stat(cached.file);
    if (!stat || stat.mtimeMs !== cached.mtimeMs || stat.size !== cached.size) return false;
    if (!depsFresh(cached, visited, seen)) return false;
  }
  return true;
}

/**
 * ESLint's own espree (the default parser it lints JavaScript with), found from the
 * running ESLint: the loaded CommonJS module that exports the linted file's
 * `SourceCode` class is in ESLint's package, and `espree` is required from there,
 * which gives the instance ESLint loaded (no `require('eslint')`, no copy of our
 * own). Null when it cannot be found (ESLint not loaded as CommonJS, a bundle):
 * modules are then parsed as before.
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
const TS_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);
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
 * typescript-eslint's parser took 10-14 ms for a 3 kB module, espree 3-5 ms, and a
 * module ESLint linted earlier under that same setup is not parsed at all: its
 * parse is kept under the same cache key. Which parse serves is decided by the
 * importer's options and the module, never by which file was linted first. Null
 * for any other importer (its modules are parsed with its own parser, as before)
 * and when ESLint's espree is not found.
 */
function javaScriptSetupOf(setup: ParseSetup): ParseSetup | null {
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
function javaScriptSetupFor(js: ParseSetup | null, file: string): ParseSetup | null {
  if (!js) return null;
  const ext = path.extname(file);
  if (!JS_EXTENSIONS.has(ext) && ext !== '.jsx') return null;
  if (ext === '.jsx' && (js.parserOptions.ecmaFeatures as { jsx?: unknown } | undefined)?.jsx !== true) return null;
  return js;
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

/** Where each export of a module comes from. */
type ExportSource =
  | { readonly kind: 'node'; readonly node: Node }
  | { readonly kind: 'reexport'; readonly source: string; readonly imported: string };

/** Another file of the project, analysed by the same engine; its exports as values. */
export class ModuleAnalysis {
  readonly analysis: FileAnalysis;
  private readonly exports = new Map<string, ExportSource>();
  private readonly stars: string[] = [];
  private commonjs: Node | undefined;
  private readonly values = new Map<string, Value>();
  readonly namespace: Value;

  constructor(
    readonly file: string,
    sourceCode: Readonly<TSESLint.SourceCode>,
    settings: TfjsSettings,
    resolver: ModuleResolver,
  ) {
    this.analysis = new FileAnalysis(sourceCode, settings, resolver, file);
    this.collectExports(sourceCode.ast);
    this.namespace = {
      kind: 'module',
      exported: (name) => this.exported(name),
      // `require` gives the namespace: a call of it calls what `module.exports` is.
      whole: this.commonjs ? () => this.exported('default') : undefined,
    };
  }

  /** The value of an export (`default`, a name), unknown when the module has no such export. */
  exported(name: string): Value {
    const hit = this.values.get(name);
    if (hit) return hit;
    this.values.set(name, UNKNOWN); // cycle guard within this module
    resolving.push(this.file);
    let value: Value;
    try {
      value = this.compute(name);
    } finally {
      resolving.pop();
    }
    this.values.set(name, value);
    return value;
  }

  private compute(name: string): Value {
    const ev = this.analysis.evaluator;
    const src = this.exports.get(name);
    if (src?.kind === 'node') {
      const n = src.node;
      if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') {
        return { kind: 'function', node: n, owner: ev };
      }
      if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') return { kind: 'class', node: n, owner: ev };
      return ev.evaluate(n);
    }
    if (src?.kind === 'reexport')
      return this.analysis.resolveModule?.(src.source, src.imported, this.analysis.sourceCode.ast) ?? UNKNOWN;
    if (this.commonjs) {
      const whole = ev.evaluate(this.commonjs);
      return name === 'default' ? whole : ev.getMember(whole, name);
    }
    for (const star of this.stars) {
      const v = this.analysis.resolveModule?.(star, name, this.analysis.sourceCode.ast) ?? UNKNOWN;
      if (v.kind !== 'unknown') return v;
    }
    return UNKNOWN;
  }

  private collectExports(program: TSESTree.Program): void {
    for (const stmt of program.body) {
      if (stmt.type === 'ExportNamedDeclaration') {
        const d = stmt.declaration;
        if (d && (d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) {
          this.exports.set(d.id.name, { kind: 'node', node: d });
        } else if (d?.type === 'VariableDeclaration') {
          for (const decl of d.declarations) {
            if (decl.id.type === 'Identifier') this.exports.set(decl.id.name, { kind: 'node', node: decl.id });
          }
        }
        for (const spec of stmt.specifiers) {
          if (spec.type !== 'ExportSpecifier') continue;
          const exported = spec.exported.type === 'Identifier' ? spec.exported.name : String(spec.exported.value);
          const local = spec.local.type === 'Identifier' ? spec.local.name : String(spec.local.value);
          if (stmt.source) this.exports.set(exported, { kind: 'reexport', source: stmt.source.value, imported: local });
          else if (spec.local.type === 'Identifier') this.exports.set(exported, { kind: 'node', node: spec.local });
        }
      } else if (stmt.type === 'ExportDefaultDeclaration') {
        this.exports.set('default', { kind: 'node', node: stmt.declaration });
      } else if (stmt.type === 'ExportAllDeclaration') {
        if (stmt.exported) {
          const exported = stmt.exported as { type: string; name?: string; value?: unknown };
          const name = exported.type === 'Identifier' ? String(exported.name) : String(exported.value);
          this.exports.set(name, { kind: 'reexport', source: stmt.source.value, imported: '*' });
        } else {
          this.stars.push(stmt.source.value);
        }
      } else if (stmt.type === 'TSExportAssignment') {
        // TypeScript's `export = value`: what `import m = require('./m')` gives.
        this.commonjs = stmt.expression;
      } else if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression') {
        const { left, right } = stmt.expression;
        if (left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') continue;
        const obj = left.object;
        const isModuleExports = obj.type === 'Identifier' && obj.name === 'module' && left.property.name === 'exports';
        if (isModuleExports) {
          this.commonjs = right;
          continue;
        }
        const onExports =
          (obj.type === 'Identifier' && obj.name === 'exports') ||
          (obj.type === 'MemberExpression' &&
            !obj.computed &&
            obj.object.type === 'Identifier' &&
            obj.object.name === 'module' &&
            obj.property.type === 'Identifier' &&
            obj.property.name === 'exports');
        if (onExports) this.exports.set(left.property.name, { kind: 'node', node: right });
      }
    }
  }
}

/**
 * A short, stable description of a node in another file: `model.js:12`. Modules
 * have their symlinks resolved; a file linted through a linked folder is described
 * from where that folder really is, when that is nearer.
 */
export function describeRemote(fromFile: string, file: string, line: number): string {
  const dir = path.dirname(fromFile);
  let rel = path.relative(dir, file);
  if (leaves(rel)) {
    const real = realpath(dir);
    const nearer = real && path.relative(real, file);
    if (nearer && nearer.length < rel.length) rel = nearer;
  }
  return `${rel.split(path.sep).join('/')}:${line}`;
}
