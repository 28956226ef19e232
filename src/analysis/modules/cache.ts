/**
 * Cross-file analysis: follow relative imports (`./model`, `../config.js`, index
 * files, `export … from` re-exports, `require('./x')`) and the project's path
 * aliases (`@/models/net`, from tsconfig.json or jsconfig.json: aliases.ts) into the
 * other files of the project, analyse them with the same engine, and use their
 * exported facts.
 *
 * - A module is read and parsed with the parser (and options) of the file being
 *   linted, never executed; a JavaScript module of a TypeScript file with ESLint's
 *   espree (`javaScriptSetupFor`). It is cached for the whole lint run (per process or
 *   worker thread), keyed by its path and checked against its modification time
 *   and size, once per linted file (see `Lookups`).
 * - ESLint's parse of a linted file is kept and reused when another file imports it
 *   (`keepLinted`).
 * - Import cycles and chains longer than MAX_HOPS modules resolve to unknown.
 * - A missing, unreadable or unparsable module is unknown, never an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { isRelativeSpecifier } from '../ast.js';
import type { ModuleResolver } from '../evaluator.js';
import { releaseAnalysis } from '../file-caches.js';
import type { TfjsSettings } from '../settings.js';
import { UNKNOWN, type Value } from '../values.js';
import { ModuleAnalysis, resolving } from './exports.js';
import { parseModule } from './parse.js';
import { javaScriptSetupFor, javaScriptSetupOf, parseSetupOf, TS_EXTENSIONS, type ParseSetup } from './parser-setup.js';
import { clearAliases } from './aliases.js';
import { clearResolutions, isSelf, Lookups, MAX_CACHED, MAX_HOPS, projectRoot, throughRoot } from './resolve.js';
import { markFollowed, resolveSpecifier } from './specifier.js';

/** Largest module read. */
export const MAX_FILE_BYTES = 512 * 1024;
/** Most modules kept in the cache before it is emptied. */

interface CacheEntry {
  readonly file: string;
  readonly mtimeMs: number;
  readonly size: number;
  readonly module: ModuleAnalysis | null;
  /** Modules this one imported (their facts are part of its analysis). */
  readonly deps: Set<string>;
  /**
   * What each specifier of this module resolved to (undefined: nothing), filled as
   * its imports are evaluated: a file added or removed next to it, or a changed
   * tsconfig, can change an answer while the module itself stays unchanged.
   */
  readonly resolved: Map<string, string | undefined>;
  /** The project directory the specifiers were resolved in. */
  readonly root: string;
}

const cache = new Map<string, CacheEntry>();

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
  clearResolutions();
  clearAliases();
  lookups = new Lookups<ModuleAnalysis | null>();
}

let lookups = new Lookups<ModuleAnalysis | null>();

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The linted file's path as modules are resolved from it, and the project root; undefined when it has none. */
function lintedFile(context: Context): { filename: string; root: string } | undefined {
  const given = context.physicalFilename ?? context.filename;
  if (!given || !path.isAbsolute(given)) return undefined;
  const cwd = context.cwd ?? process.cwd();
  const root = projectRoot(cwd);
  return root ? { filename: throughRoot(given, cwd, root), root } : undefined;
}

/**
 * For the pre-check of a file that names no TF.js (precheck.ts): does a specifier
 * it imports reach a project file through a path alias? Asked only of a file that
 * calls a model method and imports something that is not relative; looks the
 * file system up afresh (the resolver's lookups belong to the file linted before).
 */
export function aliasTest(context: Context): (source: string) => boolean {
  let test: ((source: string) => boolean) | undefined;
  return (source) => {
    if (!test) {
      const linted = lintedFile(context);
      const seen = new Lookups();
      test = linted
        ? (s) =>
            !isRelativeSpecifier(s) &&
            resolveSpecifier(path.dirname(linted.filename), s, linted.root, seen) !== undefined
        : () => false;
    }
    return test(source);
  };
}

/** The resolver the analysis of `filename` uses for project imports, or undefined when cross-file analysis is off. */
export function createResolver(context: Context, settings: TfjsSettings): ModuleResolver | undefined {
  if (!settings.crossFile) return undefined;
  const linted = lintedFile(context);
  if (!linted) return undefined;
  const { filename, root } = linted;
  const setup = parseSetupOf(context);
  if (!setup) return undefined;
  // A new file is linted: what the file system said for the previous one is stale,
  // and the previous file's lint is over (its parse may serve as a module now).
  lookups = new Lookups<ModuleAnalysis | null>();
  if (pending?.sourceCode !== context.sourceCode) {
    keepLinted();
    pending = { sourceCode: context.sourceCode, filename, root, setup, settings };
  }
  return resolverFor(filename, root, setup, settings);
}

/**
 * ESLint's parse of a linted file, kept for when another file imports it: in a
 * lint run the project's model files are often linted before the files that train
 * them, and parsing a module again costs more than the rest of cross-file analysis
 * together. It serves only if the file on disk, read when the module is loaded
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

function resolverFor(
  fromFile: string,
  root: string,
  setup: ParseSetup,
  settings: TfjsSettings,
  deps?: Set<string>,
  resolved?: Map<string, string | undefined>,
): ModuleResolver {
  const dir = path.dirname(fromFile);
  // Computed on the first project import only: most files have none.
  let suffix: string | undefined;
  let jsSuffix: string | undefined;
  // The espree setup of this importer's JavaScript modules (null: none), made on the first.
  let espreeSetup: ParseSetup | null | undefined;
  // Only a TypeScript file's JavaScript modules go to espree: a JavaScript file parsed
  // with typescript-eslint's parser (its shared configs give it every file) reads its
  // modules as ESLint parses them for it, with that parser.
  const fromTypeScript = TS_EXTENSIONS.has(path.extname(fromFile));
  const resolver = (source: string, imported: string): Value => {
    const target = resolveSpecifier(dir, source, root, lookups);
    resolved?.set(source, target);
    if (!target || isSelf(target, fromFile, lookups)) return UNKNOWN;
    if (resolving.includes(target) || resolving.length >= MAX_HOPS) return UNKNOWN;
    // Per project root too: a module's own imports resolve only inside the root, so
    // the same file read for two workspaces (one nested in the other) may differ.
    const key = target + (suffix ??= `\0${root}${keySuffix(setup, settings)}`);
    // A JavaScript module of a TypeScript file: parsed with espree, as ESLint parses
    // JavaScript, under its own cache key (a JavaScript file importing it with the
    // same options shares the entry, and ESLint's kept parse serves). When espree
    // cannot parse it (JSX in a `.js` file, which TypeScript's parser accepts), it is
    // read with the importer's parser, under the importer's key.
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
  markFollowed(resolver, (source) => resolveSpecifier(dir, source, root, lookups) !== undefined);
  return resolver;
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
function depsFresh(entry: CacheEntry, visited: Set<string>, seen: Lookups<ModuleAnalysis | null>): boolean {
  if (entry.resolved.size > 0) {
    const dir = path.dirname(entry.file);
    for (const [source, target] of entry.resolved) {
      if (resolveSpecifier(dir, source, entry.root, seen) !== target) return false;
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
