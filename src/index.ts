import { rules } from './rules/index.js';
import { VERSION } from './version.js';

type RuleId = keyof typeof rules;

// The public types below are kept minimal and structural on purpose (as
// typescript-eslint's own `Compatible*` types are): ESLint's types (`defineConfig`
// from 'eslint/config', `Linter.Config`, `ESLint.Plugin`) and typescript-eslint's
// (`tseslint.config`, `FlatConfig.Plugin`) disagree on the rule context type, and a
// plugin typed with either side's rule type cannot be used with the other. These
// types are assignable to both (checked by tests/ecosystem/package.test.ts with
// `tsc` on an `eslint.config.ts` and `eslint.config.cts`).

/** A rule of the plugin, as configs and tools see it. */
export interface TfjsRule {
  meta: {
    type: 'problem' | 'suggestion' | 'layout';
    docs?: { description?: string; recommended?: boolean; url?: string };
    fixable?: 'code' | 'whitespace';
    hasSuggestions?: boolean;
    messages: Record<string, string>;
  };
  // A method (bivariant parameter), so that rules written against either side's
  // context type fit; `{}` is the one return type both sides' listener types accept.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  create(context: unknown): {};
}

/** A config of the plugin: registers the plugin as `tfjs` and sets rules to `error`. */
export interface TfjsConfig {
  name: string;
  plugins: { tfjs: TfjsPlugin };
  rules: Record<string, 'error'>;
}

export interface TfjsPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<RuleId, TfjsRule>;
  configs: {
    /** Every rule that finds a bug, as errors. */
    recommended: TfjsConfig;
    /** Every rule of the plugin, as errors. */
    all: TfjsConfig;
  };
}

const plugin = {
  meta: { name: 'eslint-plugin-tfjs', version: VERSION, namespace: 'tfjs' },
  rules: rules satisfies Record<RuleId, TfjsRule>,
  configs: {} as TfjsPlugin['configs'],
} satisfies TfjsPlugin;

function severities(filter: (id: RuleId) => boolean): Record<string, 'error'> {
  const out: Record<string, 'error'> = {};
  for (const id of Object.keys(rules) as RuleId[]) if (filter(id)) out[`tfjs/${id}`] = 'error';
  return out;
}

// Configs are assigned after the plugin exists so that they can reference it.
plugin.configs.recommended = {
  name: 'tfjs/recommended',
  plugins: { tfjs: plugin },
  rules: severities((id) => rules[id].meta.docs?.recommended === true),
};
plugin.configs.all = {
  name: 'tfjs/all',
  plugins: { tfjs: plugin },
  rules: severities(() => true),
};

export default plugin as TfjsPlugin;
export { rules };
