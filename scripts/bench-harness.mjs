// What `npm run bench` and `npm run bench:ab` share: the ESLint configurations, one
// timed lint, and the interleaved measurement of several configurations.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

const require = createRequire(import.meta.url);
// Linter#verify given a plain array would normalize it on every call, which the CLI
// does once. FlatConfigArray is internal to ESLint, so it is loaded by path.
const { FlatConfigArray } = require(
  join(dirname(require.resolve('eslint/package.json')), 'lib/config/flat-config-array.js'),
);

/** Every JS/TS file; TS files with @typescript-eslint/parser (no type information). */
export const BASE = [
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts'] },
  { files: ['**/*.ts', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
];

/** `BASE` plus `extra`, normalized once for files under `basePath`. */
export function configArray(basePath, extra) {
  const array = new FlatConfigArray([...BASE, ...extra], { basePath });
  array.normalizeSync();
  return array;
}

/** The configurations compared: nothing (the floor), core `no-unused-vars`, the plugin's `all`. */
export function standardConfigs(basePath, plugin) {
  return {
    none: configArray(basePath, []),
    nuv: configArray(basePath, [{ rules: { 'no-unused-vars': 'error' } }]),
    tfjs: configArray(basePath, [plugin.configs.all]),
  };
}

/** A built plugin (`dist/index.js` or another build's). */
export async function loadPlugin(path) {
  try {
    return (await import(pathToFileURL(resolve(path)).href)).default;
  } catch (e) {
    console.error(`Cannot load ${path} (${e.message}). Run \`npm run build\` first (\`npm run bench\` does).`);
    process.exit(1);
  }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One lint with `stats`: wall time, ESLint's parse time, the plugin's and `no-unused-vars`' rule times. */
export function lintOnce(linter, file, config) {
  const t0 = performance.now();
  const result = linter.verifyAndFix(file.text, config, { filename: file.filename, fix: false, stats: true });
  const wall = performance.now() - t0;
  const fatal = result.messages.find((m) => m.fatal || !m.ruleId);
  if (fatal) throw new Error(`${file.filename}: ${fatal.message}`);
  const pass = linter.getTimes().passes[0];
  let tfjs = 0;
  for (const [rule, t] of Object.entries(pass?.rules ?? {})) if (rule.startsWith('tfjs/')) tfjs += t.total;
  return {
    wall,
    parse: pass?.parse?.total ?? 0,
    tfjs,
    nuv: pass?.rules?.['no-unused-vars']?.total ?? 0,
    rules: pass?.rules ?? {},
    problems: result.messages.filter((m) => m.ruleId?.startsWith('tfjs/')).length,
  };
}

/**
 * Lint every file with each configuration, interleaved (the order rotates per file
 * and per repetition, so a slow moment of a shared machine hits all alike), `reps`
 * times after a warm-up on the first `warmup` files, `gc()` between repetitions.
 * Files are summed per `file.group` (default 'all'), `file.iterations` times each.
 *
 * Returns result[group][config]: medians over repetitions of the summed times, each
 * repetition's sums (`samples`, for paired ratios), the sum of each file's fastest
 * repetition (`best`, the steadiest figure under load) and the problems reported.
 */
export function measure(files, configs, { reps, warmup = 20, cwd }) {
  const names = Object.keys(configs);
  const linters = Object.fromEntries(names.map((c) => [c, new Linter({ cwd })]));
  const groups = [...new Set(files.map((f) => f.group ?? 'all'))];
  const samples = Object.fromEntries(groups.map((g) => [g, Object.fromEntries(names.map((c) => [c, []]))]));
  const best = new Map();
  for (const f of files.slice(0, warmup)) for (const c of names) lintOnce(linters[c], f, configs[c]);
  for (let rep = 0; rep < reps; rep++) {
    globalThis.gc?.();
    const acc = {};
    for (const g of groups)
      acc[g] = Object.fromEntries(
        names.map((c) => [c, { wall: 0, parse: 0, tfjs: 0, nuv: 0, rules: {}, problems: 0 }]),
      );
    files.forEach((f, i) => {
      const group = f.group ?? 'all';
      for (let k = 0; k < (f.iterations ?? 1); k++) {
        for (let j = 0; j < names.length; j++) {
          const c = names[(i + k + rep + j) % names.length];
          const x = lintOnce(linters[c], f, configs[c]);
          const a = acc[group][c];
          for (const key of ['wall', 'parse', 'tfjs', 'nuv', 'problems']) a[key] += x[key];
          for (const [rule, t] of Object.entries(x.rules)) a.rules[rule] = (a.rules[rule] ?? 0) + t.total;
          const slot = `${i}:${k}:${c}`;
          const prev = best.get(slot) ?? { group, c, wall: Infinity, tfjs: Infinity, nuv: Infinity };
          for (const key of ['wall', 'tfjs', 'nuv']) prev[key] = Math.min(prev[key], x[key]);
          best.set(slot, prev);
        }
      }
    });
    for (const g of groups) for (const c of names) samples[g][c].push(acc[g][c]);
  }
  const out = {};
  for (const g of groups) {
    out[g] = {};
    for (const c of names) {
      const s = samples[g][c];
      const rules = {};
      for (const r of new Set(s.flatMap((x) => Object.keys(x.rules)))) rules[r] = median(s.map((x) => x.rules[r] ?? 0));
      out[g][c] = {
        wall: median(s.map((x) => x.wall)),
        parse: median(s.map((x) => x.parse)),
        tfjs: median(s.map((x) => x.tfjs)),
        nuv: median(s.map((x) => x.nuv)),
        rules,
        samples: s,
        best: { wall: 0, tfjs: 0, nuv: 0 },
        problems: s[s.length - 1].problems,
      };
    }
  }
  for (const b of best.values()) for (const key of ['wall', 'tfjs', 'nuv']) out[b.group][b.c].best[key] += b[key];
  return out;
}

/** Median over repetitions of a ratio taken within each repetition: load that varies between repetitions cancels. */
export function pairedRatio(a, b, pickA, pickB = pickA) {
  return median(a.samples.map((x, i) => pickA(x) / pickB(b.samples[i])));
}
