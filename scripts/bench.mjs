// `npm run bench`: what eslint-plugin-tfjs costs next to ESLint alone (docs/performance.md).
//
// A report, not a test: it prints medians, ratios and PASS/FAIL per target and exits 0
// (`--strict` exits 1 when a target fails). Configurations: `none` (no rules: parse,
// scope analysis and traversal, the floor), `nuv` (core `no-unused-vars`), `tfjs`
// (`tfjs.configs.all` from dist/). Plugin time is the sum of the `tfjs/*` rule times
// from ESLint's `stats`. Goals are judged on the best case (each file's fastest
// repetition, summed), which moves least when other processes share the machine;
// paired medians are printed beside it.
//
// Flags: --project DIR (real code: your project's JS/TS files; only this part runs
// unless --only says more), --only real,a,b,c,d, --reps N (default 5), --quick (smaller
// corpora), --strict.
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { execSync } from 'node:child_process';
import { Linter } from 'eslint';
import { configArray, lintOnce, loadPlugin, measure, median, pairedRatio, standardConfigs } from './bench-harness.mjs';
import {
  collectPlainFiles,
  collectProjectFiles,
  generateBigFile,
  generateProject,
  generateScaling,
  SCALING_KINDS,
} from './bench-corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const benchDir = join(root, '.bench');

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const STRICT = argv.includes('--strict');
const QUICK = argv.includes('--quick');
const REPS = Number(option('--reps', QUICK ? '3' : '5'));
const PROJECT = option('--project', undefined);
const ONLY = new Set(option('--only', PROJECT ? 'real' : 'real,a,b,c,d').split(','));
if (PROJECT) ONLY.add('real');

const plugin = await loadPlugin(join(root, 'dist/index.js'));
const CONFIGS = standardConfigs(benchDir, plugin);

// ---------------------------------------------------------------------------
// Report helpers

const targets = [];
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const us = (x) => `${(x * 1000).toFixed(x < 0.01 ? 2 : 1)} µs`;
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const times = (x) => `${x.toFixed(2)}×`;
const lineCount = (files) => files.reduce((s, f) => s + f.text.split('\n').length * (f.iterations ?? 1), 0);
const load = (entries) => entries.map((e) => ({ ...e, filename: e.path, text: readFileSync(e.path, 'utf8') }));

function target(name, pass, detail) {
  targets.push({ name, pass });
  console.log(`  ${pass === undefined ? 'n/a ' : pass ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows)
    console.log(
      '  ' + r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '),
    );
}

/** One row per configuration (wall time, rule time), then the plugin's rules one by one. */
function printConfigs(m, fileCount) {
  const rows = [['config', 'wall', 'Δ wall vs none', 'rule time', 'per file']];
  for (const [c, x] of Object.entries(m)) {
    const rule = c === 'nuv' ? x.nuv : c.startsWith('tfjs') ? x.tfjs : undefined;
    const delta = x.wall - m.none.wall;
    rows.push([
      c,
      ms(x.wall),
      c === 'none' ? '' : `${delta >= 0 ? '+' : ''}${ms(delta)}`,
      rule === undefined ? '' : ms(rule),
      rule === undefined ? '' : us(rule / fileCount),
    ]);
  }
  table(rows);
  const perRule = Object.entries(m.tfjs.rules).filter(([r]) => r.startsWith('tfjs/'));
  if (perRule.length === 0) return;
  console.log('  per rule (the shared analysis is charged to the first rule that asks for it):');
  for (const [r, t] of perRule.sort((a, b) => b[1] - a[1])) console.log(`    ${r.padEnd(50)} ${ms(t)}`);
}

/** The plugin against the floor and against `no-unused-vars`: paired medians, and the best case. */
function ratios(m) {
  return {
    floor: pairedRatio(
      m.tfjs,
      m.none,
      (x) => x.tfjs,
      (x) => x.wall,
    ),
    nuv: pairedRatio(
      m.tfjs,
      m.nuv,
      (x) => x.tfjs,
      (x) => x.nuv,
    ),
    bestFloor: m.tfjs.best.tfjs / m.none.best.wall,
    bestNuv: m.tfjs.best.tfjs / m.nuv.best.nuv,
  };
}

// ---------------------------------------------------------------------------

const started = performance.now();
const commit = (() => {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
    return head + (execSync('git status --porcelain -- src', { cwd: root }).toString().trim() ? ' (src modified)' : '');
  } catch {
    return 'unknown';
  }
})();
const cpus = os.cpus();
console.log('eslint-plugin-tfjs benchmark (a report; docs/performance.md)');
console.log(
  `  machine   ${cpus[0]?.model.trim() ?? 'unknown CPU'} × ${cpus.length}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(
  `  versions  Node ${process.version}, ESLint ${require('eslint/package.json').version}, @typescript-eslint/parser ${require('@typescript-eslint/parser/package.json').version}, eslint-plugin-tfjs ${plugin.meta.version} (${commit})`,
);
console.log(
  `  method    ${REPS} repetitions after a warm-up, configurations interleaved per file, medians${globalThis.gc ? '' : ' (run with node --expose-gc to collect between repetitions)'}`,
);
console.log('');
mkdirSync(benchDir, { recursive: true });

// (real) real TF.js code: a project of your own
if (ONLY.has('real')) {
  if (!PROJECT) {
    target(
      '(real) on real TF.js code, the plugin costs at most what no-unused-vars costs',
      undefined,
      'not measured: run `npm run bench -- --project DIR` on a TF.js project',
    );
    console.log('');
  } else {
    const dir = resolve(PROJECT);
    const configs = standardConfigs(dir, plugin);
    const probe = new Linter({ cwd: dir });
    const { files: found, skipped } = collectProjectFiles(dir);
    const parses = (f) =>
      !probe.verify(f.text, configs.none, { filename: f.filename }).some((m) => m.fatal || !m.ruleId);
    const files = found.filter(parses);
    console.log(
      `(real) ${dir}: ${files.length} files, ${lineCount(files)} lines; skipped ${skipped.large} over 200 kB, ${skipped.minified} minified, ${found.length - files.length} that do not parse`,
    );
    if (files.length === 0) process.exit(2);
    const m = measure(files, configs, { reps: REPS, cwd: dir, warmup: Math.min(20, files.length) }).all;
    printConfigs(m, files.length);
    const r = ratios(m);
    console.log(
      `  problems reported: ${m.tfjs.problems}; best case: tfjs ${ms(m.tfjs.best.tfjs)}, no-unused-vars ${ms(m.nuv.best.nuv)}, ${pct(r.bestFloor)} of the floor (paired medians ${pct(r.floor)})`,
    );
    target(
      '(real) on real TF.js code, the plugin costs at most what no-unused-vars costs',
      r.bestNuv <= 1,
      `${times(r.bestNuv)} best case (paired medians ${times(r.nuv)})`,
    );
    console.log('');
  }
}

// (a) the dense generated TF.js project
if (ONLY.has('a')) {
  const n = QUICK ? 60 : 120;
  const dir = join(benchDir, `project-${n}`);
  rmSync(dir, { recursive: true, force: true });
  const files = load(generateProject(dir, { files: n, seed: 1 }));
  console.log(
    `(a) generated TF.js project: ${files.length} files (${files.filter((f) => f.ts).length} TS), ${lineCount(files)} lines, every build and import style, relative imports between files`,
  );
  const configs = {
    ...CONFIGS,
    'tfjs-nocross': configArray(benchDir, [plugin.configs.all, { settings: { tfjs: { crossFile: false } } }]),
  };
  const m = measure(files, configs, { reps: REPS, cwd: benchDir }).all;
  printConfigs(m, files.length);
  const r = ratios(m);
  const cross = m.tfjs.best.tfjs - m['tfjs-nocross'].best.tfjs;
  console.log(
    `  problems reported: ${m.tfjs.problems} (${m['tfjs-nocross'].problems} with crossFile: false); cross-file analysis costs ${ms(cross)}`,
  );
  console.log(
    `  tfjs ÷ no-unused-vars ${times(r.bestNuv)} best case, ${times(r.nuv)} paired medians (information: this corpus is denser in TF.js than real code)`,
  );
  target(
    '(a) on the dense generated project, the plugin costs at most 12% of the floor',
    r.bestFloor <= 0.12,
    `${pct(r.bestFloor)} best case (${ms(m.tfjs.best.tfjs)} of ${ms(m.none.best.wall)}; paired medians ${pct(r.floor)})`,
  );
  console.log('');
}

// (b) ordinary code without TF.js
if (ONLY.has('b')) {
  const { files: raw, skipped, available } = collectPlainFiles(join(root, 'node_modules'), { max: QUICK ? 150 : 400 });
  // Files under node_modules would be ignored, so each is linted under a name in
  // .bench/plain/ (as .cjs when it parses only as CommonJS; dropped when neither).
  const probe = new Linter({ cwd: benchDir });
  const parses = (text, filename) => !probe.verify(text, CONFIGS.none, { filename }).some((m) => m.fatal || !m.ruleId);
  const files = [];
  for (const f of raw) {
    const filename = join(benchDir, 'plain', relative(join(root, 'node_modules'), f.path));
    if (parses(f.text, filename)) files.push({ ...f, filename });
    else if (!f.ts && parses(f.text, filename + '.cjs')) files.push({ ...f, filename: filename + '.cjs' });
  }
  console.log(
    `(b) JS/TS without TF.js from node_modules: ${files.length} files, ${lineCount(files)} lines (an even sample of ${available}; skipped ${skipped.large.length} over 200 kB, ${skipped.minified} minified)`,
  );
  const m = measure(files, { none: CONFIGS.none, tfjs: CONFIGS.tfjs }, { reps: REPS, cwd: benchDir }).all;
  printConfigs(m, files.length);
  const share = m.tfjs.best.tfjs / m.none.best.wall;
  const paired = pairedRatio(
    m.tfjs,
    m.none,
    (x) => x.tfjs,
    (x) => x.wall,
  );
  target(
    '(b) on code without TF.js, the plugin costs under 2% of the floor',
    share < 0.02,
    `${pct(share)} best case, ${us(m.tfjs.best.tfjs / files.length)} per file (paired medians ${pct(paired)})`,
  );
  console.log('');
}

// (c) one file grown to 1k, 10k, 100k lines. After warm-up lints of the 1k file (the
// JIT), each round lints every size once as a batch of 30k lines or more, the sizes
// in rotating order over a multiple of three rounds and without gc() in between, so
// the collections that fall into the plugin's time count at every size.
if (ONLY.has('c')) {
  const sizes = QUICK ? [1_000, 10_000, 30_000] : [1_000, 10_000, 100_000];
  const rounds = Math.ceil(REPS / 3) * 3;
  const warmup = QUICK ? 30 : 100;
  const files = sizes.map((size) => ({
    ...load([generateBigFile(join(benchDir, `big-${size / 1000}k.js`), { lines: size, seed: 3 })])[0],
    size,
    lints: Math.max(1, Math.round(30_000 / size)),
    perLine: [],
    parsePerLine: [],
  }));
  const linter = new Linter({ cwd: benchDir });
  const batch = (f, lints) => {
    let tfjs = 0;
    let parse = 0;
    for (let i = 0; i < lints; i++) {
      const x = lintOnce(linter, f, CONFIGS.tfjs);
      tfjs += x.tfjs;
      parse += x.parse;
    }
    return { tfjs, parse };
  };
  batch(files[0], warmup);
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < files.length; j++) {
      const f = files[(r + j) % files.length];
      const x = batch(f, f.lints);
      f.perLine.push(x.tfjs / (f.lines * f.lints));
      f.parsePerLine.push(x.parse / (f.lines * f.lints));
    }
  }
  console.log(`(c) one TF.js file grown: time per line, medians of ${rounds} rounds after ${warmup} warm-up lints`);
  const rows = [['file', 'lines', 'parse per line', 'tfjs per line', 'tfjs ÷ parse']];
  for (const f of files) {
    f.tfjs = median(f.perLine);
    f.parse = median(f.parsePerLine);
    rows.push([`big-${f.size / 1000}k.js`, f.lines, us(f.parse), us(f.tfjs), pct(f.tfjs / f.parse)]);
  }
  table(rows);
  const growth = files.slice(1).map((f) => f.tfjs / files[0].tfjs);
  const describe = (rs) => rs.map((r, i) => `${sizes[i + 1] / 1000}k: ${times(r)}`).join(', ');
  console.log(`  ESLint's parse per line grows ${describe(files.slice(1).map((f) => f.parse / files[0].parse))}`);
  target(
    `(c) the plugin's time per line does not grow with the file (each size ≤ 1.3× the ${sizes[0] / 1000}k figure)`,
    growth.every((r) => r <= 1.3),
    describe(growth),
  );
  console.log('');
}

// (d) one model, chain or set of call sites grown 4×: time must grow ~4×, not 16×
if (ONLY.has('d')) {
  const [n1, n2] = QUICK ? [250, 1000] : [500, 2000];
  const rows = [['grows', `n=${n1}`, `n=${n2}`, 'exponent']];
  let worst = 0;
  for (const kind of SCALING_KINDS) {
    const files = [n1, n2].map((n) => ({
      ...load([generateScaling(join(benchDir, `scale-${kind}-${n}.js`), kind, n)])[0],
      group: String(n),
      iterations: Math.round((n2 / n) * 2),
    }));
    const m = measure(files, { tfjs: CONFIGS.tfjs }, { reps: REPS, warmup: 2, cwd: benchDir });
    const [a, b] = [m[String(n1)].tfjs, m[String(n2)].tfjs];
    const [i1, i2] = files.map((f) => f.iterations);
    const ratio = pairedRatio(
      b,
      a,
      (x) => x.tfjs / i2,
      (x) => x.tfjs / i1,
    );
    const exponent = Math.log(ratio) / Math.log(n2 / n1);
    worst = Math.max(worst, exponent);
    rows.push([kind, ms(a.tfjs / i1), ms(b.tfjs / i2), exponent.toFixed(2)]);
  }
  console.log(`(d) tfjs time for one file as one thing in it grows ${n2 / n1}× (exponent 1 = linear, 2 = quadratic)`);
  table(rows);
  target('(d) nothing superlinear (exponent ≤ 1.25)', worst <= 1.25, `worst exponent ${worst.toFixed(2)}`);
  console.log('');
}

const judged = targets.filter((t) => t.pass !== undefined);
const failed = judged.filter((t) => !t.pass);
console.log(
  `${judged.length - failed.length}/${judged.length} targets met; ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
if (STRICT && failed.length > 0) process.exitCode = 1;
