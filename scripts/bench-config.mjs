// ESLint configurations for the benchmarks (`bench.mjs`, `bench-ab.mjs`): every JS/TS
// file, TS files with @typescript-eslint/parser (no type information), and config
// arrays normalized once, as the CLI does.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import tsParser from '@typescript-eslint/parser';

const require = createRequire(import.meta.url);
// Linter#verify given a plain array would normalize it on every call. FlatConfigArray
// is internal to ESLint, so it is loaded by path (the Linter only checks for its
// `getConfig` method).
const { FlatConfigArray } = require(
  join(dirname(require.resolve('eslint/package.json')), 'lib/config/flat-config-array.js'),
);

export const BASE = [
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts'] },
  { files: ['**/*.ts', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
];

/** `BASE` plus `extra`, normalized for files under `basePath`. */
export function configArray(basePath, extra) {
  const array = new FlatConfigArray([...BASE, ...extra], { basePath });
  array.normalizeSync();
  return array;
}
