import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';
import { callRecorder } from '../analysis/index.js';
import { pageContext } from './page-fixes.js';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-tfjs/eslint-plugin-tfjs';

export interface TfjsRuleDocs {
  /** In `tfjs.configs.recommended`. */
  recommended: boolean;
}

/** typescript-eslint's `RuleCreator` for these docs: its types, not its code. */
type RuleCreator = ReturnType<typeof ESLintUtils.RuleCreator<TfjsRuleDocs>>;

/**
 * A rule as typescript-eslint's `RuleCreator` makes it (typed options and message
 * ids, `meta.docs.url` the rule's page in this repository's docs/rules), written
 * here so that loading the plugin does not load `@typescript-eslint/utils` and the
 * scope manager it imports (about 220 modules, 160 ms per process or worker
 * thread, for one function). Types still come from there.
 *
 * Two things for speed, since every rule runs on every file:
 * - every rule carries the analysis's call recorder, which lets the shared analysis
 *   reuse ESLint's traversal instead of walking the AST again (see `callRecorder`);
 * - a rule without default options gets `[]` without cloning anything per file.
 */
export const createRule: RuleCreator = ({ meta, name, ...rule }) => {
  const defaults: readonly unknown[] = meta.defaultOptions ?? rule.defaultOptions ?? [];
  const create = rule.create;
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md` } },
    defaultOptions: rule.defaultOptions,
    create: (context) => {
      const options = defaults.length === 0 ? [] : withDefaults(defaults, context.options);
      // A script of an HTML page reports fixes that land in the page (page-fixes.ts).
      return withListeners(callRecorder(context), create(pageContext(context), options as never));
    },
  };
};

/** The user's options over a copy of the defaults, objects merged deeply (as typescript-eslint's `applyDefault`). */
function withDefaults(defaults: readonly unknown[], user: readonly unknown[] | undefined): unknown[] {
  const options = structuredClone(defaults) as unknown[];
  options.forEach((option, i) => {
    const given = user?.[i];
    if (given !== undefined) options[i] = isPlainObject(given) && isPlainObject(option) ? merged(option, given) : given;
  });
  return options;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function merged(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    out[key] = isPlainObject(prev) && isPlainObject(value) ? merged(prev, value) : value;
  }
  return out;
}

type Listeners = Record<string, ((node: never) => void) | undefined>;

/** The rule's listeners plus `extra`, which run first on a shared selector. */
function withListeners<T extends TSESLint.RuleListener>(extra: Listeners, listeners: T): T {
  const keys = Object.keys(extra);
  if (keys.length === 0) return listeners;
  const merged: Listeners = { ...(listeners as Listeners) };
  for (const key of keys) {
    const first = extra[key]!;
    const second = merged[key];
    merged[key] = second
      ? (node: never) => {
          first(node);
          second(node);
        }
      : first;
  }
  return merged as T;
}
