// Bundle the plugin after `tsc` has built dist/ (per-file ESM and type declarations):
//
// - dist/index.cjs, one CommonJS file with the whole plugin: loading one file instead
//   of ~30 costs a few ms instead of ~30 ms in every process and worker thread that
//   lints;
// - dist/index.js, the ES module entry, re-exports that bundle: `import` and
//   `require('eslint-plugin-tfjs')` give the same plugin object. With two bundles, a
//   config that gets the plugin both ways (an ESM config extending a CommonJS shared
//   config) failed with ESLint's "Cannot redefine plugin", and each copy kept caches
//   of its own.
//
// The per-file modules tsc writes next to them are not shipped: the package holds the
// bundle, the entry and the declarations only (package.json `files`).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

await build({
  entryPoints: ['src/index.ts'],
  bundle: true,
  platform: 'node',
  target: 'node18',
  packages: 'external',
  logLevel: 'warning',
  outfile: 'dist/index.cjs',
  format: 'cjs',
  // `require()` returns the plugin itself, as ESLint expects of a CommonJS plugin.
  footer: { js: 'module.exports = module.exports.default;' },
  // `createRequire(import.meta.url)` (analysis/modules/): this file's URL in CommonJS.
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
});

writeFileSync(
  'dist/index.js',
  // `require`, not `import`: Node would scan the whole bundle for named exports first
  // (~30 ms more to load).
  "import { createRequire } from 'node:module';\n\nconst plugin = createRequire(import.meta.url)('./index.cjs');\n\nexport default plugin;\nexport const rules = plugin.rules;\n",
);

writeFileSync(
  'dist/index.d.cts',
  "import type { TfjsPlugin } from './index.js';\ndeclare const plugin: TfjsPlugin;\nexport = plugin;\n",
);
