import { ESLintUtils } from '@typescript-eslint/utils';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-tfjs/eslint-plugin-tfjs';

export interface TfjsRuleDocs {
  /** In `tfjs.configs.recommended`. */
  recommended: boolean;
}

/** `meta.docs.url` is the rule's page in this repository's docs/rules. */
export const createRule = ESLintUtils.RuleCreator<TfjsRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
