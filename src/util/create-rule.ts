import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { callRecorder } from '../analysis/index.js';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-tfjs/eslint-plugin-tfjs';

export interface TfjsRuleDocs {
  /** In `tfjs.configs.recommended`. */
  recommended: boolean;
}

const creator = ESLintUtils.RuleCreator<TfjsRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);

/**
 * `meta.docs.url` is the rule's page in this repository's docs/rules.
 *
 * Two things for speed, since every rule runs on every file:
 * - every rule carries the analysis's call recorder, which lets the shared analysis
 *   reuse ESLint's traversal instead of walking the AST again (see `callRecorder`);
 * - a rule without options skips RuleCreator's per-file `applyDefault` (a
 *   `structuredClone` of the defaults), whose result would be `[]` anyway.
 */
export const createRule: typeof creator = (rule) => {
  const module = creator({
    ...rule,
    create: (context, options) => withListeners(callRecorder(context), rule.create(context, options)),
  });
  const defaults = rule.meta.defaultOptions ?? rule.defaultOptions ?? [];
  if (defaults.length > 0) return module;
  const create = module.create;
  return {
    ...module,
    create: (context) =>
      context.options.length === 0
        ? withListeners(callRecorder(context), rule.create(context, [] as never))
        : create(context),
  };
};

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
