// Bundle the plugin after `tsc` has built dist/ (per-file ESM and type declarations):
//
// - dist/index.js, one ES module for `import`: loading one file instead of ~30 costs
//   a few ms instead of ~30 ms in every process and worker thread that lints;
// - dist/index.cjs for `require('eslint-plugin-tfjs')` from CommonJS configs, with
//   its type declaration.
//
// The per-file modules tsc writes next to them stay for the tools that time parts
// of the analysis (scripts/bench-analysis.mjs); the package ships the bundles and
// the declarations only (package.json `files`).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

const common = {
  entryPoints: ['src/index.ts'],
  bundle: true,
  platform: 'node',
  target: 'node18',
  packages: 'external',
  logLevel: 'warning',
};

await build({ ...common, outfile: 'dist/index.js', format: 'esm', allowOverwrite: true });

await build({
  ...common,
  outfile: 'dist/index.cjs',
  format: 'cjs',
  // `require()` returns the plugin itself, as ESLint expects of a CommonJS plugin.
  footer: { js: 'module.exports = module.exports.default;' },
  // `createRequire(import.meta.url)` (modules.ts): this file's URL in CommonJS.
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
});

writeFileSync(
  'dist/index.d.cts',
  "import type { TfjsPlugin } from './index.js';\ndeclare const plugin: TfjsPlugin;\nexport = plugin;\n",
);
