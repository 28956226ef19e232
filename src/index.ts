import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules/index.js';
import { VERSION } from './version.js';

type RuleId = keyof typeof rules;

export interface TfjsPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: {
    /** Every rule that finds a bug, as errors. */
    recommended: TSESLint.FlatConfig.Config;
    /** Every rule of the plugin, as errors. */
    all: TSESLint.FlatConfig.Config;
  };
}

const plugin = {
  meta: { name: 'eslint-plugin-tfjs', version: VERSION, namespace: 'tfjs' },
  rules,
  configs: {} as TfjsPlugin['configs'],
} satisfies TfjsPlugin;

function severities(filter: (id: RuleId) => boolean): TSESLint.FlatConfig.Rules {
  const out: TSESLint.FlatConfig.Rules = {};
  for (const id of Object.keys(rules) as RuleId[]) if (filter(id)) out[`tfjs/${id}`] = 'error';
  return out;
}

// Configs are assigned after the plugin exists so that they can reference it.
plugin.configs.recommended = {
  name: 'tfjs/recommended',
  plugins: { tfjs: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: severities((id) => rules[id].meta.docs?.recommended === true),
};
plugin.configs.all = {
  name: 'tfjs/all',
  plugins: { tfjs: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: severities(() => true),
};

export default plugin as TfjsPlugin;
export { rules };
