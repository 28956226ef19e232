// `npm run bench:ab -- <baseline>`: is a change to the plugin faster or slower?
//
// Two builds of the plugin in one process, linting the generated 120-file TF.js
// project (corpus a of `npm run bench`) with `tfjs.configs.all` each, and core
// `no-unused-vars` alongside, interleaved per file in rotating order. Reported:
// the sum over files of each file's fastest repetition (the steadiest figure on a
// shared machine: the same build against itself differs by about 1.5%), and the
// median over repetitions of the paired ratio (about ±6%). A report, not a test.
//
//   git worktree add ../base main && (cd ../base && npm ci && npm run build)
//   npm run build && npm run bench:ab -- ../base/dist/index.js
//
// Arguments: <baseline dist/index.js> [candidate dist/index.js, default ./dist/index.js]
// Flags: --reps N (default 12).
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import { configArray as configArrayFor } from './bench-config.mjs';
import { generateProject } from './bench-corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const REPS = repsAt >= 0 ? Number(args[repsAt + 1]) : 12;
const paths = args.filter((a, i) => !a.startsWith('--') && (repsAt < 0 || i !== repsAt + 1));
if (paths.length < 1) {
  console.error('usage: node --expose-gc scripts/bench-ab.mjs <baseline dist/index.js> [candidate dist/index.js]');
  process.exit(2);
}
const load = async (p) => (await import(pathToFileURL(resolve(p)).href)).default;
const builds = { baseline: await load(paths[0]), candidate: await load(paths[1] ?? join(root, 'dist/index.js')) };

const benchDir = join(root, '.bench');
const files = generateProject(join(benchDir, 'project-ab'), { files: 120, seed: 1 }).map((e) => ({
  filename: e.path,
  text: e.text ?? readFileSync(e.path, 'utf8'),
}));
const configArray = (extra) => configArrayFor(benchDir, extra);
const CONFIGS = {
  nuv: configArray([{ rules: { 'no-unused-vars': 'error' } }]),
  baseline: configArray([{ plugins: { tfjs: builds.baseline }, rules: builds.baseline.configs.all.rules }]),
  candidate: configArray([{ plugins: { tfjs: builds.candidate }, rules: builds.candidate.configs.all.rules }]),
};
const names = Object.keys(CONFIGS);
const linters = Object.fromEntries(names.map((n) => [n, new Linter({ cwd: benchDir })]));

function run(name, file) {
  const linter = linters[name];
  const result = linter.verifyAndFix(file.text, CONFIGS[name], { filename: file.filename, fix: false, stats: true });
  const fatal = result.messages.find((m) => m.fatal || !m.ruleId);
  if (fatal) throw new Error(`${file.filename}: ${fatal.message}`);
  let time = 0;
  for (const t of Object.values(linter.getTimes().passes[0]?.rules ?? {})) time += t.total;
  return { time, problems: result.messages.length };
}

const best = Object.fromEntries(names.map((n) => [n, files.map(() => Infinity)]));
const sums = Object.fromEntries(names.map((n) => [n, []]));
const problems = {};
for (let rep = -2; rep < REPS; rep++) {
  globalThis.gc?.();
  const acc = Object.fromEntries(names.map((n) => [n, 0]));
  files.forEach((file, i) => {
    for (let j = 0; j < names.length; j++) {
      const name = names[(((i + rep + j) % names.length) + names.length) % names.length];
      const { time, problems: n } = run(name, file);
      if (rep < 0) continue; // warm-up (the first also parses imported modules)
      acc[name] += time;
      best[name][i] = Math.min(best[name][i], time);
      if (rep === 0) problems[name] = (problems[name] ?? 0) + n;
    }
  });
  if (rep >= 0) for (const n of names) sums[n].push(acc[n]);
}

const total = (a) => a.reduce((x, y) => x + y, 0);
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const b = Object.fromEntries(names.map((n) => [n, total(best[n])]));
const paired = (x, y) => median(sums[x].map((v, i) => v / sums[y][i]));
console.log(
  `A/B on ${files.length} files, ${REPS} repetitions after 2 warm-ups; problems reported: baseline ${problems.baseline}, candidate ${problems.candidate}`,
);
console.log(
  `  best case (ms): no-unused-vars ${b.nuv.toFixed(1)}, baseline ${b.baseline.toFixed(1)}, candidate ${b.candidate.toFixed(1)}`,
);
console.log(
  `  candidate ÷ baseline: ${(b.candidate / b.baseline).toFixed(3)} best case, ${paired('candidate', 'baseline').toFixed(3)} paired median`,
);
console.log(
  `  ÷ no-unused-vars: baseline ${(b.baseline / b.nuv).toFixed(2)}×, candidate ${(b.candidate / b.nuv).toFixed(2)}× (best case)`,
);
if (problems.baseline !== problems.candidate) console.log('  note: the builds report different numbers of problems');
