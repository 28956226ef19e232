/**
 * Shared machinery of the reliability suite: lint with every rule of the plugin
 * (`configs.all`, so rules added later join automatically), run ESLint's fix loop,
 * apply suggestions, compare comments, and write the figures of a run to
 * `.bench/reliability/<part>.json`.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import plugin from '../../src/index.js';

export type ParserName = 'espree' | 'typescript';
export const PARSERS_FOR_TEST: readonly ParserName[] = ['espree', 'typescript'];

export const ROOT = path.join(import.meta.dirname, '..', '..');

/** Every registered rule id, as configured (`tfjs/<id>`). Iterates the plugin: later rules join. */
export const RULE_IDS: readonly string[] = Object.keys(plugin.configs.all.rules ?? {});

const FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

export interface ConfigOptions {
  parser?: ParserName;
  sourceType?: 'module' | 'script' | 'commonjs';
  /** Ignore `eslint-disable` comments of library code (they would hide reports and name unknown rules). */
  noInlineConfig?: boolean;
  settings?: Record<string, unknown>;
  /** Rules: default every rule of the plugin. */
  rules?: Linter.RulesRecord;
}

export function config(options: ConfigOptions = {}): Linter.Config[] {
  return [
    {
      files: FILES,
      plugins: plugin.configs.all.plugins as never,
      rules: options.rules ?? (plugin.configs.all.rules as Linter.RulesRecord),
      settings: options.settings ?? {},
      linterOptions: options.noInlineConfig ? { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } : {},
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: options.sourceType ?? 'module',
        ...(options.parser === 'typescript' ? { parser: tsParser as never } : {}),
      },
    },
  ];
}

/** A file name that the config matches, for the parser. */
export function filenameFor(parser: ParserName, base = 'file'): string {
  return parser === 'typescript' ? `${base}.ts` : `${base}.js`;
}

const linter = new Linter({ configType: 'flat' });

/** Parse only (no rules): the comments of a text, or the parse error. */
export function parse(code: string, parser: ParserName): { comments: string[] } | { error: string } {
  const messages = linter.verify(code, config({ parser, rules: {} }), filenameFor(parser));
  const fatal = messages.find((m) => m.fatal);
  if (fatal) return { error: fatal.message };
  const comments = linter
    .getSourceCode()
    .getAllComments()
    .map((c) => `${c.type}:${c.value.trim()}`);
  return { comments: comments.sort() };
}

export function lint(code: string, options: ConfigOptions = {}, filename?: string): Linter.LintMessage[] {
  return linter.verify(code, config(options), filename ?? filenameFor(options.parser ?? 'espree'));
}

export interface FixCheck {
  /** Problems found (empty when the fixes are safe). */
  problems: string[];
  /** Fixable reports that the fix loop applied (0 when nothing was fixable). */
  fixesApplied: number;
  suggestionsApplied: number;
  /** The text after the fix loop. */
  output: string;
}

/**
 * Apply every fix of every rule through ESLint's fix loop, and every suggestion one
 * at a time to the original text; check that no autofix touches the model (a layer
 * call, a layer's activation or units), that each result parses, keeps every
 * comment (as a multiset), that the loop is stable, and that a rule whose report
 * was fixed does not report it again. `lintMessages`: the messages of `lint(code, options)`
 * when the caller has them already.
 */
export function checkFixes(code: string, options: ConfigOptions = {}, lintMessages?: Linter.LintMessage[]): FixCheck {
  const parser = options.parser ?? 'espree';
  const filename = filenameFor(parser);
  const problems: string[] = [];
  const messages = lintMessages ?? linter.verify(code, config(options), filename);
  // Nothing to apply: nothing can go wrong.
  if (!messages.some((m) => m.fix || m.suggestions?.length))
    return { problems, fixesApplied: 0, suggestionsApplied: 0, output: code };
  const before = parse(code, parser);
  if ('error' in before)
    return {
      problems: [`input does not parse: ${before.error}`],
      fixesApplied: 0,
      suggestionsApplied: 0,
      output: code,
    };
  for (const m of messages) if (m.fatal || !m.ruleId) problems.push(`crash or fatal: ${m.message}`);

  problems.push(...autofixesOfModel(code, parser, messages));

  // Suggestions, each alone on the original text.
  let suggestionsApplied = 0;
  for (const m of messages) {
    for (const s of m.suggestions ?? []) {
      suggestionsApplied += 1;
      const text = code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]);
      const after = parse(text, parser);
      if ('error' in after)
        problems.push(`suggestion "${s.desc}" of ${m.ruleId} does not parse: ${after.error}\n${text}`);
      else if (!sameComments(before.comments, after.comments))
        problems.push(`suggestion "${s.desc}" of ${m.ruleId} loses a comment\n${text}`);
    }
  }

  // The fix loop with every rule.
  const fixable = new Map<string, number>();
  const unfixable = new Map<string, number>();
  for (const m of messages) {
    if (!m.ruleId) continue;
    const map = m.fix ? fixable : unfixable;
    map.set(m.ruleId, (map.get(m.ruleId) ?? 0) + 1);
  }
  let fixesApplied = 0;
  let output = code;
  if (fixable.size > 0) {
    const result = linter.verifyAndFix(code, config(options), filename);
    output = result.output;
    if (result.fixed) fixesApplied = [...fixable.values()].reduce((a, b) => a + b, 0);
    const after = parse(output, parser);
    if ('error' in after) problems.push(`fixed code does not parse: ${after.error}\n${output}`);
    else if (!sameComments(before.comments, after.comments)) problems.push(`fixed code loses a comment\n${output}`);
    for (const m of result.messages) if (m.fatal) problems.push(`fatal after fixing: ${m.message}\n${output}`);
    for (const [rule, n] of fixable) {
      const left = result.messages.filter((m) => m.ruleId === rule).length;
      const allowed = unfixable.get(rule) ?? 0;
      if (left > allowed)
        problems.push(
          `${rule} still reports after its fix (${n} fixable, ${allowed} unfixable, ${left} left)\n${output}`,
        );
    }
    const again = linter.verifyAndFix(output, config(options), filename);
    if (again.fixed) problems.push(`fixes are not stable: a second pass changed\n${output}\ninto\n${again.output}`);
  }
  return { problems, fixesApplied, suggestionsApplied, output };
}

/** `--fix` never changes the model: a problem for every autofix that touches a layer call or a layer's activation/units. */
export function autofixesOfModel(code: string, parser: ParserName, messages: readonly Linter.LintMessage[]): string[] {
  if (!messages.some((m) => m.fix)) return [];
  const model = modelSpans(code, parser);
  return messages.flatMap((m) => {
    const span = m.fix && model.find((s) => overlaps(m.fix!.range, s.range));
    return span ? [`autofix of ${m.ruleId} edits the model (${span.what}): ${JSON.stringify(m.fix)}\n${code}`] : [];
  });
}

/** Keys that configure a layer; they appear in no compile or fit option. */
const LAYER_KEYS = new Set(['activation', 'units', 'filters']);

/**
 * The parts of `code` that define the model: every layer factory call (`tf.layers.dense(...)`,
 * `layers.softmax()`) and every `activation` / `units` / `filters` property, wherever it is written
 * (a config object held in a variable too).
 */
export function modelSpans(code: string, parser: ParserName): { range: [number, number]; what: string }[] {
  const messages = linter.verify(code, config({ parser, rules: {} }), filenameFor(parser));
  if (messages.some((m) => m.fatal)) return [];
  const spans: { range: [number, number]; what: string }[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { type?: string; range?: [number, number]; [k: string]: unknown };
    if (typeof n.type !== 'string') return;
    if (n.type === 'CallExpression' && isLayerFactory(n.callee)) spans.push({ range: n.range!, what: 'a layer call' });
    if (n.type === 'Property') {
      const key = n.key as { type: string; name?: string; value?: unknown };
      const name = key.type === 'Identifier' ? key.name : key.type === 'Literal' ? String(key.value) : undefined;
      if (name && LAYER_KEYS.has(name)) spans.push({ range: n.range!, what: `\`${name}\`` });
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'parent' && k !== 'loc' && k !== 'range') visit(v);
  };
  visit(linter.getSourceCode().ast);
  return spans;
}

/** `<x>.layers.<name>` or `layers.<name>`. */
function isLayerFactory(callee: unknown): boolean {
  const c = callee as { type: string; object?: { type: string; name?: string; property?: { name?: string } } };
  if (c.type !== 'MemberExpression' || !c.object) return false;
  const o = c.object;
  return (
    (o.type === 'Identifier' && o.name === 'layers') || (o.type === 'MemberExpression' && o.property?.name === 'layers')
  );
}

/** Does an edit of `edit` change text inside `span` (an insertion strictly inside counts)? */
function overlaps(edit: readonly [number, number], span: readonly [number, number]): boolean {
  if (edit[0] === edit[1]) return edit[0] > span[0] && edit[0] < span[1];
  return edit[0] < span[1] && edit[1] > span[0];
}

function sameComments(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** Record the figures of one part of the suite (and print them). */
export function writeSummary(part: string, figures: Record<string, unknown>): void {
  const dir = path.join(ROOT, '.bench', 'reliability');
  mkdirSync(dir, { recursive: true });
  const data = { part, rules: RULE_IDS, date: new Date().toISOString(), ...figures };
  writeFileSync(path.join(dir, `${part}.json`), JSON.stringify(data, null, 2) + '\n');
  console.log(`[reliability:${part}] ${JSON.stringify(figures)}`);
}
