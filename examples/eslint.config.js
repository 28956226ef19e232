// The config `npm run demo`, the SARIF and CLI tests use for examples/.
import tsParser from '@typescript-eslint/parser';
import html from 'eslint-plugin-html';
import tfjs from '../dist/index.js';

export default [
  { ignores: ['eslint.config.js'] },
  { files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { sourceType: 'module' } },
  { files: ['**/*.cjs', 'iris-correct/**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  // HTML pages: their inline scripts, through eslint-plugin-html (classic scripts share one scope).
  { files: ['**/*.html'], plugins: { html }, languageOptions: { sourceType: 'script' } },
  tfjs.configs.all,
];
