/**
 * The package as users install it (slow: npm pack + one npm install per ESLint
 * major, from the registry, with npm's cache).
 *
 * The tarball is installed into temporary projects under os.tmpdir() with ESLint 9
 * and with ESLint 10. Each major gets one install shared by four projects: JavaScript
 * and TypeScript (@typescript-eslint/parser), each with an ESM `eslint.config.js` and
 * a CommonJS `eslint.config.cjs`. Their files are the example projects and every
 * code block of the rule docs. The `eslint` CLI of the installed ESLint must give
 * exactly what this repository's ESLint gives with the built plugin (rule ids,
 * positions, messages), exit codes must gate CI, `eslint --fix` must write the
 * autofixes, and `tsc` must accept typed configs (`defineConfig` from
 * 'eslint/config', typescript-eslint) in ESM and CommonJS TypeScript. An HTML project
 * (eslint-plugin-html, installed with the same install) uses the HTML recipe of
 * docs/configs.md as written: page lines in messages, `--fix` and suggestions in the page.
 *
 * All the npm and CLI work runs in beforeAll, both majors concurrently; the tests
 * only assert.
 */
import { ESLint, Linter } from 'eslint';
// After ESLint: it patches the Linter it finds loaded (for this repository's expectation).
import html from 'eslint-plugin-html';
import tsParser from '@typescript-eslint/parser';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { docBlocks, exampleFiles, examplesDir, root, ruleIds } from './helpers.js';

const MAJORS = [9, 10] as const;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  devDependencies: Record<string, string>;
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string, timeout = 150_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { cwd, timeout, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr: stderr || (error && typeof error.code !== 'number' ? String(error) : '') });
      },
    );
  });
}

// ---------------------------------------------------------------------------
// The temporary projects.

interface Variant {
  dir: string;
  lang: 'js' | 'ts';
  format: 'esm' | 'cjs';
  preset: 'recommended' | 'all';
  configFile: string;
  config: string;
}

const VARIANTS: Variant[] = [
  {
    dir: 'js-esm',
    lang: 'js',
    format: 'esm',
    preset: 'recommended',
    configFile: 'eslint.config.js',
    config: `import { defineConfig } from 'eslint/config';
import tfjs from 'eslint-plugin-tfjs';

export default defineConfig([tfjs.configs.recommended]);
`,
  },
  {
    dir: 'js-cjs',
    lang: 'js',
    format: 'cjs',
    preset: 'all',
    configFile: 'eslint.config.cjs',
    config: `const tfjs = require('eslint-plugin-tfjs');

module.exports = [tfjs.configs.all];
`,
  },
  {
    dir: 'ts-esm',
    lang: 'ts',
    format: 'esm',
    preset: 'all',
    configFile: 'eslint.config.js',
    config: `import tseslint from 'typescript-eslint';
import tfjs from 'eslint-plugin-tfjs';

export default [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, tfjs.configs.all];
`,
  },
  {
    dir: 'ts-cjs',
    lang: 'ts',
    format: 'cjs',
    preset: 'recommended',
    configFile: 'eslint.config.cjs',
    config: `const { defineConfig } = require('eslint/config');
const tsParser = require('@typescript-eslint/parser');
const tfjs = require('eslint-plugin-tfjs');

module.exports = defineConfig([
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  tfjs.configs.recommended,
]);
`,
  },
];

/** Typed configs that `tsc --noEmit` must accept, in ESM and CommonJS TypeScript. */
const TYPED_CONFIGS: Record<string, string> = {
  'package.json': '{ "type": "module" }\n',
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    files: ['eslint.config.ts', 'eslint.config.cts'],
  }),
  'eslint.config.ts': `import { defineConfig } from 'eslint/config';
import type { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import tfjs from 'eslint-plugin-tfjs';

export default defineConfig(
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  tfjs.configs.recommended,
  { plugins: { tfjs }, rules: { 'tfjs/${ruleIds[0]}': 'warn' } },
);

// typescript-eslint's helper takes the configs and the plugin too.
export const withTypescriptEslint = tseslint.config(tfjs.configs.all, { plugins: { tfjs } });

// The plugin is an ESLint plugin and its configs are ESLint configs.
export const asPlugin: ESLint.Plugin = tfjs;
export const asConfig: Linter.Config = tfjs.configs.all;

// The types are real (not any): a wrong use fails.
// @ts-expect-error meta.version is a string
export const notANumber: number = tfjs.meta.version;
// @ts-expect-error there is no such config
export const missing = tfjs.configs.strict;
`,
  'eslint.config.cts': `import { defineConfig } from 'eslint/config';
import tfjs = require('eslint-plugin-tfjs');

// @ts-expect-error meta.version is a string
const notANumber: number = tfjs.meta.version;
void notANumber;

export = defineConfig([tfjs.configs.all, { plugins: { tfjs }, rules: { 'tfjs/${ruleIds[0]}': 'warn' } }]);
`,
};

/** The files of a project: example files and doc blocks of its language, as `relative path -> source`. */
function projectFiles(lang: 'js' | 'ts'): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of exampleFiles()) {
    const isTs = /\.(c|m)?tsx?$/.test(file);
    if (isTs === (lang === 'ts'))
      files.set(path.join('examples', path.relative(examplesDir, file)), readFileSync(file, 'utf8'));
  }
  const counts = new Map<string, number>();
  for (const b of docBlocks()) {
    // A TypeScript project gets the JavaScript blocks too, as .ts (JS is TS).
    if (lang === 'js' && b.lang !== 'js') continue;
    const key = `${b.ruleId}-${b.kind}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    files.set(path.join('docs', `${key}-${n}.${lang}`), b.code);
  }
  return files;
}

// ---------------------------------------------------------------------------
// What this repository's ESLint says with the built plugin: the expectation.

type Found = {
  ruleId: string | null;
  severity: number;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
};
const found = (messages: Linter.LintMessage[]): Found[] =>
  messages.map((m) => ({
    ruleId: m.ruleId,
    severity: m.severity,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    message: m.message,
  }));

interface Expected {
  lint: Map<string, Found[]>;
  fixed: Map<string, { output: string; messages: Found[] }>;
  fixable: number;
}

async function expectation(v: Variant, files: Map<string, string>, dir: string): Promise<Expected> {
  const tfjs = (await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href)).default;
  const config: Linter.Config[] = [
    ...(v.lang === 'ts' ? [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as never } }] : []),
    tfjs.configs[v.preset],
  ];
  // Linted where the CLI lints them (absolute paths, the project as cwd), so that
  // cross-file analysis reads the same imported modules.
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const lint = new Map<string, Found[]>();
  const fixed = new Map<string, { output: string; messages: Found[] }>();
  let fixable = 0;
  for (const [file, code] of files) {
    const messages = linter.verify(code, config, path.join(dir, file));
    fixable += messages.filter((m) => m.fix).length;
    lint.set(file, found(messages));
    const result = linter.verifyAndFix(code, config, path.join(dir, file));
    fixed.set(file, { output: result.output, messages: found(result.messages) });
  }
  return { lint, fixed, fixable };
}

// ---------------------------------------------------------------------------
// The work: pack, install, run.

interface CliResult {
  code: number;
  byFile: Map<string, Found[]>;
  stderr: string;
}

interface VariantResult {
  files: Map<string, string>;
  expected: Expected;
  lint: CliResult;
  gates: {
    /** All rules as warnings, `--max-warnings 0`. */
    warningsGate: CliResult;
    /** All rules as warnings, no `--max-warnings`. */
    warningsOnly: CliResult;
    /** `--max-warnings 0` on the files with no finding. */
    clean: CliResult & { files: string[] };
  } | null;
  /** Wall time of the CLI runs. */
  ms: number;
  fix: CliResult;
  afterFix: Map<string, string>;
}

let tmp: string;
let packFiles: string[] = [];
const install: Record<number, Run> = {};
const installed: Record<number, string> = {};
const tsc: Record<number, Run> = {};
const results: Record<number, Record<string, VariantResult>> = {};
const timings: Record<string, number> = {};

function parseJson(dir: string, r: Run): CliResult {
  const byFile = new Map<string, Found[]>();
  if (r.stdout.trim().startsWith('[')) {
    for (const f of JSON.parse(r.stdout) as { filePath: string; messages: Linter.LintMessage[] }[]) {
      byFile.set(path.relative(dir, f.filePath), found(f.messages));
    }
  }
  return { code: r.code, byFile, stderr: r.stderr };
}

async function runVariant(major: number, v: Variant): Promise<VariantResult> {
  const dir = path.join(tmp, `eslint-${major}`, v.dir);
  const files = projectFiles(v.lang);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ private: true, ...(v.format === 'esm' ? { type: 'module' } : {}) }),
  );
  writeFileSync(path.join(dir, v.configFile), v.config);
  for (const [file, code] of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), code);
  }
  const eslint = path.join(tmp, `eslint-${major}`, 'node_modules', '.bin', 'eslint');
  const expected = await expectation(v, files, dir);
  const t0 = Date.now();
  const lint = parseJson(dir, await run(eslint, ['.', '--format', 'json'], dir));
  // The exit-code gates: in the first project of each major (they test ESLint's CLI
  // with the plugin loaded, not the project's language).
  let gates: VariantResult['gates'] = null;
  if (v === VARIANTS[0]) {
    const asWarnings = ruleIds.flatMap((id) => ['--rule', `tfjs/${id}: warn`]);
    const cleanFiles = [...expected.lint].filter(([, m]) => m.length === 0).map(([f]) => f);
    const [warningsGate, warningsOnly, clean] = await Promise.all([
      run(eslint, ['.', '--format', 'json', '--max-warnings', '0', ...asWarnings], dir),
      run(eslint, ['.', '--format', 'json', ...asWarnings], dir),
      run(eslint, ['--format', 'json', '--max-warnings', '0', ...cleanFiles], dir),
    ]);
    gates = {
      warningsGate: parseJson(dir, warningsGate),
      warningsOnly: parseJson(dir, warningsOnly),
      clean: { ...parseJson(dir, clean), files: cleanFiles },
    };
  }
  const fix = parseJson(dir, await run(eslint, ['.', '--fix', '--format', 'json'], dir));
  const afterFix = new Map([...files.keys()].map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
  return { files, expected, lint, gates, fix, afterFix, ms: Date.now() - t0 };
}

// ---------------------------------------------------------------------------
// The HTML project: eslint-plugin-html with the recipe of docs/configs.md.

/** The HTML recipe of docs/configs.md, as users copy it. */
function htmlRecipe(): string {
  const doc = readFileSync(path.join(root, 'docs', 'configs.md'), 'utf8');
  return /```js\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('### HTML pages')))![1]!;
}

const HTML_FILES: Record<string, string> = {
  // A model built in one script, compiled in another.
  'index.html': readFileSync(path.join(examplesDir, 'html-page', 'index.html'), 'utf8'),
  // Suggestions only for the first model (a layer edit written on its own line, a loss); an autofix
  // of the second model's loss (--fix never edits a layer).
  'fix.html': [
    '<!doctype html>',
    '<script src="https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/dist/tf.min.js"></script>',
    '<body>',
    '    <script>',
    '      const model = tf.sequential();',
    "      model.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [4]}));",
    '      model.add(tf.layers.dense({',
    '        units: 10,',
    '      }));',
    "      model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});",
    "      const clf = tf.sequential({layers: [tf.layers.dense({units: 10, activation: 'softmax', inputShape: [4]})]});",
    "      clf.compile({optimizer: 'adam', loss: tf.losses.softmaxCrossEntropy});",
    '    </script>',
    '</body>',
    '',
  ].join('\n'),
};

interface Suggested {
  file: string;
  line: number;
  fixes: { range: [number, number]; text: string }[];
}

interface HtmlResult {
  expected: Map<string, Found[]>;
  expectedSuggestions: Suggested[];
  expectedFixed: Map<string, string>;
  lint: CliResult;
  suggestions: Suggested[];
  fix: CliResult;
  afterFix: Map<string, string>;
}

const htmlResults: Record<number, HtmlResult> = {};

function suggestionsOf(results: { filePath: string; messages: Linter.LintMessage[] }[], dir: string): Suggested[] {
  const byFile = [...results].sort((a, b) => a.filePath.localeCompare(b.filePath));
  return byFile.flatMap((r) =>
    r.messages.map((m) => ({
      file: path.relative(dir, r.filePath),
      line: m.line,
      fixes: (m.suggestions ?? []).map((s) => ({ range: s.fix.range, text: s.fix.text })),
    })),
  );
}

async function runHtml(major: number): Promise<HtmlResult> {
  const dir = path.join(tmp, `eslint-${major}`, 'html');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
  writeFileSync(path.join(dir, 'eslint.config.js'), htmlRecipe());
  for (const [file, text] of Object.entries(HTML_FILES)) writeFileSync(path.join(dir, file), text);
  // This repository's ESLint, eslint-plugin-html and built plugin, with the recipe's config.
  const tfjs = (await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href)).default;
  const config = [
    tfjs.configs.recommended,
    { files: ['**/*.html'], plugins: { html }, languageOptions: { sourceType: 'script' } },
  ] as Linter.Config[];
  const here = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
  const hereResults = await here.lintFiles(Object.keys(HTML_FILES));
  const fixing = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, fix: true });
  const fixedResults = await fixing.lintFiles(Object.keys(HTML_FILES));
  const eslint = path.join(tmp, `eslint-${major}`, 'node_modules', '.bin', 'eslint');
  const lintRun = await run(eslint, ['.', '--format', 'json'], dir);
  const fix = parseJson(dir, await run(eslint, ['.', '--fix', '--format', 'json'], dir));
  return {
    expected: new Map(hereResults.map((r) => [path.relative(dir, r.filePath), found(r.messages)])),
    expectedSuggestions: suggestionsOf(hereResults, dir),
    expectedFixed: new Map(
      fixedResults.map((r) => [
        path.relative(dir, r.filePath),
        r.output ?? HTML_FILES[path.relative(dir, r.filePath)]!,
      ]),
    ),
    lint: parseJson(dir, lintRun),
    suggestions: lintRun.stdout.trim().startsWith('[') ? suggestionsOf(JSON.parse(lintRun.stdout), dir) : [],
    fix,
    afterFix: new Map(Object.keys(HTML_FILES).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')])),
  };
}

async function setUpMajor(major: number, tarball: string): Promise<void> {
  const dir = path.join(tmp, `eslint-${major}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `tfjs-eslint-${major}`, private: true }));
  // The TypeScript toolchain in the versions this repository uses, so that npm's cache serves them.
  const dev = pkg.devDependencies;
  const t0 = Date.now();
  install[major] = await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      `eslint@${major}`,
      `typescript-eslint@${dev['typescript-eslint']}`,
      `@typescript-eslint/parser@${dev['@typescript-eslint/parser']}`,
      `typescript@${dev['typescript']}`,
      `eslint-plugin-html@${dev['eslint-plugin-html']}`,
      tarball,
    ],
    dir,
  );
  timings[`npm install (ESLint ${major})`] = Date.now() - t0;
  if (install[major]!.code !== 0) return;
  installed[major] = JSON.parse(readFileSync(path.join(dir, 'node_modules', 'eslint', 'package.json'), 'utf8')).version;
  const types = path.join(dir, 'types');
  mkdirSync(types);
  for (const [file, text] of Object.entries(TYPED_CONFIGS)) writeFileSync(path.join(types, file), text);
  const [variants, tscRun, htmlRun] = await Promise.all([
    Promise.all(VARIANTS.map((v) => runVariant(major, v))),
    run(path.join(dir, 'node_modules', '.bin', 'tsc'), ['-p', '.'], types),
    runHtml(major),
  ]);
  results[major] = Object.fromEntries(VARIANTS.map((v, i) => [v.dir, variants[i]!]));
  htmlResults[major] = htmlRun;
  tsc[major] = tscRun;
  for (const v of VARIANTS) timings[`eslint CLI runs, ESLint ${major} ${v.dir}`] = results[major]![v.dir]!.ms;
}

beforeAll(async () => {
  // The build `npm test` just made must be current: pack what the sources say.
  const newestSource = Math.max(
    ...readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => statSync(path.join(e.parentPath, e.name)).mtimeMs),
  );
  if (statSync(path.join(root, 'dist', 'index.js')).mtimeMs < newestSource) {
    throw new Error('dist/ is older than src/: run `npm run build` (npm test does).');
  }
  tmp = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-tfjs-package-'));
  // Without `prepack` (which builds): the build was just checked, and other test files
  // load dist/ while this one runs.
  const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], root);
  if (pack.code !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packFiles = info!.files.map((f) => f.path).sort();
  const tarball = path.join(tmp, info!.filename);
  await Promise.all(MAJORS.map((m) => setUpMajor(m, tarball)));
}, 300_000);

afterAll(() => {
  // Where the time goes (installs are the cost), for whoever makes this faster.
  console.log(
    Object.entries(timings)
      .map(([k, ms]) => `${k}: ${(ms / 1000).toFixed(1)}s`)
      .join('\n'),
  );
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------

describe('the tarball', () => {
  it('holds only what users need: the build, types, package.json, README, LICENSE, CHANGELOG', () => {
    const allowed = /^(dist\/.+\.(js|cjs|d\.ts|d\.cts)|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/;
    expect(packFiles.filter((f) => !allowed.test(f))).toEqual([]);
    for (const f of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'dist/index.js',
      'dist/index.cjs',
      'dist/index.d.ts',
      'dist/index.d.cts',
    ]) {
      expect(packFiles).toContain(f);
    }
    // The code is two bundles (one file each to load), the types one file per module.
    expect(packFiles.filter((f) => /\.(c?js)$/.test(f))).toEqual(['dist/index.cjs', 'dist/index.js']);
    for (const id of ruleIds) expect(packFiles).toContain(`dist/rules/${id}.d.ts`);
    expect(packFiles.some((f) => /\.map$|^src\/|^tests?\/|\.test\./.test(f))).toBe(false);
  });
});

describe('the bundles', () => {
  it('load nothing but Node built-ins when the plugin is loaded (eslint-scope is required once cross-file analysis is on)', () => {
    // Loading @typescript-eslint/utils (and its scope manager) or eslint-scope's ES
    // module build cost ~150 ms in every process and worker thread that lints.
    // ESLint's SourceCode class is taken from the linted file's own SourceCode.
    const esm = readFileSync(path.join(root, 'dist', 'index.js'), 'utf8');
    const cjs = readFileSync(path.join(root, 'dist', 'index.cjs'), 'utf8');
    const imported = [...esm.matchAll(/^import\b[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    const required = [...cjs.matchAll(/\brequire\(['"]([^'"]+)['"]\)/g)].map((m) => m[1]);
    // The ES module entry requires the CommonJS bundle (one plugin object, see below).
    expect(imported).toEqual(['node:module']);
    expect([...esm.matchAll(/\)\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['./index.cjs']);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((m) => !m!.startsWith('node:'))).toEqual([]);
    // eslint-scope is still used, through a `require` made when first needed.
    expect([...cjs.matchAll(/\)\(["'](eslint[\w-]*)["']\)/g)].map((m) => m[1])).toEqual(['eslint-scope']);
    // In CommonJS, that require's base is the bundle's own URL (import.meta is ESM only).
    expect(cjs).not.toContain('import.meta');
    expect(cjs).toContain("const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;");
  });

  it('give one plugin object to `import` and `require`, so a config may get it both ways', async () => {
    // An ES module config that extends a CommonJS shared config: ESLint refuses two
    // different objects under one plugin name ("Cannot redefine plugin").
    const esm = (await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href)).default;
    const cjs = createRequire(import.meta.url)(path.join(root, 'dist', 'index.cjs'));
    expect(esm).toBe(cjs);
    const config = [cjs.configs.recommended, esm.configs.recommended];
    const messages = new Linter().verify(
      "import * as tf from '@tensorflow/tfjs';\ntf.layers.dense({ units: 1, activation: 'softmax' });\n",
      config,
      'model.js',
    );
    expect(messages.map((m) => m.ruleId)).toEqual(['tfjs/no-single-unit-softmax']);
  });
});

describe.each(MAJORS)('installed with ESLint %i', (major) => {
  it('installs from the tarball next to ESLint of that major', () => {
    expect(install[major]!.stderr.match(/npm (error|ERR!).*/g) ?? [], 'npm install').toEqual([]);
    expect(install[major]!.code).toBe(0);
    expect(installed[major]!.split('.')[0]).toBe(String(major));
  });

  it('has types that tsc accepts in eslint.config.ts (defineConfig, typescript-eslint) and eslint.config.cts', () => {
    expect(tsc[major]!.stdout + tsc[major]!.stderr).toBe('');
    expect(tsc[major]!.code).toBe(0);
  });

  it(`exits 1 with warnings under --max-warnings 0 (a CI gate), 0 with warnings alone, 0 on clean files (${VARIANTS[0]!.dir})`, () => {
    const { warningsGate, warningsOnly, clean } = results[major]![VARIANTS[0]!.dir]!.gates!;
    expect(warningsGate.stderr).toMatch(/max-warnings|too many warnings/i);
    expect(warningsGate.code).toBe(1);
    const warned = [...warningsGate.byFile.values()].flat();
    expect(warned.length).toBeGreaterThan(0);
    expect(warned.every((m) => m.severity === 1)).toBe(true);
    expect(warningsOnly.code).toBe(0);
    expect(clean.files.length).toBeGreaterThan(0);
    expect([...clean.byFile.values()].flat()).toEqual([]);
    expect(clean.code).toBe(0);
  });

  describe('HTML project (eslint-plugin-html, the recipe of docs/configs.md)', () => {
    const r = () => htmlResults[major]!;

    it('reports what this repository reports, at page lines, naming page lines across the scripts of a page', () => {
      const { lint, expected } = r();
      expect(lint.stderr).toBe('');
      expect(new Map([...lint.byFile].filter(([f]) => f.endsWith('.html')))).toEqual(expected);
      const [finding] = lint.byFile.get('index.html')!;
      expect([finding!.ruleId, finding!.line]).toEqual(['tfjs/no-sigmoid-with-categorical-loss', 23]);
      expect(finding!.message).toContain('The sigmoid output (line 18)');
      expect(lint.byFile.get('fix.html')!.map((m) => [m.ruleId, m.line])).toEqual([
        ['tfjs/no-missing-output-activation', 7],
        ['tfjs/no-activation-before-logits-loss', 11],
      ]);
      expect(lint.byFile.get('fix.html')![0]!.message).toContain('(line 10)');
      expect([...lint.byFile].filter(([f]) => !f.endsWith('.html')).flatMap(([, m]) => m)).toEqual([]);
    });

    it('gives suggestions in page offsets', () => {
      const { suggestions, expectedSuggestions } = r();
      expect(suggestions).toEqual(expectedSuggestions);
      const page = HTML_FILES['fix.html']!;
      const [activation, loss] = suggestions.find((s) => s.file === 'fix.html')!.fixes;
      expect(activation!.text).toBe("\n        activation: 'softmax',");
      expect(page.slice(loss!.range[0], loss!.range[1])).toBe("'categoricalCrossentropy'");
      expect(loss!.text).toBe('tf.losses.softmaxCrossEntropy');
    });

    it('writes --fix into the page, and leaves the layers alone', () => {
      const { fix, afterFix, expectedFixed } = r();
      expect(fix.stderr).toBe('');
      expect(afterFix).toEqual(expectedFixed);
      const lines = afterFix.get('fix.html')!.split('\n');
      expect(lines.slice(6, 9)).toEqual(HTML_FILES['fix.html']!.split('\n').slice(6, 9));
      expect(lines[11]).toBe("      clf.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});");
      expect(afterFix.get('index.html')).toBe(HTML_FILES['index.html']);
    });
  });

  describe.each(VARIANTS.map((v) => [`${v.lang.toUpperCase()} project, ${v.configFile} (${v.preset})`, v] as const))(
    '%s',
    (_name, v) => {
      const r = () => results[major]![v.dir]!;
      const rule = (f: Found) => f.ruleId?.replace(/^tfjs\//, '') ?? '(parse error)';

      it('reports exactly what this repository reports, file by file (rule ids, positions, messages)', () => {
        const { lint, expected, files } = r();
        expect(lint.stderr).toBe('');
        const actual = new Map([...lint.byFile].filter(([f]) => files.has(f)));
        expect(actual).toEqual(expected.lint);
        // The config file itself is linted too, and has nothing to report.
        expect([...lint.byFile].filter(([f]) => !files.has(f)).flatMap(([, m]) => m)).toEqual([]);
      });

      it(`reports ${v.preset === 'all' ? 'every rule' : 'the recommended rules and no other'}, each on its ❌ doc examples and never on its ✅ ones`, () => {
        const { lint } = r();
        const messages = [...lint.byFile.values()].flat();
        expect(messages.filter((m) => m.ruleId === null)).toEqual([]);
        const reported = new Set(messages.map(rule));
        const inPreset = Object.keys(plugin.configs[v.preset].rules).map((id) => id.replace(/^tfjs\//, ''));
        // Nothing outside the config, and every rule of the config that has a ❌
        // example in this project's language is reported (checked file by file below).
        expect([...reported].filter((id) => !inPreset.includes(id))).toEqual([]);
        const withExamples = inPreset.filter((id) =>
          [...lint.byFile.keys()].some((f) => f.startsWith(`docs/${id}-invalid-`)),
        );
        expect(withExamples.length).toBeGreaterThan(0);
        expect([...reported].filter((id) => withExamples.includes(id)).sort()).toEqual(withExamples.sort());
        for (const [file, m] of lint.byFile) {
          const doc = /^docs\/(.+)-(invalid|valid)-\d+\./.exec(file);
          if (!doc || !inPreset.includes(doc[1]!)) continue;
          const own = m.filter((x) => rule(x) === doc[1]);
          if (doc[2] === 'invalid') expect(own.length, file).toBeGreaterThan(0);
          else expect(own, file).toEqual([]);
        }
      });

      it('exits 1 with errors', () => {
        expect(r().lint.code).toBe(1);
      });

      it('writes the autofixes with eslint --fix, as this repository computes them, and leaves the rest', () => {
        const { fix, expected, afterFix, files } = r();
        expect(expected.fixable).toBeGreaterThan(0);
        expect(fix.stderr).toBe('');
        let changed = 0;
        for (const [file, code] of afterFix) {
          expect(code, file).toBe(expected.fixed.get(file)!.output);
          if (code !== files.get(file)) changed++;
          expect(fix.byFile.get(file), file).toEqual(expected.fixed.get(file)!.messages);
        }
        expect(changed).toBeGreaterThan(0);
        const remaining = [...expected.fixed.values()].some((f) => f.messages.some((m) => m.severity === 2));
        expect(fix.code).toBe(remaining ? 1 : 0);
      });
    },
  );
});
