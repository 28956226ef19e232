// `npm run bench:ab -- <baseline dist/index.js> [candidate dist/index.js]`: is a change
// to the plugin faster or slower? Two builds in one process lint the generated 120-file
// project of `npm run bench`, with core `no-unused-vars` alongside, interleaved per
// file. The same build against itself differs by about 1.5% in the best case (the sum
// of each file's fastest repetition). A report, not a test.
//
//   git worktree add ../base main && (cd ../base && npm ci && npm run build)
//   npm run bench:ab -- ../base/dist/index.js
//
// Flags: --reps N (default 12); --common: only the rules both builds have (the cost of a
// change to the analysis, without the rules it added).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configArray, loadPlugin, measure, pairedRatio } from './bench-harness.mjs';
import { generateProject } from './bench-corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const REPS = repsAt >= 0 ? Number(args[repsAt + 1]) : 12;
const paths = args.filter((a, i) => !a.startsWith('--') && (repsAt < 0 || i !== repsAt + 1));
const COMMON = args.includes('--common');
if (paths.length < 1) {
  console.error('usage: npm run bench:ab -- <baseline dist/index.js> [candidate dist/index.js]');
  process.exit(2);
}
const baseline = await loadPlugin(paths[0]);
const candidate = await loadPlugin(paths[1] ?? join(root, 'dist/index.js'));

const benchDir = join(root, '.bench');
const files = generateProject(join(benchDir, 'project-ab'), { files: 120, seed: 1 }).map((e) => ({
  filename: e.path,
  text: readFileSync(e.path, 'utf8'),
}));
const rulesOf = (p, other) =>
  Object.fromEntries(Object.entries(p.configs.all.rules).filter(([id]) => !COMMON || id in other.configs.all.rules));
const withPlugin = (p, other) => configArray(benchDir, [{ plugins: { tfjs: p }, rules: rulesOf(p, other) }]);
const configs = {
  nuv: configArray(benchDir, [{ rules: { 'no-unused-vars': 'error' } }]),
  baseline: withPlugin(baseline, candidate),
  candidate: withPlugin(candidate, baseline),
};
// The first pass over all files also parses the modules cross-file analysis imports.
const m = measure(files, configs, { reps: REPS, warmup: files.length, cwd: benchDir }).all;

const best = (c) => m[c].best.tfjs;
const ratio = best('candidate') / best('baseline');
console.log(
  `A/B on ${files.length} files, ${REPS} repetitions after a warm-up; problems reported: baseline ${m.baseline.problems}, candidate ${m.candidate.problems}`,
);
console.log(
  `  best case (ms): no-unused-vars ${m.nuv.best.nuv.toFixed(1)}, baseline ${best('baseline').toFixed(1)}, candidate ${best('candidate').toFixed(1)}`,
);
console.log(
  `  ÷ no-unused-vars: baseline ${(best('baseline') / m.nuv.best.nuv).toFixed(2)}×, candidate ${(best('candidate') / m.nuv.best.nuv).toFixed(2)}×`,
);
const paired = pairedRatio(m.candidate, m.baseline, (x) => x.tfjs);
console.log(
  `  ${ratio <= 1.03 ? 'PASS' : 'FAIL'}  no regression: candidate ÷ baseline ≤ 1.03×: ${ratio.toFixed(3)} best case (${paired.toFixed(3)} paired median)`,
);
if (m.baseline.problems !== m.candidate.problems)
  console.log('  note: the builds report different numbers of problems');
