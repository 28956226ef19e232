// `npm run bench:analysis`: what the shared analysis costs by itself, on a cold and on a
// warm CPU cache. A report, not a test.
//
// Corpus (a) of `npm run bench` (the generated 120-file TF.js project) is parsed by
// ESLint file by file; right after each parse (outside the timing) the analysis of the
// fresh AST is timed three times, in this order:
//
//   cold     the first analysis of the fresh AST, as in a lint run: the parse and
//            ESLint's traversal have just filled the CPU caches with other data;
//   warm     the same analysis again on the same AST, its data now in the caches;
//   evicted  once more after touching 64 MB (caches evicted; the AST is no longer new).
//
// Each analysis is `new FileAnalysis(...)` plus the questions the rules ask (the pairs
// of every compile site, the facts of every layer and the input of softmax activation
// layers, the tensors fed to every loss call, the identifier uses). Sums of each
// file's fastest repetition are printed. evicted ÷ warm measures how much of the
// analysis time is memory traffic rather than work (cold ÷ warm also includes filling
// ESLint's per-node scope cache, which the later runs reuse): a change that touches
// fewer objects helps in ESLint even when a warm micro-benchmark cannot see it.
//
// Flags: --reps N (default 10), --cross-file (follow relative imports, as the default
// settings do; off by default, to time this file's analysis alone).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { generateProject } from './bench-corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const REPS = repsAt >= 0 ? Number(args[repsAt + 1]) : 10;
const CROSS_FILE = args.includes('--cross-file');

const dist = (p) => import(join(root, 'dist/analysis', p));
const { FileAnalysis } = await dist('index.js');
const { readSettings } = await dist('settings.js');
const { scan } = await dist('recorded-nodes.js');
const { createResolver } = await dist('modules/cache.js');

const benchDir = join(root, '.bench');
const projectDir = join(benchDir, 'project-120');
const files = generateProject(projectDir, { files: 120, seed: 1 }).map((e) => ({
  filename: e.path,
  text: e.text ?? readFileSync(e.path, 'utf8'),
}));

// A rule that only hands over what ESLint built for the file.
let captured;
const capture = {
  rules: {
    capture: {
      create: (context) => ({
        'Program:exit'() {
          captured = context;
        },
      }),
    },
  },
};
const linter = new Linter({ cwd: projectDir });
const config = [
  { files: ['**/*.js', '**/*.mjs', '**/*.ts'], plugins: { capture }, rules: { 'capture/capture': 'error' } },
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
];
const parse = (file) => {
  linter.verify(file.text, config, { filename: file.filename });
  return captured;
};

/** One analysis with the rules' questions; returns the elapsed ms and a count of answers. */
function analyse(context) {
  const settings = readSettings(context.settings);
  const resolver = CROSS_FILE ? createResolver(context, settings) : undefined;
  // ESLint's traversal records these for the real plugin; here they are found beforehand.
  const recorded = scan(context.sourceCode);
  const t0 = performance.now();
  const a = new FileAnalysis(context.sourceCode, settings, resolver, context.filename, recorded);
  let answers = 0;
  for (const site of a.compileSites) answers += a.pairsOf(site).length;
  for (const layer of a.layerCalls) {
    const facts = a.layerFacts(layer);
    answers += facts.length;
    // As no-single-unit-softmax: the input of a softmax activation layer.
    if (layer.info.role === 'activation' && facts.some((f) => f.value.activation === 'softmax')) {
      answers += a.inputLayerOf(layer).length;
    }
  }
  for (const call of a.lossCalls) answers += a.tensorPossibilities(call.prediction).length;
  answers += a.nameUses().length;
  return { ms: performance.now() - t0, answers };
}

const evictBuffer = new Float64Array(8 << 20); // 64 MB
function evictCaches() {
  let x = 0;
  for (let i = 0; i < evictBuffer.length; i += 8) x += evictBuffer[i] += 1; // one write per 64-byte line
  return x;
}

const KINDS = ['cold', 'warm', 'evicted'];
const best = Object.fromEntries(KINDS.map((k) => [k, files.map(() => Infinity)]));
const answers = Object.fromEntries(KINDS.map((k) => [k, 0]));
for (let rep = -2; rep < REPS; rep++) {
  files.forEach((file, i) => {
    const context = parse(file);
    const runs = { cold: analyse(context), warm: analyse(context) };
    evictCaches();
    runs.evicted = analyse(context);
    if (rep < 0) return; // warm-up
    for (const k of KINDS) {
      best[k][i] = Math.min(best[k][i], runs[k].ms);
      if (rep === 0) answers[k] += runs[k].answers;
    }
  });
}

const sum = (a) => a.reduce((x, y) => x + y, 0);
const total = Object.fromEntries(KINDS.map((k) => [k, sum(best[k])]));
console.log(
  `analysis alone on corpus (a): ${files.length} files, ${REPS} repetitions after 2 warm-ups, cross-file ${CROSS_FILE ? 'on' : 'off'}`,
);
console.log("  sum of each file's fastest repetition:");
for (const k of KINDS) console.log(`    ${k.padEnd(8)} ${total[k].toFixed(1).padStart(7)} ms`);
console.log(
  `  cold ÷ warm ${(total.cold / total.warm).toFixed(2)}×, evicted ÷ warm ${(total.evicted / total.warm).toFixed(2)}×`,
);
if (answers.cold !== answers.warm || answers.cold !== answers.evicted) {
  console.log(
    `  note: the three analyses gave different numbers of answers (${KINDS.map((k) => answers[k]).join(', ')})`,
  );
}
