// Build dist/index.cjs (for `require('eslint-plugin-tfjs')` from CommonJS configs)
// and its type declaration, after `tsc` has built the ESM output in dist/.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  packages: 'external',
  logLevel: 'warning',
  // `require()` returns the plugin itself, as ESLint expects of a CommonJS plugin.
  footer: { js: 'module.exports = module.exports.default;' },
});

writeFileSync(
  'dist/index.d.cts',
  "import type { TfjsPlugin } from './index.js';\ndeclare const plugin: TfjsPlugin;\nexport = plugin;\n",
);
