/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['all', '🌐'],
  ],
  ignoreConfig: ['all'],
  ruleDocSectionInclude: ['Examples', 'When not to use it'],
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions'],
  urlRuleDoc: (name) => `docs/rules/${name}.md`,
};
