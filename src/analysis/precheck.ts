/**
 * Does a file need the analysis at all? A text check for the TF.js module names and
 * a look at the global scope's unresolved references for a configured global, before
 * any walk: a file without TF.js costs next to nothing.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { fileCache } from './file-caches.js';
import type { PageView } from './html-page.js';
import type { TfjsSettings } from './settings.js';

/**
 * The answer of `shouldAnalyse` per file, for the settings it was computed with:
 * every rule's `create` asks (through `callRecorder`) until one analyses the file,
 * so on a file without TF.js the text checks would otherwise run once per rule.
 */
const shouldCache = fileCache<{ settings: TfjsSettings; result: boolean }>();

/**
 * The module names worth searching the text for: a name that contains another one
 * (`@tensorflow/tfjs-node` contains `@tensorflow/tfjs`) cannot occur without it, so
 * one scan of the text answers for the default five.
 */
const needles = new WeakMap<readonly string[], readonly string[]>();

function moduleNeedles(modules: readonly string[]): readonly string[] {
  let list = needles.get(modules);
  if (!list) {
    list = modules.filter((m, i) => !modules.some((o, j) => j !== i && m.includes(o) && (m !== o || j < i)));
    needles.set(modules, list);
  }
  return list;
}

/** Cheap pre-check: does this file reference TF.js at all? */
export function mentionsTfjs(sourceCode: Readonly<TSESLint.SourceCode>, settings: TfjsSettings): boolean {
  const text = sourceCode.text;
  if (moduleNeedles(settings.modules).some((m) => text.includes(m))) return true;
  const globals = settings.globals.filter((g) => text.includes(g));
  if (globals.length === 0) return false;
  const scope = sourceCode.scopeManager?.globalScope;
  if (!scope) return false;
  for (const ref of scope.through) if (globals.includes(ref.identifier.name)) return true;
  for (const g of globals) {
    const v = scope.set.get(g);
    if (v && v.defs.length === 0 && v.references.length > 0) return true;
  }
  return false;
}

/**
 * Cheap pre-check for a file that never names TF.js but may train a model built in
 * another module: with cross-file analysis on, a call of a model method (`.compile(`,
 * `.fit(`, `.predict(` ...; not `.add(`, which every Set has) and a relative import
 * or require, or one a path alias of the project maps to a file.
 */
export function shouldAnalyse(
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: TfjsSettings,
  /** The HTML page of a script eslint-plugin-html extracted (html-page.ts), read only when asked. */
  page?: () => PageView | null,
  /** Does a non-relative specifier name a project file through a path alias (modules/cache.ts `aliasTest`)? */
  isAlias?: (source: string) => boolean,
): boolean {
  const hit = shouldCache.get(sourceCode.ast);
  if (hit && hit.settings === settings) return hit.result;
  const result =
    mentionsTfjs(sourceCode, settings) ||
    mayUseImportedModel(sourceCode, settings, isAlias) ||
    (!!page && mayUsePageModel(sourceCode, settings, page));
  shouldCache.set(sourceCode.ast, { settings, result });
  return result;
}

function mayUseImportedModel(
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: TfjsSettings,
  isAlias: ((source: string) => boolean) | undefined,
): boolean {
  if (!settings.crossFile) return false;
  const text = sourceCode.text;
  if (!MODEL_METHOD_CALL.test(text)) return false;
  if (RELATIVE_IMPORT.test(text)) return true;
  if (!isAlias) return false;
  for (const m of text.matchAll(IMPORTED)) if (isAlias(m[2]!)) return true;
  return false;
}
/** A script of an HTML page that calls a model method, on a page whose scripts use TF.js (a model of another script). */
function mayUsePageModel(
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: TfjsSettings,
  pageOf: () => PageView | null,
): boolean {
  if (!MODEL_METHOD_CALL.test(sourceCode.text)) return false;
  const page = pageOf();
  return !!page && page.mentions((text) => pageScriptMentionsTfjs(text, settings));
}

/** A page's script text that uses TF.js: a TF.js module named, or a configured global used as `tf.`. */
function pageScriptMentionsTfjs(text: string, settings: TfjsSettings): boolean {
  if (moduleNeedles(settings.modules).some((m) => text.includes(m))) return true;
  return settings.globals.some((g) => text.includes(`${g}.`) && new RegExp(`(?<![\\w$.])${g}\\s*\\.`).test(text));
}

const RELATIVE_IMPORT = /(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"]\.\.?\//;
/** Any specifier imported, required or re-exported (side-effect imports too). */
const IMPORTED = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(?\s*)(['"])([^'"\\\n]+)\1/g;
const MODEL_METHOD_CALL = /\.(?:compile|fit|fitDataset|trainOnBatch|predict)\s*\(/;
