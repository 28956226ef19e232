// The config `npm run demo`, the SARIF and CLI tests use for examples/.
import tsParser from '@typescript-eslint/parser';
import tfjs from '../dist/index.js';

export default [
  { ignores: ['eslint.config.js'] },
  { files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { sourceType: 'module' } },
  { files: ['**/*.cjs', 'iris-correct/**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  tfjs.configs.all,
];
