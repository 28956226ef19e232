// `npm run bench`: what eslint-plugin-tfjs costs, side by side with ESLint alone.
//
// A report, not a test: it prints medians, ratios and PASS/FAIL per target and exits 0
// (`--strict` exits 1 when a target fails). Method (see docs/performance.md):
//
// - One process, ESLint's `Linter` with configs normalized once (as the CLI does), the
//   same parser per file in every configuration (espree for JS,
//   @typescript-eslint/parser for TS), `stats: true` for per-rule times.
// - Configurations: `none` (no rules: parse, scope analysis and traversal, the floor),
//   `nuv` (core `no-unused-vars` only), `tfjs` (`tfjs.configs.all` from dist/),
//   `tfjs-nocross` (the same with `settings.tfjs.crossFile: false`, corpus a only).
// - Interleaved per file (configurations in rotating order), a warm-up pass first,
//   `gc()` between repetitions, medians over repetitions.
//
// Flags: --strict (exit 1 when a target fails), --reps N (default 5), --only a,b,c,d,
// --quick (smaller corpora), --configs nuv,tfjs (fewer configurations), --json FILE,
// --project DIR (your own project instead: its JS/TS files, measured the same way).
import { execSync, spawnSync } from 'node:child_process';
import { rmSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import { configArray as configArrayFor } from './bench-config.mjs';
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

// ---------------------------------------------------------------------------
// Arguments

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const STRICT = flag('--strict');
const QUICK = flag('--quick');
const REPS = Number(option('--reps', QUICK ? '3' : '5'));
const PROJECT = option('--project', undefined);
const ONLY = new Set(option('--only', PROJECT ? 'e' : 'a,b,c,d').split(','));
const JSON_OUT = option('--json', undefined);
/** Restrict the configurations compared (iterating on one number); `none` is always measured. */
const CONFIG_FILTER = option('--configs', undefined)?.split(',');
const pick = (names) => names.filter((n) => n === 'none' || !CONFIG_FILTER || CONFIG_FILTER.includes(n));

// ---------------------------------------------------------------------------
// Plugin (built) and ESLint internals

let plugin;
try {
  plugin = (await import(join(root, 'dist/index.js'))).default;
} catch (e) {
  console.error(`Cannot load dist/index.js (${e.message}). Run \`npm run build\` first (\`npm run bench\` does).`);
  process.exit(1);
}

const versions = {
  node: process.version,
  eslint: require('eslint/package.json').version,
  tsParser: require('@typescript-eslint/parser/package.json').version,
  plugin: plugin.meta.version,
  commit: (() => {
    try {
      const head = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
      const dirty = execSync('git status --porcelain -- src', { cwd: root }).toString().trim() ? ' (src modified)' : '';
      return head + dirty;
    } catch {
      return 'unknown';
    }
  })(),
};
const cpus = os.cpus();
const machine = `${cpus[0]?.model.trim() ?? 'unknown CPU'} × ${cpus.length}, ${os.platform()} ${os.release()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;

// ---------------------------------------------------------------------------
// Configurations

const configArray = (extra) => configArrayFor(benchDir, extra);

const CONFIGS = {
  none: configArray([]),
  nuv: configArray([{ rules: { 'no-unused-vars': 'error' } }]),
  tfjs: configArray([plugin.configs.all]),
  'tfjs-nocross': configArray([plugin.configs.all, { settings: { tfjs: { crossFile: false } } }]),
};

// ---------------------------------------------------------------------------
// Measurement

const gc = globalThis.gc ?? (() => {});
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Lint every file `iterations` times with each configuration, interleaved (the
 * configurations rotate per file and per repetition), `reps` times after a warm-up
 * on the first `warmup` files. Files are summed per `file.group` (default 'all').
 *
 * Returns result[group][config]: medians over repetitions of the summed wall time,
 * ESLint's parse time and each rule's time (ms, from `stats`), the per-repetition
 * samples (for paired ratios), and the problems the tfjs rules reported.
 */
/** One lint of `file` with `stats`: its messages, wall time and ESLint's times; throws on a parse error. */
function lintOnce(linter, file, config) {
  const t0 = performance.now();
  const result = linter.verifyAndFix(file.text, config, { filename: file.filename, fix: false, stats: true });
  const wall = performance.now() - t0;
  const fatal = result.messages.find((m) => m.fatal || !m.ruleId);
  if (fatal) throw new Error(`${file.filename}: ${fatal.message}`);
  return { result, wall, pass: linter.getTimes().passes[0] };
}

/** The plugin's rule time in one lint's times: the sum of its `tfjs/*` rules. */
function tfjsTime(pass) {
  let tfjs = 0;
  for (const [rule, t] of Object.entries(pass?.rules ?? {})) if (rule.startsWith('tfjs/')) tfjs += t.total;
  return tfjs;
}

function measure(files, configNames, { reps = REPS, warmup = 20, configs = CONFIGS, cwd = benchDir } = {}) {
  const linters = Object.fromEntries(configNames.map((c) => [c, new Linter({ cwd })]));
  // Per run of a file: its fastest repetition (tfjs rules, no-unused-vars), summed per group below.
  const best = new Map();
  const run = (file, name, acc, slot) => {
    const linter = linters[name];
    const { result, wall, pass } = lintOnce(linter, file, configs[name]);
    if (!acc) return;
    const tfjs = tfjsTime(pass);
    acc.wall += wall;
    acc.parse += pass?.parse?.total ?? 0;
    acc.tfjs += tfjs;
    for (const [rule, t] of Object.entries(pass?.rules ?? {})) acc.rules[rule] = (acc.rules[rule] ?? 0) + t.total;
    acc.problems += result.messages.filter((m) => m.ruleId?.startsWith('tfjs/')).length;
    const nuv = pass?.rules?.['no-unused-vars']?.total ?? 0;
    const key = `${slot}\u0000${name}`;
    const prev = best.get(key);
    if (!prev || tfjs + nuv < prev.tfjs + prev.nuv) best.set(key, { group: file.group ?? 'all', name, tfjs, nuv });
  };
  for (const f of files.slice(0, warmup)) for (const c of configNames) run(f, c, null);
  const groups = [...new Set(files.map((f) => f.group ?? 'all'))];
  const samples = {};
  for (const g of groups) samples[g] = Object.fromEntries(configNames.map((c) => [c, []]));
  for (let rep = 0; rep < reps; rep++) {
    gc();
    const acc = {};
    for (const g of groups)
      acc[g] = Object.fromEntries(configNames.map((c) => [c, { wall: 0, parse: 0, tfjs: 0, rules: {}, problems: 0 }]));
    files.forEach((f, i) => {
      const iterations = f.iterations ?? 1;
      for (let k = 0; k < iterations; k++) {
        for (let j = 0; j < configNames.length; j++) {
          const c = configNames[(i + k + rep + j) % configNames.length];
          run(f, c, acc[f.group ?? 'all'][c], `${i}:${k}`);
        }
      }
    });
    for (const g of groups) for (const c of configNames) samples[g][c].push(acc[g][c]);
  }
  const out = {};
  for (const g of groups) {
    out[g] = {};
    for (const c of configNames) {
      const s = samples[g][c];
      const ruleIds = new Set(s.flatMap((x) => Object.keys(x.rules)));
      const rules = {};
      for (const r of ruleIds) rules[r] = median(s.map((x) => x.rules[r] ?? 0));
      out[g][c] = {
        wall: median(s.map((x) => x.wall)),
        parse: median(s.map((x) => x.parse)),
        tfjs: median(s.map((x) => x.tfjs)),
        rules,
        samples: s.map((x) => ({ wall: x.wall, tfjs: x.tfjs, nuv: x.rules['no-unused-vars'] ?? 0 })),
        best: { tfjs: 0, nuv: 0 },
        problems: s[s.length - 1].problems,
      };
    }
  }
  for (const b of best.values()) {
    out[b.group][b.name].best.tfjs += b.tfjs;
    out[b.group][b.name].best.nuv += b.nuv;
  }
  return out;
}

/**
 * Median over repetitions of a per-repetition ratio: both sides were measured in
 * the same repetition, interleaved, so load that varies between repetitions cancels.
 */
function pairedRatio(a, b, pickA, pickB = pickA) {
  return median(a.samples.map((x, i) => pickA(x) / pickB(b.samples[i])));
}

/** Files of a generated corpus, read into memory. */
function load(entries) {
  return entries.map((e) => ({ ...e, filename: e.path, text: e.text ?? readFileSync(e.path, 'utf8') }));
}

// ---------------------------------------------------------------------------
// Report helpers

const results = { machine, versions, reps: REPS, corpora: {}, targets: [] };
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const us = (x) => `${(x * 1000).toFixed(x < 0.01 ? 2 : 1)} µs`;
const pct = (x) => `${(x * 100).toFixed(2)}%`;
const times = (x) => `${x.toFixed(2)}×`;
const lineCount = (files) => files.reduce((s, f) => s + f.text.split('\n').length * (f.iterations ?? 1), 0);
const spread = (m, key) =>
  `${ms(Math.min(...m.samples.map((x) => x[key])))}..${ms(Math.max(...m.samples.map((x) => x[key])))}`;

function target(name, pass, detail) {
  results.targets.push({ name, pass, detail });
  console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows)
    console.log(
      '  ' + r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '),
    );
}

/** One row per configuration: wall time, its spread, the difference to `none`, the rule time from stats. */
function printConfigs(m, names, fileCount) {
  const rows = [
    ['config', 'wall (median)', 'min..max', 'Δ wall vs none', 'rule time (stats)', 'min..max', 'rule time per file'],
  ];
  for (const c of names) {
    const x = m[c];
    const key = c === 'nuv' ? 'nuv' : c.startsWith('tfjs') ? 'tfjs' : undefined;
    const ruleTime = key === 'nuv' ? (x.rules['no-unused-vars'] ?? 0) : key === 'tfjs' ? x.tfjs : 0;
    rows.push([
      c,
      ms(x.wall),
      spread(x, 'wall'),
      c === 'none' ? '' : `${x.wall - m.none.wall >= 0 ? '+' : ''}${ms(x.wall - m.none.wall)}`,
      key ? ms(ruleTime) : '',
      key ? spread(x, key) : '',
      key ? us(ruleTime / fileCount) : '',
    ]);
  }
  table(rows);
  const perRule = Object.entries(m.tfjs?.rules ?? {}).filter(([r]) => r.startsWith('tfjs/'));
  if (perRule.length > 0) {
    console.log('  per rule (config tfjs; the shared analysis is charged to the first rule that asks for it):');
    for (const [r, t] of perRule.sort((a, b) => b[1] - a[1])) console.log(`    ${r.padEnd(50)} ${ms(t)}`);
  }
}

// ---------------------------------------------------------------------------
// Corpora

const started = performance.now();
console.log('eslint-plugin-tfjs benchmark (a report: medians of interleaved repetitions; see docs/performance.md)');
console.log(
  `  machine   ${machine}; load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(
  `  versions  Node ${versions.node}, ESLint ${versions.eslint}, @typescript-eslint/parser ${versions.tsParser}, eslint-plugin-tfjs ${versions.plugin} (${versions.commit})`,
);
console.log(
  `  method    ${REPS} repetitions after a warm-up, configurations interleaved per file, medians${globalThis.gc ? ', gc() between repetitions' : ' (run with --expose-gc to collect between repetitions)'}${ONLY.has('c') ? '; (c) in rounds, see there' : ''}`,
);
console.log('');

mkdirSync(benchDir, { recursive: true });

// (a) a generated TF.js project, and the same generator at 1/4 of the size (files)
if (ONLY.has('a')) {
  const [nSmall, nLarge] = QUICK ? [20, 80] : [30, 120];
  const project = (n) => {
    const dir = join(benchDir, `project-${n}`);
    rmSync(dir, { recursive: true, force: true });
    return load(generateProject(dir, { files: n, seed: 1 })).map((f) => ({ ...f, group: String(n) }));
  };
  const large = project(nLarge);
  const small = project(nSmall);
  const lines = lineCount(large);
  console.log(
    `(a) generated TF.js project: ${large.length} files (${large.filter((f) => f.ts).length} TS), ${lines} lines; every build and import style, relative imports between files`,
  );
  const names = pick(['none', 'nuv', 'tfjs', 'tfjs-nocross']);
  const all = measure([...large, ...small], names);
  const m = all[String(nLarge)];
  printConfigs(m, names, large.length);
  console.log(`  tfjs problems reported per run: ${m.tfjs.problems}`);
  const vsNuv = m.nuv
    ? pairedRatio(
        m.tfjs,
        m.nuv,
        (x) => x.tfjs,
        (x) => x.nuv,
      )
    : NaN;
  const vsFloor = pairedRatio(
    m.tfjs,
    m.none,
    (x) => x.tfjs,
    (x) => x.wall,
  );
  let crossText = '';
  if (m['tfjs-nocross']) {
    const cross = m.tfjs.tfjs - m['tfjs-nocross'].tfjs;
    const crossBest = m.tfjs.best.tfjs - m['tfjs-nocross'].best.tfjs;
    crossText = `; cross-file on − off: ${cross >= 0 ? '+' : ''}${ms(cross)} (${pct(cross / m.none.wall)} of the floor; best case ${crossBest >= 0 ? '+' : ''}${ms(crossBest)})`;
  }
  console.log(`  tfjs ÷ floor ${pct(vsFloor)}; tfjs ÷ no-unused-vars ${times(vsNuv)} (paired medians)${crossText}`);
  if (m.nuv) {
    // Each file's fastest repetition, summed: the steadiest figure on a shared machine
    // (pauses and load inflate single repetitions, less so the fastest of several).
    const bestRatio = m.tfjs.best.tfjs / m.nuv.best.nuv;
    console.log(
      `  best case (each file's fastest repetition, summed): tfjs ${ms(m.tfjs.best.tfjs)}, no-unused-vars ${ms(m.nuv.best.nuv)}: ${times(bestRatio)}`,
    );
  }
  if (m.nuv)
    target(
      '(a) all tfjs rules cost less than no-unused-vars alone',
      vsNuv < 1,
      `${times(vsNuv)} (${ms(m.tfjs.tfjs)} vs ${ms(m.nuv.rules['no-unused-vars'])})`,
    );
  results.corpora.a = { files: large.length, lines, measures: m };

  const s = all[String(nSmall)];
  const smallLines = lineCount(small);
  const perLine = (x, n) => (x / n) * 1000;
  console.log(`(a, files) the same generator at ${nSmall} and ${nLarge} files: tfjs time per 1k lines`);
  const rows = [['project', 'lines', 'crossFile: true', 'crossFile: false']];
  rows.push([
    `${nSmall} files`,
    smallLines,
    ms(perLine(s.tfjs.tfjs, smallLines)),
    s['tfjs-nocross'] ? ms(perLine(s['tfjs-nocross'].tfjs, smallLines)) : '',
  ]);
  rows.push([
    `${nLarge} files`,
    lines,
    ms(perLine(m.tfjs.tfjs, lines)),
    m['tfjs-nocross'] ? ms(perLine(m['tfjs-nocross'].tfjs, lines)) : '',
  ]);
  table(rows);
  const growth = pairedRatio(
    m.tfjs,
    s.tfjs,
    (x) => x.tfjs / lines,
    (x) => x.tfjs / smallLines,
  );
  // Judged on the best case: the 30-file project's medians swing by a third on a
  // busy machine, its fastest repetitions by a few percent.
  const bestGrowth = m.tfjs.best.tfjs / lines / (s.tfjs.best.tfjs / smallLines);
  console.log(
    `  per 1k lines, best case: ${nSmall} files ${ms(perLine(s.tfjs.best.tfjs, smallLines))}, ${nLarge} files ${ms(perLine(m.tfjs.best.tfjs, lines))}; paired medians: ${times(growth)}`,
  );
  target(
    `(a, files) per-line cost does not grow with the project (${nLarge} vs ${nSmall} files, best case, ≤ 1.3×)`,
    bestGrowth <= 1.3,
    `${times(bestGrowth)} per line`,
  );
  results.corpora.files = { small: { files: small.length, lines: smallLines, measures: s } };

  // One `eslint` run in a new process, as in CI or a pre-commit hook: the JIT is
  // cold, the plugin is loaded, and every module cross-file analysis reads is
  // parsed or taken from ESLint's parse of it (the medians above reuse a warm
  // module cache). ESLint's TIMING gives the rule times.
  const oneShot = measureOneShot(join(benchDir, `project-${nLarge}`), QUICK ? 1 : 3);
  const rows1 = [['config (eslint CLI, new process)', 'wall (median)', 'tfjs rules', 'no-unused-vars']];
  for (const [name, x] of Object.entries(oneShot))
    rows1.push([name, ms(x.wall), x.tfjs ? ms(x.tfjs) : '', x.nuv ? ms(x.nuv) : '']);
  console.log(
    `(a, one-shot) one \`eslint\` run of the ${nLarge}-file project per configuration, medians of ${QUICK ? 1 : 3}`,
  );
  table(rows1);
  console.log(
    `  tfjs ÷ no-unused-vars ${times(oneShot.tfjs.tfjs / oneShot.nuv.nuv)} (crossFile: false ${times(oneShot['tfjs-nocross'].tfjs / oneShot.nuv.nuv)}); ` +
      `wall with the plugin ${times(oneShot.tfjs.wall / oneShot.nuv.wall)} the wall with no-unused-vars alone`,
  );
  results.corpora.oneShot = oneShot;
  console.log('');
}

/**
 * `eslint .` in `dir`, in a child process per run, for each configuration (`nuv`:
 * no-unused-vars alone; `tfjs`, `tfjs-nocross`: the plugin's rules alone), `reps`
 * times interleaved: medians of the wall time and of the rule times ESLint's TIMING
 * prints.
 */
function measureOneShot(dir, reps) {
  const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
  const baseConfig = join(root, 'scripts', 'bench-config.mjs');
  const dist = join(root, 'dist', 'index.js');
  const configs = {
    nuv: "{ rules: { 'no-unused-vars': 'error' } }",
    tfjs: '{ plugins: { tfjs }, rules: tfjs.configs.all.rules }',
    'tfjs-nocross': '{ plugins: { tfjs }, rules: tfjs.configs.all.rules, settings: { tfjs: { crossFile: false } } }',
  };
  const files = {};
  for (const [name, body] of Object.entries(configs)) {
    files[name] = join(benchDir, `oneshot-${name}.config.mjs`);
    writeFileSync(
      files[name],
      // The same files, parsers and options as the in-process measurements (BASE).
      `import tfjs from ${JSON.stringify(pathToFileURL(dist).href)};\nimport { BASE } from ${JSON.stringify(pathToFileURL(baseConfig).href)};\n` +
        `export default [...BASE, ${body}];\n`,
    );
  }
  const samples = Object.fromEntries(Object.keys(configs).map((c) => [c, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (const name of Object.keys(configs)) {
      const t0 = performance.now();
      const run = spawnSync(process.execPath, [eslintBin, '-c', files[name], '-f', 'json', '-o', os.devNull, '.'], {
        cwd: dir,
        env: { ...process.env, TIMING: 'all' },
        encoding: 'utf8',
      });
      const wall = performance.now() - t0;
      if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed (${run.status}): ${run.stderr}`);
      let tfjs = 0;
      let nuv = 0;
      for (const line of run.stdout.split('\n')) {
        const [rule, time] = line.split('|').map((x) => x.trim());
        if (!rule || !time || Number.isNaN(Number(time))) continue;
        if (rule.startsWith('tfjs/')) tfjs += Number(time);
        else if (rule === 'no-unused-vars') nuv += Number(time);
      }
      samples[name].push({ wall, tfjs, nuv });
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, xs]) => [
      name,
      { wall: median(xs.map((x) => x.wall)), tfjs: median(xs.map((x) => x.tfjs)), nuv: median(xs.map((x) => x.nuv)) },
    ]),
  );
}

// (b) ordinary code
if (ONLY.has('b')) {
  const { files: raw, skipped, available } = collectPlainFiles(join(root, 'node_modules'), { max: QUICK ? 150 : 400 });
  // Files under node_modules would be ignored: lint them under a virtual name in
  // .bench/plain/. CommonJS that does not parse as a module is linted as .cjs;
  // files that parse as neither are dropped (counted).
  const probe = new Linter({ cwd: benchDir });
  const files = [];
  let dropped = 0;
  for (const f of raw) {
    const rel = relative(join(root, 'node_modules'), f.path);
    let filename = join(benchDir, 'plain', rel);
    const ok = (name) => !probe.verify(f.text, CONFIGS.none, { filename: name }).some((m) => m.fatal || !m.ruleId);
    if (!ok(filename)) {
      if (!f.ts && ok(filename + '.cjs')) filename += '.cjs';
      else {
        dropped++;
        continue;
      }
    }
    files.push({ ...f, filename });
  }
  const lines = lineCount(files);
  const bytes = files.reduce((s, f) => s + f.text.length, 0);
  const ts = files.filter((f) => f.ts);
  console.log(
    `(b) ordinary JS/TS without TF.js from node_modules: ${files.length} files (${ts.length} TS, ${ts.filter((f) => /\.d\.[cm]?ts$/.test(f.path)).length} of them declaration files), ${lines} lines, ${(bytes / 2 ** 20).toFixed(1)} MiB`,
  );
  console.log(
    `  an even sample of ${available} eligible files; skipped: ${skipped.large.length} over 200 kB, ${skipped.minified} minified, ${skipped.tfjs} mentioning TF.js; ${dropped} not parseable`,
  );
  const names = pick(['none', 'tfjs']);
  const m = measure(files, names).all;
  printConfigs(m, names, files.length);
  const share = pairedRatio(
    m.tfjs,
    m.none,
    (x) => x.tfjs,
    (x) => x.wall,
  );
  console.log(`  tfjs ÷ floor ${pct(share)} (paired median); ${us(m.tfjs.tfjs / files.length)} per file`);
  target(
    '(b) all tfjs rules under 2% of the floor on code without TF.js',
    share < 0.02,
    `${pct(share)} (${ms(m.tfjs.tfjs)} of ${ms(m.none.wall)})`,
  );
  results.corpora.b = {
    files: files.length,
    lines,
    bytes,
    available,
    skipped: { ...skipped, large: skipped.large.length },
    dropped,
    measures: m,
  };
  console.log('');
}

// (c) one file grown to 1k, 10k, 100k lines. After warm-up lints of the 1k file (the
// JIT: a new process's first 30 took twice as long per line as later ones), rounds
// lint each size once as a batch of 30k lines or more (30 lints of the 1k file, 3 of
// the 10k one), the sizes in rotating order over a multiple of three rounds (so each
// size follows each other one equally often), with no gc() in between (a forced
// collection slows the lints right after it). A batch's time per line is its sum over
// its lints, so the collections that fall into the plugin's time count at every size;
// medians over the rounds. Before the tenth pass the 1k figure was taken right after
// gc() on a JIT still warming up, and moved by ±30% between processes
// (docs/performance.md).
function lintBatch(linter, file, lints) {
  let tfjs = 0;
  let parse = 0;
  let problems = 0;
  for (let i = 0; i < lints; i++) {
    const { result, pass } = lintOnce(linter, file, CONFIGS.tfjs);
    tfjs += tfjsTime(pass);
    parse += pass?.parse?.total ?? 0;
    problems = result.messages.length;
  }
  return { tfjs, parse, problems };
}

if (ONLY.has('c')) {
  const sizes = QUICK ? [1_000, 10_000, 30_000] : [1_000, 10_000, 100_000];
  const rounds = Math.ceil(REPS / 3) * 3;
  const warmup = QUICK ? 30 : 100;
  const files = sizes.map((size) => {
    const [file] = load([generateBigFile(join(benchDir, `big-${size / 1000}k.js`), { lines: size, seed: 3 })]);
    return { ...file, size, lints: Math.max(1, Math.round(30_000 / size)), rounds: [] };
  });
  const linter = new Linter({ cwd: benchDir });
  gc();
  lintBatch(linter, files[0], warmup);
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < files.length; j++) {
      const f = files[(r + j) % files.length];
      const x = lintBatch(linter, f, f.lints);
      const lines = f.lines * f.lints;
      f.rounds.push({ tfjs: x.tfjs / lines, parse: x.parse / lines, problems: x.problems });
    }
  }
  const per = {};
  const rows = [['file', 'lines', 'batch', 'parse per line', 'tfjs per line', 'min..max', 'tfjs ÷ parse']];
  for (const f of files) {
    const tfjs = f.rounds.map((x) => x.tfjs);
    const m = {
      lines: f.lines,
      lints: f.lints,
      parse: median(f.rounds.map((x) => x.parse)),
      tfjs: median(tfjs),
      share: median(f.rounds.map((x) => x.tfjs / x.parse)),
      problems: f.rounds[0].problems,
      rounds: f.rounds,
    };
    per[f.size] = m;
    rows.push([
      `big-${f.size / 1000}k.js`,
      f.lines,
      `${f.lints} lint${f.lints > 1 ? 's' : ''}`,
      us(m.parse),
      us(m.tfjs),
      `${us(Math.min(...tfjs))}..${us(Math.max(...tfjs))}`,
      pct(m.share),
    ]);
  }
  console.log(
    `(c) one TF.js file (\`const tf = require(...)\`) grown to each size: time per line, medians of ${rounds} rounds`,
  );
  console.log(
    `    (after ${warmup} warm-up lints of the ${sizes[0] / 1000}k file; a round lints each size once, as a batch of 30k lines or more, in rotating order;`,
  );
  console.log("    parse = ESLint parse + scope analysis, the floor; tfjs ÷ parse = median of the rounds' ratios)");
  table(rows);
  const base = per[sizes[0]];
  const growth = (pick) => sizes.slice(1).map((s) => pick(per[s]) / pick(base));
  const describe = (rs) =>
    sizes
      .slice(1)
      .map((s, i) => `${s / 1000}k: ${times(rs[i])}`)
      .join(', ');
  const ratios = growth((p) => p.tfjs);
  // The same, paired: the median over rounds of each round's ratio to the first size.
  const paired = sizes.slice(1).map((s) => median(per[s].rounds.map((x, r) => x.tfjs / base.rounds[r].tfjs)));
  console.log(
    `  growth from ${sizes[0] / 1000}k lines (ratio of medians): tfjs ${describe(ratios)}; the floor (parse) ${describe(growth((p) => p.parse))}; tfjs ÷ parse ${describe(growth((p) => p.share))}`,
  );
  console.log(`  paired (median of the rounds' ratios): tfjs ${describe(paired)}`);
  target(
    `(c) tfjs time per line does not grow from ${sizes[0] / 1000}k to ${sizes[sizes.length - 1] / 1000}k lines (each ≤ 1.3× the ${sizes[0] / 1000}k figure)`,
    ratios.every((r) => r <= 1.3),
    describe(ratios) + (ratios.some((r) => r < 0.7) ? ' (below 0.7×: per-file fixed costs amortised)' : ''),
  );
  results.corpora.c = { warmup, rounds, sizes: per };
  console.log('');
}

// (d) one model / chain / set of call sites grown 4×: time must grow ~4×, not 16×
if (ONLY.has('d')) {
  const [n1, n2] = QUICK ? [250, 1000] : [500, 2000];
  const rows = [['grows', `n=${n1}`, `n=${n2}`, 'ratio', 'exponent']];
  const per = {};
  let worst = 0;
  for (const kind of SCALING_KINDS) {
    const files = [n1, n2].flatMap((n) =>
      load([generateScaling(join(benchDir, `scale-${kind}-${n}.js`), kind, n)]).map((f) => ({
        ...f,
        group: String(n),
        iterations: Math.round((n2 / n) * 2),
      })),
    );
    const m = measure(files, ['tfjs'], { warmup: 2 });
    const a = m[String(n1)].tfjs;
    const b = m[String(n2)].tfjs;
    const t1 = a.tfjs / files[0].iterations;
    const t2 = b.tfjs / files[1].iterations;
    const ratio = pairedRatio(
      b,
      a,
      (x) => x.tfjs / files[1].iterations,
      (x) => x.tfjs / files[0].iterations,
    );
    const exponent = Math.log(ratio) / Math.log(n2 / n1);
    worst = Math.max(worst, exponent);
    per[kind] = { n: [n1, n2], ms: [t1, t2], ratio, exponent };
    rows.push([kind, ms(t1), ms(t2), times(ratio), exponent.toFixed(2)]);
  }
  console.log(`(d) tfjs time for one file as one thing in it grows ${n2 / n1}× (exponent 1 = linear, 2 = quadratic)`);
  table(rows);
  target(
    '(d) nothing superlinear in layers, chain length, call sites, conditional adds, compile calls (exponent ≤ 1.25)',
    worst <= 1.25,
    `worst exponent ${worst.toFixed(2)}`,
  );
  results.corpora.d = per;
  console.log('');
}

// (e) a project of your own (`--project DIR`): no target, the figures to judge by
if (ONLY.has('e')) {
  if (!PROJECT) {
    console.error('--only e needs --project DIR');
    process.exit(2);
  }
  const dir = resolve(PROJECT);
  const configs = {
    none: configArrayFor(dir, []),
    nuv: configArrayFor(dir, [{ rules: { 'no-unused-vars': 'error' } }]),
    tfjs: configArrayFor(dir, [plugin.configs.all]),
  };
  const probe = new Linter({ cwd: dir });
  const { files: found, skipped } = collectProjectFiles(dir);
  const files = found.filter(
    (f) => !probe.verify(f.text, configs.none, { filename: f.filename }).some((m) => m.fatal || !m.ruleId),
  );
  const unparsed = found.length - files.length;
  const lines = lineCount(files);
  console.log(
    `(e) project ${dir}: ${files.length} files, ${lines} lines; skipped ${skipped.large} over 200 kB, ${skipped.minified} minified, ${unparsed} that do not parse as modules`,
  );
  if (files.length === 0) process.exit(2);
  const names = pick(['none', 'nuv', 'tfjs']);
  const m = measure(files, names, { configs, cwd: dir, warmup: Math.min(20, files.length) }).all;
  printConfigs(m, names, files.length);
  console.log(`  tfjs problems reported per run: ${m.tfjs.problems}`);
  const vsFloor = pairedRatio(
    m.tfjs,
    m.none,
    (x) => x.tfjs,
    (x) => x.wall,
  );
  let vsNuv = '';
  if (m.nuv) {
    const paired = pairedRatio(
      m.tfjs,
      m.nuv,
      (x) => x.tfjs,
      (x) => x.nuv,
    );
    vsNuv = `; tfjs ÷ no-unused-vars ${times(paired)} (paired medians), best case ${ms(m.tfjs.best.tfjs)} vs ${ms(m.nuv.best.nuv)}: ${times(m.tfjs.best.tfjs / m.nuv.best.nuv)}`;
  }
  console.log(`  tfjs ÷ floor ${pct(vsFloor)}${vsNuv}`);
  results.corpora.e = { dir, files: files.length, lines, unparsed, measures: m };
  console.log('');
}

const failed = results.targets.filter((t) => !t.pass);
const elapsed = `${((performance.now() - started) / 1000).toFixed(0)} s`;
if (results.targets.length === 0) console.log(`no targets for a project of your own; ${elapsed}`);
else console.log(`${results.targets.length - failed.length}/${results.targets.length} targets met; ${elapsed}`);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
if (STRICT && failed.length > 0) process.exitCode = 1;
